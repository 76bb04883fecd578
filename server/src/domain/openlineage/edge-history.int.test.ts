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

  it('keeps the time a job stopped reading a dataset, then read it again, as a gap: asOf inside it leaves the dataset out', async () => {
    // a and b at 1, a alone at 2, a and b again at 4: every arrival order gives b one edge, current, with the gap 2..4
    const events = (ns: string) => [event(ns, 'COMPLETE', 1, '1', ['a', 'b']), event(ns, 'COMPLETE', 2, '2', ['a']), event(ns, 'COMPLETE', 4, '4', ['a', 'b'])];
    const q = `query ($id: ID!, $asOf: DateTime) { lineage(nodeId: $id, direction: UPSTREAM, depth: 1, asOf: $asOf) { nodes { node { id } } edges { from validFrom validTo gaps { from to } } } }`;
    for (const [i, order] of permutations([0, 1, 2]).entries()) {
      const ns = `gap${i}`;
      for (const k of order) expect((await loom.post('/api/v1/lineage', events(ns)[k])).status).toBe(201);
      const read = async (asOf?: string) => (await loom.gql(q, { id: `job:${ns}:daily_orders`, asOf })).data.lineage;
      const ids = async (asOf?: string) => (await read(asOf)).nodes.map((n: any) => n.node.id.split(':').pop()).sort();
      expect(await ids('2026-03-01T01:30:00.000Z')).toEqual(['a', 'b']);
      expect(await ids('2026-03-01T03:00:00.000Z')).toEqual(['a']);
      expect(await ids('2026-03-01T05:00:00.000Z')).toEqual(['a', 'b']);
      expect(await ids()).toEqual(['a', 'b']);
      const b = (await read()).edges.find((e: any) => e.from === `dataset:${ns}:b`);
      expect(b, `order ${order}`).toEqual({ from: `dataset:${ns}:b`, validFrom: T(1), validTo: null, gaps: [{ from: T(2), to: T(4) }] });
      const count = await loom.gql(`query ($asOf: DateTime) { lineageCount(nodeId: "job:${ns}:daily_orders", direction: UPSTREAM, depth: 1, asOf: $asOf) { total } }`, { asOf: '2026-03-01T03:00:00.000Z' });
      expect(count.data.lineageCount.total).toBe(1);
    }
    // The same as changes over time: the job stopped reading b at 2 and read it again at 4
    const changes = await loom.gql('{ lineageChanges(nodeId: "job:gap0:daily_orders") { total isPartial items { at change relation node { id } } } }');
    expect(changes.data.lineageChanges).toEqual({ total: 2, isPartial: false, items: [
      { at: T(4), change: 'AGAIN', relation: 'READS', node: { id: 'dataset:gap0:b' } },
      { at: T(2), change: 'STOPPED', relation: 'READS', node: { id: 'dataset:gap0:b' } },
    ] });
    const fromB = await loom.gql('{ lineageChanges(nodeId: "dataset:gap0:b", first: 1) { total items { change relation node { id } } } }');
    expect(fromB.data.lineageChanges).toEqual({ total: 2, items: [{ change: 'AGAIN', relation: 'READ_BY', node: { id: 'job:gap0:daily_orders' } }] });
    expect((await loom.gql('{ lineageChanges(nodeId: "job:gap0:daily_orders", first: 0) { total } }')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await loom.gql('{ lineageChanges(nodeId: "job:nowhere:x") { total } }')).data.lineageChanges).toBeNull();
  });

  it('lists no change for what a job\'s first run named by its end (outputs come with COMPLETE), and what later runs start', async () => {
    const ns = 'firstrun';
    const run = (eventType: string, at: number, runId: string, io: { inputs?: string[]; outputs?: string[] }) => ({
      eventType, eventTime: T(at), producer: PRODUCER, schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: `00000000-0000-4000-8000-${runId.padStart(12, '0')}` }, job: { namespace: ns, name: 'train' },
      inputs: (io.inputs ?? []).map((name) => ({ namespace: ns, name })), outputs: (io.outputs ?? []).map((name) => ({ namespace: ns, name })),
    });
    // Run 1 reads features from 1, writes model at 2; run 2 (3 to 4) also writes metrics.
    for (const e of [run('START', 1, '1', { inputs: ['features'] }), run('COMPLETE', 2, '1', { inputs: ['features'], outputs: ['model'] }),
      run('START', 3, '2', { inputs: ['features'] }), run('COMPLETE', 4, '2', { inputs: ['features'], outputs: ['model', 'metrics'] })]) {
      expect((await loom.post('/api/v1/lineage', e)).status).toBe(201);
    }
    const changes = await loom.gql('{ lineageChanges(nodeId: "job:firstrun:train") { items { at change relation node { id } } } }');
    expect(changes.data.lineageChanges.items).toEqual([{ at: T(4), change: 'STARTED', relation: 'WRITES', node: { id: 'dataset:firstrun:metrics' } }]);
    // Counted from a time given: the model's first write is a change after 1.
    const since = await loom.gql(`{ lineageChanges(nodeId: "job:firstrun:train", since: "${T(1)}") { items { change node { id } } } }`);
    expect(since.data.lineageChanges.items.map((i: { node: { id: string } }) => i.node.id)).toEqual(['dataset:firstrun:metrics', 'dataset:firstrun:model']);
  });
});

/** A writer gave `customers` (id, email), then (id, email_hash): email dropped; a reader then reported the old (id, email). */
function schemaHistory(ns: string) {
  const dataset = (columns: string[]) => ({
    namespace: ns, name: 'customers',
    facets: { schema: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: columns.map((name) => ({ name, type: 'STRING' })) } },
  });
  const run = (eventType: string, at: number, runId: string, job: string, io: { inputs?: object[]; outputs?: object[] }) => ({
    eventType, eventTime: T(at), producer: PRODUCER, schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: `00000000-0000-4000-8000-${runId.padStart(12, '0')}` }, job: { namespace: ns, name: job }, inputs: io.inputs ?? [], outputs: io.outputs ?? [],
  });
  return [
    run('COMPLETE', 1, '1', 'load_customers', { outputs: [dataset(['id', 'email'])] }),
    run('COMPLETE', 2, '2', 'load_customers', { outputs: [dataset(['id', 'email_hash'])] }),
    run('START', 3, '3', 'score_customers', { inputs: [dataset(['id', 'email'])] }),
  ];
}

describe('schema fields over time', () => {
  let loom: TestLoom;
  beforeAll(async () => { loom = await startTestLoom(); });
  afterAll(async () => { await loom?.close(); });

  async function fieldEdges(ns: string) {
    const page = await loom.services.graph.neighbours('demo', `dataset:${ns}:customers`, {
      direction: 'DOWNSTREAM', edgeKinds: ['HAS_FIELD'], includeEnded: true, limit: 100, offset: 0,
    });
    return Object.fromEntries(page.items.map(({ edge }) => [edge.to.split('#').pop(), [edge.validFrom, edge.validTo]]));
  }

  it('ends a column when a writer\'s schema drops it, whatever order the events arrive in; a reader\'s stale view does not bring it back', async () => {
    const results = [];
    for (const [i, order] of permutations([0, 1, 2]).entries()) {
      const ns = `fields${i}`;
      const events = schemaHistory(ns);
      for (const k of order) expect((await loom.post('/api/v1/lineage', events[k])).status).toBe(201);
      results.push(await fieldEdges(ns));
    }
    expect((await loom.post('/api/v1/lineage/batch', [...schemaHistory('fieldsBatch'), ...schemaHistory('fieldsBatch')])).status).toBe(200);
    results.push(await fieldEdges('fieldsBatch'));
    for (const r of results) expect(r).toEqual({ id: [T(1), null], email: [T(1), T(2)], email_hash: [T(2), null] });
  });

  it('answers the current schema, and the columns of an earlier time with asOf', async () => {
    const fields = await loom.gql(`{ node(id: "dataset:fields0:customers") { ... on GraphNode { neighbours(direction: DOWNSTREAM, first: 50) { items { node { name } } } } } }`);
    expect(fields.data.node.neighbours.items.map((i: any) => i.node.name).filter((n: string) => n.includes('#')).sort()).toEqual(['customers#email_hash', 'customers#id']);
    const all = await loom.gql(`{ node(id: "dataset:fields0:customers") { ... on GraphNode { neighbours(direction: DOWNSTREAM, edgeKinds: ["HAS_FIELD"], ended: true) { items { node { name } edge { validTo } } } } } }`);
    expect(Object.fromEntries(all.data.node.neighbours.items.map((i: any) => [i.node.name, i.edge.validTo]))).toEqual({
      'customers#id': null, 'customers#email': T(2), 'customers#email_hash': null,
    });
    const bad = await loom.gql(`{ node(id: "dataset:fields0:customers") { ... on GraphNode { neighbours(edgeKinds: ["HAS_FEILD"]) { total } } } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'edgeKinds' });
    const q = `query ($asOf: DateTime) { columnLineage(nodeId: "dataset:fields0:customers", direction: BOTH, depth: 1, asOf: $asOf) { nodes { node { name } } } }`;
    const names = (r: any) => r.data.columnLineage.nodes.map((n: any) => n.node.name).filter((n: string) => n.includes('#')).sort();
    expect(names(await loom.gql(q, {}))).toEqual(['customers#email_hash', 'customers#id']);
    expect(names(await loom.gql(q, { asOf: '2026-03-01T01:30:00.000Z' }))).toEqual(['customers#email', 'customers#id']);
  });

  it('keeps a column dropped and added back as one edge with a gap: the columns asOf inside it lack it', async () => {
    const customers = (columns: string[]) => ({ namespace: 'back', name: 'customers', facets: { schema: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: columns.map((name) => ({ name, type: 'STRING' })) } } });
    const load = (at: number, columns: string[]) => ({ ...event('back', 'COMPLETE', at, String(at), []), job: { namespace: 'back', name: 'load_customers' }, outputs: [customers(columns)] });
    for (const e of [load(5, ['id', 'email']), load(1, ['id', 'email']), load(3, ['id'])]) expect((await loom.post('/api/v1/lineage', e)).status).toBe(201);
    const page = await loom.services.graph.neighbours('demo', 'dataset:back:customers', { direction: 'DOWNSTREAM', edgeKinds: ['HAS_FIELD'], includeEnded: true, limit: 10, offset: 0 });
    expect(page.items.find((i) => i.node.name === 'customers#email')!.edge).toMatchObject({ validFrom: T(1), validTo: null, gaps: [{ from: T(3), to: T(5) }] });
    const q = `query ($asOf: DateTime) { columnLineage(nodeId: "dataset:back:customers", direction: BOTH, depth: 1, asOf: $asOf) { nodes { node { name } } } }`;
    const names = async (asOf?: string) => (await loom.gql(q, { asOf })).data.columnLineage.nodes.map((n: any) => n.node.name).filter((n: string) => n.includes('#')).sort();
    expect(await names('2026-03-01T02:00:00.000Z')).toEqual(['customers#email', 'customers#id']);
    expect(await names('2026-03-01T04:00:00.000Z')).toEqual(['customers#id']);
    expect(await names()).toEqual(['customers#email', 'customers#id']);
  });

  it('a DatasetEvent (static lineage, or Marquez\'s dataset PUT) drops a column too', async () => {
    const event = (at: number, columns: string[]) => ({
      eventTime: T(at), producer: PRODUCER, schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent',
      dataset: { namespace: 'static', name: 'customers', facets: { schema: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: columns.map((name) => ({ name })) } } },
    });
    for (const e of [event(5, ['id']), event(4, ['id', 'email'])]) expect((await loom.post('/api/v1/lineage', e)).status).toBe(201);
    expect(await fieldEdges('static')).toEqual({ id: [T(4), null], email: [T(4), T(5)] });
  });

  it('a dropped dataset leaves one-hop expansion, a job\'s column lineage and search, its columns and versions too', async () => {
    const schema = { schema: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: [{ name: 'zq_col' }] } };
    const cll = (name: string, field: string) => ({ columnLineage: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json', fields: { zq_col: { inputFields: [{ namespace: 'dropns', name, field }] } } } });
    const run = { ...event('dropns', 'COMPLETE', 1, '77', ['src']), outputs: [{ namespace: 'dropns', name: 'zq_kept', facets: { ...schema, ...cll('src', 'c') } }, { namespace: 'dropns', name: 'zq_dropped', facets: { ...schema, ...cll('src', 'c') } }] };
    // a job downstream of the dropped dataset's column: beyond it
    const after = { ...event('dropns', 'COMPLETE', 1, '78', ['zq_dropped']), job: { namespace: 'dropns', name: 'after_job' }, outputs: [{ namespace: 'dropns', name: 'zq_after', facets: { ...schema, ...cll('zq_dropped', 'zq_col') } }] };
    const drop = {
      eventTime: T(2), producer: PRODUCER, schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent',
      dataset: { namespace: 'dropns', name: 'zq_dropped', facets: { lifecycleStateChange: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/LifecycleStateChangeDatasetFacet.json', lifecycleStateChange: 'DROP' } } },
    };
    for (const e of [run, after, drop]) expect((await loom.post('/api/v1/lineage', e)).status).toBe(201);
    const gql = async (q: string) => (await loom.gql(q)).data;
    const hop = await gql('{ node(id: "job:dropns:daily_orders") { ... on GraphNode { neighbours(direction: DOWNSTREAM, lineageOnly: true) { total items { node { id } } } } } }');
    expect(hop.node.neighbours).toEqual({ total: 1, items: [{ node: { id: 'dataset:dropns:zq_kept' } }] });
    const all = await gql('{ node(id: "job:dropns:daily_orders") { ... on GraphNode { neighbours(direction: DOWNSTREAM, lineageOnly: true, ended: true) { total } } } }');
    expect(all.node.neighbours.total).toBe(2);
    const cols = await gql('{ columnLineage(nodeId: "job:dropns:daily_orders", direction: UPSTREAM, depth: 1) { nodes { node { id } } } }');
    expect(cols.columnLineage.nodes.map((n: { node: { id: string } }) => n.node.id).sort()).toEqual(['dataset:dropns:zq_kept', 'field:dropns:src#c', 'field:dropns:zq_kept#zq_col']);
    const fromSource = async (asOf: string | null) => (await loom.gql('query ($asOf: DateTime) { columnLineage(nodeId: "field:dropns:src#c", direction: DOWNSTREAM, depth: 3, asOf: $asOf) { nodes { distance node { id } } } }', { asOf })).data
      .columnLineage.nodes.map((n: { distance: number; node: { id: string } }) => `${n.node.id}@${n.distance}`).sort();
    expect(await fromSource(null)).toEqual(['field:dropns:zq_kept#zq_col@1']);
    expect(await fromSource(T(1))).toEqual(['field:dropns:zq_after#zq_col@2', 'field:dropns:zq_dropped#zq_col@1', 'field:dropns:zq_kept#zq_col@1']); // before the drop
    // from the dropped dataset's own column, or the dataset: no lineage now (as a dropped root in table lineage), its lineage before the drop
    const from = async (id: string, asOf: string | null) => (await loom.gql('query ($id: ID!, $asOf: DateTime) { columnLineage(nodeId: $id, direction: BOTH, depth: 3, asOf: $asOf) { nodes { node { id } } } }', { id, asOf })).data
      .columnLineage.nodes.map((n: { node: { id: string } }) => n.node.id).sort();
    for (const id of ['field:dropns:zq_dropped#zq_col', 'dataset:dropns:zq_dropped']) {
      expect(await from(id, null)).toEqual([]);
      expect(await from(id, T(1))).toEqual(expect.arrayContaining(['field:dropns:src#c', 'field:dropns:zq_after#zq_col']));
    }
    const found = await gql('{ search(text: "zq_", first: 20) { ... on GraphNode { id } } }');
    expect(found.search.map((n: { id: string }) => n.id).filter((id: string) => id.includes('zq_dropped'))).toEqual([]);
    expect(found.search.map((n: { id: string }) => n.id)).toContain('field:dropns:zq_kept#zq_col');
  });
});
