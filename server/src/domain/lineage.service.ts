import type { GraphStore, NeighbourQuery } from './ports/GraphStore.js';
import {
  COLUMN_LINEAGE_EDGE_KINDS, MAX_LINEAGE_DEPTH, edgeValidAt, MAX_LINEAGE_NODES, type Direction, type EdgeHead, type GraphEdge, type GraphNode, type LineageNode,
  type LineageHeads, type LineageQuery, type LineageResult, type NodeHead, type NodeKind, nodeLimitCut, shallowerCut,
} from './model.js';
import { badInput } from './errors.js';
import { nodeId as nodeIdOf } from './ids.js';
import { withoutDroppedColumns } from './dropped-columns.js';
import { traceNodeId } from './telemetry/trace-summary.js';
import { CHANGE_EDGE_KINDS, lineageChanges } from './lineage-changes.js';
import { runState } from './openlineage/run-state.js';

/** Most edges of a node lineageChanges reads. */
const MAX_CHANGE_EDGES = 5_000;

export type LineageOptions = Pick<LineageQuery, 'asOf' | 'deadlineMs' | 'edges' | 'heads'>;
export interface ImpactGroup<N extends NodeHead = GraphNode> { kind: NodeKind; distance: number; count: number; nodes: LineageNode<N>[] }
export interface Impact<N extends NodeHead = GraphNode> {
  root: LineageResult['root']; total: number; groups: ImpactGroup<N>[]; isPartial: boolean; cut: LineageResult['cut'];
  /**
   * Every model and prompt version found downstream (their names, `<name>@<version>`) and run (its run id),
   * not only each group's first nodes: what the impact's usage is read for.
   */
  served: { modelVersions: string[]; promptVersions: string[]; runs: string[] };
}

const MAX_COUNT = 100_000;
const MAX_FIELDS_PER_DATASET = 500;
/** The datasets a job writes that its column lineage starts from. */
const MAX_JOB_OUTPUTS = 100;
const EDGE_PAGE = 500;
/** A trace id as OTLP gives it (32 hex digits), or its Trace node's id. */
const TRACE_ID = /^(?:trace:)?([0-9a-f]{32})$/i;

/** Read side of the graph: validates bounds, then asks the store. */
export class LineageService {
  constructor(private readonly graph: GraphStore) {}

  getNodes(tenant: string, ids: readonly string[]) {
    return this.graph.getNodes(tenant, ids);
  }

  /**
   * The graph's text search (TEXT_SEARCH_KINDS); a text that is a trace id also finds that trace's
   * node, first (Trace nodes are not matched by text: see TEXT_SEARCH_KINDS).
   */
  async search(tenant: string, text: string, kinds: readonly NodeKind[] | undefined, first: number): Promise<(GraphNode | NodeHead)[]> {
    if (text.length > 200) throw badInput('text', 'must be at most 200 characters');
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be an integer 1..100');
    const trimmed = text.trim();
    const traceId = TRACE_ID.exec(trimmed)?.[1];
    const [[trace], heads] = await Promise.all([
      traceId && (!kinds?.length || kinds.includes('Trace')) ? this.graph.getNodes(tenant, [traceNodeId(traceId.toLowerCase())]) : [null],
      // twice as many: a dropped dataset's columns and versions are left out below
      this.graph.searchHeads(tenant, { text: trimmed, kinds, limit: Math.min(2 * first, 200) }),
    ]);
    const found = await this.withoutDroppedDatasets(tenant, heads);
    return (trace && !trace.validTo ? [trace, ...found] : found).slice(0, first);
  }

  /** Search leaves a dropped node out, and so a dropped dataset's columns and versions (nodes of their own, never dropped themselves). */
  private async withoutDroppedDatasets<N extends NodeHead>(tenant: string, heads: N[]): Promise<N[]> {
    const datasetOf = (h: NodeHead) => (h.kind === 'DatasetVersion' ? nodeIdOf('Dataset', h.namespace, h.name)
      : h.kind === 'Field' && h.name.includes('#') ? nodeIdOf('Dataset', h.namespace, h.name.slice(0, h.name.lastIndexOf('#'))) : null);
    const ids = [...new Set(heads.map(datasetOf).filter((id): id is string => id !== null))];
    if (!ids.length) return heads;
    const dropped = new Set((await this.graph.getNodes(tenant, ids)).filter((n) => n?.validTo).map((n) => n!.id));
    return heads.filter((h) => !dropped.has(datasetOf(h) ?? ''));
  }

  /** With `heads`, the nodes and edges may come as heads (see LineageQuery.heads). */
  lineage(tenant: string, nodeId: string, direction: Direction, depth: number, limit: number, opts?: LineageOptions & { heads?: false }): Promise<LineageResult | null>;
  lineage(tenant: string, nodeId: string, direction: Direction, depth: number, limit: number, opts: LineageOptions): Promise<LineageHeads | null>;
  lineage(tenant: string, nodeId: string, direction: Direction, depth: number, limit: number, opts: LineageOptions = {}): Promise<LineageHeads | null> {
    checkBounds(depth, limit, opts);
    return this.graph.lineage(tenant, nodeId, { direction, depth, limit, ...opts });
  }

  /**
   * A node's reads, writes and columns as they changed over time (lineage-changes.ts), newest first:
   * `first` of them, and since `since` (what it had at its first sighting is not a change); null when
   * the node does not exist. Reads at most MAX_CHANGE_EDGES of its edges (isPartial beyond).
   */
  async lineageChanges(tenant: string, nodeId: string, first: number, since?: string) {
    if (!Number.isInteger(first) || first < 1 || first > 1000) throw badInput('first', 'must be an integer 1..1000');
    const [node] = await this.graph.getNodes(tenant, [nodeId]);
    if (!node) return null;
    const page = await this.graph.neighbours(tenant, nodeId, { direction: 'BOTH', edgeKinds: CHANGE_EDGE_KINDS, includeEnded: true, limit: MAX_CHANGE_EDGES, offset: 0 });
    const firstRunEnd = node.kind === 'Job' && since === undefined ? await this.firstRunEnd(tenant, nodeId) : null;
    const changes = lineageChanges(node, page.items, since, firstRunEnd);
    return { items: changes.slice(0, first), total: changes.length, isPartial: page.total > page.items.length };
  }

  /** When a job's first run (the oldest by first event) ended; null when it has not (or the job has no run). */
  private async firstRunEnd(tenant: string, jobId: string): Promise<string | null> {
    const runs = (offset: number) => this.graph.neighbours(tenant, jobId, { direction: 'UPSTREAM', edgeKinds: ['RUN_OF'], order: 'createdAt', limit: 1, offset });
    const newest = await runs(0);
    const oldest = newest.total > 1 ? (await runs(newest.total - 1)).items[0] : newest.items[0];
    return oldest ? runState(oldest.node.props).endedAt : null;
  }

  /** Count-first: how big the answer would be, before asking for it. */
  lineageCount(tenant: string, nodeId: string, direction: Direction, depth: number, opts: Pick<LineageOptions, 'asOf'> = {}) {
    checkBounds(depth, 1, opts);
    return this.graph.countLineage(tenant, nodeId, { direction, depth, asOf: opts.asOf, cap: MAX_COUNT });
  }

  /**
   * Column-level lineage over field → field derivations. From a Field, its own lineage; from a
   * Dataset, the union over its fields (the dataset is the root, its fields at distance 0 are implied);
   * from a Job, the same over the datasets it writes now (its current OUTPUT edges, as Marquez reads a
   * job's current version; `asOf` applies to the walks from them), which are at distance 0 with their fields.
   * At most MAX_FIELDS_PER_DATASET fields start walks, a job's outputs together. The columns of dropped
   * datasets are left out, and what lies beyond them (dropped-columns.ts).
   */
  async columnLineage(tenant: string, nodeId: string, direction: Direction, depth: number, limit: number, opts: Omit<LineageOptions, 'heads'> = {}): Promise<LineageResult | null> {
    checkBounds(depth, limit, opts);
    const [root] = await this.graph.getNodes(tenant, [nodeId]);
    if (!root) return null;
    const q = { direction, depth, limit, edgeKinds: COLUMN_LINEAGE_EDGE_KINDS, ...opts };
    const res = await this.columnWalks(tenant, root, q);
    return res && withoutDroppedColumns(this.graph, tenant, res, direction, depth, opts.asOf);
  }

  private async columnWalks(tenant: string, root: GraphNode, q: LineageQuery & { heads?: false }): Promise<LineageResult | null> {
    const { limit, asOf } = q;
    const nodeId = root.id;
    if (root.kind === 'Field') return this.graph.lineage(tenant, nodeId, q);
    const outputs = root.kind === 'Job'
      ? (await this.graph.neighbours(tenant, nodeId, { direction: 'DOWNSTREAM', edgeKinds: ['OUTPUT'], limit: MAX_JOB_OUTPUTS, offset: 0, liveEnds: true })).items
      : null;
    const datasets = outputs ? outputs.map((o) => o.node.id) : [root.id];
    // A dataset's fields then: its current schema, or `asOf` the columns it had at that time (a dropped column's HAS_FIELD has ended).
    const pages = await Promise.all(datasets.map((id) => this.graph.neighbours(tenant, id, { direction: 'DOWNSTREAM', edgeKinds: ['HAS_FIELD'], limit: MAX_FIELDS_PER_DATASET, offset: 0, includeEnded: !!asOf })));
    const fields = pages.flatMap((p) => p.items)
      .filter((f) => !asOf || edgeValidAt(f.edge, asOf))
      .slice(0, MAX_FIELDS_PER_DATASET);
    const results = await Promise.all([...datasets, ...fields.map((f) => f.node.id)].map((id) => this.graph.lineage(tenant, id, q)));
    const seeds = [...(outputs ?? []), ...fields];
    return mergeLineage(root, seeds.map((s) => ({ node: s.node, distance: 0 })), seeds.map((s) => s.edge), results, limit);
  }

  /** Everything downstream of a node, grouped by kind and distance (the first nodes of each group included). */
  async impact(tenant: string, nodeId: string, depth: number, limit: number, opts?: LineageOptions & { heads?: false }): Promise<Impact | null>;
  async impact(tenant: string, nodeId: string, depth: number, limit: number, opts: LineageOptions): Promise<Impact<NodeHead> | null>;
  async impact(tenant: string, nodeId: string, depth: number, limit: number, opts: LineageOptions = {}): Promise<Impact<NodeHead> | null> {
    // Groups need no edges: the walk leaves them out (half its work on the embedded store).
    const res = await this.lineage(tenant, nodeId, 'DOWNSTREAM', depth, limit, { ...opts, edges: false });
    if (!res) return null;
    const groups = new Map<string, ImpactGroup<NodeHead>>();
    for (const n of res.nodes) {
      const key = `${n.node.kind}:${n.distance}`;
      const g = groups.get(key) ?? { kind: n.node.kind, distance: n.distance, count: 0, nodes: [] };
      g.count++;
      if (g.nodes.length < 20) g.nodes.push(n);
      groups.set(key, g);
    }
    const sorted = [...groups.values()].sort((a, b) => a.distance - b.distance || b.count - a.count);
    const names = (kind: NodeKind) => res.nodes.filter((n) => n.node.kind === kind).map((n) => n.node.name);
    const runs = res.nodes.filter((n) => n.node.kind === 'Run' && n.node.id.startsWith('run:')).map((n) => n.node.id.slice('run:'.length));
    const served = { modelVersions: names('ModelVersion'), promptVersions: names('PromptVersion'), runs };
    return { root: res.root, total: res.nodes.length, groups: sorted, isPartial: res.truncated, cut: res.cut, served };
  }

  /**
   * The stored edge (kind, from, to), current or ended; null when there is none. It pages the from
   * node's edges of that kind: it is for the rare read of one edge (an EdgeHead's props), not for lists.
   */
  async edge(tenant: string, head: EdgeHead): Promise<GraphEdge | null> {
    for (let offset = 0; ; offset += EDGE_PAGE) {
      const page = await this.graph.neighbours(tenant, head.from, { direction: 'DOWNSTREAM', edgeKinds: [head.kind], includeEnded: true, limit: EDGE_PAGE, offset });
      const found = page.items.find((n) => n.edge.to === head.to);
      if (found) return found.edge;
      if (page.items.length < EDGE_PAGE) return null;
    }
  }

  neighbours(tenant: string, nodeId: string, q: NeighbourQuery) {
    if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > 500) throw badInput('first', 'must be an integer 1..500');
    if (!Number.isInteger(q.offset) || q.offset < 0) throw badInput('offset', 'must be a non-negative integer');
    return this.graph.neighbours(tenant, nodeId, q);
  }
}

function checkBounds(depth: number, limit: number, opts: LineageOptions): void {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_LINEAGE_DEPTH) throw badInput('depth', `must be an integer 1..${MAX_LINEAGE_DEPTH}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LINEAGE_NODES) throw badInput('limit', `must be an integer 1..${MAX_LINEAGE_NODES}`);
  if (opts.deadlineMs !== undefined && (!Number.isInteger(opts.deadlineMs) || opts.deadlineMs < 1 || opts.deadlineMs > 60_000)) {
    throw badInput('deadlineMs', 'must be an integer 1..60000');
  }
}

function mergeLineage(root: LineageResult['root'], seeds: LineageNode[], seedEdges: GraphEdge[], results: (LineageResult | null)[], limit: number): LineageResult {
  const nodes = new Map<string, LineageNode>(seeds.map((s) => [s.node.id, s]));
  const edges = new Map<string, GraphEdge>(seedEdges.map((e) => [`${e.kind}:${e.from}->${e.to}`, e]));
  let cut: LineageResult['cut'] = null;
  for (const r of results) {
    if (!r) continue;
    for (const n of r.nodes) if (!nodes.has(n.node.id) || nodes.get(n.node.id)!.distance > n.distance) nodes.set(n.node.id, n);
    for (const e of r.edges) edges.set(`${e.kind}:${e.from}->${e.to}`, e);
    cut = shallowerCut(cut, r.cut);
  }
  const kept = [...nodes.values()].sort((a, b) => a.distance - b.distance || (a.node.id < b.node.id ? -1 : 1));
  cut = shallowerCut(cut, nodeLimitCut(kept, limit));
  const list = kept.slice(0, limit);
  const ids = new Set([root.id, ...list.map((n) => n.node.id)]);
  return { root, nodes: list, edges: [...edges.values()].filter((e) => ids.has(e.from) && ids.has(e.to)), truncated: cut !== null, cut };
}
