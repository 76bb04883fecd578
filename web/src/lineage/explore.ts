/**
 * The explored view (pure): the base lineage plus one-hop expansions, each a paged list of neighbours.
 * Merging gives one LineageData; a partly loaded expansion adds an "N more" node that loads the next page.
 * Collapsing removes an expansion and, transitively, expansions anchored on nodes no longer shown.
 */
import { MORE_NODE_KIND, type LineageData, type LineageEdgeData, type LineageNodeData } from '../graph/elements.js';

export type HopDirection = 'UPSTREAM' | 'DOWNSTREAM';
/** What the URL says: expand `anchor` in `direction`, `pages` pages loaded. */
export interface ExpansionSpec { anchor: string; direction: HopDirection; pages: number }
export interface Neighbour { node: LineageNodeData; edge: LineageEdgeData }
/** What the server answered for one expansion. */
export interface ExpansionData { items: ReadonlyArray<Neighbour>; total: number }

export const MORE_KIND = MORE_NODE_KIND;
export const MORE_PREFIX = 'more:';

export function expansionKey(spec: Pick<ExpansionSpec, 'anchor' | 'direction'>): string {
  return `${spec.direction}|${spec.anchor}`;
}

export function moreNodeId(spec: Pick<ExpansionSpec, 'anchor' | 'direction'>): string {
  return `${MORE_PREFIX}${spec.direction === 'UPSTREAM' ? 'up' : 'down'}:${spec.anchor}`;
}

/** The expansion an "N more" node stands for, or null for an ordinary node id. */
export function parseMoreNodeId(id: string): Pick<ExpansionSpec, 'anchor' | 'direction'> | null {
  const match = /^more:(up|down):(.+)$/.exec(id);
  return match ? { direction: match[1] === 'up' ? 'UPSTREAM' : 'DOWNSTREAM', anchor: match[2] } : null;
}

/** Adds (or, when present, leaves) the expansion of `anchor` in `direction` with one page. */
export function expand(specs: readonly ExpansionSpec[], anchor: string, direction: HopDirection): ExpansionSpec[] {
  if (specs.some((s) => s.anchor === anchor && s.direction === direction)) return [...specs];
  return [...specs, { anchor, direction, pages: 1 }];
}

/** One more page for the expansion an "N more" node stands for. */
export function loadMore(specs: readonly ExpansionSpec[], anchor: string, direction: HopDirection): ExpansionSpec[] {
  return specs.map((s) => (s.anchor === anchor && s.direction === direction ? { ...s, pages: s.pages + 1 } : s));
}

/**
 * Removes the expansions of `anchor` (one direction, or both when omitted), then every expansion no longer
 * reachable: kept are those whose anchor the base shows, or an expansion kept before it adds (so two
 * expansions that add each other's anchors cannot keep each other alive).
 */
export function collapse(
  specs: readonly ExpansionSpec[], anchor: string, direction: HopDirection | null,
  base: ReadonlySet<string>, loaded: ReadonlyMap<string, ExpansionData>,
): ExpansionSpec[] {
  const candidates = specs.filter((s) => !(s.anchor === anchor && (direction === null || s.direction === direction)));
  const shown = new Set(base);
  const accepted = new Set<ExpansionSpec>();
  for (let grew = true; grew;) {
    grew = false;
    for (const s of candidates) {
      if (accepted.has(s) || !shown.has(s.anchor)) continue;
      accepted.add(s);
      for (const item of loaded.get(expansionKey(s))?.items ?? []) shown.add(item.node.id);
      grew = true;
    }
  }
  return candidates.filter((s) => accepted.has(s));
}

/** The base lineage with every expansion's loaded neighbours (and "N more" nodes) merged in. */
export function mergeExpansions(
  base: LineageData, specs: readonly ExpansionSpec[], loaded: ReadonlyMap<string, ExpansionData>, pageSize: number,
): LineageData {
  const distance = new Map<string, number>([[base.root.id, 0]]);
  const nodes = new Map<string, { node: LineageNodeData; distance: number }>();
  for (const n of base.nodes) {
    nodes.set(n.node.id, n);
    distance.set(n.node.id, n.distance);
  }
  const edges: LineageEdgeData[] = [...base.edges];
  for (const spec of specs) {
    const data = loaded.get(expansionKey(spec));
    if (!data || !distance.has(spec.anchor)) continue;
    const hop = distance.get(spec.anchor)! + 1;
    for (const { node, edge } of data.items.slice(0, spec.pages * pageSize)) {
      if (!distance.has(node.id)) {
        nodes.set(node.id, { node, distance: hop });
        distance.set(node.id, hop);
      }
      edges.push(edge);
    }
    const shown = Math.min(data.items.length, spec.pages * pageSize);
    if (shown < data.total) {
      const more = moreNode(spec, data.total - shown);
      nodes.set(more.id, { node: more, distance: hop });
      edges.push(spec.direction === 'DOWNSTREAM' ? { kind: MORE_KIND, from: spec.anchor, to: more.id } : { kind: MORE_KIND, from: more.id, to: spec.anchor });
    }
  }
  return { root: base.root, nodes: [...nodes.values()], edges };
}

function moreNode(spec: ExpansionSpec, hidden: number): LineageNodeData {
  return { id: moreNodeId(spec), kind: MORE_KIND, namespace: '', name: String(hidden) };
}

/** Keeps the root and the nodes of the chosen kinds ("N more" nodes always); no kinds = all. */
export function filterKinds(data: LineageData, kinds: ReadonlySet<string>): LineageData {
  if (kinds.size === 0) return data;
  const keep = (n: LineageNodeData) => n.id === data.root.id || n.kind === MORE_KIND || kinds.has(n.kind);
  const nodes = data.nodes.filter((n) => keep(n.node));
  const ids = new Set([data.root.id, ...nodes.map((n) => n.node.id)]);
  return { root: data.root, nodes, edges: data.edges.filter((e) => ids.has(e.from) && ids.has(e.to)) };
}
