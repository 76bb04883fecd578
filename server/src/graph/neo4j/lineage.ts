/**
 * Bounded lineage on Neo4j, with the same semantics as the Kuzu adapter (graph/kuzu/lineage.ts): per
 * direction one ANY SHORTEST walk for the nodes (each with the last edge of its path), then one query
 * for the edges between the nodes kept. Under a deadline every statement runs in its own read
 * transaction whose server-side timeout is the time left; a walk that times out is retried at half
 * the depth, and the answer says where it was cut (the shallowest cut wins).
 */
import {
  DEFAULT_LINEAGE_DEADLINE_MS, LINEAGE_EDGE_KINDS, type Direction, type EdgeKind, type GraphEdge, type LineageCount, type LineageCountQuery,
  type LineageCut, type LineageNode, type LineageQuery,
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
  // The shallowest cut wins: it is where the answer stops being complete.
  const cutAt = (c: LineageCut) => {
    if (!cut || c.depth < cut.depth || (c.depth === cut.depth && c.reason === 'DEADLINE')) cut = c;
  };
  const found = new Map<string, LineageNode>();
  const edges = new Map<string, GraphEdge>();
  const explored: number[] = [];
  for (const way of ways(q.direction)) {
    const walk: Q.Walk = { way, depth: q.depth, kinds, asOf: q.asOf };
    const rows = await nodesWithin(db, key, walk, q.limit, deadline, now, cutAt);
    if (rows.length > q.limit) cutAt({ reason: 'NODE_LIMIT', depth: Number(rows[q.limit - 1]?.distance ?? 0) });
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
  if (all.length > q.limit) cutAt({ reason: 'NODE_LIMIT', depth: nodes[nodes.length - 1]?.distance ?? 0 });
  const keys = [key, ...nodes.map((n) => storeKey(tenant, n.node.id))];
  const remaining = deadline - now();
  if (q.edges !== false && nodes.length > 0 && remaining > 0) {
    const rows = await db.within(Q.lineageEdges(keys, kinds, Math.max(1000, q.limit * 20), q.asOf), remaining);
    if (rows === TIMED_OUT) cutAt({ reason: 'DEADLINE', depth: Math.min(...explored) });
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

/** Per direction at most `cap + 1` nodes are counted; BOTH sums the two directions (a node on both sides counts twice). */
export async function countLineage(db: LineageReader, key: string, q: LineageCountQuery): Promise<LineageCount> {
  const perDirection: Record<string, unknown>[][] = [];
  for (const way of ways(q.direction)) perDirection.push(await db.run(Q.lineageCount(key, { way, depth: q.depth, kinds: kindsOf(q.edgeKinds), asOf: q.asOf }, q.cap)));
  return aggregateCounts(perDirection, q.cap);
}
