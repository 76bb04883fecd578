import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphStore } from '../ports/GraphStore.js';
import type { LineageHeads, LineageQuery, LineageResult } from '../model.js';

/**
 * Who is reading, for the requests that say (the HTTP server sets it per request, from the API key):
 * a read waits only for the lineage events that reader had answered (read-your-writes). Reads with
 * no reader (the services' own) wait for every event answered for the tenant.
 */
export const readers = new AsyncLocalStorage<{ reader?: string }>();

/**
 * The graph as readers see it when lineage events are answered from the ingest log
 * (LoggedLineageIngest): each read first waits until the events answered before it are in the graph
 * (`visible`: those the same API key sent, or all of the tenant's for a read without a reader), so
 * a client reads what it was answered for at once, as if it had been committed before its answer.
 * Writes pass straight through.
 */
export function visibleGraph(graph: GraphStore, visible: (tenant: string) => Promise<void>): GraphStore {
  function lineage(tenant: string, id: string, q: LineageQuery & { heads?: false }): Promise<LineageResult | null>;
  function lineage(tenant: string, id: string, q: LineageQuery): Promise<LineageHeads | null>;
  async function lineage(tenant: string, id: string, q: LineageQuery) {
    await visible(tenant);
    return graph.lineage(tenant, id, q);
  }
  return {
    get commitsInSubmitOrder() { return graph.commitsInSubmitOrder; },
    init: () => graph.init(),
    write: (tenant, batch) => graph.write(tenant, batch),
    getNodes: async (tenant, ids) => { await visible(tenant); return graph.getNodes(tenant, ids); },
    search: async (tenant, q) => { await visible(tenant); return graph.search(tenant, q); },
    searchHeads: async (tenant, q) => { await visible(tenant); return graph.searchHeads(tenant, q); },
    neighbours: async (tenant, id, q) => { await visible(tenant); return graph.neighbours(tenant, id, q); },
    edgesOfMany: async (tenant, ids, q) => { await visible(tenant); return graph.edgesOfMany(tenant, ids, q); },
    lineage,
    countLineage: async (tenant, id, q) => { await visible(tenant); return graph.countLineage(tenant, id, q); },
    countNodes: async (tenant) => { await visible(tenant); return graph.countNodes(tenant); },
    ping: () => graph.ping(),
    close: () => graph.close(),
  };
}
