/**
 * API keys limited to namespaces, on a real Loom: an editor key of one team writes OpenLineage events
 * whose job and outputs lie in its namespaces (reading any), curates only what they hold, and nothing
 * tenant-wide; every refusal names the field and changes nothing; it reads the whole tenant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok } from '../../api/graphql/registry.testkit.js';

const event = (over: Record<string, unknown>) => ({
  eventType: 'COMPLETE', eventTime: new Date().toISOString(), producer: 'https://example.com/scopes', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: crypto.randomUUID() }, job: { namespace: 'team-a', name: 'load' }, inputs: [], outputs: [], ...over,
});
const ds = (namespace: string, name: string) => ({ namespace, name });
const KEYS = '{ apiKeys { prefix role namespaces } }';
const CREATE = 'mutation ($role: String!, $ns: [String!]) { createApiKey(role: $role, namespaces: $ns) { key apiKey { role namespaces } } }';

describe('API keys limited to namespaces', () => {
  let loom: TestLoom;
  let teamA = '';
  const teamBRun = crypto.randomUUID();
  const send = (method: string, route: string, body?: unknown, key = teamA) => fetch(loom.url + route, {
    method, headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, json: await r.json().catch(() => null) }));
  /** Read with the team's key: its reads wait for the events it was answered for (read-your-writes). */
  const exists = async (id: string) => (await ok(loom, 'query ($id: ID!) { node(id: $id) { id } }', { id }, teamA)).node !== null;

  beforeAll(async () => {
    loom = await startTestLoom();
    const made = await ok(loom, CREATE, { role: 'editor', ns: ['team-a', 'team-a-staging', 'team-a'] });
    expect(made.createApiKey.apiKey).toEqual({ role: 'editor', namespaces: ['team-a', 'team-a-staging'] });
    teamA = made.createApiKey.key;
    // Another team's data, written by the tenant's admin key.
    expect((await loom.post('/api/v1/lineage', event({ run: { runId: teamBRun }, job: ds('team-b', 'publish'), outputs: [ds('team-b', 'orders')] }))).status).toBe(201);
  }, 120_000);
  afterAll(() => loom?.close());

  it('are editor keys only, of 1 to 50 namespaces, and listed with them', async () => {
    for (const [role, ns, field] of [['admin', ['a'], 'namespaces'], ['viewer', ['a'], 'namespaces'], ['editor', [], 'namespaces'], ['editor', ['ok', 'bad\u0000'], 'namespaces[1]']] as const) {
      expect((await fails(loom, CREATE, { role, ns })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const keys = (await ok(loom, KEYS)).apiKeys;
    expect(keys.filter((k: { namespaces: string[] | null }) => k.namespaces)).toEqual([{ prefix: expect.any(String), role: 'editor', namespaces: ['team-a', 'team-a-staging'] }]);
  });

  it('take in events whose job and outputs lie in their namespaces, reading from anywhere', async () => {
    const e = event({ inputs: [ds('team-b', 'orders')], outputs: [ds('team-a', 'daily_orders')] });
    expect((await send('POST', '/api/v1/lineage', e)).status).toBe(201);
    expect(await exists('dataset:team-a:daily_orders')).toBe(true);
    // It reads the whole tenant: the lineage reaches team-b's job.
    const up = await ok(loom, '{ lineage(nodeId: "dataset:team-a:daily_orders", direction: UPSTREAM, depth: 3) { nodes { node { id } } } }', {}, teamA);
    expect(up.lineage.nodes.map((n: { node: { id: string } }) => n.node.id)).toContain('job:team-b:publish');
  });

  it('refuse events writing elsewhere (403 naming the field), one by one in a batch, storing nothing of them', async () => {
    const cases = [
      [event({ job: ds('team-b', 'sneaky') }), 'job.namespace', 'job:team-b:sneaky'],
      [event({ outputs: [ds('team-a', 'fine'), ds('team-b', 'orders_copy')] }), 'outputs[1].namespace', 'dataset:team-b:orders_copy'],
      [{ eventTime: new Date().toISOString(), producer: 'p', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent', dataset: ds('team-b', 'described') }, 'dataset.namespace', 'dataset:team-b:described'],
      // What an event writes besides its job and outputs: the parent run it names (a run of another team's
      // job), a written dataset's symlinks, the dataset its rename ends.
      [event({ run: { runId: crypto.randomUUID(), facets: { parent: { _producer: 'p', _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/ParentRunFacet.json', job: ds('team-b', 'publish'), run: { runId: 'f0000000-0000-4000-8000-0000000000fe' } } } } }),
        'run.facets.parent.job.namespace', 'run:f0000000-0000-4000-8000-0000000000fe'],
      [event({ outputs: [{ ...ds('team-a', 'linked'), facets: { symlinks: { _producer: 'p', _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/SymlinksDatasetFacet.json', identifiers: [{ ...ds('team-b', 'alias'), type: 'TABLE' }] } } }] }),
        'outputs[0].facets.symlinks.identifiers', 'dataset:team-b:alias'],
      [event({ outputs: [{ ...ds('team-a', 'renamed'), facets: { lifecycleStateChange: { _producer: 'p', _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/LifecycleStateChangeDatasetFacet.json', lifecycleStateChange: 'RENAME', previousIdentifier: ds('team-b', 'orders') } } }] }),
        'outputs[0].facets.lifecycleStateChange.previousIdentifier.namespace', 'dataset:team-a:renamed'],
      // An input that drops, tags, describes or owns its dataset writes it (they were applied to team-b's dataset).
      ...(['lifecycleStateChange', 'tags', 'documentation', 'ownership'] as const).map((facet) => [
        event({ inputs: [{ ...ds('team-b', 'orders'), facets: { [facet]: { _producer: 'p', _schemaURL: 'https://openlineage.io/spec/facets/1-0-0/X.json', lifecycleStateChange: 'DROP', tags: [{ key: 'x' }], description: 'mine now', owners: [{ name: 'user:x' }] } } }], outputs: [ds('team-a', `via_${facet}`)] }),
        `inputs[0].facets.${facet}`, `dataset:team-a:via_${facet}`,
      ] as const),
    ] as const;
    for (const [body, field, id] of cases) {
      const res = await send('POST', '/api/v1/lineage', body);
      expect([res.status, res.json.code, res.json.field]).toEqual([403, 'FORBIDDEN', field]);
      expect(res.json.message).toContain('this API key may write only in namespaces team-a, team-a-staging');
      expect(await exists(id)).toBe(false);
    }
    const orders = (await ok(loom, '{ node(id: "dataset:team-b:orders") { ... on GraphNode { validTo props } } }')).node;
    expect([orders.validTo, orders.props['facets.documentation'], orders.props['facets.tags']]).toEqual([null, undefined, undefined]);
    expect(await exists('dataset:team-a:fine')).toBe(false); // the refused event's in-scope output too
    const batch = await send('POST', '/api/v1/lineage/batch', [event({ outputs: [ds('team-a-staging', 'ok')] }), cases[0][0]]);
    expect(batch.json).toMatchObject({ status: 'partial_success', summary: { successful: 1, failed: 1 }, failed_events: [{ index: 1, field: 'job.namespace', retriable: false }] });
    // Marquez's write API is the same check: a dataset PUT is a DatasetEvent.
    expect((await send('PUT', '/api/v1/namespaces/team-b/datasets/put_here', { type: 'DB_TABLE', physicalName: 'put_here', sourceName: 'default', fields: [] })).status).toBe(403);
    expect((await send('PUT', '/api/v1/namespaces/team-a/datasets/put_here', { type: 'DB_TABLE', physicalName: 'put_here', sourceName: 'default', fields: [] })).status).toBe(200);
  });

  it("refuse naming another team's run, as their own or as a parent, through OpenLineage and Marquez's write API", async () => {
    const runs = '{ node(id: "job:team-b:publish") { ... on GraphNode { neighbours(direction: UPSTREAM, edgeKinds: ["RUN_OF"]) { total } } } }';
    const asOwn = await send('POST', '/api/v1/lineage', event({ eventType: 'FAIL', run: { runId: teamBRun }, outputs: [ds('team-a', 'taken')] }));
    expect([asOwn.status, asOwn.json.field, asOwn.json.message]).toEqual([403, 'run.runId', expect.stringContaining(`may not write run ${teamBRun}, a run of a job in namespace team-b`)]);
    const parent = { _producer: 'p', _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/ParentRunFacet.json', job: ds('team-a', 'dag'), run: { runId: teamBRun } };
    const batch = await send('POST', '/api/v1/lineage/batch', [event({ run: { runId: crypto.randomUUID(), facets: { parent } } }), event({ outputs: [ds('team-a', 'batch_ok')] })]);
    expect(batch.json).toMatchObject({ summary: { successful: 1, failed: 1 }, failed_events: [{ index: 0, field: 'run.facets.parent.run.runId' }] });
    expect(await exists('job:team-a:dag')).toBe(false);
    expect(await exists('dataset:team-a:taken')).toBe(false);
    // Marquez's write API creates a run once (Marquez: "already exists"), whoever asks.
    expect((await send('PUT', '/api/v1/namespaces/team-a/jobs/x2', { type: 'BATCH', inputs: [], outputs: [] })).status).toBe(200);
    for (const key of [teamA, loom.key]) {
      const taken = await send('POST', '/api/v1/namespaces/team-a/jobs/x2/runs', { id: teamBRun }, key);
      expect([taken.status, taken.json.message]).toEqual([400, `id: run '${teamBRun}' already exists`]);
    }
    expect((await send('POST', `/api/v1/jobs/runs/${teamBRun}/fail`)).status).toBe(403);
    expect((await ok(loom, runs)).node.neighbours.total).toBe(1);
    expect((await ok(loom, `{ node(id: "run:${teamBRun}") { ... on GraphNode { namespace props } } }`)).node).toMatchObject({ namespace: 'team-b', props: { jobId: 'job:team-b:publish' } });
  });

  it('drop no feature group, even one in their namespaces: feature groups are the tenant\'s', async () => {
    await ok(loom, 'mutation { defineFeatureGroup(input: {namespace: "team-a", name: "team_features", entity: "customer_id", features: [{name: "x", type: INT64}]}) { id } }');
    const lifecycle = (change: string, previous?: object) => ({ _producer: 'p', _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/LifecycleStateChangeDatasetFacet.json', lifecycleStateChange: change, ...(previous ? { previousIdentifier: previous } : {}) });
    const drop = await send('POST', '/api/v1/lineage', event({ outputs: [{ ...ds('team-a', 'team_features'), facets: { lifecycleStateChange: lifecycle('DROP') } }] }));
    expect([drop.status, drop.json.field, drop.json.message]).toEqual([403, 'outputs[0].facets.lifecycleStateChange', expect.stringContaining('team-a/team_features is a feature group')]);
    const rename = await send('POST', '/api/v1/lineage', event({ outputs: [{ ...ds('team-a', 'renamed_features'), facets: { lifecycleStateChange: lifecycle('RENAME', ds('team-a', 'team_features')) } }] }));
    expect([rename.status, rename.json.field]).toEqual([403, 'outputs[0].facets.lifecycleStateChange.previousIdentifier']);
    // named as an input in their namespaces, as well
    const asInput = await send('POST', '/api/v1/lineage', event({ inputs: [{ ...ds('team-a', 'team_features'), facets: { lifecycleStateChange: lifecycle('DROP') } }] }));
    expect([asInput.status, asInput.json.field]).toEqual([403, 'inputs[0].facets.lifecycleStateChange']);
    expect((await ok(loom, '{ featureGroup(namespace: "team-a", name: "team_features") { id } }')).featureGroup).not.toBeNull();
    // an ordinary dataset of theirs they may drop
    expect((await send('POST', '/api/v1/lineage', event({ outputs: [{ ...ds('team-a', 'scratch'), facets: { lifecycleStateChange: lifecycle('DROP') } }] }))).status).toBe(201);
  });

  it('curate what their namespaces hold and nothing else', async () => {
    const tag = 'mutation ($id: ID!) { tagNode(nodeId: $id, tag: "gold") { id } }';
    expect((await ok(loom, tag, { id: 'dataset:team-a:daily_orders' }, teamA)).tagNode.id).toBe('dataset:team-a:daily_orders');
    for (const [query, id] of [
      [tag, 'dataset:team-b:orders'],
      ['mutation ($id: ID!) { describeNode(nodeId: $id, description: "mine now") { id } }', 'dataset:team-b:orders'],
      ['mutation ($id: ID!) { deleteNode(nodeId: $id) { id } }', 'job:team-b:publish'],
    ]) {
      const err = await fails(loom, query, { id }, teamA);
      expect([err.extensions?.code, err.message]).toEqual(['FORBIDDEN', expect.stringContaining('in namespace team-b')]);
    }
    const orders = (await ok(loom, '{ node(id: "dataset:team-b:orders") { ... on GraphNode { validTo tags { name } description { text } } } }')).node;
    expect(orders).toEqual({ validTo: null, tags: [], description: null });
    expect((await send('DELETE', '/api/v1/namespaces/team-b')).status).toBe(403);
    expect((await send('DELETE', '/api/v1/namespaces/team-a/datasets/put_here')).status).toBe(200);
  });

  it('write nothing tenant-wide: registry, alerts, features, tags, sources', async () => {
    const tenantWide = [
      'mutation { registerModelVersion(input: { name: "churn", modelUri: "s3://m/1" }) { version } }',
      'mutation { createAlertRule(input: { name: "x", source: RUNS, measure: FAILED_RUNS, op: GT, threshold: 0 }) { id } }',
      'mutation { defineTag(name: "gold", description: "best") { name } }',
    ];
    for (const q of tenantWide) {
      const err = await fails(loom, q, {}, teamA);
      expect([err.extensions?.code, err.message]).toEqual(['FORBIDDEN', expect.stringContaining('this API key may write only in namespaces team-a, team-a-staging')]);
    }
    expect((await send('PUT', '/api/v1/tags/gold', { description: 'best' })).status).toBe(403);
    expect((await send('PUT', '/api/v1/sources/pg', { type: 'POSTGRESQL', connectionUrl: 'postgres://db' })).status).toBe(403);
    const push = await send('POST', '/push', { push_source_name: 'customer_churn_features', df: { customer_id: [1], event_timestamp: ['2026-12-06T00:00:00Z'], mrr: [1] } });
    expect([push.status, push.json.detail]).toEqual([403, expect.stringContaining('may write only in namespaces')]);
    expect((await ok(loom, '{ registeredModels { name } }')).registeredModels.map((m: { name: string }) => m.name)).not.toContain('churn');
  });
});
