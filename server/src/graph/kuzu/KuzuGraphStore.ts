import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { edgeScope, type GraphStore, type ManyNeighbourQuery, type NeighbourQuery, type Neighbour, type WriteBatch } from '../../domain/ports/GraphStore.js';
import {
  EDGE_KINDS, type GraphEdge, type GraphNode, type LineageCount, type LineageCountQuery, type LineageQuery, type LineageHeads, type LineageResult,
  type NodeHead, type Page, type SearchQuery, nodeLimitCut, shallowerCut,
} from '../../domain/model.js';
import { ReaderPool } from './ReaderPool.js';
import { CommittedState, type EdgeState, type NodeState, type StagedState } from './CommittedState.js';
import { countLineage, walkLineage } from './lineage.js';
import { edgesOfMany } from './neighbours-many.js';
import { LoomError } from '../../domain/errors.js';
import { earliest, edgeOrder, latest, mergeProps, normaliseBatch, reopenedGaps, resolveKind, storeKey, toEdge, toNode, type EdgeRow, type NodeRow } from '../rows.js';
import { openEngine, type Engine, type EngineConnection } from './engine.js';
import { WriteQueue } from './WriteQueue.js';
import { KeyFilter, readCsvColumn } from './KeyFilter.js';
import { SearchIndex } from './SearchIndex.js';
import { applySchema } from './schema.js';
import { NodeRefs } from './NodeRefs.js';
import {
  createEdges, leaves, lookupEdges, lookupKeys, refreshEnds, setNewEdgesEndsGaps, updateEdges, updateNodes, type EdgeUpdate, type NewEdge, type NodeUpdate, type ValidityChange,
} from './batched.js';
import * as Q from './queries.js';
import { runRows } from './packed.js';
import { AccessPaths, type AccessPathOptions } from './access-paths.js';

/** The store's files and memory, and how it reaches stored nodes (AccessPathOptions). */
export interface KuzuOptions extends AccessPathOptions {
  path: string; bufferPoolBytes: number; checkpointIntervalMs?: number; maxPendingWrites?: number;
}

/**
 * Neighbours a page reads by key lookups (~0.3 ms each) before it reads them with their fields instead,
 * when they all fit in the page (Q.neighbourPageWithNodes).
 */
const LOOKUPS_PER_PAGE = 16;

/** The embedded GraphStore: one writer connection behind a queue, a small pool of readers. */
export class KuzuGraphStore implements GraphStore {
  /** One writer connection behind a FIFO group-commit queue. */
  readonly commitsInSubmitOrder = true;
  private readonly engine: Engine;
  private readonly writer: EngineConnection;
  private readonly readers: ReaderPool;
  private readonly queue: WriteQueue<{ tenant: string; batch: WriteBatch }>;
  private readonly committed: CommittedState;
  /** Every stored node key (Bloom filter): a write looks up only keys that may exist. Built by init(). */
  private keys = new KeyFilter(0);
  /** Every stored edge's (kind, from, to) (Bloom filter): an edge between stored nodes is read first only if it may exist. Built by init(). */
  private edgeKeys = new KeyFilter(0);
  /** Every stored node's id, name, kind and validity, per tenant: what `search` scans. Filled after init() (`searchLoaded`). */
  private searchIndex = new SearchIndex();
  private searchLoaded: Promise<unknown> = Promise.resolve();
  /** Stored nodes (all tenants): counted at init(), then by commits. Picks how new edges are written. */
  private nodeCount = 0;
  private readonly paths: AccessPaths;
  /** Internal offsets of nodes read so far: their edges are then read by id (neighbours-many.ts). */
  private readonly refs = new NodeRefs();

  private constructor(engine: Engine, opts: KuzuOptions) {
    this.engine = engine;
    this.paths = new AccessPaths(opts);
    // One thread per write statement: they are small, and spreading each over the cores cost more
    // than it gave (single-event ingest at 16 clients ~5% faster, interleaved runs on this machine).
    this.writer = engine.connect(1);
    this.readers = new ReaderPool([engine.connect(), engine.connect(), engine.connect(), engine.connect()]);
    this.committed = new CommittedState(Math.min(128 * 1024 * 1024, opts.bufferPoolBytes / 8));
    this.queue = new WriteQueue(this.writer, (conn, items) => this.applyGroup(conn, items), {
      checkpointIntervalMs: opts.checkpointIntervalMs ?? 15_000, maxGroup: 1024,
      checkpointBytes: opts.bufferPoolBytes / 256, burstCheckpointBytes: opts.bufferPoolBytes / 64, quietCheckpointMs: 250, quietCheckpointTransactions: 128,
      maxPending: opts.maxPendingWrites ?? 5_000,
      excludingReads: (work) => this.readers.excluding(work),
    });
  }

  static async open(opts: KuzuOptions): Promise<KuzuGraphStore> {
    await mkdir(path.dirname(opts.path), { recursive: true });
    return new KuzuGraphStore(openEngine(opts.path, opts.bufferPoolBytes), opts);
  }

  async init(): Promise<void> {
    await applySchema(this.writer);
    // Migrations write outside the queue: checkpoint them now (reads over un-checkpointed column changes are slow).
    await this.writer.run('CHECKPOINT');
    const [[nodes], [edges]] = [await this.writer.run(Q.COUNT_ALL_NODES), await this.writer.run(Q.COUNT_ALL_EDGES)];
    this.keys = new KeyFilter(Number(nodes.n));
    this.nodeCount = await this.exported(Q.copyKeysTo, (file) => readCsvColumn(file, (h1, h2) => this.keys.addHash(h1, h2)));
    this.edgeKeys = new KeyFilter(Number(edges.n));
    await this.exported(Q.copyEdgeKeysTo, (file) => readCsvColumn(file, (h1, h2) => this.edgeKeys.addHash(h1, h2)));
    // The search index is read after the store opens (~3 s of JS at 1.6M nodes; searches wait for it,
    // commits meanwhile are applied after it): the engine's export must come before any write.
    const file = await this.export(Q.copySearchTo);
    this.searchIndex = new SearchIndex();
    this.searchLoaded = this.searchIndex.load(file).finally(() => rm(file, { force: true }));
    this.searchLoaded.catch(() => undefined); // surfaced by search()
  }

  /**
   * Columns of the whole store (every node key, every edge key...) in a CSV file the engine writes:
   * it writes a million keys in ~0.3 s, while reading them as rows through the node binding took
   * 20-60 s. Returns the file's path; the caller removes it.
   */
  private async export(copyTo: (file: string) => string): Promise<string> {
    const file = path.join(tmpdir(), `loom-export-${process.pid}-${Date.now()}-${exportCount++}.csv`);
    if (file.includes("'")) throw new Error(`temp directory ${tmpdir()} contains a quote; set TMPDIR to a plain path`);
    try {
      await this.writer.run(copyTo(file));
      return file;
    } catch (err) {
      await rm(file, { force: true });
      throw err;
    }
  }

  /** `export`, then `read` the file (returns how many rows it read), then remove it. */
  private async exported(copyTo: (file: string) => string, read: (file: string) => Promise<number>): Promise<number> {
    const file = await this.export(copyTo);
    try {
      return await read(file);
    } finally {
      await rm(file, { force: true });
    }
  }

  write(tenant: string, batch: WriteBatch): Promise<void> {
    if (batch.nodes.length === 0 && batch.edges.length === 0) return Promise.resolve();
    return this.queue.submit({ tenant, batch });
  }

  /** One transaction for a group of writes: per tenant, their batches concatenated (normaliseBatch dedupes, in order). */
  private async applyGroup(conn: EngineConnection, items: { tenant: string; batch: WriteBatch }[]): Promise<{ bytes: number; onCommit(): void }> {
    const byTenant = new Map<string, WriteBatch>();
    for (const { tenant, batch } of items) {
      const merged = byTenant.get(tenant) ?? { nodes: [], edges: [] };
      merged.nodes.push(...batch.nodes);
      merged.edges.push(...batch.edges);
      byTenant.set(tenant, merged);
    }
    const staged = this.committed.stage();
    const created: Created = { nodes: new Set(), edges: [], searched: [] };
    let bytes = 0;
    for (const [tenant, batch] of byTenant) bytes += await this.writeInTx(conn, tenant, batch, staged, created);
    return {
      bytes,
      onCommit: () => {
        staged.commit();
        for (const k of created.nodes) this.keys.add(k);
        this.nodeCount += created.nodes.size;
        for (const k of created.edges) this.edgeKeys.add(k);
        for (const n of created.searched) this.searchIndex.put(n.tenant, n.id, n.name, n.namespace, n.kind, n.validTo === '', n.created);
      },
    };
  }

  /** Returns about how many bytes were written. */
  private async writeInTx(conn: EngineConnection, tenant: string, batch: WriteBatch, staged: StagedState, created: Created): Promise<number> {
    const now = new Date().toISOString();
    const { nodes, edges } = normaliseBatch(tenant, batch, now);
    const endpointKeys = new Set(edges.flatMap((e) => [e.from, e.to]));
    for (const n of nodes) endpointKeys.delete(n.key);
    const previous = new Map<string, NodeState>();
    const lookup: string[] = [];
    for (const k of [...nodes.map((n) => n.key), ...endpointKeys]) {
      const known = staged.nodes.get(k) ?? this.committed.node(k);
      if (known) previous.set(k, known);
      else if (this.keys.mayContain(k)) lookup.push(k);
    }
    for (const r of await lookupKeys(conn, lookup)) previous.set(String(r.key), r as unknown as NodeState);
    for (const k of endpointKeys) {
      if (previous.get(k)?.kind == null) {
        throw new LoomError('BAD_USER_INPUT', `edge endpoint ${k.slice(tenant.length + 1)} does not exist`, 'edges');
      }
    }
    const validityChanged: ValidityChange[] = [];
    let bytes = await this.setNodes(conn, nodes, previous, staged, created, validityChanged);
    // Every endpoint's validity is known now: written in this transaction (staged) or read before.
    const endpoint = (k: string) => staged.nodes.get(k) ?? previous.get(k);
    bytes += await this.writeEdges(conn, edges, staged, created, endpoint);
    // A node dropped or restored: the edges it already had carry its validity (schemas 004, 006).
    for (const c of validityChanged) bytes += await refreshEnds(conn, c);
    return bytes;
  }

  /** Write only what changed: nothing for a replay, scalar fields alone when the props are the same. */
  private async setNodes(conn: EngineConnection, nodes: NodeRow[], previous: Map<string, NodeState>, staged: StagedState, created: Created, validityChanged: ValidityChange[]): Promise<number> {
    const fresh: Record<string, unknown>[] = [];
    const gapped: { key: string; gaps: string }[] = [];
    const full: NodeUpdate[] = [];
    const scalars: NodeUpdate[] = [];
    for (const n of nodes) {
      const prev = previous.get(n.key);
      const updatedAt = latest(prev?.updatedAt, n.at);
      const row = {
        key: n.key, kind: resolveKind(n, prev?.kind), namespace: n.namespace, name: n.name,
        ...mergeProps(prev?.props, n.props, { stored: prev?.updatedAt, next: updatedAt }), createdAt: earliest(prev?.createdAt, n.firstAt), updatedAt,
      };
      staged.nodes.set(n.key, { kind: row.kind, props: row.props, createdAt: row.createdAt, updatedAt: row.updatedAt, validTo: row.validTo, gaps: row.gaps });
      const gapsChanged = String(prev?.gaps ?? '') !== row.gaps;
      if (gapsChanged) gapped.push(row);
      const sameScalars = prev?.kind === row.kind && prev.createdAt === row.createdAt && prev.updatedAt === row.updatedAt;
      if (!prev || prev.kind !== row.kind || String(prev.validTo ?? '') !== row.validTo) {
        created.searched.push({ tenant: n.tenant, id: n.id, name: n.name, namespace: n.namespace, kind: row.kind, validTo: row.validTo, created: !prev });
      }
      if (!prev) fresh.push({ ...row, tenant: n.tenant, id: n.id });
      // A soft-deleted node named by a newer event is valid again with the same props (model.ts, nodeValidity).
      else if (prev.props !== row.props || String(prev.validTo ?? '') !== row.validTo) {
        full.push(row);
        const ended = String(prev.validTo ?? '') !== row.validTo;
        if (ended || gapsChanged) validityChanged.push({ key: n.key, ended, gaps: gapsChanged ? row.gaps : null });
      }
      else if (!sameScalars) scalars.push(row);
    }
    if (fresh.length) await runRows(conn, Q.CREATE_NODES, fresh.map((r) => Q.NODE_COLUMNS.map((c) => String(r[c]))));
    for (const r of fresh) created.nodes.add(String(r.key));
    await updateNodes(conn, full, scalars, this.paths.bulkUpdate(full.length + scalars.length, this.nodeCount));
    for (const n of gapped) await conn.run(Q.SET_NODE_GAPS, { key: n.key, g: n.gaps });
    return [...fresh, ...full].reduce((n, r) => n + 300 + String(r.props).length, 0) + scalars.length * 300 + gapped.length * 100;
  }

  /**
   * Edges that change something: created when they cannot exist yet (an endpoint created in this
   * transaction, or a key the edge filter never saw), else read (unless known) and updated.
   */
  private async writeEdges(conn: EngineConnection, all: EdgeRow[], staged: StagedState, created: Created, endpoint: (key: string) => NodeState | undefined): Promise<number> {
    const create: EdgeRow[] = [];
    const update: { e: EdgeRow; prev: StoredEdge }[] = [];
    const unknown: EdgeRow[] = [];
    for (const e of all) {
      const key = Q.edgeFilterKey(e.kind, e.from, e.to);
      if (this.committed.hasEdge(key, e)) continue;
      const prev = staged.edges.get(key) ?? this.committed.edge(key);
      if (created.nodes.has(e.from) || created.nodes.has(e.to)) create.push(e);
      else if (prev && prev.validTo !== undefined) update.push({ e, prev });
      else if (!prev && !this.edgeKeys.mayContain(key)) create.push(e);
      else unknown.push(e);
    }
    if (unknown.length) {
      const stored = new Map((await lookupEdges(conn, unknown)).map((r) => [Q.edgeFilterKey(String(r.kind), String(r.fromKey), String(r.toKey)), r]));
      for (const e of unknown) {
        const r = stored.get(Q.edgeFilterKey(e.kind, e.from, e.to));
        if (!r) create.push(e);
        else update.push({ e, prev: { props: String(r.props), validFrom: String(r.validFrom), validTo: r.validTo == null ? '' : String(r.validTo), gaps: String(r.gaps ?? ''), endsAt: String(r.endsAt ?? '') } });
      }
    }
    const endsAt = (e: EdgeRow) => earlierEnd(String(endpoint(e.from)?.validTo ?? ''), String(endpoint(e.to)?.validTo ?? ''));
    let bytes = 0;
    if (create.length) {
      const rows: NewEdge[] = create.map((e) => ({
        from: e.from, to: e.to, kind: e.kind, props: e.props, validFrom: e.validFrom,
        validTo: e.setValidTo ? e.validTo : '', recordedAt: e.recordedAt, endsAt: endsAt(e),
      }));
      await createEdges(conn, rows, this.paths.newEdgesByKey(rows.length, this.nodeCount));
      for (const [i, r] of rows.entries()) {
        const key = Q.edgeFilterKey(r.kind, r.from, r.to);
        staged.edges.set(key, { props: r.props, validFrom: r.validFrom, validTo: r.validTo, gaps: create[i].gaps ?? '' });
        created.edges.push(key);
        bytes += 200 + r.props.length;
      }
    }
    const gapped = create.filter((e) => e.gaps);
    const changed: EdgeUpdate[] = [];
    for (const { e, prev } of update) {
      const next = {
        from: e.from, to: e.to, kind: e.kind, props: e.props, validFrom: prev.validFrom < e.validFrom ? prev.validFrom : e.validFrom,
        validTo: e.setValidTo ? e.validTo : prev.validTo!, endsAt: endsAt(e),
      };
      const set = reopenedGaps({ validTo: prev.validTo!, gaps: prev.gaps }, e);
      staged.edges.set(Q.edgeFilterKey(e.kind, e.from, e.to), { props: next.props, validFrom: next.validFrom, validTo: next.validTo, gaps: set ?? prev.gaps });
      if (set !== undefined && set !== prev.gaps) gapped.push({ ...e, gaps: set });
      if (next.props === prev.props && next.validFrom === prev.validFrom && next.validTo === prev.validTo && next.endsAt === prev.endsAt) continue;
      changed.push(next);
      bytes += 200 + e.props.length;
    }
    await updateEdges(conn, changed, this.paths.bulkUpdate(changed.length, this.nodeCount));
    for (const e of gapped) await conn.run(Q.SET_EDGE_GAPS, { f: e.from, t: e.to, kind: e.kind, g: e.gaps! });
    bytes += await setNewEdgesEndsGaps(conn, create, (k) => String(endpoint(k)?.gaps ?? ''));
    return bytes + gapped.length * 100;
  }

  private read<T>(work: (conn: EngineConnection) => Promise<T>): Promise<T> {
    return this.readers.use(work);
  }

  getNodes(tenant: string, ids: readonly string[]): Promise<(GraphNode | null)[]> {
    // Keys the filter has never seen are not stored: only the others cost a lookup (new-trace checks stay free).
    const keys = [...new Set(ids)].map((id) => storeKey(tenant, id)).filter((k) => this.keys.mayContain(k));
    if (!keys.length) return Promise.resolve(ids.map(() => null));
    return this.read(async (conn) => {
      const found = new Map<string, GraphNode>();
      for (const row of await lookupKeys(conn, keys, Q.lookupNodes)) {
        if (row.kind != null) found.set(String(row.id), toNode(row));
      }
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /**
   * The search index ranks; only the winners are read: by key lookups, or, when they are many for the
   * store and it is not too large (AccessPaths.searchByJoin), in one join against
   * the Node table. Listing 5,000 runs of a 5,000-node store took ~1.5 s by lookups and 47-100 ms by the
   * join; 1,000 and 5,000 nodes of a 161k-node store, 103 and 169 ms by the join. The map's search box
   * (8 to 20 winners) takes the lookups from ~10k nodes on: 3-10 ms where the join took 10-12.
   */
  async search(tenant: string, q: SearchQuery): Promise<GraphNode[]> {
    const ids = (await this.searchHeads(tenant, q)).map((h) => h.id);
    if (!this.paths.searchByJoin(ids.length, this.nodeCount)) return (await this.getNodes(tenant, ids)).filter((n): n is GraphNode => n !== null);
    const rows = await this.read((c) => c.run(Q.NODES_BY_KEYS, { keys: ids.map((id) => storeKey(tenant, id)) }));
    const found = new Map(rows.map((r) => [String(r.id), toNode(r)]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** The search index ranks and answers: no read of the graph. */
  async searchHeads(tenant: string, q: SearchQuery): Promise<NodeHead[]> {
    await this.searchLoaded;
    return this.searchIndex.heads(tenant, q.text, q.kinds?.length ? q.kinds : null, q.limit);
  }

  async countNodes(tenant: string): Promise<number> {
    const [row] = await this.read((c) => c.run(Q.COUNT_NODES, { tenant }));
    return Number(row?.count ?? 0);
  }

  async neighbours(tenant: string, id: string, q: NeighbourQuery): Promise<Page<Neighbour>> {
    const key = storeKey(tenant, id);
    const params = { key, kinds: [...(q.edgeKinds?.length ? q.edgeKinds : EDGE_KINDS)] };
    const [total, rows, nodes] = await this.read(async (conn) => {
      // Past the end: answered from the count (Kuzu 0.11.3 crashes the process, chDB with it, on a SKIP past its rows).
      const counted = q.offset > 0 ? Number((await conn.run(Q.neighbourCount(q.direction, edgeScope(q)), params))[0]?.count ?? 0) : null;
      if (counted !== null && q.offset >= counted) return [counted, [], new Map<string, Record<string, unknown>>()] as const;
      const page = await conn.run(Q.neighbourPage(q.direction, edgeScope(q), q.order), { ...params, offset: q.offset, limit: q.limit });
      if (q.offset === 0 && page.length < q.limit && page.length > LOOKUPS_PER_PAGE) {
        // Every neighbour is in this page and they are many: read them with their fields at once.
        const whole = await conn.run(Q.neighbourPageWithNodes(q.direction, edgeScope(q), q.order), { ...params, offset: 0, limit: q.limit });
        if (whole.length < q.limit) return [whole.length, whole, new Map(whole.map((r) => [String(r.otherKey), r]))] as const;
      }
      const found = new Map((await lookupKeys(conn, [...new Set(page.map((r) => String(r.otherKey)))], Q.lookupNodes)).map((r) => [String(r.key), r]));
      // A first page that is not full is the whole list: no count query.
      if (q.offset === 0 && page.length < q.limit) return [page.length, page, found] as const;
      if (counted !== null) return [counted, page, found] as const;
      const [count] = await conn.run(Q.neighbourCount(q.direction, edgeScope(q)), params);
      return [Number(count?.count ?? 0), page, found] as const;
    });
    return {
      total,
      items: rows.map((r) => {
        const [fromKey, toKey] = leaves(r.rel, r.otherId) ? [key, r.otherKey] : [r.otherKey, key];
        return { node: toNode(nodes.get(String(r.otherKey))!), edge: toEdge({ ...(r.rel as Record<string, unknown>), fromKey, toKey }, tenant) };
      }),
    };
  }

  edgesOfMany(tenant: string, ids: readonly string[], q: ManyNeighbourQuery): Promise<GraphEdge[][]> {
    return edgesOfMany((work) => this.read(work), tenant, ids, q, this.refs, this.nodeCount);
  }

  lineage(tenant: string, id: string, q: LineageQuery & { heads?: false }): Promise<LineageResult | null>;
  lineage(tenant: string, id: string, q: LineageQuery): Promise<LineageHeads | null>;
  async lineage(tenant: string, id: string, q: LineageQuery): Promise<LineageHeads | null> {
    // The root and the walk side by side; the walk's answer is dropped when there is no root.
    const [[root], found] = await Promise.all([
      this.getNodes(tenant, [id]),
      walkLineage((work) => this.read(work), tenant, storeKey(tenant, id), q, (key, ref) => this.refs.learn(key, ref)),
    ]);
    if (!root || (q.asOf && root.createdAt > q.asOf)) return null;
    const all = [...found.nodes.values()].sort((a, b) => a.distance - b.distance || (a.node.id < b.node.id ? -1 : 1));
    const nodes = all.slice(0, q.limit);
    const kept = new Set([id, ...nodes.map((n) => n.node.id)]);
    const edges = [...found.edges.values()].filter((e) => kept.has(e.from) && kept.has(e.to)).sort(edgeOrder);
    const cut = shallowerCut(found.cut, nodeLimitCut(all, q.limit));
    return { root, nodes, edges, truncated: cut !== null, cut };
  }

  async countLineage(tenant: string, id: string, q: LineageCountQuery): Promise<LineageCount | null> {
    const [root] = await this.getNodes(tenant, [id]);
    if (!root || (q.asOf && root.createdAt > q.asOf)) return null;
    return this.read((conn) => countLineage(conn, storeKey(tenant, id), q));
  }

  async ping(): Promise<void> {
    await this.read((c) => c.run('RETURN 1 AS ok'));
  }

  async close(): Promise<void> {
    await this.searchLoaded.catch(() => undefined);
    await this.queue.close();
    await this.readers.close();
    await this.engine.close();
  }
}

let exportCount = 0;

/** What a transaction created, and the nodes created or whose kind or validity changed (for the search index). */
interface Created { nodes: Set<string>; edges: string[]; searched: { tenant: string; id: string; name: string; namespace: string; kind: string; validTo: string; created: boolean }[] }
/** A stored edge as a write sees it (validTo '' while current; endsAt unknown when not read). */
type StoredEdge = EdgeState & { endsAt?: string };

/** The earlier end of validity of two nodes ('' when both are current). */
const earlierEnd = (a: string, b: string) => (a === '' ? b : b === '' ? a : a < b ? a : b);
