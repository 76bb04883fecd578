/** The impact answer as tables (pure): totals per kind, and a kind × distance matrix. */
export interface ImpactGroupData { kind: string; distance: number; count: number }

export interface ImpactSummary {
  byKind: Array<{ kind: string; count: number }>;
  distances: number[];
  /** kind → distance → count */
  matrix: Map<string, Map<number, number>>;
}

export function summariseImpact(groups: readonly ImpactGroupData[]): ImpactSummary {
  const matrix = new Map<string, Map<number, number>>();
  const distances = new Set<number>();
  for (const g of groups) {
    distances.add(g.distance);
    const row = matrix.get(g.kind) ?? matrix.set(g.kind, new Map()).get(g.kind)!;
    row.set(g.distance, (row.get(g.distance) ?? 0) + g.count);
  }
  const byKind = [...matrix].map(([kind, row]) => ({ kind, count: [...row.values()].reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  return { byKind, distances: [...distances].sort((a, b) => a - b), matrix };
}
