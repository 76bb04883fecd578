import type { Props } from '../../domain/model.js';
import type { Facets } from './marquez.types.js';

/** The facets kept as `<prefix><name>` props, verbatim (tombstoned ones are already gone from reads). */
export function facetsOf(props: Props, prefixes: readonly string[] = ['facets.']): Facets {
  const out: Facets = {};
  for (const [key, value] of Object.entries(props)) {
    const prefix = prefixes.find((p) => key.startsWith(p));
    if (prefix && value !== null && value !== undefined) out[key.slice(prefix.length)] = value;
  }
  return out;
}

export const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** An ISO-8601 time with a zone, or null (producers send zone-less times: read as UTC, as ingest does). */
export function iso(v: unknown): string | null {
  if (typeof v !== 'string' || !v) return null;
  const ms = Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(v) ? v : `${v}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
