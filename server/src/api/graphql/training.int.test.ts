import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { GET, REQUEST, scriptRequest, waitForState } from './training.testkit.js';
import { runNodeId, trainingAccountId, trainingRequestId } from '../../domain/ids.js';

let loom: TestLoom;
let dir: string;
let rivalKey: string;
let viewerKey: string;
let editorKey: string;
let dataset: string;

const file = (name: string) => path.join(dir, name);
const gqlOk = async (query: string, variables?: Record<string, unknown>, key?: string) => {
  const r = await loom.gql(query, variables, key);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
};
const gqlErr = async (query: string, variables?: Record<string, unknown>, key?: string) => {
  const r = await loom.gql(query, variables, key);
  expect(r.errors, 'expected an error').toBeDefined();
  return r.errors![0];
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'loom-training-test-'));
  loom = await startTestLoom();
  await loom.services.tenancy.createTenant('rival');
  rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
  viewerKey = await loom.services.tenancy.createApiKey('demo', 'viewer');
  editorKey = await loom.services.tenancy.createApiKey('demo', 'editor');
  const found = await gqlOk('{ search(text: "customers_clean") { id kind } }');
  dataset = found.search.find((n: any) => n.kind === 'Dataset').id;
  await loom.services.graph.write('demo', { nodes: [{ id: 'featuregroup:features:customer_profile', kind: 'FeatureGroup', namespace: 'features', name: 'customer_profile' }], edges: [] });
});
afterAll(async () => {
  await loom?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('training through GraphQL with the local launcher (in-process queue)', () => {
  it('request → QUEUED run linked to its inputs → RUNNING → SUCCEEDED, with logs and metrics the training command logged through Loom\'s API', async () => {
    const { requestTraining: run } = await gqlOk(REQUEST, {
      input: scriptRequest({ MARKER: file('e2e.marker'), RELEASE: file('e2e.release') }, {
        requestId: 'e2e-1', name: 'churn baseline', experiment: 'churn-training',
        inputs: { datasets: [dataset], featureGroups: ['featuregroup:features:customer_profile'] }, retries: 1, timeoutSeconds: 600, priority: 'HIGH',
      }),
    });
    expect(run).toMatchObject({ id: `run:${run.runId}`, requestId: 'e2e-1', name: 'churn baseline', experiment: 'churn-training', datasets: [dataset], featureGroups: ['featuregroup:features:customer_profile'], resources: { cpu: '500m', memory: '256Mi', gpu: 0, gpuType: null }, priority: 'HIGH' });
    expect(['QUEUED', 'RUNNING']).toContain(run.state);
    expect(run.runId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // The graph: request → run, inputs → run, experiment → run, the tenant's training account → run (holding quota).
    const g = loom.services.graph;
    const upstream = await g.neighbours('demo', runNodeId(run.runId), { direction: 'UPSTREAM', limit: 50, offset: 0 });
    expect(upstream.items.map((i) => `${i.edge.kind} ${i.node.id}`).sort()).toEqual([
      `DISPATCHED ${trainingAccountId('demo')}`, `HAS_RUN experiment:registry:churn-training`, `LAUNCHED ${trainingRequestId('e2e-1')}`,
      `READ_BY ${dataset}`, 'READ_BY featuregroup:features:customer_profile',
    ].sort());

    const running = await waitForState(loom, run.runId, 'RUNNING');
    expect(running.placement).toMatchObject({ launcher: 'local', job: run.runId, pods: [] });
    const quota = await gqlOk('{ trainingQuota { gpu cpu usedGpu usedCpu activeRuns } }');
    expect(quota.trainingQuota).toEqual({ gpu: null, cpu: null, usedGpu: 0, usedCpu: '500m', activeRuns: 1 });
    const tracked = await gqlOk('query ($r: String!) { trackedRun(runId: $r) { status startedAt } }', { r: run.runId });
    expect(tracked.trackedRun.status).toBe('RUNNING');

    writeFileSync(file('e2e.release'), '');
    const done = await waitForState(loom, run.runId, 'SUCCEEDED');
    expect(done.reason).toBe('Completed');
    const full = await gqlOk(`query ($r: String!) { trainingRun(runId: $r) { logs(tailLines: 50) run { status startedAt endedAt params { key value } latestMetrics { key value step count } } } }`, { r: run.runId });
    expect(full.trainingRun.logs).toContain(`training run ${run.runId}`);
    expect(full.trainingRun.logs).toContain('logged {"metrics":5,"params":1}');
    expect(full.trainingRun.logs).toContain('training done');
    // the run's own editor key, which the command printed, is hidden from whoever reads the logs (a viewer too)
    expect(full.trainingRun.logs).toContain('LOOM_API_KEY=loom_…(hidden)');
    expect(full.trainingRun.logs).not.toMatch(/loom_[A-Za-z0-9_-]{16,}/);
    expect(full.trainingRun.run).toMatchObject({ status: 'COMPLETED', params: [{ key: 'epochs', value: '5' }], latestMetrics: [{ key: 'loss', value: 0.2, step: 4, count: 5 }] });
    expect(full.trainingRun.run.startedAt <= full.trainingRun.run.endedAt).toBe(true);
    const tail = await gqlErr('query ($r: String!) { trainingRun(runId: $r) { logs(tailLines: 0) } }', { r: run.runId });
    expect(tail.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tailLines' });
    const props = (await g.getNodes('demo', [runNodeId(run.runId)]))[0]!.props;
    expect(props).toMatchObject({ trainingState: 'SUCCEEDED', trainingReason: 'Completed', 'training.launcher': 'local' });
    expect(Object.keys(props).filter((k) => /^at\.(COMPLETE|FAIL|ABORT)$/.test(k))).toEqual(['at.COMPLETE']);
    expect((await gqlOk('{ trainingQuota { activeRuns usedCpu } }')).trainingQuota).toEqual({ activeRuns: 0, usedCpu: '0' });
    const list = await gqlOk('{ all: trainingRuns { total items { runId state } } active: trainingRuns(activeOnly: true) { total } }');
    expect(list.all.items).toContainEqual({ runId: run.runId, state: 'SUCCEEDED' });
    expect(list.active.total).toBe(0);
    expect(readFileSync(file('e2e.marker'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('the same request sent again returns the same run and launches nothing more; other content under the same request id is a CONFLICT', async () => {
    const input = scriptRequest({ MARKER: file('dup.marker'), RELEASE: file('dup.release') }, { requestId: 'dup-1' });
    const [a, b] = await Promise.all([gqlOk(REQUEST, { input }), gqlOk(REQUEST, { input })]);
    expect(b.requestTraining.runId).toBe(a.requestTraining.runId);
    await waitForState(loom, a.requestTraining.runId, 'RUNNING');
    const c = await gqlOk(REQUEST, { input });
    expect(c.requestTraining.runId).toBe(a.requestTraining.runId);
    const conflict = await gqlErr(REQUEST, { input: { ...input, args: ['--other'] } });
    expect(conflict.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.requestId' });
    writeFileSync(file('dup.release'), '');
    await waitForState(loom, a.requestTraining.runId, 'SUCCEEDED');
    expect(readFileSync(file('dup.marker'), 'utf8').trim().split('\n')).toHaveLength(1);
    // After it ended, sending it again still launches nothing.
    expect((await gqlOk(REQUEST, { input })).requestTraining.state).toBe('SUCCEEDED');
    await new Promise((r) => setTimeout(r, 500));
    expect(readFileSync(file('dup.marker'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('a failing command ends FAILED with its reason (after its retries); the tracked run says FAILED', async () => {
    const { requestTraining: run } = await gqlOk(REQUEST, { input: scriptRequest({ MARKER: file('fail.marker'), EXIT_CODE: '3' }, { retries: 1 }) });
    const failed = await waitForState(loom, run.runId, 'FAILED');
    expect(failed).toMatchObject({ reason: 'Error', message: 'exit code 3' });
    expect(readFileSync(file('fail.marker'), 'utf8').trim().split('\n')).toHaveLength(2); // one retry
    expect((await gqlOk('query ($r: String!) { trackedRun(runId: $r) { status } }', { r: run.runId })).trackedRun.status).toBe('FAILED');
  });

  it('cancel stops a running run (CANCELLED, frees its quota); cancelling again changes nothing', async () => {
    const { requestTraining: run } = await gqlOk(REQUEST, { input: scriptRequest({ RELEASE: file('never') }) });
    await waitForState(loom, run.runId, 'RUNNING');
    const c = await gqlOk('mutation ($r: String!) { cancelTraining(runId: $r) { state cancelRequestedAt } }', { r: run.runId });
    expect(c.cancelTraining.cancelRequestedAt).not.toBeNull();
    const cancelled = await waitForState(loom, run.runId, 'CANCELLED');
    expect(cancelled.reason).toBe('Cancelled');
    expect((await gqlOk('query ($r: String!) { trackedRun(runId: $r) { status } }', { r: run.runId })).trackedRun.status).toBe('ABORTED');
    const active = await gqlOk('{ trainingRuns(activeOnly: true) { items { runId } } }');
    expect(active.trainingRuns.items.map((i: any) => i.runId)).not.toContain(run.runId);
    expect((await gqlOk('mutation ($r: String!) { cancelTraining(runId: $r) { state reason } }', { r: run.runId })).cancelTraining).toEqual({ state: 'CANCELLED', reason: 'Cancelled' });
  });

  it('rejects requests beyond the tenant\'s GPU or CPU quota, naming the resource; the quota frees when runs end', async () => {
    await loom.services.trainingQuotas.setLimits('demo', { gpu: 2, cpuMillis: 2000 });
    try {
      const first = await gqlOk(REQUEST, { input: scriptRequest({ RELEASE: file('quota.release') }, { resources: { cpu: '1', gpu: 2, gpuType: 'NVIDIA-A100-SXM4-80GB' } }) });
      const gpu = await gqlErr(REQUEST, { input: scriptRequest({}, { resources: { cpu: '500m', gpu: 1 } }) });
      expect(gpu.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.resources.gpu' });
      expect(gpu.message).toMatch(/quota exceeded: tenant demo may hold 2 GPU\(s\).*2 are held by 1 queued or running run\(s\) and this request asks for 1/);
      const cpu = await gqlErr(REQUEST, { input: scriptRequest({}, { resources: { cpu: '1500m' } }) });
      expect(cpu.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.resources.cpu' });
      expect(cpu.message).toContain('may hold 2 CPU core(s)');
      expect((await gqlOk('{ trainingQuota { gpu cpu usedGpu usedCpu activeRuns } }')).trainingQuota).toEqual({ gpu: 2, cpu: '2', usedGpu: 2, usedCpu: '1', activeRuns: 1 });
      writeFileSync(file('quota.release'), '');
      await waitForState(loom, first.requestTraining.runId, 'SUCCEEDED');
      const again = await gqlOk(REQUEST, { input: scriptRequest({}, { resources: { cpu: '500m', gpu: 1 } }) });
      await waitForState(loom, again.requestTraining.runId, 'SUCCEEDED');
    } finally {
      await loom.services.trainingQuotas.setLimits('demo', { gpu: null, cpuMillis: null });
    }
  });

  it('a distributed run: every worker runs and logs, the quota counts each one, logs are read per worker', async () => {
    await loom.services.trainingQuotas.setLimits('demo', { gpu: 4, cpuMillis: null });
    try {
      const over = await gqlErr(REQUEST, { input: scriptRequest({}, { workers: 3, resources: { cpu: '500m', gpu: 2 } }) });
      expect(over.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.resources.gpu' });
      expect(over.message).toMatch(/this request asks for 6 \(3 workers × 2\)$/);
      const { requestTraining: run } = await gqlOk(REQUEST, { input: scriptRequest({ MARKER: file('dist.marker'), RELEASE: file('dist.release') }, { workers: 2, resources: { cpu: '500m', gpu: 2 } }) });
      expect((await gqlOk('{ trainingQuota { usedGpu usedCpu } }')).trainingQuota).toEqual({ usedGpu: 4, usedCpu: '1' });
      await waitForState(loom, run.runId, 'RUNNING');
      writeFileSync(file('dist.release'), '');
      await waitForState(loom, run.runId, 'SUCCEEDED');
      expect(readFileSync(file('dist.marker'), 'utf8').trim().split('\n')).toHaveLength(2);
      const q = 'query ($r: String!, $w: Int!) { trainingRun(runId: $r) { workers logs(worker: $w) } }';
      const [w0, w1] = [(await gqlOk(q, { r: run.runId, w: 0 })).trainingRun, (await gqlOk(q, { r: run.runId, w: 1 })).trainingRun];
      expect(w0.workers).toBe(2);
      expect(w0.logs).toMatch(/^worker 0 of 2, rendezvous 127\.0\.0\.1:\d+$/m);
      expect(w1.logs).toMatch(/^worker 1 of 2, rendezvous 127\.0\.0\.1:\d+$/m);
      expect(w1.logs).toContain('training done');
      const bad = await gqlErr(q, { r: run.runId, w: 2 });
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'worker' });
      expect((await gqlOk('{ trainingQuota { usedGpu } }')).trainingQuota.usedGpu).toBe(0);
    } finally {
      await loom.services.trainingQuotas.setLimits('demo', { gpu: null, cpuMillis: null });
    }
  });

  it('rejects bad input naming the field, and stores nothing', async () => {
    const before = (await gqlOk('{ trainingRuns { total } }')).trainingRuns.total;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ image: 'Not An Image!' }, 'input.image', /container image reference/],
      [{ command: [] }, 'input.command', /required with the local launcher/],
      [{ env: [{ name: 'LOOM_API_KEY', value: 'x' }] }, 'input.env[0].name', /set by Loom/],
      [{ env: [{ name: '1BAD', value: 'x' }] }, 'input.env[0].name', /variable name/],
      [{ resources: { cpu: 'lots' } }, 'input.resources.cpu', /CPU quantity/],
      [{ resources: { memory: '4 GB' } }, 'input.resources.memory', /memory quantity/],
      [{ resources: { gpu: -1 } }, 'input.resources.gpu', /integer 0..64/],
      [{ resources: { gpuType: 'NVIDIA-A100' } }, 'input.resources.gpuType', /needs resources.gpu/],
      [{ retries: 99 }, 'input.retries', /0..20/],
      [{ timeoutSeconds: 0 }, 'input.timeoutSeconds', /integer 1/],
      [{ requestId: 'has spaces' }, 'input.requestId', /1-128 characters/],
      [{ experiment: '!!' }, 'input.experiment', /1-128 characters/],
      [{ inputs: { datasets: ['dataset:nowhere:missing'] } }, 'input.inputs.datasets[0]', /not found/],
      [{ inputs: { featureGroups: [dataset] } }, 'input.inputs.featureGroups[0]', /is a Dataset, expected FeatureGroup/],
    ];
    for (const [over, field, message] of cases) {
      const err = await gqlErr(REQUEST, { input: { ...scriptRequest({}), ...over } });
      expect(err.extensions, JSON.stringify(over)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(err.message).toMatch(message);
    }
    expect((await gqlOk('{ trainingRuns { total } }')).trainingRuns.total).toBe(before);
  });

  it('keeps tenants apart: another tenant cannot see, cancel or read logs of a run, nor use this tenant\'s datasets; a viewer (and, on the local launcher, an editor) cannot request', async () => {
    const { requestTraining: run } = await gqlOk(REQUEST, { input: scriptRequest({ RELEASE: file('tenancy.release') }) });
    await waitForState(loom, run.runId, 'RUNNING');
    expect((await loom.gql(GET, { runId: run.runId }, rivalKey)).data.trainingRun).toBeNull();
    expect((await loom.gql('{ trainingRuns { total items { runId } } trainingQuota { activeRuns } }', {}, rivalKey)).data).toEqual({ trainingRuns: { total: 0, items: [] }, trainingQuota: { activeRuns: 0 } });
    const cancel = await gqlErr('mutation ($r: String!) { cancelTraining(runId: $r) { state } }', { r: run.runId }, rivalKey);
    expect(cancel.extensions.code).toBe('NOT_FOUND');
    const steal = await gqlErr(REQUEST, { input: scriptRequest({}, { inputs: { datasets: [dataset] } }) }, rivalKey);
    expect(steal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.inputs.datasets[0]' });
    // The same request id in another tenant is another run.
    const mine = await gqlOk(REQUEST, { input: scriptRequest({}, { requestId: 'shared-id' }) });
    const theirs = (await loom.gql(REQUEST, { input: scriptRequest({}, { requestId: 'shared-id' }) }, rivalKey)).data.requestTraining;
    expect(theirs.runId).not.toBe(mine.requestTraining.runId);
    const viewer = await gqlErr(REQUEST, { input: scriptRequest({}) }, viewerKey);
    expect(viewer.extensions.code).toBe('FORBIDDEN');
    // The local launcher runs commands on the Loom host: editors may not use it (admins may).
    const editor = await gqlErr(REQUEST, { input: scriptRequest({}) }, editorKey);
    expect(editor).toMatchObject({ message: expect.stringContaining('may not request training on the local launcher'), extensions: { code: 'FORBIDDEN' } });
    expect((await gqlErr('mutation ($r: String!) { cancelTraining(runId: $r) { state } }', { r: run.runId }, viewerKey)).extensions.code).toBe('FORBIDDEN');
    expect((await loom.gql(GET, { runId: run.runId })).data.trainingRun.state).toBe('RUNNING');
    writeFileSync(file('tenancy.release'), '');
    await waitForState(loom, run.runId, 'SUCCEEDED');
    await waitForState(loom, theirs.runId, 'SUCCEEDED', rivalKey);
  });

  it('exposes the workers\' queue metrics on /metrics', async () => {
    const text = await (await fetch(`${loom.url}/metrics`)).text();
    expect(text).toContain('loom_http_request_duration_seconds');
    expect(text).toMatch(/loom_queue_jobs_total\{queue="training.run",outcome="completed"\} \d+/);
    expect(text).toMatch(/loom_queue_jobs\{queue="training.run",state="waiting"\} 0/);
  });
});
