/**
 * Graph benchmarks on fresh temp Kuzu databases: upsert rate and lineage latency through
 * KuzuGraphStore, beside the bare engine doing the same work, and lineage end to end over GraphQL.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LINEAGE_EDGE_KINDS, type Direction } from '../server/src/domain/model.js';
import type { WriteBatch } from '../server/src/domain/ports/GraphStore.js';
import { KuzuGraphStore } from '../server/src/graph/kuzu/KuzuGraphStore.js';
import { openEngine, type EngineConnection } from '../server/src/graph/kuzu/engine.js';
import { applySchema } from '../server/src/graph/kuzu/schema.js';
import * as Q from '../server/src/graph/kuzu/queries.js';
import { rowsStatement, runRows } from '../server/src/graph/kuzu/packed.js';
import { mergeProps, normaliseBatch, storeKey } from '../server/src/graph/rows.js';
import { startLoom } from '../server/src/app/main.js';
import { lineageGraph, midDepthRoots, type LineageGraphOptions } from '../seeds/synthetic/lineage-graph.js';
import type { BenchOptions, Emit } from './run.js';
import { progress } from './progress.js';
import { lastLineOfChild } from './child.js';

export const name = 'graph';

const TENANT = 'demo';
const BATCH = 5000; // nodes per write
const ROOTS = 50; // lineage roots, sampled at mid-depth
const LIMIT = 500; // lineage node limit
const DEPTHS = [1, 3, 5, 10];
/**
 * Time travel: the same walks `asOf` a time after every generated event (so the same nodes as the
 * current view), which makes the engine test every edge's validity, gaps and endpoints' gaps on the way.
 */
const AS_OF = '2030-01-01T00:00:00.000Z';
const AS_OF_DEPTHS = [5];
const DIRECTIONS: Exclude<Direction, 'BOTH'>[] = ['DOWNSTREAM', 'UPSTREAM'];
const BUFFER_BYTES = 1024 * 1024 * 1024;
/** COPY of a 1M-node graph with runs (~4M edges) needs more than BUFFER_BYTES in one transaction. */
const BULK_BUFFER_BYTES = 4 * BUFFER_BYTES;
const CHECKPOINT_MS = 15_000; // KuzuGraphStore's default cadence; the raw run checkpoints as often
const DEMO_KEY = 'bench-demo-key-0000000000000001';

// The fastest correct raw forms measured here: rows packed into one text parameter (packed.ts; a list of
// structs was 2-3x slower, session 20), fields projected to names, then MERGE on the key.
const RAW_NODES = rowsStatement(['key', 'tenant', 'id', 'kind', 'namespace', 'name', 'props', 'at'],
  'MERGE (n:Node {key: key}) SET n.tenant = tenant, n.id = id, n.kind = kind, n.namespace = namespace, n.name = name, n.props = props, n.createdAt = at, n.updatedAt = at');
const RAW_EDGES = rowsStatement(['fromKey', 'toKey', 'kind', 'props', 'validFrom'],
  'MERGE (a:Node {key: fromKey}) MERGE (b:Node {key: toKey}) MERGE (a)-[e:Edge {kind: kind}]->(b) ON CREATE SET e.validFrom = validFrom, e.recordedAt = validFrom SET e.props = props, e.validTo = NULL');

/**
 * Search as a user types it into the map's search box (GraphQL `search`, 20 hits): words of the
 * generated names with many matches, few and none, in any case. The raw engine runs the same filter
 * and order over the Node table (the store's own query until session 15; now it ranks in memory).
 */
const SEARCH_TERMS = ['orders', 'USERS_INT', 'build_events_v64', 'growth.leads', 'v21303', 'kafka://', 'zzz'];
const SEARCH_ROUNDS = 4;
const SEARCH_FIRST = 20;
const RAW_SEARCH =
  "MATCH (n:Node) WHERE n.tenant = $tenant AND ($text = '' OR lower(n.name) CONTAINS $text OR lower(n.id) CONTAINS $text) AND n.validTo = '' " +
  "RETURN n.id AS id, n.kind AS kind, n.namespace AS namespace, n.name AS name, n.props AS props, n.createdAt AS createdAt, n.updatedAt AS updatedAt, n.validTo AS validTo, " +
  "CASE WHEN lower(n.name) = $text THEN 0 ELSE 1 END AS exact, CASE WHEN n.kind IN ['Field', 'DatasetVersion', 'JobVersion', 'Namespace', 'Run'] THEN 1 ELSE 0 END AS secondary " +
  'ORDER BY exact, secondary, size(n.name), n.id LIMIT $limit';

/** `nodes` counts every node written, `lineageNodes` datasets and jobs (the generator's size; runs and versions come on top). */
interface Upsert { nodes: number; lineageNodes: number; edges: number; ms: number; nodeMs: number; edgeMs: number; closeMs: number }
type Samples = Map<string, { ms: number[]; sizes: number[] }>;
type LineageFn = (root: string, direction: Exclude<Direction, 'BOTH'>, depth: number, asOf?: string) => Promise<number>;

const timed = async (work: () => Promise<unknown>) => { const t0 = performance.now(); await work(); return performance.now() - t0; };
const fresh = () => mkdtempSync(path.join(tmpdir(), 'loom-bench-'));
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const isLineageNode = (n: { kind: string }) => n.kind === 'Dataset' || n.kind === 'Job';
const combo = (direction: string, depth: number) => `${direction === 'DOWNSTREAM' ? 'down' : 'up'}.d${depth}`;

/** Write the whole generated graph batch by batch; only the writes are timed, not the generation. */
async function timeUpserts(label: string, graph: LineageGraphOptions, opts: BenchOptions, write: (b: WriteBatch, u: Upsert) => Promise<void>): Promise<Upsert> {
  const u: Upsert = { nodes: 0, lineageNodes: 0, edges: 0, ms: 0, nodeMs: 0, edgeMs: 0, closeMs: 0 };
  for (const batch of lineageGraph(graph, BATCH)) {
    const t0 = performance.now();
    await write(batch, u);
    u.ms += performance.now() - t0;
    u.nodes += batch.nodes.length;
    u.edges += batch.edges.length;
    u.lineageNodes += batch.nodes.filter(isLineageNode).length;
    opts.progress(label, u.lineageNodes, graph.nodes, 'lineage nodes');
  }
  return u;
}

/** Every direction × depth from every root (one untimed warm-up query per combination), then the `asOf` ones (keys `asof.*`). */
async function timeLineage(label: string, roots: string[], opts: BenchOptions, query: LineageFn): Promise<Samples> {
  const samples: Samples = new Map();
  const runs = [...DEPTHS.map((depth) => ({ depth, asOf: undefined })), ...AS_OF_DEPTHS.map((depth) => ({ depth, asOf: AS_OF }))];
  const total = DIRECTIONS.length * runs.length * roots.length;
  for (const direction of DIRECTIONS) {
    for (const { depth, asOf } of runs) {
      const s = { ms: [] as number[], sizes: [] as number[] };
      await query(roots[0], direction, depth, asOf);
      for (const root of roots) {
        const t0 = performance.now();
        s.sizes.push(await query(root, direction, depth, asOf));
        s.ms.push(performance.now() - t0);
        opts.progress(label, samples.size * roots.length + s.ms.length, total, 'queries');
      }
      samples.set(`${asOf ? 'asof.' : ''}${combo(direction, depth)}`, s);
    }
  }
  return samples;
}

/** Every search term SEARCH_ROUNDS times (one untimed warm-up query first): one sample set, `search`, sizes the hits. */
async function timeSearch(label: string, opts: BenchOptions, query: (text: string) => Promise<number>): Promise<Samples> {
  const s = { ms: [] as number[], sizes: [] as number[] };
  await query(SEARCH_TERMS[0]);
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    for (const text of SEARCH_TERMS) {
      const t0 = performance.now();
      s.sizes.push(await query(text));
      s.ms.push(performance.now() - t0);
      opts.progress(label, s.ms.length, SEARCH_ROUNDS * SEARCH_TERMS.length, 'queries');
    }
  }
  return new Map([['search', s]]);
}

const rawSearch = (conn: EngineConnection) => async (text: string) =>
  (await conn.run(RAW_SEARCH, { tenant: TENANT, text: text.toLowerCase(), limit: SEARCH_FIRST })).length;

/** Lineage from every root, then search, on the bare engine. */
async function timeRaw(conn: EngineConnection, roots: string[], opts: BenchOptions): Promise<Samples> {
  const lineage = await timeLineage('graph.lineage.raw', roots, opts, async (root, direction, depth, asOf) =>
    (await conn.run(Q.lineageNodes({ direction, depth, kinds: LINEAGE_EDGE_KINDS, asOf }, true), { key: storeKey(TENANT, root), limit: LIMIT + 1 })).length);
  for (const [k, v] of await timeSearch('graph.search.raw', opts, rawSearch(conn))) lineage.set(k, v);
  return lineage;
}

/** Load, close (its final checkpoint is timed), reopen cold: a checkpoint must not land inside the lineage timings. */
async function adapterRun(graph: LineageGraphOptions, roots: string[], opts: BenchOptions) {
  const dir = fresh();
  const open = () => KuzuGraphStore.open({ path: path.join(dir, 'graph.kuzu'), bufferPoolBytes: BUFFER_BYTES, checkpointIntervalMs: CHECKPOINT_MS });
  try {
    const writer = await open();
    await writer.init();
    const upsert = await timeUpserts('graph.upsert', graph, opts, (b) => writer.write(TENANT, b));
    upsert.closeMs = await timed(() => writer.close());
    const store = await open();
    await store.init(); // builds the key filter: without it every key reads as absent and lineage answers null
    const lineage = await timeLineage('graph.lineage', roots, opts, async (root, direction, depth, asOf) =>
      (await store.lineage(TENANT, root, { direction, depth, limit: LIMIT, heads: true, asOf }))?.nodes.length ?? -1).finally(() => store.close());
    return { upsert, lineage };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function rawWrite(conn: EngineConnection, batch: WriteBatch, u: Upsert): Promise<void> {
  const nodes = batch.nodes.map((n) => [storeKey(TENANT, n.id), TENANT, n.id, n.kind, n.namespace, n.name, JSON.stringify(n.props ?? {}), n.at ?? new Date().toISOString()]);
  const edges = batch.edges.map((e) => [storeKey(TENANT, e.from), storeKey(TENANT, e.to), e.kind, '{}', e.validFrom ?? '']);
  await conn.run('BEGIN TRANSACTION');
  u.nodeMs += await timed(async () => { if (nodes.length) await runRows(conn, RAW_NODES, nodes); });
  u.edgeMs += await timed(async () => { if (edges.length) await runRows(conn, RAW_EDGES, edges); });
  await conn.run('COMMIT');
}

/** The same rows and the same steps as adapterRun, on the bare engine (checkpointing as often as the store does). */
async function rawRun(graph: LineageGraphOptions, roots: string[], opts: BenchOptions) {
  const dir = fresh();
  const file = path.join(dir, 'graph.kuzu');
  try {
    const writer = openEngine(file, BUFFER_BYTES);
    const conn = writer.connect();
    await applySchema(conn);
    let lastCheckpoint = performance.now();
    const upsert = await timeUpserts('graph.upsert.raw', graph, opts, async (b, u) => {
      await rawWrite(conn, b, u);
      if (performance.now() - lastCheckpoint < CHECKPOINT_MS) return;
      await conn.run('CHECKPOINT');
      lastCheckpoint = performance.now();
    });
    upsert.closeMs = await timed(async () => { await conn.run('CHECKPOINT'); await writer.close(); });
    const engine = openEngine(file, BUFFER_BYTES);
    const lineage = await timeRaw(engine.connect(), roots, opts).finally(() => engine.close());
    return { upsert, lineage };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the lineage map asks (web/src/api/documents.ts): node heads, so the store reads heads (LineageQuery.heads); the raw walk and the store-level figures read heads too. */
const GQL_LINEAGE = `query ($id: ID!, $dir: Direction!, $depth: Int!, $asOf: DateTime) { lineage(nodeId: $id, direction: $dir, depth: $depth, limit: ${LIMIT}, asOf: $asOf) {
  root { id } nodes { distance node { id kind namespace name } } edges { kind from to } truncated } }`;

async function gqlLineage(url: string, id: string, dir: string, depth: number, asOf?: string): Promise<number> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` },
    body: JSON.stringify({ query: GQL_LINEAGE, variables: { id, dir, depth, asOf } }),
  });
  const body = (await res.json()) as { data?: { lineage: { nodes: unknown[] } | null }; errors?: unknown[] };
  if (!res.ok || body.errors || !body.data?.lineage) throw new Error(`lineage ${id}: HTTP ${res.status} ${JSON.stringify(body.errors)}`);
  return body.data.lineage.nodes.length;
}

/** Marquez's depth counts jobs (dataset → job → dataset is one step): 5 and 10 both walk Loom's maximum of 10 edges, both ways. */
const MARQUEZ_DEPTHS = [1, 5, 10];

/** Marquez-compatible table-level lineage (both ways, each node with its Marquez view): the node count of its graph. */
async function marquezLineage(url: string, id: string, depth: number): Promise<number> {
  const res = await fetch(`${url}/api/v1/lineage?nodeId=${encodeURIComponent(id)}&depth=${depth}`, { headers: { authorization: `Bearer ${DEMO_KEY}` } });
  const body = (await res.json()) as { graph?: unknown[] };
  if (!res.ok || !body.graph) throw new Error(`marquez lineage ${id}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.graph.length;
}

/** Every Marquez depth from every root (one untimed warm-up query per depth). */
async function timeMarquez(url: string, roots: string[], opts: BenchOptions): Promise<Samples> {
  const samples: Samples = new Map();
  for (const depth of MARQUEZ_DEPTHS) {
    const s = { ms: [] as number[], sizes: [] as number[] };
    await marquezLineage(url, roots[0], depth);
    for (const root of roots) {
      const t0 = performance.now();
      s.sizes.push(await marquezLineage(url, root, depth));
      s.ms.push(performance.now() - t0);
      opts.progress('graph.marquez', samples.size * roots.length + s.ms.length, MARQUEZ_DEPTHS.length * roots.length, 'queries');
    }
    samples.set(`d${depth}`, s);
  }
  return samples;
}

async function gqlSearch(url: string, text: string): Promise<number> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` },
    body: JSON.stringify({ query: `query ($text: String!) { search(text: $text, first: ${SEARCH_FIRST}) { id kind name } }`, variables: { text } }),
  });
  const body = (await res.json()) as { data?: { search: unknown[] }; errors?: unknown[] };
  if (!res.ok || body.errors || !body.data) throw new Error(`search ${text}: HTTP ${res.status} ${JSON.stringify(body.errors)}`);
  return body.data.search.length;
}

/** GraphQL lineage and search (one sample set, `search`), then Marquez's lineage, on one running Loom. */
async function timeHttp(url: string, roots: string[], opts: BenchOptions): Promise<{ gql: Samples; marquez: Samples }> {
  const gql = await timeLineage('graph.gql', roots, opts, (id, d, depth, asOf) => gqlLineage(url, id, d, depth, asOf));
  for (const [k, v] of await timeSearch('graph.gql.search', opts, (text) => gqlSearch(url, text))) gql.set(k, v);
  return { gql, marquez: await timeMarquez(url, roots, opts) };
}

/** A real Loom (HTTP, auth, GraphQL, services) on a fresh data dir: load tenant `demo`, stop, start again, query. */
async function graphqlRun(graph: LineageGraphOptions, roots: string[], opts: BenchOptions) {
  const dir = fresh();
  const env = { LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'silent', LOOM_DEMO_KEY: DEMO_KEY, LOOM_GRAPHQL_IDE: 'false' };
  try {
    const writer = await startLoom(env);
    const load = await timeUpserts('graph.gql.load', graph, opts, (b) => writer.services.graph.write(TENANT, b));
    load.closeMs = await timed(() => writer.close());
    const loom = await startLoom(env);
    const { gql: lineage, marquez } = await timeHttp(loom.url, roots, opts).finally(() => loom.close());
    return { load, lineage, marquez };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function emitUpsert(emit: Emit, bench: string, u: Upsert, raw: Upsert): void {
  emit({ bench, metric: 'nodes_per_s', value: u.nodes / (u.ms / 1000), raw_engine: raw.nodes / (raw.ms / 1000), n: u.nodes });
  emit({ bench, metric: 'edges_per_s', value: u.edges / (u.ms / 1000), raw_engine: raw.edges / (raw.ms / 1000), n: u.edges });
  emit({ bench, metric: 'final_checkpoint_ms', value: u.closeMs, raw_engine: raw.closeMs, n: u.nodes });
}

function emitMarquez(emit: Emit, s: Samples): void {
  for (const [key, { ms, sizes }] of s) {
    emit({ bench: `graph.marquez.${key}`, metric: 'p50_ms', value: percentile(ms, 50), n: ms.length });
    emit({ bench: `graph.marquez.${key}`, metric: 'p99_ms', value: percentile(ms, 99), n: ms.length });
    emit({ bench: `graph.marquez.${key}`, metric: 'nodes_p50', value: percentile(sizes, 50), n: sizes.length });
  }
}

function emitLineage(emit: Emit, prefix: string, s: Samples, raw: Samples): void {
  for (const [key, { ms, sizes }] of s) {
    const r = raw.get(key)!;
    emit({ bench: `${prefix}.${key}`, metric: 'p50_ms', value: percentile(ms, 50), raw_engine: percentile(r.ms, 50), n: ms.length });
    emit({ bench: `${prefix}.${key}`, metric: 'p99_ms', value: percentile(ms, 99), raw_engine: percentile(r.ms, 99), n: ms.length });
    emit({ bench: `${prefix}.${key}`, metric: 'nodes_p50', value: percentile(sizes, 50), n: sizes.length });
  }
}

/** Above this size the graph is bulk-imported (upserts through the store are measured on smaller graphs). */
export const BULK_ABOVE = 250_000;
const csvField = (v: string) => `"${v.replace(/"/g, '""')}"`;

/**
 * Write the generated graph as the store stores it (same keys, props, times) into CSV files and COPY
 * them into an empty database: minutes instead of the hour a 1M-node load through upserts takes here.
 */
async function bulkLoad(file: string, graph: LineageGraphOptions): Promise<{ ms: number; nodes: number; edges: number }> {
  const dir = path.dirname(file);
  const nodesCsv = createWriteStream(path.join(dir, 'nodes.csv'));
  const edgesCsv = createWriteStream(path.join(dir, 'edges.csv'));
  const now = new Date().toISOString();
  let [nodes, lineageNodes, edges] = [0, 0, 0];
  const t0 = performance.now();
  for (const batch of lineageGraph(graph, BATCH)) {
    const rows = normaliseBatch(TENANT, batch, now);
    for (const r of rows.nodes) {
      const { props, validTo, gaps } = mergeProps(undefined, r.props);
      nodesCsv.write([r.key, r.tenant, r.id, r.kind, r.namespace, r.name, props, r.firstAt, r.at, validTo, gaps].map(csvField).join(',') + '\n');
    }
    for (const e of rows.edges) edgesCsv.write([e.from, e.to, e.kind, e.props, e.validFrom, '', e.recordedAt, '', '', ''].map(csvField).join(',') + '\n');
    nodes += rows.nodes.length;
    edges += rows.edges.length;
    lineageNodes += batch.nodes.filter(isLineageNode).length;
    progress('graph.bulk.csv', lineageNodes, graph.nodes, 'lineage nodes');
  }
  await Promise.all([new Promise((r) => nodesCsv.end(r)), new Promise((r) => edgesCsv.end(r))]);
  const engine = openEngine(file, BULK_BUFFER_BYTES);
  try {
    const conn = engine.connect();
    await applySchema(conn);
    progress('graph.bulk.copy', 0, 2, 'tables');
    await conn.run(`COPY Node FROM '${path.join(dir, 'nodes.csv')}' (HEADER=false)`);
    progress('graph.bulk.copy', 1, 2, 'tables');
    await conn.run(`COPY Edge FROM '${path.join(dir, 'edges.csv')}' (HEADER=false)`);
    progress('graph.bulk.copy', 2, 2, 'tables');
    // As the store keeps them: current edges have a NULL validTo, current nodes and endpoints ''.
    await conn.run("MATCH ()-[r:Edge]->() WHERE r.validTo = '' SET r.validTo = NULL");
    await conn.run("MATCH ()-[r:Edge]->() WHERE r.endsAt IS NULL SET r.endsAt = ''");
    await conn.run("MATCH (n:Node) WHERE n.validTo IS NULL SET n.validTo = ''");
    await conn.run("MATCH (n:Node) WHERE n.gaps IS NULL SET n.gaps = ''");
    await conn.run("MATCH ()-[r:Edge]->() WHERE r.gaps IS NULL OR r.endsGaps IS NULL SET r.gaps = coalesce(r.gaps, ''), r.endsGaps = coalesce(r.endsGaps, '')");
    await conn.run('CHECKPOINT');
  } finally {
    await engine.close();
    rmSync(path.join(dir, 'nodes.csv'), { force: true });
    rmSync(path.join(dir, 'edges.csv'), { force: true });
  }
  return { ms: performance.now() - t0, nodes, edges };
}

type Loaded = Awaited<ReturnType<typeof bulkLoad>>;

/**
 * bulkLoad in a child process (its progress on this one's stderr). A Loom serving queries does not
 * share its process with an import, and the lineage figures should not carry the import's ~4.9 GB
 * of native memory (the COPY's 4 GB buffer pool; a gc() frees none of it). GraphQL upstream depth 5
 * at 1M nodes, p50 / p99, one run each (session 14, bench/RESULTS.md): 27.9 / 127 ms after an
 * import in the same process, 16.7 / 68.7 after one and a gc(), 16.7 / 40.9 on a copy of the store.
 */
export async function bulkLoadApart(file: string, graph: LineageGraphOptions): Promise<Loaded> {
  return JSON.parse(await lastLineOfChild(import.meta.url, ['bulk-load', file, JSON.stringify(graph)], 'the bulk load')) as Loaded;
}

/** A large graph: bulk-imported (in a child process), then lineage on the bare engine and through a running Loom's GraphQL, on the same database. */
async function largeRun(graph: LineageGraphOptions, roots: string[], opts: BenchOptions, emit: Emit): Promise<void> {
  const dir = fresh();
  try {
    const load = await bulkLoadApart(path.join(dir, 'graph.kuzu'), graph);
    emit({ bench: 'graph.bulk_load', metric: 'nodes_per_s', value: load.nodes / (load.ms / 1000), n: load.nodes });
    const engine = openEngine(path.join(dir, 'graph.kuzu'), BUFFER_BYTES);
    const raw = await timeRaw(engine.connect(), roots, opts).finally(() => engine.close());
    const env = { LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'silent', LOOM_DEMO_KEY: DEMO_KEY, LOOM_GRAPHQL_IDE: 'false' };
    // The first start seeds the demo tenant (and its key) into the store; stopping checkpoints that,
    // so no checkpoint lands inside the timings (as in graphqlRun).
    await (await startLoom(env)).close();
    const loom = await startLoom(env);
    const { gql, marquez } = await timeHttp(loom.url, roots, opts).finally(() => loom.close());
    emitLineage(emit, 'graph.gql', gql, raw);
    emitMarquez(emit, marquez);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(opts: BenchOptions, emit: Emit): Promise<void> {
  // Jobs with a completed run each, as real pipelines have: the Marquez views read what runs leave.
  const graph: LineageGraphOptions = { nodes: opts.nodes, seed: 1, runs: true };
  const roots = midDepthRoots(graph, ROOTS);
  if (opts.nodes > BULK_ABOVE) return largeRun(graph, roots, opts, emit);
  const adapter = await adapterRun(graph, roots, opts);
  const raw = await rawRun(graph, roots, opts);
  emitUpsert(emit, 'graph.upsert', adapter.upsert, raw.upsert);
  emit({ bench: 'graph.upsert.raw', metric: 'node_stmt_nodes_per_s', value: raw.upsert.nodes / (raw.upsert.nodeMs / 1000), n: raw.upsert.nodes });
  emit({ bench: 'graph.upsert.raw', metric: 'edge_stmt_edges_per_s', value: raw.upsert.edges / (raw.upsert.edgeMs / 1000), n: raw.upsert.edges });
  emitLineage(emit, 'graph.lineage', adapter.lineage, raw.lineage);
  const gql = await graphqlRun(graph, roots, opts);
  emitUpsert(emit, 'graph.gql.load', gql.load, raw.upsert);
  emitLineage(emit, 'graph.gql', gql.lineage, raw.lineage);
  emitMarquez(emit, gql.marquez);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'bulk-load') {
  bulkLoad(process.argv[3], JSON.parse(process.argv[4]) as LineageGraphOptions)
    .then((loaded) => process.stdout.write(`${JSON.stringify(loaded)}\n`))
    .catch((e: unknown) => { process.stderr.write(`bulk load failed: ${e instanceof Error ? e.stack : String(e)}\n`); process.exit(1); });
}
