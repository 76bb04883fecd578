/**
 * Bounded lineage on Neo4j, with the same semantics as the Kuzu adapter (graph/kuzu/lineage.ts): per
 * direction one ANY SHORTEST walk for the nodes (each with the last edge of its path), then one query
 * for the edges between the nodes kept. Under a deadline every statement runs in its own read
 * transaction whose server-side timeout is the time left; a walk that times out is retried at half
 * the depth, and the answer says where it was cut (the shallowest cut wins).
 */
import {
  DEFAULT_LINEAGE_DEADLINE_MS, LINEAGE_EDGE_KINDS, type Direction, type EdgeKind, type GraphEdge, type LineageCount, type LineageCountQuery,
  type LineageCut, type LineageNode, type LineageQuery, nodeLimitCut, shallowerCut,
} from '../../domain/model.js';
import { badInput } from '../../domain/errors.js';
import { edgeOrder, storeKey, toEdge, toNode } from '../rows.js';
import { aggregateCounts } from '../lineage-count.js';
import * as Q from './cypher.js';

type Row = Record<string, unknown>;

export const TIMED_OUT = Symbol('timed out');

/** How lineage reads the graph; Neo4jGraphStore implements it with one read transaction per statement. */
export interface LineageReader {
  /** Run without a time bound. */
  run(s: Q.Statement): Promise<Row[]>;
  /** Run bounded by `ms` (> 0) of server time; TIMED_OUT when the server stopped it for that. */
  within(s: Q.Statement, ms: number): Promise<Row[] | typeof TIMED_OUT>;
}

export interface Walked { nodes: LineageNode[]; edges: GraphEdge[]; cut: LineageCut | null }

const ways = (d: Direction): Q.Way[] => (d === 'BOTH' ? ['UPSTREAM', 'DOWNSTREAM'] : [d]);
const kindsOf = (k?: readonly EdgeKind[]) => (k?.length ? k : LINEAGE_EDGE_KINDS);
const edgeKey = (e: GraphEdge) => `${e.kind}:${e.from}->${e.to}`;
const byDistanceThenId = (a: LineageNode, b: LineageNode) => a.distance - b.distance || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0);

/** Validate a query before reading anything: the builders reject bad depths, kinds, times and caps. */
export function checkLineageQuery(key: string, q: LineageCountQuery | LineageQuery): void {
  for (const way of ways(q.direction)) Q.lineageCount(key, { way, depth: q.depth, kinds: kindsOf(q.edgeKinds), asOf: q.asOf }, 'cap' in q ? q.cap : 0);
}

export async function walkLineage(db: LineageReader, tenant: string, key: string, q: LineageQuery, now: () => number = () => performance.now()): Promise<Walked> {
  const budget = q.deadlineMs ?? DEFAULT_LINEAGE_DEADLINE_MS;
  if (!Number.isFinite(budget)) throw badInput('deadlineMs', 'must be a number of milliseconds');
  const deadline = now() + budget;
  const kinds = kindsOf(q.edgeKinds);
  let cut: LineageCut | null = null;
  const cutAt = (c: LineageCut | null) => { cut = shallowerCut(cut, c); };
  const found = new Map<string, LineageNode>();
  const edges = new Map<string, GraphEdge>();
  const explored: number[] = [];
  for (const way of ways(q.direction)) {
    const walk: Q.Walk = { way, depth: q.depth, kinds, asOf: q.asOf };
    const rows = await nodesWithin(db, key, walk, q.limit, deadline, now, cutAt);
    cutAt(nodeLimitCut(rows, q.limit));
    if (rows.length > 0) explored.push(walk.depth);
    for (const r of rows.slice(0, q.limit)) {
      const node = toNode(r.node as Row);
      const distance = Number(r.distance);
      const seen = found.get(node.id);
      if (!seen || seen.distance > distance) found.set(node.id, { node, distance });
      if (r.via) { const e = toEdge(r.via as Row, tenant); edges.set(edgeKey(e), e); }
    }
  }
  const all = [...found.values()].sort(byDistanceThenId);
  const nodes = all.slice(0, q.limit);
  cutAt(nodeLimitCut(all, q.limit));
  const keys = [key, ...nodes.map((n) => storeKey(tenant, n.node.id))];
  const remaining = deadline - now();
  if (q.edges !== false && nodes.length > 0) {
    const rows = remaining > 0 ? await db.within(Q.lineageEdges(keys, kinds, Math.max(1000, q.limit * 20), q.asOf), remaining) : TIMED_OUT;
    if (rows === TIMED_OUT) cutAt({ reason: 'DEADLINE', depth: Math.min(...explored), edgesMissing: true });
    else for (const r of rows) { const e = toEdge(r.edge as Row, tenant); edges.set(edgeKey(e), e); }
  }
  const kept = new Set(keys);
  return {
    nodes,
    edges: [...edges.values()].filter((e) => kept.has(storeKey(tenant, e.from)) && kept.has(storeKey(tenant, e.to))).sort(edgeOrder),
    cut,
  };
}

/** One direction's walk; on a timeout, again at half the depth (the cut says the depth that was fully explored). */
async function nodesWithin(
  db: LineageReader, key: string, walk: Q.Walk, limit: number, deadline: number, now: () => number, cutAt: (c: LineageCut) => void,
): Promise<Row[]> {
  for (;;) {
    const remaining = deadline - now();
    if (remaining <= 0) { cutAt({ reason: 'DEADLINE', depth: 0 }); return []; }
    const rows = await db.within(Q.lineageNodes(key, walk, limit), remaining);
    if (rows !== TIMED_OUT) return rows;
    if (walk.depth === 1) { cutAt({ reason: 'DEADLINE', depth: 0 }); return []; }
    walk.depth = Math.floor(walk.depth / 2);
    cutAt({ reason: 'DEADLINE', depth: walk.depth });
  }
}

/** Per direction at most `cap + 1` nodes are counted; BOTH reads each direction's nodes, so a node on both sides counts once, at its shorter distance. */
export async function countLineage(db: LineageReader, key: string, q: LineageCountQuery): Promise<LineageCount> {
  const perDirection: Record<string, unknown>[][] = [];
  const perNode = q.direction === 'BOTH';
  for (const way of ways(q.direction)) perDirection.push(await db.run(Q.lineageCount(key, { way, depth: q.depth, kinds: kindsOf(q.edgeKinds), asOf: q.asOf }, q.cap, perNode)));
  return aggregateCounts(perDirection, q.cap);
}
