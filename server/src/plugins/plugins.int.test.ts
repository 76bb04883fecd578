/**
 * Plugins in a real Loom (embedded engines): the example plugins of server/plugins/examples loaded by
 * LOOM_PLUGINS beside a faulty one, over the OpenLineage corpus, promotion gates asking a stand-in
 * change management service, a webhook in a plugin's format; failures contained, tenants apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestLoom, type TestLoom } from '../testing/harness.js';
import { fails, ok, webhookReceiver } from '../api/graphql/registry.testkit.js';
import { until } from '../queue/jobqueue.contract.js';
import { ConfigError } from '../config/config.js';
import { sign } from '../domain/registry/webhook-delivery.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const examples = ['engine-tags', 'data-classification', 'change-approval', 'teams', 'dataset-names'].map((p) => path.join(repo, 'server/plugins/examples', `${p}.mjs`));
const corpus = readFileSync(new URL('../../../../shared/openlineage/ingestable.ndjson', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const PLUGINS = '{ plugins { name version module renamesDatasets facets { facet owners } promotionGates { name description } webhookFormats { name } errors { count lastMessage } } }';
const TAGGED = 'query ($tag: String!) { tagged(tag: $tag, first: 500) { total items { id kind props tags { name source } } } }';
const GATES = 'mutation ($input: SetPromotionGatesInput!) { setPromotionGates(input: $input) { gates { kind plugin params stages } } }';
const MOVE = 'mutation ($v: Int!) { transitionModelVersionStage(input: { name: "churn", version: $v, stage: Production, archiveExistingVersions: true }) { version stage } }';
const REGISTER = 'mutation ($v: Int!) { registerModelVersion(input: { name: "churn", version: $v, modelUri: "s3://models/churn" }) { version } }';
const HISTORY = '{ registeredModel(name: "churn") { history { type version toStage outcome gates { kind passed detail } } } }';

const event = (over: Record<string, unknown>) => ({
  eventType: 'COMPLETE', eventTime: new Date().toISOString(), producer: 'https://example.com/plugin-tests', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: crypto.randomUUID() }, job: { namespace: 'crm', name: 'export_customers' }, inputs: [], outputs: [], ...over,
});
const classified = (name: string, facet: object) => ({
  namespace: 'crm', name, facets: {
    schema: { _producer: 'p', _schemaURL: 's', fields: [{ name: 'id', type: 'int' }, { name: 'email', type: 'string' }, { name: 'phone', type: 'string' }] },
    acme_classification: { _producer: 'p', _schemaURL: 's', ...facet },
  },
});

describe('plugins in a running Loom', () => {
  let loom: TestLoom;
  let dir = '';
  let rivalKey = '';
  /** The tenant these tests write to (the demo tenant's data carries tags of its own). */
  let key = '';
  const gql = (query: string, variables: Record<string, unknown> = {}) => ok(loom, query, variables, key);
  const post = (route: string, body: unknown) => loom.post(route, body, { key });
  let approval: Server;
  const approvals = new Map<string, { approved: boolean; ticket: string; reason?: string }>();
  const asked: string[] = [];
  const receiver = webhookReceiver();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loom-plugin-it-'));
    // A plugin that fails on a facet it reads: the events it fails on are taken in all the same.
    writeFileSync(path.join(dir, 'faulty.mjs'), "export default { name: 'faulty', apiVersion: 1, setup(loom) { loom.readFacet('boom', ['dataset', 'job', 'run'], (f) => { throw new Error(`cannot read ${f.what}`); }); } };");
    // The change management service the change-approval gate asks (a stand-in for ServiceNow, Jira...).
    approval = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      asked.push(url.search);
      const answer = approvals.get(url.searchParams.get('version') ?? '');
      if (!answer) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    await new Promise<void>((r) => approval.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => receiver.server.listen(0, '127.0.0.1', r));
    loom = await startTestLoom({ LOOM_PLUGINS: [...examples, path.join(dir, 'faulty.mjs')].join(',') });
    await loom.services.tenancy.createTenant('acme');
    key = await loom.services.tenancy.createApiKey('acme', 'admin');
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
  }, 120_000);
  afterAll(async () => {
    await loom?.close();
    approval?.close();
    receiver.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the plugins loaded, with what each adds', async () => {
    const { plugins } = await gql(PLUGINS);
    expect(plugins.map((p: { name: string }) => p.name)).toEqual(['engine-tags', 'data-classification', 'change-approval', 'teams', 'dataset-names', 'faulty']);
    expect(plugins.map((p: { renamesDatasets: boolean }) => p.renamesDatasets)).toEqual([false, false, false, false, true, false]);
    expect(plugins[0]).toMatchObject({ version: '1.0.0', facets: [{ facet: 'processing_engine', owners: ['run'] }, { facet: 'jobType', owners: ['job'] }], errors: { count: 0 } });
    expect(plugins[2].promotionGates).toEqual([{ name: 'change-approval', description: expect.stringContaining('change management') }]);
    expect(plugins[3].webhookFormats).toEqual([{ name: 'TEAMS' }]);
    expect((await gql('{ webhookFormats }')).webhookFormats).toEqual(['LOOM', 'SLACK', 'TEAMS']);
  });

  it('tags the corpus\'s runs by engine and jobs by integration, from the facets their emitters sent', async () => {
    const res = await post('/api/v1/lineage/batch', corpus);
    expect(res.status).toBeLessThan(300);
    // What the corpus says: the runs whose processing_engine is Spark, the jobs whose jobType integration is dbt.
    const sparkRuns = new Set(corpus.filter((e) => e.run?.facets?.processing_engine?.name === 'spark').map((e) => e.run.runId));
    const dbtJobs = new Set(corpus.filter((e) => e.job?.facets?.jobType?.integration === 'DBT').map((e) => `${e.job.namespace}/${e.job.name}`));
    expect(sparkRuns.size).toBeGreaterThan(5);
    expect(dbtJobs.size).toBeGreaterThan(5);
    const spark = (await gql(TAGGED, { tag: 'engine:spark' })).tagged;
    expect(spark.total).toBe(sparkRuns.size);
    expect(spark.items.every((n: { kind: string }) => n.kind === 'Run')).toBe(true);
    const run = spark.items[0];
    expect(run.props['plugin.engine-tags.engine']).toBe('spark');
    expect(run.props['plugin.engine-tags.engineVersion']).toMatch(/^\d+\.\d+/);
    expect(run.tags).toContainEqual({ name: 'engine:spark', source: 'plugin:engine-tags' });
    const dbt = (await gql(TAGGED, { tag: 'integration:dbt' })).tagged;
    expect(dbt.total).toBe(dbtJobs.size);
    // The facets themselves are stored as sent.
    expect(run.props['facets.processing_engine']).toMatchObject({ name: 'spark' });
  }, 120_000);

  it('tags a custom facet\'s PII columns, so tagReach follows them downstream; Marquez shows the tags', async () => {
    const src = classified('customers', { level: 'Confidential', owner: 'crm-team', piiColumns: ['email', 'phone'] });
    const out = {
      namespace: 'crm', name: 'customer_export', facets: {
        schema: { _producer: 'p', _schemaURL: 's', fields: [{ name: 'contact', type: 'string' }] },
        columnLineage: { _producer: 'p', _schemaURL: 's', fields: { contact: { inputFields: [{ namespace: 'crm', name: 'customers', field: 'email', transformations: [{ type: 'DIRECT', subtype: 'IDENTITY' }] }] } } },
      },
    };
    expect((await post('/api/v1/lineage', event({ inputs: [src], outputs: [out] }))).status).toBe(201);
    const node = (await gql('{ node(id: "dataset:crm:customers") { ... on GraphNode { props tags { name source } } } }')).node;
    expect(node.props).toMatchObject({ 'plugin.data-classification.level': 'confidential', 'plugin.data-classification.owner': 'crm-team' });
    expect(node.tags).toEqual([{ name: 'classification:confidential', source: 'plugin:data-classification' }]);
    const reach = (await gql('{ tagReach(tag: "pii") { tagged { id } reached { node { id } } } }')).tagReach;
    expect(reach.tagged.map((n: { id: string }) => n.id).sort()).toEqual(['field:crm:customers#email', 'field:crm:customers#phone']);
    expect(reach.reached.map((r: { node: { id: string } }) => r.node.id)).toContain('field:crm:customer_export#contact');
    const marquez = await fetch(`${loom.url}/api/v1/namespaces/crm/datasets/customers`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json());
    expect(marquez.tags).toEqual(['classification:confidential']);
    expect(marquez.fields.find((f: { name: string }) => f.name === 'email').tags).toEqual(['pii']);
  });

  it('takes an event in whole when a plugin fails on it, and tells only that tenant', async () => {
    const boom = { _producer: 'p', _schemaURL: 's', what: 'this' };
    const bad = event({ job: { namespace: 'crm', name: 'faulty_job', facets: { boom } }, outputs: [classified('odd', { level: 'top-secret', piiColumns: ['email'] })] });
    expect((await post('/api/v1/lineage', bad)).status).toBe(201);
    const job = (await gql('{ node(id: "job:crm:faulty_job") { ... on GraphNode { props } } }')).node;
    expect(job.props['facets.boom']).toMatchObject({ what: 'this' });
    // data-classification refused the level: none of its answer for that dataset, the dataset and its schema stored.
    const odd = (await gql('{ node(id: "dataset:crm:odd") { ... on GraphNode { props tags { name } } } }')).node;
    expect(odd.tags).toEqual([]);
    expect(Object.keys(odd.props).filter((k) => k.startsWith('plugin.'))).toEqual([]);
    const { plugins } = await gql(PLUGINS);
    const byName = Object.fromEntries(plugins.map((p: { name: string }) => [p.name, p]));
    expect(byName.faulty.errors).toEqual({ count: 1, lastMessage: 'readFacet(boom) on a job (crm faulty_job): cannot read this' });
    expect(byName['data-classification'].errors).toEqual({ count: 1, lastMessage: expect.stringContaining('level "top-secret": must be one of public, internal, confidential, restricted') });
    // Another tenant sees the plugins, not this tenant's failures, nor its tagged nodes.
    const rival = (await loom.gql(PLUGINS, {}, rivalKey)).data.plugins;
    expect(rival.map((p: { errors: { count: number } }) => p.errors.count)).toEqual([0, 0, 0, 0, 0, 0]);
    expect((await loom.gql(TAGGED, { tag: 'engine:spark' }, rivalKey)).data.tagged).toBeNull();
  });

  it('meets Spark\'s s3a:// output and Airflow\'s s3:// input in one dataset, so lineage runs through it', async () => {
    const spark = event({ job: { namespace: 'spark', name: 'clean_orders' }, outputs: [{ namespace: 's3a://lake', name: 'clean/orders/' }] });
    const airflow = event({ job: { namespace: 'airflow', name: 'daily_report' }, inputs: [{ namespace: 's3://lake', name: 'clean/orders' }] });
    for (const e of [spark, airflow]) expect((await post('/api/v1/lineage', e)).status).toBe(201);
    const lineage = await gql('{ lineage(nodeId: "job:spark:clean_orders", direction: DOWNSTREAM, depth: 2) { nodes { node { id } } } }');
    expect(lineage.lineage.nodes.map((n: { node: { id: string } }) => n.node.id)).toEqual(['dataset:s3://lake:clean/orders', 'job:airflow:daily_report']);
    expect((await gql('{ node(id: "dataset:s3a://lake:clean/orders/") { id } }')).node).toBeNull();
    // The archive keeps both events as sent, and finds them by either name.
    for (const [namespace, name] of [['s3://lake', 'clean/orders'], ['s3a://lake', 'clean/orders/']]) {
      const found = await gql('query ($ns: String!, $n: String!) { lineageEvents(datasetNamespace: $ns, datasetName: $n) { totalCount events } }', { ns: namespace, n: name });
      expect(found.lineageEvents.totalCount).toBe(namespace === 's3://lake' ? 2 : 1);
    }
    const sent = (await gql('query ($ns: String!, $n: String!) { lineageEvents(datasetNamespace: $ns, datasetName: $n) { events } }', { ns: 's3://lake', n: 'clean/orders' })).lineageEvents.events;
    expect(sent.map((e: { outputs: { namespace: string }[] }) => e.outputs[0]?.namespace ?? 'no output').sort()).toEqual(['no output', 's3a://lake']);
  });

  it('asks a plugin gate before a promotion, and blocks when it refuses or cannot answer', async () => {
    for (const v of [1, 2, 3]) await gql(REGISTER, { v });
    const url = `http://127.0.0.1:${(approval.address() as AddressInfo).port}/approval`;
    const set = await gql(GATES, { input: { name: 'churn', gates: [{ kind: 'PLUGIN', plugin: 'change-approval', stages: ['Production'], params: { url } }] } });
    expect(set.setPromotionGates.gates).toEqual([{ kind: 'PLUGIN', plugin: 'change-approval', params: { url }, stages: ['Production'] }]);

    approvals.set('1', { approved: false, ticket: 'CHG-1', reason: 'CAB meets on Tuesday' });
    const refused = await fails(loom, MOVE, { v: 1 }, key);
    expect(refused.message).toContain('change not approved (CHG-1): CAB meets on Tuesday');
    expect(asked.at(-1)).toBe('?model=churn&version=1&stage=Production&tenant=acme');

    approvals.set('2', { approved: true, ticket: 'CHG-2' });
    expect((await gql(MOVE, { v: 2 })).transitionModelVersionStage).toEqual({ version: 2, stage: 'Production' });
    // Version 3: the service knows nothing of it (404): blocked, saying why.
    expect((await fails(loom, MOVE, { v: 3 }, key)).message).toContain('could not decide, so it blocks: the approval service answered HTTP 404');
    const history = (await gql(HISTORY)).registeredModel.history.filter((h: { type: string }) => h.type === 'STAGE_TRANSITION');
    expect(history.slice(0, 3).map((h: { version: number; outcome: string; gates: { passed: boolean; detail: string }[] }) => [h.version, h.outcome, h.gates[0].detail])).toEqual([
      [3, 'REJECTED', expect.stringContaining('HTTP 404')], [2, 'APPLIED', 'change approved (CHG-2)'], [1, 'REJECTED', 'change not approved (CHG-1): CAB meets on Tuesday'],
    ]);
    const unknown = await fails(loom, GATES, { input: { name: 'churn', gates: [{ kind: 'PLUGIN', plugin: 'cab-vote', stages: ['Production'] }] } }, key);
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.gates[0].plugin' });
    expect(unknown.message).toContain('offered: change-approval');
  });

  it('delivers a webhook in a plugin\'s format, signed as any other', async () => {
    const created = await gql('mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id format } secret } }', {
      input: { url: receiver.url(), events: ['MODEL_VERSION_REGISTERED'], format: 'TEAMS' },
    });
    expect(created.createWebhook.webhook.format).toBe('TEAMS');
    await gql(REGISTER, { v: 4 });
    await until(() => receiver.got.length > 0, 10_000, 'the Teams webhook delivery');
    const [got] = receiver.got;
    const card = JSON.parse(got.body);
    expect(card.type).toBe('message');
    expect(card.attachments[0].content.body[0]).toMatchObject({ type: 'TextBlock', text: 'Model churn version 4 registered' });
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-loom-signature']).toBe(sign(created.createWebhook.secret, Number(got.headers['x-loom-timestamp']), got.body));
    const bad = await fails(loom, 'mutation { createWebhook(input: { url: "http://127.0.0.1:9/x", format: "DISCORD" }) { secret } }', {}, key);
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.format' });
    expect(bad.message).toContain('LOOM, SLACK, TEAMS');
  });
});

describe('a plugin that cannot load', () => {
  it('stops Loom at start, naming LOOM_PLUGINS and the module', async () => {
    const err = await startTestLoom({ LOOM_PLUGINS: './no/such/plugin.mjs' }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/LOOM_PLUGINS: \.\/no\/such\/plugin\.mjs: not found \(looked for .*no\/such\/plugin\.mjs\)/);
  });
});
