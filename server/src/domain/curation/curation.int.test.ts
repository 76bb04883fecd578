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
  const send: MarquezClient['send'] = (...args) => c.send(...args);

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
    expect(node.owners).toEqual({ items: [{ name: 'team:sales-data', type: 'TECHNICAL_OWNER' }, { name: 'ana', type: null }], source: 'USER', setBy: { name: 'demo' } }); // no actor named: the key that set them (its name)
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
    expect((await fails(c.loom, OWNERS, { id: ds, owners: [{ name: 'rival' }] }, c.otherKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(c.loom, 'mutation ($id: ID!) { deleteNode(nodeId: $id) { id } }', { id: ds }, c.otherKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(c.loom, 'mutation ($id: ID!) { deleteNode(nodeId: $id) { id } }', { id: ds }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await fails(c.loom, 'mutation ($id: ID!) { deleteNode(nodeId: $id) { id } }', { id: 'field:curation:sales.orders#x' })).extensions?.code).toBe('NOT_FOUND');
    expect((await send('DELETE', '/namespaces/curation', undefined, c.otherKey)).status).toBe(404);
    expect((await send('DELETE', '/namespaces/curation/jobs/load_orders', undefined, c.otherKey)).status).toBe(404);
    const { node } = await ok(c.loom, 'query ($id: ID!) { node(id: $id) { validTo ... on GraphNode { description { text } } } }', { id: ds });
    expect(node).toEqual({ validTo: null, description: { text: 'Orders v2' } });
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

  it('Marquez DELETE: a dataset and a job end softly (lists, lineage), asOf still shows them, and a newer event brings them back', async () => {
    const lineage = 'query ($id: ID!, $asOf: DateTime) { lineage(nodeId: $id, depth: 2, asOf: $asOf) { nodes { node { id } } } }';
    const flow = (at: Date) => ({
      eventType: 'COMPLETE', eventTime: at.toISOString(), producer: 'https://example.com/curation-test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json',
      run: { runId: crypto.randomUUID() }, job: { namespace: 'soft', name: 'copy' },
      inputs: [{ namespace: 'soft', name: 'raw.events' }], outputs: [{ namespace: 'soft', name: 'clean.events' }],
    });
    expect((await c.loom.post('/api/v1/lineage', flow(new Date(Date.now() - 3_600_000)))).status).toBe(201);
    const before = new Date().toISOString();
    const listed = async (what: 'datasets' | 'jobs') => (await c.ok(`/namespaces/soft/${what}`, what === 'datasets' ? 'DatasetList' : 'JobList'))[what].map((d: { name: string }) => d.name);
    const walk = async (asOf?: string) => (await ok(c.loom, lineage, { id: 'job:soft:copy', asOf })).lineage.nodes.map((n: { node: { id: string } }) => n.node.id);
    expect(await walk()).toContain('dataset:soft:clean.events');

    const del = await send('DELETE', '/namespaces/soft/datasets/clean.events', undefined);
    expect(del.status).toBe(200);
    c.validate('Dataset', del.json);
    expect(del.json).toMatchObject({ name: 'clean.events', deleted: true });
    expect(await listed('datasets')).toEqual(['raw.events']);
    expect(await walk()).not.toContain('dataset:soft:clean.events');
    expect(await walk(before)).toContain('dataset:soft:clean.events'); // time travel still has it

    const job = await send('DELETE', '/namespaces/soft/jobs/copy', undefined);
    expect(job.status).toBe(200);
    c.validate('Job', job.json);
    expect(await listed('jobs')).toEqual([]);

    // An event older than the deletion (a backfill) does not bring them back; a newer one does.
    expect((await c.loom.post('/api/v1/lineage', flow(new Date(Date.now() - 60_000)))).status).toBe(201);
    expect(await listed('datasets')).toEqual(['raw.events']);
    expect((await c.loom.post('/api/v1/lineage', flow(new Date(Date.now() + 1_000)))).status).toBe(201);
    expect(await listed('datasets')).toEqual(['clean.events', 'raw.events']);
    expect(await listed('jobs')).toEqual(['copy']);
    expect(await walk()).toContain('dataset:soft:clean.events');
    expect((await c.ok('/namespaces/soft/datasets/clean.events', 'Dataset')).deleted).toBe(false);

    // Who may, and where.
    expect((await send('DELETE', '/namespaces/soft/datasets/raw.events', undefined, viewerKey)).status).toBe(403);
    expect((await send('DELETE', '/namespaces/soft/datasets/raw.events', undefined, c.otherKey)).status).toBe(404);
    expect((await send('DELETE', '/namespaces/soft/datasets/nope', undefined)).status).toBe(404);
    expect(await listed('datasets')).toEqual(['clean.events', 'raw.events']);
  });

  it('deletes a namespace with its datasets and jobs; restoreNode brings a node back; a deleted node is not described', async () => {
    const ingest = (ns: string, at: Date) => c.loom.post('/api/v1/lineage', {
      eventType: 'COMPLETE', eventTime: at.toISOString(), producer: 'https://example.com/curation-test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json',
      run: { runId: crypto.randomUUID() }, job: { namespace: ns, name: 'j' }, outputs: [{ namespace: ns, name: 'd1' }, { namespace: ns, name: 'd2' }],
    });
    expect((await ingest('gone', new Date(Date.now() - 60_000))).status).toBe(201);
    const del = await send('DELETE', '/namespaces/gone', undefined);
    expect(del.status).toBe(200);
    c.validate('Namespace', del.json);
    const names = async () => (await c.ok('/namespaces', 'NamespaceList')).namespaces.map((n: { name: string }) => n.name);
    expect(await names()).not.toContain('gone');
    expect([del.json.isHidden, (await c.ok('/namespaces/gone', 'Namespace')).isHidden]).toEqual([true, true]); // as Marquez shows a deleted one
    // PUT brings a deleted namespace back (its datasets and jobs stay deleted).
    expect((await send('PUT', '/namespaces/gone', { ownerName: 'me' })).json).toMatchObject({ name: 'gone', ownerName: 'me', isHidden: false });
    expect(await names()).toContain('gone');
    await ok(c.loom, 'mutation { deleteNode(nodeId: "namespace:gone:gone") { id } }');
    expect(await names()).not.toContain('gone');
    const { node } = await ok(c.loom, 'query ($id: ID!) { node(id: $id) { validTo } }', { id: 'dataset:gone:d2' });
    expect(node.validTo).not.toBeNull();
    expect((await fails(c.loom, DESCRIBE, { id: 'dataset:gone:d2', d: 'x' })).extensions?.code).toBe('CONFLICT');
    expect((await fails(c.loom, 'mutation { deleteNode(nodeId: "field:x:y") { id } }')).extensions?.code).toBe('NOT_FOUND');

    await ok(c.loom, 'mutation ($id: ID!) { restoreNode(nodeId: $id) { id } }', { id: 'dataset:gone:d2' });
    expect((await ok(c.loom, 'query ($id: ID!) { node(id: $id) { validTo } }', { id: 'dataset:gone:d2' })).node.validTo).toBeNull();
    // A newer event naming the namespace brings it back, and what it names.
    expect((await ingest('gone', new Date(Date.now() + 1_000))).status).toBe(201);
    expect(await names()).toContain('gone');
    expect((await ok(c.loom, 'mutation ($id: ID!) { deleteNode(nodeId: $id) { validTo } }', { id: 'job:gone:j' })).deleteNode.validTo).not.toBeNull();
  });
});
