import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { ok } from './registry.testkit.js';
import { createContext } from './context.js';
import { EdgeResolver, NodeResolver } from './node.resolver.js';

const NEIGHBOURS = `query ($id: ID!, $first: Int!, $offset: Int!, $lineageOnly: Boolean!) {
  node(id: $id) { ... on GraphNode { neighbours(direction: DOWNSTREAM, first: $first, offset: $offset, lineageOnly: $lineageOnly) { total items { node { id } edge { kind from to } } } } }
}`;

describe('GraphNode.neighbours', () => {
  let loom: TestLoom;
  const ds = 'dataset:e2e:hub';
  beforeAll(async () => {
    loom = await startTestLoom();
    const at = '2026-03-01T00:00:00.000Z';
    await loom.services.graph.write('demo', {
      nodes: [
        { id: ds, kind: 'Dataset', namespace: 'e2e', name: 'hub', at },
        { id: `field:e2e:hub#id`, kind: 'Field', namespace: 'e2e', name: 'hub#id', at },
        ...[1, 2, 3].map((i) => ({ id: `job:e2e:j${i}`, kind: 'Job' as const, namespace: 'e2e', name: `j${i}`, at })),
      ],
      edges: [
        { kind: 'HAS_FIELD', from: ds, to: 'field:e2e:hub#id', validFrom: at },
        ...[1, 2, 3].map((i) => ({ kind: 'INPUT_TO' as const, from: ds, to: `job:e2e:j${i}`, validFrom: at })),
      ],
    });
  });
  afterAll(() => loom?.close());

  it('pages data-flow neighbours only when asked (one-hop expansion), with the total across pages', async () => {
    const all = await ok(loom, NEIGHBOURS, { id: ds, first: 10, offset: 0, lineageOnly: false });
    expect(all.node.neighbours.total).toBe(4);
    expect(all.node.neighbours.items.map((i: { edge: { kind: string } }) => i.edge.kind)).toContain('HAS_FIELD');

    const page1 = await ok(loom, NEIGHBOURS, { id: ds, first: 2, offset: 0, lineageOnly: true });
    const page2 = await ok(loom, NEIGHBOURS, { id: ds, first: 2, offset: 2, lineageOnly: true });
    expect(page1.node.neighbours.total).toBe(3);
    const ids = [...page1.node.neighbours.items, ...page2.node.neighbours.items].map((i: { node: { id: string } }) => i.node.id);
    expect(ids.sort()).toEqual(['job:e2e:j1', 'job:e2e:j2', 'job:e2e:j3']);
    // a page past the end: empty, with the total (a GraphQL offset of 10,000 took the server down)
    expect((await ok(loom, NEIGHBOURS, { id: ds, first: 2, offset: 1_000_000_000, lineageOnly: false })).node.neighbours).toEqual({ total: 4, items: [] });
  });

  it('refuses, before running it, an operation whose page sizes, aliases and nesting multiply past its cost limit', async () => {
    const level = (inner: string) => `neighbours(first: 500) { items { node { id ... on GraphNode { ${inner} } } } }`;
    const nested = `{ node(id: "${ds}") { ... on GraphNode { ${['a', 'b', 'c'].map((a) => `${a}: ${level(level('id'))}`).join(' ')} } } }`;
    const res = await loom.gql(nested);
    expect([res.status, res.errors?.[0]?.extensions]).toEqual([400, { code: 'BAD_USER_INPUT', field: 'query' }]);
    expect(res.errors?.[0]?.message).toMatch(/^query: it would cost \d+ \(at most 500000\)/);
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `l${i}: lineage(nodeId: "${ds}", depth: 10, limit: 5000) { nodes { distance node { id kind name namespace } } edges { kind from to } }`).join(' ')} }`;
    expect((await loom.gql(aliases)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // a client's mistakes are named as such, not masked as the server's (they said INTERNAL_SERVER_ERROR)
    const unknownOp = await loom.post('/graphql', { query: 'query A { viewer { tenant } }', operationName: 'B' });
    expect([unknownOp.status, unknownOp.json.errors[0].extensions.code]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    const twoOps = await loom.post('/graphql', { query: 'query A { viewer { tenant } } query B { viewer { role } }' });
    expect(twoOps.json.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    // what the web app asks stays well inside it
    expect((await loom.gql(`{ lineage(nodeId: "${ds}", depth: 10, limit: 5000) { nodes { distance node { id kind name namespace } } edges { kind from to } } }`)).errors).toBeUndefined();
  });
});

describe('search', () => {
  let loom: TestLoom;
  const hex = '0af7651916cd43dd8448eb211c80319c';
  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.graph.write('demo', {
      nodes: [
        { id: `trace:${hex}`, kind: 'Trace', namespace: 'rag-api', name: 'POST /answer' },
        { id: `dataset:e2e:${hex}_export`, kind: 'Dataset', namespace: 'e2e', name: `${hex}_export` },
      ],
      edges: [],
    });
  });
  afterAll(() => loom?.close());

  const SEARCH = 'query ($text: String!, $kinds: [NodeKind!]) { search(text: $text, kinds: $kinds, first: 5) { id kind } }';
  const ids = async (text: string, kinds?: string[], key?: string) => (await ok(loom, SEARCH, { text, kinds }, key)).search.map((n: { id: string }) => n.id);

  it('finds a trace by its id (first), never by text; only in its own tenant', async () => {
    const both = [`trace:${hex}`, `dataset:e2e:${hex}_export`];
    expect(await ids(hex)).toEqual(both);
    expect(await ids(` TRACE:${hex.toUpperCase()} `)).toEqual([`trace:${hex}`]);
    expect(await ids(hex, ['Trace'])).toEqual([`trace:${hex}`]);
    expect(await ids(hex, ['Dataset'])).toEqual([`dataset:e2e:${hex}_export`]);
    expect(await ids('POST /answer')).toEqual([]);
    expect(await ids(hex.slice(0, 31))).toEqual([`dataset:e2e:${hex}_export`]);
    await loom.services.tenancy.createTenant('other');
    const other = await loom.services.tenancy.createApiKey('other', 'admin');
    expect(await ids(hex, undefined, other)).toEqual([]);
  });

  it('answers heads from the search index, and reads the rest of a node only when the query asks for it', async () => {
    await loom.services.graph.write('demo', {
      nodes: [{ id: 'dataset:e2e:orders_x', kind: 'Dataset', namespace: 'e2e', name: 'orders_x', props: { rows: 7 }, at: '2026-03-02T00:00:00.000Z' }],
      edges: [],
    });
    const ALL = 'query ($text: String!) { search(text: $text, first: 5) { id kind namespace name validTo createdAt updatedAt props } }';
    const [hit] = (await ok(loom, ALL, { text: 'orders_x' })).search;
    const { node } = await ok(loom, 'query ($id: ID!) { node(id: $id) { id kind namespace name validTo createdAt updatedAt props } }', { id: 'dataset:e2e:orders_x' });
    expect(hit).toEqual(node);
    expect(hit).toMatchObject({ kind: 'Dataset', namespace: 'e2e', name: 'orders_x', validTo: null, props: { rows: 7 }, updatedAt: '2026-03-02T00:00:00.000Z' });
    const heads = await ok(loom, 'query ($text: String!) { search(text: $text, first: 5) { id kind namespace name } }', { text: 'orders_x' });
    expect(heads.search).toEqual([{ id: 'dataset:e2e:orders_x', kind: 'Dataset', namespace: 'e2e', name: 'orders_x' }]);
  });
});

describe('lineage nodes as heads', () => {
  let loom: TestLoom;
  const at = '2026-03-01T00:00:00.000Z';
  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.graph.write('demo', {
      nodes: [
        { id: 'dataset:heads:src', kind: 'Dataset', namespace: 'heads', name: 'src', at },
        { id: 'job:heads:etl', kind: 'Job', namespace: 'heads', name: 'etl', props: { owner: 'data-eng' }, at },
      ],
      edges: [{ kind: 'INPUT_TO', from: 'dataset:heads:src', to: 'job:heads:etl', props: { role: 'input' }, validFrom: at }],
    });
  });
  afterAll(() => loom?.close());

  it('answers what the query selects, whether it asks for heads only or for props and times (through fragments too)', async () => {
    const heads = await ok(loom, '{ lineage(nodeId: "dataset:heads:src", direction: DOWNSTREAM) { nodes { node { id kind namespace name validTo } } edges { kind from to } } }');
    expect(heads.lineage.nodes).toEqual([{ node: { id: 'job:heads:etl', kind: 'Job', namespace: 'heads', name: 'etl', validTo: null } }]);
    expect(heads.lineage.edges).toEqual([{ kind: 'INPUT_TO', from: 'dataset:heads:src', to: 'job:heads:etl' }]);
    const edgeProps = await ok(loom, '{ lineage(nodeId: "dataset:heads:src", direction: DOWNSTREAM) { nodes { node { id } } edges { kind ... on Edge { props validFrom validTo } } } }');
    expect(edgeProps.lineage.edges).toEqual([{ kind: 'INPUT_TO', props: { role: 'input' }, validFrom: at, validTo: null }]);
    const whole = await ok(loom, `query { lineage(nodeId: "dataset:heads:src", direction: DOWNSTREAM) { ...L } impact(nodeId: "dataset:heads:src") { groups { nodes { node { props } } } } }
      fragment L on Lineage { nodes { node { id ... on GraphNode { props createdAt updatedAt } } } }`);
    expect(whole.lineage.nodes).toEqual([{ node: { id: 'job:heads:etl', props: { owner: 'data-eng' }, createdAt: at, updatedAt: at } }]);
    expect(whole.impact.groups[0].nodes).toEqual([{ node: { props: { owner: 'data-eng' } } }]);
  });

  it('reads props and times by id for a head that reaches their resolvers', async () => {
    const ctx = createContext({ tenant: 'demo', role: 'viewer' }, loom.services);
    const head = { id: 'job:heads:etl', kind: 'Job' as const, namespace: 'heads', name: 'etl', validTo: null };
    const resolver = new NodeResolver();
    expect(await resolver.props(head, ctx)).toEqual({ owner: 'data-eng' });
    expect([await resolver.createdAt(head, ctx), await resolver.updatedAt(head, ctx)]).toEqual([at, at]);
    await expect(resolver.props({ ...head, id: 'job:heads:gone' }, ctx)).rejects.toThrow('cannot be read');
  });

  it('reads props and validity for an edge head that reaches their resolvers', async () => {
    const ctx = createContext({ tenant: 'demo', role: 'viewer' }, loom.services);
    const head = { kind: 'INPUT_TO' as const, from: 'dataset:heads:src', to: 'job:heads:etl' };
    const resolver = new EdgeResolver();
    expect([await resolver.props(head, ctx), await resolver.validFrom(head, ctx), await resolver.validTo(head, ctx)]).toEqual([{ role: 'input' }, at, null]);
    await expect(resolver.props({ ...head, kind: 'OUTPUT' }, ctx)).rejects.toThrow('cannot be read');
    // past the first page of a node's edges of that kind
    const jobs = Array.from({ length: 520 }, (_, i) => `job:heads:reader${String(i).padStart(3, '0')}`);
    await loom.services.graph.write('demo', {
      nodes: [{ id: 'dataset:heads:hub', kind: 'Dataset', namespace: 'heads', name: 'hub', at }, ...jobs.map((id) => ({ id, kind: 'Job' as const, namespace: 'heads', name: id.slice(11), at }))],
      edges: jobs.map((to, i) => ({ kind: 'INPUT_TO' as const, from: 'dataset:heads:hub', to, props: { i }, validFrom: at })),
    });
    expect(await resolver.props({ kind: 'INPUT_TO', from: 'dataset:heads:hub', to: jobs[519] }, ctx)).toEqual({ i: 519 });
    // another tenant's context does not read it
    await expect(new EdgeResolver().props(head, createContext({ tenant: 'other', role: 'viewer' }, loom.services))).rejects.toThrow('cannot be read');
  });
});
