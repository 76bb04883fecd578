/**
 * Feast's feature server API against the demo's feature group and a tenant of its own: the request and
 * answer shapes of `feast serve` (get-online-features, push, health), its statuses and errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { DEMO_FEATURE_GROUP } from '../../app/demo/features.js';
import { ok } from '../graphql/registry.testkit.js';

const VIEW = DEMO_FEATURE_GROUP.name;
let loom: TestLoom;
let viewerKey: string;
let otherKey: string;
let otherViewer: string;

beforeAll(async () => {
  loom = await startTestLoom();
  viewerKey = await loom.services.tenancy.createApiKey('demo', 'viewer');
  await loom.services.tenancy.createTenant('feast_shop');
  otherKey = await loom.services.tenancy.createApiKey('feast_shop', 'editor');
  otherViewer = await loom.services.tenancy.createApiKey('feast_shop', 'viewer');
  await ok(loom, `mutation { defineFeatureGroup(input: { namespace: "shop", name: "driver_hourly_stats", entity: "driver_id", features: [
    { name: "conv_rate", type: FLOAT64 }, { name: "acc_rate", type: FLOAT64 }, { name: "avg_daily_trips", type: INT64 } ] }) { id } }`, {}, otherKey);
});
afterAll(async () => { await loom?.close(); });

describe('Feast feature server API', () => {
  it('answers get-online-features column by column, as feast serve does, with the values GraphQL gives', async () => {
    const body = { features: [`${VIEW}:tenure_days`, `${VIEW}:plan_tier`, `${VIEW}:mrr`], entities: { customer_id: [10001, '10002', 'nobody'] } };
    const { status, json } = await loom.post('/get-online-features', body, { key: viewerKey });
    expect(status).toBe(200);
    expect(json.metadata).toEqual({ feature_names: ['customer_id', 'tenure_days', 'plan_tier', 'mrr'] });
    expect(json.results[0]).toEqual({ values: [10001, '10002', 'nobody'], statuses: ['PRESENT', 'PRESENT', 'PRESENT'], event_timestamps: Array(3).fill('1970-01-01T00:00:00Z') });
    const gql = await ok(loom, `query ($ids: [String!]!) { onlineFeatures(entityIds: $ids, features: [{ namespace: "${DEMO_FEATURE_GROUP.namespace}", name: "${VIEW}", features: ["tenure_days", "plan_tier", "mrr"] }]) { values { feature value eventTime } } }`, { ids: ['10001', '10002'] });
    for (const [col, feature] of [[1, 'tenure_days'], [2, 'plan_tier'], [3, 'mrr']] as const) {
      const expected = gql.onlineFeatures.map((v: any) => v.values.find((x: any) => x.feature === feature));
      expect(json.results[col].values).toEqual([...expected.map((x: any) => x.value), null]);
      expect(json.results[col].statuses).toEqual(['PRESENT', 'PRESENT', 'NOT_FOUND']);
      expect(json.results[col].event_timestamps[0]).toBe(expected[0].eventTime.replace(/\.\d+Z$/, 'Z'));
      expect(json.results[col].event_timestamps[2]).toBe('1970-01-01T00:00:00Z');
    }
    const full = await loom.post('/get-online-features', { ...body, full_feature_names: true }, { key: viewerKey });
    expect(full.json.metadata.feature_names).toEqual(['customer_id', `${VIEW}__tenure_days`, `${VIEW}__plan_tier`, `${VIEW}__mrr`]);
    // The group may be named with its namespace too.
    const named = await loom.post('/get-online-features', { features: [`${DEMO_FEATURE_GROUP.namespace}/${VIEW}:mrr`], entities: { customer_id: ['10001'] } }, { key: viewerKey });
    expect(named.json.results[1].values).toEqual([json.results[3].values[0]]);
    expect((await loom.post('/health', {}, { key: null })).status).toBe(404); // GET only
    const health = await fetch(`${loom.url}/health`);
    expect(health.status).toBe(200);
  });

  it('refuses what it cannot answer with a 4xx naming the field, in FastAPI\'s { detail } shape', async () => {
    const bad: [unknown, number, RegExp][] = [
      [{ features: [`${VIEW}:tenure_days`], entities: { user_id: [1] } }, 400, /^entities: give the entity key customer_id/],
      [{ features: ['no_such_view:x'], entities: { customer_id: [1] } }, 400, /^features\[0\]: no feature group no_such_view/],
      [{ features: [`${VIEW}:nope`], entities: { customer_id: [1] } }, 400, /^features\[0\]: nope is not a feature/],
      [{ features: ['tenure_days'], entities: { customer_id: [1] } }, 400, /^features\[0\]: tenure_days is not view:feature/],
      [{ features: [`${VIEW}:mrr`], entities: { customer_id: [] } }, 400, /^entities\.customer_id: must be a non-empty list/],
      [{ feature_service: 'churn_v1', entities: { customer_id: [1] } }, 400, /^feature_service: no feature service churn_v1/],
      [{ feature_service: 'churn_v1', features: [`${VIEW}:mrr`], entities: { customer_id: [1] } }, 400, /^feature_service: give features or feature_service, not both/],
      [{ features: [`${VIEW}:mrr`, `${VIEW}:mrr`], entities: { customer_id: [1] } }, 400, /^features\[1\]: mrr is asked twice/],
      // beyond 2^53 JSON rounds an id to another entity's (9007199254740993 arrives as ...992)
      [{ features: [`${VIEW}:mrr`], entities: { customer_id: [1, 9007199254740993] } }, 400, /^entities\.customer_id\[1\]: 9007199254740992 is beyond 2\^53.*send it as a string/],
    ];
    for (const [body, status, detail] of bad) {
      const res = await loom.post('/get-online-features', body, { key: viewerKey });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.json.detail).toMatch(detail);
      expect(res.json.code).toBe('BAD_USER_INPUT');
    }
    expect((await loom.post('/get-online-features', { features: [`${VIEW}:mrr`], entities: { customer_id: [1] } }, { key: null })).status).toBe(401);
  });

  it('takes a push (a dataframe as columns, pandas timestamps), served online at once; viewers may not push', async () => {
    const df = { driver_id: [1001, 1002], event_timestamp: ['2026-12-01 10:59:42.123456', '2026-12-01T11:00:00Z'], conv_rate: [0.5, 0.25], acc_rate: [0.9, null], avg_daily_trips: [12, 7] };
    const pushed = await loom.post('/push', { push_source_name: 'driver_hourly_stats', df, to: 'online' }, { key: otherKey });
    expect(pushed.status).toBe(200);
    const read = await loom.post('/get-online-features', { features: ['driver_hourly_stats:conv_rate', 'driver_hourly_stats:acc_rate', 'driver_hourly_stats:avg_daily_trips'], entities: { driver_id: [1001, 1002] } }, { key: otherViewer });
    expect(read.json.results.slice(1).map((r: any) => r.values)).toEqual([[0.5, 0.25], [0.9, null], [12, 7]]);
    expect(read.json.results[2].statuses).toEqual(['PRESENT', 'NULL_VALUE']);
    expect(read.json.results[1].event_timestamps).toEqual(['2026-12-01T10:59:42Z', '2026-12-01T11:00:00Z']);
    const refusals: [unknown, string, number, RegExp][] = [
      [{ push_source_name: 'driver_hourly_stats', df }, otherViewer, 403, /may not write/],
      [{ push_source_name: 'driver_hourly_stats', df: { ...df, conv_rate: [0.1] } }, otherKey, 400, /^df\.conv_rate: has 1 values; driver_id has 2/],
      [{ push_source_name: 'driver_hourly_stats', df: { conv_rate: [0.1] } }, otherKey, 400, /^df: needs the entity key column driver_id/],
      [{ push_source_name: 'driver_hourly_stats', df: { driver_id: [1], conv_rate: ['fast'] } }, otherKey, 400, /^df\.conv_rate\[0\]:/], // the dataframe's column and row
      [{ push_source_name: 'driver_hourly_stats', df, to: 'somewhere' }, otherKey, 400, /^to: must be one of/],
    ];
    for (const [body, key, status, detail] of refusals) {
      const res = await loom.post('/push', body, { key });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.json.detail).toMatch(detail); // FastAPI's shape, the key's refusals too
    }
    // no key, and a body that is not JSON: FastAPI's shape too
    const unknown = await loom.post('/push', { push_source_name: 'driver_hourly_stats', df }, { key: 'not-a-key' });
    expect([unknown.status, unknown.json.detail]).toEqual([401, 'Unknown or revoked API key']);
    const garbled = await loom.post('/push', null, { key: otherKey, raw: '{"push_source_name": ' });
    expect([garbled.status, typeof garbled.json.detail]).toEqual([400, 'string']);
    // Nothing of the refused pushes was written.
    const again = await loom.post('/get-online-features', { features: ['driver_hourly_stats:conv_rate'], entities: { driver_id: [1001, 1] } }, { key: otherViewer });
    expect(again.json.results[1].values).toEqual([0.5, null]);
  });

  it('keeps tenants apart: one tenant\'s views are unknown to another, to read and to push', async () => {
    const read = await loom.post('/get-online-features', { features: ['driver_hourly_stats:conv_rate'], entities: { driver_id: [1001] } }, { key: viewerKey });
    expect(read.status).toBe(400);
    expect(read.json.detail).toMatch(/^features\[0\]: no feature group driver_hourly_stats/);
    const push = await loom.post('/push', { push_source_name: VIEW, df: { customer_id: ['10001'], mrr: [1] } }, { key: otherKey });
    expect(push.status).toBe(400);
    expect(push.json.detail).toMatch(/^push_source_name: no feature group/);
  });

  it('serves a feature service (Feast\'s FeatureService) as the features it names; the groups it reads feed it in the lineage graph', async () => {
    const DEFINE = 'mutation ($input: FeatureServiceInput!) { defineFeatureService(input: $input) { id name entity definedBy features { namespace group feature } } }';
    const defined = (await ok(loom, DEFINE, { input: { name: 'churn_model_v2', description: 'What churn-classifier v2 reads', features: [`${VIEW}:mrr`, `${DEMO_FEATURE_GROUP.namespace}/${VIEW}:tenure_days`] } })).defineFeatureService;
    expect(defined).toMatchObject({ name: 'churn_model_v2', entity: 'customer_id', features: [{ group: VIEW, feature: 'mrr' }, { group: VIEW, feature: 'tenure_days' }] });
    const byService = await loom.post('/get-online-features', { feature_service: 'churn_model_v2', entities: { customer_id: ['10001', 'nobody'] } }, { key: viewerKey });
    const listed = await loom.post('/get-online-features', { features: [`${VIEW}:mrr`, `${VIEW}:tenure_days`], entities: { customer_id: ['10001', 'nobody'] } }, { key: viewerKey });
    expect(byService.status).toBe(200);
    expect(byService.json).toEqual(listed.json);
    expect(byService.json.results[1].statuses).toEqual(['PRESENT', 'NOT_FOUND']);
    // Lineage: the group's source table -> the group -> the service.
    const group = `dataset:${DEMO_FEATURE_GROUP.namespace}:${VIEW}`;
    const down = await ok(loom, 'query ($id: ID!) { lineage(nodeId: $id, direction: DOWNSTREAM, depth: 1) { nodes { node { id kind } } } }', { id: group });
    expect(down.lineage.nodes.map((n: any) => n.node)).toContainEqual({ id: defined.id, kind: 'FeatureService' });
    // Bad definitions name the field; viewers may not define; another tenant neither sees nor serves it.
    const fails = async (input: object, key?: string) => (await loom.gql(DEFINE, { input }, key)).errors?.[0];
    expect((await fails({ name: 'x', features: [`${VIEW}:nope`] }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.features[0]' });
    expect((await fails({ name: 'bad name', features: [`${VIEW}:mrr`] }))?.extensions).toMatchObject({ field: 'input.name' });
    expect((await fails({ name: 'x', features: [`${VIEW}:mrr`, `${VIEW}:mrr`] }))?.message).toMatch(/named twice/);
    expect((await fails({ name: 'x', features: [`${VIEW}:mrr`] }, viewerKey))?.extensions?.code).toBe('FORBIDDEN');
    expect((await ok(loom, '{ featureServices { name } }', {}, otherKey)).featureServices).toEqual([]);
    const theirs = await loom.post('/get-online-features', { feature_service: 'churn_model_v2', entities: { customer_id: ['10001'] } }, { key: otherViewer });
    expect(theirs.status).toBe(400);
    // The group it reads cannot be dropped under it (as feast apply refuses)
    const dropGroup = await loom.gql('mutation ($ns: String!, $name: String!) { dropFeatureGroup(namespace: $ns, name: $name) { id } }', { ns: DEMO_FEATURE_GROUP.namespace, name: VIEW });
    expect([dropGroup.errors?.[0].extensions?.code, dropGroup.errors?.[0].message]).toEqual(['CONFLICT', expect.stringContaining('feature service churn_model_v2 (mrr, tenure_days) reads this group')]);
    // Redefined with fewer features, then dropped: no longer served, its edge from the group ended.
    await ok(loom, DEFINE, { input: { name: 'churn_model_v2', features: [`${VIEW}:mrr`] } });
    expect((await loom.post('/get-online-features', { feature_service: 'churn_model_v2', entities: { customer_id: ['10001'] } }, { key: viewerKey })).json.metadata.feature_names).toEqual(['customer_id', 'mrr']);
    await ok(loom, 'mutation { dropFeatureService(name: "churn_model_v2") { name } }');
    expect((await loom.post('/get-online-features', { feature_service: 'churn_model_v2', entities: { customer_id: ['10001'] } }, { key: viewerKey })).json.detail).toMatch(/^feature_service: no feature service churn_model_v2/);
    const after = await ok(loom, 'query ($id: ID!) { lineage(nodeId: $id, direction: DOWNSTREAM, depth: 1) { nodes { node { id } } } }', { id: group });
    expect(after.lineage.nodes.map((n: any) => n.node.id)).not.toContain(defined.id);
    expect((await ok(loom, '{ featureServices { name } }')).featureServices).toEqual([]);
  });
});
