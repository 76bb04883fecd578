import { readFile, readdir } from 'node:fs/promises';
import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { edgeScope, type GraphStore, type ManyNeighbourQuery, type NeighbourQuery, type Neighbour, type WriteBatch } from '../../domain/ports/GraphStore.js';
import type {
  EdgeKind, GraphEdge, GraphNode, LineageCount, LineageCountQuery, LineageQuery, LineageResult, NodeHead, Page, SearchQuery,
} from '../../domain/model.js';
import { LoomError, unavailable } from '../../domain/errors.js';
import { mergeProps, normaliseBatch, storeKey, toEdge, toNode, type EdgeRow, type NodeRow } from '../rows.js';
import * as Q from './cypher.js';
import { checkLineageQuery, countLineage, TIMED_OUT, walkLineage, type LineageReader } from './lineage.js';

export const SCHEMA_DIR = new URL('../../../../schema/graph/neo4j/', import.meta.url);

/** Every DDL statement of the numbered schema files, in order. */
export async function readSchema(dir: URL = SCHEMA_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cypher')).sort();
  const texts = await Promise.all(files.map((f) => readFile(new URL(f, dir), 'utf8')));
  return texts.flatMap(Q.splitStatements);
}

export interface Neo4jOptions { url: string; user: string; password: string; database: string; maxRetryMs?: number }

type Row = Record<string, unknown>;

/** Connectivity, auth and cluster-role failures: Loom cannot reach a usable graph right now. */
const UNAVAILABLE_CODES = new Set([
  neo4j.error.SERVICE_UNAVAILABLE, neo4j.error.SESSION_EXPIRED,
  'Neo.ClientError.Database.DatabaseNotFound', 'Neo.ClientError.Cluster.NotALeader', 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
]);

/**
 * The server stopped a transaction at its timeout: the one the driver sent (TransactionConfig.timeout),
 * the server's own db.transaction.timeout, or a lock wait cut short by either. The driver reports the
 * last as a ClientError (it rewrites the 4.x TransientError code); both spellings are listed.
 */
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** By code only, never by message. */
export const isTimeout = (e: unknown): boolean => e instanceof Neo4jError && TIMEOUT_CODES.has(e.code);

/** Driver errors → domain errors, by code only. Anything unrecognised passes through (masked upstream). */
export function translateError(e: unknown): unknown {
  if (!(e instanceof Neo4jError)) return e;
  let out: LoomError | undefined;
  if (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('Neo.TransientError.')) out = unavailable(`graph store unavailable (${e.code})`);
  else if (e.code.startsWith('Neo.ClientError.Security.')) out = unavailable(`graph store refused Loom's credentials (${e.code})`, 30);
  else if (e.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') out = new LoomError('CONFLICT', 'concurrent write to the same node');
  if (!out) return e;
  out.cause = e;
  return out;
}

/** Top-level integer params (LIMIT, SKIP) must reach Neo4j as integers, not floats. */
const driverParams = (p: Row) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Number.isInteger(v) ? neo4j.int(v as number) : v]));

async function run(tx: ManagedTransaction, s: Q.Statement): Promise<Row[]> {
  const res = await tx.run(s.text, driverParams(s.params));
  return res.records.map((r) => r.toObject() as Row);
}

async function upsertNodes(tx: ManagedTransaction, nodes: NodeRow[]): Promise<void> {
  if (nodes.length === 0) return;
  // Props are written again on every write here, so they keep their shared time explicit (`_T`, not `_U`: see storedProps).
  const stored = new Map((await run(tx, Q.upsertNodes(nodes))).map((r) => [String(r.key), r]));
  await run(tx, Q.setNodeProps(nodes.map((n) => {
    const r = stored.get(n.key);
    return { key: n.key, ...mergeProps(r?.props, n.props, undefined, typeof r?.updatedAt === 'string' ? r.updatedAt : n.at) };
  })));
}

async function mergeEdges(tx: ManagedTransaction, tenant: string, edges: EdgeRow[]): Promise<void> {
  const byKind = new Map<string, EdgeRow[]>();
  for (const e of edges) {
    const rows = byKind.get(e.kind);
    if (rows) rows.push(e); else byKind.set(e.kind, [e]);
  }
  for (const [kind, rows] of byKind) {
    const [res] = await run(tx, Q.mergeEdges(kind as EdgeKind, rows)); // the builder rejects unknown kinds
    if (Number(res?.merged ?? 0) < rows.length) throw await missingEndpoint(tx, tenant, rows);
  }
}

async function missingEndpoint(tx: ManagedTransaction, tenant: string, rows: EdgeRow[]): Promise<Error> {
  const keys = [...new Set(rows.flatMap((r) => [r.from, r.to]))];
  const found = new Set((await run(tx, Q.nodesByKey(keys))).map((r) => String(r.key)));
  const missing = keys.find((k) => !found.has(k));
  if (missing === undefined) return new Error('edge merge wrote fewer edges than requested, with every endpoint present');
  return new LoomError('BAD_USER_INPUT', `edge endpoint ${missing.slice(tenant.length + 1)} does not exist`, 'edges');
}

/** The production GraphStore on Neo4j 5 (>= 5.21). Every statement comes from cypher.ts. */
export class Neo4jGraphStore implements GraphStore {
  /** Concurrent transactions: no order between writes submitted together. */
  readonly commitsInSubmitOrder = false;
  private readonly driver: Driver;
  private readonly database: string;

  constructor(opts: Neo4jOptions) {
    this.database = opts.database;
    this.driver = neo4j.driver(opts.url, neo4j.auth.basic(opts.user, opts.password), {
      disableLosslessIntegers: true,
      ...(opts.maxRetryMs === undefined ? {} : { maxTransactionRetryTime: opts.maxRetryMs }),
    });
  }

  private async session<T>(mode: 'READ' | 'WRITE', use: (s: Session) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      return await use(session);
    } catch (e) {
      throw translateError(e);
    } finally {
      await session.close();
    }
  }

  /** A managed transaction: the driver retries transient failures, then errors are translated. */
  private tx<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.session(mode, (s) => (mode === 'READ' ? s.executeRead(work) : s.executeWrite(work)));
  }

  /**
   * Lineage reads: one read transaction per statement, so a timeout ends only that statement. `within`
   * gives the server a transaction timeout (whole ms, never 0: 0 means none) and recognises the
   * timeout by its code before errors are translated.
   */
  private readonly reader: LineageReader = {
    run: (s) => this.tx('READ', (tx) => run(tx, s)),
    within: (s, ms) => this.session('READ', (session) => session
      .executeRead((tx) => run(tx, s), { timeout: Math.max(1, Math.ceil(ms)) })
      .catch((e: unknown) => { if (isTimeout(e)) return TIMED_OUT; throw e; })),
  };

  async init(): Promise<void> {
    for (const text of await readSchema()) await this.tx('WRITE', (tx) => run(tx, { text, params: {} }));
  }

  async write(tenant: string, batch: WriteBatch): Promise<void> {
    if (batch.nodes.length === 0 && batch.edges.length === 0) return;
    const { nodes, edges } = normaliseBatch(tenant, batch, new Date().toISOString());
    await this.tx('WRITE', async (tx) => {
      await upsertNodes(tx, nodes);
      await mergeEdges(tx, tenant, edges);
    });
  }

  async getNodes(tenant: string, ids: readonly string[]): Promise<(GraphNode | null)[]> {
    if (ids.length === 0) return [];
    const keys = [...new Set(ids)].map((id) => storeKey(tenant, id));
    const rows = await this.tx('READ', (tx) => run(tx, Q.nodesByKey(keys)));
    const found = new Map(rows.map((r) => [String(r.key), toNode(r.node as Row)]));
    return ids.map((id) => found.get(storeKey(tenant, id)) ?? null);
  }

  async search(tenant: string, q: SearchQuery): Promise<GraphNode[]> {
    const rows = await this.tx('READ', (tx) => run(tx, Q.search(tenant, q.text, q.kinds, q.limit)));
    return rows.map((r) => toNode(r.node as Row));
  }

  /** Neo4j's search reads whole nodes anyway (its query filters and ranks them in one pass). */
  searchHeads(tenant: string, q: SearchQuery): Promise<NodeHead[]> {
    return this.search(tenant, q);
  }

  async countNodes(tenant: string): Promise<number> {
    const [row] = await this.tx('READ', (tx) => run(tx, Q.countNodes(tenant)));
    return Number(row?.count ?? 0);
  }

  async neighbours(tenant: string, id: string, q: NeighbourQuery): Promise<Page<Neighbour>> {
    const key = storeKey(tenant, id);
    const count = Q.neighbourCount(key, q.direction, q.edgeKinds, edgeScope(q));
    const page = Q.neighbourPage(key, q.direction, q.edgeKinds, q.limit, q.offset, edgeScope(q), q.order);
    const [total, rows] = await this.tx('READ', async (tx) => {
      const items = await run(tx, page);
      // A first page that is not full is the whole list: no count query.
      if (q.offset === 0 && items.length < q.limit) return [items.length, items] as const;
      const [c] = await run(tx, count);
      return [Number(c?.count ?? 0), items] as const;
    });
    return {
      total,
      items: rows.map((r) => ({ edge: toEdge(r.edge as Row, tenant), node: toNode(r.node as Row) })),
    };
  }

  async edgesOfMany(tenant: string, ids: readonly string[], q: ManyNeighbourQuery): Promise<GraphEdge[][]> {
    const keys = [...new Set(ids)].map((id) => storeKey(tenant, id));
    if (keys.length === 0) return [];
    const statement = Q.edgesOfMany(keys, q.direction, q.edgeKinds, q.limit, q.includeEnded, q.order);
    const rows = await this.tx('READ', (tx) => run(tx, statement));
    const found = new Map(rows.map((r) => [String(r.key), (r.edges as Row[]).map((e) => toEdge(e, tenant))]));
    return ids.map((id) => [...(found.get(storeKey(tenant, id)) ?? [])]);
  }

  async lineage(tenant: string, id: string, q: LineageQuery): Promise<LineageResult | null> {
    const key = storeKey(tenant, id);
    checkLineageQuery(key, q);
    const [root] = await this.getNodes(tenant, [id]);
    if (!root || (q.asOf !== undefined && root.createdAt > q.asOf)) return null;
    const { nodes, edges, cut } = await walkLineage(this.reader, tenant, key, q);
    return { root, nodes, edges, truncated: cut !== null, cut };
  }

  async countLineage(tenant: string, id: string, q: LineageCountQuery): Promise<LineageCount | null> {
    const key = storeKey(tenant, id);
    checkLineageQuery(key, q);
    const [root] = await this.getNodes(tenant, [id]);
    if (!root || (q.asOf && root.createdAt > q.asOf)) return null;
    return countLineage(this.reader, key, q);
  }

  /** Auto-commit, no retries: readiness must answer fast. */
  async ping(): Promise<void> {
    await this.session('READ', async (s) => { await s.run(Q.PING); });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
