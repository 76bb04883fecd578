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

/** Stored rows of these keys (absent keys have no row). */
export function lookupKeys(conn: EngineConnection, keys: readonly string[], query: (size: number) => string = Q.lookupKeys): Promise<Row[]> {
  return lookup(conn, keys, query, (k, j) => ({ [`k${j}`]: k }));
}

/** Stored edges among these (absent edges have no row). */
export function lookupEdges(conn: EngineConnection, edges: readonly EdgeRow[]): Promise<Row[]> {
  return lookup(conn, edges, Q.lookupEdges, (e, j) => ({ [`f${j}`]: e.from, [`t${j}`]: e.to, [`kind${j}`]: e.kind }));
}

export interface NodeUpdate { key: string; kind: string; namespace: string; name: string; props: string; createdAt: string; updatedAt: string; validTo: string }

/** Changed stored nodes: in bulk beyond BULK_UPDATE_ROWS, else UPDATE_NODES_MAX to a statement, those whose props changed first (so plans repeat and are reused). */
export async function updateNodes(conn: EngineConnection, full: NodeUpdate[], scalars: NodeUpdate[]): Promise<void> {
  const rows = [...full, ...scalars];
  if (rows.length > Q.BULK_UPDATE_ROWS) {
    if (full.length) await conn.run(Q.updateNodesBulk(true), { rows: full });
    if (scalars.length) await conn.run(Q.updateNodesBulk(false), { rows: scalars.map(({ props: _p, validTo: _v, ...r }) => r) });
    return;
  }
  for (let i = 0; i < rows.length; i += Q.UPDATE_NODES_MAX) {
    const chunk = rows.slice(i, i + Q.UPDATE_NODES_MAX);
    const withProps = Math.max(0, Math.min(chunk.length, full.length - i));
    const params: Row = {};
    chunk.forEach((r, j) => {
      Object.assign(params, { [`k${j}`]: r.key, [`kind${j}`]: r.kind, [`ns${j}`]: r.namespace, [`name${j}`]: r.name, [`c${j}`]: r.createdAt, [`u${j}`]: r.updatedAt });
      if (j < withProps) Object.assign(params, { [`p${j}`]: r.props, [`vt${j}`]: r.validTo });
    });
    await conn.run(Q.updateNodes(withProps, chunk.length - withProps), params);
  }
}

export interface EdgeUpdate { from: string; to: string; kind: string; props: string; validFrom: string; validTo: string; endsAt: string }

/** Changed stored edges: in bulk beyond BULK_UPDATE_ROWS, else UPDATE_EDGES_MAX to a statement. */
export async function updateEdges(conn: EngineConnection, rows: EdgeUpdate[]): Promise<void> {
  if (rows.length > Q.BULK_UPDATE_ROWS) {
    await conn.run(Q.UPDATE_EDGES_BULK, { rows: rows.map((r) => ({ ...r, current: r.validTo === '' })) });
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

export interface NewNode { key: string; tenant: string; id: string; kind: string; namespace: string; name: string; props: string; createdAt: string; updatedAt: string; validTo: string }
export interface NewEdge { from: string; to: string; kind: string; props: string; validFrom: string; validTo: string; recordedAt: string; endsAt: string }

/**
 * Limits of one by-key statement. Kuzu re-plans every statement and plans a MATCH of many separate
 * nodes with a cost that grows faster than their number; the text (~0.75 µs a character to prepare)
 * grows with the nodes and edges created.
 */
const BY_KEY = { match: 12, create: 48, edges: 64 } as const;
/** Writes this large take the join (its scan paid once for many rows). */
const BY_KEY_MAX_ROWS = 512;

/**
 * New nodes and the new edges among them and stored nodes, in one of two shapes:
 * - join: UNWIND CREATE of the nodes, then UNWIND of the edges joining their endpoints by key.
 *   Two cached statements, but Kuzu 0.11 joins the endpoint keys against a scan of the whole Node
 *   table: 55 edges took 5 ms at 30k nodes, 37 ms at 300k, 113 ms at 1M.
 * - `byKey`: each statement MATCHes its stored endpoints by key parameter (primary-key lookups),
 *   CREATEs its new nodes as pattern variables and its edges between them: a typical 8-event group
 *   (31 nodes, 42 edges, 13 stored endpoints) took 6-7 ms prepared, ~25 ms with its one-off text
 *   prepared, at any graph size. The store picks it for large graphs (KuzuOptions.largeGraphNodes).
 */
export async function createNodesAndEdges(conn: EngineConnection, nodes: NewNode[], edges: NewEdge[], byKey: boolean): Promise<void> {
  if (!byKey || nodes.length + edges.length > BY_KEY_MAX_ROWS) {
    if (nodes.length) await conn.run(Q.CREATE_NODES, { rows: nodes });
    if (edges.length) await conn.run(Q.CREATE_EDGES, { rows: edges });
    return;
  }
  const pending = new Map(nodes.map((n) => [n.key, n]));
  let chunk = new ByKeyStatement();
  for (const e of edges) {
    if (!chunk.fits(e, pending)) {
      await chunk.run(conn);
      chunk = new ByKeyStatement();
    }
    chunk.add(e, pending);
  }
  if (chunk.edges.length) await chunk.run(conn);
  if (pending.size) await conn.run(Q.CREATE_NODES, { rows: [...pending.values()] });
}

/** One by-key statement: `MATCH (m0:Node {key: $m0}), … CREATE (c0:Node {…}), …, (m0)-[:Edge {…}]->(c0), … RETURN count(*)`. */
class ByKeyStatement {
  readonly edges: string[] = [];
  private readonly matched = new Map<string, string>();
  private readonly created = new Map<string, string>();
  private readonly nodes: string[] = [];
  private readonly params: Row = {};

  /** Whether `e` still fits (a statement always takes its first edge). */
  fits(e: NewEdge, pending: ReadonlyMap<string, NewNode>): boolean {
    if (!this.edges.length) return true;
    const fresh = [...new Set([e.from, e.to])].filter((k) => !this.matched.has(k) && !this.created.has(k));
    const creates = fresh.filter((k) => pending.has(k)).length;
    return this.edges.length < BY_KEY.edges && this.created.size + creates <= BY_KEY.create && this.matched.size + fresh.length - creates <= BY_KEY.match;
  }

  add(e: NewEdge, pending: Map<string, NewNode>): void {
    const [a, b] = [this.variable(e.from, pending), this.variable(e.to, pending)];
    const i = this.edges.length;
    Object.assign(this.params, { [`e${i}k`]: e.kind, [`e${i}p`]: e.props, [`e${i}f`]: e.validFrom, [`e${i}r`]: e.recordedAt, [`e${i}s`]: e.endsAt });
    let end = '';
    if (e.validTo !== '') {
      this.params[`e${i}v`] = e.validTo;
      end = `,validTo:$e${i}v`;
    }
    this.edges.push(`(${a})-[:Edge {kind:$e${i}k,props:$e${i}p,validFrom:$e${i}f,recordedAt:$e${i}r,endsAt:$e${i}s${end}}]->(${b})`);
  }

  /** The statement's variable for a node: created here when it is new and not yet created, else matched by key. */
  private variable(key: string, pending: Map<string, NewNode>): string {
    const known = this.created.get(key) ?? this.matched.get(key);
    if (known) return known;
    const n = pending.get(key);
    if (!n) {
      const v = `m${this.matched.size}`;
      this.matched.set(key, v);
      this.params[v] = key;
      return v;
    }
    pending.delete(key);
    const v = `c${this.created.size}`;
    this.created.set(key, v);
    Object.assign(this.params, {
      [`${v}a`]: n.key, [`${v}b`]: n.tenant, [`${v}c`]: n.id, [`${v}d`]: n.kind, [`${v}e`]: n.namespace,
      [`${v}f`]: n.name, [`${v}g`]: n.props, [`${v}h`]: n.createdAt, [`${v}i`]: n.updatedAt, [`${v}j`]: n.validTo,
    });
    this.nodes.push(`(${v}:Node {key:$${v}a,tenant:$${v}b,id:$${v}c,kind:$${v}d,namespace:$${v}e,name:$${v}f,props:$${v}g,createdAt:$${v}h,updatedAt:$${v}i,validTo:$${v}j})`);
    return v;
  }

  /** Runs it; a stored endpoint that is not found would make the MATCH empty and create nothing, so that fails loudly. */
  async run(conn: EngineConnection): Promise<void> {
    const match = [...this.matched.values()].map((v) => `(${v}:Node {key:$${v}})`);
    const text = `${match.length ? `MATCH ${match.join(',')} ` : ''}CREATE ${[...this.nodes, ...this.edges].join(',')} RETURN count(*) AS n`;
    const rows = await conn.run(text, this.params, false);
    if (Number(rows[0]?.n) !== 1) throw new Error(`graph write: an edge endpoint among ${[...this.matched.keys()].join(', ')} is not stored`);
  }
}
