import type {
  EdgeInput, GraphEdge, GraphNode, LineageCount, LineageCountQuery, LineageHeads, LineageQuery, LineageResult, NodeInput, SearchQuery, Direction,
  EdgeKind, NodeHead, Page,
} from '../model.js';

/** One atomic write: nodes are upserted before edges; either all of it is committed or none. */
export interface WriteBatch { nodes: NodeInput[]; edges: EdgeInput[] }

export interface NeighbourQuery {
  direction: Direction;
  edgeKinds?: readonly EdgeKind[];
  limit: number;
  offset: number;
  /** Also edges whose validity has ended (default: current edges only). */
  includeEnded?: boolean;
  /** Current edges between current nodes only, as lineage walks follow them (none to or from a dropped node); not with includeEnded. */
  liveEnds?: boolean;
  /**
   * Order: by edge kind then node id (default, stable for paging), or newest first by the
   * neighbour's first (`createdAt`) or last (`updatedAt`) event time, then id descending.
   */
  order?: NeighbourOrder;
}
export type NeighbourOrder = 'kind' | 'createdAt' | 'updatedAt';

export interface Neighbour { edge: GraphEdge; node: GraphNode }

/** A neighbour read for many nodes at once: each node's first `limit` edges, as `neighbours` orders them at offset 0. */
export type ManyNeighbourQuery = Omit<NeighbourQuery, 'offset'>;

/**
 * The system of record. Every method is scoped by tenant: a tenant can never read or write
 * another tenant's nodes, because the tenant is part of every stored key.
 */
export interface GraphStore {
  /**
   * True when writes commit in the order they were submitted (one writer behind a queue, as the
   * embedded store): a caller may then release its own ordering lock once a write is submitted.
   */
  readonly commitsInSubmitOrder: boolean;
  /** Apply the engine's DDL (idempotent). */
  init(): Promise<void>;
  /** Upsert a batch atomically. Re-applying the same batch changes nothing. */
  write(tenant: string, batch: WriteBatch): Promise<void>;
  /** Nodes aligned with `ids` (null where missing): shaped for DataLoader. */
  getNodes(tenant: string, ids: readonly string[]): Promise<(GraphNode | null)[]>;
  /**
   * Live nodes of TEXT_SEARCH_KINDS (of `query.kinds` among them) whose name or id contains the text,
   * case-insensitively; the exact name first, then primary kinds, shorter names, id.
   */
  search(tenant: string, query: SearchQuery): Promise<GraphNode[]>;
  /**
   * The same nodes as `search`, as heads: for a caller that reads the rest of a node by id only when
   * asked (GraphQL `search`). The embedded store answers from its search index, without reading the graph.
   */
  searchHeads(tenant: string, query: SearchQuery): Promise<NodeHead[]>;
  /** Current (validTo null) edges of one node, paged. */
  neighbours(tenant: string, id: string, query: NeighbourQuery): Promise<Page<Neighbour>>;
  /**
   * The edges `neighbours` would page first (offset 0, no total) for each of `ids`, aligned with
   * `ids` (empty where a node is missing or has none): a few statements for all of them, at most
   * `limit` edges per node however many it has. Edges only: callers often hold the nodes at the
   * other ends already, and read the rest with `getNodes`.
   */
  edgesOfMany(tenant: string, ids: readonly string[], query: ManyNeighbourQuery): Promise<GraphEdge[][]>;
  /** Bounded breadth-first lineage from one node; null when the node does not exist. Asked for heads, a store may answer with heads. */
  lineage(tenant: string, id: string, query: LineageQuery & { heads?: false }): Promise<LineageResult | null>;
  lineage(tenant: string, id: string, query: LineageQuery): Promise<LineageHeads | null>;
  /** Count-first: how much lineage there is, by kind and distance, before fetching it; null when the node does not exist. */
  countLineage(tenant: string, id: string, query: LineageCountQuery): Promise<LineageCount | null>;
  countNodes(tenant: string): Promise<number>;
  /** Cheap round trip used by /readyz. */
  ping(): Promise<void>;
  /** Flush and close. */
  close(): Promise<void>;
}

/** Which of a node's edges a neighbour read takes: every one, the current ones, or those between current nodes (NeighbourQuery). */
export type EdgeScope = 'all' | 'current' | 'live';
export const edgeScope = (q: Pick<NeighbourQuery, 'includeEnded' | 'liveEnds'>): EdgeScope => (q.includeEnded ? 'all' : q.liveEnds ? 'live' : 'current');
