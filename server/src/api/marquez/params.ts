import { badInput } from '../../domain/errors.js';
import { MAX_LINEAGE_DEPTH } from '../../domain/model.js';

export type Query = Record<string, unknown>;

export const MAX_PAGE = 1000;
const MAX_OFFSET = 1_000_000;
/** Marquez's default lineage depth. */
const DEFAULT_DEPTH = 20;

function one(q: Query, name: string): string | undefined {
  const raw = q[name];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badInput(name, 'must be given once');
  return raw;
}

export function intParam(q: Query, name: string, def: number, min: number, max: number): number {
  const raw = one(q, name);
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || n < min || n > max) throw badInput(name, `must be an integer ${min}..${max}`);
  return n;
}

export function boolParam(q: Query, name: string, def: boolean): boolean {
  const raw = one(q, name)?.toLowerCase();
  if (raw === undefined) return def;
  if (raw !== 'true' && raw !== 'false') throw badInput(name, 'must be true or false');
  return raw === 'true';
}

/** One of `values`, case-insensitive (Marquez clients send `dataset` as well as `DATASET`). */
export function enumParam<T extends string>(q: Query, name: string, values: readonly T[], def: T | null): T | null {
  const raw = one(q, name)?.toUpperCase();
  if (raw === undefined) return def;
  if (!values.includes(raw as T)) throw badInput(name, `must be one of ${values.join(', ')}`);
  return raw as T;
}

export function stringParam(q: Query, name: string, opts: { required?: boolean; max?: number } = {}): string | null {
  const raw = one(q, name);
  if (raw === undefined) {
    if (opts.required) throw badInput(name, 'is required');
    return null;
  }
  if (raw.length > (opts.max ?? 1024)) throw badInput(name, `must be at most ${opts.max ?? 1024} characters`);
  return raw;
}

export const page = (q: Query) => ({ limit: intParam(q, 'limit', 100, 1, MAX_PAGE), offset: intParam(q, 'offset', 0, 0, MAX_OFFSET) });

/**
 * Marquez counts table-level depth in jobs (dataset → job → dataset is one step), Loom in edges;
 * a depth beyond Loom's maximum traversal is cut to it.
 */
export const tableDepth = (q: Query) => Math.min(MAX_LINEAGE_DEPTH, Math.max(1, 2 * intParam(q, 'depth', DEFAULT_DEPTH, 0, 1000)));
/** Column-level depth: one field → field derivation per step, in Marquez and in Loom. */
export const columnDepth = (q: Query) => Math.min(MAX_LINEAGE_DEPTH, Math.max(1, intParam(q, 'depth', DEFAULT_DEPTH, 0, 1000)));

/** A table-level node id: `dataset:<namespace>:<name>` or `job:<namespace>:<name>` (Marquez's and Loom's scheme alike). */
export function tableNodeId(q: Query): string {
  const id = stringParam(q, 'nodeId', { required: true, max: 4096 })!;
  if (!/^(dataset|job):.+:.+/.test(id)) throw badInput('nodeId', 'must be dataset:<namespace>:<name> or job:<namespace>:<name>');
  return id;
}

/**
 * A column-level node id as Loom ids to try: a dataset or job id as is (a job's column lineage is its
 * output datasets' fields', as in Marquez); `datasetField:<ns>:<dataset>:<field>`
 * as `field:<ns>:<dataset>#<field>`, for each place the field name may start (namespaces and dataset
 * names contain colons), the likeliest (a field name without a colon) first.
 */
export function columnNodeIds(q: Query): string[] {
  const id = stringParam(q, 'nodeId', { required: true, max: 4096 })!;
  if (/^(dataset|job):.+:.+/.test(id)) return [id];
  const m = /^datasetField:(.+:.+)$/.exec(id);
  if (!m) throw badInput('nodeId', 'must be dataset:<namespace>:<name>, datasetField:<namespace>:<dataset>:<field> or job:<namespace>:<name>');
  const rest = m[1];
  const ids: string[] = [];
  for (let at = rest.lastIndexOf(':'); at > 0 && ids.length < 20; at = rest.lastIndexOf(':', at - 1)) {
    const [prefix, field] = [rest.slice(0, at), rest.slice(at + 1)];
    if (prefix.includes(':') && field) ids.push(`field:${prefix}#${field}`);
  }
  if (!ids.length) throw badInput('nodeId', 'must be datasetField:<namespace>:<dataset>:<field>');
  return ids;
}

/**
 * Marquez's search pattern: case-insensitive, `%` any run of characters, `_` one character, matched
 * anywhere in a name. `piece`, the longest literal part, narrows the store's substring search first
 * (with none, as for `%`, ':' which every id contains).
 */
export function namePattern(q: string): { piece: string; pattern: RegExp } {
  const piece = q.split(/[%_]/).sort((a, b) => b.length - a.length)[0] || ':';
  const source = q.split('').map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return { piece, pattern: new RegExp(source, 'i') };
}
