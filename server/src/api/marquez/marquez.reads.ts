import type { CatalogService, NewestOptions } from '../../domain/catalog.service.js';
import type { Direction, EdgeKind, GraphEdge, GraphNode, Page } from '../../domain/model.js';
import type { Neighbour, NeighbourOrder } from '../../domain/ports/GraphStore.js';

/** One kind of neighbour read, made for many nodes at once: the first `limit` of each, in `order`. */
export interface Read { direction: Direction; kinds: readonly EdgeKind[]; order: NeighbourOrder }

type First = { limit: number; edges: Promise<GraphEdge[]> };
const present = <T>(x: T | null): x is T => x !== null;
/** The node at the other end of one of `id`'s edges. */
const otherEnd = (e: GraphEdge, id: string) => (e.from === id ? e.to : e.from);

/**
 * The store reads of one request, batched and memoized: a kind of neighbour read for many nodes is
 * one store call (CatalogService.edgesOfMany), the nodes at the other ends are read once, and
 * nothing is read twice (a read of more neighbours serves a later read of fewer).
 */
export class RequestReads {
  /** First edges by read, then by node. */
  private readonly firsts = new Map<string, Map<string, First>>();
  private readonly nodes = new Map<string, Promise<GraphNode | null>>();
  private readonly pages = new Map<string, Promise<Page<GraphNode>>>();
  constructor(private readonly catalog: CatalogService, private readonly tenant: string) {}

  /** Nodes the caller holds already (a lineage walk's): neighbours among them are not read again. */
  know(nodes: readonly GraphNode[]): void {
    for (const n of nodes) if (!this.nodes.has(n.id)) this.nodes.set(n.id, Promise.resolve(n));
  }

  /** Each node's first `limit` neighbours over `read`, aligned with `ids`. */
  async linked(ids: readonly string[], read: Read, limit: number): Promise<Neighbour[][]> {
    const edges = await this.firstEdges(ids, read, limit);
    const nodes = await this.nodesById(edges.flatMap((mine, i) => mine.map((e) => otherEnd(e, ids[i]))));
    return edges.map((mine, i) => mine.flatMap((edge) => {
      const node = nodes.get(otherEnd(edge, ids[i]));
      return node ? [{ edge, node }] : [];
    }));
  }

  /** Nodes by id, each read once per request (one store read for those not seen yet); missing ones are left out. */
  async nodesById(ids: readonly string[]): Promise<Map<string, GraphNode>> {
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !this.nodes.has(id));
    if (missing.length) {
      const all = this.catalog.getNodes(this.tenant, missing);
      missing.forEach((id, i) => this.nodes.set(id, all.then((found) => found[i])));
    }
    const found = await Promise.all(unique.map((id) => this.nodes.get(id)!));
    return new Map(found.filter(present).map((n) => [n.id, n]));
  }

  /** A newest-first page with its total (CatalogService.newest), for one node. */
  newest(id: string, direction: Direction, kind: EdgeKind, limit: number, offset: number, opts: NewestOptions = {}): Promise<Page<GraphNode>> {
    const key = JSON.stringify([id, direction, kind, opts.by, limit, offset]);
    let found = this.pages.get(key);
    if (!found) this.pages.set(key, (found = this.catalog.newest(this.tenant, id, { direction, kind }, { limit, offset }, opts)));
    return found;
  }

  /** One store read for every id not read that far yet. */
  private firstEdges(ids: readonly string[], read: Read, limit: number): Promise<GraphEdge[][]> {
    const key = JSON.stringify(read);
    const memo = this.firsts.get(key) ?? new Map<string, First>();
    this.firsts.set(key, memo);
    const missing = [...new Set(ids)].filter((id) => (memo.get(id)?.limit ?? -1) < limit);
    if (missing.length) {
      const all = this.catalog.edgesOfMany(this.tenant, missing, { direction: read.direction, edgeKinds: read.kinds, order: read.order, limit });
      missing.forEach((id, i) => memo.set(id, { limit, edges: all.then((found) => found[i]) }));
    }
    return Promise.all(ids.map((id) => memo.get(id)!.edges.then((edges) => edges.slice(0, limit))));
  }
}
