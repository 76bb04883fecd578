import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineGraphStoreContract } from '../graphstore.contract.js';
import { describe, expect, it } from 'vitest';
import { KuzuGraphStore, type KuzuOptions } from './KuzuGraphStore.js';
import { openEngine } from './engine.js';

const dir = mkdtempSync(path.join(tmpdir(), 'loom-kuzu-'));
defineGraphStoreContract('embedded (Kuzu)', () => KuzuGraphStore.open({ path: path.join(dir, 'graph.kuzu'), bufferPoolBytes: 256 * 1024 * 1024 }), async () => {
  rmSync(dir, { recursive: true, force: true });
});
// The same contract with new edges written, and search's winners read, the way large graphs have them (by key lookups, not a join over the Node table).
const byKeyDir = mkdtempSync(path.join(tmpdir(), 'loom-kuzu-bykey-'));
defineGraphStoreContract('embedded (Kuzu), large-graph writes', () => KuzuGraphStore.open({ path: path.join(byKeyDir, 'graph.kuzu'), bufferPoolBytes: 256 * 1024 * 1024, joinNodesPerEdge: 0, joinNodesPerRead: 0, nodesPerBulkUpdateRow: 0 }), async () => {
  rmSync(byKeyDir, { recursive: true, force: true });
});

/** A fresh store in its own directory, opened and initialised for `work`, then closed and removed. */
async function withStore(name: string, work: (store: KuzuGraphStore) => Promise<void>, opts: Partial<KuzuOptions> = {}): Promise<void> {
  const d = mkdtempSync(path.join(tmpdir(), `loom-kuzu-${name}-`));
  const store = await KuzuGraphStore.open({ path: path.join(d, 'graph.kuzu'), bufferPoolBytes: 128 * 1024 * 1024, ...opts });
  try {
    await store.init();
    await work(store);
  } finally {
    await store.close();
    rmSync(d, { recursive: true, force: true });
  }
}

describe('KuzuGraphStore search index', () => {
  it('searches what was committed, before and after reopening: odd names, kinds that change, dropped nodes, other tenants', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'loom-kuzu-search-'));
    const open = async () => {
      const s = await KuzuGraphStore.open({ path: path.join(d, 'graph.kuzu'), bufferPoolBytes: 128 * 1024 * 1024 });
      await s.init();
      return s;
    };
    const names = ['Orders', 'orders_clean', 'with,comma orders', 'with "quotes" ORDERS', 'two\nlines orders', 'ünï cødé orders', 'rocket 🚀 orders'];
    const ds = (name: string, props: Record<string, unknown> = {}) => ({ id: `dataset:ns:${name}`, kind: 'Dataset' as const, namespace: 'ns', name, props });
    const ids = async (s: KuzuGraphStore, tenant: string, text: string, kinds?: ('Dataset' | 'Job')[]) => (await s.search(tenant, { text, kinds, limit: 50 })).map((n) => n.id);
    try {
      const first = await open();
      await first.write('t', { nodes: names.map((n) => ds(n)), edges: [] });
      await first.write('other', { nodes: [ds('orders_of_other')], edges: [] });
      // A node first written with a default kind, then with its own; and one dropped.
      await first.write('t', { nodes: [{ id: 'job:ns:orders_job', kind: 'Dataset', kindIsDefault: true, namespace: 'ns', name: 'orders_job' }], edges: [] });
      await first.write('t', { nodes: [{ id: 'job:ns:orders_job', kind: 'Job', namespace: 'ns', name: 'orders_job' }], edges: [] });
      await first.write('t', { nodes: [ds('orders_clean', { deletedAt: '2026-01-01T00:00:00.000Z' })], edges: [] });
      // The exact name, then shorter names (in UTF-16 units), then ids.
      const expected = ['dataset:ns:Orders', 'job:ns:orders_job', 'dataset:ns:ünï cødé orders', 'dataset:ns:rocket 🚀 orders', 'dataset:ns:two\nlines orders',
        'dataset:ns:with,comma orders', 'dataset:ns:with "quotes" ORDERS'];
      const check = async (s: KuzuGraphStore) => {
        expect(await ids(s, 't', 'ORDERS')).toEqual(expected);
        expect(await ids(s, 't', 'orders', ['Job'])).toEqual(['job:ns:orders_job']);
        expect(await ids(s, 't', 'clean')).toEqual([]);
        expect(await ids(s, 't', 'LINES')).toEqual(['dataset:ns:two\nlines orders']);
        expect(await ids(s, 'other', 'orders')).toEqual(['dataset:ns:orders_of_other']);
        expect(await ids(s, 'nobody', '')).toEqual([]);
      };
      await check(first);
      await first.close();
      const again = await open();
      await check(again);
      // Live again: found again.
      await again.write('t', { nodes: [ds('orders_clean', { deletedAt: null })], edges: [] });
      expect(await ids(again, 't', 'clean')).toEqual(['dataset:ns:orders_clean']);
      await again.close();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('KuzuGraphStore key filter across restarts', () => {
  it('knows every stored key after reopening, whatever characters the keys hold', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'loom-kuzu-keys-'));
    const open = () => KuzuGraphStore.open({ path: path.join(d, 'graph.kuzu'), bufferPoolBytes: 128 * 1024 * 1024 });
    const names = ['plain', 'with,comma', 'with "quotes"', 'two\nlines', "it's", 'ünï cødé', ' spaced ', 'rocket 🚀', 'cr\rlf'];
    const nodes = names.map((name, i) => ({ id: `dataset:ns:${name}`, kind: 'Dataset' as const, namespace: i % 2 ? 'ns' : `ns, "${name}"`, name, props: { v: 1 } }));
    try {
      const first = await open();
      await first.init();
      await first.write('t', { nodes, edges: [] });
      await first.close();
      const again = await open();
      await again.init();
      // Each key is known: the write updates the stored nodes (a key thought absent would be CREATEd twice and fail).
      await again.write('t', { nodes: nodes.map((n) => ({ ...n, props: { v: 2 } })), edges: [] });
      const read = await again.getNodes('t', nodes.map((n) => n.id));
      expect(read.map((n) => n?.props.v)).toEqual(names.map(() => 2));
      // The search index, loaded from the store's export, answers every head as written.
      for (const n of nodes) {
        expect(await again.searchHeads('t', { text: n.name, kinds: ['Dataset'], limit: 20 })).toContainEqual({ id: n.id, kind: 'Dataset', namespace: n.namespace, name: n.name, validTo: null });
      }
      await again.close();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('after reopening, finds stored edges (updates them, never duplicates) and creates new ones between stored nodes', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'loom-kuzu-edges-'));
    const open = () => KuzuGraphStore.open({ path: path.join(d, 'graph.kuzu'), bufferPoolBytes: 128 * 1024 * 1024 });
    const ds = (name: string) => ({ id: `dataset:ns:${name}`, kind: 'Dataset' as const, namespace: 'ns', name });
    const job = { id: 'job:ns:j', kind: 'Job' as const, namespace: 'ns', name: 'j' };
    const t0 = '2026-01-01T00:00:00.000Z';
    try {
      const first = await open();
      await first.init();
      await first.write('t', {
        nodes: [ds('a'), ds('b'), job],
        edges: [{ kind: 'INPUT_TO', from: 'dataset:ns:a', to: 'job:ns:j', validFrom: t0, props: { n: 1 } }],
      });
      await first.close();
      const again = await open();
      await again.init();
      // Nothing in memory: the stored edge is found through the edge filter and updated (ended); the new one is created.
      await again.write('t', {
        nodes: [],
        edges: [
          { kind: 'INPUT_TO', from: 'dataset:ns:a', to: 'job:ns:j', validFrom: '2026-01-02T00:00:00.000Z', validTo: '2026-01-03T00:00:00.000Z', props: { n: 2 } },
          { kind: 'OUTPUT', from: 'job:ns:j', to: 'dataset:ns:b', validFrom: t0 },
        ],
      });
      const all = await again.neighbours('t', 'job:ns:j', { direction: 'BOTH', limit: 10, offset: 0, includeEnded: true });
      expect(all.total).toBe(2);
      const input = all.items.find((n) => n.edge.kind === 'INPUT_TO')!.edge;
      expect(input).toMatchObject({ from: 'dataset:ns:a', props: { n: 2 }, validFrom: t0, validTo: '2026-01-03T00:00:00.000Z' });
      expect((await again.neighbours('t', 'job:ns:j', { direction: 'BOTH', limit: 10, offset: 0 })).items.map((n) => n.edge.kind)).toEqual(['OUTPUT']);
      // A dropped endpoint hides its edges from lineage, whichever way they were written.
      await again.write('t', { nodes: [{ ...ds('b'), props: { deletedAt: '2026-01-04T00:00:00.000Z' } }], edges: [] });
      const lineage = await again.lineage('t', 'job:ns:j', { direction: 'DOWNSTREAM', depth: 2, limit: 10 });
      expect(lineage?.nodes.map((n) => n.node.id)).toEqual([]);
      await again.close();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it.each([
    ['in the bulk statements', {}],
    ['by key lookups, as on a large graph', { nodesPerBulkUpdateRow: 0 }],
  ])('updates many stored nodes and edges in one write (%s) as it updates a few', async (_label, opts) => {
    const n = 100; // above BULK_UPDATE_ROWS
    const ds = (i: number, v: number) => ({ id: `dataset:ns:d${i}`, kind: 'Dataset' as const, namespace: 'ns', name: `d${i}`, props: { v }, at: `2026-01-0${v}T00:00:00.000Z` });
    const edge = (i: number, v: number, validTo?: string | null) => ({
      kind: 'INPUT_TO' as const, from: `dataset:ns:d${i}`, to: `dataset:ns:d${(i + 1) % n}`, validFrom: '2026-01-01T00:00:00.000Z', props: { v }, ...(validTo !== undefined ? { validTo } : {}),
    });
    const all = Array.from({ length: n }, (_, i) => i);
    await withStore('bulk', async (store) => {
      await store.write('t', { nodes: all.map((i) => ds(i, 1)), edges: all.map((i) => edge(i, 1)) });
      // Every node's props change, every edge's props change and even ones end.
      await store.write('t', { nodes: all.map((i) => ds(i, 2)), edges: all.map((i) => edge(i, 2, i % 2 ? null : '2026-01-05T00:00:00.000Z')) });
      const nodes = await store.getNodes('t', all.map((i) => `dataset:ns:d${i}`));
      expect(nodes.map((x) => [x?.props.v, x?.updatedAt])).toEqual(all.map(() => [2, '2026-01-02T00:00:00.000Z']));
      const edges = async (i: number) => (await store.neighbours('t', `dataset:ns:d${i}`, { direction: 'DOWNSTREAM', limit: 5, offset: 0, includeEnded: true })).items.map((x) => x.edge);
      expect(await edges(0)).toEqual([expect.objectContaining({ props: { v: 2 }, validTo: '2026-01-05T00:00:00.000Z' })]);
      expect(await edges(1)).toEqual([expect.objectContaining({ props: { v: 2 }, validTo: null })]);
      // And back: the ended ones are current again.
      await store.write('t', { nodes: [], edges: all.map((i) => edge(i, 3, null)) });
      expect((await edges(0))[0]).toMatchObject({ props: { v: 3 }, validTo: null });
      expect((await store.neighbours('t', 'dataset:ns:d0', { direction: 'DOWNSTREAM', limit: 5, offset: 0 })).total).toBe(1);
    }, opts);
  });

  it('reads a page holding all of a node\'s many neighbours with their fields at once, as the key lookups read them', async () => {
    await withStore('whole-page', async (store) => {
      const at = '2026-01-01T00:00:00.000Z';
      const n = 40; // above LOOKUPS_PER_PAGE
      await store.write('t', {
        nodes: [{ id: 'job:ns:j', kind: 'Job', namespace: 'ns', name: 'j', at },
          ...Array.from({ length: n }, (_, i) => ({ id: `dataset:ns:d${i}`, kind: 'Dataset' as const, namespace: 'ns', name: `d${i}`, at, props: { i, note: `n${i}` } }))],
        edges: Array.from({ length: n }, (_, i) => ({ kind: i % 2 ? 'OUTPUT' as const : 'INPUT_TO' as const, from: i % 2 ? 'job:ns:j' : `dataset:ns:d${i}`, to: i % 2 ? `dataset:ns:d${i}` : 'job:ns:j', validFrom: at, props: { e: i } })),
      });
      const page = (limit: number, offset: number) => store.neighbours('t', 'job:ns:j', { direction: 'BOTH', limit, offset });
      const whole = await page(100, 0); // all 40 in one page: read with their fields
      const [first, second] = [await page(20, 0), await page(20, 20)]; // full pages: keys, then lookups
      expect(whole.total).toBe(n);
      expect(whole.items).toEqual([...first.items, ...second.items]);
      expect(whole.items[0]).toMatchObject({ node: { id: 'dataset:ns:d0', props: { i: 0, note: 'n0' } }, edge: { kind: 'INPUT_TO', from: 'dataset:ns:d0', to: 'job:ns:j', props: { e: 0 } } });
      // Pages past the end: empty, with the total (Kuzu crashed the process on such a SKIP: a GraphQL offset of 10,000 killed Loom)
      for (const offset of [40, 10_000, 100_000, 1e9]) expect(await page(50, offset)).toEqual({ total: n, items: [] });
      expect((await page(5, 39)).items).toHaveLength(1);
    });
  });

  it('creates more new edges in one write than one join statement takes (they go in several)', async () => {
    const n = 12_001; // JOIN_EDGES_PER_STATEMENT is 5,000: statements of 5,000, 5,000 and 2,001
    await withStore('many-edges', async (store) => {
      const at = '2026-01-01T00:00:00.000Z';
      await store.write('t', {
        nodes: [{ id: 'job:ns:hub', kind: 'Job', namespace: 'ns', name: 'hub', at },
          ...Array.from({ length: n }, (_, i) => ({ id: `dataset:ns:o${i}`, kind: 'Dataset' as const, namespace: 'ns', name: `o${i}`, at }))],
        edges: Array.from({ length: n }, (_, i) => ({ kind: 'OUTPUT' as const, from: 'job:ns:hub', to: `dataset:ns:o${i}`, validFrom: at })),
      });
      expect((await store.neighbours('t', 'job:ns:hub', { direction: 'DOWNSTREAM', limit: 1, offset: 0 })).total).toBe(n);
      for (const i of [0, 4_999, 5_000, 9_999, 10_000, n - 1]) {
        const up = await store.neighbours('t', `dataset:ns:o${i}`, { direction: 'UPSTREAM', limit: 5, offset: 0 });
        expect(up.items.map((x) => x.node.id), `o${i}`).toEqual(['job:ns:hub']);
      }
    });
  }, 120_000);

  it('closes only after the reads in flight are done, and refuses reads after that (never closing the database under a query)', async () => {
    await withStore('close', async (store) => {
      const nodes = Array.from({ length: 200 }, (_, i) => ({ id: `dataset:ns:d${i}`, kind: 'Dataset' as const, namespace: 'ns', name: `d${i}` }));
      await store.write('t', { nodes, edges: nodes.slice(1).map((n, i) => ({ kind: 'INPUT_TO' as const, from: nodes[i].id, to: n.id, validFrom: '2026-01-01T00:00:00.000Z' })) });
      // More reads than reader connections: some run, the rest wait for a connection when close() begins.
      const reads = Array.from({ length: 12 }, (_, i) => store.lineage('t', nodes[i].id, { direction: 'DOWNSTREAM', depth: 10, limit: 500 }).then(
        (r) => r?.nodes.length ?? -1, (err: unknown) => (err as { code?: string }).code,
      ));
      const closed = store.close();
      const outcomes = await Promise.all(reads);
      await closed;
      expect(outcomes.filter((o) => typeof o === 'number').length).toBeGreaterThan(0);
      expect(outcomes.every((o) => typeof o === 'number' || o === 'UNAVAILABLE')).toBe(true);
      await expect(store.getNodes('t', [nodes[0].id])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    });
  });
});

describe('KuzuGraphStore neighbour reads by internal offset', () => {
  it('reads by offset what it reads by key: when a hub takes the budget, and when an offset names another node', async () => {
    await withStore('refs', async (store) => {
      const job = (i: number) => ({ id: `job:ns:j${i}`, kind: 'Job' as const, namespace: 'ns', name: `j${i}` });
      const ds = (name: string) => ({ id: `dataset:ns:${name}`, kind: 'Dataset' as const, namespace: 'ns', name });
      const reads = (from: string, i: number) => ({ kind: 'INPUT_TO' as const, from: `dataset:ns:${from}`, to: `job:ns:j${i}` });
      await store.write('t', {
        nodes: [ds('hub'), ds('quiet'), ...Array.from({ length: 31 }, (_, i) => job(i))],
        edges: [...Array.from({ length: 30 }, (_, i) => reads('hub', i)), reads('quiet', 30)],
      });
      const ids = ['dataset:ns:hub', 'dataset:ns:quiet'];
      const q = { direction: 'DOWNSTREAM' as const, limit: 2 };
      const byPages = await Promise.all(ids.map(async (id) => (await store.neighbours('t', id, { ...q, offset: 0 })).items.map((i) => i.edge)));
      // The first read goes by key and learns the offsets; the second reads by offset, where the hub's 30 edges overrun the budget (3 a node).
      expect(await store.edgesOfMany('t', ids, q)).toEqual(byPages);
      expect(await store.edgesOfMany('t', ids, q)).toEqual(byPages);
      // An offset that names another node (job j1's, for the quiet dataset) is found out by the key the read returns.
      const refs = (store as unknown as { refs: { get(k: string): number | undefined; learn(k: string, r: number): void } }).refs;
      refs.learn('t/dataset:ns:quiet', refs.get('t/job:ns:j1')!);
      expect(await store.edgesOfMany('t', ['dataset:ns:quiet', 'job:ns:j0'], { direction: 'BOTH', limit: 5 }))
        .toEqual([[{ kind: 'INPUT_TO', from: 'dataset:ns:quiet', to: 'job:ns:j30', props: {}, validFrom: expect.any(String), validTo: null }], [expect.objectContaining({ from: 'dataset:ns:hub', to: 'job:ns:j0' })]]);
    });
  });
});

describe('KuzuGraphStore lineage heads', () => {
  it('answers heads when asked (the walk reads no props or times, nor edge props or validity), whole nodes and edges otherwise', async () => {
    await withStore('heads', async (store) => {
      await store.write('t', {
        nodes: [
          { id: 'dataset:ns:a', kind: 'Dataset', namespace: 'ns', name: 'a' }, { id: 'job:ns:j', kind: 'Job', namespace: 'ns', name: 'j', props: { owner: 'x' } },
          { id: 'dataset:ns:b', kind: 'Dataset', namespace: 'ns', name: 'b' },
        ],
        edges: [{ kind: 'INPUT_TO', from: 'dataset:ns:a', to: 'job:ns:j', props: { note: 'y' } }, { kind: 'OUTPUT', from: 'job:ns:j', to: 'dataset:ns:b' }],
      });
      const q = { direction: 'DOWNSTREAM' as const, depth: 2, limit: 10 };
      const heads = (await store.lineage('t', 'dataset:ns:a', { ...q, heads: true }))!;
      expect(heads.nodes[0]).toEqual({ distance: 1, node: { id: 'job:ns:j', kind: 'Job', namespace: 'ns', name: 'j', validTo: null } });
      // the root's own edge and one from the walk
      expect(heads.edges).toEqual([{ kind: 'INPUT_TO', from: 'dataset:ns:a', to: 'job:ns:j' }, { kind: 'OUTPUT', from: 'job:ns:j', to: 'dataset:ns:b' }]);
      const whole = (await store.lineage('t', 'dataset:ns:a', q))!;
      expect(whole.nodes[0].node).toMatchObject({ props: { owner: 'x' }, createdAt: expect.any(String) });
      expect(whole.edges[0]).toEqual({ kind: 'INPUT_TO', from: 'dataset:ns:a', to: 'job:ns:j', props: { note: 'y' }, validFrom: expect.any(String), validTo: null });
    });
  });
});

describe('KuzuGraphStore schema files', () => {
  it('runs each schema file until it has run once to the end, then never again', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'loom-kuzu-schema-'));
    const file = path.join(d, 'graph.kuzu');
    const start = async () => { const s = await KuzuGraphStore.open({ path: file, bufferPoolBytes: 128 * 1024 * 1024 }); await s.init(); await s.close(); };
    // Read or change the stored database directly, with the store closed.
    const raw = async <T>(work: (run: (q: string) => Promise<Record<string, unknown>[]>) => Promise<T>) => {
      const engine = openEngine(file, 64 * 1024 * 1024);
      try { const conn = engine.connect(); return await work((q) => conn.run(q)); } finally { await engine.close(); }
    };
    const validToIsNull = () => raw(async (run) => (await run("MATCH (n:Node {key: 't/dataset:ns:a'}) RETURN n.validTo IS NULL AS v"))[0].v);
    try {
      const store = await KuzuGraphStore.open({ path: file, bufferPoolBytes: 128 * 1024 * 1024 });
      await store.init();
      await store.write('t', { nodes: [{ id: 'dataset:ns:a', kind: 'Dataset', namespace: 'ns', name: 'a' }], edges: [] });
      await store.close();
      const files = readdirSync(new URL('../../../../schema/graph/kuzu/', import.meta.url)).filter((f) => f.endsWith('.cypher')).sort();
      expect(await raw(async (run) => (await run('MATCH (m:SchemaMigration) RETURN m.name AS name ORDER BY name')).map((r) => r.name))).toEqual(files);
      // A NULL validTo is what schema 003 fills: left alone by later starts...
      await raw((run) => run("MATCH (n:Node {key: 't/dataset:ns:a'}) SET n.validTo = NULL"));
      await start();
      expect(await validToIsNull()).toBe(true);
      // ...and filled again once 003 is no longer recorded (as for a file that stopped halfway).
      await raw((run) => run("MATCH (m:SchemaMigration {name: '003_node_validity_not_null.cypher'}) DELETE m"));
      await start();
      expect(await validToIsNull()).toBe(false);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
