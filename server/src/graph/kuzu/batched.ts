/**
 * Statements over many rows on one connection, in the shapes Kuzu 0.11 answers fast: key lookups
 * as UNION ALL branches (it plans `UNWIND $keys ... MATCH` as a scan of the whole Node table),
 * padded to a few sizes so prepared plans repeat; updates of stored nodes and edges by key.
 */
import type { EngineConnection, Row } from './engine.js';
import type { EdgeRow } from '../rows.js';
import * as Q from './queries.js';

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

/** Which node tables may hold a key (the store's key filters): a key is looked up in those only. */
export type TablesOf = (key: string) => readonly Q.Table[];

/** Stored rows of these keys, each with the `table` it was found in (absent keys have no row). */
export async function lookupKeys(
  conn: EngineConnection, keys: readonly string[], tablesOf: TablesOf, query: (size: number, table: Q.Table) => string = Q.lookupKeys,
): Promise<Row[]> {
  const out: Row[] = [];
  for (const table of Q.TABLES) {
    const mine = keys.filter((k) => tablesOf(k).includes(table));
    if (mine.length) for (const r of await lookup(conn, mine, (size) => query(size, table), (k, j) => ({ [`k${j}`]: k }))) out.push({ ...r, table });
  }
  return out;
}

/** Rows grouped by the tables of their endpoints: each edge statement names both (see Q.Ends). */
function byEnds<T extends { ends: Q.Ends }>(rows: readonly T[]): [Q.Ends, T[]][] {
  const groups = new Map<string, [Q.Ends, T[]]>();
  for (const r of rows) {
    const key = r.ends.join('>');
    const group = groups.get(key);
    if (group) group[1].push(r);
    else groups.set(key, [r.ends, [r]]);
  }
  return [...groups.values()];
}

/** Stored edges among these (absent edges have no row). */
export async function lookupEdges(conn: EngineConnection, edges: readonly (EdgeRow & { ends: Q.Ends })[]): Promise<Row[]> {
  const out: Row[] = [];
  for (const [ends, rows] of byEnds(edges)) {
    out.push(...await lookup(conn, rows, (size) => Q.lookupEdges(size, ends), (e, j) => ({ [`f${j}`]: e.from, [`t${j}`]: e.to, [`kind${j}`]: e.kind })));
  }
  return out;
}

export interface NodeUpdate { key: string; kind: string; props: string; createdAt: string; updatedAt: string; validTo: string; table: Q.Table }

/**
 * Changed stored nodes: `bulk`, one UNWIND statement each for those whose props changed and the others
 * (a join over a scan of the whole Node table); else UPDATE_NODES_MAX to a statement by key lookups,
 * those whose props changed first (so plans repeat and are reused). The caller picks by the cost of
 * each for the graph (KuzuGraphStore, bulkUpdate).
 */
export async function updateNodes(conn: EngineConnection, full: NodeUpdate[], scalars: NodeUpdate[], bulk: boolean): Promise<void> {
  for (const table of Q.TABLES) {
    const mine = (rows: NodeUpdate[]) => rows.filter((r) => r.table === table);
    await updateTable(conn, table, mine(full), mine(scalars), bulk);
  }
}

async function updateTable(conn: EngineConnection, table: Q.Table, full: NodeUpdate[], scalars: NodeUpdate[], bulk: boolean): Promise<void> {
  const rows = [...full, ...scalars];
  if (bulk) {
    // Only the fields the statement sets: the callers' rows carry more (namespace, name...), and every field is bound.
    const scalar = (r: NodeUpdate) => ({ key: r.key, kind: r.kind, createdAt: r.createdAt, updatedAt: r.updatedAt });
    if (full.length) await conn.run(Q.updateNodesBulk(true, table), { rows: full.map((r) => ({ ...scalar(r), props: r.props, validTo: r.validTo })) });
    if (scalars.length) await conn.run(Q.updateNodesBulk(false, table), { rows: scalars.map(scalar) });
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
    await conn.run(Q.updateNodes(withProps, chunk.length - withProps, table), params);
  }
}

export interface EdgeUpdate { from: string; to: string; kind: string; props: string; validFrom: string; validTo: string; endsAt: string; ends: Q.Ends }

/** Changed stored edges: `bulk` in one UNWIND statement (as updateNodes), else UPDATE_EDGES_MAX to a statement. */
export async function updateEdges(conn: EngineConnection, all: EdgeUpdate[], bulk: boolean): Promise<void> {
  for (const [ends, rows] of byEnds(all)) await updateEdgesBetween(conn, ends, rows, bulk);
}

async function updateEdgesBetween(conn: EngineConnection, ends: Q.Ends, rows: EdgeUpdate[], bulk: boolean): Promise<void> {
  if (bulk) {
    await conn.run(Q.updateEdgesBulk(ends), { rows: rows.map(({ ends: _, ...r }) => ({ ...r, current: r.validTo === '' })) });
    return;
  }
  for (let i = 0; i < rows.length; i += Q.UPDATE_EDGES_MAX) {
    const chunk = rows.slice(i, i + Q.UPDATE_EDGES_MAX);
    const params: Row = {};
    chunk.forEach((r, j) => Object.assign(params, {
      [`f${j}`]: r.from, [`t${j}`]: r.to, [`kind${j}`]: r.kind, [`p${j}`]: r.props, [`vf${j}`]: r.validFrom,
      [`cur${j}`]: r.validTo === '', [`vt${j}`]: r.validTo, [`ea${j}`]: r.endsAt,
    }));
    await conn.run(Q.updateEdges(chunk.length, ends), params);
  }
}

export interface NewEdge { from: string; to: string; kind: string; props: string; validFrom: string; validTo: string; recordedAt: string; endsAt: string; ends: Q.Ends }

/**
 * New edges (each has an endpoint created in this transaction, or is known absent), in one of two shapes:
 * - join: one UNWIND statement joining the endpoint keys against a scan of the whole Node table
 *   (Kuzu 0.11's plan for it): 55 edges took 5 ms at 30k nodes, 37 ms at 300k, 113 ms at 1M.
 * - `byKey`: CREATE_BY_KEY_MAX edges to a statement, each endpoint a primary-key lookup: ~0.3 ms an
 *   edge at any graph size, and the text depends on the count alone, so it is prepared once
 *   (one-off texts cost more to prepare than to run).
 * The store picks by the cost of each for the graph and the write (KuzuOptions.joinNodesPerEdge).
 */
export async function createEdges(conn: EngineConnection, all: NewEdge[], byKey: boolean): Promise<void> {
  for (const [ends, edges] of byEnds(all)) await createEdgesBetween(conn, ends, edges, byKey);
}

async function createEdgesBetween(conn: EngineConnection, ends: Q.Ends, edges: NewEdge[], byKey: boolean): Promise<void> {
  if (!byKey) {
    await conn.run(Q.createEdges(ends), { rows: edges.map(({ ends: _, ...e }) => e) });
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
      const found = await conn.run(Q.createEdgesByKey(chunk.length, ended, ends), params);
      // An endpoint not stored would leave the MATCH empty and create nothing: fail loudly instead.
      if (Number(found[0]?.n) !== 1) throw new Error(`graph write: an endpoint of the edges from ${chunk.map((e) => e.from).join(', ')} is not stored`);
    }
  }
}
