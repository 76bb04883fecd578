/**
 * A node's lineage over time, from its edges' validity (derived from the whole history: validFrom,
 * validTo and the gaps between, see openlineage/edge-history.ts): when a job started and stopped
 * reading or writing a dataset, and read it again; when a dataset's column was dropped and added back;
 * when the node itself was dropped and created again (its own validity and gaps). Pure.
 */
import type { GraphEdge, GraphNode } from './model.js';

export const LINEAGE_RELATIONS = ['READS', 'WRITES', 'READ_BY', 'WRITTEN_BY', 'COLUMN', 'ITSELF'] as const;
export type Relation = (typeof LINEAGE_RELATIONS)[number];
export const LINEAGE_CHANGES = ['STARTED', 'STOPPED', 'AGAIN'] as const;
export type Change = (typeof LINEAGE_CHANGES)[number];
/** The edge kinds whose history this tells. */
export const CHANGE_EDGE_KINDS = ['INPUT_TO', 'OUTPUT', 'HAS_FIELD'] as const;
type HistoryEdge = Pick<GraphEdge, 'kind' | 'from' | 'to' | 'validFrom' | 'validTo' | 'gaps'>;
export interface LineageChange<N extends Pick<GraphNode, 'id' | 'kind'> = GraphNode> { at: string; change: Change; relation: Relation; node: N }

/** What an edge of `self` is to it, or null for edges this history does not tell. */
export function relationOf(selfId: string, edge: Pick<HistoryEdge, 'kind' | 'from' | 'to'>): Relation | null {
  const out = edge.from === selfId;
  if (edge.kind === 'INPUT_TO') return out ? 'READ_BY' : 'READS';
  if (edge.kind === 'OUTPUT') return out ? 'WRITES' : 'WRITTEN_BY';
  if (edge.kind === 'HAS_FIELD' && out) return 'COLUMN';
  return null;
}

/**
 * Every change of `self`'s reads, writes and columns, and of `self` itself (`ITSELF`: STOPPED when
 * dropped, AGAIN when created again), newest first (then by name). Edges that have held since `self`'s
 * first sighting (the earliest validFrom, or `firstRunEnd` when later) start nothing worth listing: a
 * node's first event names what it then read, wrote and had, and a job's first run may name its outputs
 * only when it completes (`firstRunEnd`: that run's end). With `since`, only changes after it.
 */
export function lineageChanges<N extends Pick<GraphNode, 'id' | 'kind'>>(
  self: N & Pick<GraphNode, 'validTo' | 'gaps'>,
  items: readonly { edge: HistoryEdge; node: N }[],
  since?: string,
  firstRunEnd?: string | null,
): LineageChange<N>[] {
  const selfId = self.id;
  const relevant = items.map((i) => ({ ...i, relation: relationOf(selfId, i.edge) })).filter((i) => i.relation !== null && i.node.kind !== 'Feature');
  const earliest = relevant.map((i) => i.edge.validFrom).sort()[0];
  const first = since ?? (firstRunEnd && firstRunEnd > earliest ? firstRunEnd : earliest);
  const out: LineageChange<N>[] = [];
  for (const { edge, node, relation } of relevant) {
    const push = (at: string, change: Change) => out.push({ at, change, relation: relation!, node });
    if (edge.validFrom > first) push(edge.validFrom, 'STARTED');
    for (const g of edge.gaps ?? []) {
      push(g.from, 'STOPPED');
      push(g.to, 'AGAIN');
    }
    if (edge.validTo) push(edge.validTo, 'STOPPED');
  }
  for (const g of self.gaps ?? []) out.push({ at: g.from, change: 'STOPPED', relation: 'ITSELF', node: self }, { at: g.to, change: 'AGAIN', relation: 'ITSELF', node: self });
  if (self.validTo) out.push({ at: self.validTo, change: 'STOPPED', relation: 'ITSELF', node: self });
  return out.filter((c) => since === undefined || c.at > since).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
}
