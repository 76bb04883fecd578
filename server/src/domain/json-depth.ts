/**
 * How deep a parsed JSON value nests. Bodies nested thousands deep parse, pass checks that do not look
 * inside them, and then break whatever walks them recursively (JSON.stringify, a RangeError: a 500):
 * so they are refused up front, naming where.
 */

/** The path to the first object or array nested deeper than `limit` levels, or null; recursion never goes past `limit`. */
export function tooDeep(value: unknown, limit: number): PropertyKey[] | null {
  if (typeof value !== 'object' || value === null) return null;
  if (limit === 0) return [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const below = tooDeep(value[i], limit - 1);
      if (below) return [i, ...below];
    }
    return null;
  }
  for (const key in value) {
    const below = tooDeep((value as Record<string, unknown>)[key], limit - 1);
    if (below) return [key, ...below];
  }
  return null;
}

/** A path as field names read it: `run.facets.x[2].y`, or `(body)` for the whole. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(body)';
}
