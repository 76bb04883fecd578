/**
 * One hop of a node's lineage as an expansion page (pure). Used for time travel, where the lineage query
 * (which takes `asOf`) stands in for the current-only neighbours field. The lineage answer has no total
 * when cut at its node limit: `counted` (lineageCount's nodes at distance 1) gives it; without it, a
 * partial answer reports one more than it holds (an "N more" node stays).
 */
import type { ExpansionData, Neighbour } from './explore.js';
import type { LineageNodeData, LineageEdgeData } from '../graph/elements.js';

interface OneHop {
  nodes: ReadonlyArray<{ node: LineageNodeData; distance: number }>;
  edges: ReadonlyArray<LineageEdgeData>;
  isPartial: boolean;
}

export function hopFromLineage(lineage: OneHop, anchor: string, limit: number, counted: number | null = null): ExpansionData {
  const byId = new Map(lineage.nodes.filter((n) => n.distance === 1).map((n) => [n.node.id, n.node]));
  const items: Neighbour[] = [];
  const seen = new Set<string>();
  for (const edge of [...lineage.edges].sort((a, b) => (a.kind + other(a, anchor) < b.kind + other(b, anchor) ? -1 : 1))) {
    const id = other(edge, anchor);
    const node = byId.get(id);
    if (!node || seen.has(id) || (edge.from !== anchor && edge.to !== anchor)) continue;
    seen.add(id);
    items.push({ node, edge: { kind: edge.kind, from: edge.from, to: edge.to } });
  }
  const kept = items.slice(0, limit);
  if (!lineage.isPartial) return { items: kept, total: items.length };
  return { items: kept, total: counted !== null && counted > kept.length ? counted : Math.max(kept.length + 1, items.length) };
}

function other(edge: LineageEdgeData, anchor: string): string {
  return edge.from === anchor ? edge.to : edge.from;
}
