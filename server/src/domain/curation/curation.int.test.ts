import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMarquezLoom, type MarquezClient } from '../../api/marquez/marquez.fixture.js';
import { fails, ok } from '../../api/graphql/registry.testkit.js';
import { DEMO_TENANT } from '../../app/seed.js';

const ABOUT = 'query ($id: ID!) { node(id: $id) { ... on GraphNode { description { text source setBy { name role } setAt } owners { items { name type } source setBy { name } } } } }';
const DESCRIBE = 'mutation ($id: ID!, $d: String, $actor: String) { describeNode(nodeId: $id, description: $d, actor: $actor) { id } }';
const OWNERS = 'mutation ($id: ID!, $owners: [OwnerInput!]!) { setOwners(nodeId: $id, owners: $owners) { id } }';

describe('descriptions and owners set by people, beside what emitters report', () => {
  let c: MarquezClient;
  let viewerKey: string;
  const ds = 'dataset:curation:sales.orders';
  const facet = { _producer: 'https://example.com/curation-test', _schemaURL: 'https://openlineage.io/spec/facets/1-0-0/x.json' };
  const event = (at: Date, description: string) => ({
    eventType: 'COMPLETE', eventTime: at.toISOString(), producer: 'https://example.com/curation-test',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json', run: { runId: crypto.randomUUID() }, job: { namespace: 'curation', name: 'load_orders' },
    outputs: [{
      namespace: 'curation', name: 'sales.orders',
      facets: { documentation: { ...facet, description }, ownership: { ...facet, owners: [{ name: 'application:etl', type: 'PRODUCER' }] } },
    }],
  });
  const send = async (method: string, path: string, body: unknown, key: string = c.loom.key) => {
    const res = await fetch(`${c.loom.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  };

  beforeAll(async () => {
    c = await startMarquezLoom();
    viewerKey = await c.loom.services.tenancy.createApiKey(DEMO_TENANT, 'viewer');
    expect((await c.loom.post('/api/v1/lineage', event(new Date(Date.UTC(2026, 10, 1)), 'Orders, as loaded'))).status).toBe(201);
  });
  afterAll(() => c?.loom.close());

  it("shows the emitter's description and owners until a person sets them, and again once cleared", async () => {
    expect((await ok(c.loom, ABOUT, { id: ds })).node).toEqual({
      description: { text: 'Orders, as loaded', source: 'EMITTER', setBy: null, setAt: null },
      owners: { items: [{ name: 'application:etl', type: 'PRODUCER' }], source: 'EMITTER', setBy: null },
    });

    await ok(c.loom, DESCRIBE, { id: ds, d: '  One row per order line, deduplicated. Amounts in EUR.  ', actor: 'ana' });
    await ok(c.loom, OWNERS, { id: ds, owners: [{ name: 'team:sales-data', type: 'TECHNICAL_OWNER' }, { name: 'ana' }, { name: 'ana' }] });
    // The emitter's next event, later than the change (its clock a minute ahead), does not overwrite it.
    expect((await c.loom.post('/api/v1/lineage', event(new Date(Date.now() + 60_000), 'Orders v2'))).status).toBe(201);
    const { node } = await ok(c.loom, ABOUT, { id: ds });
    expect(node.description).toMatchObject({ text: 'One row per order line, deduplicated. Amounts in EUR.', source: 'USER', setBy: { name: 'ana', role: 'admin' } });
    expect(node.owners).toEqual({ items: [{ name: 'team:sales-data', type: 'TECHNICAL_OWNER' }, { name: 'ana', type: null }], source: 'USER', setBy: { name: null } });
    // Marquez clients read the person's description.
    expect((await c.ok('/namespaces/curation/datasets/sales.orders', 'Dataset')).description).toBe('One row per order line, deduplicated. Amounts in EUR.');

    await ok(c.loom, DESCRIBE, { id: ds, d: null });
    await ok(c.loom, OWNERS, { id: ds, owners: [] });
    expect((await ok(c.loom, ABOUT, { id: ds })).node).toMatchObject({
      description: { text: 'Orders v2', source: 'EMITTER' }, owners: { items: [{ name: 'application:etl', type: 'PRODUCER' }], source: 'EMITTER' },
    });
    expect((await c.ok('/namespaces/curation/datasets/sales.orders', 'Dataset')).description).toBe('Orders v2');
  });

  it('refuses bad input naming the field, viewers, what has no description, and other tenants', async () => {
    expect((await fails(c.loom, DESCRIBE, { id: ds, d: 'x'.repeat(10_001) })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    expect((await fails(c.loom, OWNERS, { id: ds, owners: [{ name: 'ok' }, { name: ' ' }] })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'owners[1].name' });
    expect((await fails(c.loom, DESCRIBE, { id: ds, d: 'x' }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await fails(c.loom, DESCRIBE, { id: 'tag:registry:nope', d: 'x' })).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(c.loom, DESCRIBE, { id: ds, d: 'mine now' }, c.otherKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await ok(c.loom, ABOUT, { id: ds })).node.description.text).toBe('Orders v2');
  });

  it("Marquez: PUT /namespaces/{ns} creates a namespace with its owner and description, and changes them", async () => {
    const put = await send('PUT', '/namespaces/team-a.scratch', { ownerName: 'me', description: 'My first namespace!' });
    expect(put.status).toBe(200);
    c.validate('Namespace', put.json);
    expect(put.json).toMatchObject({ name: 'team-a.scratch', ownerName: 'me', description: 'My first namespace!' });
    expect(await c.ok('/namespaces/team-a.scratch', 'Namespace')).toMatchObject({ ownerName: 'me', description: 'My first namespace!' });
    expect((await c.ok('/namespaces', 'NamespaceList')).namespaces.map((n: { name: string }) => n.name)).toContain('team-a.scratch');
    expect((await send('PUT', '/namespaces/team-a.scratch', { ownerName: 'you' })).json).toMatchObject({ ownerName: 'you', description: null });
    // Refusals.
    expect((await send('PUT', '/namespaces/bad%20name', { ownerName: 'me' })).json.message).toMatch(/^namespace: /);
    expect((await send('PUT', '/namespaces/x', { description: 'no owner' })).json.message).toMatch(/^ownerName: is required/);
    expect((await send('PUT', '/namespaces/x', { ownerName: 'me' }, viewerKey)).status).toBe(403);
    // Another tenant's namespace of the same name is its own.
    expect((await send('PUT', '/namespaces/team-a.scratch', { ownerName: 'rival' }, c.otherKey)).status).toBe(200);
    expect((await c.ok('/namespaces/team-a.scratch', 'Namespace')).ownerName).toBe('you');
  });
});
