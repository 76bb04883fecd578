import type { GraphStore, Neighbour, NeighbourQuery } from './ports/GraphStore.js';

const PAGE = 1000;

/** Every neighbour of `id` that `query` matches, read a page at a time; at most `max` (about: whole pages). */
export async function allNeighbours(graph: GraphStore, tenant: string, id: string, query: Omit<NeighbourQuery, 'limit' | 'offset'>, max = Infinity): Promise<Neighbour[]> {
  const out: Neighbour[] = [];
  for (let offset = 0; offset < max; offset += PAGE) {
    const page = await graph.neighbours(tenant, id, { ...query, limit: PAGE, offset });
    out.push(...page.items);
    if (page.items.length < PAGE || out.length >= page.total) break;
  }
  return out;
}
