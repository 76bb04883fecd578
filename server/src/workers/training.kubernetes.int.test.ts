/**
 * Loom with LOOM_TRAINING=kubernetes against the stand-in API server: the whole path from the
 * GraphQL request through the queue and the workers to a Job, its pods' states recorded on the Run
 * node (k8s.namespace, k8s.pod: GPU metrics join the run through them), logs, cancel, retries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestLoom, type TestLoom } from '../testing/harness.js';
import { FakeKubeApi } from '../launchers/kubernetes/apiserver.testkit.js';
import { jobName } from '../launchers/kubernetes/names.js';
import { until } from '../queue/jobqueue.contract.js';
import { REQUEST, waitForState } from '../api/graphql/training.testkit.js';
import { runNodeId } from '../domain/ids.js';
import { DCGM_RESOURCE, dcgmLabels, gaugeRequest } from '../domain/telemetry/metrics-testkit.js';

const NS = 'loom-tenant-demo';
let api: FakeKubeApi;
let loom: TestLoom;
let dir: string;
let rivalKey: string;

const request = (over: Record<string, unknown> = {}) => ({
  image: 'ghcr.io/acme/train:2.0', command: ['python', '-m', 'train'], args: ['--epochs', '10'], resources: { cpu: '4', memory: '16Gi', gpu: 1, gpuType: 'NVIDIA-A100-SXM4-80GB' }, ...over,
});
async function requested(over: Record<string, unknown> = {}, key?: string): Promise<string> {
  const r = await loom.gql(REQUEST, { input: request(over) }, key);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.requestTraining.runId;
}
const jobCreated = (runId: string, ns = NS) => until(() => !!api.job(ns, jobName(runId)), 15_000, `Job of run ${runId}`);
const runProps = async (runId: string) => (await loom.services.graph.getNodes('demo', [runNodeId(runId)]))[0]!.props;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'loom-k8s-training-'));
  api = await FakeKubeApi.start();
  api.namespaces.add(NS);
  const kubeconfig = path.join(dir, 'kubeconfig.json');
  writeFileSync(kubeconfig, api.kubeConfig().exportConfig());
  loom = await startTestLoom({
    LOOM_TRAINING: 'kubernetes', LOOM_K8S_KUBECONFIG: kubeconfig, LOOM_TRAINING_LOOM_URL: 'http://loom-api.loom.svc:4000', LOOM_K8S_IMAGE_PULL_GRACE_SECONDS: '0',
    LOOM_LOG_LEVEL: 'fatal', // the retry and failure scenarios below log on purpose
  });
  await loom.services.tenancy.createTenant('rival');
  rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
});
afterAll(async () => {
  await loom?.close();
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('training on Kubernetes (stand-in API server)', () => {
  it('request → Job in the tenant namespace → RUNNING with k8s.namespace/k8s.pod on the Run (GPU metrics join it) → SUCCEEDED; logs from the pod', async () => {
    const runId = await requested({ requestId: 'k8s-e2e' });
    await jobCreated(runId);
    const name = jobName(runId);
    const job = api.job(NS, name)!;
    expect(job.spec.template.spec.containers[0].resources.limits).toEqual({ memory: '16Gi', 'nvidia.com/gpu': '1' });
    expect(job.spec.template.spec.containers[0].env).toContainEqual({ name: 'LOOM_URL', value: 'http://loom-api.loom.svc:4000' });
    await until(() => !!api.secret(NS, name), 5_000, 'the key Secret');
    const key = api.secret(NS, name)!.stringData['api-key'];
    expect(await loom.services.tenancy.authenticate(key)).toMatchObject({ tenant: 'demo', role: 'editor' });
    expect(api.invalid).toEqual([]);
    const minted = (await loom.services.tenancy.listApiKeys('demo')).filter((k) => k.runId === runId);
    expect(minted).toEqual([expect.objectContaining({ role: 'editor', name: `training run ${runId}`, createdBy: 'training', revokedAt: null })]);

    const pod = api.run(NS, name);
    const started = Date.now();
    await waitForState(loom, runId, 'RUNNING');
    expect(await runProps(runId)).toMatchObject({ 'training.launcher': 'kubernetes', 'k8s.namespace': NS, 'k8s.job': name, 'k8s.pod': pod, trainingReason: 'Running' });

    // DCGM samples of the GPU the pod got, as the OTel Collector forwards them: they join the run.
    const gpu = { uuid: 'GPU-11111111-0000-4000-8000-000000000001', index: '0', host: 'gpu-node-7', namespace: NS, pod, container: 'train' };
    const samples = [0, 1, 2].map((i) => ({ name: 'DCGM_FI_DEV_GPU_UTIL', timeMs: started + 100 + i * 200, value: 80 + i, labels: dcgmLabels(gpu) }));
    expect((await loom.post('/v1/metrics', gaugeRequest(samples, DCGM_RESOURCE))).status).toBe(200);

    api.appendLog(NS, pod, 'step 1 loss 0.7\nstep 2 loss 0.4\n');
    const logs = await loom.gql('query ($r: String!) { trainingRun(runId: $r) { logs(tailLines: 1) placement { namespace job pods } } }', { r: runId });
    expect(logs.data.trainingRun).toEqual({ logs: 'step 2 loss 0.4', placement: { namespace: NS, job: name, pods: [pod] } });

    await new Promise((r) => setTimeout(r, 700));
    api.exit(NS, pod, 0);
    api.setJobCondition(NS, name, 'Complete');
    await waitForState(loom, runId, 'SUCCEEDED');
    // The run's command is done: its key is revoked (kept in the list, for the record).
    await until(async () => (await loom.services.tenancy.authenticate(key)) === null, 5_000, 'the run key revoked');
    expect(await loom.services.tenancy.apiKey('demo', minted[0].id)).toMatchObject({ revokedBy: 'training' });
    const summary = await loom.gql('query ($r: String!) { runGpuSummary(runId: $r) { gpuCount placement { namespace pods } gpus { gpuUuid pod } } }', { r: runId });
    expect(summary.errors).toBeUndefined();
    expect(summary.data.runGpuSummary).toMatchObject({ gpuCount: 1, placement: { namespace: NS, pods: [pod] }, gpus: [{ gpuUuid: gpu.uuid, pod }] });
    // And the GPU leads back to the run (its pod, named by the launcher).
    const devices = await loom.gql('{ gpus(limit: 5000) { gpuUuid runs { runId pod } } }');
    expect(devices.data.gpus.find((g: { gpuUuid: string }) => g.gpuUuid === gpu.uuid)?.runs).toEqual([{ runId, pod: `${NS}/${pod}` }]);
  });

  it('a distributed run: an Indexed Job and its Service; RUNNING once both workers run; both pods on the Run, so the GPU summary counts the GPUs of both', async () => {
    const runId = await requested({ workers: 2 });
    await jobCreated(runId);
    const name = jobName(runId);
    expect(api.job(NS, name)!.spec).toMatchObject({ completionMode: 'Indexed', completions: 2, parallelism: 2 });
    await until(() => !!api.service(NS, name), 5_000, 'the workers\' Service');
    expect(api.invalid).toEqual([]);
    const w0 = api.run(NS, name, 0);
    await until(async () => String((await runProps(runId)).trainingMessage).startsWith('1 of 2 workers running'), 10_000, 'one worker of two');
    expect((await runProps(runId)).trainingState).toBe('QUEUED');
    const w1 = api.run(NS, name, 1);
    await waitForState(loom, runId, 'RUNNING');
    expect(await runProps(runId)).toMatchObject({ 'k8s.pod': [w0, w1] });
    const started = Date.now();
    const samples = [w0, w1].flatMap((pod, i) => {
      const gpu = { uuid: `GPU-22222222-0000-4000-8000-00000000000${i}`, index: '0', host: `gpu-node-${i}`, namespace: NS, pod, container: 'train' };
      return [0, 1].map((k) => ({ name: 'DCGM_FI_DEV_GPU_UTIL', timeMs: started + 100 + k * 200, value: 90, labels: dcgmLabels(gpu) }));
    });
    expect((await loom.post('/v1/metrics', gaugeRequest(samples, DCGM_RESOURCE))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500)); // the samples' times have passed (the window of a running run ends now)
    const summary = await loom.gql('query ($r: String!) { runGpuSummary(runId: $r) { gpuCount gpus { pod } } }', { r: runId });
    expect(summary.errors).toBeUndefined();
    expect(summary.data.runGpuSummary.gpuCount).toBe(2);
    expect(summary.data.runGpuSummary.gpus.map((g: any) => g.pod).sort()).toEqual([w0, w1].sort());
    api.appendLog(NS, w1, 'worker 1 epoch 1\n');
    const logs = await loom.gql('query ($r: String!) { trainingRun(runId: $r) { workers logs(worker: 1) } }', { r: runId });
    expect(logs.data.trainingRun).toEqual({ workers: 2, logs: 'worker 1 epoch 1' });
    api.exit(NS, w0, 0);
    api.exit(NS, w1, 0);
    api.setJobCondition(NS, name, 'Complete');
    await waitForState(loom, runId, 'SUCCEEDED');
  });

  it('an OOMKilled run FAILS with reason OOMKilled; its pods are all recorded', async () => {
    const runId = await requested({ retries: 1 });
    await jobCreated(runId);
    const name = jobName(runId);
    const p1 = api.run(NS, name);
    await waitForState(loom, runId, 'RUNNING');
    api.exit(NS, p1, 137, 'OOMKilled');
    const p2 = api.run(NS, name);
    await until(async () => (await runProps(runId))['k8s.pod'] instanceof Array, 10_000, 'both pods recorded');
    api.exit(NS, p2, 137, 'OOMKilled');
    api.setJobCondition(NS, name, 'Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
    const failed = await waitForState(loom, runId, 'FAILED');
    expect(failed.reason).toBe('OOMKilled');
    expect(await runProps(runId)).toMatchObject({ 'k8s.pod': [p1, p2], trainingState: 'FAILED' });
    expect((await loom.gql('query ($r: String!) { trackedRun(runId: $r) { status } }', { r: runId })).data.trackedRun.status).toBe('FAILED');
  });

  it('an image that cannot be pulled FAILS the run (ImagePullBackOff) and deletes its Job', async () => {
    const runId = await requested({ image: 'ghcr.io/acme/missing:0' });
    await jobCreated(runId);
    const name = jobName(runId);
    const p = api.createPod(NS, name);
    api.setContainer(NS, p, { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "ghcr.io/acme/missing:0"' } });
    expect((await waitForState(loom, runId, 'FAILED')).reason).toBe('ImagePullBackOff');
    expect(api.job(NS, name)).toBeUndefined();
  });

  it('the deadline FAILS the run (DeadlineExceeded)', async () => {
    const runId = await requested({ timeoutSeconds: 60 });
    await jobCreated(runId);
    const name = jobName(runId);
    api.run(NS, name);
    await waitForState(loom, runId, 'RUNNING');
    api.setJobCondition(NS, name, 'Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline');
    expect(await waitForState(loom, runId, 'FAILED')).toMatchObject({ reason: 'DeadlineExceeded' });
  });

  it('cancelTraining deletes the Job: CANCELLED', async () => {
    const runId = await requested();
    await jobCreated(runId);
    api.run(NS, jobName(runId));
    await waitForState(loom, runId, 'RUNNING');
    const r = await loom.gql('mutation ($r: String!) { cancelTraining(runId: $r) { runId } }', { r: runId });
    expect(r.errors).toBeUndefined();
    expect(await waitForState(loom, runId, 'CANCELLED')).toMatchObject({ reason: 'Cancelled' });
    expect(api.job(NS, jobName(runId))).toBeUndefined();
  });

  it('an API server that fails for a while: the launch is retried with backoff and the Job is created once', async () => {
    api.failNext(2, 503);
    const runId = await requested();
    await jobCreated(runId);
    const name = jobName(runId);
    expect(api.received.filter((o) => o.kind === 'Job' && o.metadata.name === name)).toHaveLength(1);
    api.run(NS, name);
    await waitForState(loom, runId, 'RUNNING');
    api.exit(NS, api.podsOf(NS, name)[0].metadata.name, 0);
    api.setJobCondition(NS, name, 'Complete');
    await waitForState(loom, runId, 'SUCCEEDED');
    const text = await (await fetch(`${loom.url}/metrics`)).text();
    expect(text).toMatch(/loom_queue_jobs_total\{queue="training.run",outcome="retried"\} [1-9]/);
  });

  it('a tenant without a namespace gets a FAILED run at once, saying so (no retries)', async () => {
    const runId = await requested({}, rivalKey);
    const failed = await waitForState(loom, runId, 'FAILED', rivalKey, 10_000);
    expect(failed.reason).toBe('DispatchFailed');
    expect(failed.message).toMatch(/loom-tenant-rival.*namespace does not exist/);
    expect((await loom.gql('{ trainingQuota { activeRuns } }', {}, rivalKey)).data.trainingQuota.activeRuns).toBe(0);
  });
});
