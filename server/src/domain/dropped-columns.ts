import type { GraphStore } from './ports/GraphStore.js';
import { notEndedAt, type Direction, type GraphEdge, type GraphNode, type LineageResult } from './model.js';

/**
 * Column lineage without the columns of datasets dropped (now, or at `asOf`): a column is a node of its
 * own that its dataset's drop does not end, so a walk over field → field edges went on through it,
 * where table lineage stops at the dropped dataset. What is left is what the walk reaches without
 * them, over the answer's edges, at its distance then (within `depth`); the seeds (distance 0) stay.
 * A root that is a dropped dataset or one of its columns answers with no lineage.
 */
export async function withoutDroppedColumns(graph: GraphStore, tenant: string, res: LineageResult, direction: Direction, depth: number, asOf?: string): Promise<LineageResult> {
  const datasetOf = (n: GraphNode) => (n.kind === 'Field' && typeof n.props.dataset === 'string' ? n.props.dataset : n.kind === 'Dataset' ? n.id : null);
  const ids = [...new Set([res.root, ...res.nodes.map((n) => n.node)].map(datasetOf).filter((id): id is string => id !== null))];
  if (!ids.length) return res;
  const dropped = new Set((await graph.getNodes(tenant, ids)).filter((d) => d && (asOf === undefined ? d.validTo !== null : !notEndedAt(d, asOf))).map((d) => d!.id));
  // A root in a dropped dataset answers without lineage, as a dropped root does in table lineage.
  if (dropped.has(datasetOf(res.root) ?? '')) return { ...res, nodes: [], edges: [] };
  const gone = new Set(res.nodes.filter((n) => n.node.kind === 'Field' && dropped.has(datasetOf(n.node) ?? '')).map((n) => n.node.id));
  if (!gone.size) return res;
  const edges = res.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to));
  const starts = [res.root.id, ...res.nodes.filter((n) => n.distance === 0 && !gone.has(n.node.id)).map((n) => n.node.id)];
  const reached = new Map<string, number>();
  for (const way of direction === 'BOTH' ? (['UPSTREAM', 'DOWNSTREAM'] as const) : [direction]) {
    for (const [id, d] of distances(starts, edges, way, depth)) reached.set(id, Math.min(d, reached.get(id) ?? d));
  }
  const nodes = res.nodes.filter((n) => reached.has(n.node.id)).map((n) => ({ ...n, distance: reached.get(n.node.id)! }))
    .sort((a, b) => a.distance - b.distance || (a.node.id < b.node.id ? -1 : 1));
  const kept = new Set([res.root.id, ...nodes.map((n) => n.node.id)]);
  return { ...res, nodes, edges: edges.filter((e) => kept.has(e.from) && kept.has(e.to)) };
}

/** Breadth-first distances from `starts` (0) over `edges` one way, up to `depth`. */
function distances(starts: readonly string[], edges: readonly GraphEdge[], way: 'UPSTREAM' | 'DOWNSTREAM', depth: number): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const [a, b] = way === 'DOWNSTREAM' ? [e.from, e.to] : [e.to, e.from];
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const dist = new Map(starts.map((s) => [s, 0]));
  let frontier = [...starts];
  for (let d = 1; d <= depth && frontier.length; d++) {
    frontier = frontier.flatMap((x) => next.get(x) ?? []).filter((y) => !dist.has(y));
    for (const y of frontier) dist.set(y, d);
  }
  return dist;
}
