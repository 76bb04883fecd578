/**
 * Engine-neutral helpers shared by the graph adapters: batch normalisation (dedupe, fixed row shape)
 * and row → domain mapping.
 */
import { NODE_LIFECYCLE_KEEP, nodeValidity, type Gap, type EdgeHead, type GraphEdge, type GraphNode, type NodeHead, type NodeKind, type EdgeKind, type Props } from '../domain/model.js';
import type { WriteBatch } from '../domain/ports/GraphStore.js';

export const storeKey = (tenant: string, id: string) => `${tenant}/${id}`;

/**
 * Props carry a reserved `_t` map: the event time that last set each key. A key is only replaced by
 * a write at the same or a later event time, and `null` is a tombstone (the key is removed from what
 * reads return). So replaying events in any order converges on the same props. Stored, the time most
 * keys share is written once as `_T` and `_t` keeps only the others (see storedProps).
 */
export type TimedProps = Props & { _t?: Record<string, string>; _L?: StoredLifecycle };
/**
 * A node's lifecycle as its props keep it (reserved key `_L`): every time `deletedAt` (`d`) and
 * `restoredAt` (`r`) were set, each sorted, without repeats, the newest NODE_LIFECYCLE_KEEP (so the
 * same whatever order writes came in). Props without these keys have none.
 */
interface StoredLifecycle { d?: string[]; r?: string[] }
/** The reserved keys of stored props (never a prop of their own): the keys' times, and the lifecycle. */
const isReservedKey = (k: string) => k === '_t' || k === '_T' || k === '_U' || k === '_L';
/** The lifecycle list a prop's values go to (compared, not looked up: a prop may be named `constructor`). */
const lifecycleList = (key: string): 'd' | 'r' | undefined => (key === 'deletedAt' ? 'd' : key === 'restoredAt' ? 'r' : undefined);

/**
 * Add a `deletedAt` or `restoredAt` value (any other key: nothing) to `props`' lifecycle, replacing
 * its `_L` (never changed in place: copies share it). `deletedAt` removed (null) at a time is a
 * re-create then.
 */
function noteLifecycle(props: TimedProps, key: string, value: unknown, at: string): void {
  const list = lifecycleList(key);
  if (list && typeof value === 'string') addLifecycle(props, { [list]: [value] });
  else if (list === 'd' && value == null && at) addLifecycle(props, { r: [at] });
}

function addLifecycle(props: TimedProps, add: StoredLifecycle): void {
  const next: StoredLifecycle = { ...props._L };
  for (const list of ['d', 'r'] as const) {
    const times = add[list];
    if (!times?.length) continue;
    const all = [...new Set([...(next[list] ?? []), ...times])].sort();
    next[list] = all.length > NODE_LIFECYCLE_KEEP ? all.slice(-NODE_LIFECYCLE_KEEP) : all;
  }
  props._L = next;
}

/** A node's validity from its merged props (see nodeValidity), its gaps encoded as stored ('' for none, like validTo). */
function validity(props: TimedProps, newest: string | undefined): { validTo: string; gaps: string } {
  const l = props._L;
  const v = nodeValidity(props, newest, l ? { deleted: l.d ?? [], restored: l.r ?? [] } : undefined);
  return { validTo: v.validTo ?? '', gaps: encodeGaps(v.gaps) };
}

export interface NodeRow {
  key: string; tenant: string; id: string; kind: string; kindIsDefault: boolean; namespace: string; name: string;
  props: TimedProps;
  /** Latest and earliest event time of the writes folded into this row. */
  at: string; firstAt: string;
}
/**
 * `setValidTo` false: keep the stored end of validity (a new edge is current); true: store `validTo` ('' = current).
 * `gaps`: undefined keeps the stored ones (a new edge has none); else the encoded gaps to store (see encodeGaps).
 */
export interface EdgeRow { from: string; to: string; kind: string; props: string; validFrom: string; recordedAt: string; setValidTo: boolean; validTo: string; gaps?: string }

/**
 * An edge's gaps as both stores keep them: one string of the gaps' times in order, comma-separated
 * ('' for none). So a time T lies in a gap when an odd number of them are <= T, a test both stores'
 * query languages can make inside a walk (Kuzu: string_split and list_filter; Cypher: split).
 */
export function encodeGaps(gaps: readonly Gap[]): string {
  return [...gaps].sort((a, b) => (a.from < b.from ? -1 : 1)).flatMap((g) => [g.from, g.to]).join(',');
}

/**
 * The gaps to store when `row` is written over a stored edge (`prev`: validTo '' while current): the row's
 * own when it sets them (a history that derived them); else, when it makes an ended edge current again
 * from a later time (a tag put back on, a feature defined again), the stored ones and the time it was
 * ended; else undefined (keep the stored ones).
 */
export function reopenedGaps(prev: { validTo: string; gaps: string | undefined }, row: Pick<EdgeRow, 'setValidTo' | 'validTo' | 'validFrom' | 'gaps'>): string | undefined {
  if (row.gaps !== undefined) return row.gaps;
  if (!row.setValidTo || row.validTo !== '' || prev.validTo === '' || row.validFrom <= prev.validTo) return undefined;
  return prev.gaps ? `${prev.gaps},${prev.validTo},${row.validFrom}` : `${prev.validTo},${row.validFrom}`;
}

/**
 * An edge's endpoints' gaps as it keeps them (`endsGaps`, so walks at a time test edges only): their
 * union, encoded as one node's are (so one parity test, as for the edge's own gaps: a nested test of
 * two lists made an `asOf` walk ~0.5 ms slower at 100k nodes). Usually one of them has none.
 */
export function joinEndsGaps(from: string, to: string): string {
  if (!from || !to) return from || to;
  const all = [...decodeGaps(from), ...decodeGaps(to)].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Gap[] = [];
  for (const g of all) {
    const last = out[out.length - 1];
    if (last && g.from <= last.to) { if (g.to > last.to) last.to = g.to; } else out.push({ ...g });
  }
  return encodeGaps(out);
}

export function decodeGaps(v: unknown): Gap[] {
  if (typeof v !== 'string' || v === '') return [];
  const t = v.split(',');
  const out: Gap[] = [];
  for (let i = 0; i + 1 < t.length; i += 2) out.push({ from: t[i], to: t[i + 1] });
  return out;
}

/** De-duplicate a batch (last write wins, props merged) and give every row one fixed shape. */
export function normaliseBatch(tenant: string, batch: WriteBatch, now: string): { nodes: NodeRow[]; edges: EdgeRow[] } {
  const nodes = new Map<string, NodeRow>();
  for (const n of batch.nodes) {
    const prev = nodes.get(n.id);
    const at = n.at ?? now;
    const keepPrevKind = !!prev && !prev.kindIsDefault && !!n.kindIsDefault;
    nodes.set(n.id, {
      key: storeKey(tenant, n.id), tenant, id: n.id, namespace: n.namespace, name: n.name,
      kind: keepPrevKind ? prev.kind : n.kind,
      kindIsDefault: keepPrevKind ? false : !!n.kindIsDefault,
      props: foldProps(prev?.props ?? {}, n.props ?? {}, at),
      at: prev && prev.at > at ? prev.at : at,
      firstAt: prev && prev.firstAt < at ? prev.firstAt : at,
    });
  }
  const edges = new Map<string, EdgeRow>();
  for (const e of batch.edges) {
    const k = `${e.kind}\u0000${e.from}\u0000${e.to}`;
    const prev = edges.get(k);
    const validFrom = prev && prev.validFrom < (e.validFrom ?? now) ? prev.validFrom : (e.validFrom ?? now);
    edges.set(k, {
      from: storeKey(tenant, e.from), to: storeKey(tenant, e.to), kind: e.kind,
      props: JSON.stringify({ ...(prev ? JSON.parse(prev.props) : {}), ...(e.props ?? {}) }),
      validFrom, recordedAt: now,
      setValidTo: e.validTo !== undefined || (prev?.setValidTo ?? false),
      validTo: e.validTo !== undefined ? (e.validTo ?? '') : (prev?.validTo ?? ''),
      gaps: e.gaps !== undefined ? encodeGaps(e.gaps) : prev?.gaps,
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The kind to store: a default kind never replaces a stored one. */
export function resolveKind(row: NodeRow, storedKind: unknown): string {
  return row.kindIsDefault && typeof storedKind === 'string' && storedKind ? storedKind : row.kind;
}

/**
 * Fold props written at `at` into `base`: per key, the later event time wins; at the same event
 * time the greater JSON text wins, so the result never depends on arrival order.
 */
export function foldProps(base: TimedProps, incoming: Props, at: string): TimedProps {
  const out: TimedProps = { ...base, _t: { ...(base._t ?? {}) } };
  for (const [k, v] of Object.entries(incoming)) {
    if (isReservedKey(k)) continue;
    setTimed(out, out._t!, k, v, at);
    noteLifecycle(out, k, v, at);
  }
  return out;
}

/**
 * Merge a row's timed props over the stored JSON props with foldProps' rule, in one pass over one
 * copy (folding key by key copied the whole props per key: quadratic in their size), the lifecycles
 * joined. Returns the props to store, their end of validity ('' when valid: Kuzu binds one type per
 * column, so no nulls in a batch) and their gaps (encodeGaps; '' for none).
 */
export function mergeProps(
  stored: unknown, incoming: TimedProps, updatedAt?: { stored: unknown; next: string },
  /** The node's newest event time after this write (what a soft delete is compared with: nodeValidity); `updatedAt.next` by default. */
  newest: string | undefined = updatedAt?.next,
): { props: string; validTo: string; gaps: string } {
  const hasStored = typeof stored === 'string' && stored !== '';
  if (!hasStored) {
    const fresh = freshProps(incoming, updatedAt?.next, newest);
    if (fresh) return fresh;
  }
  const merged = hasStored ? readStoredProps(stored, updatedAt?.stored) : {};
  const times = incoming._t ?? {};
  for (const [k, v] of Object.entries(incoming)) {
    if (isReservedKey(k)) continue;
    setTimed(merged, (merged._t ??= {}), k, v, times[k] ?? '');
    noteLifecycle(merged, k, v, times[k] ?? '');
  }
  if (incoming._L) addLifecycle(merged, incoming._L);
  return { props: storedProps(merged, updatedAt?.next), ...validity(merged, newest) };
}

/**
 * mergeProps over nothing stored (a new node), when every key was set at one time (one write, the
 * usual case): the text storedProps would give, without merging key by key into a copy first
 * (~11 → ~3 µs for a Trace node's 19 keys). Null when the keys' times differ.
 */
function freshProps(incoming: TimedProps, updatedAt: string | undefined, newest: string | undefined): { props: string; validTo: string; gaps: string } | null {
  const times = incoming._t ?? {};
  const out: Record<string, unknown> = {};
  let common: string | undefined;
  for (const k in incoming) {
    if (isReservedKey(k)) continue;
    const t = times[k] ?? '';
    if (common === undefined) common = t;
    else if (t !== common) return null;
    const v = incoming[k];
    out[k] = v === undefined ? null : v;
  }
  if (common === undefined) return { props: '{}', validTo: '', gaps: '' };
  if (common === updatedAt) out._U = 1;
  else out._T = common;
  const timed = out as TimedProps;
  if (incoming._L) addLifecycle(timed, incoming._L);
  for (const k of ['deletedAt', 'restoredAt']) if (k in incoming) noteLifecycle(timed, k, incoming[k], common);
  return { props: JSON.stringify(out), ...validity(timed, newest) };
}

/**
 * Timed props as stored: the event time most keys share (ties: the later) once as `_T`, and in `_t`
 * only the keys set at another time. One event usually sets most of a node's keys, so its times were
 * most of the text: a Trace node's props went from 1,219 to ~500 bytes. Deterministic (key order
 * kept), so unchanged props store the same text. Props with a key that has no time (written before
 * times were kept) keep the whole `_t` map: a key missing from `_t` would read as set at `_T`.
 * With `updatedAt` (the node's, stored beside these props) equal to that time, `_U` stands for it
 * instead: a later write that sets the same values again moves the node's `updatedAt`, not its props
 * text (the store then writes `updatedAt` alone, not the props again). The store must write the props
 * again whenever `updatedAt` changes and this text does.
 */
export function storedProps(props: TimedProps, updatedAt?: string): string {
  const times = props._t ?? {};
  const count = new Map<string, number>();
  for (const k in props) {
    if (isReservedKey(k)) continue;
    const t = times[k];
    if (t === undefined) return JSON.stringify(props);
    count.set(t, (count.get(t) ?? 0) + 1);
  }
  let common: string | undefined;
  let most = 0;
  for (const [t, n] of count) if (n > most || (n === most && t > common!)) [common, most] = [t, n];
  if (common === undefined) return JSON.stringify(props);
  const out: Record<string, unknown> = {};
  const others: Record<string, string> = {};
  for (const k in props) if (!isReservedKey(k)) out[k] = props[k];
  for (const k in out) if (times[k] !== common) others[k] = times[k];
  for (const k in times) if (!(k in out)) others[k] = times[k];
  if (Object.keys(others).length) out._t = others;
  if (common === updatedAt) out._U = 1;
  else out._T = common;
  if (props._L) out._L = props._L;
  return JSON.stringify(out);
}

/**
 * Stored props text as timed props: `_t` holds every key's time again (older rows stored the whole
 * map and no `_T`). `updatedAt`: the node's, which `_U` stands for.
 */
export function readStoredProps(text: string, updatedAt?: unknown): TimedProps {
  const parsed = JSON.parse(text) as TimedProps & { _T?: string; _U?: number };
  let common = parsed._T;
  if (parsed._U !== undefined) {
    if (typeof updatedAt !== 'string') throw new Error('stored props refer to the node\'s updatedAt (_U), and it was not given');
    common = updatedAt;
    delete parsed._U;
  }
  if (common === undefined) return parsed;
  delete parsed._T;
  const times = (parsed._t ??= {});
  for (const k in parsed) if (k !== '_t' && k !== '_L' && times[k] === undefined) times[k] = common;
  return parsed;
}

/** foldProps' rule for one key, in place: `value` set at `at` replaces what `props` holds unless that was set later (or at once, with a greater JSON text). */
function setTimed(props: TimedProps, times: Record<string, string>, key: string, value: unknown, at: string): void {
  const v = value === undefined ? null : value;
  const seen = times[key];
  if (seen !== undefined && (seen > at || (seen === at && JSON.stringify(props[key]) >= JSON.stringify(v)))) return;
  props[key] = v as Props[string];
  times[key] = at;
}

/** The earlier of two ISO times (a missing one loses). */
export const earliest = (a: unknown, b: string): string => (typeof a === 'string' && a && a < b ? a : b);
/** The later of two ISO times (a missing one loses). */
export const latest = (a: unknown, b: string): string => (typeof a === 'string' && a && a > b ? a : b);

export function toHead(r: Record<string, unknown>): NodeHead {
  return {
    id: String(r.id), kind: r.kind as NodeKind, namespace: String(r.namespace ?? ''), name: String(r.name ?? ''),
    validTo: typeof r.validTo === 'string' && r.validTo !== '' ? r.validTo : null,
  };
}

export function toNode(r: Record<string, unknown>): GraphNode {
  return {
    ...toHead(r), props: parseProps(r.props), createdAt: String(r.createdAt), updatedAt: String(r.updatedAt),
    ...(typeof r.gaps === 'string' && r.gaps !== '' ? { gaps: decodeGaps(r.gaps) } : {}),
  };
}

/** Edges in one set order (from, kind, to): a lineage answer's edges are found by queries side by side, in no order of their own. */
export const edgeOrder = (a: EdgeHead, b: EdgeHead): number =>
  (a.from < b.from ? -1 : a.from > b.from ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0);

export function toEdge(r: Record<string, unknown>, tenant: string): GraphEdge {
  const strip = (k: unknown) => String(k).slice(tenant.length + 1);
  return edgeBetween(r, strip(r.fromKey), strip(r.toKey));
}

/** A stored edge's row (kind, props, validity) with its ends named by the caller. */
export function edgeBetween(r: Record<string, unknown>, from: string, to: string): GraphEdge {
  return {
    kind: r.kind as EdgeKind, from, to, props: parseProps(r.props),
    validFrom: String(r.validFrom), validTo: r.validTo == null ? null : String(r.validTo),
    ...(typeof r.gaps === 'string' && r.gaps !== '' ? { gaps: decodeGaps(r.gaps) } : {}),
  };
}

/** Stored props as reads return them: without the `_t` bookkeeping and tombstones, keys sorted (the same whatever order writes came in). */
function parseProps(v: unknown): Props {
  if (typeof v !== 'string' || v === '') return {};
  let parsed: Props;
  try { parsed = JSON.parse(v) as Props; } catch { return {}; }
  const out: Props = {};
  for (const k of Object.keys(parsed).sort()) if (!isReservedKey(k) && parsed[k] !== null) out[k] = parsed[k];
  return out;
}

