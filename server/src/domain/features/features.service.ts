/**
 * The feature store: feature groups defined in the tenant's graph (groups.ts, group-graph.ts), their
 * values in the analytics store (values.ts, queries.ts): written as upserts, read online (each entity's
 * latest vector) and at points in time (training sets without leakage: each value as it was known at
 * the row's time). Definitions of one group run one at a time within a process.
 */
import { viewSearches } from './feast.js';
import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import { nodeId, runNodeId } from '../ids.js';
import { LoomError, badInput, notFound } from '../errors.js';
import { KeyedLock } from '../keyed-lock.js';
import { actorProps, requireWrite, type Actor } from '../registry/actor.js';
import { checkCount, checkPaging } from '../registry/validate.js';
import {
  checkEvolution, checkFeatureGroup, featureGroupId, isDefinedGroup, toFeatureGroup,
  type FeatureGroup, type FeatureGroupDefinition, type FeatureGroupInput, type FeatureSpec, type SourceDataset,
} from './groups.js';
import { definitionBatch } from './group-graph.js';
import { checkEntityId, checkEventTime, decodeValue, valueRows, type FeatureRowInput, type FeatureValue, type StoredValue } from './values.js';
import { assertionsFacet, checkExpectations, expectationsQuery, verdicts, type Expectation, type ExpectationResult } from './expectations.js';
import { featureStatsQuery, groupStatsQuery, onlineQuery, pointInTimeQuery, validationsQuery, type FeaturePairs } from './queries.js';
import { MAX_DEFINITIONS, definitionHistory, definitionRow, definitionsQuery, featuresDefinedBefore, rowsFor, type DefinitionRecord, type StoredDefinitionRow } from './definitions.js';
import { refuseIfServed } from './feature-services.js';

/** Features of one group to read (all of them when `features` is left out). */
export interface FeatureSelection { namespace: string; name: string; features?: string[] | null }
/**
 * As Feast's field statuses: PRESENT; NULL (written as null); NOT_FOUND (no value at or before the
 * time); EXPIRED (the latest value is older than the group's TTL at the time).
 */
export type ValueStatus = 'PRESENT' | 'NULL' | 'NOT_FOUND' | 'EXPIRED';
export interface VectorValue { group: string; feature: string; value: FeatureValue; eventTime: string | null; status: ValueStatus }
export interface FeatureVector { entityId: string; at: string; values: VectorValue[] }
/** One check of a group's rules (FeatureStore.validations). */
export interface ValidationRecord { at: string; success: boolean; results: ExpectationResult[]; validatedBy: { actor: string | null; role: string } }
/** Most checks listed at once. */
const MAX_VALIDATIONS = 500;

export interface WriteResult { rows: number; values: number; writtenAt: string }
export interface GroupStats { entities: number; values: number; firstEventTime: string | null; lastEventTime: string | null; lastWrittenAt: string | null }
export interface FeatureStats {
  feature: string; entities: number; nulls: number; min: number | null; max: number | null; mean: number | null;
  distinctStrings: number | null; lastEventTime: string | null;
}

export const MAX_GROUPS = 1000;
export const MAX_ONLINE_ENTITIES = 1000;
export const MAX_POINT_IN_TIME_ROWS = 10_000;
const MAX_SELECTIONS = 20;
const MAX_PIT_VALUES = 2_000_000;

interface Resolved { group: FeatureGroup; specs: FeatureSpec[] }

export class FeatureStore {
  private readonly lock = new KeyedLock();
  private lastWrite = 0;
  /** Epoch ms of the last check of rules (validate). */
  private lastValidationMs = 0;

  constructor(private readonly graph: GraphStore, private readonly analytics: Analytics, private readonly now: () => number = Date.now) {}

  /**
   * Create a group or change its definition (editor, admin). A change may add and drop features and
   * change descriptions, sources and TTL; not the entity key nor a kept feature's type. Values written
   * stay (a dropped feature's are no longer served; defining it again with the same type serves them).
   */
  async define(actor: Actor, input: FeatureGroupInput): Promise<FeatureGroup> {
    requireWrite(actor, 'define feature groups');
    const def = checkFeatureGroup(input);
    const id = featureGroupId(def.namespace, def.name);
    return this.lock.run(`${actor.tenant}/${id}`, async () => {
      const [stored] = await this.graph.getNodes(actor.tenant, [id]);
      // A dataset Loom knows from OpenLineage (the table the features are materialised in) becomes the group.
      if (stored && stored.kind !== 'FeatureGroup' && stored.kind !== 'Dataset') throw new LoomError('CONFLICT', `${def.namespace}/${def.name} is a ${stored.kind}, not a dataset`);
      // A dropped group defined again keeps its history: the same checks, the next version.
      const previous = stored && typeof stored.props.definedAt === 'string' ? toFeatureGroup(stored) : null;
      if (previous) {
        checkEvolution(previous, def, await featuresDefinedBefore(this.analytics, actor.tenant, id, previous.version));
        const kept = new Set(def.features.map((f) => f.name));
        if (isDefinedGroup(stored!)) await refuseIfServed(this.graph, actor.tenant, id, previous.features.map((f) => f.name).filter((f) => !kept.has(f)), 'input.features', 'features this definition drops');
      } else if ((await this.list(actor.tenant, { first: 1, offset: MAX_GROUPS - 1 })).length) {
        throw badInput('input.name', `a tenant has at most ${MAX_GROUPS} feature groups`);
      }
      const source = await this.checkSources(actor.tenant, def);
      const at = after(this.now(), stored?.props.droppedAt); // a definition after a drop of the same millisecond still counts
      if (previous && isDefinedGroup(stored!) && sameDefinition(previous, def, source)) return previous;
      const props = {
        description: def.description, entity: def.entity, features: def.features, ttlSeconds: def.ttlSeconds, owner: def.owner,
        source: source?.id ?? null, sourceNamespace: source?.namespace ?? null, sourceName: source?.name ?? null,
        version: (previous?.version ?? 0) + 1, definedAt: at, definedBy: actorProps(actor), restoredAt: at,
      };
      // The history first (definitions.ts): a version the graph then refuses is ignored by readers and replaced by the next definition.
      const dropped = previous && !isDefinedGroup(stored!) ? droppedOf(stored!.props) : null;
      await this.analytics.insert('feature_definitions', [definitionRow(actor.tenant, id, props.version, at, props.definedBy, { ...def, source }, dropped)] as unknown as Record<string, unknown>[]);
      await this.graph.write(actor.tenant, definitionBatch(def, previous, props, at));
      return this.get(actor.tenant, def.namespace, def.name);
    });
  }

  /**
   * Drop a group (editor, admin): it is no longer listed nor served; its values and history stay, and
   * defining it again restores them. The node stays in the lineage graph: it is a dataset (often one an
   * emitter writes), and only its definition as a group is withdrawn.
   */
  async drop(actor: Actor, namespace: string, name: string): Promise<FeatureGroup> {
    requireWrite(actor, 'drop feature groups');
    const group = await this.get(actor.tenant, namespace, name);
    return this.lock.run(`${actor.tenant}/${group.id}`, async () => {
      await refuseIfServed(this.graph, actor.tenant, group.id, group.features.map((f) => f.name), 'name', 'this group');
      const at = after(this.now(), group.definedAt); // a drop of the definition's millisecond still drops it
      await this.graph.write(actor.tenant, { nodes: [{ id: group.id, kind: 'FeatureGroup', namespace, name, props: { droppedAt: at, droppedBy: actorProps(actor) }, at }], edges: [] });
      return group;
    });
  }

  /** The tenant's groups by namespace and name; `search`: names containing it (any case). */
  async list(tenant: string, q: { namespace?: string | null; search?: string | null; first: number; offset: number }): Promise<FeatureGroup[]> {
    checkPaging(q.first, q.offset, MAX_GROUPS);
    if ((q.search ?? '').length > 200) throw badInput('search', 'must be at most 200 characters'); // as every other search
    const nodes = await this.graph.search(tenant, { text: q.search ?? '', kinds: ['FeatureGroup'], limit: MAX_GROUPS * 2 });
    return nodes.filter((n) => isDefinedGroup(n) && (!q.namespace || n.namespace === q.namespace)).map(toFeatureGroup)
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
      .slice(q.offset, q.offset + q.first);
  }

  /** The groups Feast views (`view:feature` references, or a push source) can name: read by name, each once, not every group of the tenant. */
  async groupsForViews(tenant: string, refs: unknown): Promise<FeatureGroup[]> {
    const found = await Promise.all(viewSearches(refs).map((search) => this.list(tenant, { search, first: MAX_GROUPS, offset: 0 })));
    return [...new Map(found.flat().map((g) => [g.id, g])).values()];
  }

  async get(tenant: string, namespace: string, name: string): Promise<FeatureGroup> {
    if (typeof namespace !== 'string' || typeof name !== 'string' || !namespace || !name) throw badInput(namespace ? 'name' : 'namespace', 'required');
    const id = featureGroupId(namespace, name);
    const [node] = await this.graph.getNodes(tenant, [id]);
    if (!node || !isDefinedGroup(node)) throw notFound(`feature group ${namespace}/${name}`);
    return toFeatureGroup(node);
  }

  /**
   * Upsert values (editor, admin): each row is an entity's values at an event time (default now), some
   * or all of the group's features. A value written again for the same entity, feature and event time
   * replaces it; one with a later event time supersedes it online, and a point-in-time read sees each
   * as of its time. All rows are checked first: one bad value refuses the write, naming it.
   * Answered once the values are committed.
   */
  async write(actor: Actor, input: { namespace: string; name: string; rows: FeatureRowInput[] }): Promise<WriteResult> {
    requireWrite(actor, 'write feature values');
    const group = await this.get(actor.tenant, input.namespace, input.name);
    const now = this.now();
    const writtenAt = this.writeTime(now);
    const rows = valueRows(actor.tenant, group, input.rows, now, writtenAt);
    await this.analytics.insert('feature_values', rows as unknown as Record<string, unknown>[]);
    return { rows: input.rows.length, values: rows.length, writtenAt };
  }

  /** Each entity's latest values of the selected features (the online store), in the order asked. */
  async online(tenant: string, entityIds: string[], selections: FeatureSelection[]): Promise<FeatureVector[]> {
    if (!Array.isArray(entityIds) || entityIds.length === 0) throw badInput('entityIds', 'at least one entity id is required');
    checkCount('entityIds', entityIds, MAX_ONLINE_ENTITIES);
    const entities = entityIds.map((e, i) => checkEntityId(`entityIds[${i}]`, e));
    const resolved = await this.resolve(tenant, selections);
    const nowMs = this.now();
    const at = new Date(nowMs).toISOString();
    const rows = await this.analytics.query<StoredValue & { group_id: string; entity_id: string }>(tenant, onlineQuery(), {
      groups: resolved.map((r) => r.group.id), entities: [...new Set(entities)], ...pairsOf(resolved),
    });
    const found = new Map(rows.map((r) => [`${r.group_id}\u0000${r.entity_id}\u0000${r.feature}`, r]));
    return entities.map((entityId) => ({
      entityId, at,
      values: resolved.flatMap(({ group, specs }) => specs.map((spec) => vectorValue(group, spec, found.get(`${group.id}\u0000${entityId}\u0000${spec.name}`), nowMs))),
    }));
  }

  /**
   * Point in time (a training set): for each row (an entity at a time), each selected feature's value
   * with the latest event time at or before that time, so no row sees a value from its future.
   */
  async pointInTime(tenant: string, rows: { entityId: string; at: string | Date }[], selections: FeatureSelection[]): Promise<FeatureVector[]> {
    if (!Array.isArray(rows) || rows.length === 0) throw badInput('rows', 'at least one row is required');
    checkCount('rows', rows, MAX_POINT_IN_TIME_ROWS);
    const nowMs = this.now();
    const checked = rows.map((r, i) => ({
      entityId: checkEntityId(`rows[${i}].entityId`, r?.entityId),
      at: r.at == null ? (() => { throw badInput(`rows[${i}].at`, 'required'); })() : checkEventTime(`rows[${i}].at`, r.at, nowMs),
    }));
    const resolved = await this.resolve(tenant, selections);
    const pairs = pairsOf(resolved);
    const values = pairs.pair_features.length * checked.length;
    if (values > MAX_PIT_VALUES) throw badInput('rows', `rows × features must be at most ${MAX_PIT_VALUES} (got ${values}); ask in parts`);
    const found = await this.analytics.query<StoredValue & { i: number | string; group_id: string; found: number | string }>(tenant, pointInTimeQuery(), {
      entities: checked.map((r) => r.entityId), timesMs: checked.map((r) => Date.parse(r.at)), groups: resolved.map((r) => r.group.id), ...pairs,
    });
    const byKey = new Map(found.filter((r) => Number(r.found) === 1).map((r) => [`${r.i}\u0000${r.group_id}\u0000${r.feature}`, r]));
    return checked.map((r, i) => ({
      entityId: r.entityId, at: r.at,
      values: resolved.flatMap(({ group, specs }) => specs.map((spec) => vectorValue(group, spec, byKey.get(`${i}\u0000${group.id}\u0000${spec.name}`), Date.parse(r.at)))),
    }));
  }

  /**
   * A run's training set (editor, admin): the point-in-time read, and each group recorded as an input
   * of the run (`READ_BY`, as an OpenLineage input), so a model version registered from the run has
   * the groups, and through them their sources, in its lineage.
   */
  async trainingSet(actor: Actor, runId: string, rows: { entityId: string; at: string | Date }[], selections: FeatureSelection[]): Promise<FeatureVector[]> {
    requireWrite(actor, 'record the inputs of a run');
    if (typeof runId !== 'string' || !runId) throw badInput('runId', 'required');
    const run = runNodeId(runId);
    const [node] = await this.graph.getNodes(actor.tenant, [run]);
    if (!node || node.kind !== 'Run') throw notFound(`run ${runId}`);
    const vectors = await this.pointInTime(actor.tenant, rows, selections);
    const at = new Date(this.now()).toISOString();
    const groups = selections.map((s) => featureGroupId(s.namespace, s.name));
    await this.graph.write(actor.tenant, { nodes: [], edges: groups.map((g) => ({ kind: 'READ_BY' as const, from: g, to: run, validFrom: at })) });
    return vectors;
  }

  /**
   * Check the group's data quality rules (editor, admin) over each entity's latest values: the
   * expectations given (then kept as the group's), or those kept. The verdicts are stored on the group,
   * as an OpenLineage `dataQualityAssertions` facet too, so an UPSTREAM_QUALITY promotion gate refuses a
   * model version whose training run read a group failing them.
   */
  async validate(actor: Actor, namespace: string, name: string, expectations?: Expectation[] | null): Promise<FeatureGroup> {
    requireWrite(actor, 'validate feature groups');
    const group = await this.get(actor.tenant, namespace, name);
    const list = checkExpectations(group, expectations ?? group.expectations);
    const q = expectationsQuery(group, list);
    const results = verdicts(list, await this.analytics.query(actor.tenant, q.sql, q.params));
    // Strictly after the last check in this process: two checks of a group in one millisecond stay two rows of its history.
    this.lastValidationMs = Math.max(this.now(), this.lastValidationMs + 1);
    const at = new Date(this.lastValidationMs).toISOString();
    const passed = results.filter((r) => r.success).length;
    // The history first: a check recorded there whose group write then failed is a check that ran.
    await this.analytics.insert('feature_validations', [{
      tenant_id: actor.tenant, group_id: group.id, validated_at: at, success: passed === results.length, passed, failed: results.length - passed,
      results: JSON.stringify(results), actor: actor.name ?? '', role: actor.role,
    }]);
    await this.graph.write(actor.tenant, { nodes: [{
      id: group.id, kind: 'FeatureGroup', namespace, name, at,
      props: { expectations: list, validation: { at, success: results.every((r) => r.success), results }, 'quality.dataQualityAssertions': assertionsFacet(results) },
    }], edges: [] });
    return this.get(actor.tenant, namespace, name);
  }

  /** The group's checks, newest first (`before`: older than that time, to page back). */
  async validations(tenant: string, group: FeatureGroup, first: number, before: Date | string | null): Promise<ValidationRecord[]> {
    checkPaging(first, 0, MAX_VALIDATIONS);
    const beforeMs = before === null ? null : new Date(before).getTime();
    if (beforeMs !== null && Number.isNaN(beforeMs)) throw badInput('before', 'must be an ISO-8601 date-time');
    const rows = await this.analytics.query<{ at_ms: string | number; success: boolean | number; results: string; actor: string; role: string }>(tenant, validationsQuery(beforeMs !== null), {
      group: group.id, first, ...(beforeMs !== null ? { before: beforeMs } : {}),
    });
    return rows.map((r) => ({ at: isoOf(r.at_ms)!, success: Boolean(r.success), results: JSON.parse(r.results) as ExpectationResult[], validatedBy: { actor: r.actor || null, role: r.role } }));
  }

  /**
   * The group's definitions, newest first (definitions.ts): each version's definition, who defined it
   * and when, when it was dropped at it, and what it changed; with `asOf`, as they stood then (the
   * first is the definition in force at that time, unless dropped by then).
   */
  async definitions(tenant: string, group: FeatureGroup, first: number, asOf: Date | string | null): Promise<DefinitionRecord[]> {
    checkPaging(first, 0, MAX_DEFINITIONS);
    const asOfMs = asOf === null ? null : new Date(asOf).getTime();
    if (asOfMs !== null && Number.isNaN(asOfMs)) throw badInput('asOf', 'must be an ISO-8601 date-time');
    const rows = await this.analytics.query<StoredDefinitionRow>(tenant, definitionsQuery(asOfMs !== null), {
      group: group.id, current: group.version, limit: rowsFor(first), ...(asOfMs !== null ? { asOf: asOfMs } : {}),
    });
    return definitionHistory(group, rows, first, asOfMs);
  }

  async stats(tenant: string, group: FeatureGroup): Promise<GroupStats> {
    const [r] = await this.analytics.query<Record<string, string | number | null>>(tenant, groupStatsQuery(), { group: group.id });
    const values = Number(r?.values ?? 0);
    const time = (v: unknown) => (values ? isoOf(v) : null);
    return { entities: Number(r?.entities ?? 0), values, firstEventTime: time(r?.first_event_ms), lastEventTime: time(r?.last_event_ms), lastWrittenAt: time(r?.last_written_ms) };
  }

  /** Per feature of the group, over each entity's latest value: entities, nulls, spread. */
  async featureStats(tenant: string, group: FeatureGroup): Promise<FeatureStats[]> {
    const rows = await this.analytics.query<Record<string, string | number | null>>(tenant, featureStatsQuery(), { group: group.id });
    const byName = new Map(rows.map((r) => [String(r.feature), r]));
    return group.features.map((f) => {
      const r = byName.get(f.name);
      const entities = Number(r?.entities ?? 0);
      const nulls = Number(r?.nulls ?? 0);
      const numeric = f.type === 'INT64' || f.type === 'FLOAT64' || f.type === 'BOOL';
      const col = f.type === 'FLOAT64' ? 'num' : 'int';
      const num = (k: string) => (r && numeric && entities > nulls ? Number(r[`${col}_${k}`]) : null);
      return {
        feature: f.name, entities, nulls, min: num('min'), max: num('max'), mean: num('avg'),
        distinctStrings: f.type === 'STRING' && r ? Number(r.distinct_strings) : null,
        lastEventTime: r ? isoOf(r.last_event_ms) : null,
      };
    });
  }

  /** The groups and features asked for: every group defined, every feature one of its own, one entity key among them. */
  private async resolve(tenant: string, selections: FeatureSelection[]): Promise<Resolved[]> {
    if (!Array.isArray(selections) || selections.length === 0) throw badInput('features', 'select at least one feature group');
    checkCount('features', selections, MAX_SELECTIONS);
    const ids = selections.map((s, i) => {
      if (typeof s?.namespace !== 'string' || !s.namespace) throw badInput(`features[${i}].namespace`, 'required');
      if (typeof s.name !== 'string' || !s.name) throw badInput(`features[${i}].name`, 'required');
      return featureGroupId(s.namespace, s.name);
    });
    if (new Set(ids).size !== ids.length) throw badInput(`features[${ids.findIndex((id, i) => ids.indexOf(id) !== i)}]`, 'a group is selected twice: list its features in one selection');
    const nodes = await this.graph.getNodes(tenant, ids);
    const resolved = selections.map((s, i): Resolved => {
      const node = nodes[i];
      if (!node || !isDefinedGroup(node)) throw new LoomError('NOT_FOUND', `features[${i}]: feature group ${s.namespace}/${s.name} not found`);
      const group = toFeatureGroup(node);
      const specs = s.features == null ? group.features : s.features.map((name, j) => {
        const spec = group.features.find((f) => f.name === name);
        if (!spec) throw badInput(`features[${i}].features[${j}]`, `${name} is not a feature of ${s.namespace}/${s.name}`);
        return spec;
      });
      return { group, specs };
    });
    const keys = [...new Set(resolved.map((r) => r.group.entity))];
    if (keys.length > 1) throw badInput('features', `the groups have different entity keys (${keys.join(', ')}): ask for each key's groups separately`);
    return resolved;
  }

  /** The written_at of a write: the clock in microseconds, strictly increasing within the process, so a later write always wins. */
  private writeTime(nowMs: number): string {
    const us = Math.max(nowMs * 1000, this.lastWrite + 1);
    this.lastWrite = us;
    const ms = Math.floor(us / 1000);
    return `${new Date(ms).toISOString().slice(0, 19)}.${String(us % 1_000_000).padStart(6, '0')}Z`;
  }

  /** Every source the definition names exists in the tenant (else BAD_USER_INPUT naming where it is named); the group's, resolved. */
  private async checkSources(tenant: string, def: FeatureGroupDefinition): Promise<SourceDataset | null> {
    const named = [
      ...(def.source ? [{ field: 'input.source', ref: def.source }] : []),
      ...def.features.flatMap((f, i) => (f.source ? [{ field: `input.features[${i}].source`, ref: f.source }] : [])),
    ];
    const ids = named.map(({ ref }) => nodeId('Dataset', ref.namespace, ref.name));
    const nodes = ids.length ? await this.graph.getNodes(tenant, [...new Set(ids)]) : [];
    const found = new Map(nodes.flatMap((n) => (n && !n.validTo ? [[n.id, n] as const] : [])));
    named.forEach(({ field, ref }, i) => {
      if (!found.has(ids[i])) throw badInput(field, `no dataset ${ref.namespace}/${ref.name} in this tenant (its lineage must reach Loom first, e.g. from an OpenLineage emitter)`);
    });
    return def.source ? { id: ids[0], namespace: def.source.namespace, name: def.source.name } : null;
  }
}

function pairsOf(resolved: Resolved[]): FeaturePairs {
  return {
    pair_groups: resolved.flatMap(({ group, specs }) => specs.map(() => group.id)),
    pair_features: resolved.flatMap(({ specs }) => specs.map((s) => s.name)),
  };
}

function vectorValue(group: FeatureGroup, spec: FeatureSpec, row: StoredValue | undefined, atMs: number): VectorValue {
  const base = { group: `${group.namespace}/${group.name}`, feature: spec.name };
  if (!row) return { ...base, value: null, eventTime: null, status: 'NOT_FOUND' };
  const eventTime = isoOf(row.event_ms)!;
  if (group.ttlSeconds !== null && Date.parse(eventTime) < atMs - group.ttlSeconds * 1000) return { ...base, value: null, eventTime, status: 'EXPIRED' };
  const value = decodeValue(spec, row);
  return { ...base, value, eventTime, status: value === null ? 'NULL' : 'PRESENT' };
}

function sameDefinition(g: FeatureGroup, def: ReturnType<typeof checkFeatureGroup>, source: SourceDataset | null): boolean {
  // The features in another order are the same features: no version that changes nothing.
  const byName = <F extends { name: string }>(fs: readonly F[]) => [...fs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify([g.description, g.entity, byName(g.features), g.ttlSeconds, g.owner, g.source?.id ?? null])
    === JSON.stringify([def.description, def.entity, byName(def.features), def.ttlSeconds, def.owner, source?.id ?? null]);
}

/** The drop a dropped group's node records (`droppedAt`, `droppedBy`); null when it was not dropped but ended otherwise (its dataset dropped by an emitter). */
function droppedOf(props: Record<string, unknown>): { at: string; by: { actor: string | null; role: string } | null } | null {
  const { droppedAt, droppedBy, definedAt } = props;
  if (typeof droppedAt !== 'string' || typeof definedAt !== 'string' || droppedAt < definedAt) return null;
  return { at: droppedAt, by: (droppedBy as { actor: string | null; role: string } | undefined) ?? null };
}

/** Now as ISO-8601, or a millisecond after `than` when that is not earlier (definitions and drops order by their times). */
function after(nowMs: number, than: unknown): string {
  const t = typeof than === 'string' ? Date.parse(than) : NaN;
  return new Date(Number.isNaN(t) || t < nowMs ? nowMs : t + 1).toISOString();
}

/** Epoch milliseconds as read (a number, or quoted as 64-bit integers are) → ISO-8601; null when there is none. */
function isoOf(ms: unknown): string | null {
  const n = Number(ms);
  return ms === null || ms === undefined || !Number.isFinite(n) ? null : new Date(n).toISOString();
}
