/**
 * Hubs in the base lineage answer (pure): a node with hundreds of children shows a page of them plus
 * an "N more" node; tapping it shows the next page. The answer already holds them all, so paging costs
 * no request, and what is shown only grows (children in a fixed order: kind, name, id). State in the
 * URL: `hubs=d2:<id>,u1:<id>`.
 */
import { MORE_NODE_KIND, type LineageData, type LineageEdgeData, type LineageNodeData } from '../graph/elements.js';
import type { HopDirection } from './explore.js';

/** Children shown per page of a hub. */
export const HUB_PAGE = 25;
/** A hub is folded only when it hides at least this many: "3 more" would not be worth a tap. */
const MIN_HIDDEN = 15;
const HUB_PREFIX = 'hub:';

/** How many pages of a hub's leaves are shown (1 when absent). */
export interface HubSpec { anchor: string; direction: HopDirection; pages: number }

export function hubNodeId(anchor: string, direction: HopDirection): string {
  return `${HUB_PREFIX}${direction === 'UPSTREAM' ? 'up' : 'down'}:${anchor}`;
}

export function parseHubNodeId(id: string): Omit<HubSpec, 'pages'> | null {
  const match = /^hub:(up|down):(.+)$/.exec(id);
  return match ? { direction: match[1] === 'up' ? 'UPSTREAM' : 'DOWNSTREAM', anchor: match[2] } : null;
}

/** One more page of the hub `anchor` in `direction`. */
export function showMoreOfHub(specs: readonly HubSpec[], anchor: string, direction: HopDirection): HubSpec[] {
  const found = specs.some((s) => s.anchor === anchor && s.direction === direction);
  return found
    ? specs.map((s) => (s.anchor === anchor && s.direction === direction ? { ...s, pages: s.pages + 1 } : s))
    : [...specs, { anchor, direction, pages: 2 }];
}

/**
 * The answer with every hub's children beyond its shown pages replaced by one "N more" node. A child
 * of P is a node one hop further from the root whose only neighbour one hop nearer is P; hiding a
 * child hides what hangs only beneath it too (a job and the datasets it alone writes).
 */
export function foldHubs(data: LineageData, specs: readonly HubSpec[], page = HUB_PAGE): LineageData {
  const distance = new Map<string, number>([[data.root.id, 0], ...data.nodes.map((n) => [n.node.id, n.distance] as const)]);
  const nearer = nearerNeighbours(data, distance);
  const byId = new Map(data.nodes.map((n) => [n.node.id, n.node]));
  const hidden = new Set<string>();
  const extra: { node: LineageNodeData; distance: number }[] = [];
  const extraEdges: LineageEdgeData[] = [];
  for (const [key, children] of childGroups(data, distance, nearer)) {
    const [direction, anchor] = splitKey(key);
    const pages = specs.find((s) => s.anchor === anchor && s.direction === direction)?.pages ?? 1;
    const shown = pages * page;
    if (children.length - shown < MIN_HIDDEN) continue;
    const ordered = children.map((id) => byId.get(id)!).sort(cmp);
    for (const child of ordered.slice(shown)) hidden.add(child.id);
    const id = hubNodeId(anchor, direction);
    extra.push({ node: { id, kind: MORE_NODE_KIND, namespace: '', name: String(children.length - shown) }, distance: distance.get(anchor)! + 1 });
    extraEdges.push(direction === 'DOWNSTREAM' ? { kind: MORE_NODE_KIND, from: anchor, to: id } : { kind: MORE_NODE_KIND, from: id, to: anchor });
  }
  if (!hidden.size) return data;
  // Further out, a node goes with its nearer neighbours when all of them are hidden.
  for (const n of [...data.nodes].sort((a, b) => a.distance - b.distance)) {
    const parents = nearer.get(n.node.id);
    if (!hidden.has(n.node.id) && parents?.size && [...parents].every((p) => hidden.has(p))) hidden.add(n.node.id);
  }
  return {
    root: data.root,
    nodes: [...data.nodes.filter((n) => !hidden.has(n.node.id)), ...extra],
    edges: [...data.edges.filter((e) => !hidden.has(e.from) && !hidden.has(e.to)), ...extraEdges],
  };
}

/** Each node's neighbours one hop nearer the root. */
function nearerNeighbours(data: LineageData, distance: ReadonlyMap<string, number>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of data.edges) {
    for (const [far, near] of [[e.to, e.from], [e.from, e.to]] as const) {
      if (distance.get(far) !== (distance.get(near) ?? NaN) + 1) continue;
      if (!out.has(far)) out.set(far, new Set());
      out.get(far)!.add(near);
    }
  }
  return out;
}

/** `direction|anchor` → the nodes whose only nearer neighbour is anchor, on that side of it. */
function childGroups(data: LineageData, distance: ReadonlyMap<string, number>, nearer: ReadonlyMap<string, Set<string>>): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const e of data.edges) {
    for (const [child, anchor, direction] of [[e.to, e.from, 'DOWNSTREAM'], [e.from, e.to, 'UPSTREAM']] as const) {
      const parents = nearer.get(child);
      if (child === data.root.id || !parents || parents.size !== 1 || !parents.has(anchor)) continue;
      if (distance.get(child) !== distance.get(anchor)! + 1) continue;
      const key = `${direction}|${anchor}`;
      if (!groups.has(key)) groups.set(key, new Set());
      groups.get(key)!.add(child);
    }
  }
  return new Map([...groups].map(([k, v]) => [k, [...v]]));
}

function splitKey(key: string): [HopDirection, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at) as HopDirection, key.slice(at + 1)];
}

function cmp(a: LineageNodeData, b: LineageNodeData): number {
  return a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
