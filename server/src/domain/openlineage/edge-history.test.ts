import { describe, expect, it } from 'vitest';
import type { EdgeInput, GraphNode } from '../model.js';
import { fieldHistory, jobHistory, WRITTEN_AT_PROP, type EdgeHistory, type JobEdgeKind } from './edge-history.js';

const T = (h: number) => `2026-03-01T${String(h).padStart(2, '0')}:00:00.000Z`;
interface V { id: string; first: number; last: number; inputs: string[]; outputs: string[] }
const v = (id: string, first: number, last: number, inputs: string[], outputs: string[] = ['out']): V => ({ id, first, last, inputs, outputs });
const addJobVersion = (h: EdgeHistory, id: string, first: string, last: string, inputs: string[], outputs: string[]) =>
  h.addVersion({ id, firstAt: first, lastAt: last, members: { INPUT_TO: inputs, OUTPUT: outputs } });
function jobEdges(jobId: string, versions: V[], seen: { kind: JobEdgeKind; dataset: string; validFrom: string }[]): EdgeInput[] {
  const h = jobHistory(jobId);
  for (const x of versions) addJobVersion(h, x.id, T(x.first), T(x.last), x.inputs, x.outputs);
  for (const e of seen) h.addEdge(e.kind, e.dataset, e.validFrom);
  return h.edges();
}
const gapsOf = (edges: EdgeInput[]) => Object.fromEntries(edges.filter((e) => e.gaps?.length)
  .map((e) => [`${e.kind} ${e.kind === 'INPUT_TO' ? e.from : e.to}`, e.gaps!.map((g) => [g.from, g.to])]));
const byDataset = (edges: EdgeInput[]) =>
  Object.fromEntries(edges.map((e) => [`${e.kind} ${e.kind === 'INPUT_TO' ? e.from : e.to}`, [e.validFrom, e.validTo]]));

describe('job-level edge validity from the job history', () => {
  it('ends an input at the first version seen after its last use', () => {
    const edges = byDataset(jobEdges('job', [v('v1', 1, 3, ['a', 'b']), v('v2', 5, 9, ['a'])], []));
    expect(edges).toEqual({
      'INPUT_TO a': [T(1), null],
      'INPUT_TO b': [T(1), T(5)],
      'OUTPUT out': [T(1), null],
    });
  });

  it('keeps a dataset read, dropped and read again current (from its first use), the time it was not read a gap', () => {
    // v1 (a, b) at 1, v2 (a) at 2, v1 again at 3: the version node keeps first 1, last 3.
    const edges = jobEdges('job', [v('v1', 1, 3, ['a', 'b']), v('v2', 2, 2, ['a'])], []);
    expect(byDataset(edges)['INPUT_TO b']).toEqual([T(1), null]);
    expect(gapsOf(edges)).toEqual({ 'INPUT_TO b': [[T(2), T(3)]] });
  });

  it('keeps every gap of a dataset read on and off, and ends it where its last reading ended', () => {
    // read at 1-2 (v1), not at 3 (v2), read at 4-5 (v1 again: one span 1..5 cut by v2), not at 6-7 (v3), read at 8 (v4), not at 9 (v3)
    const edges = jobEdges('job', [v('v1', 1, 5, ['a', 'b']), v('v2', 3, 3, ['a']), v('v3', 6, 9, ['a']), v('v4', 8, 8, ['a', 'b'])], []);
    expect(byDataset(edges)['INPUT_TO b']).toEqual([T(1), T(9)]);
    expect(gapsOf(edges)).toEqual({ 'INPUT_TO b': [[T(3), T(5)], [T(6), T(8)]] });
    expect(byDataset(edges)['INPUT_TO a']).toEqual([T(1), null]);
  });

  it('gives a dataset a START event named before the job had it the time until the next version as well', () => {
    // named by a running event at 0, not read by the run that completed at 1 (v1), read from 2 (v2)
    const edges = jobEdges('job', [v('v1', 1, 1, []), v('v2', 2, 4, ['a'])], [{ kind: 'INPUT_TO', dataset: 'a', validFrom: T(0) }]);
    expect(byDataset(edges)['INPUT_TO a']).toEqual([T(0), null]);
    expect(gapsOf(edges)).toEqual({ 'INPUT_TO a': [[T(1), T(2)]] });
    // and joined with its first reading when no version came between
    expect(gapsOf(jobEdges('job', [v('v2', 2, 4, ['a'])], [{ kind: 'INPUT_TO', dataset: 'a', validFrom: T(0) }]))).toEqual({});
  });

  it('finds the gap of a job whose every run is a version of its own (a facet that changes each run)', () => {
    const h = jobHistory('job');
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
    for (let i = 0; i < 2_000; i++) addJobVersion(h, `v${i}`, at(i), at(i), i >= 900 && i < 950 ? ['a'] : ['a', 'b'], ['out']);
    const b = h.edges().find((e) => e.from === 'b')!;
    expect(b).toMatchObject({ validFrom: at(0), validTo: null, gaps: [{ from: at(900), to: at(950) }] });
    expect(h.edges().find((e) => e.from === 'a')!.gaps).toEqual([]);
  });

  it('answers the same one sighting at a time, mostly in time order, as from the final versions in reverse', () => {
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const shapes = [['a', 'b'], ['a'], ['a', 'b'], ['b', 'c']];
    for (let round = 0; round < 30; round++) {
      const live = jobHistory('job');
      const finals = new Map<string, { first: number; last: number; inputs: string[] }>();
      for (let i = 0; i < 40; i++) {
        const id = `v${rand(6)}`;
        const inputs = shapes[Number(id.slice(1)) % shapes.length];
        const t = rand(10) === 0 ? rand(i + 1) : i; // now and then an event from the past
        addJobVersion(live, id, T(t % 24), T(t % 24), inputs, ['out']);
        const f = finals.get(id);
        finals.set(id, { first: Math.min(f?.first ?? 99, t % 24), last: Math.max(f?.last ?? -1, t % 24), inputs });
        const fresh = jobHistory('job');
        for (const [vid, v] of [...finals].reverse()) addJobVersion(fresh, vid, T(v.first), T(v.last), v.inputs, ['out']);
        expect(live.edges(), `round ${round}, sighting ${i}`).toEqual(fresh.edges());
      }
    }
  });

  it('gives the same gaps whatever order versions and edges arrive in, one sighting at a time', () => {
    const sightings: [string, number, string[]][] = [['v1', 1, ['a', 'b']], ['v2', 2, ['a']], ['v1', 3, ['a', 'b']], ['v3', 4, ['b']], ['v2', 5, ['a']], ['v1', 6, ['a', 'b']]];
    const fold = (order: typeof sightings) => {
      const h = jobHistory('job');
      for (const [id, t, inputs] of order) addJobVersion(h, id, T(t), T(t), inputs, ['out']);
      return h.edges();
    };
    const expected = fold(sightings);
    let seed = 7;
    for (let round = 0; round < 20; round++) {
      const shuffled = [...sightings].sort(() => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5);
      expect(fold(shuffled)).toEqual(expected);
    }
    // a version is kept as its first and last sighting: v1 (1, 6), v2 (2, 5), v3 (4); v1's sighting at 3 is inside v2's span and lost
    expect(gapsOf(expected)).toEqual({ 'INPUT_TO a': [[T(4), T(5)]], 'INPUT_TO b': [[T(2), T(4)], [T(5), T(6)]] });
  });

  it('is a function of the history, not of the order it is given in', () => {
    const history = [v('v1', 1, 4, ['a', 'b']), v('v2', 2, 6, ['b', 'c'], ['out', 'side']), v('v3', 7, 8, ['c'])];
    const seen = [{ kind: 'INPUT_TO' as const, dataset: 'z', validFrom: T(0) }];
    const expected = jobEdges('job', history, seen);
    expect(jobEdges('job', [...history].reverse(), seen)).toEqual(expected);
    expect(jobEdges('job', [history[1], history[2], history[0]], seen)).toEqual(expected);
    expect(byDataset(expected)).toEqual({
      'INPUT_TO a': [T(1), T(6)],
      'INPUT_TO b': [T(1), T(7)],
      'INPUT_TO c': [T(2), null],
      'INPUT_TO z': [T(0), T(1)],
      'OUTPUT out': [T(1), null],
      'OUTPUT side': [T(2), T(7)],
    });
  });

  it('keeps edges that only non-terminal events named current until a version is seen after them', () => {
    expect(byDataset(jobEdges('job', [], [{ kind: 'INPUT_TO', dataset: 'a', validFrom: T(3) }]))).toEqual({ 'INPUT_TO a': [T(3), null] });
    expect(byDataset(jobEdges('job', [v('v1', 1, 2, ['b'])], [{ kind: 'INPUT_TO', dataset: 'a', validFrom: T(3) }]))['INPUT_TO a']).toEqual([T(3), null]);
  });

  it('writes inputs as dataset -> job and outputs as job -> dataset', () => {
    const edges = jobEdges('job:ns:j', [v('v1', 1, 1, ['dataset:ns:in'], ['dataset:ns:out'])], []);
    expect(edges.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual([
      { kind: 'INPUT_TO', from: 'dataset:ns:in', to: 'job:ns:j' },
      { kind: 'OUTPUT', from: 'job:ns:j', to: 'dataset:ns:out' },
    ]);
  });
});

describe('EdgeHistory bookkeeping', () => {
  it('folds the same observation split over versions seen one event at a time', () => {
    const whole = jobHistory('job');
    addJobVersion(whole, 'v1', T(1), T(5), ['a'], ['out']);
    const split = jobHistory('job');
    for (const t of [5, 1, 3]) addJobVersion(split, 'v1', T(t), T(t), ['a'], ['out']);
    expect(split.edges()).toEqual(whole.edges());
  });

  it('reports only the edges whose validity differs from what is stored', () => {
    const h = jobHistory('job');
    addJobVersion(h, 'v1', T(1), T(1), ['a', 'b'], ['out']);
    const first = h.changedEdges();
    expect(first).toHaveLength(3);
    h.markStored(first);
    expect(h.changedEdges()).toEqual([]);
    addJobVersion(h, 'v2', T(2), T(2), ['a'], ['out']);
    expect(h.changedEdges()).toEqual([{ kind: 'INPUT_TO', from: 'b', to: 'job', validFrom: T(1), validTo: T(2), gaps: [] }]);
    h.markStored(h.changedEdges());
    // b read again: current, with the time it was not read as a gap; then only the gap differs from what is stored
    addJobVersion(h, 'v1', T(3), T(3), ['a', 'b'], ['out']);
    expect(h.changedEdges()).toEqual([{ kind: 'INPUT_TO', from: 'b', to: 'job', validFrom: T(1), validTo: null, gaps: [{ from: T(2), to: T(3) }] }]);
    h.markStored(h.changedEdges());
    expect(h.changedEdges()).toEqual([]);
    const stored = jobHistory('job');
    stored.load([], [{ kind: 'INPUT_TO', from: 'b', to: 'job', props: {}, validFrom: T(1), validTo: null }]);
    for (const [id, t, inputs] of [['v1', 1, ['a', 'b']], ['v2', 2, ['a']], ['v1', 3, ['a', 'b']]] as const) addJobVersion(stored, id, T(t), T(t), [...inputs], ['out']);
    expect(stored.changedEdges().find((e) => e.from === 'b')!.gaps).toEqual([{ from: T(2), to: T(3) }]);
  });
});

describe('schema field validity from the dataset history', () => {
  const DS = 'dataset:ns:orders';
  const field = (name: string) => `field:ns:orders#${name}`;
  /** A stored DatasetVersion node with a schema of `columns`, first seen at `first`, last given by a writer at `written` (null: only readers). */
  const version = (id: string, columns: string[], first: number, written: number | null, updated = written ?? first): GraphNode => ({
    id: `${DS}@${id}`, kind: 'DatasetVersion', namespace: 'ns', name: 'orders', createdAt: T(first), updatedAt: T(updated), validTo: null,
    props: { datasetId: DS, 'facets.schema': { fields: columns.map((name) => ({ name, type: 'STRING' })) }, ...(written === null ? {} : { [WRITTEN_AT_PROP]: T(written) }) },
  });
  const edge = (name: string, from: number) => ({ kind: 'HAS_FIELD' as const, from: DS, to: field(name), props: {}, validFrom: T(from), validTo: null, recordedAt: T(from) });
  const fieldEdges = (versions: GraphNode[], edges: ReturnType<typeof edge>[], owner?: GraphNode) => {
    const h = fieldHistory(DS);
    h.load(versions, edges, owner);
    return Object.fromEntries(h.edges().map((e) => [e.to.split('#')[1], [e.validFrom, e.validTo]]));
  };

  it('ends a column at the first schema a writer gave without it, and keeps it as of before', () => {
    const edges = fieldEdges([version('v1', ['id', 'email'], 1, 3), version('v2', ['id', 'email_hash'], 5, 9)], [edge('id', 1), edge('email', 1), edge('email_hash', 5)]);
    expect(edges).toEqual({ id: [T(1), null], email: [T(1), T(5)], email_hash: [T(5), null] });
  });

  it('keeps a column dropped and added back current, the time it was gone a gap', () => {
    // (id, email) written at 1, (id) at 3-4, (id, email) again at 7: the same version as at 1, now seen 1..7
    const h = fieldHistory(DS);
    h.load([version('v1', ['id', 'email'], 1, 7), version('v2', ['id'], 3, 4)], [edge('id', 1), edge('email', 1)]);
    const email = h.edges().find((e) => e.to === field('email'))!;
    expect(email).toMatchObject({ validFrom: T(1), validTo: null, gaps: [{ from: T(3), to: T(7) }] });
    expect(h.edges().find((e) => e.to === field('id'))!.gaps).toEqual([]);
  });

  it('does not end a column for a reader\'s view of the dataset (a version no writer gave)', () => {
    // A reader reported only `id` after the writer's schema (id, email): a pruned or stale view, not a drop.
    const edges = fieldEdges([version('v1', ['id', 'email'], 1, 2), version('vr', ['id'], 4, null)], [edge('id', 1), edge('email', 1)]);
    expect(edges).toEqual({ id: [T(1), null], email: [T(1), null] });
  });

  it('orders versions by when writers gave them: a reader seeing an old schema late does not bring its columns back', () => {
    // v1 written at 1, v2 written at 3 (drops email); a reader reported v1 again at 6 (updatedAt 6, writtenAt still 1).
    const edges = fieldEdges([version('v1', ['id', 'email'], 1, 1, 6), version('v2', ['id'], 3, 3)], [edge('id', 1), edge('email', 1)]);
    expect(edges.email).toEqual([T(1), T(3)]);
  });

  it('keeps columns no writer\'s schema ever had (column lineage or a reader named them), and ignores schemas of no columns', () => {
    const edges = fieldEdges([version('v1', ['id'], 1, 1), version('v0', [], 5, 5)], [edge('id', 1), edge('from_lineage', 2)]);
    expect(edges).toEqual({ id: [T(1), null], from_lineage: [T(2), null] });
  });

  it('counts a version stored before writtenAt existed when it is the dataset\'s writtenVersion', () => {
    const owner = { id: DS, kind: 'Dataset', namespace: 'ns', name: 'orders', props: { writtenVersion: 'v2' }, createdAt: T(1), updatedAt: T(4), validTo: null } as GraphNode;
    const edges = fieldEdges([version('v1', ['id', 'email'], 1, null), version('v2', ['id'], 4, null)], [edge('id', 1), edge('email', 1)], owner);
    expect(edges).toEqual({ id: [T(1), null], email: [T(1), null] }); // v1 was never marked written: one written version, nothing after it
    const both = fieldEdges([version('v1', ['id', 'email'], 1, 1), version('v2', ['id'], 4, null)], [edge('id', 1), edge('email', 1)], owner);
    expect(both.email).toEqual([T(1), T(4)]);
  });

  it('leaves a feature group\'s features (HAS_FIELD to Feature nodes) alone', () => {
    const h = fieldHistory(DS);
    h.load([version('v1', ['id'], 1, 1)], [edge('id', 1), { ...edge('x', 1), to: 'feature:ns:orders#x' }]);
    expect(h.edges().map((e) => e.to)).toEqual([field('id')]);
  });

  it('is a function of the history, not of the order events give it in', () => {
    const events = [
      { at: 1, columns: ['id', 'email'] }, { at: 2, columns: ['id', 'email', 'plan'] }, { at: 3, columns: ['id', 'plan'] }, { at: 4, columns: ['id', 'plan'] },
    ];
    const fold = (order: number[]) => {
      const h = fieldHistory(DS);
      for (const i of order) {
        const e = events[i];
        const v = version(`v${e.columns.join('_')}`, e.columns, e.at, e.at);
        h.observe({ nodes: [{ ...v, at: T(e.at) }], edges: e.columns.map((c) => ({ kind: 'HAS_FIELD' as const, from: DS, to: field(c), validFrom: T(e.at) })) }, T(e.at));
      }
      return h.edges();
    };
    const expected = fold([0, 1, 2, 3]);
    for (const order of [[3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]]) expect(fold(order)).toEqual(expected);
    expect(Object.fromEntries(expected.map((e) => [e.to.split('#')[1], [e.validFrom, e.validTo]]))).toEqual({
      id: [T(1), null], email: [T(1), T(3)], plan: [T(2), null],
    });
  });
});
