/** How many nodes of each kind a view holds, most first (pure; "N more" placeholders are not counted). */
import type { LineageData } from '../graph/elements.js';
import { MORE_KIND } from './explore.js';

export function kindCounts(data: LineageData): Array<{ kind: string; count: number }> {
  const counts = new Map<string, number>([[data.root.kind, 1]]);
  for (const { node } of data.nodes) {
    if (node.kind === MORE_KIND || node.id === data.root.id) continue;
    counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

/** Toggles `kind` in the filter; an empty filter means every kind. */
export function toggleKind(kinds: readonly string[], kind: string): string[] {
  return kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind].sort();
}
