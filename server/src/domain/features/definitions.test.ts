import { describe, expect, it } from 'vitest';
import { definitionChanges, definitionHistory, definitionRow, type GroupDefinition, type StoredDefinitionRow } from './definitions.js';
import type { FeatureGroup, FeatureSpec } from './groups.js';

const feature = (name: string, over: Partial<FeatureSpec> = {}): FeatureSpec => ({ name, type: 'INT64', description: null, dimension: null, sourceFields: [], transformation: null, source: null, ...over });
const V1: GroupDefinition = {
  description: 'Customer features', entity: 'customer_id', ttlSeconds: 86_400, owner: 'ana',
  source: { id: 'dataset:wh:customers', namespace: 'wh', name: 'customers' },
  features: [feature('tenure', { sourceFields: ['signup_date'] }), feature('plan', { type: 'STRING' }), feature('emb', { type: 'FLOAT_VECTOR', dimension: 64 })],
};
const V2: GroupDefinition = {
  ...V1, ttlSeconds: null, owner: 'li',
  features: [
    feature('tenure', { sourceFields: ['signup_date', 'churn_date'], transformation: 'days between', description: 'days a customer' }),
    feature('mrr', { type: 'FLOAT64', source: { namespace: 'wh', name: 'billing' } }),
    feature('emb', { type: 'FLOAT_VECTOR', dimension: 64, source: { namespace: 'wh', name: 'events' } }),
  ],
};

const T = (min: number) => Date.UTC(2026, 11, 1, 0, min);
/** The row of `version` defined at `atMs`; `droppedMs`: the version before was dropped then. */
const row = (version: number, atMs: number, def: GroupDefinition, actor = 'ana', droppedMs: number | null = null): StoredDefinitionRow => {
  const r = definitionRow('t', 'g', version, new Date(atMs).toISOString(), { actor, role: 'editor' }, def,
    droppedMs === null ? null : { at: new Date(droppedMs).toISOString(), by: { actor: 'li', role: 'admin' } });
  return { version: String(r.version), defined_ms: String(atMs), definition: r.definition, actor: r.actor, role: r.role, dropped_ms: droppedMs, dropped_actor: r.dropped_actor, dropped_role: r.dropped_role };
};
const current = (def: GroupDefinition, version: number, atMs: number): FeatureGroup => ({
  ...def, id: 'g', namespace: 'wh', name: 'customer_features', version, definedAt: new Date(atMs).toISOString(),
  definedBy: { actor: 'ops', role: 'admin' }, expectations: [], validation: null, createdAt: new Date(T(0)).toISOString(),
});

describe('a feature group definition history', () => {
  it("names what a version changed: the group's fields, then features added or changed, then dropped", () => {
    expect(definitionChanges(V1, V2)).toEqual([
      { kind: 'TTL', feature: null, before: '86400', after: null },
      { kind: 'OWNER', feature: null, before: 'ana', after: 'li' },
      { kind: 'FEATURE_DESCRIPTION', feature: 'tenure', before: null, after: 'days a customer' },
      { kind: 'FEATURE_SOURCE_FIELDS', feature: 'tenure', before: 'signup_date', after: 'signup_date, churn_date' },
      { kind: 'FEATURE_TRANSFORMATION', feature: 'tenure', before: null, after: 'days between' },
      { kind: 'FEATURE_ADDED', feature: 'mrr', before: null, after: 'FLOAT64' },
      { kind: 'FEATURE_SOURCE', feature: 'emb', before: null, after: 'wh/events' },
      { kind: 'FEATURE_DROPPED', feature: 'plan', before: 'STRING', after: null },
    ]);
    expect(definitionChanges(V2, { ...V2, source: { id: 'dataset:wh:c2', namespace: 'wh', name: 'c2' }, description: null })).toEqual([
      { kind: 'DESCRIPTION', feature: null, before: 'Customer features', after: null },
      { kind: 'SOURCE', feature: null, before: 'wh/customers', after: 'wh/c2' },
    ]);
    expect(definitionChanges(V2, V2)).toEqual([]);
    expect(definitionChanges({ ...V1, features: [] }, V1).map((c) => c.after)).toEqual(['INT64', 'STRING', 'FLOAT_VECTOR(64)']);
  });

  it("lists the versions newest first: the current from the group, the earlier from their rows, a drop from the next version's row", () => {
    const rows = [row(3, T(40), V1, 'ops', T(30)), row(2, T(20), V2, 'li'), row(1, T(10), V1)];
    const list = definitionHistory(current(V1, 3, T(40)), rows, 10, null);
    expect(list.map((d) => [d.version, d.definedAt, d.definedBy?.actor, d.droppedAt, d.droppedBy])).toEqual([
      [3, new Date(T(40)).toISOString(), 'ops', null, null],
      [2, new Date(T(20)).toISOString(), 'li', new Date(T(30)).toISOString(), { actor: 'li', role: 'admin' }],
      [1, new Date(T(10)).toISOString(), 'ana', null, null],
    ]);
    expect(list[0].changes).toEqual(definitionChanges(V2, V1));
    expect(list[1].changes).toEqual(definitionChanges(V1, V2));
    expect(list[2].changes).toEqual([]);
    expect(list[1].features.map((f) => f.name)).toEqual(['tenure', 'mrr', 'emb']);
  });

  it("takes the current version's definition from the group: its row (written before a graph write that failed, then replaced) is not read for it", () => {
    const rows = [row(2, T(30), { ...V2, owner: 'refused' }), row(1, T(10), V1)];
    const list = definitionHistory(current(V2, 2, T(20)), rows, 10, null);
    expect(list.map((d) => [d.version, d.owner, d.droppedAt])).toEqual([[2, 'li', null], [1, 'ana', null]]);
  });

  it('pages: the last listed still says what it changed (one version more is read); a version missing from the history changes unknown', () => {
    const rows = [row(3, T(40), V1), row(2, T(20), V2), row(1, T(10), V1)];
    expect(definitionHistory(current(V1, 3, T(40)), rows, 2, null).map((d) => [d.version, d.changes?.length])).toEqual([[3, 8], [2, 8]]);
    // A group defined before the history was kept: only its current version, what it changed unknown.
    expect(definitionHistory(current(V2, 4, T(40)), [], 10, null).map((d) => [d.version, d.changes])).toEqual([[4, null]]);
    expect(definitionHistory(current(V2, 1, T(40)), [], 10, null).map((d) => [d.version, d.changes])).toEqual([[1, []]]);
  });

  it('as of a time: only what was defined and dropped by then', () => {
    const rows = [row(2, T(20), V2, 'li', T(15)), row(1, T(10), V1)];
    expect(definitionHistory(current(V2, 2, T(20)), rows, 10, T(12)).map((d) => [d.version, d.droppedAt])).toEqual([[1, null]]);
    expect(definitionHistory(current(V2, 2, T(20)), rows, 10, T(15)).map((d) => [d.version, d.droppedAt])).toEqual([[1, new Date(T(15)).toISOString()]]);
    expect(definitionHistory(current(V2, 2, T(20)), rows, 10, T(20)).map((d) => d.version)).toEqual([2, 1]);
    expect(definitionHistory(current(V2, 2, T(20)), rows, 10, T(9))).toEqual([]);
  });
});
