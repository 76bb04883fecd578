import type { GraphStore, NeighbourQuery } from './ports/GraphStore.js';
import { MAX_LINEAGE_DEPTH, MAX_LINEAGE_NODES, type Direction, type NodeKind } from './model.js';
import { badInput } from './errors.js';

/** Read side of the graph: validates bounds, then asks the store. */
export class LineageService {
  constructor(private readonly graph: GraphStore) {}

  getNodes(tenant: string, ids: readonly string[]) {
    return this.graph.getNodes(tenant, ids);
  }

  search(tenant: string, text: string, kinds: readonly NodeKind[] | undefined, first: number) {
    if (text.length > 200) throw badInput('text', 'must be at most 200 characters');
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be an integer 1..100');
    return this.graph.search(tenant, { text: text.trim(), kinds, limit: first });
  }

  lineage(tenant: string, nodeId: string, direction: Direction, depth: number, limit: number) {
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_LINEAGE_DEPTH) throw badInput('depth', `must be an integer 1..${MAX_LINEAGE_DEPTH}`);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LINEAGE_NODES) throw badInput('limit', `must be an integer 1..${MAX_LINEAGE_NODES}`);
    return this.graph.lineage(tenant, nodeId, { direction, depth, limit });
  }

  neighbours(tenant: string, nodeId: string, q: NeighbourQuery) {
    if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > 500) throw badInput('first', 'must be an integer 1..500');
    if (!Number.isInteger(q.offset) || q.offset < 0) throw badInput('offset', 'must be a non-negative integer');
    return this.graph.neighbours(tenant, nodeId, q);
  }
}
