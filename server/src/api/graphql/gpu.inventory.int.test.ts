import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { DCGM_RESOURCE, dcgmLabels, gaugeRequest, type GaugeSample } from '../../domain/telemetry/metrics-testkit.js';
import { fails, ok } from './registry.testkit.js';

const MIN = 60_000;
const T0 = Math.floor((Date.now() - 30 * MIN) / MIN) * MIN;
const iso = (ms: number) => new Date(ms).toISOString();
const GPUS = 'query ($from: DateTime, $to: DateTime, $limit: Int! = 500) { gpus(from: $from, to: $to, limit: $limit) { gpuUuid host model gpuIndex pods runs { runId name pod startedAt endedAt } firstSeen lastSeen } }';

const A = { uuid: 'GPU-aaaaaaaa-0000-4000-8000-00000000000a', index: '0', host: 'node-1', namespace: 'ml', pod: 'train-0' };
const B = { uuid: 'GPU-bbbbbbbb-0000-4000-8000-00000000000b', index: '1', host: 'node-2', namespace: 'ml', pod: 'eval-0' };

/** An OpenLineage run of `job` from `startMs` to `endMs`, its `k8s` run facet naming its pod. */
function runEvents(runId: string, job: string, pod: { namespace: string; pod: string }, startMs: number, endMs: number) {
  const event = (eventType: string, ms: number) => ({
    eventType, eventTime: iso(ms), producer: 'https://example.com/gpu-test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId, facets: { k8s: { _producer: 'https://example.com/gpu-test', _schemaURL: 'https://example.com/k8s.json', ...pod } } }, job: { namespace: 'ml', name: job }, inputs: [], outputs: [],
  });
  return [event('START', startMs), event('COMPLETE', endMs)];
}
const RUN = { now: randomUUID(), before: randomUUID(), rival: randomUUID() };

function samples(gpu: typeof A, fromMs: number, toMs: number): GaugeSample[] {
  const out: GaugeSample[] = [];
  for (let t = fromMs; t <= toMs; t += 30_000) out.push({ name: 'DCGM_FI_DEV_GPU_UTIL', timeMs: t, value: 50, labels: dcgmLabels(gpu) });
  return out;
}

describe('the GPUs seen by a tenant', () => {
  let loom: TestLoom;
  let rivalKey: string;

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    const res = await loom.post('/v1/metrics', gaugeRequest([...samples(A, T0, T0 + 10 * MIN), ...samples(B, T0 + 5 * MIN, T0 + 20 * MIN), ...samples({ ...A, pod: 'train-1' }, T0 + 11 * MIN, T0 + 12 * MIN)], DCGM_RESOURCE));
    expect(res.status).toBe(200);
    // train-0 ran a run while A reported, and an older one an hour before (the pod's name used again);
    // the rival tenant's run names B's pod.
    const events = [...runEvents(RUN.now, 'train', A, T0 - MIN, T0 + 10 * MIN), ...runEvents(RUN.before, 'train', A, T0 - 60 * MIN, T0 - 50 * MIN)];
    expect((await loom.post('/api/v1/lineage/batch', events)).status).toBe(200);
    expect((await loom.post('/api/v1/lineage/batch', runEvents(RUN.rival, 'eval', B, T0, T0 + 20 * MIN), { key: rivalKey })).status).toBe(200);
  });
  afterAll(() => loom?.close());

  it('lists each GPU once, most recently seen first, with the pods that used it and the runs in them then', async () => {
    const { gpus } = await ok(loom, GPUS);
    expect(gpus).toEqual([
      { gpuUuid: B.uuid, host: 'node-2', model: 'NVIDIA A100-SXM4-80GB', gpuIndex: '1', pods: ['ml/eval-0'], runs: [], firstSeen: iso(T0 + 5 * MIN), lastSeen: iso(T0 + 20 * MIN) },
      {
        gpuUuid: A.uuid, host: 'node-1', model: 'NVIDIA A100-SXM4-80GB', gpuIndex: '0', pods: ['ml/train-0', 'ml/train-1'], firstSeen: iso(T0), lastSeen: iso(T0 + 12 * MIN),
        runs: [{ runId: RUN.now, name: RUN.now, pod: 'ml/train-0', startedAt: iso(T0 - MIN), endedAt: iso(T0 + 10 * MIN) }],
      },
    ]);
  });

  it('narrows to a range, limits, and keeps tenants apart', async () => {
    const early = (await ok(loom, GPUS, { from: iso(T0), to: iso(T0 + 3 * MIN) })).gpus;
    expect(early.map((g: any) => g.gpuUuid)).toEqual([A.uuid]);
    expect((await ok(loom, GPUS, { limit: 1 })).gpus.map((g: any) => g.gpuUuid)).toEqual([B.uuid]);
    expect((await ok(loom, GPUS, {}, rivalKey)).gpus).toEqual([]);
    expect((await fails(loom, GPUS, { from: iso(T0), to: iso(T0 - MIN) })).extensions?.code).toBe('BAD_USER_INPUT');
  });
});
