import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok } from './registry.testkit.js';

const NS = 'warehouse';
const SOURCE = 'analytics.customer_activity';
const GROUP = 'churn.customer_features';
const GROUP_FIELDS = 'id namespace name entity version ttlSeconds source { id namespace name } definedBy { role } features { id name type dimension sourceFields transformation }';
const DEFINE = `mutation ($input: FeatureGroupInput!) { defineFeatureGroup(input: $input) { ${GROUP_FIELDS} } }`;
const WRITE = 'mutation ($ns: String!, $name: String!, $rows: [FeatureRowInput!]!) { writeFeatures(namespace: $ns, name: $name, rows: $rows) { rows values writtenAt } }';
const ONLINE = 'query ($ids: [String!]!, $f: [FeatureSelectionInput!]!) { onlineFeatures(entityIds: $ids, features: $f) { entityId at values { group feature value eventTime status } } }';
const PIT = 'query ($rows: [EntityAtInput!]!, $f: [FeatureSelectionInput!]!) { pointInTimeFeatures(rows: $rows, features: $f) { entityId at values { feature value eventTime status } } }';
const READ = 'mutation ($run: String!, $rows: [EntityAtInput!]!, $f: [FeatureSelectionInput!]!) { readTrainingSet(runId: $run, rows: $rows, features: $f) { entityId values { feature value } } }';
const ALL = [{ namespace: NS, name: GROUP }];

const DAY = 86_400_000;
const T0 = Date.now() - 10 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();

const FEATURES = [
  { name: 'tenure_months', type: 'INT64', sourceFields: ['tenure_months'] },
  { name: 'avg_monthly_charges', type: 'FLOAT64', sourceFields: ['monthly_charges'], transformation: 'mean over the last 3 months' },
  { name: 'plan', type: 'STRING', sourceFields: ['plan'] },
  { name: 'is_senior', type: 'BOOL' },
  { name: 'events_total', type: 'INT64' },
  { name: 'embedding', type: 'FLOAT_VECTOR', dimension: 3, description: 'behaviour embedding' },
];
const definition = (over: Record<string, unknown> = {}) => ({
  namespace: NS, name: GROUP, entity: 'customer_id', description: 'Customer features for churn', features: FEATURES,
  source: { namespace: NS, name: SOURCE }, ...over,
});

/** An OpenLineage run event: `inputs`/`outputs` as namespace/name, the outputs with a schema facet of `fields`. */
function olEvent(job: string, inputs: string[], outputs: { name: string; fields: string[] }[], eventType = 'COMPLETE', runId = randomUUID()) {
  return {
    eventType, eventTime: new Date().toISOString(), producer: 'https://example.com/features-test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent',
    run: { runId }, job: { namespace: NS, name: job },
    inputs: inputs.map((name) => ({ namespace: NS, name })),
    outputs: outputs.map((o) => ({ namespace: NS, name: o.name, facets: { schema: { _producer: 'x', _schemaURL: 'x', fields: o.fields.map((f) => ({ name: f, type: 'STRING' })) } } })),
  };
}

describe('feature store: groups in the graph, values in ClickHouse, online and point-in-time reads', () => {
  let loom: TestLoom;
  let rivalKey: string;
  let viewerKey: string;
  const value = (vec: any, feature: string) => vec.values.find((v: any) => v.feature === feature);

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    viewerKey = await loom.services.tenancy.createApiKey('demo', 'viewer');
    const res = await loom.post('/api/v1/lineage', olEvent('dbt.customer_activity', ['raw.events'], [{ name: SOURCE, fields: ['customer_id', 'tenure_months', 'monthly_charges', 'plan'] }]));
    expect(res.status).toBe(201);
  }, 120_000);
  afterAll(async () => { await loom?.close(); });

  it('refuses bad definitions, naming the field, and viewers', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [definition({ features: [] }), 'input.features'],
      [definition({ features: [{ name: '1bad', type: 'INT64' }] }), 'input.features[0].name'],
      [definition({ features: [{ name: 'e', type: 'FLOAT_VECTOR' }] }), 'input.features[0].dimension'],
      [definition({ features: [{ name: 'a', type: 'INT64' }, { name: 'a', type: 'STRING' }] }), 'input.features[1].name'],
      [definition({ features: [{ name: 'customer_id', type: 'STRING' }] }), 'input.features[0].name'],
      [definition({ source: { namespace: NS, name: 'no.such.table' } }), 'input.source'],
      [definition({ source: null }), 'input.features[0].sourceFields'],
      [definition({ ttlSeconds: 0 }), 'input.ttlSeconds'],
    ];
    for (const [input, field] of cases) {
      const err = await fails(loom, DEFINE, { input });
      expect(err.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(err.message.startsWith(`${field}:`), err.message).toBe(true);
    }
    expect((await fails(loom, DEFINE, { input: definition() }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await ok(loom, `{ featureGroups(search: "${GROUP}") { id } }`)).featureGroups).toEqual([]);
    expect((await fails(loom, `{ featureGroups(search: "${'x'.repeat(40_000)}") { id } }`)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' }); // it answered 500
  });

  it('defines a group as a node of the lineage graph: features, the source that FEEDS it, the fields that DERIVE them', async () => {
    const { defineFeatureGroup: g } = await ok(loom, DEFINE, { input: definition() });
    expect(g).toMatchObject({ id: `dataset:${NS}:${GROUP}`, entity: 'customer_id', version: 1, ttlSeconds: null, source: { id: `dataset:${NS}:${SOURCE}` }, definedBy: { role: 'admin' } });
    expect(g.features.map((f: any) => [f.name, f.type, f.dimension])).toEqual(FEATURES.map((f) => [f.name, f.type, f.dimension ?? null]));
    // Defining it again unchanged changes nothing.
    expect((await ok(loom, DEFINE, { input: definition() })).defineFeatureGroup.version).toBe(1);

    const down = await ok(loom, 'query ($id: ID!) { lineage(nodeId: $id, direction: DOWNSTREAM, depth: 1) { nodes { node { id kind } } } }', { id: `dataset:${NS}:${SOURCE}` });
    expect(down.lineage.nodes.map((n: any) => n.node)).toContainEqual({ id: g.id, kind: 'FeatureGroup' });
    const cols = await ok(loom, 'query ($id: ID!) { columnLineage(nodeId: $id, direction: DOWNSTREAM, depth: 2) { nodes { node { id } } edges { kind from to props } } }', { id: `field:${NS}:${SOURCE}#monthly_charges` });
    const derives = cols.columnLineage.edges.find((e: any) => e.kind === 'DERIVES' && e.to === `feature:${NS}:${GROUP}#avg_monthly_charges`);
    expect(derives.props.transformations[0]).toMatchObject({ type: 'DIRECT', subtype: 'TRANSFORMATION', description: 'mean over the last 3 months' });
    const fromGroup = await ok(loom, 'query ($id: ID!) { columnLineage(nodeId: $id, direction: UPSTREAM, depth: 1) { nodes { node { id } } } }', { id: g.id });
    expect(fromGroup.columnLineage.nodes.map((n: any) => n.node.id)).toEqual(expect.arrayContaining([`field:${NS}:${SOURCE}#tenure_months`, `field:${NS}:${SOURCE}#plan`]));
  });

  it('a feature computed from another dataset names its own source: both FEED the group, its fields DERIVE it; defined again without it, those edges end', async () => {
    const ACTIVITY = 'analytics.daily_activity';
    expect((await loom.post('/api/v1/lineage', olEvent('dbt.daily_activity', ['raw.events'], [{ name: ACTIVITY, fields: ['customer_id', 'sessions'] }]))).status).toBe(201);
    const joined = (own: Record<string, unknown> | null) => ({
      namespace: NS, name: 'features.joined', entity: 'customer_id', source: { namespace: NS, name: SOURCE },
      features: [{ name: 'plan', type: 'STRING', sourceFields: ['plan'] }, { name: 'sessions_7d', type: 'INT64', ...(own ?? {}) }],
    });
    const Q = `mutation ($input: FeatureGroupInput!) { defineFeatureGroup(input: $input) { id version sources { id } features { name sourceFields source { id namespace name } } } }`;
    const missing = await fails(loom, Q, { input: joined({ source: { namespace: NS, name: 'no.such.table' }, sourceFields: ['x'] }) });
    expect(missing.message).toMatch(/^input\.features\[1\]\.source: no dataset/);
    const { defineFeatureGroup: g } = await ok(loom, Q, { input: joined({ source: { namespace: NS, name: ACTIVITY }, sourceFields: ['sessions'], transformation: 'sum over 7 days' }) });
    expect(g.sources.map((d: any) => d.id).sort()).toEqual([`dataset:${NS}:${ACTIVITY}`, `dataset:${NS}:${SOURCE}`].sort());
    expect(g.features).toEqual([
      { name: 'plan', sourceFields: ['plan'], source: null },
      { name: 'sessions_7d', sourceFields: ['sessions'], source: { id: `dataset:${NS}:${ACTIVITY}`, namespace: NS, name: ACTIVITY } },
    ]);
    const DOWN = 'query ($id: ID!) { lineage(nodeId: $id, direction: DOWNSTREAM, depth: 1) { nodes { node { id } } } }';
    expect((await ok(loom, DOWN, { id: `dataset:${NS}:${ACTIVITY}` })).lineage.nodes.map((n: any) => n.node.id)).toContain(g.id);
    const cols = await ok(loom, 'query ($id: ID!) { columnLineage(nodeId: $id, direction: DOWNSTREAM, depth: 1) { edges { kind from to props } } }', { id: `field:${NS}:${ACTIVITY}#sessions` });
    expect(cols.columnLineage.edges).toContainEqual(expect.objectContaining({ kind: 'DERIVES', to: `feature:${NS}:features.joined#sessions_7d` }));
    // The same definition again is no new version; without the feature's own source, ACTIVITY no longer feeds it.
    expect((await ok(loom, Q, { input: joined({ source: { namespace: NS, name: ACTIVITY }, sourceFields: ['sessions'], transformation: 'sum over 7 days' }) })).defineFeatureGroup.version).toBe(1);
    const { defineFeatureGroup: g2 } = await ok(loom, Q, { input: joined(null) });
    expect(g2).toMatchObject({ version: 2, sources: [{ id: `dataset:${NS}:${SOURCE}` }] });
    expect((await ok(loom, DOWN, { id: `dataset:${NS}:${ACTIVITY}` })).lineage.nodes.map((n: any) => n.node.id)).not.toContain(g.id);
    const after = await ok(loom, 'query ($id: ID!) { columnLineage(nodeId: $id, direction: DOWNSTREAM, depth: 1) { edges { kind to } } }', { id: `field:${NS}:${ACTIVITY}#sessions` });
    expect(after.columnLineage.edges.filter((e: any) => e.kind === 'DERIVES')).toEqual([]);
    await ok(loom, 'mutation { dropFeatureGroup(namespace: "' + NS + '", name: "features.joined") { id } }');
  });

  it('makes a dataset an emitter reported into a group: the same node, still written by its job', async () => {
    const table = 'analytics.churn_scores';
    expect((await loom.post('/api/v1/lineage', olEvent('spark.score', [SOURCE], [{ name: table, fields: ['customer_id', 'score'] }]))).status).toBe(201);
    const { defineFeatureGroup: g } = await ok(loom, DEFINE, { input: { namespace: NS, name: table, entity: 'customer_id', features: [{ name: 'score', type: 'FLOAT64' }] } });
    expect(g.id).toBe(`dataset:${NS}:${table}`);
    // The emitter reports it again, not saying what it is: it stays a feature group, its job upstream.
    expect((await loom.post('/api/v1/lineage', olEvent('spark.score', [SOURCE], [{ name: table, fields: ['customer_id', 'score'] }]))).status).toBe(201);
    const up = await ok(loom, 'query ($id: ID!) { node(id: $id) { kind } lineage(nodeId: $id, direction: UPSTREAM, depth: 1) { nodes { node { id kind } } } }', { id: g.id });
    expect(up.node.kind).toBe('FeatureGroup');
    expect(up.lineage.nodes.map((n: any) => n.node)).toContainEqual({ id: `job:${NS}:spark.score`, kind: 'Job' });
    const { featureGroups } = await ok(loom, `{ featureGroups(namespace: "${NS}") { name } }`);
    expect(featureGroups.map((x: any) => x.name)).toContain(table);
    // Dropping the group withdraws its definition only: the table stays in the lineage graph.
    await ok(loom, `mutation { dropFeatureGroup(namespace: "${NS}", name: "${table}") { id } }`);
    expect((await ok(loom, `{ featureGroups(namespace: "${NS}") { name } }`)).featureGroups.map((x: any) => x.name)).not.toContain(table);
    const after = await ok(loom, 'query ($id: ID!) { lineage(nodeId: $id, direction: UPSTREAM, depth: 1) { nodes { node { id } } } }', { id: g.id });
    expect(after.lineage.nodes.map((n: any) => n.node.id)).toContain(`job:${NS}:spark.score`);
  });

  it('writes values all or nothing: a bad value is named and nothing is stored', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ tenure_months: 1.5 }, 'rows[1].values.tenure_months'],
      [{ is_senior: 'yes' }, 'rows[1].values.is_senior'],
      [{ embedding: [1, 2] }, 'rows[1].values.embedding'],
      [{ nope: 1 }, 'rows[1].values.nope'],
      [{}, 'rows[1].values'],
    ];
    for (const [values, field] of bad) {
      const err = await fails(loom, WRITE, { ns: NS, name: GROUP, rows: [{ entityId: 'c1', values: { tenure_months: 3 } }, { entityId: 'c1', values }] });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.message.startsWith(`${field}:`), err.message).toBe(true);
    }
    const future = await fails(loom, WRITE, { ns: NS, name: GROUP, rows: [{ entityId: 'c1', eventTime: iso(Date.now() + 3 * DAY), values: { plan: 'x' } }] });
    expect(future.message).toMatch(/^rows\[0\]\.eventTime:/);
    expect((await fails(loom, WRITE, { ns: NS, name: GROUP, rows: [{ entityId: 'c1', values: { plan: 'x' } }] }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await fails(loom, WRITE, { ns: NS, name: 'no.such.group', rows: [{ entityId: 'c1', values: { plan: 'x' } }] })).extensions?.code).toBe('NOT_FOUND');
    const { onlineFeatures } = await ok(loom, ONLINE, { ids: ['c1'], f: ALL });
    expect(onlineFeatures[0].values.every((v: any) => v.status === 'NOT_FOUND')).toBe(true);
  });

  it('serves each entity\'s latest values online, typed as declared, partial upserts and backfills included', async () => {
    const rows = [
      { entityId: 'c1', eventTime: iso(T0), values: { tenure_months: 3, avg_monthly_charges: 70.25, plan: 'basic', is_senior: false, events_total: '9007199254740993', embedding: [0.5, -1, 2] } },
      { entityId: 'c2', eventTime: iso(T0), values: { tenure_months: 40, avg_monthly_charges: 99.5, plan: 'premium', is_senior: true, events_total: 12, embedding: [0, 0, 1] } },
      { entityId: 'c1', eventTime: iso(T0 + 5 * DAY), values: { tenure_months: 8, avg_monthly_charges: 80, plan: 'standard' } },
    ];
    expect((await ok(loom, WRITE, { ns: NS, name: GROUP, rows })).writeFeatures).toMatchObject({ rows: 3, values: 15 });
    // A partial upsert now (plan only, and a null), then a backfill of an older value that must not win online.
    await ok(loom, WRITE, { ns: NS, name: GROUP, rows: [{ entityId: 'c1', values: { plan: 'premium', is_senior: null } }] });
    await ok(loom, WRITE, { ns: NS, name: GROUP, rows: [{ entityId: 'c1', eventTime: iso(T0 + DAY), values: { tenure_months: 4 } }] });

    const { onlineFeatures: [c1, nobody, c2] } = await ok(loom, ONLINE, { ids: ['c1', 'nobody', 'c2'], f: ALL });
    expect(c1.entityId).toBe('c1');
    expect(value(c1, 'tenure_months')).toMatchObject({ group: `${NS}/${GROUP}`, value: 8, eventTime: iso(T0 + 5 * DAY), status: 'PRESENT' });
    expect(value(c1, 'avg_monthly_charges').value).toBe(80);
    expect(value(c1, 'plan')).toMatchObject({ value: 'premium', status: 'PRESENT' });
    expect(value(c1, 'is_senior')).toMatchObject({ value: null, status: 'NULL' });
    expect(value(c1, 'events_total').value).toBe('9007199254740993'); // exact beyond 2^53
    expect(value(c1, 'embedding').value).toEqual([0.5, -1, 2]);
    expect(nobody.values.map((v: any) => v.status)).toEqual(FEATURES.map(() => 'NOT_FOUND'));
    expect(c2.values.map((v: any) => v.value)).toEqual([40, 99.5, 'premium', true, 12, [0, 0, 1]]);

    // The same entity, feature and event time written again: the later write wins.
    await ok(loom, WRITE, { ns: NS, name: GROUP, rows: [{ entityId: 'c2', eventTime: iso(T0), values: { tenure_months: 41 } }] });
    const again = await ok(loom, ONLINE, { ids: ['c2'], f: [{ namespace: NS, name: GROUP, features: ['tenure_months', 'plan'] }] });
    expect(again.onlineFeatures[0].values.map((v: any) => [v.feature, v.value])).toEqual([['tenure_months', 41], ['plan', 'premium']]);
  });

  it('watches a group with alert rules (FEATURES): the null rate of a feature, the values written; alerts tied to the group', async () => {
    const create = 'mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }';
    const group = `dataset:${NS}:${GROUP}`;
    const base = { source: 'FEATURES', windowSeconds: 86_400, labels: [{ key: 'group', value: group }] };
    const preview = await ok(loom, 'query ($input: AlertRuleInput!) { previewAlertRule(input: $input) { series { labels value breaching } } }', { input: { ...base, name: 'p', measure: 'FEATURE_NULL_RATE', op: 'GT', threshold: 0.5 } });
    // In the last day: c1's plan (a value) and is_senior (a null), written "now" above.
    expect(preview.previewAlertRule.series).toEqual([
      { labels: { group, feature: 'is_senior' }, value: 1, breaching: true }, { labels: { group, feature: 'plan' }, value: 0, breaching: false },
    ]);
    const counted = await ok(loom, 'query ($input: AlertRuleInput!) { previewAlertRule(input: $input) { series { labels value } } }', { input: { ...base, name: 'c', measure: 'FEATURE_VALUES', op: 'LT', threshold: 10 } });
    expect(counted.previewAlertRule.series).toEqual([{ labels: { group }, value: 2 }]);
    // plan is a STRING (its row holds 0 in the numeric columns), is_senior null: no mean of either
    const mean = await ok(loom, 'query ($input: AlertRuleInput!) { previewAlertRule(input: $input) { series { labels value } } }', { input: { ...base, name: 'm', measure: 'FEATURE_MEAN', op: 'LT', threshold: 1 } });
    expect(mean.previewAlertRule.series).toEqual([]);
    const bad = await fails(loom, create, { input: { ...base, name: 'x', measure: 'FEATURE_VALUES', op: 'LT', threshold: 1, labels: [{ key: 'pod', value: 'p' }] } });
    expect(bad.message).toMatch(/^input\.labels\[0\]\.key: a FEATURES rule matches on group, feature/);
    const { createAlertRule: rule } = await ok(loom, create, { input: { ...base, name: 'Null is_senior', measure: 'FEATURE_NULL_RATE', op: 'GT', threshold: 0.5 } });
    await loom.services.alerts.evaluateTenant('demo');
    const { alerts } = await ok(loom, 'query ($id: ID) { alerts(nodeId: $id) { ruleId state value labels subjectId } }', { id: group });
    expect(alerts).toEqual([{ ruleId: rule.id, state: 'FIRING', value: 1, labels: { group, feature: 'is_senior' }, subjectId: group }]);
    await ok(loom, 'mutation ($id: ID!) { deleteAlertRule(id: $id) { id } }', { id: rule.id });
  });

  it('reads a training set at points in time: no row sees a value from its future', async () => {
    const rows = [
      { entityId: 'c1', at: iso(T0 - DAY) },
      { entityId: 'c1', at: iso(T0 + 2 * DAY) },
      { entityId: 'c1', at: iso(T0 + 6 * DAY) },
      { entityId: 'c2', at: iso(T0) },
    ];
    const { pointInTimeFeatures: v } = await ok(loom, PIT, { rows, f: [{ namespace: NS, name: GROUP, features: ['tenure_months', 'plan'] }] });
    expect(v.map((r: any) => r.values.map((x: any) => x.value))).toEqual([[null, null], [4, 'basic'], [8, 'standard'], [41, 'premium']]);
    expect(v[0].values[0].status).toBe('NOT_FOUND');
    expect(v[1].values[0].eventTime).toBe(iso(T0 + DAY));
    expect((await fails(loom, PIT, { rows: [{ entityId: 'c1', at: iso(T0) }], f: [{ namespace: NS, name: GROUP, features: ['nope'] }] })).message).toMatch(/^features\[0\]\.features\[0\]:/);
  });

  it('evolves the definition: features added and dropped, TTL, never a type or the entity key', async () => {
    const typeChange = await fails(loom, DEFINE, { input: definition({ features: FEATURES.map((f) => (f.name === 'plan' ? { ...f, type: 'INT64' } : f)) }) });
    expect(typeChange.message).toMatch(/^input\.features\[2\]\.type: plan holds STRING values/);
    expect((await fails(loom, DEFINE, { input: definition({ entity: 'account_id' }) })).message).toMatch(/^input\.entity:/);

    const next = [...FEATURES.filter((f) => f.name !== 'embedding'), { name: 'support_tickets_30d', type: 'INT64' }];
    const { defineFeatureGroup: g } = await ok(loom, DEFINE, { input: definition({ features: next, ttlSeconds: 7 * 86_400 }) });
    expect(g).toMatchObject({ version: 2, ttlSeconds: 604_800 });
    const { onlineFeatures: [c1] } = await ok(loom, ONLINE, { ids: ['c1'], f: ALL });
    expect(c1.values.map((v: any) => [v.feature, v.status])).toEqual([
      ['tenure_months', 'PRESENT'], ['avg_monthly_charges', 'PRESENT'], ['plan', 'PRESENT'], ['is_senior', 'NULL'], ['events_total', 'EXPIRED'], ['support_tickets_30d', 'NOT_FOUND'],
    ]);
    // The dropped feature's node and HAS_FIELD edge are ended, not deleted.
    const [dropped] = await loom.services.graph.getNodes('demo', [`feature:${NS}:${GROUP}#embedding`]);
    expect(dropped?.validTo).not.toBeNull();
    const fields = await loom.services.graph.neighbours('demo', g.id, { direction: 'DOWNSTREAM', edgeKinds: ['HAS_FIELD'], limit: 50, offset: 0 });
    expect(fields.items.map((n) => n.node.id).sort()).toEqual(next.map((f) => `feature:${NS}:${GROUP}#${f.name}`).sort());
  });

  it('counts what a group holds and describes each feature', async () => {
    const q = `query { featureGroup(namespace: "${NS}", name: "${GROUP}") { stats { entities values lastEventTime } featureStats { feature entities nulls min max mean distinctStrings } } }`;
    const { featureGroup } = await ok(loom, q);
    expect(featureGroup.stats).toMatchObject({ entities: 2, values: 18 });
    const byName = Object.fromEntries(featureGroup.featureStats.map((s: any) => [s.feature, s]));
    expect(byName.tenure_months).toMatchObject({ entities: 2, nulls: 0, min: 8, max: 41, mean: 24.5 });
    expect(byName.is_senior).toMatchObject({ entities: 2, nulls: 1, min: 1, max: 1 });
    expect(byName.plan).toMatchObject({ entities: 2, distinctStrings: 1 });
  });

  it('ties the group into model lineage: a training run reading it, the model version it produced', async () => {
    const runId = randomUUID();
    expect((await loom.post('/api/v1/lineage', olEvent('train.churn', [GROUP], [], 'COMPLETE', runId))).status).toBe(201);
    await ok(loom, 'mutation ($input: RegisterModelVersionInput!) { registerModelVersion(input: $input) { version } }', { input: { name: 'churn-fs', modelUri: 's3://m/1', runId } });
    const q = 'query ($id: ID!) { lineage(nodeId: $id, direction: DOWNSTREAM, depth: 4) { nodes { node { id kind } distance } } }';
    const { lineage } = await ok(loom, q, { id: `dataset:${NS}:${SOURCE}` });
    const kinds = lineage.nodes.map((n: any) => `${n.distance} ${n.node.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['1 FeatureGroup', '2 Run', '3 ModelVersion']));
  });

  it('records the groups a run read its training set from, so the model it produced has them in its lineage', async () => {
    const { createRun } = await ok(loom, 'mutation { createRun(input: {experiment: "fs-training"}) { runId } }');
    const rows = [{ entityId: 'c1', at: iso(T0 + 6 * DAY) }];
    expect((await fails(loom, READ, { run: 'no-such-run', rows, f: ALL })).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, READ, { run: createRun.runId, rows, f: ALL }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    const { readTrainingSet } = await ok(loom, READ, { run: createRun.runId, rows, f: [{ namespace: NS, name: GROUP, features: ['tenure_months'] }] });
    expect(readTrainingSet[0].values).toEqual([{ feature: 'tenure_months', value: 8 }]);
    await ok(loom, 'mutation ($r: String!) { registerModelVersion(input: {name: "churn-fs-2", modelUri: "s3://m/2", runId: $r}) { version } }', { r: createRun.runId });
    const { lineage } = await ok(loom, 'query ($id: ID!) { lineage(nodeId: $id, direction: UPSTREAM, depth: 3) { nodes { node { id } distance } } }', { id: 'model:registry:churn-fs-2@1' });
    const distance = Object.fromEntries(lineage.nodes.map((n: any) => [n.node.id, n.distance]));
    expect(distance[`run:${createRun.runId}`]).toBe(1);
    expect(distance[`dataset:${NS}:${GROUP}`]).toBe(2);
    expect(distance[`dataset:${NS}:${SOURCE}`]).toBe(3);
  });

  it('checks data quality rules on the latest values, and a failing group blocks Production of a model trained on it', async () => {
    const VALIDATE = `mutation ($e: [FeatureExpectationInput!]) { validateFeatureGroup(namespace: "${NS}", name: "${GROUP}", expectations: $e) {
      expectations { kind feature } validation { success results { expectation { kind feature mostly } success observed evaluated } } } }`;
    expect((await fails(loom, VALIDATE, {})).message).toMatch(/^expectations: give at least one expectation/);
    expect((await fails(loom, VALIDATE, { e: [{ kind: 'BETWEEN', feature: 'plan', min: 0 }] })).message).toMatch(/^expectations\[0\]\.feature: plan is STRING: BETWEEN needs a numeric feature/);
    expect((await fails(loom, VALIDATE, { e: [{ kind: 'NOT_NULL', feature: 'plan' }] }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    const rules = [
      { kind: 'NOT_NULL', feature: 'is_senior' }, // c1's is null: half pass
      { kind: 'BETWEEN', feature: 'tenure_months', min: 0, max: 100 },
      { kind: 'IN_SET', feature: 'plan', values: ['basic', 'standard', 'premium'] },
      { kind: 'MEAN_BETWEEN', feature: 'avg_monthly_charges', min: 50 },
    ];
    const { validateFeatureGroup: v } = await ok(loom, VALIDATE, { e: rules });
    expect(v.validation.success).toBe(false);
    expect(v.validation.results.map((r: any) => [r.expectation.kind, r.success, r.observed, r.evaluated])).toEqual([
      ['NOT_NULL', false, 0.5, 2], ['BETWEEN', true, 1, 2], ['IN_SET', true, 1, 2], ['MEAN_BETWEEN', true, 89.75, 2],
    ]);
    // churn-fs-2 was trained by a run that read the group (readTrainingSet above): a quality gate refuses it.
    await ok(loom, 'mutation ($input: SetPromotionGatesInput!) { setPromotionGates(input: $input) { gates { kind } } }', { input: { name: 'churn-fs-2', gates: [{ kind: 'UPSTREAM_QUALITY', stages: ['Production'], depth: 1 }] } });
    const PROMOTE = 'mutation { transitionModelVersionStage(input: {name: "churn-fs-2", version: 1, stage: Production}) { stage } }';
    const refused = await fails(loom, PROMOTE);
    expect(refused.extensions?.code).toBe('CONFLICT');
    expect(refused.message).toContain(`dataset:${NS}:${GROUP}: assertion expect_column_values_to_not_be_null on column is_senior failed`);
    // The kept rules, re-run with a looser one: the gate lets it through.
    const kept = await ok(loom, VALIDATE, { e: [{ kind: 'NOT_NULL', feature: 'is_senior', mostly: 0.5 }, ...rules.slice(1)] });
    expect(kept.validateFeatureGroup.validation.success).toBe(true);
    expect((await ok(loom, VALIDATE, {})).validateFeatureGroup.expectations).toHaveLength(4); // validated again with the kept rules
    expect((await ok(loom, PROMOTE)).transitionModelVersionStage.stage).toBe('Production');
    // Every check is kept, newest first; `before` pages back.
    const HISTORY = `query ($first: Int!, $before: DateTime) { featureGroup(namespace: "${NS}", name: "${GROUP}") { validation { at } validations(first: $first, before: $before) { at success validatedBy { role } results { success } } } }`;
    const { featureGroup: h } = await ok(loom, HISTORY, { first: 10 });
    expect(h.validations.map((x: any) => [x.success, x.results.filter((r: any) => r.success).length])).toEqual([[true, 4], [true, 4], [false, 3]]);
    expect(h.validations[0].at).toBe(h.validation.at);
    expect(h.validations.every((x: any, i: number) => i === 0 || x.at < h.validations[i - 1].at)).toBe(true);
    expect(h.validations[0].validatedBy).toEqual({ role: 'admin' });
    const older = await ok(loom, HISTORY, { first: 1, before: h.validations[1].at });
    expect(older.featureGroup.validations.map((x: any) => x.at)).toEqual([h.validations[2].at]);
    expect((await fails(loom, HISTORY, { first: 0 })).message).toMatch(/^first: must be an integer 1\.\.500/);
  });

  it('keeps tenants apart: another tenant sees, reads and writes none of it', async () => {
    expect((await ok(loom, '{ featureGroups { id } }', {}, rivalKey)).featureGroups).toEqual([]);
    expect((await ok(loom, `{ featureGroup(namespace: "${NS}", name: "${GROUP}") { id } }`, {}, rivalKey)).featureGroup).toBeNull();
    expect((await fails(loom, ONLINE, { ids: ['c1'], f: ALL }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, PIT, { rows: [{ entityId: 'c1', at: iso(T0 + 6 * DAY) }], f: ALL }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, WRITE, { ns: NS, name: GROUP, rows: [{ entityId: 'c1', values: { plan: 'stolen' } }] }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, `mutation { validateFeatureGroup(namespace: "${NS}", name: "${GROUP}") { id } }`, {}, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    const rivalRun = (await ok(loom, 'mutation { createRun(input: {experiment: "rival"}) { runId } }', {}, rivalKey)).createRun.runId;
    expect((await fails(loom, READ, { run: rivalRun, rows: [{ entityId: 'c1', at: iso(T0 + 6 * DAY) }], f: ALL }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    // Its own group of the same name holds its own values only.
    await ok(loom, DEFINE, { input: definition({ source: null, features: [{ name: 'plan', type: 'STRING' }] }) }, rivalKey);
    await ok(loom, WRITE, { ns: NS, name: GROUP, rows: [{ entityId: 'c1', values: { plan: 'rival-plan' } }] }, rivalKey);
    // It has no checks of its own, and sees none of the other's.
    expect((await ok(loom, `{ featureGroup(namespace: "${NS}", name: "${GROUP}") { validations { at } } }`, {}, rivalKey)).featureGroup.validations).toEqual([]);
    const mine = await ok(loom, ONLINE, { ids: ['c1'], f: [{ namespace: NS, name: GROUP, features: ['plan'] }] });
    const theirs = await ok(loom, ONLINE, { ids: ['c1', 'c2'], f: ALL }, rivalKey);
    expect(mine.onlineFeatures[0].values[0].value).toBe('premium');
    expect(theirs.onlineFeatures.map((v: any) => v.values[0].value)).toEqual(['rival-plan', null]);
  });

  it('drops a group and restores it, values kept', async () => {
    await ok(loom, `mutation { dropFeatureGroup(namespace: "${NS}", name: "${GROUP}") { id } }`);
    expect((await ok(loom, `{ featureGroups(search: "${GROUP}") { id } }`)).featureGroups).toEqual([]);
    expect((await fails(loom, `{ featureGroups(search: "${'x'.repeat(40_000)}") { id } }`)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' }); // it answered 500
    expect((await fails(loom, ONLINE, { ids: ['c1'], f: ALL })).extensions?.code).toBe('NOT_FOUND');
    const { defineFeatureGroup: g } = await ok(loom, DEFINE, { input: definition() });
    expect(g.version).toBe(3);
    const { onlineFeatures: [c1] } = await ok(loom, ONLINE, { ids: ['c1'], f: [{ namespace: NS, name: GROUP, features: ['tenure_months', 'embedding'] }] });
    expect(c1.values.map((v: any) => v.value)).toEqual([8, [0.5, -1, 2]]);
    expect((await ok(loom, `{ featureGroups(namespace: "${NS}") { name version } }`)).featureGroups).toEqual([{ name: GROUP, version: 3 }]);
  });
});
