import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok } from './registry.testkit.js';
import { featureGroupId } from '../../domain/features/groups.js';
import { definitionRow } from '../../domain/features/definitions.js';

const NS = 'warehouse';
const GROUP = 'churn.definitions';
const VERSIONS = `query ($first: Int, $asOf: DateTime) { featureGroup(namespace: "${NS}", name: "${GROUP}") { version definitions(first: $first, asOf: $asOf) {
  version definedAt definedBy { name role } droppedAt droppedBy { role } ttlSeconds owner source { namespace name }
  features { id name type sourceFields } changes { kind feature before after } } } }`;
const DEFINE = 'mutation ($input: FeatureGroupInput!) { defineFeatureGroup(input: $input) { version definedAt } }';
const DROP = `mutation { dropFeatureGroup(namespace: "${NS}", name: "${GROUP}") { id } }`;

const V1 = {
  namespace: NS, name: GROUP, entity: 'customer_id', ttlSeconds: 86_400, owner: 'ana', source: { namespace: NS, name: 'customers' },
  features: [{ name: 'tenure', type: 'INT64', sourceFields: ['signup_date'] }, { name: 'plan', type: 'STRING' }],
};
const V2 = { ...V1, ttlSeconds: 172_800, features: [{ name: 'tenure', type: 'INT64', sourceFields: ['signup_date', 'churn_date'] }, { name: 'mrr', type: 'FLOAT64' }] };

describe("feature group definitions: every version, who and when, its drop, what it changed, as of a time", () => {
  let loom: TestLoom;
  let rivalKey: string;
  const at: string[] = [];
  let droppedAt = '';

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    const res = await loom.post('/api/v1/lineage', {
      eventType: 'COMPLETE', eventTime: new Date().toISOString(), producer: 'https://example.com/t', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent',
      run: { runId: '0190aaaa-0000-7000-8000-000000000001' }, job: { namespace: NS, name: 'load_customers' }, inputs: [], outputs: [{ namespace: NS, name: 'customers' }],
    });
    expect(res.status).toBe(201);
    const define = async (input: unknown) => (await ok(loom, DEFINE, { input })).defineFeatureGroup;
    at.push((await define(V1)).definedAt);
    at.push((await define(V2)).definedAt);
    expect((await define(V2)).version).toBe(2); // the same definition again makes no version
    expect((await define({ ...V2, features: [...V2.features].reverse() })).version).toBe(2); // nor the same features in another order
    droppedAt = new Date().toISOString();
    await ok(loom, DROP);
    const v3 = await define({ ...V2, owner: 'li' });
    expect(v3.version).toBe(3);
    at.push(v3.definedAt);
  }, 120_000);
  afterAll(async () => { await loom?.close(); });

  it('lists every version newest first, with its drop and what it changed', async () => {
    const g = (await ok(loom, VERSIONS)).featureGroup;
    expect(g.version).toBe(3);
    expect(g.definitions.map((d: any) => [d.version, d.definedAt, d.definedBy.role, d.droppedAt !== null, d.owner, d.ttlSeconds])).toEqual([
      [3, at[2], 'admin', false, 'li', 172_800],
      [2, at[1], 'admin', true, 'ana', 172_800],
      [1, at[0], 'admin', false, 'ana', 86_400],
    ]);
    const [v3, v2, v1] = g.definitions;
    expect(v2.droppedAt >= droppedAt && v2.droppedAt < v3.definedAt).toBe(true);
    expect(v2.droppedBy).toEqual({ role: 'admin' });
    expect(v3.changes).toEqual([{ kind: 'OWNER', feature: null, before: 'ana', after: 'li' }]);
    expect(v2.changes).toEqual([
      { kind: 'TTL', feature: null, before: '86400', after: '172800' },
      { kind: 'FEATURE_SOURCE_FIELDS', feature: 'tenure', before: 'signup_date', after: 'signup_date, churn_date' },
      { kind: 'FEATURE_ADDED', feature: 'mrr', before: null, after: 'FLOAT64' },
      { kind: 'FEATURE_DROPPED', feature: 'plan', before: 'STRING', after: null },
    ]);
    expect(v1.changes).toEqual([]);
    expect(v1.features.map((f: any) => [f.name, f.type, f.sourceFields])).toEqual([['tenure', 'INT64', ['signup_date']], ['plan', 'STRING', []]]);
    expect(v1.features[1].id).toBe(`feature:${NS}:${GROUP}#plan`);
    expect(v1.source).toEqual({ namespace: NS, name: 'customers' });
  });

  it('as of a time: the definition in force then first; before the first, none; pages back from the oldest', async () => {
    const asOf = async (t: string, first = 10) => (await ok(loom, VERSIONS, { asOf: t, first })).featureGroup.definitions;
    expect((await asOf(at[0])).map((d: any) => d.version)).toEqual([1]);
    const between = await asOf(new Date(Date.parse(droppedAt) - 1).toISOString());
    expect(between.map((d: any) => [d.version, d.droppedAt])).toEqual([[2, null], [1, null]]); // not yet dropped then
    expect(await asOf(new Date(Date.parse(at[0]) - 1).toISOString())).toEqual([]);
    const page = await asOf(at[2], 1);
    expect(page.map((d: any) => [d.version, d.changes.length])).toEqual([[3, 1]]);
    const older = await asOf(new Date(Date.parse(page[0].definedAt) - 1).toISOString(), 1);
    expect(older.map((d: any) => d.version)).toEqual([2]);
  });

  it('a version the graph never took (its row written, the graph write refused) is not listed; the next definition of it replaces it', async () => {
    const id = featureGroupId(NS, GROUP);
    await loom.services.analytics.insert('feature_definitions', [
      definitionRow('demo', id, 4, new Date().toISOString(), { actor: 'x', role: 'admin' }, { ...(V2 as any), description: 'never', source: null, features: [] }, { at: new Date().toISOString(), by: null }),
    ] as any);
    const g = (await ok(loom, VERSIONS)).featureGroup;
    expect(g.definitions.map((d: any) => [d.version, d.droppedAt === null])).toEqual([[3, true], [2, false], [1, true]]);
    const v4 = (await ok(loom, DEFINE, { input: { ...V2, owner: 'kim' } })).defineFeatureGroup;
    expect(v4.version).toBe(4);
    const after = (await ok(loom, VERSIONS, { first: 2 })).featureGroup.definitions;
    expect(after.map((d: any) => [d.version, d.owner, d.definedBy.name, d.droppedAt])).toEqual([[4, 'kim', 'demo', null], [3, 'li', 'demo', null]]);
    expect(after[0].changes).toEqual([{ kind: 'OWNER', feature: null, before: 'li', after: 'kim' }]);
  });

  it("refuses a feature dropped earlier defined again with another type: its values written stay, and would be served as it", async () => {
    const before = (await ok(loom, VERSIONS, { first: 1 })).featureGroup.version;
    const err = await fails(loom, DEFINE, { input: { ...V2, features: [...V2.features, { name: 'plan', type: 'INT64' }] } });
    expect([err.extensions?.code, err.extensions?.field, err.message]).toEqual(['BAD_USER_INPUT', 'input.features[2].type', expect.stringContaining('plan holds STRING values')]);
    expect((await ok(loom, VERSIONS, { first: 1 })).featureGroup.version).toBe(before);
  });

  it('refuses to drop a feature a feature service reads (as feast apply does)', async () => {
    const current = (await ok(loom, VERSIONS, { first: 1 })).featureGroup;
    await ok(loom, DEFINE, { input: V2 });
    await ok(loom, 'mutation ($f: [String!]!) { defineFeatureService(input: {name: "reads_mrr", features: $f}) { id } }', { f: [`${NS}/${GROUP}:mrr`] });
    const err = await fails(loom, DEFINE, { input: { ...V2, features: V2.features.filter((f) => f.name !== 'mrr') } });
    expect([err.extensions?.code, err.extensions?.field, err.message]).toEqual(['CONFLICT', 'input.features', expect.stringContaining('feature service reads_mrr (mrr) reads features this definition drops')]);
    await ok(loom, 'mutation { dropFeatureService(name: "reads_mrr") { name } }');
    expect((await ok(loom, DEFINE, { input: { ...V2, features: V2.features.filter((f) => f.name !== 'mrr') } })).defineFeatureGroup.version).toBeGreaterThan(current.version);
  });

  it('keeps tenants apart and refuses bad arguments, naming them', async () => {
    expect((await ok(loom, VERSIONS, {}, rivalKey)).featureGroup).toBeNull();
    const err = await fails(loom, VERSIONS, { first: 0 });
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.message).toMatch(/first/);
  });
});
