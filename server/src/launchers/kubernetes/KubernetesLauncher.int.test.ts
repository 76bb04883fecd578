import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubernetesLauncher } from './KubernetesLauncher.js';
import { FakeKubeApi } from './apiserver.testkit.js';
import { jobName } from './names.js';
import { LaunchRejected, type TrainingSpec, type TrainingStatus } from '../../domain/ports/TrainingLauncher.js';
import { until } from '../../queue/jobqueue.contract.js';
import { loadConfig } from '../../config/config.js';

const NS = 'loom-tenant-demo';
let api: FakeKubeApi;
let launcher: KubernetesLauncher;
let n = 0;
let minted = 0;
const creds = { loomUrl: 'http://ignored', apiKey: async () => `loom_minted_key_${++minted}` };

beforeAll(async () => {
  api = await FakeKubeApi.start();
  api.namespaces.add(NS);
  launcher = new KubernetesLauncher({ kubeConfig: api.kubeConfig(), namespacePrefix: 'loom-tenant-', loomUrl: 'http://loom-api.loom.svc:4000', imagePullGraceMs: 300, watchSeconds: 1 });
});
afterAll(async () => { await launcher?.close(); await api?.stop(); });

function spec(over: Partial<TrainingSpec> = {}): TrainingSpec {
  n++;
  return {
    tenant: 'demo', runId: `6f1c2a1e-0000-5000-8000-${String(n).padStart(12, '0')}`, requestId: `req-${n}`, image: 'ghcr.io/acme/train:1.4',
    command: ['python', 'train.py'], args: ['--epochs', '3'], env: [{ name: 'LR', value: '0.01' }],
    resources: { cpu: '4', cpuMillis: 4000, memory: '16Gi', memoryBytes: 16 * 2 ** 30, gpu: 0, gpuType: null }, workers: 1, retries: 0, timeoutSeconds: 3600, priority: 'NORMAL', ...over,
  };
}

/** Follow a run; `next(pred)` waits for a reported status. */
function follow(s: TrainingSpec, abort = new AbortController()) {
  const seen: TrainingStatus[] = [];
  const final = launcher.watch(s, async (st) => { seen.push(st); }, abort.signal);
  final.catch(() => undefined);
  const next = async (state: string, reason?: string) => {
    await until(() => seen.some((x) => x.state === state && (reason === undefined || x.reason === reason)), 10_000, `${state} ${reason ?? ''}`);
  };
  return { seen, final, next, abort };
}

describe('KubernetesLauncher against a stand-in API server', () => {
  it('creates a valid Job (GPU, labels, env, key Secret owned by the Job) and follows it QUEUED → RUNNING → SUCCEEDED with logs', async () => {
    const s = spec({ resources: { cpu: '8', cpuMillis: 8000, memory: '64Gi', memoryBytes: 64 * 2 ** 30, gpu: 2, gpuType: 'NVIDIA-A100-SXM4-80GB' }, retries: 2, timeoutSeconds: 7200 });
    const name = jobName(s.runId);
    const launched = await launcher.launch(s, creds);
    expect(launched).toEqual({ created: true, placement: { launcher: 'kubernetes', namespace: NS, job: name, pods: [] } });
    expect(api.invalid).toEqual([]);
    const job = api.received.find((o) => o.kind === 'Job' && o.metadata.name === name)!;
    expect(job.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'loom', 'loom.dev/tenant': 'demo', 'loom.dev/run-id': s.runId });
    expect(job.spec).toMatchObject({ backoffLimit: 2, activeDeadlineSeconds: 7200 });
    const pod = job.spec.template.spec;
    expect(pod).toMatchObject({ restartPolicy: 'Never', automountServiceAccountToken: false, nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(pod.containers[0]).toMatchObject({ name: 'train', image: 'ghcr.io/acme/train:1.4', command: ['python', 'train.py'], args: ['--epochs', '3'],
      resources: { requests: { cpu: '8', memory: '64Gi', 'nvidia.com/gpu': '2' }, limits: { memory: '64Gi', 'nvidia.com/gpu': '2' } } });
    expect(pod.containers[0].env).toEqual([
      { name: 'LR', value: '0.01' }, { name: 'LOOM_URL', value: 'http://loom-api.loom.svc:4000' }, { name: 'LOOM_RUN_ID', value: s.runId },
      { name: 'LOOM_API_KEY', valueFrom: { secretKeyRef: { name, key: 'api-key' } } },
    ]);
    const secret = api.secret(NS, name)!;
    expect(secret.stringData).toEqual({ 'api-key': `loom_minted_key_${minted}` });
    expect(secret.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name, uid: api.job(NS, name)!.metadata.uid }]);

    const f = follow(s);
    await f.next('QUEUED', 'Pending');
    const p = api.createPod(NS, name);
    api.setContainer(NS, p, { waiting: { reason: 'ContainerCreating' } });
    await f.next('QUEUED', 'ContainerCreating');
    api.setContainer(NS, p, { running: { startedAt: new Date().toISOString() } }, 'Running');
    await f.next('RUNNING', 'Running');
    expect(f.seen.find((x) => x.state === 'RUNNING')!.placement).toEqual({ launcher: 'kubernetes', namespace: NS, job: name, pods: [p] });
    api.appendLog(NS, p, 'epoch 1 loss 0.9\nepoch 2 loss 0.5\nepoch 3 loss 0.2\n');
    expect(await launcher.logs(s, 2, 0)).toBe('epoch 2 loss 0.5\nepoch 3 loss 0.2');
    await new Promise((r) => setTimeout(r, 1_300)); // the watches time out (1 s) and are re-established
    api.exit(NS, p, 0);
    api.setJobCondition(NS, name, 'Complete');
    expect(await f.final).toMatchObject({ state: 'SUCCEEDED', reason: 'Completed', placement: { pods: [p] } });
    expect(api.requests.filter((r) => r.includes('watch=true')).length).toBeGreaterThanOrEqual(4);
  });

  it('launching again creates nothing and mints no key; a new watcher picks up a running run where it is', async () => {
    const s = spec();
    const name = jobName(s.runId);
    await launcher.launch(s, creds);
    const before = minted;
    expect((await launcher.launch(s, creds)).created).toBe(false);
    expect(minted).toBe(before);
    expect(api.received.filter((o) => o.metadata.name === name).map((o) => o.kind)).toEqual(['Job', 'Secret']);
    const p = api.run(NS, name);
    const f = follow(s);
    await f.next('RUNNING');
    expect(f.seen[0]).toMatchObject({ state: 'RUNNING', placement: { pods: [p] } });
    api.exit(NS, p, 0);
    api.setJobCondition(NS, name, 'Complete');
    expect((await f.final).state).toBe('SUCCEEDED');
  });

  it('an OOMKilled attempt is retried; when retries run out the run FAILS with reason OOMKilled and every pod recorded', async () => {
    const s = spec({ retries: 1 });
    const name = jobName(s.runId);
    await launcher.launch(s, creds);
    const f = follow(s);
    const p1 = api.run(NS, name);
    await f.next('RUNNING', 'Running');
    api.exit(NS, p1, 137, 'OOMKilled');
    await f.next('RUNNING', 'Retrying');
    expect(f.seen.find((x) => x.reason === 'Retrying')!.message).toContain('OOMKilled');
    const p2 = api.run(NS, name);
    await until(() => f.seen.some((x) => x.reason === 'Running' && x.placement.pods.length === 2));
    api.exit(NS, p2, 137, 'OOMKilled');
    api.setJobCondition(NS, name, 'Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
    const final = await f.final;
    expect(final).toMatchObject({ state: 'FAILED', reason: 'OOMKilled', placement: { pods: [p1, p2] } });
    expect(final.message).toContain('ran out of memory');
  });

  it('a failing command FAILS with its exit code', async () => {
    const s = spec();
    const name = jobName(s.runId);
    await launcher.launch(s, creds);
    const f = follow(s);
    const p = api.run(NS, name);
    api.exit(NS, p, 2);
    api.setJobCondition(NS, name, 'Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
    expect(await f.final).toMatchObject({ state: 'FAILED', reason: 'Error' });
    expect((await f.final).message).toMatch(/^exit code 2/);
  });

  it('the deadline FAILS the run with DeadlineExceeded', async () => {
    const s = spec({ timeoutSeconds: 60 });
    const name = jobName(s.runId);
    await launcher.launch(s, creds);
    const f = follow(s);
    api.run(NS, name);
    await f.next('RUNNING');
    api.setJobCondition(NS, name, 'Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline');
    expect(await f.final).toMatchObject({ state: 'FAILED', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
  });

  it('an image that cannot be pulled FAILS the run (ImagePullBackOff) after the grace period and the Job is deleted', async () => {
    const s = spec({ image: 'ghcr.io/acme/does-not-exist:1' });
    const name = jobName(s.runId);
    await launcher.launch(s, creds);
    const f = follow(s);
    const p = api.createPod(NS, name);
    api.setContainer(NS, p, { waiting: { reason: 'ErrImagePull', message: 'manifest unknown' } });
    await f.next('QUEUED', 'ErrImagePull');
    api.setContainer(NS, p, { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "ghcr.io/acme/does-not-exist:1"' } });
    const final = await f.final;
    expect(final).toMatchObject({ state: 'FAILED', reason: 'ImagePullBackOff' });
    expect(final.message).toContain('cannot be pulled');
    expect(api.job(NS, name)).toBeUndefined();
  });

  it('an unschedulable pod keeps the run QUEUED with the scheduler\'s reason', async () => {
    const s = spec({ resources: { cpu: '1', cpuMillis: 1000, memory: '1Gi', memoryBytes: 2 ** 30, gpu: 8, gpuType: 'NVIDIA-H100-80GB-HBM3' } });
    const name = jobName(s.runId);
    await launcher.launch(s, creds);
    const f = follow(s);
    const p = api.createPod(NS, name);
    api.setPodCondition(NS, p, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient nvidia.com/gpu.' });
    await f.next('QUEUED', 'Unschedulable');
    expect(f.seen.at(-1)!.message).toContain('Insufficient nvidia.com/gpu');
    f.abort.abort();
    await expect(f.final).rejects.toThrow(/shutting down/);
    await launcher.cancel(s);
  });

  it('cancel deletes the Job (its pods and key Secret go with it): CANCELLED; cancelling again is a no-op', async () => {
    const s = spec();
    const name = jobName(s.runId);
    await launcher.launch(s, creds);
    const f = follow(s);
    api.run(NS, name);
    await f.next('RUNNING');
    await launcher.cancel(s);
    expect(await f.final).toMatchObject({ state: 'CANCELLED', reason: 'Deleted' });
    expect(api.job(NS, name)).toBeUndefined();
    expect(api.secret(NS, name)).toBeUndefined();
    expect(api.podsOf(NS, name)).toEqual([]);
    await launcher.cancel(s);
  });

  it('a run of several workers: an Indexed Job and its headless Service, RUNNING once every worker runs, logs per worker, cancel takes both away', async () => {
    const s = spec({ workers: 2, resources: { cpu: '8', cpuMillis: 8000, memory: '64Gi', memoryBytes: 64 * 2 ** 30, gpu: 4, gpuType: null } });
    const name = jobName(s.runId);
    await launcher.launch(s, creds);
    expect(api.invalid).toEqual([]);
    const job = api.job(NS, name)!;
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 2, parallelism: 2, template: { spec: { subdomain: name } } });
    const svc = api.service(NS, name)!;
    expect(svc.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    expect(svc.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name, uid: job.metadata.uid }]);
    // Launching again creates neither again.
    expect((await launcher.launch(s, creds)).created).toBe(false);
    expect(api.received.filter((o) => o.metadata.name === name).map((o) => o.kind)).toEqual(['Job', 'Secret', 'Service']);

    const f = follow(s);
    const w0 = api.run(NS, name, 0);
    await until(() => f.seen.some((x) => x.state === 'QUEUED' && x.message === '1 of 2 workers running; worker 1: waiting for the Job controller to create a pod'), 10_000, 'worker 0 running');
    const w1 = api.createPod(NS, name, 1);
    api.setPodCondition(NS, w1, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient nvidia.com/gpu.' });
    await f.next('QUEUED', 'Unschedulable');
    api.setContainer(NS, w1, { running: { startedAt: new Date().toISOString() } }, 'Running');
    await f.next('RUNNING', 'Running');
    expect(f.seen.at(-1)!.placement.pods).toEqual([w0, w1]);
    api.appendLog(NS, w0, 'rank 0 up\n');
    api.appendLog(NS, w1, 'rank 1 up\n');
    expect([await launcher.logs(s, 10, 0), await launcher.logs(s, 10, 1)]).toEqual(['rank 0 up', 'rank 1 up']);
    await launcher.cancel(s);
    expect(await f.final).toMatchObject({ state: 'CANCELLED', reason: 'Deleted' });
    expect([api.job(NS, name), api.service(NS, name), api.secret(NS, name)]).toEqual([undefined, undefined, undefined]);
  });

  it('with a Kueue queue: the Job waits suspended until Kueue admits it whole, runs, and waits again if preempted', async () => {
    const queued = new KubernetesLauncher({ kubeConfig: api.kubeConfig(), namespacePrefix: 'loom-tenant-', loomUrl: 'http://loom-api.loom.svc:4000', watchSeconds: 1, kueueQueue: 'training' });
    try {
      const s = spec({ workers: 2, resources: { cpu: '8', cpuMillis: 8000, memory: '64Gi', memoryBytes: 64 * 2 ** 30, gpu: 4, gpuType: null } });
      const name = jobName(s.runId);
      await queued.launch(s, creds);
      expect(api.invalid).toEqual([]);
      const job = api.job(NS, name)!;
      expect(job.metadata.labels['kueue.x-k8s.io/queue-name']).toBe('training');
      expect(job.spec).toMatchObject({ suspend: true, completionMode: 'Indexed', completions: 2, parallelism: 2 });
      const seen: TrainingStatus[] = [];
      const final = queued.watch(s, async (st) => { seen.push(st); }, new AbortController().signal);
      const waiting = (x: TrainingStatus) => x.state === 'QUEUED' && x.reason === 'Suspended' && x.message === 'waiting for Kueue to admit it (queue training)';
      await until(() => seen.some(waiting), 10_000, 'suspended');
      api.setSuspended(NS, name, false); // admitted: the Job controller starts both workers
      api.run(NS, name, 0);
      api.run(NS, name, 1);
      await until(() => seen.at(-1)?.state === 'RUNNING', 10_000, 'running');
      api.setSuspended(NS, name, true); // preempted by a higher-priority workload: pods gone, back in the queue
      await until(() => waiting(seen.at(-1)!), 10_000, 'suspended again');
      api.setSuspended(NS, name, false);
      for (const i of [0, 1]) api.exit(NS, api.run(NS, name, i), 0);
      api.setJobCondition(NS, name, 'Complete');
      expect(await final).toMatchObject({ state: 'SUCCEEDED' });
    } finally {
      await queued.close();
    }
    expect(() => loadConfig({ LOOM_K8S_KUEUE_QUEUE: 'Not A Label' })).toThrow(/LOOM_K8S_KUEUE_QUEUE="Not A Label": must be the name of a Kueue LocalQueue/);
    expect(loadConfig({ LOOM_K8S_KUEUE_QUEUE: 'training' }).training.kubernetes.kueueQueue).toBe('training');
  });

  it('refuses what cannot work: a missing tenant namespace (LaunchRejected), an invalid manifest (BAD_USER_INPUT), a bad token', async () => {
    await expect(launcher.launch(spec({ tenant: 'nobody' }), creds)).rejects.toBeInstanceOf(LaunchRejected);
    expect(() => launcher.check(spec({ resources: { cpu: 'lots', cpuMillis: 1, memory: '1Gi', memoryBytes: 1, gpu: 0, gpuType: null } }))).toThrow(/input: the Kubernetes Job for this request would not be valid: .*cpu/);
    const intruder = new KubernetesLauncher({ kubeConfig: api.kubeConfig('wrong-token'), namespacePrefix: 'loom-tenant-' });
    await expect(intruder.launch(spec(), creds)).rejects.toThrow(/401|Unauthorized/);
  });
});
