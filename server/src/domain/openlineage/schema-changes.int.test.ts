/**
 * Schema change webhooks end to end: OpenLineage events over HTTP, the graph writer finding the
 * change, a real HTTP receiver getting DATASET_SCHEMA_CHANGED with what the dataset feeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { ok } from '../../api/graphql/registry.testkit.js';
import { until } from '../../queue/jobqueue.contract.js';

const TENANT = 'schema_watch';
const NS = 'postgres://warehouse:5432';
let loom: TestLoom;
let key: string;
let otherKey: string;
let server: Server;
const got: { event: string; tenant: string; data: any }[] = [];

const fields = (...f: [string, string][]) => f.map(([name, type]) => ({ name, type }));
let minute = 0;
/** A COMPLETE event of `job` reading `inputs` and writing `outputs` (each [name, schema fields or null]). */
function event(job: string, inputs: [string, unknown[] | null][], outputs: [string, unknown[] | null][]) {
  const ds = ([name, schema]: [string, unknown[] | null]) => ({ namespace: NS, name, facets: schema ? { schema: { _producer: 'test', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: schema } } : {} });
  return {
    eventType: 'COMPLETE', eventTime: new Date(Date.UTC(2026, 10, 1, 0, minute++)).toISOString(), producer: 'https://example.com/test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: randomUUID() }, job: { namespace: 'airflow', name: job }, inputs: inputs.map(ds), outputs: outputs.map(ds),
  };
}
async function send(body: unknown, k = key) {
  const res = await fetch(`${loom.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${k}` }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
}
/** Every event is in the graph (a read waits for them) and every delivery started is done. */
async function settled() {
  await ok(loom, '{ viewer { tenant } }', {}, key);
  await loom.services.registry.webhooks.idle();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => { got.push(JSON.parse(body)); res.writeHead(204).end(); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  loom = await startTestLoom();
  await loom.services.tenancy.createTenant(TENANT);
  key = await loom.services.tenancy.createApiKey(TENANT, 'admin');
  otherKey = await loom.services.tenancy.createApiKey('demo', 'admin');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  await ok(loom, 'mutation ($url: String!) { createWebhook(input: {url: $url, events: ["DATASET_SCHEMA_CHANGED"]}) { webhook { id } } }', { url }, key);
});
afterAll(async () => {
  await loom?.close();
  await new Promise((r) => server.close(r));
});

describe('DATASET_SCHEMA_CHANGED webhooks', () => {
  it('tells the subscribed tenant what changed, who wrote it and which model versions the dataset feeds; nothing for a first sight, the same schema, a reader\'s view or another tenant', async () => {
    await send(event('etl.load_customers', [], [['public.customers', fields(['id', 'int'], ['email', 'varchar'], ['plan', 'varchar'])]]));
    // Downstream: a training run reads it, a model version comes of that run.
    const train = event('ml.train_churn', [['public.customers', null]], []);
    await send(train);
    await ok(loom, 'mutation ($r: String!) { registerModelVersion(input: {name: "churn", modelUri: "s3://m/churn/1", runId: $r}) { version } }', { r: train.run.runId }, key);
    await send(event('etl.load_customers', [], [['public.customers', fields(['id', 'int'], ['email', 'varchar'], ['plan', 'varchar'])]])); // the same schema
    await send(event('bi.report', [['public.customers', fields(['id', 'int'])]], [])); // a reader that read one column
    // The same change in another tenant (no webhook there) is not sent here.
    await send(event('etl.load_customers', [], [['public.customers', fields(['id', 'int'])]]), otherKey);
    await send(event('etl.load_customers', [], [['public.customers', fields(['id', 'int'])]]), otherKey);
    await settled();
    expect(got).toEqual([]);

    await send(event('etl.load_customers', [], [['public.customers', fields(['id', 'bigint'], ['plan', 'varchar'], ['tier', 'varchar'])]]));
    await settled();
    await until(() => got.length > 0, 5_000, 'the webhook');
    expect(got).toHaveLength(1);
    const { event: name, tenant, data } = got[0];
    expect({ name, tenant }).toEqual({ name: 'DATASET_SCHEMA_CHANGED', tenant: TENANT });
    expect(data).toMatchObject({
      dataset: { id: `dataset:${NS}:public.customers`, namespace: NS, name: 'public.customers' }, job: { namespace: 'airflow', name: 'etl.load_customers' },
      added: [{ name: 'tier', type: 'varchar' }], removed: [{ name: 'email', type: 'varchar' }], changed: [{ name: 'id', from: 'int', to: 'bigint' }],
      impact: { isPartial: false, modelVersions: ['churn@1'], usage: { llmCalls: 0 } },
    });
    expect(data.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.impact.byKind).toMatchObject({ Job: 2, ModelVersion: 1 }); // the training job and bi.report read it
  });

  it('a DatasetEvent (static lineage) changes a schema too; a schema in a batch changing twice is told twice, in order', async () => {
    got.length = 0;
    const dsEvent = { eventTime: new Date(Date.UTC(2026, 10, 2)).toISOString(), producer: 'https://example.com/catalog', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent',
      dataset: { namespace: NS, name: 'public.customers', facets: { schema: { _producer: 'x', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: fields(['id', 'bigint'], ['plan', 'varchar']) } } } };
    await send(dsEvent);
    minute += 60 * 24 * 2;
    const batch = [
      event('etl.load_customers', [], [['public.customers', fields(['id', 'bigint'], ['plan', 'varchar'], ['region', 'varchar'])]]),
      event('etl.load_customers', [], [['public.customers', fields(['id', 'bigint'], ['region', 'varchar'])]]),
    ];
    const res = await fetch(`${loom.url}/api/v1/lineage/batch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(batch) });
    expect(res.status).toBe(200);
    await settled();
    await until(() => got.length >= 3, 5_000, 'three webhooks');
    // Deliveries go out side by side: in the order of the changes' times.
    const summary = [...got].sort((a, b) => a.data.at.localeCompare(b.data.at)).map((g) => ({ job: g.data.job?.name ?? null, added: g.data.added.map((f: any) => f.name), removed: g.data.removed.map((f: any) => f.name) }));
    expect(summary).toEqual([
      { job: null, added: [], removed: ['tier'] },
      { job: 'etl.load_customers', added: ['region'], removed: [] },
      { job: 'etl.load_customers', added: [], removed: ['plan'] },
    ]);
  });

  it('lists a dataset\'s schema changes between its versions, newest first, per tenant', async () => {
    const Q = 'query ($id: ID!, $first: Int!) { schemaChanges(nodeId: $id, first: $first) { at fromVersion toVersion added { name type } removed { name } changed { name from to } } }';
    const id = `dataset:${NS}:public.customers`;
    const all = (await ok(loom, Q, { id, first: 20 }, key)).schemaChanges;
    // The versions as emitters reported them (bi.report's one-column view of it is one), each against the one before.
    expect(all.map((c: any) => [c.added.map((f: any) => f.name), c.removed.map((f: any) => f.name), c.changed.map((f: any) => `${f.name}:${f.from}>${f.to}`)])).toEqual([
      [[], ['plan'], []], [['region'], [], []], [[], ['tier'], []], [['plan', 'tier'], [], ['id:int>bigint']], [[], ['email', 'plan'], []],
    ]);
    expect(all.every((c: any, i: number) => i === 0 || c.at <= all[i - 1].at)).toBe(true);
    expect(all[0].fromVersion).toBe(all[1].toVersion);
    expect((await ok(loom, Q, { id, first: 2 }, key)).schemaChanges).toEqual(all.slice(0, 2));
    // The other tenant's table of the same name changed nothing.
    expect((await ok(loom, Q, { id, first: 20 }, otherKey)).schemaChanges).toEqual([]);
    expect((await ok(loom, Q, { id: 'dataset:nowhere:x', first: 20 }, key)).schemaChanges).toBeNull();
  });
});
