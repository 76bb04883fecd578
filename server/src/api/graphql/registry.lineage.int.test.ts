import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { instant, ok } from './registry.testkit.js';
import { modelVersionId, promptVersionId } from '../../domain/ids.js';

const PRODUCER = 'https://github.com/OpenLineage/OpenLineage/tree/1.20.0/client/python';
const LINEAGE = `query ($id: ID!, $dir: Direction!, $asOf: DateTime) { lineage(nodeId: $id, direction: $dir, depth: 6, asOf: $asOf) {
  nodes { distance node { id kind } } edges { kind from to } } }`;
const RUN_ID = '0190a1b2-0000-7000-8000-0000000000c1';
const TRACE = 'trace:4bf92f3577b34da6a3ce929d0e0e4736';

const distances = (l: any) => Object.fromEntries(l.nodes.map((n: any) => [n.node.id, n.distance]));

describe('lineage across the registries: dataset → run → model version → prompt version → trace', () => {
  let loom: TestLoom;
  let beforeRegistration: string;

  beforeAll(async () => {
    loom = await startTestLoom();
    const res = await loom.post('/api/v1/lineage', {
      eventType: 'COMPLETE', eventTime: '2026-03-01T10:00:00.000Z', producer: PRODUCER, run: { runId: RUN_ID }, job: { namespace: 'ml', name: 'train_churn' },
      inputs: [{ namespace: 'warehouse', name: 'customers', facets: { version: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json', datasetVersion: 'v7' } } }],
      outputs: [],
    });
    expect(res.status).toBe(201);
    beforeRegistration = await instant();
    await ok(loom, 'mutation ($r: String!) { registerModelVersion(input: {name: "churn", runId: $r, modelUri: "s3://m/churn/1"}) { version } }', { r: RUN_ID });
    await ok(loom, `mutation { createPromptVersion(input: {name: "retention-email", template: {text: "Write to {{customer}}"},
      modelVersion: {name: "churn", version: 1}}) { version } }`);
    // What the trace ingester writes for a trace whose spans name loom.model.* and loom.prompt.* (see telemetry/trace-summary.ts).
    await loom.services.graph.write('demo', {
      nodes: [{ id: TRACE, kind: 'Trace', namespace: 'support-bot', name: '4bf92f3577b34da6a3ce929d0e0e4736', props: { spanCount: 3 } }],
      edges: [{ kind: 'SERVED', from: modelVersionId('churn', 1), to: TRACE }, { kind: 'PROMPTED', from: promptVersionId('retention-email', 1), to: TRACE }],
    });
  });
  afterAll(() => loom?.close());

  it('goes downstream from a dataset to the run that trained on it, the model version, the prompt version and the traces', async () => {
    const { lineage } = await ok(loom, LINEAGE, { id: 'dataset:warehouse:customers', dir: 'DOWNSTREAM' });
    expect(distances(lineage)).toEqual({
      'job:ml:train_churn': 1, [`run:${RUN_ID}`]: 1, 'model:registry:churn@1': 2, 'prompt:registry:retention-email@1': 3, [TRACE]: 3,
    });
    const kinds = lineage.edges.map((e: any) => `${e.kind} ${e.from} -> ${e.to}`).sort();
    expect(kinds).toEqual([
      'INPUT_TO dataset:warehouse:customers -> job:ml:train_churn',
      `PRODUCED run:${RUN_ID} -> model:registry:churn@1`,
      `PROMPTED prompt:registry:retention-email@1 -> ${TRACE}`,
      `SERVED model:registry:churn@1 -> ${TRACE}`,
      'SERVES_PROMPT model:registry:churn@1 -> prompt:registry:retention-email@1',
      `TRAINS dataset:warehouse:customers -> run:${RUN_ID}`,
    ]);
  });

  it('goes back upstream from a trace to the data the model was trained on', async () => {
    const { lineage } = await ok(loom, LINEAGE, { id: TRACE, dir: 'UPSTREAM' });
    expect(distances(lineage)).toEqual({
      'model:registry:churn@1': 1, 'prompt:registry:retention-email@1': 1, [`run:${RUN_ID}`]: 2, 'dataset:warehouse:customers': 3,
    });
  });

  it('answers as of a time before the version was registered: the run read the data then, the model did not exist yet', async () => {
    const { lineage } = await ok(loom, LINEAGE, { id: 'dataset:warehouse:customers', dir: 'DOWNSTREAM', asOf: beforeRegistration });
    expect(distances(lineage)).toEqual({ 'job:ml:train_churn': 1, [`run:${RUN_ID}`]: 1 });
  });

  it('shows the registry nodes to their tenant only', async () => {
    await loom.services.tenancy.createTenant('rival');
    const rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    expect((await ok(loom, LINEAGE, { id: 'dataset:warehouse:customers', dir: 'DOWNSTREAM' }, rivalKey)).lineage).toBeNull();
    expect((await ok(loom, LINEAGE, { id: 'model:registry:churn@1', dir: 'BOTH' }, rivalKey)).lineage).toBeNull();
  });
});
