/** Input checks shared by the registry services: each failure names the field and the reason. */
import { badInput } from '../errors.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,127}$/;
const LABEL = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const KEY = /^[A-Za-z0-9_.\-/ :]{1,250}$/;

/** Model, prompt and experiment names: 1-128 of letters, digits, `_ . - /`, starting with a letter or digit. */
export function checkName(field: string, value: string): string {
  if (typeof value !== 'string' || !NAME.test(value)) {
    throw badInput(field, 'must be 1-128 characters of letters, digits, "_", ".", "-" or "/", starting with a letter or digit');
  }
  return value;
}

/** Aliases and prompt labels: lower-case, 1-63 of a-z, 0-9, `_`, `-`. */
export function checkLabel(field: string, value: string): string {
  if (typeof value !== 'string' || !LABEL.test(value)) throw badInput(field, 'must be 1-63 characters of a-z, 0-9, "_" or "-", starting with a letter or digit');
  return value;
}

/** Metric, param and tag keys (MLflow's rules: up to 250 of letters, digits, `_ - . / :` and space). */
export function checkKey(field: string, value: string): string {
  if (typeof value !== 'string' || !KEY.test(value)) throw badInput(field, 'must be 1-250 characters of letters, digits, "_", "-", ".", "/", ":" or space');
  return value;
}

export function checkText(field: string, value: string | null | undefined, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badInput(field, 'must be a string');
  if (value.length > max) throw badInput(field, `must be at most ${max} characters`);
  return value;
}

export function checkCount(field: string, items: readonly unknown[] | null | undefined, max: number): void {
  if (items && items.length > max) throw badInput(field, `at most ${max} per call (got ${items.length})`);
}

/** The highest version number of a model or prompt (the API's Int takes it; numbering stops there). */
export const MAX_VERSION = 1_000_000_000;

export function checkVersion(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_VERSION) throw badInput(field, `must be an integer from 1 to ${MAX_VERSION.toLocaleString('en')}`);
  return value;
}

/** The version after `latest`, when none is given: refused past MAX_VERSION (the versions made so far stay manageable). */
export function nextVersion(field: string, latest: number): number {
  if (latest >= MAX_VERSION) throw badInput(field, `the highest version, ${MAX_VERSION.toLocaleString('en')}, is taken: give a free lower one`);
  return latest + 1;
}

export function checkPaging(first: number, offset: number, max = 500): void {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badInput('first', `must be an integer 1..${max}`);
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'must be a non-negative integer');
}

/** An ISO-8601 UTC time from a Date or string; undefined stays undefined. */
/** The last millisecond of year 9999: later times have no four-digit year (`+010000-…`), which the stores refuse. */
export const LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function isoTime(field: string, value: Date | string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw badInput(field, 'must be a date-time');
  if (d.getTime() < 0 - 62_167_219_200_000 || d.getTime() > LAST_MS) throw badInput(field, 'must be a date-time in the years 0000 to 9999');
  return d.toISOString();
}

/** Tags as `{key, value}` pairs → props under `prefix.` (a null value removes the tag). */
export function tagProps(field: string, tags: readonly { key: string; value?: string | null }[] | null | undefined, prefix = 'tag'): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  checkCount(field, tags, 100);
  (tags ?? []).forEach((t, i) => {
    checkKey(`${field}[${i}].key`, t.key);
    const value = checkText(`${field}[${i}].value`, t.value, 5000);
    out[`${prefix}.${t.key}`] = value ?? null;
  });
  return out;
}

/** The `prefix.<key>` props of a node as sorted `{key, value}` pairs. */
export function prefixed<T = unknown>(props: Record<string, unknown>, prefix: string): { key: string; value: T }[] {
  const p = `${prefix}.`;
  return Object.keys(props).filter((k) => k.startsWith(p)).sort().map((k) => ({ key: k.slice(p.length), value: props[k] as T }));
}
