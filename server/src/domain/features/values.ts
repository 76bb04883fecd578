/**
 * Feature values: rows a client writes, checked against the group's schema and turned into store rows
 * (one per value, schema/clickhouse/007_feature_values.sql), and store rows read back as typed values.
 * Pure: no store.
 */
import { badInput } from '../errors.js';
import type { FeatureGroup, FeatureSpec } from './groups.js';

/** The largest finite float32, what a FLOAT_VECTOR holds. */
const FLOAT32_MAX = 3.4028234663852886e38;

export const MAX_ROWS = 10_000;
export const MAX_VALUES = 200_000;
export const MAX_STRING = 65_536;
const MAX_ENTITY_ID = 1024;
/** Event times are refused past this far ahead of the server's clock (a clock or unit error, e.g. microseconds). */
const MAX_FUTURE_MS = 86_400_000;
const MIN_TIME_MS = Date.UTC(1970, 0, 1);
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export type FeatureValue = number | string | boolean | number[] | null;

export interface FeatureRowInput {
  entityId: string;
  /** When the values were true (ISO-8601 or Date); default: the time of the write. */
  eventTime?: string | Date | null;
  /** Feature name → value (null: the value is unknown from this time on). */
  values: Record<string, unknown>;
}

/** One stored value (a row of feature_values). */
export interface ValueRow {
  tenant_id: string; group_id: string; entity_id: string; feature: string; event_time: string; written_at: string;
  is_null: boolean; int: string; num: number; str: string; vec: number[];
}

/** A row as read back (int as an exact string, 64-bit integers quoted; the event time as epoch milliseconds). */
export interface StoredValue { feature: string; event_ms: string | number; is_null: boolean | number; int: string | number; num: number | string; str: string; vec: (number | string)[] }

/**
 * Checks every row against the group and returns the store rows, one per value; the first bad value
 * is named (`rows[3].values.age`) and nothing is written. Within one write, the same entity,
 * feature and event time given twice keeps the last.
 */
export function valueRows(tenant: string, group: FeatureGroup, rows: FeatureRowInput[], nowMs: number, writtenAt: string): ValueRow[] {
  if (!Array.isArray(rows) || rows.length === 0) throw badInput('rows', 'at least one row is required');
  if (rows.length > MAX_ROWS) throw badInput('rows', `at most ${MAX_ROWS} rows per write (got ${rows.length}); split the write`);
  const specs = new Map(group.features.map((f) => [f.name, f]));
  const out = new Map<string, ValueRow>();
  rows.forEach((row, i) => {
    const at = `rows[${i}]`;
    const entity = checkEntityId(`${at}.entityId`, row?.entityId);
    const eventTime = checkEventTime(`${at}.eventTime`, row.eventTime, nowMs);
    const values = row.values;
    if (values === null || typeof values !== 'object' || Array.isArray(values)) throw badInput(`${at}.values`, 'must be an object of feature name → value');
    const names = Object.keys(values);
    if (names.length === 0) throw badInput(`${at}.values`, 'give at least one feature value');
    for (const name of names) {
      const spec = specs.get(name);
      if (!spec) throw badInput(`${at}.values.${name}`, `not a feature of ${group.namespace}/${group.name} (features: ${[...specs.keys()].slice(0, 20).join(', ')})`);
      const typed = typedColumns(`${at}.values.${name}`, spec, values[name]);
      out.set(`${entity}\u0000${name}\u0000${eventTime}`, {
        tenant_id: tenant, group_id: group.id, entity_id: entity, feature: name, event_time: eventTime, written_at: writtenAt, ...typed,
      });
    }
  });
  if (out.size > MAX_VALUES) throw badInput('rows', `at most ${MAX_VALUES} values per write (got ${out.size}); split the write`);
  return [...out.values()];
}

export function checkEntityId(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ENTITY_ID) throw badInput(field, `must be a string of 1-${MAX_ENTITY_ID} characters`);
  if (value.includes('\u0000')) throw badInput(field, 'must not contain the NUL character');
  return value;
}

/** An ISO time with milliseconds (the store's precision); `undefined`: now. */
export function checkEventTime(field: string, value: string | Date | null | undefined, nowMs: number): string {
  if (value === undefined || value === null) return new Date(nowMs).toISOString();
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw badInput(field, 'must be an ISO-8601 date-time');
  if (ms < MIN_TIME_MS) throw badInput(field, 'must be after 1970-01-01');
  if (ms > nowMs + MAX_FUTURE_MS) throw badInput(field, `is more than a day ahead of the server's clock (${new Date(nowMs).toISOString()})`);
  return new Date(ms).toISOString();
}

type Columns = Pick<ValueRow, 'is_null' | 'int' | 'num' | 'str' | 'vec'>;
const EMPTY: Columns = { is_null: false, int: '0', num: 0, str: '', vec: [] };

function typedColumns(field: string, spec: FeatureSpec, v: unknown): Columns {
  if (v === null) return { ...EMPTY, is_null: true };
  switch (spec.type) {
    case 'INT64': return { ...EMPTY, int: checkInt(field, v) };
    case 'BOOL':
      if (typeof v !== 'boolean') throw badInput(field, `must be true, false or null (BOOL), got ${describe(v)}`);
      return { ...EMPTY, int: v ? '1' : '0' };
    case 'FLOAT64':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw badInput(field, `must be a finite number or null (FLOAT64), got ${describe(v)}`);
      return { ...EMPTY, num: v };
    case 'STRING':
      if (typeof v !== 'string') throw badInput(field, `must be a string or null (STRING), got ${describe(v)}`);
      if (v.length > MAX_STRING) throw badInput(field, `must be at most ${MAX_STRING} characters`);
      return { ...EMPTY, str: v };
    case 'FLOAT_VECTOR':
      if (!Array.isArray(v) || v.length !== spec.dimension) throw badInput(field, `must be an array of ${spec.dimension} numbers (FLOAT_VECTOR), got ${Array.isArray(v) ? `${v.length}` : describe(v)}`);
      // Stored as float32: beyond its range a number would be kept as 0 (ClickHouse's conversion), not refused.
      v.forEach((x, i) => { if (typeof x !== 'number' || !Number.isFinite(x) || Math.abs(x) > FLOAT32_MAX) throw badInput(`${field}[${i}]`, `must be a finite number within float32's range (±3.4e38), got ${describe(x)}`); });
      return { ...EMPTY, vec: v as number[] };
    default: {
      const never: never = spec.type;
      throw new Error(`unknown feature type ${String(never)}`);
    }
  }
}

/** An exact Int64 as text: a safe JS integer, or a string of digits (beyond 2^53). */
function checkInt(field: string, v: unknown): string {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'string' && /^-?\d{1,19}$/.test(v)) {
    const n = BigInt(v);
    if (n >= INT64_MIN && n <= INT64_MAX) return n.toString();
  }
  throw badInput(field, `must be an integer (INT64: a number up to 2^53, or a string of digits up to 2^63 - 1) or null, got ${describe(v)}`);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return typeof v === 'object' ? 'an object' : String(v);
}

/** A stored value as the feature's type: INT64 a number (a string beyond 2^53), BOOL a boolean, FLOAT_VECTOR numbers. */
export function decodeValue(spec: FeatureSpec, row: StoredValue): FeatureValue {
  if (row.is_null === true || row.is_null === 1) return null;
  switch (spec.type) {
    case 'INT64': {
      const n = Number(row.int);
      return Number.isSafeInteger(n) ? n : String(row.int);
    }
    case 'BOOL': return Number(row.int) !== 0;
    case 'FLOAT64': return Number(row.num);
    case 'STRING': return row.str;
    case 'FLOAT_VECTOR': return row.vec.map(Number);
    default: {
      const never: never = spec.type;
      throw new Error(`unknown feature type ${String(never)}`);
    }
  }
}
