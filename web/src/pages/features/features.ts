/** Pure helpers of the feature store page. */

/** Entity ids typed by a person: separated by commas, spaces or lines; each once, in order; at most `max`. */
export function parseEntityIds(text: string, max = 100): string[] {
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))].slice(0, max);
}

/** A feature value as text: numbers as they are, vectors shortened past `maxItems` components. */
export function valueText(value: unknown, maxItems = 6): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) {
    const shown = value.slice(0, maxItems).map((v) => (typeof v === 'number' ? Number(v.toPrecision(4)) : v)).join(', ');
    return `[${shown}${value.length > maxItems ? `, … (${value.length})` : ''}]`;
  }
  return typeof value === 'string' ? value : String(value);
}

/** A feature's type as declared: FLOAT_VECTOR with its dimension. */
export const typeText = (type: string, dimension: number | null | undefined) => (type === 'FLOAT_VECTOR' && dimension ? `FLOAT_VECTOR(${dimension})` : type);

/** A duration in seconds, in the largest whole unit (days, hours, minutes, seconds). */
export function ttlText(seconds: number): string {
  for (const [unit, s] of [['d', 86_400], ['h', 3600], ['min', 60]] as const) if (seconds % s === 0) return `${seconds / s} ${unit}`;
  return `${seconds} s`;
}
