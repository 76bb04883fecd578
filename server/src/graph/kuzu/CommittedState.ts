/**
 * What this process knows is committed, so writes can skip the lookups and re-writes of nodes and
 * edges that have not changed (most of an event: its namespaces, fields, versions, aliases).
 * Exact because the embedded database has one writer, this store; entries are added only after
 * the transaction that wrote them committed. Bounded by an approximate byte budget (cleared when full).
 */
/** `validTo`, `gaps`: the stored columns ('' while current, '' for none). */
export interface NodeState { kind: unknown; props: unknown; createdAt: unknown; updatedAt: unknown; validTo: unknown; gaps: unknown }
/**
 * validTo: '' current, an ISO time, or undefined when not known (written without setting it, over an edge not in memory);
 * gaps: as stored (encodeGaps), or undefined when not known.
 */
export interface EdgeState { props: string; validFrom: string; validTo: string | undefined; gaps: string | undefined }

export class CommittedState {
  private nodes = new Map<string, NodeState>();
  private edges = new Map<string, EdgeState>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  node(key: string): NodeState | undefined {
    return this.nodes.get(key);
  }

  /** True when writing this edge would change nothing: same props, an earlier-or-equal validFrom, and the same end of validity and gaps if it sets them. */
  hasEdge(key: string, row: { props: string; validFrom: string; setValidTo: boolean; validTo: string; gaps?: string }): boolean {
    const e = this.edges.get(key);
    return !!e && e.props === row.props && e.validFrom <= row.validFrom && (!row.setValidTo || e.validTo === row.validTo) &&
      (row.gaps === undefined || e.gaps === row.gaps);
  }

  edge(key: string): EdgeState | undefined {
    return this.edges.get(key);
  }

  stage(): StagedState {
    return new StagedState(this);
  }

  /** Called with a committed transaction's writes. */
  apply(nodes: Map<string, NodeState>, edges: Map<string, EdgeState>): void {
    for (const [k, v] of nodes) { this.nodes.set(k, v); this.bytes += k.length + String(v.props).length + 100; }
    for (const [k, v] of edges) { this.edges.set(k, v); this.bytes += k.length + v.props.length + 50; }
    if (this.bytes > this.budgetBytes) this.clear();
  }

  clear(): void {
    this.nodes = new Map();
    this.edges = new Map();
    this.bytes = 0;
  }
}

/** The writes of one transaction, applied to the committed state only if it commits. */
export class StagedState {
  readonly nodes = new Map<string, NodeState>();
  readonly edges = new Map<string, EdgeState>();
  constructor(private readonly committed: CommittedState) {}

  commit(): void {
    this.committed.apply(this.nodes, this.edges);
  }
}
