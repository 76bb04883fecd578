import type { LineageCount, NodeKind } from '../domain/model.js';

/**
 * Engine-neutral: fold the per-direction count rows (each direction counted up to cap + 1) into a
 * LineageCount. One direction's rows are counts (`kind`, `distance`, `count`); BOTH's are nodes
 * (`ref`, `kind`, `distance`), merged so a node found both ways counts once, at its shorter distance.
 */
export function aggregateCounts(perDirection: Record<string, unknown>[][], cap: number): LineageCount {
  const byKind = new Map<string, number>();
  const byDistance = new Map<number, number>();
  const add = (kind: string, distance: number, c: number) => {
    byKind.set(kind, (byKind.get(kind) ?? 0) + c);
    byDistance.set(distance, (byDistance.get(distance) ?? 0) + c);
  };
  const capped = perDirection.some((rows) => rows.reduce((n, r) => n + Number(r.count ?? 1), 0) > cap);
  if (perDirection.length === 1) {
    for (const r of perDirection[0]) add(String(r.kind), Number(r.distance), Number(r.count));
  } else {
    const nodes = new Map<string, { kind: string; distance: number }>();
    for (const r of perDirection.flat()) {
      const seen = nodes.get(String(r.ref));
      if (!seen || seen.distance > Number(r.distance)) nodes.set(String(r.ref), { kind: String(r.kind), distance: Number(r.distance) });
    }
    for (const { kind, distance } of nodes.values()) add(kind, distance, 1);
  }
  const total = Math.min([...byKind.values()].reduce((a, b) => a + b, 0), cap * perDirection.length);
  return {
    total, capped,
    byKind: [...byKind].map(([kind, count]) => ({ kind: kind as NodeKind, count })).sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)),
    byDistance: [...byDistance].map(([distance, count]) => ({ distance, count })).sort((a, b) => a.distance - b.distance),
  };
}
