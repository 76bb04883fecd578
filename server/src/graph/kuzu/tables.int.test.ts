import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WriteBatch } from '../../domain/ports/GraphStore.js';
import type { GraphStore } from '../../domain/ports/GraphStore.js';
import { mergeProps, normaliseBatch } from '../rows.js';
import { openEngine } from './engine.js';
import { KuzuGraphStore } from './KuzuGraphStore.js';
import { DETAIL_KINDS, TABLES, tableOf } from './queries.js';

const T = 'acme';
const AT = '2026-03-01T00:00:00.000Z';
const DDL_DIR = new URL('../../../../schema/graph/kuzu/', import.meta.url);
const dirs: string[] = [];
const fresh = () => { const d = mkdtempSync(path.join(tmpdir(), 'loom-kuzu-tables-')); dirs.push(d); return path.join(d, 'graph.kuzu'); };
const open = async (file: string) => { const s = await KuzuGraphStore.open({ path: file, bufferPoolBytes: 128 * 1024 * 1024 }); await s.init(); return s; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const node = (id: string, kind: WriteBatch['nodes'][number]['kind'], props: Record<string, unknown> = {}) => ({ id, kind, namespace: 'ns', name: id.split(':').at(-1)!, props, at: AT });
const edge = (kind: WriteBatch['edges'][number]['kind'], from: string, to: string) => ({ kind, from, to, validFrom: AT });

/**
 * Model lineage across both tables: a dataset trains a run (Detail) that produced a model version
 * (Node) whose traces (Detail) are its leaves; the run also read and wrote datasets, has a parent run
 * and ran a job version (Detail to Detail), and the dropped dataset's edges carry its end.
 */
const BATCH: WriteBatch = {
  nodes: [
    node('dataset:ns:raw', 'Dataset'), node('dataset:ns:clean', 'Dataset'), node('dataset:ns:gone', 'Dataset', { deletedAt: '2026-03-02T00:00:00.000Z' }),
    node('job:ns:train', 'Job'), node('job:ns:train@v1', 'JobVersion', { version: 'v1' }),
    node('run:parent', 'Run'), node('run:r1', 'Run', { state: 'COMPLETE' }),
    node('model:registry:m@1', 'ModelVersion'), node('trace:t1', 'Trace'), node('trace:t2', 'Trace'),
    node('field:ns:raw.a', 'Field'),
  ],
  edges: [
    edge('TRAINS', 'dataset:ns:raw', 'run:r1'), edge('PRODUCED', 'run:r1', 'model:registry:m@1'),
    edge('SERVED', 'model:registry:m@1', 'trace:t1'), edge('SERVED', 'model:registry:m@1', 'trace:t2'),
    edge('READ_BY', 'dataset:ns:raw', 'run:r1'), edge('WROTE', 'run:r1', 'dataset:ns:clean'), edge('WROTE', 'run:r1', 'dataset:ns:gone'),
    edge('RUN_OF', 'run:r1', 'job:ns:train'), edge('RAN', 'run:r1', 'job:ns:train@v1'), edge('PARENT_OF', 'run:parent', 'run:r1'),
    edge('HAS_FIELD', 'dataset:ns:raw', 'field:ns:raw.a'), edge('INPUT_TO', 'dataset:ns:raw', 'job:ns:train'), edge('OUTPUT', 'job:ns:train', 'dataset:ns:clean'),
  ],
};

/** Every read the store answers about BATCH, in a form two stores can be compared by. */
async function answers(store: GraphStore) {
  const ids = BATCH.nodes.map((n) => n.id);
  const lineage = async (id: string, direction: 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH', edgeKinds?: WriteBatch['edges'][number]['kind'][]) => {
    const r = await store.lineage(T, id, { direction, depth: 5, limit: 100, edgeKinds });
    return r && { nodes: r.nodes.map((n) => `${n.node.id}@${n.distance}`).sort(), edges: r.edges.map((e) => `${e.from}-${e.kind}->${e.to}`) };
  };
  return {
    nodes: (await store.getNodes(T, ids)).map((n) => n && { id: n.id, kind: n.kind, props: n.props, validTo: n.validTo }),
    modelLineage: await lineage('dataset:ns:raw', 'DOWNSTREAM'),
    fromTrace: await lineage('trace:t1', 'UPSTREAM'),
    fromRun: await lineage('run:r1', 'BOTH', ['READ_BY', 'WROTE', 'PARENT_OF', 'RAN']),
    asOfGone: (await store.lineage(T, 'run:r1', { direction: 'DOWNSTREAM', depth: 1, limit: 10, edgeKinds: ['WROTE'], asOf: '2026-03-01T12:00:00.000Z' }))?.nodes.map((n) => n.node.id).sort(),
    count: await store.countLineage(T, 'dataset:ns:raw', { direction: 'DOWNSTREAM', depth: 5, cap: 100 }),
    runNeighbours: (await store.neighbours(T, 'run:r1', { direction: 'BOTH', limit: 50, offset: 0 })).items.map((i) => `${i.edge.from}-${i.edge.kind}->${i.edge.to}:${i.node.kind}`),
    many: (await store.edgesOfMany(T, ['run:r1', 'dataset:ns:raw', 'trace:t2', 'run:none'], { direction: 'BOTH', limit: 20 })).map((es) => es.map((e) => `${e.from}-${e.kind}->${e.to}`)),
    search: (await store.search(T, { text: 'r', limit: 20 })).map((n) => n.id),
    count_nodes: await store.countNodes(T),
  };
}

describe('Kuzu node tables (Node and Detail)', () => {
  it('creates the kinds that come many to an entity in Detail, the rest in Node, and reads across both as one graph', async () => {
    const file = fresh();
    const store = await open(file);
    await store.write(T, BATCH);
    const got = await answers(store);
    // Twice: the second read of the same edges goes by the internal offsets it learnt (NodeRefs), in each table.
    expect(await answers(store)).toEqual(got);
    await store.close();

    expect(got.modelLineage!.nodes).toEqual(['dataset:ns:clean@2', 'job:ns:train@1', 'model:registry:m@1@2', 'run:r1@1', 'trace:t1@3', 'trace:t2@3']);
    expect(got.modelLineage!.edges).toContain('run:r1-PRODUCED->model:registry:m@1');
    expect(got.fromTrace!.nodes).toEqual(['dataset:ns:raw@3', 'model:registry:m@1@1', 'run:r1@2']);
    expect(got.fromRun!.nodes).toEqual(['dataset:ns:clean@1', 'dataset:ns:raw@1', 'job:ns:train@v1@1', 'run:parent@1']);
    expect(got.asOfGone).toEqual(['dataset:ns:clean', 'dataset:ns:gone']);
    expect(got.count).toMatchObject({ total: 6, capped: false });
    expect(got.runNeighbours).toHaveLength(8);
    expect(got.many.map((es) => es.length)).toEqual([8, 4, 1, 0]);
    expect(got.search).toEqual(expect.arrayContaining(['dataset:ns:raw', 'run:r1', 'run:parent', 'job:ns:train']));
    expect(got.count_nodes).toBe(BATCH.nodes.length);

    // Where each node is: the raw engine's view of the same file.
    const engine = openEngine(file, 64 * 1024 * 1024);
    try {
      const conn = engine.connect();
      for (const t of TABLES) {
        const kinds = (await conn.run(`MATCH (n:${t}) RETURN n.kind AS kind`)).map((r) => String(r.kind));
        expect(kinds.length).toBeGreaterThan(0);
        for (const k of kinds) expect(tableOf(k)).toBe(t);
      }
    } finally {
      await engine.close();
    }
  });

  it('keeps a node where it was created when its kind changes, and moves it to its kind\'s table on the next start', async () => {
    const file = fresh();
    let store = await open(file);
    await store.write(T, { nodes: [node('dataset:ns:a', 'Dataset'), node('x:ns:b', 'Dataset')], edges: [edge('INPUT_TO', 'dataset:ns:a', 'x:ns:b')] });
    // Declared a Run now (not a default kind): the row stays in Node, and everything still reads and writes it.
    await store.write(T, { nodes: [{ ...node('x:ns:b', 'Run', { state: 'RUNNING' }) }, node('dataset:ns:c', 'Dataset')], edges: [edge('WROTE', 'x:ns:b', 'dataset:ns:c')] });
    const check = async () => {
      const [b] = await store.getNodes(T, ['x:ns:b']);
      expect(b).toMatchObject({ kind: 'Run', props: { state: 'RUNNING' } });
      const down = await store.lineage(T, 'dataset:ns:a', { direction: 'DOWNSTREAM', depth: 3, limit: 10, edgeKinds: ['INPUT_TO', 'WROTE'] });
      expect(down!.nodes.map((n) => n.node.id).sort()).toEqual(['dataset:ns:c', 'x:ns:b']);
      expect((await store.neighbours(T, 'x:ns:b', { direction: 'BOTH', limit: 10, offset: 0 })).total).toBe(2);
    };
    await check();
    await store.close();
    store = await open(file); // schema 005 runs again: the Run row moves to Detail, with its edges
    await check();
    await store.write(T, { nodes: [{ ...node('x:ns:b', 'Run', { state: 'COMPLETE' }), at: '2026-03-03T00:00:00.000Z' }], edges: [] });
    expect((await store.getNodes(T, ['x:ns:b']))[0]?.props.state).toBe('COMPLETE');
    await store.close();
  });

  it('migrates a store written with one node table (schema 001-004) to the same answers as a store written now, once', async () => {
    const now = fresh();
    const written = await open(now);
    await written.write(T, BATCH);
    const want = await answers(written);
    await written.close();

    // The old layout, as the store wrote it before schema 005: every node in Node.
    const file = fresh();
    const engine = openEngine(file, 64 * 1024 * 1024);
    try {
      const conn = engine.connect();
      for (const f of readdirSync(DDL_DIR).filter((x) => x.endsWith('.cypher') && x < '005').sort()) {
        for (const stmt of readFileSync(new URL(f, DDL_DIR), 'utf8').split(/;\s*$/m).map((x) => x.trim()).filter(Boolean)) await conn.run(stmt);
      }
      const rows = normaliseBatch(T, BATCH, AT);
      const csv = (cells: string[]) => cells.map((v) => `"${v.replace(/"/g, '""')}"`).join(',');
      const dir = path.dirname(file);
      writeFileSync(path.join(dir, 'n.csv'), rows.nodes.map((r) => {
        const { props, validTo } = mergeProps(undefined, r.props);
        return csv([r.key, r.tenant, r.id, r.kind, r.namespace, r.name, props, r.firstAt, r.at, validTo]);
      }).join('\n') + '\n');
      const ends = new Map(rows.nodes.map((r) => [r.key, mergeProps(undefined, r.props).validTo]));
      const endOf = (a: string, b: string) => [ends.get(a)!, ends.get(b)!].filter(Boolean).sort()[0] ?? '';
      writeFileSync(path.join(dir, 'e.csv'), rows.edges.map((e) => csv([e.from, e.to, e.kind, e.props, e.validFrom, '', e.recordedAt, endOf(e.from, e.to)])).join('\n') + '\n');
      await conn.run(`COPY Node FROM '${path.join(dir, 'n.csv')}' (HEADER=false)`);
      await conn.run(`COPY Edge FROM '${path.join(dir, 'e.csv')}' (HEADER=false)`);
      // As the store keeps them (a quoted empty CSV field loads as NULL): current edges have a NULL validTo, current nodes and endpoints ''.
      await conn.run("MATCH ()-[r:Edge]->() WHERE r.validTo = '' SET r.validTo = NULL");
      await conn.run("MATCH ()-[r:Edge]->() WHERE r.endsAt IS NULL SET r.endsAt = ''");
      await conn.run("MATCH (n:Node) WHERE n.validTo IS NULL SET n.validTo = ''");
    } finally {
      await engine.close();
    }
    for (let start = 0; start < 2; start++) {
      const migrated = await open(file);
      expect(await answers(migrated)).toEqual(want);
      await migrated.close();
    }
    const after = openEngine(file, 64 * 1024 * 1024);
    try {
      const conn = after.connect();
      const [edges] = await conn.run('MATCH ()-[e:Edge]->() RETURN count(e) AS n');
      expect(Number(edges.n)).toBe(BATCH.edges.length); // moved once, not copied again on the second start
      const [left] = await conn.run(`MATCH (n:Node) WHERE n.kind IN [${DETAIL_KINDS.map((k) => `'${k}'`).join(', ')}] RETURN count(n) AS n`);
      expect(Number(left.n)).toBe(0);
    } finally {
      await after.close();
    }
  });

  it('moves exactly the kinds the store creates in Detail (schema 005 lists them again)', () => {
    const text = readFileSync(new URL('005_detail_table.cypher', DDL_DIR), 'utf8');
    const lists = [...text.matchAll(/IN \[([^\]]*)\]/g)].map((m) => m[1].split(',').map((k) => k.trim().replace(/'/g, '')).sort());
    expect(lists.length).toBeGreaterThan(0);
    for (const l of lists) expect(l).toEqual([...DETAIL_KINDS].sort());
  });
});
