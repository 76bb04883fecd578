import type { GraphStore } from '../ports/GraphStore.js';

/**
 * Which graph nodes exist, per tenant, remembered: nodes are never hard-deleted, so one found once
 * stays found, and the trace summaries' links (runs, model and prompt versions) cost a graph read only
 * the first time. Bounded: past `max` remembered ids, all are forgotten and found again.
 */
export class KnownNodes {
  private readonly known = new Map<string, Set<string>>();
  private count = 0;

  constructor(private readonly graph: GraphStore, private readonly max = 100_000) {}

  /** The ids of `ids` that name existing nodes of `tenant`. */
  async existing(tenant: string, ids: string[]): Promise<Set<string>> {
    const known = this.known.get(tenant) ?? new Set<string>();
    const unknown = [...new Set(ids)].filter((id) => !known.has(id));
    if (unknown.length) {
      const found = await this.graph.getNodes(tenant, unknown);
      if (this.count > this.max) { this.known.clear(); known.clear(); this.count = 0; }
      for (const n of found) if (n && !known.has(n.id)) { known.add(n.id); this.count++; }
      this.known.set(tenant, known);
    }
    return new Set(ids.filter((id) => known.has(id)));
  }
}
