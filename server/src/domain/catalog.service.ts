import type { GraphStore, ManyNeighbourQuery, NeighbourQuery } from './ports/GraphStore.js';
import type { Direction, EdgeKind, GraphEdge, GraphNode, NodeKind, Page } from './model.js';
import { nodeId, runNodeId } from './ids.js';

/** Below this many neighbours a list is read whole and ordered exactly; above, it is paged in the store. */
const EXACT_UP_TO = 500;
/** At most this many namespaces are listed (they are read whole to be sorted by name). */
const MAX_NAMESPACES = 10_000;

type Rel = Pick<NeighbourQuery, 'direction' | 'edgeKinds'>;
export interface NewestOptions { by?: 'createdAt' | 'updatedAt' }

/**
 * Catalog reads for browsing APIs: what a namespace contains, versions and runs newest first, a run
 * by its bare id. Every read is bounded. It relies on the port's neighbour order (edge kind, then
 * node id: pinned by the GraphStore contract suite) to page a kind's block of a namespace exactly.
 */
export class CatalogService {
  constructor(private readonly graph: GraphStore) {}

  async node(tenant: string, id: string): Promise<GraphNode | null> {
    return (await this.graph.getNodes(tenant, [id]))[0];
  }

  getNodes(tenant: string, ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return ids.length ? this.graph.getNodes(tenant, ids) : Promise.resolve([]);
  }

  async namespaces(tenant: string, limit: number, offset: number): Promise<GraphNode[]> {
    // Every namespace id starts so (an empty text would do, but not every engine's CONTAINS matches '').
    const all = await this.graph.search(tenant, { text: 'namespace:', kinds: ['Namespace'], limit: MAX_NAMESPACES });
    return all.sort((a, b) => cmp(a.name, b.name)).slice(offset, offset + limit);
  }

  /**
   * The nodes a namespace contains whose id starts with `prefix` (`dataset:`, `job:`), by id, without
   * those no longer valid (dropped). In a big namespace a page holds fewer than `limit` when some of
   * it was dropped, and the total counts them.
   */
  async contained(tenant: string, namespace: string, prefix: string, limit: number, offset: number): Promise<Page<GraphNode>> {
    const ns = nodeId('Namespace', namespace, namespace);
    const rel: Rel = { direction: 'DOWNSTREAM', edgeKinds: ['CONTAINS'] };
    const first = await this.graph.neighbours(tenant, ns, { ...rel, limit: EXACT_UP_TO, offset: 0 });
    if (first.total <= EXACT_UP_TO) {
      const all = first.items.map((i) => i.node).filter((n) => n.id.startsWith(prefix) && n.validTo === null);
      return { items: all.slice(offset, offset + limit), total: all.length };
    }
    // A big namespace: find the block of ids with the prefix by binary search, then read one page of it.
    const start = await this.firstAtOrAfter(tenant, ns, rel, first.total, prefix);
    const end = await this.firstAtOrAfter(tenant, ns, rel, first.total, prefixEnd(prefix));
    const from = start + offset;
    const count = Math.min(limit, end - from);
    if (count <= 0) return { items: [], total: end - start };
    const page = await this.graph.neighbours(tenant, ns, { ...rel, limit: count, offset: from });
    return { items: page.items.map((i) => i.node).filter((n) => n.validTo === null), total: end - start };
  }

  /** Neighbours over one edge kind, newest first (by `by`: createdAt, the first event time, or updatedAt, the last), ordered and paged by the store. */
  async newest(tenant: string, id: string, rel: { direction: Direction; kind: EdgeKind }, page: { limit: number; offset: number }, opts: NewestOptions = {}): Promise<Page<GraphNode>> {
    const found = await this.graph.neighbours(tenant, id, { direction: rel.direction, edgeKinds: [rel.kind], ...page, order: opts.by ?? 'createdAt' });
    return { items: found.items.map((i) => i.node), total: found.total };
  }

  /** For each of many nodes, the edges the first page of `neighbours` would hold, in a few store reads (the nodes at their other ends are not read). */
  edgesOfMany(tenant: string, ids: readonly string[], query: ManyNeighbourQuery): Promise<GraphEdge[][]> {
    return ids.length ? this.graph.edgesOfMany(tenant, ids, query) : Promise.resolve([]);
  }

  /** A run by its bare run id (Marquez addresses runs without their job's namespace; so does Loom's run id). */
  async runById(tenant: string, runId: string): Promise<GraphNode | null> {
    return (await this.graph.getNodes(tenant, [runNodeId(runId)]))[0];
  }

  search(tenant: string, text: string, kinds: readonly NodeKind[], limit: number): Promise<GraphNode[]> {
    return this.graph.search(tenant, { text, kinds, limit });
  }

  /** Index of the first neighbour whose id is >= `key`, in the store's id order. */
  private async firstAtOrAfter(tenant: string, id: string, rel: Rel, total: number, key: string): Promise<number> {
    let lo = 0;
    let hi = total;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const probe = await this.graph.neighbours(tenant, id, { ...rel, limit: 1, offset: mid });
      const at = probe.items[0]?.node.id;
      if (at !== undefined && at < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The smallest string greater than every string starting with `prefix`. */
const prefixEnd = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
