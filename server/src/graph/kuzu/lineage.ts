import {
  LINEAGE_EDGE_KINDS, DEFAULT_LINEAGE_DEADLINE_MS, type Direction, type EdgeHead, type GraphEdge, type GraphNode, type LineageCount,
  type LineageCountQuery, type LineageCut, type LineageQuery, type NodeHead, nodeLimitCut, shallowerCut,
} from '../../domain/model.js';
import { edgeBetween, storeKey, toHead, toNode } from '../rows.js';
import { aggregateCounts } from '../lineage-count.js';
import { isTimeout, type EngineConnection, type Row } from './engine.js';
import * as Q from './queries.js';

const ways = (d: Direction): Q.Way[] => (d === 'BOTH' ? ['UPSTREAM', 'DOWNSTREAM'] : [d]);
const kindsOf = (k?: readonly string[]) => (k?.length ? k : LINEAGE_EDGE_KINDS) as Q.Walk['kinds'];

interface Found { nodes: Map<string, { node: GraphNode | NodeHead; distance: number }>; edges: Map<string, GraphEdge | EdgeHead>; cut: LineageCut | null }

/** Runs work on a pooled reader connection (each query its own, so they run side by side). */
export type UseReader = <T>(work: (conn: EngineConnection) => Promise<T>) => Promise<T>;

/**
 * Bounded breadth-first lineage on Kuzu: per direction one `* SHORTEST` query for the nodes, and
 * side by side with it the edges between them (the root's own, and one hop beyond the walk to
 * depth - 1), each on its own reader: the answer takes as long as the slowest query, not their sum.
 * The edge queries name their ends by internal offset, and the node walk's answer names those
 * (only edges between found nodes are kept). An edge query with more rows than its cap (a hub) is
 * replaced by the edges among the nodes the walk kept.
 * Under a deadline, a node walk that times out is retried at half the depth, and the answer says
 * where it was cut; when the edge queries run out of time the nodes come without those edges.
 * With `heads`, the nodes and edges are heads (NodeHead, EdgeHead). `learn` is told each found
 * node's key and internal offset (NodeRefs).
 */
export async function walkLineage(use: UseReader, tenant: string, key: string, q: LineageQuery, learn: (key: string, ref: unknown) => void): Promise<Found> {
  // On the monotonic clock: a step of the wall clock (NTP, a resumed VM) must not cut a walk short.
  const deadline = performance.now() + (q.deadlineMs ?? DEFAULT_LINEAGE_DEADLINE_MS);
  const found: Found = { nodes: new Map(), edges: new Map(), cut: null };
  const cutAt = (c: LineageCut | null) => { found.cut = shallowerCut(found.cut, c); };
  const edgeCap = Math.max(1000, q.limit * 20);
  const heads = q.heads === true;
  const edgeRows: Row[] = [];
  const names = new Map<number, string>(); // internal offset -> id, for the found nodes and the root
  const timedOut = (depth: number) => (err: unknown) => {
    if (!isTimeout(err)) throw err;
    cutAt({ reason: 'DEADLINE', depth, edgesMissing: true });
    return { rows: [], complete: true };
  };
  await Promise.all(ways(q.direction).map(async (direction) => {
    const walk: Q.Walk = { direction, depth: q.depth, kinds: kindsOf(q.edgeKinds), asOf: q.asOf };
    const edgeWalk = { ...walk };
    const [rows, edges] = await Promise.all([
      use((conn) => nodesWithin(conn, walk, key, q.limit, heads, deadline, cutAt)),
      q.edges === false ? undefined : crossEdges(use, edgeWalk, key, edgeCap, heads, deadline).catch(timedOut(edgeWalk.depth)),
    ]);
    cutAt(nodeLimitCut(rows, q.limit));
    const kept = rows.slice(0, q.limit);
    if (kept.length) names.set(Number(kept[0].rootRef), key.slice(tenant.length + 1));
    for (const r of kept) {
      const id = String(r.id);
      learn(storeKey(tenant, id), r.ref);
      names.set(Number(r.ref), id);
      const seen = found.nodes.get(id);
      if (!seen || seen.distance > Number(r.distance)) found.nodes.set(id, { node: heads ? toHead(r) : toNode(r), distance: Number(r.distance) });
    }
    if (edges && !edges.complete && kept.length) {
      const refs = [kept[0].rootRef, ...kept.map((r) => r.ref)];
      edges.rows = (await edgesAmong(use, walk, refs, edgeCap, heads, deadline).catch(timedOut(walk.depth))).rows;
    }
    if (edges) edgeRows.push(...edges.rows);
  }));
  for (const r of edgeRows) {
    const [from, to] = [names.get(Number(r.fromRef)), names.get(Number(r.toRef))];
    if (from !== undefined && to !== undefined) {
      const e = heads ? { kind: r.kind as EdgeHead['kind'], from, to } : edgeBetween(r, from, to);
      found.edges.set(`${e.kind}:${from}->${to}`, e);
    }
  }
  return found;
}

async function nodesWithin(conn: EngineConnection, walk: Q.Walk, key: string, limit: number, heads: boolean, deadline: number, cutAt: (c: LineageCut) => void): Promise<Row[]> {
  for (;;) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) { cutAt({ reason: 'DEADLINE', depth: 0 }); return []; }
    conn.setTimeout(remaining);
    try {
      return await conn.run(Q.lineageNodes(walk, heads), { key, limit: limit + 1 });
    } catch (err) {
      if (!isTimeout(err)) throw err;
      if (walk.depth === 1) { cutAt({ reason: 'DEADLINE', depth: 0 }); return []; }
      walk.depth = Math.floor(walk.depth / 2);
      cutAt({ reason: 'DEADLINE', depth: walk.depth });
    }
  }
}

/** Edge rows (ends as offsets) with whether every query returned all its rows (at most `cap` each). */
interface EdgeRows { rows: Row[]; complete: boolean }

/** Edges leaving (in the walk's direction) the root and the nodes closer than the depth; the caller keeps those between found nodes. */
async function crossEdges(use: UseReader, walk: Q.Walk, key: string, cap: number, heads: boolean, deadline: number): Promise<EdgeRows> {
  const texts = [Q.lineageEdges(walk, true, heads), ...(walk.depth > 1 ? [Q.lineageEdges(walk, false, heads)] : [])];
  const parts = await Promise.all(texts.map((text) => use(async (conn) => {
    conn.setTimeout(Math.max(1, deadline - performance.now()));
    return conn.run(text, { key, limit: cap + 1 });
  })));
  return { rows: parts.flat(), complete: parts.every((p) => p.length <= cap) };
}

/** The edges among a hub walk's kept nodes (its edge queries returned only some of theirs). */
function edgesAmong(use: UseReader, walk: Q.Walk, refs: unknown[], cap: number, heads: boolean, deadline: number): Promise<EdgeRows> {
  return use(async (conn) => {
    conn.setTimeout(Math.max(1, deadline - performance.now()));
    return { rows: await conn.run(Q.edgesAmong(walk, heads), { refs, limit: cap }), complete: true };
  });
}

export async function countLineage(conn: EngineConnection, key: string, q: LineageCountQuery): Promise<LineageCount> {
  const perDirection: Record<string, unknown>[][] = [];
  const perNode = q.direction === 'BOTH'; // a node on both sides counts once, at its shorter distance
  for (const direction of ways(q.direction)) perDirection.push(await conn.run(Q.lineageCount({ direction, depth: q.depth, kinds: kindsOf(q.edgeKinds), asOf: q.asOf }, perNode), { key, cap: q.cap + 1 }));
  return aggregateCounts(perDirection, q.cap);
}
