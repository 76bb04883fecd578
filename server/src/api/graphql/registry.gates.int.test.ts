import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok } from './registry.testkit.js';

const PRODUCER = 'https://github.com/OpenLineage/OpenLineage/tree/1.20.0/client/python';
const TRANSITION = 'mutation ($input: TransitionStageInput!) { transitionModelVersionStage(input: $input) { version stage } }';
const GATES = 'mutation ($input: SetPromotionGatesInput!) { setPromotionGates(input: $input) { gates { index kind stages aliases metric source op threshold depth } } }';
const HISTORY = '{ registeredModel(name: "churn") { history { type version toStage pointer outcome rejectionCode gates { gate kind passed detail } } } }';

const assertions = (success: boolean) => ({ dataQualityAssertions: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/DataQualityAssertionsDatasetFacet.json', assertions: [{ assertion: 'not_null', success, column: 'email' }] } });
const ds = (namespace: string, name: string, version: string, inputFacets?: Record<string, unknown>) => ({ namespace, name, facets: { version: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json', datasetVersion: version } }, ...(inputFacets ? { inputFacets } : {}) });
const event = (runId: string, job: string, eventTime: string, inputs: unknown[], outputs: unknown[] = []) => ({
  eventType: 'COMPLETE', eventTime, producer: PRODUCER, schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId }, job: { namespace: 'ml', name: job }, inputs, outputs,
});

describe('promotion gates', () => {
  let loom: TestLoom;
  const trainRun = '0190a1b2-0000-7000-8000-0000000000b1';
  const etlRun = '0190a1b2-0000-7000-8000-0000000000b2';
  const deepRun = '0190a1b2-0000-7000-8000-0000000000b3';

  beforeAll(async () => {
    loom = await startTestLoom();
    // The training run read customers@v1, whose not_null assertion failed.
    expect((await loom.post('/api/v1/lineage', event(trainRun, 'train_churn', '2026-03-01T10:00:00.000Z', [ds('warehouse', 'customers', 'v1', assertions(false))]))).status).toBe(201);
    // raw.events@r1 failed; the ETL run that read it wrote features@f1 (passing); the deep run trained on features@f1.
    await loom.post('/api/v1/lineage', event(etlRun, 'clean_events', '2026-03-01T09:00:00.000Z', [ds('raw', 'events', 'r1', assertions(false))], [ds('warehouse', 'features', 'f1')]));
    await loom.post('/api/v1/lineage', event(deepRun, 'train_deep', '2026-03-01T11:00:00.000Z', [ds('warehouse', 'features', 'f1', assertions(true))]));
    for (const runId of [trainRun, deepRun]) await ok(loom, 'mutation ($r: String!) { createRun(input: {experiment: "churn", runId: $r}) { runId } }', { r: runId });
    await ok(loom, 'mutation ($r: String!) { registerModelVersion(input: {name: "churn", runId: $r, modelUri: "s3://m/churn/1"}) { version } }', { r: trainRun });
    await ok(loom, 'mutation ($r: String!) { registerModelVersion(input: {name: "churn", runId: $r, modelUri: "s3://m/churn/2"}) { version } }', { r: deepRun });
  });
  afterAll(() => loom?.close());

  it('blocks promotion over failing data quality upstream, naming the dataset version and assertion, and records the attempt', async () => {
    const set = await ok(loom, GATES, { input: { name: 'churn', gates: [{ kind: 'UPSTREAM_QUALITY', stages: ['Production'], depth: 1 }], reason: 'no bad data in prod' } });
    expect(set.setPromotionGates.gates).toEqual([{ index: 0, kind: 'UPSTREAM_QUALITY', stages: ['Production'], aliases: [], metric: null, source: null, op: null, threshold: null, depth: 1 }]);
    await ok(loom, TRANSITION, { input: { name: 'churn', version: 1, stage: 'Staging' } }); // not gated
    const blocked = await fails(loom, TRANSITION, { input: { name: 'churn', version: 1, stage: 'Production' } });
    expect(blocked.extensions?.code).toBe('CONFLICT');
    expect(blocked.message).toContain('dataset:warehouse:customers@v1: assertion not_null on column email failed');
    expect((await ok(loom, '{ modelVersion(name: "churn", version: 1) { stage } }')).modelVersion.stage).toBe('Staging');
    const [last] = (await ok(loom, HISTORY)).registeredModel.history;
    expect(last).toMatchObject({ type: 'STAGE_TRANSITION', version: 1, toStage: 'Production', outcome: 'REJECTED', rejectionCode: 'CONFLICT' });
    expect(last.gates).toEqual([{ gate: 0, kind: 'UPSTREAM_QUALITY', passed: false, detail: expect.stringContaining('customers@v1') }]);

    // A later check of the same dataset version passes: the newest result counts, and the promotion goes through.
    await loom.post('/api/v1/lineage', event('0190a1b2-0000-7000-8000-0000000000b9', 'check_customers', '2026-03-02T10:00:00.000Z', [ds('warehouse', 'customers', 'v1', assertions(true))]));
    expect((await ok(loom, TRANSITION, { input: { name: 'churn', version: 1, stage: 'Production' } })).transitionModelVersionStage.stage).toBe('Production');
  });

  it('looks further upstream through the runs that wrote the data, as deep as configured', async () => {
    await ok(loom, GATES, { input: { name: 'churn', gates: [{ kind: 'UPSTREAM_QUALITY', stages: ['Staging'], depth: 1 }] } });
    await ok(loom, TRANSITION, { input: { name: 'churn', version: 2, stage: 'Staging' } });
    await ok(loom, TRANSITION, { input: { name: 'churn', version: 2, stage: 'None' } });
    await ok(loom, GATES, { input: { name: 'churn', gates: [{ kind: 'UPSTREAM_QUALITY', stages: ['Staging'], depth: 2 }] } });
    const blocked = await fails(loom, TRANSITION, { input: { name: 'churn', version: 2, stage: 'Staging' } });
    expect(blocked.message).toContain('dataset:raw:events@r1: assertion not_null on column email failed');
  });

  it('gates on a metric of the source run and on the latest evaluation, for stages and aliases', async () => {
    await ok(loom, GATES, { input: { name: 'churn', gates: [
      { kind: 'METRIC_THRESHOLD', stages: ['Staging'], metric: 'accuracy', source: 'RUN', op: 'GTE', threshold: 0.9 },
      { kind: 'METRIC_THRESHOLD', aliases: ['champion'], metric: 'f1', source: 'EVALUATION', op: 'GT', threshold: 0.8 },
    ] } });
    const noMetric = await fails(loom, TRANSITION, { input: { name: 'churn', version: 2, stage: 'Staging' } });
    expect(noMetric.message).toContain('no source run metric accuracy');
    await ok(loom, 'mutation ($r: String!) { logBatch(runId: $r, metrics: [{key: "accuracy", value: 0.95, step: 1}, {key: "accuracy", value: 0.85, step: 2}]) { metrics } }', { r: deepRun });
    const low = await fails(loom, TRANSITION, { input: { name: 'churn', version: 2, stage: 'Staging' } });
    expect(low.message).toContain('accuracy = 0.85 from the source run (needs accuracy >= 0.9)');
    await ok(loom, 'mutation ($r: String!) { logBatch(runId: $r, metrics: [{key: "accuracy", value: 0.93, step: 3}]) { metrics } }', { r: deepRun });
    expect((await ok(loom, TRANSITION, { input: { name: 'churn', version: 2, stage: 'Staging' } })).transitionModelVersionStage.stage).toBe('Staging');

    const alias = 'mutation { setModelAlias(input: {name: "churn", alias: "champion", version: 2}) { aliases } }';
    expect((await fails(loom, alias)).message).toContain('no evaluation f1');
    const evaluate = 'mutation ($v: Float!) { recordEvaluation(input: {model: {name: "churn", version: 2}, dataset: {namespace: "warehouse", name: "customers"}, metrics: [{key: "f1", value: $v}]}) { id metrics { key value } } }';
    await ok(loom, evaluate, { v: 0.7 });
    expect((await fails(loom, alias)).message).toContain('f1 = 0.7');
    // a date far ahead would be every gate's latest evaluation for good; a metric given twice, which would it read?
    const ahead = await fails(loom, 'mutation { recordEvaluation(input: {model: {name: "churn", version: 2}, metrics: [{key: "f1", value: 0.99}], evaluatedAt: "2099-01-01T00:00:00Z"}) { id } }');
    expect([ahead.extensions?.code, ahead.extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.evaluatedAt']);
    const twice = await fails(loom, 'mutation { recordEvaluation(input: {model: {name: "churn", version: 2}, metrics: [{key: "f1", value: 0.99}, {key: "f1", value: 0.1}]}) { id } }');
    expect([twice.extensions?.field, twice.message]).toEqual(['input.metrics[1].key', 'input.metrics[1].key: f1 is given twice']);
    expect((await fails(loom, alias)).message).toContain('f1 = 0.7');
    await ok(loom, evaluate, { v: 0.82 });
    expect((await ok(loom, alias)).setModelAlias.aliases).toEqual(['champion']);
    const evals = await ok(loom, '{ modelVersion(name: "churn", version: 2) { evaluations { metrics { key value } dataset } } }');
    expect(evals.modelVersion.evaluations.map((e: any) => e.metrics[0].value)).toEqual([0.82, 0.7]);
    const history = (await ok(loom, HISTORY)).registeredModel.history;
    expect(history.filter((e: any) => e.type === 'ALIAS_SET').map((e: any) => e.outcome)).toEqual(['APPLIED', 'REJECTED', 'REJECTED', 'REJECTED']);
    expect(history.filter((e: any) => e.type === 'GATES_SET')).toHaveLength(4);
  });

  it('rejects gate configurations it cannot evaluate, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ kind: 'METRIC_THRESHOLD', stages: ['Production'], op: 'GTE', threshold: 1 }, 'input.gates[0].metric'],
      [{ kind: 'METRIC_THRESHOLD', stages: ['Production'], metric: 'acc', threshold: 1 }, 'input.gates[0].op'],
      [{ kind: 'UPSTREAM_QUALITY' }, 'input.gates[0].stages'],
      [{ kind: 'UPSTREAM_QUALITY', stages: ['Production'], depth: 9 }, 'input.gates[0].depth'],
      // a field of another kind was dropped silently: the gate saved was not the one asked for
      [{ kind: 'UPSTREAM_QUALITY', stages: ['Production'], metric: 'acc' }, 'input.gates[0].metric'],
      [{ kind: 'METRIC_THRESHOLD', stages: ['Production'], metric: 'acc', op: 'GTE', threshold: 1, depth: 2 }, 'input.gates[0].depth'],
      // the names no alias may take: such a gate guards nothing
      [{ kind: 'UPSTREAM_QUALITY', aliases: ['latest'] }, 'input.gates[0].aliases[0]'],
      [{ kind: 'UPSTREAM_QUALITY', aliases: ['champion', 'v3'] }, 'input.gates[0].aliases[1]'],
    ];
    for (const [gate, field] of cases) {
      const e = await fails(loom, GATES, { input: { name: 'churn', gates: [gate] } });
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
