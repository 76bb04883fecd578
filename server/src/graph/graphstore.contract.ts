/**
 * The one contract every GraphStore adapter must honour. Run by KuzuGraphStore.int.test.ts always,
 * and by Neo4jGraphStore.int.test.ts when LOOM_NEO4J_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphStore, ManyNeighbourQuery } from '../domain/ports/GraphStore.js';
import type { EdgeHead, NodeHead, NodeInput } from '../domain/model.js';
import { ds, job, reads, writes } from './graphstore.fixtures.js';
import { defineValidityCases } from './graphstore.validity.contract.js';


export function defineGraphStoreContract(name: string, open: () => Promise<GraphStore>, cleanup?: (s: GraphStore) => Promise<void>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    // Unique tenants per run so a shared server (Neo4j) can be reused between runs.
    const run = Math.random().toString(36).slice(2, 8);
    const A = `a${run}`;
    const B = `b${run}`;

    beforeAll(async () => {
      store = await open();
      await store.init();
      await store.init(); // idempotent
      // raw -> clean_job -> clean -> feat_job -> features -> train -> model ; raw -> audit_job -> audit
      await store.write(A, {
        nodes: [ds('raw', { format: 'csv' }), ds('clean'), ds('features'), ds('model'), ds('audit'),
          job('clean_job'), job('feat_job'), job('train'), job('audit_job')],
        edges: [reads('raw', 'clean_job'), writes('clean_job', 'clean'), reads('clean', 'feat_job'), writes('feat_job', 'features'),
          reads('features', 'train'), writes('train', 'model'), reads('raw', 'audit_job'), writes('audit_job', 'audit'),
          reads('clean', 'train')],
      });
    });
    afterAll(async () => {
      if (cleanup) await cleanup(store);
      await store.close();
    });

    it('reads nodes back aligned to the requested ids, null where missing', async () => {
      const got = await store.getNodes(A, ['dataset:ns:clean', 'dataset:ns:nope', 'dataset:ns:raw']);
      expect(got.map((n) => n?.id ?? null)).toEqual(['dataset:ns:clean', null, 'dataset:ns:raw']);
      expect(got[2]).toMatchObject({ kind: 'Dataset', namespace: 'ns', name: 'raw', props: { format: 'csv' } });
      expect(Date.parse(got[2]!.createdAt)).not.toBeNaN();
    });

    it('merges props on upsert and keeps createdAt', async () => {
      const [before] = await store.getNodes(A, ['dataset:ns:raw']);
      await store.write(A, { nodes: [ds('raw', { owner: 'crm-team' })], edges: [] });
      const [after] = await store.getNodes(A, ['dataset:ns:raw']);
      expect(after!.props).toEqual({ format: 'csv', owner: 'crm-team' });
      expect(after!.createdAt).toBe(before!.createdAt);
    });

    it('converges on the same props whatever order timed writes arrive in; null removes a prop', async () => {
      const w = (props: Record<string, unknown>, at: string): NodeInput => ({ ...ds('timed'), props, at });
      const writes = [w({ a: 1, b: 1 }, '2026-01-01T00:00:00.000Z'), w({ a: 2 }, '2026-01-03T00:00:00.000Z'), w({ b: null, c: 3 }, '2026-01-02T00:00:00.000Z')];
      for (const x of [writes[1], writes[2], writes[0]]) await store.write(A, { nodes: [x], edges: [] });
      const [n] = await store.getNodes(A, ['dataset:ns:timed']);
      expect(n!.props).toEqual({ a: 2, c: 3 });
      expect(n!.createdAt).toBe('2026-01-01T00:00:00.000Z');
      expect(n!.updatedAt).toBe('2026-01-03T00:00:00.000Z');
      await store.write(A, { nodes: writes, edges: [] }); // the same writes in one batch, in order
      expect((await store.getNodes(A, ['dataset:ns:timed']))[0]!.props).toEqual({ a: 2, c: 3 });
    });

    it('never lets a default kind replace a declared one', async () => {
      const m = (kind: 'Dataset' | 'Model', kindIsDefault: boolean): NodeInput => ({ id: 'dataset:s3:m', kind, namespace: 's3', name: 'm', kindIsDefault });
      await store.write(A, { nodes: [m('Model', false)], edges: [] });
      await store.write(A, { nodes: [m('Dataset', true)], edges: [] });
      expect((await store.getNodes(A, ['dataset:s3:m']))[0]!.kind).toBe('Model');
      await store.write(A, { nodes: [m('Dataset', true), m('Model', false), m('Dataset', true)], edges: [] });
      expect((await store.getNodes(A, ['dataset:s3:m']))[0]!.kind).toBe('Model');
      await store.write(A, { nodes: [{ ...m('Dataset', true), id: 'dataset:s3:fresh' }], edges: [] });
      expect((await store.getNodes(A, ['dataset:s3:fresh']))[0]!.kind).toBe('Dataset');
    });

    it('deduplicates a batch that names the same node and edge twice', async () => {
      await store.write(A, {
        nodes: [ds('dup', { a: 1 }), ds('dup', { b: 2 }), job('dup_job')],
        edges: [writes('dup_job', 'dup'), writes('dup_job', 'dup')],
      });
      const [n] = await store.getNodes(A, ['dataset:ns:dup']);
      expect(n!.props).toEqual({ a: 1, b: 2 });
      const page = await store.neighbours(A, 'job:ns:dup_job', { direction: 'DOWNSTREAM', limit: 10, offset: 0 });
      expect(page.total).toBe(1);
    });

    it('replaying a write changes nothing', async () => {
      const before = await store.countNodes(A);
      const edgesBefore = await store.neighbours(A, 'dataset:ns:raw', { direction: 'BOTH', limit: 50, offset: 0 });
      await store.write(A, { nodes: [ds('raw'), job('clean_job')], edges: [reads('raw', 'clean_job')] });
      expect(await store.countNodes(A)).toBe(before);
      const edgesAfter = await store.neighbours(A, 'dataset:ns:raw', { direction: 'BOTH', limit: 50, offset: 0 });
      expect(edgesAfter.total).toBe(edgesBefore.total);
    });

    it('rejects an edge to a missing node and writes nothing of that batch', async () => {
      const before = await store.countNodes(A);
      await expect(store.write(A, { nodes: [ds('orphan_src')], edges: [reads('orphan_src', 'no_such_job')] }))
        .rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await store.countNodes(A)).toBe(before);
      expect((await store.getNodes(A, ['dataset:ns:orphan_src']))[0]).toBeNull();
    });

    it('searches by substring, exact names first, within the tenant', async () => {
      const hits = await store.search(A, { text: 'CLEAN', limit: 10 });
      expect(hits[0].id).toBe('dataset:ns:clean');
      expect(hits.map((h) => h.id)).toContain('job:ns:clean_job');
      const all = await store.search(A, { text: '', kinds: ['Job'], limit: 100 });
      expect(all.map((h) => h.id)).toContain('job:ns:train'); // empty text lists (used to list tenants)
      const jobs = await store.search(A, { text: 'clean', kinds: ['Job'], limit: 10 });
      expect(jobs.map((h) => h.id)).toEqual(['job:ns:clean_job']);
      // The same answer as heads.
      const heads = await store.searchHeads(A, { text: 'CLEAN', limit: 10 });
      expect(heads.map((h) => ({ id: h.id, kind: h.kind, namespace: h.namespace, name: h.name, validTo: h.validTo })))
        .toEqual(hits.map((h) => ({ id: h.id, kind: h.kind, namespace: h.namespace, name: h.name, validTo: h.validTo })));
    });

    it('does not match Trace nodes by text (they come with the traffic), by name, id or kind', async () => {
      const id = `trace:${'ab'.repeat(16)}`;
      await store.write(A, { nodes: [{ id, kind: 'Trace', namespace: 'svc', name: 'GET /clean_trace' }], edges: [] });
      expect(await store.search(A, { text: 'clean_trace', limit: 10 })).toEqual([]);
      expect(await store.search(A, { text: 'abab', kinds: ['Trace'], limit: 10 })).toEqual([]);
      expect(await store.search(A, { text: '', kinds: ['Trace', 'Job'], limit: 100 })).not.toContainEqual(expect.objectContaining({ kind: 'Trace' }));
      expect((await store.getNodes(A, [id]))[0]?.kind).toBe('Trace');
    });

    it('pages the neighbours of a node with a total', async () => {
      const all = await store.neighbours(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', limit: 10, offset: 0 });
      expect(all.total).toBe(2);
      expect(all.items.map((i) => i.node.id)).toEqual(['job:ns:audit_job', 'job:ns:clean_job']);
      expect(all.items[0].edge).toMatchObject({ kind: 'INPUT_TO', from: 'dataset:ns:raw', to: 'job:ns:audit_job', validTo: null });
      const second = await store.neighbours(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', limit: 1, offset: 1 });
      expect(second.items.map((i) => i.node.id)).toEqual(['job:ns:clean_job']);
      const up = await store.neighbours(A, 'job:ns:train', { direction: 'UPSTREAM', limit: 10, offset: 0 });
      expect(up.items.map((i) => i.node.id)).toEqual(['dataset:ns:clean', 'dataset:ns:features']);
      const both = await store.neighbours(A, 'job:ns:train', { direction: 'BOTH', limit: 10, offset: 0 });
      expect(both.total).toBe(3);
      expect(both.items.find((i) => i.node.id === 'dataset:ns:model')!.edge).toMatchObject({ from: 'job:ns:train', to: 'dataset:ns:model' });
    });

    it('orders neighbours newest first by first or last event time, paged, and can include ended edges', async () => {
      const at = (m: number) => `2026-05-01T00:${String(m).padStart(2, '0')}:00.000Z`;
      const runs = [3, 1, 4, 2].map((m, i) => ({ id: `run:r${i}`, kind: 'Run' as const, namespace: 'ns', name: `r${i}`, at: at(m) }));
      await store.write(A, { nodes: [job('ordered'), ...runs], edges: runs.map((r) => ({ kind: 'RUN_OF' as const, from: r.id, to: 'job:ns:ordered', validFrom: r.at })) });
      await store.write(A, { nodes: [{ ...runs[1], at: at(9) }], edges: [] }); // r1: first 01, last 09
      const q = { direction: 'UPSTREAM' as const, edgeKinds: ['RUN_OF' as const] };
      const byCreated = await store.neighbours(A, 'job:ns:ordered', { ...q, limit: 10, offset: 0, order: 'createdAt' });
      expect(byCreated.items.map((i) => i.node.id)).toEqual(['run:r2', 'run:r0', 'run:r3', 'run:r1']);
      const byUpdated = await store.neighbours(A, 'job:ns:ordered', { ...q, limit: 2, offset: 0, order: 'updatedAt' });
      expect([byUpdated.total, ...byUpdated.items.map((i) => i.node.id)]).toEqual([4, 'run:r1', 'run:r2']);
      const second = await store.neighbours(A, 'job:ns:ordered', { ...q, limit: 2, offset: 2, order: 'createdAt' });
      expect(second.items.map((i) => i.node.id)).toEqual(['run:r3', 'run:r1']);
      // an edge that ended is left out unless asked for
      await store.write(A, { nodes: [], edges: [{ kind: 'RUN_OF', from: 'run:r3', to: 'job:ns:ordered', validTo: at(30) }] });
      expect((await store.neighbours(A, 'job:ns:ordered', { ...q, limit: 10, offset: 0 })).total).toBe(3);
      const ended = await store.neighbours(A, 'job:ns:ordered', { ...q, limit: 10, offset: 0, includeEnded: true });
      expect(ended.items.find((i) => i.node.id === 'run:r3')!.edge.validTo).toBe(at(30));
      // a write that does not set the end keeps it; one that sets null makes the edge current again
      await store.write(A, { nodes: [], edges: [{ kind: 'RUN_OF', from: 'run:r3', to: 'job:ns:ordered' }] });
      expect((await store.neighbours(A, 'job:ns:ordered', { ...q, limit: 10, offset: 0 })).total).toBe(3);
      await store.write(A, { nodes: [], edges: [{ kind: 'RUN_OF', from: 'run:r3', to: 'job:ns:ordered', validTo: null }] });
      expect((await store.neighbours(A, 'job:ns:ordered', { ...q, limit: 10, offset: 0 })).total).toBe(4);
    });

    it('reads the first edges of many nodes at once, as neighbours pages them, bounded per node', async () => {
      // 40 jobs (more than one statement's worth on the embedded store): job i has i % 5 runs, out of time order, and reads one dataset.
      const name = (i: number) => `many${String(i).padStart(2, '0')}`;
      const at = (i: number, k: number) => `2026-06-01T${String(i % 24).padStart(2, '0')}:${String((k * 7) % 5).padStart(2, '0')}:00.000Z`;
      const runs = Array.from({ length: 40 }, (_, i) => Array.from({ length: i % 5 }, (_, k) => (
        { id: `run:${name(i)}-${k}`, kind: 'Run' as const, namespace: 'ns', name: `${name(i)}-${k}`, at: at(i, k) })));
      await store.write(A, {
        nodes: [ds('many_src'), ...runs.map((_, i) => job(name(i))), ...runs.flat()],
        edges: [...runs.map((_, i) => reads('many_src', name(i))),
          ...runs.flatMap((rs, i) => rs.map((r) => ({ kind: 'RUN_OF' as const, from: r.id, to: `job:ns:${name(i)}` })))],
      });
      await store.write(A, { nodes: [], edges: [{ kind: 'RUN_OF', from: 'run:many04-1', to: 'job:ns:many04', validTo: '2026-07-01T00:00:00.000Z' }] });
      const ids = [...runs.map((_, i) => `job:ns:${name(i)}`), 'job:ns:nope', 'job:ns:many03', 'dataset:ns:many_src'];
      const queries: ManyNeighbourQuery[] = [
        { direction: 'UPSTREAM', edgeKinds: ['RUN_OF'], limit: 2, order: 'createdAt' },
        { direction: 'UPSTREAM', edgeKinds: ['RUN_OF'], limit: 1, order: 'updatedAt', includeEnded: true },
        { direction: 'BOTH', limit: 3 },
        { direction: 'DOWNSTREAM', edgeKinds: ['INPUT_TO', 'OUTPUT'], limit: 50 },
      ];
      for (const q of queries) {
        const one = await Promise.all(ids.map(async (id) => (await store.neighbours(A, id, { ...q, offset: 0 })).items.map((i) => i.edge)));
        expect(await store.edgesOfMany(A, ids, q), JSON.stringify(q)).toEqual(one);
      }
      const [newest] = await store.edgesOfMany(A, ['job:ns:many04'], queries[0]);
      expect(newest.map((e) => e.from)).toEqual(['run:many04-2', 'run:many04-3']); // 04:04, 04:01 (run 1, at 04:02, ended)
      expect(newest[0]).toMatchObject({ kind: 'RUN_OF', to: 'job:ns:many04', validTo: null });
      expect((await store.edgesOfMany(A, ['dataset:ns:many_src'], { direction: 'DOWNSTREAM', limit: 100 }))[0]).toHaveLength(40);
      expect(await store.edgesOfMany(A, [], queries[0])).toEqual([]);
      expect(await store.edgesOfMany(A, ['job:ns:many04'], { ...queries[0], limit: 0 })).toEqual([[]]);
      expect(await store.edgesOfMany(B, ids.slice(0, 3), queries[2])).toEqual([[], [], []]);
    });

    it('traverses lineage downstream with shortest distances and the edges between result nodes', async () => {
      const res = (await store.lineage(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', depth: 5, limit: 100 }))!;
      const dist = Object.fromEntries(res.nodes.map((n) => [n.node.id, n.distance]));
      expect(dist).toEqual({
        'job:ns:clean_job': 1, 'job:ns:audit_job': 1, 'dataset:ns:clean': 2, 'dataset:ns:audit': 2,
        'job:ns:feat_job': 3, 'job:ns:train': 3, 'dataset:ns:features': 4, 'dataset:ns:model': 4,
      });
      const edges = res.edges.map((e) => `${e.from}>${e.to}`).sort();
      // features -> train joins two nodes reached at distance 4 and 3: a cross edge, not a tree edge
      expect(edges).toContain('dataset:ns:features>job:ns:train');
      expect(edges).toContain('dataset:ns:clean>job:ns:train');
      expect(edges).toHaveLength(9);
      expect(res.truncated).toBe(false);
      // in one set order (from, kind, to), whatever order the walk's queries found them in
      const key = (e: { from: string; kind: string; to: string }) => [e.from, e.kind, e.to];
      expect(res.edges.map(key)).toEqual(res.edges.map(key).sort((x, y) => (x.join('\u0000') < y.join('\u0000') ? -1 : 1)));
    });

    it('is not cut by the wall clock stepping during the walk (deadlines run on the monotonic clock)', async () => {
      const expected = (await store.lineage(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', depth: 5, limit: 100 }))!;
      // Every read of the wall clock an hour later than the one before: NTP or a resumed VM stepping it.
      const base = Date.now();
      let steps = 0;
      const wall = vi.spyOn(Date, 'now').mockImplementation(() => base + 3_600_000 * steps++);
      try {
        const res = (await store.lineage(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', depth: 5, limit: 100 }))!;
        expect(res).toMatchObject({ truncated: false, cut: null });
        expect(res.nodes.map((n) => n.node.id).sort()).toEqual(expected.nodes.map((n) => n.node.id).sort());
        expect(res.edges).toHaveLength(expected.edges.length);
      } finally {
        wall.mockRestore();
      }
    });

    it('walks the same nodes when the caller needs no edges', async () => {
      for (const direction of ['DOWNSTREAM', 'BOTH'] as const) {
        const full = (await store.lineage(A, 'dataset:ns:clean', { direction, depth: 5, limit: 100 }))!;
        const bare = (await store.lineage(A, 'dataset:ns:clean', { direction, depth: 5, limit: 100, edges: false }))!;
        expect(bare.nodes).toEqual(full.nodes);
        expect(bare.edges.length).toBeLessThanOrEqual(full.edges.length);
      }
    });

    it('answers with the same nodes and edges, as heads at least, when asked for heads', async () => {
      const head = ({ id, kind, namespace, name, validTo }: NodeHead) => ({ id, kind, namespace, name, validTo });
      const edgeHead = ({ kind, from, to }: EdgeHead) => ({ kind, from, to });
      for (const direction of ['UPSTREAM', 'BOTH'] as const) {
        const full = (await store.lineage(A, 'dataset:ns:clean', { direction, depth: 5, limit: 100 }))!;
        const heads = (await store.lineage(A, 'dataset:ns:clean', { direction, depth: 5, limit: 100, heads: true }))!;
        expect(heads.nodes.map((n) => ({ ...n, node: head(n.node) }))).toEqual(full.nodes.map((n) => ({ ...n, node: head(n.node) })));
        expect(heads.nodes.find((n) => n.node.id === 'dataset:ns:raw')!.node).toMatchObject({ kind: 'Dataset', namespace: 'ns', name: 'raw', validTo: null });
        expect(heads.edges.map(edgeHead)).toEqual(full.edges.map(edgeHead));
        expect(heads.edges.length).toBeGreaterThanOrEqual(2);
        expect([heads.root, heads.cut]).toEqual([full.root, full.cut]);
      }
    });

    it('traverses upstream, bounds depth and node count, and says when it was cut', async () => {
      const up = (await store.lineage(A, 'dataset:ns:model', { direction: 'UPSTREAM', depth: 2, limit: 100 }))!;
      expect(up.nodes.map((n) => n.node.id).sort()).toEqual(['dataset:ns:clean', 'dataset:ns:features', 'job:ns:train']);
      // clean is 2 steps up through train, and 4 through features and feat_job: the shorter counts
      const deep = (await store.lineage(A, 'dataset:ns:model', { direction: 'UPSTREAM', depth: 5, limit: 100 }))!;
      expect(Object.fromEntries(deep.nodes.map((n) => [n.node.id, n.distance]))).toEqual({
        'job:ns:train': 1, 'dataset:ns:clean': 2, 'dataset:ns:features': 2, 'job:ns:feat_job': 3, 'job:ns:clean_job': 3, 'dataset:ns:raw': 4,
      });
      const capped = (await store.lineage(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', depth: 5, limit: 3 }))!;
      expect(capped.nodes).toHaveLength(3);
      expect(capped.truncated).toBe(true);
      const both = (await store.lineage(A, 'dataset:ns:features', { direction: 'BOTH', depth: 1, limit: 100 }))!;
      expect(both.nodes.map((n) => n.node.id).sort()).toEqual(['job:ns:feat_job', 'job:ns:train']);
      expect(await store.lineage(A, 'dataset:ns:missing', { direction: 'BOTH', depth: 1, limit: 10 })).toBeNull();
    });

    it('answers a hub with more edges than one walk returns: the first nodes by distance and id, the edges between them', async () => {
      // 1,205 readers (more than a walk's 1,000 edges at a limit of 10), written last-id first so no
      // storage order can pass for the id order; one of them writes on, so depth 2 reaches further.
      const ids = Array.from({ length: 1205 }, (_, i) => `hub_reader${String(i).padStart(4, '0')}`).reverse();
      await store.write(A, {
        nodes: [job('hub_feed'), ds('hub'), ...ids.map(job), ds('hub_out')],
        edges: [writes('hub_feed', 'hub'), ...ids.map((j) => reads('hub', j)), writes('hub_reader0000', 'hub_out')],
      });
      const res = (await store.lineage(A, 'dataset:ns:hub', { direction: 'DOWNSTREAM', depth: 2, limit: 10 }))!;
      const first = ids.slice(-10).reverse().map((j) => `job:ns:${j}`);
      expect(res.nodes.map((n) => [n.node.id, n.distance])).toEqual(first.map((id) => [id, 1]));
      expect(res.edges.map((e) => `${e.from}>${e.to}`)).toEqual(first.map((id) => `dataset:ns:hub>${id}`));
      expect(res.cut).toEqual({ reason: 'NODE_LIMIT', depth: 0 }); // 10 of the 1,205 nodes at distance 1
      // the hub one step into the walk
      const past = (await store.lineage(A, 'job:ns:hub_feed', { direction: 'DOWNSTREAM', depth: 3, limit: 3 }))!;
      expect(past.nodes.map((n) => [n.node.id, n.distance])).toEqual([['dataset:ns:hub', 1], ['job:ns:hub_reader0000', 2], ['job:ns:hub_reader0001', 2]]);
      expect(past.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['dataset:ns:hub>job:ns:hub_reader0000', 'dataset:ns:hub>job:ns:hub_reader0001', 'job:ns:hub_feed>dataset:ns:hub']);
      const pastHeads = (await store.lineage(A, 'job:ns:hub_feed', { direction: 'DOWNSTREAM', depth: 3, limit: 3, heads: true }))!;
      expect(pastHeads.edges.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual(past.edges.map(({ kind, from, to }) => ({ kind, from, to })));
      // both ways: the upstream walk's edges stay beside the hub's
      const both = (await store.lineage(A, 'dataset:ns:hub', { direction: 'BOTH', depth: 1, limit: 2 }))!;
      expect(both.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['dataset:ns:hub>job:ns:hub_reader0000', 'job:ns:hub_feed>dataset:ns:hub']);
    });

    it('counts lineage first, by kind and distance, bounded by a cap', async () => {
      const c = (await store.countLineage(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', depth: 5, cap: 1000 }))!;
      expect(c).toMatchObject({ total: 8, capped: false });
      expect(c.byKind).toEqual([{ kind: 'Dataset', count: 4 }, { kind: 'Job', count: 4 }]); // by count, then kind
      expect(c.byDistance).toEqual([{ distance: 1, count: 2 }, { distance: 2, count: 2 }, { distance: 3, count: 2 }, { distance: 4, count: 2 }]);
      const capped = (await store.countLineage(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', depth: 5, cap: 3 }))!;
      expect(capped).toMatchObject({ total: 3, capped: true });
      expect(await store.countLineage(B, 'dataset:ns:raw', { direction: 'BOTH', depth: 2, cap: 10 })).toBeNull();
    });

    it('counts a node found both upstream and downstream once, at its shorter distance, as the lineage lists it', async () => {
      // a cycle: cyc_a -> cyc_j1 -> cyc_b -> cyc_j2 -> cyc_a
      const node = (kind: 'Dataset' | 'Job', name: string): NodeInput => ({ id: `${kind.toLowerCase()}:cyc:${name}`, kind, namespace: 'cyc', name });
      const [a, j1, b, j2] = [node('Dataset', 'a'), node('Job', 'j1'), node('Dataset', 'b'), node('Job', 'j2')];
      await store.write(A, {
        nodes: [a, j1, b, j2],
        edges: [{ kind: 'INPUT_TO', from: a.id, to: j1.id }, { kind: 'OUTPUT', from: j1.id, to: b.id }, { kind: 'INPUT_TO', from: b.id, to: j2.id }, { kind: 'OUTPUT', from: j2.id, to: a.id }],
      });
      const both = (await store.lineage(A, a.id, { direction: 'BOTH', depth: 3, limit: 100 }))!;
      expect(both.nodes.map((n) => [n.node.id, n.distance])).toEqual([[j1.id, 1], [j2.id, 1], [b.id, 2]]);
      const c = (await store.countLineage(A, a.id, { direction: 'BOTH', depth: 3, cap: 1000 }))!;
      expect(c).toMatchObject({ total: 3, capped: false });
      expect(c.byKind).toEqual([{ kind: 'Job', count: 2 }, { kind: 'Dataset', count: 1 }]);
      expect(c.byDistance).toEqual([{ distance: 1, count: 2 }, { distance: 2, count: 1 }]);
      expect(await store.countLineage(A, a.id, { direction: 'BOTH', depth: 3, cap: 2 })).toMatchObject({ total: 3, capped: true });
    });

    it('says where a partial answer was cut', async () => {
      // distance 1: clean_job, audit_job; distance 2: clean, audit (only the first kept)
      const capped = (await store.lineage(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', depth: 5, limit: 3 }))!;
      expect(capped.cut).toEqual({ reason: 'NODE_LIMIT', depth: 1 });
      const level = (await store.lineage(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', depth: 5, limit: 4 }))!;
      expect(level.cut).toEqual({ reason: 'NODE_LIMIT', depth: 2 });
      const full = (await store.lineage(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', depth: 5, limit: 100 }))!;
      expect(full.cut).toBeNull();
      const late = (await store.lineage(A, 'dataset:ns:raw', { direction: 'DOWNSTREAM', depth: 5, limit: 100, deadlineMs: 0 }))!;
      expect(late).toMatchObject({ truncated: true, cut: { reason: 'DEADLINE', depth: 0 }, nodes: [] });
    });

    defineValidityCases(() => store, A);

    it('isolates tenants: B cannot read, search, traverse or link to A\'s nodes', async () => {
      expect(await store.getNodes(B, ['dataset:ns:raw'])).toEqual([null]);
      expect(await store.search(B, { text: 'raw', limit: 10 })).toEqual([]);
      expect(await store.lineage(B, 'dataset:ns:raw', { direction: 'BOTH', depth: 3, limit: 10 })).toBeNull();
      await expect(store.write(B, { nodes: [job('b_job')], edges: [reads('raw', 'b_job')] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      // B writing the same id creates B's own node and leaves A's untouched
      await store.write(B, { nodes: [ds('raw', { format: 'parquet' })], edges: [] });
      expect((await store.getNodes(A, ['dataset:ns:raw']))[0]!.props.format).toBe('csv');
      expect((await store.getNodes(B, ['dataset:ns:raw']))[0]!.props).toEqual({ format: 'parquet' });
      expect(await store.countNodes(B)).toBe(1);
    });
  });
}
