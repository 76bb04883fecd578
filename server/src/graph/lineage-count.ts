import type { LineageCount, NodeKind } from '../domain/model.js';

/**
 * Engine-neutral: fold the per-direction count rows (`kind`, `distance`, `count`, each direction
 * counted up to cap + 1) into a LineageCount. BOTH sums the two directions.
 */
export function aggregateCounts(perDirection: Record<string, unknown>[][], cap: number): LineageCount {
  const byKind = new Map<string, number>();
  const byDistance = new Map<number, number>();
  let capped = false;
  for (const rows of perDirection) {
    let n = 0;
    for (const r of rows) {
      const c = Number(r.count);
      n += c;
      byKind.set(String(r.kind), (byKind.get(String(r.kind)) ?? 0) + c);
      byDistance.set(Number(r.distance), (byDistance.get(Number(r.distance)) ?? 0) + c);
    }
    if (n > cap) capped = true;
  }
  const total = Math.min([...byKind.values()].reduce((a, b) => a + b, 0), cap * perDirection.length);
  return {
    total, capped,
    byKind: [...byKind].map(([kind, count]) => ({ kind: kind as NodeKind, count })).sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)),
    byDistance: [...byDistance].map(([distance, count]) => ({ distance, count })).sort((a, b) => a.distance - b.distance),
  };
}
