/**
 * A node's lineage over time, from its edges' validity (the server derives it from the whole history:
 * validFrom, validTo and the gaps between): when it started and stopped reading or writing a dataset,
 * and read it again; when a dataset's column was dropped and added back. Pure.
 */

export type Relation = 'reads' | 'writes' | 'readBy' | 'writtenBy' | 'column';
export type Change = 'started' | 'stopped' | 'again';
export interface HistoryEdge { kind: string; from: string; to: string; validFrom: string; validTo?: string | null; gaps?: readonly { from: string; to: string }[] | null }
export interface LineageChange { at: string; change: Change; relation: Relation; other: { id: string; kind: string; name: string } }

/** What an edge of `self` is to it, or null for edges this history does not tell. */
export function relationOf(selfId: string, edge: Pick<HistoryEdge, 'kind' | 'from' | 'to'>): Relation | null {
  const out = edge.from === selfId;
  if (edge.kind === 'INPUT_TO') return out ? 'readBy' : 'reads';
  if (edge.kind === 'OUTPUT') return out ? 'writes' : 'writtenBy';
  if (edge.kind === 'HAS_FIELD' && out) return 'column';
  return null;
}

/**
 * Every change of `self`'s reads, writes and columns, newest first (then by name). Edges that have held
 * since `self`'s first sighting (`since`: the earliest validFrom when not given) start nothing worth
 * listing: a node's first event names what it then read, wrote and had.
 */
export function lineageChanges(
  selfId: string,
  items: readonly { edge: HistoryEdge; node: { id: string; kind: string; name: string } }[],
  since?: string,
): LineageChange[] {
  const relevant = items.map((i) => ({ ...i, relation: relationOf(selfId, i.edge) })).filter((i) => i.relation !== null && i.node.kind !== 'Feature');
  const first = since ?? relevant.map((i) => i.edge.validFrom).sort()[0];
  const out: LineageChange[] = [];
  for (const { edge, node, relation } of relevant) {
    const other = { id: node.id, kind: node.kind, name: node.name };
    const push = (at: string, change: Change) => out.push({ at, change, relation: relation!, other });
    if (edge.validFrom > first) push(edge.validFrom, 'started');
    for (const g of edge.gaps ?? []) {
      push(g.from, 'stopped');
      push(g.to, 'again');
    }
    if (edge.validTo) push(edge.validTo, 'stopped');
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.other.name.localeCompare(b.other.name)));
}
