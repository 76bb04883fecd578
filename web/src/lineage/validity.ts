/** A node's validity as the map reads it (pure). */

/** When the node did not exist at `asOf` (ended by then, or inside one of its gaps): from when, and until when if it came back. */
export function goneAt(node: { validTo?: string | null; gaps?: readonly { from: string; to: string }[] }, asOf: string | null): { from: string; to: string | null } | null {
  if (!asOf) return null;
  const t = new Date(asOf).toISOString();
  if (node.validTo && node.validTo <= t) return { from: node.validTo, to: null };
  const gap = node.gaps?.find((g) => g.from <= t && t < g.to);
  return gap ? { from: gap.from, to: gap.to } : null;
}
