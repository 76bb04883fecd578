import type { GraphStore } from '../ports/GraphStore.js';

/**
 * The graph as readers see it when lineage events are answered from the ingest log
 * (LoggedLineageIngest): each read first waits until every event answered for its tenant is in the
 * graph, so an answered event is readable at once, as if it had been committed before its answer.
 * Writes pass straight through.
 */
export function visibleGraph(graph: GraphStore, visible: (tenant: string) => Promise<void>): GraphStore {
  return {
    get commitsInSubmitOrder() { return graph.commitsInSubmitOrder; },
    init: () => graph.init(),
    write: (tenant, batch) => graph.write(tenant, batch),
    getNodes: async (tenant, ids) => { await visible(tenant); return graph.getNodes(tenant, ids); },
    search: async (tenant, q) => { await visible(tenant); return graph.search(tenant, q); },
    neighbours: async (tenant, id, q) => { await visible(tenant); return graph.neighbours(tenant, id, q); },
    edgesOfMany: async (tenant, ids, q) => { await visible(tenant); return graph.edgesOfMany(tenant, ids, q); },
    lineage: async (tenant, id, q) => { await visible(tenant); return graph.lineage(tenant, id, q); },
    countLineage: async (tenant, id, q) => { await visible(tenant); return graph.countLineage(tenant, id, q); },
    countNodes: async (tenant) => { await visible(tenant); return graph.countNodes(tenant); },
    ping: () => graph.ping(),
    close: () => graph.close(),
  };
}
