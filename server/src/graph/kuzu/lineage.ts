import {
  LINEAGE_EDGE_KINDS, DEFAULT_LINEAGE_DEADLINE_MS, type Direction, type GraphEdge, type GraphNode, type LineageCount,
  type LineageCountQuery, type LineageCut, type LineageQuery,
} from '../../domain/model.js';
import { toEdge, toNode } from '../rows.js';
import { aggregateCounts } from '../lineage-count.js';
import { isTimeout, type EngineConnection, type Row } from './engine.js';
import * as Q from './queries.js';

const ways = (d: Direction): Q.Way[] => (d === 'BOTH' ? ['UPSTREAM', 'DOWNSTREAM'] : [d]);
const kindsOf = (k?: readonly string[]) => (k?.length ? k : LINEAGE_EDGE_KINDS) as Q.Walk['kinds'];

interface Found { nodes: Map<string, { node: GraphNode; distance: number }>; edges: Map<string, GraphEdge>; cut: LineageCut | null }

/** Runs work on a pooled reader connection (each query its own, so they run side by side). */
export type UseReader = <T>(work: (conn: EngineConnection) => Promise<T>) => Promise<T>;

/**
 * Bounded breadth-first lineage on Kuzu: per direction one `* SHORTEST` query for the nodes, and
 * side by side with it the edges between them (the root's own, and one hop beyond the walk to
 * depth - 1), each on its own reader: the answer takes as long as the slowest query, not their sum.
 * Under a deadline, a node walk that times out is retried at half the depth, and the answer says
 * where it was cut; when the edge queries run out of time the nodes come without those edges.
 * `learn` is told each found node's key and internal offset (NodeRefs).
 */
export async function walkLineage(use: UseReader, tenant: string, key: string, q: LineageQuery, learn: (key: string, ref: unknown) => void): Promise<Found> {
  const deadline = Date.now() + (q.deadlineMs ?? DEFAULT_LINEAGE_DEADLINE_MS);
  const found: Found = { nodes: new Map(), edges: new Map(), cut: null };
  // The shallowest cut wins: it is where the answer stops being complete.
  const cutAt = (c: LineageCut) => {
    if (!found.cut || c.depth < found.cut.depth || (c.depth === found.cut.depth && c.reason === 'DEADLINE')) found.cut = c;
  };
  const edges: GraphEdge[] = [];
  await Promise.all(ways(q.direction).map(async (direction) => {
    const walk: Q.Walk = { direction, depth: q.depth, kinds: kindsOf(q.edgeKinds), asOf: q.asOf };
    const edgeWalk = { ...walk };
    const [rows] = await Promise.all([
      use((conn) => nodesWithin(conn, walk, key, q.limit, deadline, cutAt)),
      q.edges === false ? undefined : crossEdges(use, edgeWalk, key, q.limit, deadline, tenant, edges).catch((err) => {
        if (!isTimeout(err)) throw err;
        cutAt({ reason: 'DEADLINE', depth: edgeWalk.depth });
      }),
    ]);
    if (rows.length > q.limit) cutAt({ reason: 'NODE_LIMIT', depth: Number(rows[q.limit - 1]?.distance ?? 0) });
    for (const r of rows.slice(0, q.limit)) {
      learn(String(r.key), r.ref);
      const seen = found.nodes.get(String(r.id));
      if (!seen || seen.distance > Number(r.distance)) found.nodes.set(String(r.id), { node: toNode(r), distance: Number(r.distance) });
    }
  }));
  const inSet = (id: string) => found.nodes.has(id) || `${tenant}/${id}` === key;
  for (const e of edges) if (inSet(e.from) && inSet(e.to)) found.edges.set(edgeKey(e), e);
  return found;
}

async function nodesWithin(conn: EngineConnection, walk: Q.Walk, key: string, limit: number, deadline: number, cutAt: (c: LineageCut) => void): Promise<Row[]> {
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) { cutAt({ reason: 'DEADLINE', depth: 0 }); return []; }
    conn.setTimeout(remaining);
    try {
      return await conn.run(Q.lineageNodes(walk), { key, limit: limit + 1 });
    } catch (err) {
      if (!isTimeout(err)) throw err;
      if (walk.depth === 1) { cutAt({ reason: 'DEADLINE', depth: 0 }); return []; }
      walk.depth = Math.floor(walk.depth / 2);
      cutAt({ reason: 'DEADLINE', depth: walk.depth });
    }
  }
}

/** Edges leaving (in the walk's direction) the root and the nodes closer than the depth; the caller keeps those between found nodes. */
async function crossEdges(use: UseReader, walk: Q.Walk, key: string, limit: number, deadline: number, tenant: string, out: GraphEdge[]): Promise<void> {
  const texts = [Q.lineageEdges(walk, true), ...(walk.depth > 1 ? [Q.lineageEdges(walk, false)] : [])];
  await Promise.all(texts.map((text) => use(async (conn) => {
    conn.setTimeout(Math.max(1, deadline - Date.now()));
    for (const r of await conn.run(text, { key, limit: Math.max(1000, limit * 20) })) out.push(toEdge(r, tenant));
  })));
}

const edgeKey = (e: GraphEdge) => `${e.kind}:${e.from}->${e.to}`;

export async function countLineage(conn: EngineConnection, key: string, q: LineageCountQuery): Promise<LineageCount> {
  const perDirection: Record<string, unknown>[][] = [];
  for (const direction of ways(q.direction)) perDirection.push(await conn.run(Q.lineageCount({ direction, depth: q.depth, kinds: kindsOf(q.edgeKinds), asOf: q.asOf }), { key, cap: q.cap + 1 }));
  return aggregateCounts(perDirection, q.cap);
}
