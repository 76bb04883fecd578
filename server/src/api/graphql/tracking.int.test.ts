import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok } from './registry.testkit.js';

const RUN_FIELDS = 'id runId name experiment status startedAt endedAt params { key value } tags { key value } note artifacts { path uri type sizeBytes }';
const CREATE_RUN = `mutation ($input: CreateRunInput!) { createRun(input: $input) { ${RUN_FIELDS} } }`;
const LOG = `mutation ($runId: String!, $metrics: [MetricInput!], $params: [KeyValueInput!], $tags: [KeyValueInput!]) {
  logBatch(runId: $runId, metrics: $metrics, params: $params, tags: $tags) { metrics params tags } }`;
const RUN = `query ($runId: String!) { trackedRun(runId: $runId) { ${RUN_FIELDS} latestMetrics { key value step count min max }
  metricHistory(keys: ["loss"], maxPoints: 10) { key total points { step value } } } }`;

const curve = (n: number, f: (i: number) => number, key = 'loss') =>
  Array.from({ length: n }, (_, i) => ({ key, value: f(i), step: i, timestamp: new Date(Date.UTC(2026, 2, 1, 0, 0, i)).toISOString() }));

describe('experiment tracking through GraphQL', () => {
  let loom: TestLoom;
  let otherKey: string;
  let viewerKey: string;

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    otherKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    viewerKey = await loom.services.tenancy.createApiKey('demo', 'viewer');
  });
  afterAll(() => loom?.close());

  it('creates experiments and runs with params, logs metrics in batches, and reads curves and summaries back', async () => {
    await ok(loom, 'mutation { createExperiment(input: {name: "churn", description: "churn models", tags: [{key: "team", value: "ml"}]}) { id } }');
    const dup = await fails(loom, 'mutation { createExperiment(input: {name: "churn"}) { id } }');
    expect(dup.extensions?.code).toBe('CONFLICT');
    const { createRun } = await ok(loom, CREATE_RUN, { input: { experiment: 'churn', name: 'baseline', params: [{ key: 'lr', value: '0.01' }], tags: [{ key: 'git', value: 'abc123' }] } });
    expect(createRun).toMatchObject({ experiment: 'churn', name: 'baseline', status: 'RUNNING', params: [{ key: 'lr', value: '0.01' }], tags: [{ key: 'git', value: 'abc123' }] });
    const runId = createRun.runId;
    const logged = await ok(loom, LOG, { runId, metrics: [...curve(100, (i) => 1 / (i + 1)), ...curve(100, (i) => i / 100, 'acc')], params: [{ key: 'epochs', value: '100' }] });
    expect(logged.logBatch).toEqual({ metrics: 200, params: 1, tags: 0 });
    // A retried batch (same points) does not double anything.
    await ok(loom, LOG, { runId, metrics: curve(100, (i) => 1 / (i + 1)) });
    await ok(loom, 'mutation ($runId: String!) { setRunStatus(runId: $runId, status: COMPLETED) { status } }', { runId });
    await ok(loom, 'mutation ($runId: String!) { setRunNote(runId: $runId, note: "best so far") { note } }', { runId });
    await ok(loom, 'mutation ($runId: String!, $a: [ArtifactInput!]!) { logArtifacts(runId: $runId, artifacts: $a) { id } }',
      { runId, a: [{ path: 'model/model.pkl', uri: 's3://models/churn/1/model.pkl', type: 'model', sizeBytes: 1024 }] });
    const { trackedRun } = await ok(loom, RUN, { runId });
    expect(trackedRun.status).toBe('COMPLETED');
    expect(trackedRun.endedAt).not.toBeNull();
    expect(trackedRun.note).toBe('best so far');
    expect(trackedRun.artifacts).toEqual([{ path: 'model/model.pkl', uri: 's3://models/churn/1/model.pkl', type: 'model', sizeBytes: 1024 }]);
    expect(trackedRun.params).toEqual([{ key: 'epochs', value: '100' }, { key: 'lr', value: '0.01' }]);
    expect(trackedRun.latestMetrics).toEqual([
      { key: 'acc', value: 0.99, step: 99, count: 100, min: 0, max: 0.99 },
      { key: 'loss', value: 0.01, step: 99, count: 100, min: 0.01, max: 1 },
    ]);
    const [loss] = trackedRun.metricHistory;
    expect(loss.total).toBe(100);
    expect(loss.points.length).toBeLessThanOrEqual(10);
    expect(loss.points[0]).toEqual({ step: 0, value: 1 });
    expect(loss.points.at(-1)).toEqual({ step: 99, value: 0.01 });
    const exp = await ok(loom, '{ experiment(name: "churn") { name description tags { key value } runs { total items { runId } } } experiments { name } }');
    expect(exp.experiment).toMatchObject({ name: 'churn', description: 'churn models', tags: [{ key: 'team', value: 'ml' }], runs: { total: 1, items: [{ runId }] } });
    expect(exp.experiments.map((e: any) => e.name)).toContain('churn');
  });

  it('pages experiments in name order: every experiment once', async () => {
    // names whose lengths disagree with their order (graph search reads shorter names first)
    for (const name of ['pg-zz', 'pg-a-very-long-name', 'pg-b', 'pg-aaaa', 'pg-m-long']) await ok(loom, 'mutation ($name: String!) { createExperiment(input: {name: $name}) { id } }', { name });
    const all = (await ok(loom, '{ experiments(first: 500) { name } }')).experiments.map((e: { name: string }) => e.name);
    expect(all).toEqual([...all].sort());
    const paged: string[] = [];
    for (let offset = 0; offset < all.length; offset += 2) paged.push(...(await ok(loom, '{ experiments(first: 2, offset: ' + offset + ') { name } }')).experiments.map((e: { name: string }) => e.name));
    expect(paged).toEqual(all);
  });

  it('logs long curves as columns (series), with explicit or implied steps and times', async () => {
    const { createRun } = await ok(loom, CREATE_RUN, { input: { experiment: 'columns' } });
    const series = 'mutation ($runId: String!, $s: [MetricSeriesInput!]) { logBatch(runId: $runId, series: $s) { metrics } }';
    const values = Array.from({ length: 5000 }, (_, i) => 1 / (i + 1));
    const t0 = Date.UTC(2026, 2, 1);
    const res = await ok(loom, series, { runId: createRun.runId, s: [
      { key: 'loss', values, timestampsMs: values.map((_, i) => t0 + i * 1000) },
      { key: 'lr', values: [0.1, 0.01], steps: [0, 4000] },
    ] });
    expect(res.logBatch.metrics).toBe(5002);
    const { trackedRun } = await ok(loom, RUN, { runId: createRun.runId });
    expect(trackedRun.latestMetrics).toEqual([
      { key: 'loss', value: 1 / 5000, step: 4999, count: 5000, min: 1 / 5000, max: 1 },
      { key: 'lr', value: 0.01, step: 4000, count: 2, min: 0.01, max: 0.1 },
    ]);
    const bad = await fails(loom, series, { runId: createRun.runId, s: [{ key: 'x', values: [1, 2], steps: [0] }] });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'series[0].steps' });
    const neg = await fails(loom, series, { runId: createRun.runId, s: [{ key: 'x', values: [1], timestampsMs: [-5] }] });
    expect(neg.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'series[0].timestampsMs[0]' });
    // beyond year 9999 (no four-digit year): refused before anything is written, the params with them (they answered 500 after the params)
    const far = await fails(loom, LOG.replace('$tags: [KeyValueInput!])', '$tags: [KeyValueInput!], $s: [MetricSeriesInput!])').replace('tags: $tags)', 'tags: $tags, series: $s)'),
      { runId: createRun.runId, params: [{ key: 'far', value: '1' }], s: [{ key: 'x', values: [1, 2], timestampsMs: [1.7e12, 3e14] }] });
    expect(far.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'series[0].timestampsMs[1]' });
    const farOne = await fails(loom, LOG, { runId: createRun.runId, metrics: [{ key: 'x', value: 1, timestamp: '+010000-01-01T00:00:00Z' }] });
    expect(farOne.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ok(loom, RUN, { runId: createRun.runId })).trackedRun.params.map((p: { key: string }) => p.key)).not.toContain('far');
  });

  it('thins curves to at most maxPoints, first and last kept; the latest value is the highest step\'s, with its own time', async () => {
    const { createRun } = await ok(loom, CREATE_RUN, { input: { experiment: 'thin' } });
    const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 0, 0, s)).toISOString();
    await ok(loom, LOG, { runId: createRun.runId, metrics: [...curve(10, (i) => i, 'ten'), { key: 'late', value: 0.5, step: 5, timestamp: at(10) }, { key: 'late', value: 0.9, step: 1, timestamp: at(20) }] });
    const read = (max: number) => ok(loom, `query ($r: String!) { trackedRun(runId: $r) { metricHistory(keys: ["ten"], maxPoints: ${max}) { points { step } } latestMetrics { key value step timestamp } } }`, { r: createRun.runId });
    for (const [max, steps] of [[2, [0, 9]], [3, [0, 5, 9]], [4, [0, 3, 6, 9]], [9, [0, 2, 4, 6, 8, 9]], [10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]] as const) {
      expect((await read(max)).trackedRun.metricHistory[0].points.map((p: { step: number }) => p.step)).toEqual(steps);
    }
    const late = (await read(2)).trackedRun.latestMetrics.find((m: { key: string }) => m.key === 'late');
    expect(late).toEqual({ key: 'late', value: 0.5, step: 5, timestamp: at(10) }); // it said the step-1 point's time
  });

  it('compares runs: params side by side with what differs, and every curve in one query', async () => {
    const ids: string[] = [];
    for (const [lr, depth] of [['0.1', '4'], ['0.05', '4'], ['0.01', '6']]) {
      const { createRun } = await ok(loom, CREATE_RUN, { input: { experiment: 'sweep', params: [{ key: 'lr', value: lr }, { key: 'depth', value: depth }] } });
      ids.push(createRun.runId);
      await ok(loom, LOG, { runId: createRun.runId, metrics: curve(50, (i) => Number(lr) * (50 - i)) });
    }
    const { compareRuns } = await ok(loom, `query ($ids: [String!]!) { compareRuns(runIds: $ids, metricKeys: ["loss"], maxPoints: 20) {
      runs { runId } params { key values differs } metrics { runId key total points { step value } } } }`, { ids });
    expect(compareRuns.runs.map((r: any) => r.runId)).toEqual(ids);
    expect(compareRuns.params).toEqual([
      { key: 'depth', values: ['4', '4', '6'], differs: true },
      { key: 'lr', values: ['0.1', '0.05', '0.01'], differs: true },
    ]);
    expect(compareRuns.metrics).toHaveLength(3);
    for (const s of compareRuns.metrics) {
      expect(s.total).toBe(50);
      expect(s.points.length).toBeLessThanOrEqual(20);
      expect(s.points.at(-1).step).toBe(49);
    }
    const missing = await fails(loom, 'query ($ids: [String!]!) { compareRuns(runIds: $ids) { runs { runId } } }', { ids: [ids[0], 'no-such-run'] });
    expect(missing.extensions?.code).toBe('NOT_FOUND');
  });

  it('tracks the same Run node an OpenLineage event created for the run id', async () => {
    const runId = '0190a1b2-0000-7000-8000-0000000000aa';
    const res = await loom.post('/api/v1/lineage', {
      eventType: 'START', eventTime: '2026-03-01T10:00:00.000Z', producer: 'https://example.com/trainer', run: { runId },
      job: { namespace: 'ml', name: 'train_churn' }, inputs: [{ namespace: 'warehouse', name: 'features.churn' }], outputs: [],
    });
    expect(res.status).toBe(201);
    const { createRun } = await ok(loom, CREATE_RUN, { input: { experiment: 'churn', runId, params: [{ key: 'lr', value: '0.2' }] } });
    expect(createRun).toMatchObject({ id: `run:${runId}`, status: 'RUNNING', startedAt: '2026-03-01T10:00:00.000Z' });
    await ok(loom, LOG, { runId, metrics: curve(3, (i) => i) });
    // OpenLineage completes the run: the tracked run reads the same state.
    await loom.post('/api/v1/lineage', { eventType: 'COMPLETE', eventTime: '2026-03-01T11:00:00.000Z', producer: 'https://example.com/trainer', run: { runId }, job: { namespace: 'ml', name: 'train_churn' } });
    const { trackedRun } = await ok(loom, RUN, { runId });
    expect(trackedRun).toMatchObject({ status: 'COMPLETED', endedAt: '2026-03-01T11:00:00.000Z', experiment: 'churn', params: [{ key: 'lr', value: '0.2' }] });
    const node = await ok(loom, 'query ($id: ID!) { node(id: $id) { namespace name props } }', { id: `run:${runId}` });
    expect(node.node).toMatchObject({ namespace: 'ml', name: runId });
    const again = await fails(loom, 'mutation ($runId: String!) { setRunStatus(runId: $runId, status: FAILED) { status } }', { runId });
    expect(again.extensions?.code).toBe('CONFLICT');
  });

  it('rejects bad input with the field and reason, and stores nothing of a rejected batch', async () => {
    const { createRun } = await ok(loom, CREATE_RUN, { input: { experiment: 'validation', params: [{ key: 'lr', value: '0.1' }], startTime: '2026-06-01T00:00:00Z' } });
    const runId = createRun.runId;
    const early = await fails(loom, 'mutation ($runId: String!) { setRunStatus(runId: $runId, status: COMPLETED, time: "2026-05-01T00:00:00Z") { status } }', { runId });
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'time' });
    const cases: [Record<string, unknown>, string][] = [
      [{ metrics: [{ key: 'ok', value: 1 }, { key: 'bad key!', value: 1 }] }, 'metrics[1].key'],
      [{ metrics: [{ key: 'ok', value: 1, step: -1 }] }, 'metrics[0].step'],
      [{ metrics: [{ key: 'ok', value: 1, step: 1.5 }] }, 'metrics[0].step'],
      [{ params: [{ key: 'lr', value: null }] }, 'params[0].value'],
    ];
    for (const [vars, field] of cases) {
      const e = await fails(loom, LOG, { runId, ...vars });
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(e.message).toContain(field);
    }
    const changed = await fails(loom, LOG, { runId, params: [{ key: 'lr', value: '0.5' }], metrics: [{ key: 'ok', value: 1 }] });
    expect(changed.extensions?.code).toBe('CONFLICT');
    const { trackedRun } = await ok(loom, RUN, { runId });
    expect(trackedRun.params).toEqual([{ key: 'lr', value: '0.1' }]);
    expect(trackedRun.latestMetrics).toEqual([]);
    expect((await fails(loom, LOG, { runId: 'nope', metrics: [] })).extensions?.code).toBe('NOT_FOUND');
    const big = Array.from({ length: 10_001 }, (_, i) => ({ key: 'x', value: i, step: i }));
    expect((await fails(loom, LOG, { runId, metrics: big })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'metrics' });
  });

  it('keeps tenants apart and lets viewers read only', async () => {
    const { createRun } = await ok(loom, CREATE_RUN, { input: { experiment: 'private' } });
    await ok(loom, LOG, { runId: createRun.runId, metrics: curve(5, (i) => i) });
    expect((await ok(loom, RUN, { runId: createRun.runId }, otherKey)).trackedRun).toBeNull();
    expect((await ok(loom, '{ experiment(name: "private") { name } experiments { name } }', {}, otherKey))).toEqual({ experiment: null, experiments: [] });
    expect((await fails(loom, LOG, { runId: createRun.runId, metrics: curve(1, () => 9) }, otherKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, 'query ($ids: [String!]!) { compareRuns(runIds: $ids) { runs { runId } } }', { ids: [createRun.runId] }, otherKey)).extensions?.code).toBe('NOT_FOUND');
    // The rival's own run with the same id sees none of demo's points.
    await ok(loom, CREATE_RUN, { input: { experiment: 'private', runId: createRun.runId } }, otherKey);
    expect((await ok(loom, RUN, { runId: createRun.runId }, otherKey)).trackedRun.latestMetrics).toEqual([]);
    expect((await ok(loom, RUN, { runId: createRun.runId })).trackedRun.latestMetrics[0]).toMatchObject({ count: 5, max: 4 });
    const forbidden = await fails(loom, LOG, { runId: createRun.runId, metrics: curve(1, () => 9) }, viewerKey);
    expect(forbidden.extensions?.code).toBe('FORBIDDEN');
    expect((await ok(loom, RUN, { runId: createRun.runId }, viewerKey)).trackedRun.runId).toBe(createRun.runId);
  });
});
