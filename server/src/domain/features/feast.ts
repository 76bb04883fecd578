/**
 * Feast's feature server API over Loom's feature store (pure): what `feast serve` answers at
 * `POST /get-online-features` and takes at `POST /push`, so a model service written against a Feast
 * feature server (its HTTP client, or the Python SDK's remote online store) reads Loom unchanged.
 *
 * A Feast feature view is a Loom feature group: a reference `view:feature` names the group by its
 * name (e.g. `features.customer_churn_features:tenure_days`), or by `<namespace>/<name>` where two
 * namespaces hold groups of that name. A push source is a group the same way. Values answer
 * column by column, as Feast does: first the entity key, then each feature, with Feast's field
 * statuses (PRESENT, NULL_VALUE, NOT_FOUND, OUTSIDE_MAX_AGE) and event timestamps.
 */
import { badInput, LoomError } from '../errors.js';
import type { FeatureGroup } from './groups.js';
import type { FeatureRowInput, FeatureValue } from './values.js';
import type { FeatureVector, ValueStatus } from './features.service.js';

export interface OnlineRequest { features?: unknown; entities?: unknown; full_feature_names?: unknown; feature_service?: unknown }
export interface PushRequest { push_source_name?: unknown; df?: unknown; to?: unknown }
export interface OnlineResponse {
  metadata: { feature_names: string[] };
  results: { values: unknown[]; statuses: string[]; event_timestamps: string[] }[];
}

const STATUS: Record<ValueStatus, string> = { PRESENT: 'PRESENT', NULL: 'NULL_VALUE', NOT_FOUND: 'NOT_FOUND', EXPIRED: 'OUTSIDE_MAX_AGE' };
/** Feast's event timestamp of a value it has none for (the entity key, a value not found). */
const NO_TIME = '1970-01-01T00:00:00Z';
const PUSH_TARGETS = ['online', 'offline', 'online_and_offline'];
const TIME_COLUMNS = ['event_timestamp', 'event_time', 'timestamp'];

/**
 * The text to search the tenant's groups by for the views a request names (`view:feature` refs, or a
 * push source): the part after the view's last `/`, which every group a view can name has in its
 * name; groupByViewName then picks exactly. So a request reads the groups it names, not all of them.
 */
export function viewSearches(refs: unknown): string[] {
  const views = (Array.isArray(refs) ? refs : [refs]).flatMap((r) => (typeof r === 'string' && r ? [r.includes(':') && Array.isArray(refs) ? r.slice(0, r.lastIndexOf(':')) : r] : []));
  return [...new Set(views.map((v) => v.slice(v.lastIndexOf('/') + 1)).filter(Boolean))];
}

/** A group by the name a Feast client gives it: its name (unique in the tenant) or `<namespace>/<name>`. */
export function groupByViewName(groups: readonly FeatureGroup[], view: string, field: string): FeatureGroup {
  const byFull = groups.find((g) => `${g.namespace}/${g.name}` === view);
  if (byFull) return byFull;
  const named = groups.filter((g) => g.name === view);
  if (named.length === 1) return named[0];
  if (named.length > 1) throw badInput(field, `${view} names groups in ${named.length} namespaces: write it as <namespace>/<name>, e.g. ${named[0].namespace}/${view}`);
  throw badInput(field, `no feature group ${view} (feature views are Loom feature groups, by name)`);
}

/** A Feast reference `view:feature` as the group and the feature it names; refused on `field` when it names none. */
export function featureByRef(groups: readonly FeatureGroup[], ref: unknown, field: string): { group: FeatureGroup; feature: string } {
  if (typeof ref !== 'string') throw badInput(field, 'must be a string view:feature');
  const colon = ref.lastIndexOf(':');
  if (colon <= 0 || colon === ref.length - 1) throw badInput(field, `${ref} is not view:feature`);
  const group = groupByViewName(groups, ref.slice(0, colon), field);
  const feature = ref.slice(colon + 1);
  if (!group.features.some((f) => f.name === feature)) throw badInput(field, `${feature} is not a feature of ${group.name}`);
  return { group, feature };
}

export interface OnlinePlan {
  entityKey: string;
  entityValues: unknown[];
  entityIds: string[];
  /** Per feature asked, in order: its group, its name, and the name it is answered under. */
  columns: { group: FeatureGroup; feature: string; label: string }[];
}

/**
 * Checks a get-online-features request against the tenant's groups: what to read and how to name it.
 * A request naming a `feature_service` comes with its references as `features` (the route resolves them).
 */
export function planOnline(req: OnlineRequest, groups: readonly FeatureGroup[]): OnlinePlan {
  if (!req || typeof req !== 'object') throw badInput('(body)', 'must be a JSON object with features and entities');
  if (!Array.isArray(req.features) || req.features.length === 0) throw badInput('features', 'give at least one feature reference, view:feature');
  const full = req.full_feature_names === true;
  const columns = req.features.map((ref, i) => {
    const { group, feature } = featureByRef(groups, ref, `features[${i}]`);
    return { group, feature, label: full ? `${group.name}__${feature}` : feature };
  });
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (seen.has(c.label)) throw badInput(`features[${i}]`, `${c.label} is asked twice${full ? '' : ' (from two views: set full_feature_names)'}`);
    seen.add(c.label);
  });
  const keys = [...new Set(columns.map((c) => c.group.entity))];
  if (keys.length > 1) throw badInput('features', `the features are about different entities (${keys.join(', ')}): ask for one entity key at a time`);
  const entities = req.entities;
  if (!entities || typeof entities !== 'object' || Array.isArray(entities)) throw badInput('entities', `must be an object: {"${keys[0]}": [ids]}`);
  const given = Object.keys(entities);
  if (given.length !== 1 || given[0] !== keys[0]) throw badInput('entities', `give the entity key ${keys[0]} (and only it)`);
  const values = (entities as Record<string, unknown>)[keys[0]];
  if (!Array.isArray(values) || values.length === 0) throw badInput(`entities.${keys[0]}`, 'must be a non-empty list of ids');
  const entityIds = values.map((v, i) => entityIdOf(v, `entities.${keys[0]}[${i}]`));
  return { entityKey: keys[0], entityValues: values, entityIds, columns };
}

/** The answer, column by column: the entity key, then each feature asked (vectors: one per entity, in order). */
export function onlineResponse(plan: OnlinePlan, vectors: readonly FeatureVector[]): OnlineResponse {
  const results: OnlineResponse['results'] = [{ values: plan.entityValues, statuses: plan.entityValues.map(() => 'PRESENT'), event_timestamps: plan.entityValues.map(() => NO_TIME) }];
  for (const c of plan.columns) {
    const cells = vectors.map((v) => v.values.find((x) => x.group === `${c.group.namespace}/${c.group.name}` && x.feature === c.feature));
    results.push({
      values: cells.map((x) => (x?.status === 'PRESENT' ? x.value : null)),
      statuses: cells.map((x) => STATUS[x?.status ?? 'NOT_FOUND']),
      event_timestamps: cells.map((x) => (x?.eventTime ? x.eventTime.replace(/\.\d+Z$/, 'Z') : NO_TIME)),
    });
  }
  return { metadata: { feature_names: [plan.entityKey, ...plan.columns.map((c) => c.label)] }, results };
}

/** A push (a dataframe as columns) as rows for one group: the entity key column, an optional event time column, feature columns. */
export function pushRows(req: PushRequest, groups: readonly FeatureGroup[]): { group: FeatureGroup; rows: FeatureRowInput[]; timeColumn: string | null } {
  if (!req || typeof req !== 'object') throw badInput('(body)', 'must be a JSON object with push_source_name and df');
  if (typeof req.push_source_name !== 'string' || !req.push_source_name) throw badInput('push_source_name', 'required: the feature group to write');
  if (req.to !== undefined && !PUSH_TARGETS.includes(String(req.to))) throw badInput('to', `must be one of ${PUSH_TARGETS.join(', ')} (one write serves both in Loom)`);
  const group = groupByViewName(groups, req.push_source_name, 'push_source_name');
  const df = req.df;
  if (!df || typeof df !== 'object' || Array.isArray(df)) throw badInput('df', 'must be an object of column name → list of values');
  const cols = df as Record<string, unknown>;
  const keys = Object.keys(cols);
  const bad = keys.find((k) => !Array.isArray(cols[k]));
  if (bad) throw badInput(`df.${bad}`, 'must be a list of values');
  if (!keys.includes(group.entity)) throw badInput('df', `needs the entity key column ${group.entity}`);
  const n = (cols[group.entity] as unknown[]).length;
  const uneven = keys.find((k) => (cols[k] as unknown[]).length !== n);
  if (uneven) throw badInput(`df.${uneven}`, `has ${(cols[uneven] as unknown[]).length} values; ${group.entity} has ${n}`);
  const time = TIME_COLUMNS.find((k) => keys.includes(k)) ?? null;
  const features = keys.filter((k) => k !== group.entity && k !== time && k !== 'created');
  const rows = Array.from({ length: n }, (_, i): FeatureRowInput => {
    const entity = (cols[group.entity] as unknown[])[i];
    const values: Record<string, FeatureValue> = {};
    for (const f of features) values[f] = (cols[f] as FeatureValue[])[i];
    const at = time ? (cols[time] as unknown[])[i] : null;
    return { entityId: typeof entity === 'number' ? entityIdOf(entity, `df.${group.entity}[${i}]`) : (entity as string), values, ...(at != null ? { eventTime: pushTime(at) } : {}) };
  });
  return { group, rows, timeColumn: time };
}

/**
 * An entity id as the store keys it: a string as given, a number as its text. A whole number beyond
 * 2^53 is refused: JSON gave it rounded (9007199254740993 arrives as ...992, another entity's id), so
 * such ids must be sent as strings, as Feast's int64 keys can be.
 */
function entityIdOf(v: unknown, field: string): string {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) {
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) throw badInput(field, `${v} is beyond 2^53, where JSON numbers lose digits (another entity's id could be read): send it as a string`);
    return String(v);
  }
  throw badInput(field, v === '' ? 'must not be empty' : 'must be a string or a number');
}

/**
 * A pushed event time as Loom reads it: a pandas timestamp as Feast's client sends it
 * (`2026-03-02 10:59:42.123456`, no zone: UTC, as Feast stores them) or ISO-8601; a number is Unix
 * seconds (milliseconds above 1e11). Anything else goes through as given, for the write to refuse by name.
 */
function pushTime(v: unknown): string {
  if (typeof v === 'number') {
    const d = new Date(v > 1e11 ? v : v * 1000);
    return Number.isNaN(d.getTime()) ? String(v) : d.toISOString();
  }
  const s = String(v).trim();
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(s);
  return m ? `${m[1]}T${m[2]}Z` : s;
}

/**
 * A refusal of the feature store's write or read, its field named as the Feast request gave it: a push's
 * row `rows[1].values.rate` is the dataframe's `df.rate[1]` (`eventTime` its time column, `entityId` its
 * entity key column); an online read's `entityIds` its `entities.<key>`. Others unchanged.
 */
export function asFeastField(err: unknown, names: { entityKey: string; timeColumn?: string | null }): unknown {
  if (!(err instanceof LoomError) || !err.field) return err;
  const rename = (field: string): string | null => {
    const row = /^rows\[(\d+)\]\.(?:values\.(.+)|(eventTime|entityId))$/.exec(field);
    if (row) return `df.${row[2] ?? (row[3] === 'entityId' ? names.entityKey : names.timeColumn ?? 'event_timestamp')}[${row[1]}]`;
    const ids = /^entityIds(\[\d+\])?$/.exec(field);
    return ids ? `entities.${names.entityKey}${ids[1] ?? ''}` : null;
  };
  const field = rename(err.field);
  if (!field) return err;
  const message = err.message.startsWith(`${err.field}: `) ? `${field}: ${err.message.slice(err.field.length + 2)}` : err.message;
  return new LoomError(err.code, message, field, err.retryAfterSeconds);
}
