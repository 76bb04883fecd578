/**
 * The graph model shared by every layer. Nodes and edges are generic records with a closed set of
 * kinds; kind-specific attributes live in `props` (a JSON object). Ids are `kind:namespace:name`.
 */
export const NODE_KINDS = [
  'Tenant', 'ApiKey', 'Namespace', 'Dataset', 'DatasetVersion', 'Field', 'Job', 'JobVersion', 'Run',
  'Experiment', 'Model', 'ModelVersion', 'FeatureGroup', 'Feature', 'Prompt', 'PromptVersion', 'Trace',
  'Evaluation', 'QualityRule', 'QualityResult', 'TrainingRequest',
  /** One immutable registry history entry: a stage transition, alias or label move, gate change (applied or rejected). */
  'RegistryEvent',
  /** A tenant's webhook subscription (its signing secret lives in the system scope, never in the tenant's props). */
  'Webhook',
  /** A threshold on metrics, GPU metrics or spans, evaluated by the workers (domain/alerts). */
  'AlertRule',
  /** One episode of one series breaking an alert rule: PENDING, FIRING, then RESOLVED (or CANCELLED before it fired). */
  'Alert',
  /** A tenant's label (PII, gold, owner:@team) that datasets, fields, jobs, models... carry (domain/tags). */
  'Tag',
  /** Where datasets live (a database, a Kafka cluster), as Marquez's `/sources` API registers one: its type and connection URL (domain/sources.ts). */
  'Source',
  /** A named set of features from one or more groups that one model reads, as Feast's FeatureService (domain/features/feature-services.ts). */
  'FeatureService',
  /** A tenant's automated report: what to sum up (lineage, quality, models, LLM usage, GPUs, alerts), daily or weekly (domain/reports). */
  'ReportSchedule',
  /** One period's report of a schedule, as composed when the period ended (kept; sent to the tenant's webhooks). */
  'Report',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/**
 * The kinds `GraphStore.search` matches by text: all but Trace. A Trace node comes with every trace,
 * so their number grows with traffic (thousands a second), not with the catalog, and the embedded
 * store keeps what text search scans in memory. A Trace is found by its trace id (LineageService.search)
 * or listed with filters (`traces`). Nor Alert: each episode of each series of a rule is one, named by
 * ids; alerts are listed by rule or run (`alerts`).
 */
export const TEXT_SEARCH_KINDS: readonly NodeKind[] = NODE_KINDS.filter((k) => k !== 'Trace' && k !== 'Alert');

/**
 * The kinds only an admin reads, whatever API reads them: a webhook's URL can be a credential itself
 * (a Slack incoming webhook, a `?token=` query, a mailing list), and listing webhooks is an admin's.
 * The generic reads (`node`, `search`, neighbours) leave them out for other roles.
 */
export const ADMIN_ONLY_KINDS: readonly NodeKind[] = ['Webhook'];
export const readableBy = (role: string, kind: string): boolean => role === 'admin' || !ADMIN_ONLY_KINDS.includes(kind as NodeKind);

export const EDGE_KINDS = [
  /** dataset -> job: the job reads the dataset (data flows along the edge). */
  'INPUT_TO',
  /** job -> dataset: the job writes the dataset. */
  'OUTPUT',
  /** dataset -> run: this run read the dataset (also a feature group -> the training run requested on it). */
  'READ_BY',
  /** run -> dataset: this run wrote the dataset. */
  'WROTE',
  /** run -> job: the run is an execution of the job. */
  'RUN_OF',
  /** parent run -> child run. */
  'PARENT_OF',
  /** namespace -> dataset/job. */
  'CONTAINS',
  /** tenant -> api key. */
  'HAS_KEY',
  /** dataset -> dataset version, job -> job version. */
  'HAS_VERSION',
  /** run -> the job version it executed. */
  'RAN',
  /** dataset -> field (from the schema facet). */
  'HAS_FIELD',
  /** source field -> derived field, or source field -> dataset (dataset-wide INDIRECT); props carry the transformations. */
  'DERIVES',
  /** a dataset -> another name of the same data (symlinks facet); written both ways. */
  'ALIAS',
  /** experiment -> run tracked in it. */
  'HAS_RUN',
  /** training run -> the model version it produced (registering a version links it to its source run). */
  'PRODUCED',
  /** run -> trace: a trace that names the run (`loom.run.id`). */
  'TRACED',
  /** model version -> trace: the model served the LLM calls of the trace. */
  'SERVED',
  /** prompt version -> trace: the trace rendered this prompt version. */
  'PROMPTED',
  /** evaluation -> model version it evaluates; dataset -> evaluation it was evaluated on (EVALUATED_ON). */
  'EVALUATES',
  'EVALUATED_ON',
  /** training request -> the run it launched. */
  'LAUNCHED',
  /** registered model or prompt -> one of its history entries (RegistryEvent); report schedule -> a report it made. */
  'RECORDED',
  /** dataset -> a training run that read it (any version of it): written when the run produces a model version, so lineage reaches runs without listing every run. */
  'TRAINS',
  /** model version -> a prompt version configured to run on it. */
  'SERVES_PROMPT',
  /** a tenant's training account -> a training run it dispatched; current while the run is queued or running (it holds quota), ended when it finishes. */
  'DISPATCHED',
  /** dataset -> a feature group computed from it (domain/features); current while the group's definition names it as its source. Feature group -> a feature service serving features of it. */
  'FEEDS',
  /** alert rule -> an alert it raised; current while the alert is PENDING or FIRING, ended when it closes. */
  'RAISED',
  /** alert -> what it is about: the training run whose GPUs it watches (a GPU rule's series on a pod of the run), the job whose runs it counts (RUNS), the feature group whose values it reads (FEATURES). */
  'CONCERNS',
  /** a dataset, field, job, model... -> a tag it carries; ended when the tag is taken off. */
  'TAGGED',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Edges that carry data flow; lineage traversals follow these. */
export const LINEAGE_EDGE_KINDS: readonly EdgeKind[] = [
  'INPUT_TO', 'OUTPUT', 'ALIAS',
  // Features: dataset -> feature group (-> training run through TRAINS).
  'FEEDS',
  // Model lineage: dataset -> training run -> model version -> prompt version -> trace.
  'TRAINS', 'PRODUCED', 'SERVES_PROMPT', 'SERVED', 'PROMPTED',
];
/** Column-level lineage follows these. */
export const COLUMN_LINEAGE_EDGE_KINDS: readonly EdgeKind[] = ['DERIVES'];

export type Props = Record<string, unknown>;

export interface NodeInput {
  id: string;
  kind: NodeKind;
  namespace: string;
  name: string;
  /** Merged over stored props (shallow): keys given replace stored keys, others are kept. */
  props?: Props;
  /** Event time this write describes (ISO-8601); defaults to now. */
  at?: string;
  /**
   * The kind is only a default: a kind already stored wins. An OpenLineage dataset declared a Model
   * by one producer stays a Model when another producer references it without saying so.
   */
  kindIsDefault?: boolean;
}

export interface GraphNode {
  id: string;
  kind: NodeKind;
  namespace: string;
  name: string;
  props: Props;
  createdAt: string;
  updatedAt: string;
  /** End of validity (e.g. a dropped dataset): the current view hides the node, an as-of query before it shows it. */
  validTo: string | null;
  /** Times it did not exist before validTo (dropped, then created again): absent or empty when none. */
  gaps?: readonly Gap[];
}

/**
 * Nothing is hard-deleted: a node's validity comes from two timed props, `deletedAt` and
 * `restoredAt` (a drop and a re-create: OpenLineage's lifecycle facet, a feature dropped from its
 * group), and from every time each was set (`lifecycle`, kept by the store: the newest
 * NODE_LIFECYCLE_KEEP of each), so a drop and a re-create in any arrival order give the same answer.
 * In time order (a drop and a re-create at one time: the re-create wins), the node holds until a drop,
 * then not until a re-create: a re-created node keeps the time it was dropped as a gap; one dropped
 * last ends at that drop (a second drop while dropped changes nothing). Stores written before the
 * history was kept know only the latest of each, which this reads as two events.
 * A node someone deleted (`hiddenAt`, Marquez's soft delete: DELETE of a dataset, job or namespace)
 * ends then too, until an event newer than the deletion names it again: its `updatedAt` (the newest
 * event time written to it, given by the store) passes `hiddenAt`. That one is not kept as a gap
 * (when the newer event came is not kept).
 */
export function nodeValidity(props: Props, updatedAt?: string, lifecycle?: NodeLifecycle): { validTo: string | null; gaps: Gap[] } {
  const gaps: Gap[] = [];
  let droppedAt: string | null = null;
  if (lifecycle || typeof props.deletedAt === 'string') {
    const drops = new Set(lifecycle?.deleted);
    const restores = new Set(lifecycle?.restored);
    if (typeof props.deletedAt === 'string') drops.add(props.deletedAt);
    if (typeof props.restoredAt === 'string') restores.add(props.restoredAt);
    // A history cut to its newest entries starts where the longer-kept of its two lists does.
    const since = [lifecycle?.deleted, lifecycle?.restored].reduce((t, l) => (l && l.length >= NODE_LIFECYCLE_KEEP && l[0] > t ? l[0] : t), '');
    const events: [string, 'D' | 'R'][] = [];
    for (const t of drops) if (t >= since) events.push([t, 'D']);
    for (const t of restores) if (t >= since) events.push([t, 'R']);
    events.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
    for (const [t, e] of events) {
      if (e === 'D' && droppedAt === null) droppedAt = t;
      else if (e === 'R' && droppedAt !== null) {
        if (t > droppedAt) gaps.push({ from: droppedAt, to: t });
        droppedAt = null;
      }
    }
  }
  const hiddenAt = props[HIDDEN_AT];
  const hidden = typeof hiddenAt === 'string' && updatedAt !== undefined && updatedAt <= hiddenAt ? hiddenAt : null;
  const validTo = droppedAt && hidden ? (droppedAt < hidden ? droppedAt : hidden) : droppedAt ?? hidden;
  const kept = validTo === null ? gaps : gaps.filter((g) => g.to <= validTo);
  return { validTo, gaps: kept.length > NODE_GAPS_KEEP ? kept.slice(-NODE_GAPS_KEEP) : kept };
}

/** Every time a node's `deletedAt` and `restoredAt` were set, each in order (see nodeValidity). */
export interface NodeLifecycle { deleted: readonly string[]; restored: readonly string[] }
/** How many of each a store keeps (the newest): a table overwritten by every run says CREATE or OVERWRITE each time. */
export const NODE_LIFECYCLE_KEEP = 64;
/**
 * How many gaps a node keeps (the newest): they are copied onto each of its edges (the Kuzu store's
 * endsGaps) and rewritten there at every drop and re-create, so a table dropped and created by every
 * run would otherwise carry kilobytes on every edge. Time travel into an older gap shows the node.
 */
export const NODE_GAPS_KEEP = 8;

/** The prop a soft delete sets (see nodeValidity). */
export const HIDDEN_AT = 'hiddenAt';

export interface EdgeInput {
  kind: EdgeKind;
  from: string;
  to: string;
  props?: Props;
  /** Start of validity (ISO-8601); defaults to now. Kept from the first write. */
  validFrom?: string;
  /**
   * End of validity, set exactly as given (null = current) by a writer that computed it from the
   * whole history (see openlineage/edge-history.ts). Left out, an existing edge keeps its end and a new one is current.
   */
  validTo?: string | null;
  /**
   * Times between validFrom and validTo when the edge did not hold (a job stopped reading a dataset,
   * then read it again), set exactly as given with validTo. Left out, the stored ones are kept, and an
   * ended edge written as current again from a later time gains the time it was ended as a gap.
   */
  gaps?: readonly Gap[];
}

/** A time an edge or node did not hold: from `from` (included) until `to` (excluded). */
export interface Gap { from: string; to: string }

export interface GraphEdge {
  kind: EdgeKind;
  from: string;
  to: string;
  props: Props;
  validFrom: string;
  validTo: string | null;
  /** Absent or empty: the edge held throughout validFrom..validTo. */
  gaps?: readonly Gap[];
}

/** Whether something with this validity (an edge, a node) had not ended by `t`: t < validTo, outside its gaps. */
export function notEndedAt(v: { validTo: string | null; gaps?: readonly Gap[] }, t: string): boolean {
  return (!v.validTo || v.validTo > t) && !(v.gaps ?? []).some((g) => g.from <= t && t < g.to);
}

/** Whether an edge held at `t`: validFrom <= t < validTo, outside its gaps. */
export function edgeValidAt(e: Pick<GraphEdge, 'validFrom' | 'validTo' | 'gaps'>, t: string): boolean {
  return e.validFrom <= t && notEndedAt(e, t);
}

export type Direction = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';

export interface LineageQuery {
  direction: Direction;
  /** 1..MAX_LINEAGE_DEPTH */
  depth: number;
  /** Maximum number of nodes returned besides the start node. */
  limit: number;
  edgeKinds?: readonly EdgeKind[];
  /** Time travel: the graph as it was at this ISO-8601 UTC time (edges valid then, nodes that existed). */
  asOf?: string;
  /** Answer within this many milliseconds, with what was found by then (see LineageResult.cut). */
  deadlineMs?: number;
  /** false: the caller needs the nodes only, and a store may then leave the edges out (the embedded one does: half the walk's work). */
  edges?: boolean;
  /**
   * true: the caller reads only heads, of the nodes (what draws and places them) and of the edges
   * (kind and ends), and a store may then answer with heads. The embedded one does: at 1M nodes,
   * where every column read costs, a third less of the node walk's work and up to a quarter less
   * of the edge walk's (bench/RESULTS.md, sessions 13 and 14).
   */
  heads?: boolean;
}

export interface LineageCountQuery {
  direction: Direction;
  depth: number;
  edgeKinds?: readonly EdgeKind[];
  asOf?: string;
  /** Count at most this many nodes per direction. */
  cap: number;
}

export interface LineageCount {
  total: number;
  byKind: { kind: NodeKind; count: number }[];
  byDistance: { distance: number; count: number }[];
  /** True when the cap stopped the count. */
  capped: boolean;
}

/**
 * Why a lineage answer is partial: the node limit, or the deadline. Every node up to `depth` hops is
 * in the answer, at its shortest distance. `edgesMissing`: the deadline cut the read of the edges, so
 * some edges between the answer's nodes may be missing.
 */
export interface LineageCut { reason: 'NODE_LIMIT' | 'DEADLINE'; depth: number; edgesMissing?: true }

/**
 * The cut a node limit makes in a walk's nodes sorted by distance (`limit + 1` of them or fewer):
 * every node closer than the first one left out is in, those at its distance perhaps not all.
 */
export function nodeLimitCut(sorted: readonly { distance?: unknown }[], limit: number): LineageCut | null {
  return sorted.length > limit ? { reason: 'NODE_LIMIT', depth: Number(sorted[limit].distance) - 1 } : null;
}

/** Of two cuts, where the answer stops being complete: the shallower (a deadline's at the same depth). */
export function shallowerCut(a: LineageCut | null, b: LineageCut | null): LineageCut | null {
  if (!a || !b) return a ?? b;
  const cut = b.depth < a.depth || (b.depth === a.depth && b.reason === 'DEADLINE') ? b : a;
  return a.edgesMissing || b.edgesMissing ? { ...cut, edgesMissing: true } : cut;
}

/** A node without its props and times: enough to draw and place it on a lineage map. */
export type NodeHead = Pick<GraphNode, 'id' | 'kind' | 'namespace' | 'name' | 'validTo'>;

/** An edge without its props and validity: enough to draw it on a lineage map. */
export type EdgeHead = Pick<GraphEdge, 'kind' | 'from' | 'to'>;

export interface LineageNode<N extends NodeHead = GraphNode> { node: N; distance: number }

/** `N`, `E`: whole nodes and edges, or with `LineageQuery.heads` perhaps only their heads. */
export interface LineageResult<N extends NodeHead = GraphNode, E extends EdgeHead = GraphEdge> {
  root: GraphNode;
  nodes: LineageNode<N>[];
  /** Ordered by from, kind, to: the same graph always reads the same. */
  edges: E[];
  /** True when the answer is partial (node limit or deadline). */
  truncated: boolean;
  cut: LineageCut | null;
}

/** A lineage answer asked for heads (LineageQuery.heads). */
export type LineageHeads = LineageResult<NodeHead, EdgeHead>;

export interface SearchQuery { text: string; kinds?: readonly NodeKind[]; limit: number }

export interface Page<T> { items: T[]; total: number }

export const MAX_LINEAGE_DEPTH = 10;
export const MAX_LINEAGE_NODES = 5000;
export const DEFAULT_LINEAGE_DEADLINE_MS = 10_000;
