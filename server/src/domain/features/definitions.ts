/**
 * A feature group's definitions over time: every version a definition made (what it held, who, when),
 * when the group was dropped at a version, and what each version changed of the one before. The group's
 * node keeps only the current definition (what reads, lineage and Feast's API use); each definition
 * is also a row of the analytics store (schema/clickhouse/010_feature_definitions.sql), with the drop of
 * the version before as the group's node told it then. Rows are written before the graph, so a
 * definition the graph then refused leaves a row that readers ignore (its version is past the node's)
 * and that the next definition of that version replaces.
 */
import type { FeatureGroup, FeatureSpec, SourceDataset } from './groups.js';
import type { Analytics } from '../ports/Analytics.js';

/** What a version defines (a FeatureGroup's definition, without its identity and bookkeeping). */
export type GroupDefinition = Pick<FeatureGroup, 'description' | 'entity' | 'features' | 'source' | 'ttlSeconds' | 'owner'>;

export const CHANGE_KINDS = [
  'FEATURE_ADDED', 'FEATURE_DROPPED', 'FEATURE_DESCRIPTION', 'FEATURE_SOURCE_FIELDS', 'FEATURE_TRANSFORMATION', 'FEATURE_SOURCE',
  'DESCRIPTION', 'SOURCE', 'TTL', 'OWNER',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * One difference from the version before: `feature` names the feature (null: the group's own field);
 * `before` and `after` as text (a type such as `FLOAT_VECTOR(64)`, source fields joined by ", ", a
 * dataset as `namespace/name`, a TTL in seconds), null where there was none.
 */
export interface DefinitionChange { kind: ChangeKind; feature: string | null; before: string | null; after: string | null }

type Who = { actor: string | null; role: string } | null;

export interface DefinitionRecord extends GroupDefinition {
  version: number;
  definedAt: string;
  definedBy: Who;
  /** When the group was dropped at this version (null: it was not; the current version never is). */
  droppedAt: string | null;
  droppedBy: Who;
  /** What it changed of the version before ([] for version 1; null when that version is not in the history: defined before Loom kept it). */
  changes: DefinitionChange[] | null;
}

/** A row of `feature_definitions` as written. */
export interface DefinitionRow {
  tenant_id: string; group_id: string; version: number; defined_at: string; definition: string; actor: string; role: string;
  dropped_at: string | null; dropped_actor: string; dropped_role: string;
}

/** A row as read back (times in epoch ms). */
export interface StoredDefinitionRow {
  version: number | string; defined_ms: number | string; definition: string; actor: string; role: string;
  dropped_ms: number | string | null; dropped_actor: string; dropped_role: string;
}

/** Most versions listed at once. */
export const MAX_DEFINITIONS = 200;

/** The row of a new version; `dropped`: the version before was dropped then (the group's node says so), not defined over. */
export function definitionRow(
  tenant: string, groupId: string, version: number, at: string, who: { actor: string | null; role: string }, def: GroupDefinition,
  dropped: { at: string; by: { actor: string | null; role: string } | null } | null,
): DefinitionRow {
  return {
    tenant_id: tenant, group_id: groupId, version, defined_at: at, definition: JSON.stringify(definitionOf(def)), actor: who.actor ?? '', role: who.role,
    dropped_at: dropped?.at ?? null, dropped_actor: dropped?.by?.actor ?? '', dropped_role: dropped?.by?.role ?? '',
  };
}

/**
 * The rows of a group's versions up to `{current}`, newest first, at most `{limit}`; with `asOf`, those
 * defined, or whose version before was dropped, at or before `{asOf}` epoch ms (a drop is told by the
 * next version's row, written later).
 */
export function definitionsQuery(asOf: boolean): string {
  return `SELECT version, toUnixTimestamp64Milli(defined_at) AS defined_ms, definition, actor, role,
       toUnixTimestamp64Milli(dropped_at) AS dropped_ms, dropped_actor, dropped_role
FROM feature_definitions FINAL
WHERE tenant_id = {tenant:String} AND group_id = {group:String} AND version <= {current:UInt32}${asOf ? '\n  AND coalesce(dropped_at, defined_at) <= fromUnixTimestamp64Milli({asOf:Int64})' : ''}
ORDER BY version DESC
LIMIT {limit:UInt32}`;
}

/** Rows to read for a page of `first` versions: the current version's, the page's, one more (its last one's changes). */
export const rowsFor = (first: number) => first + 2;

/**
 * The group's versions, newest first, at most `first`: the current one from the group itself (the
 * system of record), the earlier ones from their rows, each version's drop from the next one's row;
 * with `asOfMs`, only what was defined and dropped by then, so the first is the definition in force at
 * that time (or the one dropped by then). `rows`: as `definitionsQuery` reads `rowsFor(first)`.
 */
export function definitionHistory(current: FeatureGroup, rows: readonly StoredDefinitionRow[], first: number, asOfMs: number | null): DefinitionRecord[] {
  const by = (actor: string, role: string): Who => (role ? { actor: actor || null, role } : null);
  const until = (ms: number) => asOfMs === null || ms <= asOfMs;
  const list: DefinitionRecord[] = [];
  if (until(Date.parse(current.definedAt))) {
    list.push({ ...definitionOf(current), version: current.version, definedAt: current.definedAt, definedBy: current.definedBy, droppedAt: null, droppedBy: null, changes: null });
  }
  const drops = new Map<number, { at: string; by: Who }>();
  for (const r of rows) {
    const version = Number(r.version);
    if (r.dropped_ms !== null && until(Number(r.dropped_ms))) drops.set(version - 1, { at: iso(r.dropped_ms), by: by(r.dropped_actor, r.dropped_role) });
    // The current version is the group's own (a row of it whose graph write failed was replaced or is past it).
    if (version < current.version && until(Number(r.defined_ms))) {
      list.push({ ...(JSON.parse(r.definition) as GroupDefinition), version, definedAt: iso(r.defined_ms), definedBy: by(r.actor, r.role), droppedAt: null, droppedBy: null, changes: null });
    }
  }
  list.sort((a, b) => b.version - a.version);
  return list.slice(0, first).map((rec, i) => {
    const before = list[i + 1];
    const drop = drops.get(rec.version);
    const changes = rec.version === 1 ? [] : before && before.version === rec.version - 1 ? definitionChanges(before, rec) : null;
    return { ...rec, droppedAt: drop?.at ?? null, droppedBy: drop?.by ?? null, changes };
  });
}

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

/** What `next` changed of `prev`: the group's own fields first, then each feature added, changed (in `next`'s order) or dropped. */
export function definitionChanges(prev: GroupDefinition, next: GroupDefinition): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  const note = (kind: ChangeKind, feature: string | null, before: string | null, after: string | null) => {
    if (before !== after) out.push({ kind, feature, before, after });
  };
  note('DESCRIPTION', null, prev.description, next.description);
  note('SOURCE', null, datasetText(prev.source), datasetText(next.source));
  note('TTL', null, prev.ttlSeconds === null ? null : String(prev.ttlSeconds), next.ttlSeconds === null ? null : String(next.ttlSeconds));
  note('OWNER', null, prev.owner, next.owner);
  const old = new Map(prev.features.map((f) => [f.name, f]));
  for (const f of next.features) {
    const o = old.get(f.name);
    if (!o) { out.push({ kind: 'FEATURE_ADDED', feature: f.name, before: null, after: typeText(f) }); continue; }
    note('FEATURE_DESCRIPTION', f.name, o.description, f.description);
    note('FEATURE_SOURCE_FIELDS', f.name, listText(o.sourceFields), listText(f.sourceFields));
    note('FEATURE_TRANSFORMATION', f.name, o.transformation, f.transformation);
    note('FEATURE_SOURCE', f.name, datasetText(o.source), datasetText(f.source));
  }
  const kept = new Set(next.features.map((f) => f.name));
  for (const o of prev.features) if (!kept.has(o.name)) out.push({ kind: 'FEATURE_DROPPED', feature: o.name, before: typeText(o), after: null });
  return out;
}

/** Only the definition's own fields, in one order (what a row stores, whatever else the group carries). */
function definitionOf(g: GroupDefinition): GroupDefinition {
  return { description: g.description, entity: g.entity, features: g.features, source: g.source, ttlSeconds: g.ttlSeconds, owner: g.owner };
}

const typeText = (f: Pick<FeatureSpec, 'type' | 'dimension'>) => (f.type === 'FLOAT_VECTOR' ? `FLOAT_VECTOR(${f.dimension})` : f.type);
const listText = (xs: readonly string[]) => (xs.length ? xs.join(', ') : null);
const datasetText = (d: Pick<SourceDataset, 'namespace' | 'name'> | null) => (d ? `${d.namespace}/${d.name}` : null);

/** The features of a group's versions before `current` (from their rows), newest first: those dropped since keep their values. */
export async function featuresDefinedBefore(analytics: Analytics, tenant: string, groupId: string, current: number): Promise<FeatureSpec[]> {
  if (current <= 1) return [];
  const rows = await analytics.query<StoredDefinitionRow>(tenant, definitionsQuery(false), { group: groupId, current: current - 1, limit: MAX_DEFINITIONS });
  return rows.flatMap((r) => {
    try {
      const features = (JSON.parse(r.definition) as { features?: unknown }).features;
      return Array.isArray(features) ? (features as FeatureSpec[]) : [];
    } catch {
      return [];
    }
  });
}
