import type { OtlpAnyValue, OtlpKeyValue } from './otlp.types.js';

/** An OTLP attribute value as a plain JS value (ints beyond 2^53 stay decimal strings). */
export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };
export type Attrs = Record<string, AttrValue>;

/** The stored type of a non-string attribute value, so the typed value can be recovered from its text. */
export type AttrType = 'int' | 'double' | 'bool' | 'array' | 'kvlist' | 'bytes' | 'empty';

/** Attributes as ClickHouse stores them: text values, plus the OTLP type of every value that was not a string. */
export interface StoredAttrs { values: Record<string, string>; types: Record<string, AttrType> }

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Arrays and key/value lists nested deeper than this are cut (a hostile body cannot exhaust the stack). */
export const MAX_ATTR_DEPTH = 32;

/** An int64 attribute value: a number when exact, else its decimal text. */
export function int64(v: string | number): number | string {
  if (typeof v === 'number') return Math.trunc(v);
  try {
    const b = BigInt(v);
    return b <= MAX_SAFE && b >= -MAX_SAFE ? Number(b) : b.toString();
  } catch {
    return v;
  }
}

/** One AnyValue as a plain value and its type (undefined type: a string or an empty value). */
export function anyValue(v: OtlpAnyValue | undefined, depth = 0): { value: AttrValue; type?: AttrType } {
  if (!v || depth > MAX_ATTR_DEPTH) return { value: null };
  if (v.stringValue !== undefined) return { value: v.stringValue };
  if (v.intValue !== undefined) return { value: int64(v.intValue), type: 'int' };
  if (v.doubleValue !== undefined) return { value: Number(v.doubleValue), type: 'double' };
  if (v.boolValue !== undefined) return { value: v.boolValue, type: 'bool' };
  if (v.arrayValue !== undefined) {
    const values = Array.isArray(v.arrayValue?.values) ? v.arrayValue.values : [];
    return { value: values.map((x) => anyValue(x, depth + 1).value), type: 'array' };
  }
  if (v.kvlistValue !== undefined) return { value: toAttrs(v.kvlistValue?.values, depth + 1), type: 'kvlist' };
  if (v.bytesValue !== undefined) return { value: v.bytesValue, type: 'bytes' };
  return { value: null };
}

/** Key/value list → record (a repeated key: the last one wins, as OTel SDKs do). */
export function toAttrs(kvs: OtlpKeyValue[] | undefined, depth = 0): Attrs {
  const out: Attrs = {};
  if (Array.isArray(kvs)) for (const kv of kvs) if (typeof kv?.key === 'string') out[kv.key] = anyValue(kv.value, depth).value;
  return out;
}

/** Attributes read: the typed values (what the LLM normalisation reads) and their stored text form. */
export interface ReadAttrs { attrs: Attrs; stored: StoredAttrs }

export const emptyAttrs = (): ReadAttrs => ({ attrs: {}, stored: { values: {}, types: {} } });

/** Adds one attribute (a repeated key: the last one wins, as OTel SDKs do). */
export function putAttr(into: ReadAttrs, key: string, value: AttrValue, type: AttrType | undefined): void {
  into.attrs[key] = value;
  into.stored.values[key] = attrText(value);
  if (type) into.stored.types[key] = type;
  else if (value === null) into.stored.types[key] = 'empty'; // an AnyValue with no value: read back as null, not as ""
  else if (into.stored.types[key] !== undefined) delete into.stored.types[key]; // a delete would turn the object slow for every later key
}

/** Key/value list → typed record and its stored text form, in one pass. */
export function readAttrs(kvs: OtlpKeyValue[] | undefined): ReadAttrs {
  const out = emptyAttrs();
  if (!Array.isArray(kvs)) return out;
  for (const kv of kvs) {
    if (typeof kv?.key !== 'string') continue;
    const { value, type } = anyValue(kv.value);
    putAttr(out, kv.key, value, type);
  }
  return out;
}

/** The text ClickHouse keeps for a value: strings as they are, everything else as JSON. */
export function attrText(value: AttrValue): string {
  return typeof value === 'string' ? value : value === null ? '' : JSON.stringify(value);
}

/** Inverse of attrText for a value stored with its type. */
export function parseStored(text: string, type: AttrType | undefined): AttrValue {
  if (type === 'empty') return null;
  if (!type || type === 'bytes') return text;
  if (type === 'int') return int64(text);
  try {
    return JSON.parse(text) as AttrValue;
  } catch {
    return text;
  }
}

/**
 * Under this key a stored attribute map without a types column of its own (a span's resource, events
 * and links) keeps the OTLP types of its values (JSON), so they read back typed as a span's own do.
 */
const TYPES_KEY = '\u0000types';

/** Attributes to store in a map of their own, their types inside it (see TYPES_KEY). */
export function typedMap(stored: StoredAttrs): Record<string, string> {
  for (const _ in stored.types) return { ...stored.values, [TYPES_KEY]: JSON.stringify(stored.types) };
  return stored.values;
}

/** A map stored by typedMap (or before it, untyped) back to typed values. */
export function fromTypedMap(map: Record<string, string>): Attrs {
  const { [TYPES_KEY]: types, ...values } = map;
  let parsed: Record<string, string> = {};
  try { if (types) parsed = JSON.parse(types) as Record<string, string>; } catch { /* stored by us: never */ }
  return storedToAttrs(values, parsed);
}

/** Stored attributes back to typed values (for the API). */
export function storedToAttrs(values: Record<string, string>, types: Record<string, string>): Attrs {
  const out: Attrs = {};
  for (const k of Object.keys(values).sort()) out[k] = parseStored(values[k], types[k] as AttrType | undefined);
  return out;
}

/** A string attribute, or undefined (numbers are turned into text; empty strings count as missing). */
export function str(attrs: Attrs, key: string): string | undefined {
  const v = attrs[key];
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** A non-negative number attribute (numeric strings accepted), or undefined. */
export function num(attrs: Attrs, key: string): number | undefined {
  const v = attrs[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
