import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../testing/harness.js';

const event = (over: Record<string, unknown> = {}) => ({
  eventType: 'COMPLETE',
  eventTime: '2026-03-01T10:00:00.000Z',
  producer: 'https://github.com/OpenLineage/OpenLineage/tree/1.0.0/integration/spark',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: '0190a1b2-0000-7000-8000-000000000001' },
  job: { namespace: 'spark', name: 'orders_daily' },
  inputs: [{ namespace: 'postgres://db:5432', name: 'shop.public.orders', facets: { schema: { fields: [{ name: 'id', type: 'int' }] } } }],
  outputs: [{ namespace: 's3://lake', name: 'orders_daily' }],
  ...over,
});

const LINEAGE = `query ($id: ID!, $dir: Direction!, $depth: Int!) {
  lineage(nodeId: $id, direction: $dir, depth: $depth) { root { id } nodes { distance node { id kind name } } edges { kind from to } truncated }
}`;

describe('HTTP and GraphQL API on the embedded engines', () => {
  let loom: TestLoom;
  let otherKey: string;
  let viewerKey: string;

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('other');
    otherKey = await loom.services.tenancy.createApiKey('other', 'admin');
    viewerKey = await loom.services.tenancy.createApiKey('demo', 'viewer');
  });
  afterAll(() => loom?.close());

  it('answers health, readiness and Prometheus metrics', async () => {
    expect(await (await fetch(`${loom.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${loom.url}/readyz`)).json()).toMatchObject({ status: 'ready', graph: 'ok', analytics: 'ok' });
    const metrics = await (await fetch(`${loom.url}/metrics`)).text();
    expect(metrics).toContain('loom_http_request_duration_seconds');
  });

  it('accepts a new key at once even right after it was rejected (auth cache)', async () => {
    const key = 'loom_created-after-a-failed-attempt-0001';
    expect((await loom.gql('{ viewer { tenant } }', {}, key)).status).toBe(401);
    await loom.services.tenancy.createApiKey('other', 'viewer', key);
    expect((await loom.gql('{ viewer { tenant } }', {}, key)).data.viewer.tenant).toBe('other');
  });

  it('lists tenants from the registry', async () => {
    expect(await loom.services.tenancy.listTenants()).toEqual(['demo', 'other']);
  });

  it('seeded the demo tenant on first start', async () => {
    const res = await loom.gql('{ viewer { tenant role } search(text: "customers_clean") { id kind } }');
    expect(res.data.viewer).toEqual({ tenant: 'demo', role: 'admin' });
    expect(res.data.search.length).toBeGreaterThan(0);
  });

  it('requires a valid bearer key on GraphQL and ingest, and a writer role to ingest', async () => {
    expect((await loom.gql('{ viewer { tenant } }', {}, 'not-a-key')).status).toBe(401);
    expect((await loom.post('/graphql', { query: '{ viewer { tenant } }' }, { key: null })).status).toBe(401);
    expect((await loom.post('/api/v1/lineage', event(), { key: null })).status).toBe(401);
    const forbidden = await loom.post('/api/v1/lineage', event(), { key: viewerKey });
    expect(forbidden.status).toBe(403);
    expect((await loom.gql('{ viewer { role } }', {}, viewerKey)).data.viewer.role).toBe('viewer');
  });

  it('ingests a run event into datasets, job, run and lineage edges', async () => {
    const res = await loom.post('/api/v1/lineage', event());
    expect(res.status).toBe(201);
    const job = await loom.gql('query ($id: ID!) { node(id: $id) { id kind name namespace } }', { id: 'job:spark:orders_daily' });
    expect(job.data.node).toEqual({ id: 'job:spark:orders_daily', kind: 'Job', name: 'orders_daily', namespace: 'spark' });
    const lin = await loom.gql(LINEAGE, { id: 'dataset:postgres://db:5432:shop.public.orders', dir: 'DOWNSTREAM', depth: 2 });
    expect(lin.data.lineage.nodes.map((n: any) => [n.node.id, n.distance])).toEqual([
      ['job:spark:orders_daily', 1], ['dataset:s3://lake:orders_daily', 2],
    ]);
    expect(lin.data.lineage.edges).toHaveLength(2);
    const run = await loom.gql('query ($id: ID!) { node(id: $id) { props ... on GraphNode { neighbours(direction: BOTH) { total items { edge { kind } node { id } } } } } }', { id: 'run:0190a1b2-0000-7000-8000-000000000001' });
    expect(run.data.node.props['at.COMPLETE']).toBe('2026-03-01T10:00:00.000Z');
    const kinds = run.data.node.neighbours.items.map((i: any) => i.edge.kind).sort();
    expect(kinds).toEqual(['RAN', 'READ_BY', 'RUN_OF', 'WROTE']);
  });

  it('takes a spec batch with per-event results and partial success', async () => {
    const good = event({ job: { namespace: 'spark', name: 'batch_job' } });
    const res = await loom.post('/api/v1/lineage/batch', [good, { eventTime: 'x', run: { runId: 'r' }, job: { namespace: 'n', name: 'j' } }, good]);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 'partial_success',
      summary: { received: 3, successful: 2, failed: 1, retriable: 0, non_retriable: 1 },
      failed_events: [{ index: 1, field: 'eventTime', retriable: false }],
    });
    expect((await loom.gql('{ node(id: "job:spark:batch_job") { id } }')).data.node).toEqual({ id: 'job:spark:batch_job' });
    const all = await loom.post('/api/v1/lineage/batch', [good]);
    expect(all.json.status).toBe('success');
    expect((await loom.post('/api/v1/lineage/batch', good)).json).toMatchObject({ code: 'BAD_USER_INPUT', field: '(body)' });
  });

  it('accepts gzip bodies', async () => {
    const res = await loom.post('/api/v1/lineage', event({ job: { namespace: 'spark', name: 'gz_job' } }), { gzip: true });
    expect(res.status).toBe(201);
    expect((await loom.gql('{ node(id: "job:spark:gz_job") { id } }')).data.node).toEqual({ id: 'job:spark:gz_job' });
  });

  it('rejects malformed events with a 400 naming the field, and stores nothing', async () => {
    const before = await loom.services.graph.countNodes('demo');
    const cases: [unknown, string][] = [
      [event({ job: { namespace: 'spark' } }), 'job.name'],
      [event({ run: { runId: 42 } }), 'run.runId'],
      [event({ eventTime: 'yesterday' }), 'eventTime'],
      [event({ inputs: [{ namespace: 'x' }] }), 'inputs[0].name'],
      [event({ eventType: 'FINISHED' }), 'eventType'],
      [[event()], '(body)'],
      [{ eventTime: '2026-03-01T10:00:00Z' }, 'run'],
    ];
    for (const [body, field] of cases) {
      const res = await loom.post('/api/v1/lineage', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await loom.post('/api/v1/lineage', null, { raw: '{"eventTime": ' })).status).toBe(400);
    expect((await loom.post('/api/v1/lineage', null, { raw: 'not gzip', headers: { 'content-encoding': 'gzip' } })).status).toBe(400);
    expect((await loom.post('/api/v1/lineage', null, { raw: 'x'.repeat(9 * 1024 * 1024) })).status).toBe(413);
    expect((await loom.post('/api/v1/lineage', null, { raw: '<xml/>', headers: { 'content-type': 'application/xml' } })).status).toBe(415);
    const deep = '{"eventTime":"2026-01-01T00:00:00Z","x":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    expect((await loom.post('/api/v1/lineage', null, { raw: deep })).status).toBe(400);
    // A valid event with a facet nested deep: refused with its path. One nested 20,000 deep once passed
    // every check and broke the ingest log's serialisation (a 500). Past 128 levels any JSON body is
    // refused before its route reads it (a batch as a whole).
    const deepEvent = (levels: number) => `{"eventType":"START","eventTime":"2026-01-01T00:00:00Z","producer":"p","run":{"runId":"3f5e83fa-3480-44ff-99c5-ff943904e5e9","facets":{"deep":${'{"a":'.repeat(levels)}{}${'}'.repeat(levels)}}},"job":{"namespace":"n","name":"deep"}}`;
    for (const route of ['/api/v1/lineage', '/api/v1/lineage/batch']) {
      const res = await loom.post(route, null, { raw: route.endsWith('batch') ? `[${deepEvent(20_000)}]` : deepEvent(20_000) });
      expect([route, res.status, res.json.code, res.json.field.replace(/^\[0\]\./, '').startsWith('run.facets.deep.a.a'), res.json.message])
        .toEqual([route, 400, 'BAD_USER_INPUT', true, expect.stringContaining('nested deeper than 128 levels')]);
    }
    const deepVariables = `{"query":"query($c: JSON) { __typename }","variables":{"c":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
    expect((await loom.post('/graphql', null, { raw: deepVariables }))).toMatchObject({ status: 400, json: { code: 'BAD_USER_INPUT', field: expect.stringMatching(/^variables\.c\[0\]\[0\]/) } });
    const deepSpans = `{"resourceSpans":[{"resource":{"attributes":[{"key":"k","value":${'{"arrayValue":{"values":['.repeat(10_000)}${']}}'.repeat(10_000)}}]}}]}`;
    expect((await loom.post('/v1/traces', null, { raw: deepSpans })).status).toBe(400);
    expect(await loom.services.graph.countNodes('demo')).toBe(before);
    expect((await fetch(`${loom.url}/healthz`)).status).toBe(200);
  });

  it('gives GraphQL BAD_USER_INPUT with the argument for out-of-range bounds', async () => {
    const res = await loom.gql(LINEAGE, { id: 'job:spark:orders_daily', dir: 'BOTH', depth: 50 });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
    const deep = await loom.gql('{ search(text: "a") { ... on GraphNode { neighbours { items { node { neighbours { items { node { neighbours { items { node { neighbours { items { node { id } } } } } } } } } } } } } } }');
    expect(deep.errors![0].message).toMatch(/depth/);
  });

  it('answers count-first, impact, column lineage, time travel and deadlines on the demo story', async () => {
    const feat = 'dataset:hive://metastore.data.internal:9083:features.customer_churn_features';
    const count = await loom.gql('query ($id: ID!) { lineageCount(nodeId: $id, direction: DOWNSTREAM, depth: 4) { total capped byKind { kind count } } }', { id: feat });
    expect(count.data.lineageCount.total).toBeGreaterThan(3);
    expect(count.data.lineageCount.byKind.map((k: any) => k.kind)).toContain('Model');
    const impact = await loom.gql('query ($id: ID!) { impact(nodeId: $id) { total isPartial groups { kind distance count nodes { node { name } } } } }', { id: feat });
    const model = impact.data.impact.groups.find((g: any) => g.kind === 'Model');
    expect(model.nodes[0].node.name).toBe('churn/xgboost');
    const cols = await loom.gql('query ($id: ID!) { columnLineage(nodeId: $id, direction: UPSTREAM, depth: 2) { nodes { node { kind id } } edges { kind props } } }', { id: feat });
    expect(cols.data.columnLineage.nodes.some((n: any) => n.node.kind === 'Field')).toBe(true);
    expect(cols.data.columnLineage.edges.some((e: any) => e.kind === 'DERIVES' && e.props.transformations.length > 0)).toBe(true);
    // From the job that writes the features: its outputs with their fields, and every field edge above.
    const up = await loom.gql('query ($id: ID!) { lineage(nodeId: $id, direction: UPSTREAM, depth: 1) { nodes { node { id kind } } } }', { id: feat });
    const writer = up.data.lineage.nodes.find((n: any) => n.node.kind === 'Job').node.id;
    const fromJob = await loom.gql('query ($id: ID!) { columnLineage(nodeId: $id, direction: UPSTREAM, depth: 2) { root { id } nodes { node { kind id } distance } edges { kind from to } } }', { id: writer });
    expect(fromJob.data.columnLineage.root.id).toBe(writer);
    expect(fromJob.data.columnLineage.nodes).toContainEqual({ node: { kind: 'FeatureGroup', id: feat }, distance: 0 });
    const edgeKeys = (r: any) => r.edges.filter((e: any) => e.kind === 'DERIVES').map((e: any) => `${e.from}->${e.to}`);
    const fromFeat = await loom.gql('query ($id: ID!) { columnLineage(nodeId: $id, direction: UPSTREAM, depth: 2) { edges { kind from to } } }', { id: feat });
    expect(edgeKeys(fromFeat.data.columnLineage).length).toBeGreaterThan(0);
    expect(edgeKeys(fromJob.data.columnLineage)).toEqual(expect.arrayContaining(edgeKeys(fromFeat.data.columnLineage)));
    const before = await loom.gql('query ($id: ID!) { lineage(nodeId: $id, asOf: "2020-01-01T00:00:00Z") { root { id } } }', { id: feat });
    expect(before.data.lineage).toBeNull(); // the demo story starts in 2026
    // the feature group's writer and readers at distance 1, more than 2 of them: no distance is complete
    const partial = await loom.gql('query ($id: ID!) { lineage(nodeId: $id, depth: 10, limit: 2) { isPartial cut { reason depth edgesComplete } nodes { distance } } }', { id: feat });
    expect(partial.data.lineage).toMatchObject({ isPartial: true, cut: { reason: 'NODE_LIMIT', depth: 0, edgesComplete: true } });
    const count1 = await loom.gql('query ($id: ID!) { lineageCount(nodeId: $id, depth: 1) { total } }', { id: feat });
    expect(count1.data.lineageCount.total).toBeGreaterThan(2);
    const bad = await loom.gql('query ($id: ID!) { lineage(nodeId: $id, deadlineMs: 0) { isPartial } }', { id: feat });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadlineMs' });
  });

  it('isolates tenants through GraphQL and ingest', async () => {
    const demoId = 'job:spark:orders_daily';
    // the other tenant sees none of demo's nodes, by id, search or lineage
    expect((await loom.gql('query ($id: ID!) { node(id: $id) { id } }', { id: demoId }, otherKey)).data.node).toBeNull();
    expect((await loom.gql('{ search(text: "orders") { id } }', {}, otherKey)).data.search).toEqual([]);
    expect((await loom.gql(LINEAGE, { id: demoId, dir: 'BOTH', depth: 3 }, otherKey)).data.lineage).toBeNull();
    expect((await loom.gql('query ($id: ID!) { lineageChanges(nodeId: $id) { total } }', { id: demoId }, otherKey)).data.lineageChanges).toBeNull();
    // writing the same ids as another tenant creates its own nodes and leaves demo's untouched
    const res = await loom.post('/api/v1/lineage', event({ outputs: [{ namespace: 's3://lake', name: 'other_only' }] }), { key: otherKey });
    expect(res.status).toBe(201);
    const demoLineage = await loom.gql(LINEAGE, { id: demoId, dir: 'DOWNSTREAM', depth: 1 });
    expect(demoLineage.data.lineage.nodes.map((n: any) => n.node.id)).toEqual(['dataset:s3://lake:orders_daily']);
    const otherLineage = await loom.gql(LINEAGE, { id: demoId, dir: 'DOWNSTREAM', depth: 1 }, otherKey);
    expect(otherLineage.data.lineage.nodes.map((n: any) => n.node.id)).toEqual(['dataset:s3://lake:other_only']);
    expect((await loom.gql('{ search(text: "other_only") { id } }')).data.search).toEqual([]);
  });
});
