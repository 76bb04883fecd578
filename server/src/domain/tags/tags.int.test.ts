import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enc, EVENTS, startMarquezLoom, type MarquezClient } from '../../api/marquez/marquez.fixture.js';
import { fails, ok } from '../../api/graphql/registry.testkit.js';
import { DEMO_TENANT } from '../../app/seed.js';
import { nodeId } from '../ids.js';

const NODE_TAGS = 'query ($id: ID!) { node(id: $id) { ... on GraphNode { tags { name source actor { name role } at } } } }';
const TAG = 'mutation ($id: ID!, $tag: String!, $actor: String) { tagNode(nodeId: $id, tag: $tag, actor: $actor) { id } }';
const UNTAG = 'mutation ($id: ID!, $tag: String!) { untagNode(nodeId: $id, tag: $tag) { id } }';

describe('tags: Marquez tag API, GraphQL, OpenLineage tags facets', () => {
  let c: MarquezClient;
  let viewerKey: string;
  /** The Airflow corpus's first output dataset and one of its fields. */
  let ds: { namespace: string; name: string; field: string };

  const send: MarquezClient['send'] = (...args) => c.send(...args);
  const datasetPath = () => `/namespaces/${enc(ds.namespace)}/datasets/${enc(ds.name)}`;

  beforeAll(async () => {
    c = await startMarquezLoom();
    viewerKey = await c.loom.services.tenancy.createApiKey(DEMO_TENANT, 'viewer');
    // A dataset of the corpus with a schema.
    const withSchema = [...EVENTS.spark, ...EVENTS.airflow, ...EVENTS.dbt].flatMap((e) => [...(e.inputs ?? []), ...(e.outputs ?? [])])
      .find((d) => d.facets?.schema?.fields?.length);
    ds = { namespace: withSchema.namespace, name: withSchema.name, field: withSchema.facets.schema.fields[0].name };
  });
  afterAll(() => c?.loom.close());

  it('Marquez: creates tags, tags a dataset and a field, lists them, takes them off', async () => {
    const put = await send('PUT', '/tags/PII', { description: 'Personal data' });
    expect(put.status).toBe(200);
    c.validate('TagList', put.json);
    expect(put.json.tags).toContainEqual({ name: 'PII', description: 'Personal data' });

    // A field first (the dataset itself carries no tag yet), then the dataset.
    const field = await send('POST', `${datasetPath()}/fields/${enc(ds.field)}/tags/PII`);
    expect(field.status).toBe(200);
    expect(field.json.fields.find((f: { name: string }) => f.name === ds.field).tags).toEqual(['PII']);
    expect(field.json.tags).toEqual([]);

    const tagged = await send('POST', `${datasetPath()}/tags/SENSITIVE`);
    expect(tagged.status, JSON.stringify(tagged.json)).toBe(200);
    c.validate('Dataset', tagged.json);
    expect(tagged.json.tags).toEqual(['SENSITIVE']); // a new tag is created on the way

    const read = await c.ok(datasetPath(), 'Dataset');
    expect(read.tags).toEqual(['SENSITIVE']);
    expect(read.fields.find((f: { name: string }) => f.name === ds.field).tags).toEqual(['PII']);
    const list = await c.ok(`/namespaces/${enc(ds.namespace)}/datasets`, 'DatasetList');
    expect(list.datasets.find((d: { name: string }) => d.name === ds.name).tags).toEqual(['SENSITIVE']);
    const versions = await c.ok(`${datasetPath()}/versions`, 'DatasetVersionList');
    expect(versions.versions[0].tags).toEqual(['SENSITIVE']);
    const tags = await c.ok('/tags', 'TagList');
    // By name; the demo's own `pii` tag among them.
    expect(tags.tags.map((t: { name: string }) => t.name)).toEqual(['PII', 'SENSITIVE', 'pii']);

    // Marquez's lineage graph carries them too.
    const lineage = await c.ok(`/lineage?nodeId=${enc(`dataset:${ds.namespace}:${ds.name}`)}&depth=1`, 'LineageGraph');
    expect(lineage.graph.find((n: { id: string }) => n.id === `dataset:${ds.namespace}:${ds.name}`).data.tags).toEqual(['SENSITIVE']);

    const off = await send('DELETE', `${datasetPath()}/tags/SENSITIVE`);
    expect(off.json.tags).toEqual([]);
    expect((await send('DELETE', `${datasetPath()}/fields/${enc(ds.field)}/tags/PII`)).json.fields.find((f: { name: string }) => f.name === ds.field).tags).toEqual([]);
    expect((await send('DELETE', `${datasetPath()}/tags/NEVER`)).status).toBe(200); // nothing to take off
    expect((await c.ok('/tags', 'TagList')).tags.map((t: { name: string }) => t.name)).toEqual(['PII', 'SENSITIVE', 'pii']); // tags stay defined
  });

  it('Marquez: refuses what cannot be tagged, by whom, and names why', async () => {
    expect(await send('POST', `${datasetPath()}/fields/no_such_column/tags/PII`)).toMatchObject({ status: 404 });
    expect(await send('POST', `/namespaces/${enc(ds.namespace)}/datasets/no_such_table/tags/PII`)).toMatchObject({ status: 404 });
    const bad = await send('POST', `${datasetPath()}/tags/${enc(' spaces ')}`);
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^tag: /);
    expect((await send('PUT', '/tags/X', { description: 5 })).json.message).toMatch(/^description: must be a string/);
    expect((await send('POST', `${datasetPath()}/tags/PII`, undefined, viewerKey)).status).toBe(403);
    expect((await send('PUT', '/tags/VIEWER', {}, viewerKey)).status).toBe(403);
    // Another tenant sees neither the dataset nor the tags, and cannot tag it.
    expect((await send('POST', `${datasetPath()}/tags/PII`, undefined, c.otherKey)).status).toBe(404);
    expect((await c.get('/tags', c.otherKey)).json).toEqual({ tags: [] });
    expect((await c.ok(datasetPath(), 'Dataset')).tags).toEqual([]);
  });

  it('GraphQL: tags a node with who did it, lists what carries a tag, untags; scoped to the tenant and the role', async () => {
    const id = nodeId('Dataset', ds.namespace, ds.name);
    await ok(c.loom, 'mutation { defineTag(name: "gold", description: "Curated") { name } }');
    await ok(c.loom, TAG, { id, tag: 'gold', actor: 'ana' });
    await ok(c.loom, TAG, { id, tag: 'gold', actor: 'ana' }); // twice changes nothing
    const { node } = await ok(c.loom, NODE_TAGS, { id });
    expect(node.tags).toEqual([{ name: 'gold', source: 'USER', actor: { name: 'ana', role: 'admin' }, at: expect.any(String) }]);
    const { tagged } = await ok(c.loom, '{ tagged(tag: "gold") { total items { id } } }');
    expect(tagged).toEqual({ total: 1, items: [{ id }] });
    const { tags } = await ok(c.loom, '{ tags { total items { name description } } }');
    expect(tags.items).toContainEqual({ name: 'gold', description: 'Curated' });
    expect((await ok(c.loom, '{ tagged(tag: "no-such-tag") { total } }')).tagged).toBeNull();

    // Other tenants and viewers.
    expect((await fails(c.loom, TAG, { id, tag: 'x' }, c.otherKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await ok(c.loom, '{ tags { total } }', {}, c.otherKey)).tags.total).toBe(0);
    expect((await ok(c.loom, '{ tagged(tag: "gold") { total } }', {}, c.otherKey)).tagged).toBeNull();
    expect((await ok(c.loom, '{ tagReach(tag: "gold") { isPartial } }', {}, c.otherKey)).tagReach).toBeNull();
    expect((await fails(c.loom, UNTAG, { id, tag: 'gold' }, c.otherKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(c.loom, UNTAG, { id, tag: 'gold' }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    // What cannot carry a tag, and names that are not tags.
    expect((await fails(c.loom, TAG, { id: 'tag:registry:gold', tag: 'x' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nodeId' });
    expect((await fails(c.loom, TAG, { id, tag: '' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tag' });
    expect((await fails(c.loom, TAG, { id: 'dataset:nope:nope', tag: 'x' })).extensions?.code).toBe('NOT_FOUND');

    await ok(c.loom, UNTAG, { id, tag: 'gold' });
    expect((await ok(c.loom, NODE_TAGS, { id })).node.tags).toEqual([]);
    expect((await ok(c.loom, '{ tagged(tag: "gold") { total } }')).tagged.total).toBe(0);
    // Taken off, not deleted: the TAGGED edge ended.
    const edges = await c.loom.services.graph.neighbours(DEMO_TENANT, id, { direction: 'DOWNSTREAM', edgeKinds: ['TAGGED'], limit: 10, offset: 0, includeEnded: true });
    expect(edges.items.filter((e) => e.node.name === 'gold').map((e) => e.edge.validTo !== null)).toEqual([true]);
    // Put back on: one edge, current again, the time it was off a gap (asOf inside it, not carried)
    const offAt = edges.items.find((e) => e.node.name === 'gold')!.edge.validTo!;
    await ok(c.loom, TAG, { id, tag: 'gold', actor: 'ana' });
    const again = await ok(c.loom, 'query ($id: ID!) { node(id: $id) { ... on GraphNode { neighbours(direction: DOWNSTREAM, edgeKinds: ["TAGGED"], ended: true) { items { node { name } edge { validTo gaps { from to } } } } } } }', { id });
    const gold = again.node.neighbours.items.filter((i: any) => i.node.name === 'gold');
    expect(gold).toEqual([{ node: { name: 'gold' }, edge: { validTo: null, gaps: [{ from: offAt, to: expect.any(String) }] } }]);
    expect(gold[0].edge.gaps[0].to > offAt).toBe(true);
    await ok(c.loom, UNTAG, { id, tag: 'gold' });
  });

  it('OpenLineage tags facets tag datasets, their fields, jobs and runs; a tag a person took off stays off', async () => {
    const runId = '0193a0c4-7a4e-7000-8000-000000007a95';
    const facet = { _producer: 'https://example.com/tags-test', _schemaURL: 'https://openlineage.io/spec/facets/1-0-0/TagsDatasetFacet.json' };
    const event = (eventType: string) => ({
      eventType, eventTime: new Date().toISOString(), producer: 'https://example.com/tags-test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json',
      run: { runId, facets: { tags: { tags: [{ key: 'team', value: 'growth', source: 'AIRFLOW' }] } } },
      job: { namespace: 'tags-test', name: 'load_customers', facets: { tags: { tags: [{ key: 'tier', value: '1' }] } } },
      outputs: [{
        namespace: 'tags-test', name: 'crm.customers',
        facets: {
          schema: { ...facet, fields: [{ name: 'id', type: 'int' }, { name: 'email', type: 'string' }] },
          tags: { ...facet, tags: [{ key: 'pii', value: 'true', source: 'DBT CORE' }, { key: 'pii', value: 'true', field: 'email' }, { key: 42 }, { key: 'bad\u0000key' }] },
        },
      }],
    });
    expect((await c.loom.post('/api/v1/lineage', event('START'))).status).toBe(201);
    const tagsOf = async (id: string) => (await ok(c.loom, NODE_TAGS, { id })).node.tags.map((t: { name: string; source: string }) => `${t.name}/${t.source}`);
    expect(await tagsOf('dataset:tags-test:crm.customers')).toEqual(['pii/DBT CORE']);
    expect(await tagsOf('field:tags-test:crm.customers#email')).toEqual(['pii/INTEGRATION']);
    expect(await tagsOf('job:tags-test:load_customers')).toEqual(['tier:1/INTEGRATION']);
    expect(await tagsOf(`run:${runId}`)).toEqual(['team:growth/AIRFLOW']);
    const marquez = await c.ok('/namespaces/tags-test/datasets/crm.customers', 'Dataset');
    expect([marquez.tags, marquez.fields.map((f: { tags: string[] }) => f.tags)]).toEqual([['pii'], [[], ['pii']]]);

    // Someone decides the table is not personal data; the emitter's next event does not put the tag back.
    await ok(c.loom, UNTAG, { id: 'dataset:tags-test:crm.customers', tag: 'pii' });
    expect((await c.loom.post('/api/v1/lineage', event('COMPLETE'))).status).toBe(201);
    expect(await tagsOf('dataset:tags-test:crm.customers')).toEqual([]);
    expect(await tagsOf('field:tags-test:crm.customers#email')).toEqual(['pii/INTEGRATION']);
  });

  it('tagReach: the columns computed from a tagged column that do not carry the tag', async () => {
    // A field of the Spark corpus with column lineage downstream of it.
    const graph = c.loom.services.graph;
    const fields = await graph.search(DEMO_TENANT, { text: '', kinds: ['Field'], limit: 2000 });
    let source: string | null = null;
    for (const f of fields) {
      const out = await graph.neighbours(DEMO_TENANT, f.id, { direction: 'DOWNSTREAM', edgeKinds: ['DERIVES'], limit: 1, offset: 0 });
      if (out.items.length && out.items[0].node.kind === 'Field') { source = f.id; break; }
    }
    expect(source).not.toBeNull();
    await ok(c.loom, TAG, { id: source, tag: 'secret' });
    const { tagReach } = await ok(c.loom, '{ tagReach(tag: "secret", depth: 3) { tagged { id } reached { node { id kind } distance from } isPartial } }');
    expect(tagReach.tagged).toEqual([{ id: source }]);
    expect(tagReach.isPartial).toBe(false);
    const direct = await graph.neighbours(DEMO_TENANT, source!, { direction: 'DOWNSTREAM', edgeKinds: ['DERIVES'], limit: 100, offset: 0 });
    for (const d of direct.items) expect(tagReach.reached).toContainEqual({ node: { id: d.node.id, kind: d.node.kind }, distance: 1, from: source });
    // Once a derived column carries the tag too, it is no longer reported as reached.
    const first = direct.items[0].node.id;
    await ok(c.loom, TAG, { id: first, tag: 'secret' });
    const again = (await ok(c.loom, '{ tagReach(tag: "secret", depth: 3) { reached { node { id } } } }')).tagReach;
    expect(again.reached.map((r: { node: { id: string } }) => r.node.id)).not.toContain(first);
    expect((await fails(c.loom, '{ tagReach(tag: "secret", depth: 11) { isPartial } }')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
  });

  it('TAGS alert rules fire while a tag reaches untagged nodes, and resolve once they carry it', async () => {
    // The Spark corpus's column lineage again: a source column with derived columns downstream.
    const graph = c.loom.services.graph;
    const all = await graph.search(DEMO_TENANT, { text: '', kinds: ['Field'], limit: 2000 });
    let source: string | null = null;
    let derived: string[] = [];
    for (const f of all) {
      const out = await graph.neighbours(DEMO_TENANT, f.id, { direction: 'DOWNSTREAM', edgeKinds: ['DERIVES'], limit: 50, offset: 0 });
      const next = out.items.filter((i) => i.node.kind === 'Field');
      if (next.length) { source = f.id; derived = next.map((i) => i.node.id); break; }
    }
    expect(source).not.toBeNull();
    await ok(c.loom, TAG, { id: source, tag: 'restricted' });
    const input = { name: 'restricted data spreads', source: 'TAGS', measure: 'UNTAGGED_DOWNSTREAM', labels: [{ key: 'tag', value: 'restricted' }], op: 'GT', threshold: 0 };
    const { previewAlertRule } = await ok(c.loom, 'query ($input: AlertRuleInput!) { previewAlertRule(input: $input) { series { labels value breaching } } }', { input });
    const reached = (await ok(c.loom, '{ tagReach(tag: "restricted", depth: 10, first: 2000) { reached { node { id } } } }')).tagReach.reached.map((r: { node: { id: string } }) => r.node.id);
    expect(previewAlertRule.series).toEqual([{ labels: { tag: 'restricted' }, value: reached.length, breaching: true }]);
    const { createAlertRule: rule } = await ok(c.loom, 'mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }', { input });
    await c.loom.services.alerts.evaluateTenant(DEMO_TENANT);
    const alerts = async (states: string[]) => (await ok(c.loom, 'query ($r: ID, $s: [AlertState!]) { alerts(ruleId: $r, states: $s) { state value subjectId } }', { r: rule.id, s: states })).alerts;
    expect(await alerts(['FIRING'])).toEqual([{ state: 'FIRING', value: reached.length, subjectId: 'tag:registry:restricted' }]);
    expect((await ok(c.loom, '{ alerts(nodeId: "tag:registry:restricted") { state } }')).alerts).toEqual([{ state: 'FIRING' }]);

    // Everything downstream marked too: nothing reached untagged, the alert resolves.
    for (const id of reached) await ok(c.loom, TAG, { id, tag: 'restricted' });
    expect(derived.every((d) => reached.includes(d))).toBe(true);
    await c.loom.services.alerts.evaluateTenant(DEMO_TENANT);
    expect(await alerts(['FIRING'])).toEqual([]);
    expect((await alerts(['RESOLVED']))[0]).toMatchObject({ state: 'RESOLVED' });
    // A TAGS rule names one tag.
    const bad = await fails(c.loom, 'mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }', { input: { ...input, labels: [] } });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.labels' });
  });
});
