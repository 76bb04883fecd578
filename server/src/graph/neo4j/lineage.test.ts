/**
 * The Neo4j lineage logic (cuts, deadline retries, counts) against an in-memory stand-in that answers
 * the statements cypher.ts builds the way Neo4j would (breadth-first shortest distances). No server.
 */
import { describe, expect, it } from 'vitest';
import { Neo4jError } from 'neo4j-driver';
import type { EdgeKind, LineageQuery } from '../../domain/model.js';
import { storeKey } from '../rows.js';
import type { Statement } from './cypher.js';
import { countLineage, TIMED_OUT, walkLineage, type LineageReader } from './lineage.js';
import { isTimeout } from './Neo4jGraphStore.js';

const T = 'acme';
const T0 = '2020-01-01T00:00:00.000Z';
type Row = Record<string, unknown>;
interface E { kind: EdgeKind; from: string; to: string; validFrom: string; validTo: string | null }

/** Answers lineageNodes / lineageCount / lineageEdges statements over an in-memory graph, and records them. */
class FakeNeo4j implements LineageReader {
  readonly nodes = new Map<string, { id: string; kind: string; createdAt: string }>();
  readonly edges: E[] = [];
  readonly calls: { kind: 'walk' | 'count' | 'edges'; depth?: number; ms?: number }[] = [];
  /** Decide that a bounded statement times out. */
  timesOut: (call: FakeNeo4j['calls'][number]) => boolean = () => false;
  /** Run after each statement (e.g. to move a fake clock). */
  after: () => void = () => {};

  node(id: string, kind = id.split(':')[0] === 'job' ? 'Job' : 'Dataset', createdAt = T0): this {
    this.nodes.set(storeKey(T, id), { id, kind, createdAt });
    return this;
  }

  edge(kind: EdgeKind, from: string, to: string, validFrom = T0, validTo: string | null = null): this {
    this.edges.push({ kind, from: storeKey(T, from), to: storeKey(T, to), validFrom, validTo });
    return this;
  }

  async run(s: Statement): Promise<Row[]> {
    return this.answer(s, undefined) as Row[];
  }

  async within(s: Statement, ms: number): Promise<Row[] | typeof TIMED_OUT> {
    return this.answer(s, ms);
  }

  private answer(s: Statement, ms: number | undefined): Row[] | typeof TIMED_OUT {
    const asOf = s.params.asOf as string | undefined;
    const valid = (e: E) => (asOf === undefined ? e.validTo === null : e.validFrom <= asOf && (e.validTo === null || e.validTo > asOf));
    const kinds = (/[[]\w:([A-Z_|]+)/.exec(s.text)![1]).split('|');
    const call: FakeNeo4j['calls'][number] = s.text.startsWith('UNWIND')
      ? { kind: 'edges', ms }
      : { kind: s.text.includes('$cap') ? 'count' : 'walk', depth: Number(/\{1,(\d+)\}/.exec(s.text)![1]), ms };
    this.calls.push(call);
    try {
      if (ms !== undefined && this.timesOut(call)) return TIMED_OUT;
      if (call.kind === 'edges') {
        const keys = new Set(s.params.keys as string[]);
        return this.edges.filter((e) => kinds.includes(e.kind) && valid(e) && keys.has(e.from) && keys.has(e.to))
          .slice(0, s.params.limit as number).map((e) => ({ edge: this.edgeMap(e) }));
      }
      const up = s.text.includes(')<-[');
      const start = s.params.key as string;
      const dist = new Map<string, { d: number; via: E }>();
      let frontier = [start];
      for (let d = 1; d <= call.depth! && frontier.length; d++) {
        const next: string[] = [];
        for (const k of frontier) {
          for (const e of this.edges) {
            if (!kinds.includes(e.kind) || !valid(e) || (up ? e.to : e.from) !== k) continue;
            const other = up ? e.from : e.to;
            if (other === start || dist.has(other)) continue;
            dist.set(other, { d, via: e });
            next.push(other);
          }
        }
        frontier = next;
      }
      const reached = [...dist].map(([k, v]) => ({ n: this.nodes.get(k)!, ...v }))
        .filter((r) => asOf === undefined || r.n.createdAt <= asOf)
        .sort((a, b) => a.d - b.d || (a.n.id < b.n.id ? -1 : 1));
      if (call.kind === 'count' && s.text.includes('AS ref')) {
        return reached.slice(0, s.params.cap as number).map((r) => ({ ref: r.n.id, kind: r.n.kind, distance: r.d }));
      }
      if (call.kind === 'count') {
        const counts = new Map<string, Row>();
        for (const r of reached.slice(0, s.params.cap as number)) {
          const c = counts.get(`${r.n.kind}/${r.d}`) ?? { kind: r.n.kind, distance: r.d, count: 0 };
          c.count = (c.count as number) + 1;
          counts.set(`${r.n.kind}/${r.d}`, c);
        }
        return [...counts.values()];
      }
      return reached.slice(0, s.params.limit as number).map((r) => ({
        node: { ...r.n, namespace: 'ns', name: r.n.id.split(':')[2], props: '{}', updatedAt: r.n.createdAt }, distance: r.d, via: this.edgeMap(r.via),
      }));
    } finally {
      this.after();
    }
  }

  private edgeMap(e: E): Row {
    return { kind: e.kind, fromKey: e.from, toKey: e.to, props: '{}', validFrom: e.validFrom, validTo: e.validTo };
  }
}

/** The contract's graph: raw -> clean_job -> clean -> feat_job -> features -> train -> model ; raw -> audit_job -> audit ; clean -> train. */
function contractGraph(): FakeNeo4j {
  const g = new FakeNeo4j();
  for (const d of ['raw', 'clean', 'features', 'model', 'audit']) g.node(`dataset:ns:${d}`);
  for (const j of ['clean_job', 'feat_job', 'train', 'audit_job']) g.node(`job:ns:${j}`);
  const reads = (d: string, j: string) => g.edge('INPUT_TO', `dataset:ns:${d}`, `job:ns:${j}`);
  const writes = (j: string, d: string) => g.edge('OUTPUT', `job:ns:${j}`, `dataset:ns:${d}`);
  reads('raw', 'clean_job'); writes('clean_job', 'clean'); reads('clean', 'feat_job'); writes('feat_job', 'features');
  reads('features', 'train'); writes('train', 'model'); reads('raw', 'audit_job'); writes('audit_job', 'audit'); reads('clean', 'train');
  return g;
}

const raw = storeKey(T, 'dataset:ns:raw');
const walk = (g: FakeNeo4j, q: Partial<LineageQuery>, key = raw) => walkLineage(g, T, key, { direction: 'DOWNSTREAM', depth: 5, limit: 100, ...q });
const ids = (r: { nodes: { node: { id: string } }[] }) => r.nodes.map((n) => n.node.id);

describe('Neo4j lineage walk', () => {
  it('returns shortest distances and every edge between the nodes, uncut', async () => {
    const g = contractGraph();
    const res = await walk(g, {});
    expect(Object.fromEntries(res.nodes.map((n) => [n.node.id, n.distance]))).toEqual({
      'job:ns:clean_job': 1, 'job:ns:audit_job': 1, 'dataset:ns:clean': 2, 'dataset:ns:audit': 2,
      'job:ns:feat_job': 3, 'job:ns:train': 3, 'dataset:ns:features': 4, 'dataset:ns:model': 4,
    });
    expect(res.edges).toHaveLength(9);
    expect(res.cut).toBeNull();
    expect(g.calls.map((c) => c.kind)).toEqual(['walk', 'edges']);
    expect(g.calls.every((c) => c.ms! > 0 && c.ms! <= 10_000)).toBe(true); // the default deadline bounds every statement
  });

  it('leaves the edges statement out when the caller needs the nodes only', async () => {
    const g = contractGraph();
    const res = await walk(g, { edges: false });
    expect(ids(res)).toEqual(ids(await walk(contractGraph(), {})));
    expect(g.calls.map((c) => c.kind)).toEqual(['walk']);
  });

  it('cuts at the node limit below the distance of the first node left out', async () => {
    const res = await walk(contractGraph(), { limit: 3 });
    expect(ids(res)).toEqual(['job:ns:audit_job', 'job:ns:clean_job', 'dataset:ns:audit']);
    expect(res.cut).toEqual({ reason: 'NODE_LIMIT', depth: 1 }); // dataset:ns:clean, at 2, is left out
    expect((await walk(contractGraph(), { limit: 4 })).cut).toEqual({ reason: 'NODE_LIMIT', depth: 2 });
    expect(res.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual([
      'dataset:ns:raw>job:ns:audit_job', 'dataset:ns:raw>job:ns:clean_job', 'job:ns:audit_job>dataset:ns:audit',
    ]);
  });

  it('walks both ways and keeps each node at its smaller distance', async () => {
    const res = await walkLineage(contractGraph(), T, storeKey(T, 'dataset:ns:features'), { direction: 'BOTH', depth: 1, limit: 100 });
    expect(ids(res).sort()).toEqual(['job:ns:feat_job', 'job:ns:train']);
    expect(res.cut).toBeNull();
  });

  it('answers nothing when the deadline is 0, without reading', async () => {
    const g = contractGraph();
    const res = await walk(g, { deadlineMs: 0 });
    expect(res).toEqual({ nodes: [], edges: [], cut: { reason: 'DEADLINE', depth: 0 } });
    expect(g.calls).toEqual([]);
  });

  it('retries a timed-out walk at half the depth and says the depth fully explored', async () => {
    const g = contractGraph();
    g.timesOut = (c) => c.kind === 'walk' && c.depth! > 2;
    const res = await walk(g, { depth: 5 });
    expect(g.calls.map((c) => [c.kind, c.depth])).toEqual([['walk', 5], ['walk', 2], ['edges', undefined]]);
    expect(res.cut).toEqual({ reason: 'DEADLINE', depth: 2 });
    expect(ids(res)).toEqual(['job:ns:audit_job', 'job:ns:clean_job', 'dataset:ns:audit', 'dataset:ns:clean']);
  });

  it('gives up at depth 1 with nothing explored', async () => {
    const g = contractGraph();
    g.timesOut = (c) => c.kind === 'walk';
    const res = await walk(g, { depth: 10 });
    expect(g.calls.map((c) => c.depth)).toEqual([10, 5, 2, 1]);
    expect(res).toEqual({ nodes: [], edges: [], cut: { reason: 'DEADLINE', depth: 0 } });
  });

  it('keeps the shallowest cut across directions', async () => {
    const g = contractGraph();
    g.timesOut = (c) => c.kind === 'walk' && c.depth === 4; // each way times out at 4 and is retried at 2
    const res = await walkLineage(g, T, storeKey(T, 'dataset:ns:clean'), { direction: 'BOTH', depth: 4, limit: 100 });
    expect(res.cut).toEqual({ reason: 'DEADLINE', depth: 2 });
    const limited = await walkLineage(contractGraph(), T, storeKey(T, 'dataset:ns:clean'), { direction: 'BOTH', depth: 4, limit: 2 });
    expect(limited.cut).toEqual({ reason: 'NODE_LIMIT', depth: 0 }); // 2 of the 3 nodes at distance 1
    expect(limited.nodes).toHaveLength(2);
  });

  it('cuts the second direction at 0 when the deadline passes after the first', async () => {
    const g = contractGraph();
    let clock = 1_000;
    g.after = () => { clock += 60; };
    const res = await walkLineage(g, T, storeKey(T, 'dataset:ns:clean'), { direction: 'BOTH', depth: 2, limit: 100, deadlineMs: 50 }, () => clock);
    expect(g.calls.map((c) => c.kind)).toEqual(['walk']); // upstream only; no time left for downstream nor the edges
    expect(g.calls[0].ms).toBe(50);
    expect(res.cut).toEqual({ reason: 'DEADLINE', depth: 0, edgesMissing: true });
    expect(ids(res).sort()).toEqual(['dataset:ns:raw', 'job:ns:clean_job']);
    expect(res.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['dataset:ns:raw>job:ns:clean_job', 'job:ns:clean_job>dataset:ns:clean']); // the walk's own edges
  });

  it('keeps the walk\'s edges and says so when the edges query times out', async () => {
    const g = contractGraph();
    g.timesOut = (c) => c.kind === 'edges';
    const res = await walk(g, {});
    expect(res.nodes).toHaveLength(8);
    expect(res.cut).toEqual({ reason: 'DEADLINE', depth: 5, edgesMissing: true });
    expect(res.edges).toHaveLength(8); // a spanning tree: one edge per node (features -> train is a cross edge)
  });

  it('travels in time: edges valid then, nodes that existed then', async () => {
    const T1 = '2025-01-01T00:00:00.000Z';
    const T2 = '2025-06-01T00:00:00.000Z';
    const g = new FakeNeo4j().node('dataset:ns:old_src', 'Dataset', T1).node('job:ns:old_job', 'Job', T1).node('dataset:ns:late_out', 'Dataset', T2)
      .edge('INPUT_TO', 'dataset:ns:old_src', 'job:ns:old_job', T1).edge('OUTPUT', 'job:ns:old_job', 'dataset:ns:late_out', T2)
      .edge('OUTPUT', 'job:ns:old_job', 'dataset:ns:old_src', T1, '2025-02-01T00:00:00.000Z');
    const at = (asOf: string) => walkLineage(g, T, storeKey(T, 'dataset:ns:old_src'), { direction: 'DOWNSTREAM', depth: 3, limit: 10, asOf });
    const march = await at('2025-03-01T00:00:00.000Z');
    expect(ids(march)).toEqual(['job:ns:old_job']);
    expect(march.edges.map((e) => e.kind)).toEqual(['INPUT_TO']);
    expect(ids(await at('2025-07-01T00:00:00.000Z'))).toEqual(['job:ns:old_job', 'dataset:ns:late_out']);
    expect((await at('2025-01-15T00:00:00.000Z')).edges.map((e) => e.kind).sort()).toEqual(['INPUT_TO', 'OUTPUT']); // the closed edge, valid then
  });
});

describe('Neo4j lineage count', () => {
  it('counts by kind and distance, bounded by the cap', async () => {
    const c = await countLineage(contractGraph(), raw, { direction: 'DOWNSTREAM', depth: 5, cap: 1000 });
    expect(c).toEqual({
      total: 8, capped: false,
      byKind: [{ kind: 'Dataset', count: 4 }, { kind: 'Job', count: 4 }],
      byDistance: [{ distance: 1, count: 2 }, { distance: 2, count: 2 }, { distance: 3, count: 2 }, { distance: 4, count: 2 }],
    });
    expect(await countLineage(contractGraph(), raw, { direction: 'DOWNSTREAM', depth: 5, cap: 3 })).toMatchObject({ total: 3, capped: true });
  });

  it('counts a node found both ways once for BOTH, at its shorter distance', async () => {
    // a cycle: a -> j1 -> b -> j2 -> a
    const g = new FakeNeo4j().node('dataset:ns:a').node('job:ns:j1').node('dataset:ns:b').node('job:ns:j2')
      .edge('INPUT_TO', 'dataset:ns:a', 'job:ns:j1').edge('OUTPUT', 'job:ns:j1', 'dataset:ns:b').edge('INPUT_TO', 'dataset:ns:b', 'job:ns:j2').edge('OUTPUT', 'job:ns:j2', 'dataset:ns:a');
    const both = await countLineage(g, storeKey(T, 'dataset:ns:a'), { direction: 'BOTH', depth: 3, cap: 1000 });
    expect(both).toEqual({ total: 3, capped: false, byKind: [{ kind: 'Job', count: 2 }, { kind: 'Dataset', count: 1 }], byDistance: [{ distance: 1, count: 2 }, { distance: 2, count: 1 }] });
  });

  it('counts BOTH each direction capped on its own', async () => {
    const g = contractGraph();
    const clean = storeKey(T, 'dataset:ns:clean');
    const both = await countLineage(g, clean, { direction: 'BOTH', depth: 2, cap: 1000 });
    expect(both).toMatchObject({ total: 6, capped: false, byDistance: [{ distance: 1, count: 3 }, { distance: 2, count: 3 }] });
    expect(both.byKind).toEqual([{ kind: 'Dataset', count: 3 }, { kind: 'Job', count: 3 }]);
    expect(g.calls.map((c) => [c.kind, c.ms])).toEqual([['count', undefined], ['count', undefined]]);
    expect(await countLineage(contractGraph(), clean, { direction: 'BOTH', depth: 2, cap: 2 })).toMatchObject({ total: 4, capped: true });
  });
});

describe('Neo4j timeouts are recognised by code, never by message', () => {
  const err = (code: string, message: string) => new Neo4jError(message, code, '50N42', 'error: general processing exception');

  it('knows the timeout codes', () => {
    for (const code of [
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'Neo.ClientError.Transaction.TransactionTimedOut',
      'Neo.ClientError.Transaction.LockClientStopped', 'Neo.TransientError.Transaction.LockClientStopped',
    ]) expect(isTimeout(err(code, 'anything'))).toBe(true);
  });

  it('ignores messages and other codes', () => {
    expect(isTimeout(err('Neo.ClientError.Transaction.Terminated', 'transaction timed out'))).toBe(false);
    expect(isTimeout(new Error('Neo.ClientError.Transaction.TransactionTimedOut'))).toBe(false);
    expect(isTimeout(err('Neo.ClientError.Statement.SyntaxError', 'timeout'))).toBe(false);
  });
});
