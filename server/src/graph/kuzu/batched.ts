/**
 * Statements over many rows on one connection, in the shapes Kuzu 0.11 answers fast: key lookups
 * as UNION ALL branches (it plans `UNWIND $keys ... MATCH` as a scan of the whole Node table),
 * padded to a few sizes so prepared plans repeat; updates of stored nodes and edges by key.
 */
import type { EngineConnection, Row } from './engine.js';
import type { EdgeKind } from '../../domain/model.js';
import { joinEndsGaps, type EdgeRow } from '../rows.js';
import * as Q from './queries.js';
import { fieldsOf, runRows } from './packed.js';

type InternalId = { offset: number; table: number };

/** True when a returned relationship (`r AS rel`) points at the node whose `id(n)` is `other`: walking both ways, it leaves the start node. */
export function leaves(rel: unknown, other: unknown): boolean {
  const dst = (rel as { _dst: InternalId })._dst;
  const o = other as InternalId;
  return dst.offset === o.offset && dst.table === o.table;
}

/** `items` in chunks of at most the largest lookup size, each with the statement size it pads to. */
export function lookupChunks<T>(items: readonly T[]): { chunk: T[]; size: number }[] {
  const max = Q.LOOKUP_SIZES[Q.LOOKUP_SIZES.length - 1];
  return Array.from({ length: Math.ceil(items.length / max) }, (_, i) => {
    const chunk = items.slice(i * max, (i + 1) * max);
    return { chunk, size: Q.LOOKUP_SIZES.find((s) => s >= chunk.length)! };
  });
}

/**
 * One padded statement per chunk, its parameters bound per branch; padding repeats the last item
 * (a duplicate branch returns a duplicate row, harmless for a lookup).
 */
async function lookup<T>(conn: EngineConnection, items: readonly T[], text: (size: number) => string, bind: (item: T, j: number) => Row): Promise<Row[]> {
  const out: Row[] = [];
  for (const { chunk, size } of lookupChunks(items)) {
    const params = Object.assign({}, ...Array.from({ length: size }, (_, j) => bind(chunk[Math.min(j, chunk.length - 1)], j)));
    out.push(...(await conn.run(text(size), params)));
  }
  return out;
}

/** Stored rows of these keys (absent keys have no row). */
export function lookupKeys(conn: EngineConnection, keys: readonly string[], query: (size: number) => string = Q.lookupKeys): Promise<Row[]> {
  return lookup(conn, keys, query, (k, j) => ({ [`k${j}`]: k }));
}

/** Stored edges among these (absent edges have no row). */
export function lookupEdges(conn: EngineConnection, edges: readonly EdgeRow[]): Promise<Row[]> {
  return lookup(conn, edges, Q.lookupEdges, (e, j) => ({ [`f${j}`]: e.from, [`t${j}`]: e.to, [`kind${j}`]: e.kind }));
}

export interface NodeUpdate { key: string; kind: string; props: string; createdAt: string; updatedAt: string; validTo: string }

/**
 * Changed stored nodes: `bulk`, one UNWIND statement each for those whose props changed and the others
 * (a join over a scan of the whole Node table); else UPDATE_NODES_MAX to a statement by key lookups,
 * those whose props changed first (so plans repeat and are reused). The caller picks by the cost of
 * each for the graph (KuzuGraphStore, bulkUpdate).
 */
export async function updateNodes(conn: EngineConnection, full: NodeUpdate[], scalars: NodeUpdate[], bulk: boolean): Promise<void> {
  const rows = [...full, ...scalars];
  if (bulk) {
    if (full.length) await runRows(conn, Q.UPDATE_NODES_BULK.full, fieldsOf(Q.UPDATE_NODES_BULK.full, full));
    if (scalars.length) await runRows(conn, Q.UPDATE_NODES_BULK.scalars, fieldsOf(Q.UPDATE_NODES_BULK.scalars, scalars));
    return;
  }
  for (let i = 0; i < rows.length; i += Q.UPDATE_NODES_MAX) {
    const chunk = rows.slice(i, i + Q.UPDATE_NODES_MAX);
    const withProps = Math.max(0, Math.min(chunk.length, full.length - i));
    const params: Row = {};
    chunk.forEach((r, j) => {
      Object.assign(params, { [`k${j}`]: r.key, [`kind${j}`]: r.kind, [`c${j}`]: r.createdAt, [`u${j}`]: r.updatedAt });
      if (j < withProps) Object.assign(params, { [`p${j}`]: r.props, [`vt${j}`]: r.validTo });
    });
    await conn.run(Q.updateNodes(withProps, chunk.length - withProps), params);
  }
}

export interface EdgeUpdate { from: string; to: string; kind: string; props: string; validFrom: string; validTo: string; endsAt: string }

/** Changed stored edges: `bulk` in one UNWIND statement (as updateNodes), else UPDATE_EDGES_MAX to a statement. */
export async function updateEdges(conn: EngineConnection, rows: EdgeUpdate[], bulk: boolean): Promise<void> {
  if (bulk) {
    await runRows(conn, Q.UPDATE_EDGES_BULK, fieldsOf(Q.UPDATE_EDGES_BULK, rows));
    return;
  }
  for (let i = 0; i < rows.length; i += Q.UPDATE_EDGES_MAX) {
    const chunk = rows.slice(i, i + Q.UPDATE_EDGES_MAX);
    const params: Row = {};
    chunk.forEach((r, j) => Object.assign(params, {
      [`f${j}`]: r.from, [`t${j}`]: r.to, [`kind${j}`]: r.kind, [`p${j}`]: r.props, [`vf${j}`]: r.validFrom,
      [`cur${j}`]: r.validTo === '', [`vt${j}`]: r.validTo, [`ea${j}`]: r.endsAt,
    }));
    await conn.run(Q.updateEdges(chunk.length), params);
  }
}

export interface NewEdge { from: string; to: string; kind: string; props: string; validFrom: string; validTo: string; recordedAt: string; endsAt: string }

/**
 * New edges a join statement takes at most. One statement's cost grows faster than its edges: a lineage
 * event with 20,000 column-lineage fields (90,012 new edges) spent 10.4-11.0 s in one statement, 4.6-6.3 s
 * in statements of 5,000 or 10,000; the ingest bench's passes did not move (session 24).
 */
const JOIN_EDGES_PER_STATEMENT = 5_000;

/**
 * New edges (each has an endpoint created in this transaction, or is known absent), in one of two shapes:
 * - join: one UNWIND statement joining the endpoint keys against a scan of the whole Node table
 *   (Kuzu 0.11's plan for it): 55 edges took 5 ms at 30k nodes, 37 ms at 300k, 113 ms at 1M.
 * - `byKey`: CREATE_BY_KEY_MAX edges to a statement, each endpoint a primary-key lookup: ~0.3 ms an
 *   edge at any graph size, and the text depends on the count alone, so it is prepared once
 *   (one-off texts cost more to prepare than to run).
 * The store picks by the cost of each for the graph and the write (AccessPathOptions.joinNodesPerEdge, access-paths.ts).
 */
export async function createEdges(conn: EngineConnection, edges: NewEdge[], byKey: boolean): Promise<void> {
  if (!byKey) {
    for (let i = 0; i < edges.length; i += JOIN_EDGES_PER_STATEMENT) {
      await runRows(conn, Q.CREATE_EDGES, fieldsOf(Q.CREATE_EDGES, edges.slice(i, i + JOIN_EDGES_PER_STATEMENT)));
    }
    return;
  }
  for (const ended of [false, true]) {
    const rows = edges.filter((e) => (e.validTo !== '') === ended);
    for (let i = 0; i < rows.length; i += Q.CREATE_BY_KEY_MAX) {
      const chunk = rows.slice(i, i + Q.CREATE_BY_KEY_MAX);
      const params: Row = {};
      chunk.forEach((e, j) => {
        Object.assign(params, { [`a${j}`]: e.from, [`b${j}`]: e.to, [`k${j}`]: e.kind, [`p${j}`]: e.props, [`f${j}`]: e.validFrom, [`r${j}`]: e.recordedAt, [`s${j}`]: e.endsAt });
        if (ended) params[`v${j}`] = e.validTo;
      });
      const found = await conn.run(Q.createEdgesByKey(chunk.length, ended), params);
      // An endpoint not stored would leave the MATCH empty and create nothing: fail loudly instead.
      if (Number(found[0]?.n) !== 1) throw new Error(`graph write: an endpoint of the edges from ${chunk.map((e) => e.from).join(', ')} is not stored`);
    }
  }
}

/** A stored node whose validity a write changed: its end (`ended`), and its gaps as now stored when they changed (else null). */
export interface ValidityChange { key: string; ended: boolean; gaps: string | null }

/**
 * New edges of the kinds walks follow between nodes with gaps: their endpoints' gaps (`endsGaps`; new
 * edges are created with none, and stored ones get theirs from refreshEnds). One statement each: rare.
 */
export async function setNewEdgesEndsGaps(conn: EngineConnection, created: readonly EdgeRow[], gapsOf: (key: string) => string): Promise<number> {
  let bytes = 0;
  for (const e of created) {
    if (!Q.WALKED_KINDS.includes(e.kind as EdgeKind)) continue;
    const g = joinEndsGaps(gapsOf(e.from), gapsOf(e.to));
    if (!g) continue;
    await conn.run(Q.SET_EDGE_ENDS_GAPS, { f: e.from, t: e.to, kind: e.kind, g });
    bytes += 200 + g.length;
  }
  return bytes;
}

/**
 * After a node's validity changed: its edges' `endsAt` (when its end did) and `endsGaps` (when its gaps
 * did; schemas 004, 006), in Cypher; then, when it has gaps, those of its edges to nodes with gaps too,
 * whose union only this can merge (rare: both ends dropped and created again). Returns about how many
 * bytes it wrote (what the write queue checkpoints by: a dataset with thousands of edges dropped and
 * created again in a burst otherwise filled a 256 MB buffer pool before the timer's checkpoint).
 */
export async function refreshEnds(conn: EngineConnection, { key, ended, gaps }: ValidityChange): Promise<number> {
  const count = async (q: string) => Number((await conn.run(q, { key }))[0]?.n ?? 0);
  let bytes = 0;
  if (ended) bytes += ((await count(Q.REFRESH_ENDS_OUT)) + (await count(Q.REFRESH_ENDS_IN))) * 200;
  if (gaps === null) return bytes;
  bytes += ((await count(Q.REFRESH_GAPS_OUT)) + (await count(Q.REFRESH_GAPS_IN))) * (200 + gaps.length);
  if (!gaps) return bytes;
  for (const q of [Q.ENDS_GAPS_BOTH_OUT, Q.ENDS_GAPS_BOTH_IN]) {
    for (const r of await conn.run(q, { key })) await conn.run(Q.SET_EDGE_ENDS_GAPS, { f: r.f, t: r.t, kind: r.kind, g: joinEndsGaps(String(r.fg), String(r.tg)) });
  }
  return bytes;
}
