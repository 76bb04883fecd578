/**
 * Job-level edges end when a job stops reading or writing a dataset, and the answer is the same
 * whatever order the events arrive in (every permutation of one history, on the real embedded store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';

const T = (h: number) => `2026-03-01T${String(h).padStart(2, '0')}:00:00.000Z`;
const PRODUCER = 'https://github.com/OpenLineage/OpenLineage/tree/1.0.0/integration/spark';

function event(ns: string, eventType: string, at: number, runId: string, inputs: string[]) {
  return {
    eventType, eventTime: T(at), producer: PRODUCER, schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: `00000000-0000-4000-8000-${runId.padStart(12, '0')}` },
    job: { namespace: ns, name: 'daily_orders' },
    inputs: inputs.map((name) => ({ namespace: ns, name })),
    outputs: [{ namespace: ns, name: 'orders_daily' }],
  };
}

/** A job read a and b, then only a, then a run started reading c (not finished). */
const history = (ns: string) => [
  event(ns, 'COMPLETE', 1, '1', ['a', 'b']),
  event(ns, 'COMPLETE', 2, '2', ['a']),
  event(ns, 'START', 3, '3', ['c']),
];

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('job-level lineage edges over time', () => {
  let loom: TestLoom;
  beforeAll(async () => { loom = await startTestLoom(); });
  afterAll(async () => { await loom?.close(); });

  async function jobEdges(ns: string) {
    const page = await loom.services.graph.neighbours('demo', `job:${ns}:daily_orders`, {
      direction: 'BOTH', edgeKinds: ['INPUT_TO', 'OUTPUT'], includeEnded: true, limit: 100, offset: 0,
    });
    return Object.fromEntries(page.items.map(({ edge }) => [
      `${edge.kind} ${(edge.kind === 'INPUT_TO' ? edge.from : edge.to).split(':').pop()}`, [edge.validFrom, edge.validTo],
    ]));
  }

  it('ends an edge at the first version without it; every arrival order gives the same edges', async () => {
    const orders = permutations([0, 1, 2]);
    const results = [];
    for (const [i, order] of orders.entries()) {
      const ns = `perm${i}`;
      const events = history(ns);
      for (const k of order) expect((await loom.post('/api/v1/lineage', events[k])).status).toBe(201);
      results.push(await jobEdges(ns));
    }
    // duplicates and a batch with the whole history change nothing
    const batchNs = 'batch';
    expect((await loom.post('/api/v1/lineage/batch', [...history(batchNs), ...history(batchNs)])).status).toBe(200);
    results.push(await jobEdges(batchNs));
    for (const r of results) {
      expect(r).toEqual({
        'INPUT_TO a': [T(1), null],
        'INPUT_TO b': [T(1), T(2)],
        'INPUT_TO c': [T(3), null],
        'OUTPUT orders_daily': [T(1), null],
      });
    }
  });

  it('hides an ended edge from the current lineage and shows it as of a time it was valid', async () => {
    const q = `query ($id: ID!, $asOf: DateTime) { lineage(nodeId: $id, direction: UPSTREAM, depth: 1, asOf: $asOf) { nodes { node { id } } edges { kind from to } } }`;
    const ids = (r: any) => r.data.lineage.nodes.map((n: any) => n.node.id).sort();
    const now = await loom.gql(q, { id: 'job:perm0:daily_orders' });
    expect(ids(now)).toEqual(['dataset:perm0:a', 'dataset:perm0:c']);
    const then = await loom.gql(q, { id: 'job:perm0:daily_orders', asOf: '2026-03-01T01:30:00.000Z' });
    expect(ids(then)).toEqual(['dataset:perm0:a', 'dataset:perm0:b']);
    expect(then.data.lineage.edges).toContainEqual({ kind: 'INPUT_TO', from: 'dataset:perm0:b', to: 'job:perm0:daily_orders' });
  });
});
