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

/**
 * Bounded breadth-first lineage on Kuzu: per direction one `* SHORTEST` query for the nodes, then
 * the edges between them (when the deadline cuts that, the nodes come without their edges). Under a deadline,
 * a traversal that times out is retried at half the depth, and the answer says where it was cut.
 */
export async function walkLineage(conn: EngineConnection, tenant: string, key: string, q: LineageQuery): Promise<Found> {
  const deadline = Date.now() + (q.deadlineMs ?? DEFAULT_LINEAGE_DEADLINE_MS);
  const found: Found = { nodes: new Map(), edges: new Map(), cut: null };
  // The shallowest cut wins: it is where the answer stops being complete.
  const cutAt = (c: LineageCut) => {
    if (!found.cut || c.depth < found.cut.depth || (c.depth === found.cut.depth && c.reason === 'DEADLINE')) found.cut = c;
  };
  for (const direction of ways(q.direction)) {
    const walk: Q.Walk = { direction, depth: q.depth, kinds: kindsOf(q.edgeKinds), asOf: q.asOf };
    const rows = await nodesWithin(conn, walk, key, q.limit, deadline, cutAt);
    if (rows.length > q.limit) cutAt({ reason: 'NODE_LIMIT', depth: Number(rows[q.limit - 1]?.distance ?? 0) });
    for (const r of rows.slice(0, q.limit)) {
      const seen = found.nodes.get(String(r.id));
      if (!seen || seen.distance > Number(r.distance)) found.nodes.set(String(r.id), { node: toNode(r), distance: Number(r.distance) });
    }
    if (rows.length > 0 && Date.now() < deadline) await crossEdges(conn, walk, key, q.limit, deadline, tenant, found).catch((err) => {
      if (!isTimeout(err)) throw err;
      cutAt({ reason: 'DEADLINE', depth: walk.depth });
    });
  }
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

async function crossEdges(conn: EngineConnection, walk: Q.Walk, key: string, limit: number, deadline: number, tenant: string, found: Found): Promise<void> {
  const inSet = (id: string) => found.nodes.has(id) || `${tenant}/${id}` === key;
  const texts = [Q.lineageEdges(walk, true), ...(walk.depth > 1 ? [Q.lineageEdges(walk, false)] : [])];
  for (const text of texts) {
    conn.setTimeout(Math.max(1, deadline - Date.now()));
    for (const r of await conn.run(text, { key, limit: Math.max(1000, limit * 20) })) {
      const e = toEdge(r, tenant);
      if (inSet(e.from) && inSet(e.to)) found.edges.set(edgeKey(e), e);
    }
  }
}

const edgeKey = (e: GraphEdge) => `${e.kind}:${e.from}->${e.to}`;

export async function countLineage(conn: EngineConnection, key: string, q: LineageCountQuery): Promise<LineageCount> {
  const perDirection: Record<string, unknown>[][] = [];
  for (const direction of ways(q.direction)) perDirection.push(await conn.run(Q.lineageCount({ direction, depth: q.depth, kinds: kindsOf(q.edgeKinds), asOf: q.asOf }), { key, cap: q.cap + 1 }));
  return aggregateCounts(perDirection, q.cap);
}
