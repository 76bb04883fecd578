/**
 * OpenLineage ingest over HTTP: events/s through POST /api/v1/lineage (concurrent clients) and
 * /api/v1/lineage/batch, ack latency p50/p99, where the time goes (parse, map, write), beside the
 * raw engine rate of the same node/edge writes (bulk MERGE statements, no per-event transaction),
 * sampled again right before each pass.
 * With `--nodes N` of 250,000 or more, also single-event ingest into a store already holding N nodes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { BenchOptions, Emit } from './run.js';
import { pct } from './stats.js';
import { startLoom } from '../server/src/app/main.js';
import { validateEvent } from '../server/src/domain/openlineage/validate.js';
import { mapEvent } from '../server/src/domain/openlineage/mapper.js';
import { normaliseBatch } from '../server/src/graph/rows.js';
import { openEngine } from '../server/src/graph/kuzu/engine.js';
import { applySchema } from '../server/src/graph/kuzu/schema.js';
import { rowsStatement, runRows } from '../server/src/graph/kuzu/packed.js';
import { BULK_ABOVE, bulkLoadApart } from './graph.bench.js';

export const name = 'ingest';
const KEY = 'bench-key-000000000000000000001';
// The raw engine's bulk upsert of the same rows, in the fastest correct form from JS measured here: the
// rows packed into one text parameter (packed.ts; a list of structs was 2-3x slower, session 20), their
// fields projected to names, then MERGE on the key, 5,000 rows a statement, no per-event transaction.
const RAW_NODES = rowsStatement(['key', 'tenant', 'id', 'kind', 'namespace', 'name', 'props', 'createdAt', 'updatedAt'],
  "MERGE (n:Node {key: key}) SET n.tenant = tenant, n.id = id, n.kind = kind, n.namespace = namespace, n.name = name, n.props = props, n.createdAt = createdAt, n.updatedAt = updatedAt, n.validTo = ''");
const RAW_EDGES = rowsStatement(['fromKey', 'toKey', 'kind', 'props', 'validFrom', 'recordedAt'],
  'MERGE (a:Node {key: fromKey}) MERGE (b:Node {key: toKey}) MERGE (a)-[e:Edge {kind: kind}]->(b) ON CREATE SET e.validFrom = validFrom, e.recordedAt = recordedAt SET e.props = props');
const corpusFile = new URL('../../shared/openlineage/ingestable.ndjson', import.meta.url);
let corpus: string[] | undefined;
const CORPUS = () => (corpus ??= readFileSync(corpusFile, 'utf8').split('\n').filter(Boolean));

/** Corpus-like events: real emitter events with fresh run ids and dataset names from a pool of `pool` tables. */
function corpusLike(n: number, pool: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const e = JSON.parse(CORPUS()[i % CORPUS().length]);
    if (e.run) e.run.runId = randomUUID();
    for (const d of [...(e.inputs ?? []), ...(e.outputs ?? [])]) d.name = `${d.name}_${(i * 7919) % pool}`;
    e.eventTime = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    out.push(e);
  }
  return out;
}


async function post(url: string, body: unknown): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  if (res.status >= 300) throw new Error(`ingest answered ${res.status}`);
  return performance.now() - t;
}

/**
 * Until one read after the last answer returns: Loom answers lineage events once they are in its
 * ingest log, and a read waits until every answered event is in the graph, so the rates below are
 * of events readable, not merely answered.
 */
async function readable(url: string): Promise<void> {
  const res = await fetch(`${url}/api/v1/namespaces`, { headers: { authorization: `Bearer ${KEY}` } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`read after ingest answered ${res.status}`);
}

/** A GraphQL search every 50 ms until stopped: the read latency a user of the tenant sees during the ingest. */
function readWhile(url: string, key: string): { stop(): Promise<number[]> } {
  const lat: number[] = [];
  let done = false;
  const loop = (async () => {
    while (!done) {
      const t = performance.now();
      const res = await fetch(`${url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: '{ search(text: "orders", first: 5) { id } }' }),
      });
      const body = await res.json() as { errors?: unknown };
      if (res.status !== 200 || body.errors) throw new Error(`read during ingest answered ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
      lat.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return { async stop() { done = true; await loop; return lat; } };
}

/**
 * `concurrency` clients posting one event each, from a separate thread (see http-load.worker.mjs),
 * timed from the first request to the read after the last answer. Not from the thread's creation: its
 * start-up (an isolate, the module loader, a copy of every body) took 300-400 ms of a ~4 s pass while
 * Loom sat idle (session 24).
 */
async function single(url: string, events: unknown[], concurrency: number, opts: BenchOptions) {
  const worker = new Worker(new URL('./http-load.worker.mjs', import.meta.url), {
    workerData: { url: `${url}/api/v1/lineage`, key: KEY, bodies: events.map((e) => JSON.stringify(e)), concurrency },
  });
  try {
    const out = await new Promise<{ startedAt: number; lat: number[]; refused: number }>((resolve, reject) => {
      worker.on('message', (m) => (m.done ? resolve(m) : opts.progress(`ingest.single.c${concurrency}`, m.progress, events.length, 'events')));
      worker.on('error', reject);
    });
    await readable(url);
    const ms = performance.timeOrigin + performance.now() - out.startedAt;
    return { perS: events.length / (ms / 1000), lat: out.lat, refused: out.refused };
  } finally {
    await worker.terminate();
  }
}

async function batched(url: string, events: unknown[], size: number, opts: BenchOptions) {
  const lat: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += size) {
    lat.push(await post(`${url}/api/v1/lineage/batch`, events.slice(i, i + size)));
    opts.progress('ingest.batch', Math.min(i + size, events.length), events.length, 'events');
  }
  await readable(url);
  return { perS: events.length / ((performance.now() - t0) / 1000), lat };
}

/** Parse and map cost per event, and the raw engine rate of the same writes. */
async function rawEngine(events: unknown[]) {
  const texts = events.map((e) => JSON.stringify(e));
  let t = performance.now();
  const parsed = texts.map((s) => JSON.parse(s));
  const parseMs = performance.now() - t;
  t = performance.now();
  const batches = parsed.map((e) => { const v = validateEvent(e); return mapEvent(v.event, v.kind); });
  const mapMs = performance.now() - t;
  const dir = mkdtempSync(path.join(tmpdir(), 'loom-bench-raw-'));
  const engine = openEngine(path.join(dir, 'g.kuzu'), 1024 * 1024 * 1024);
  try {
    const conn = engine.connect();
    await applySchema(conn);
    const all = normaliseBatch('t', { nodes: batches.flatMap((b) => b.nodes), edges: batches.flatMap((b) => b.edges) }, new Date().toISOString());
    const rows = all.nodes.map((n) => [n.key, n.tenant, n.id, n.kind, n.namespace, n.name, JSON.stringify(n.props), n.firstAt, n.at]);
    const edges = all.edges.map((e) => [e.from, e.to, e.kind, e.props, e.validFrom, e.recordedAt]);
    t = performance.now();
    for (let i = 0; i < rows.length; i += 5000) await runRows(conn, RAW_NODES, rows.slice(i, i + 5000));
    for (let i = 0; i < edges.length; i += 5000) await runRows(conn, RAW_EDGES, edges.slice(i, i + 5000));
    const writeMs = performance.now() - t;
    return { parseMs, mapMs, writeMs, perS: events.length / (writeMs / 1000) };
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(opts: BenchOptions, emit: Emit): Promise<void> {
  const n = Math.min(opts.nodes, 3000);
  const first = await rawEngine(corpusLike(n, 500));
  // Each pass is set beside a raw sample taken just before it: on this shared machine the raw rate
  // moved from ~1,400 to ~2,600 events/s between runs minutes apart (session 9), and a ratio is only
  // meaningful against the engine as fast as it was at that moment.
  const rawNow = async () => (await rawEngine(corpusLike(n, 500))).perS;
  const dir = mkdtempSync(path.join(tmpdir(), 'loom-bench-ingest-'));
  // LOOM_INGEST_ACK=committed in the environment measures the answer-after-commit mode; LOOM_PLUGINS, the cost of plugins reading facets.
  const loom = await startLoom({ LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'warn', LOOM_ALERT_INTERVAL_SECONDS: 'off', LOOM_DEMO_KEY: KEY, LOOM_INGEST_ACK: process.env.LOOM_INGEST_ACK, LOOM_PLUGINS: process.env.LOOM_PLUGINS });
  try {
    const ownKey = await loom.services.tenancy.createApiKey('demo', 'viewer');
    // The first pass meets an empty store (every job and dataset new); the second pass of 16 clients,
    // same dataset pool and jobs, new runs, is a store in steady state.
    for (const [label, clients] of [['c16', 16], ['c16.warm', 16], ['c64', 64]] as const) {
      const raw = label === 'c16' ? first.perS : await rawNow();
      // In the warm pass, two readers of the tenant too: one with the ingest's key (its reads wait for
      // the events that key was answered for) and one with a key of its own (a user of the web app).
      const readers = label === 'c16.warm' ? [readWhile(loom.url, KEY), readWhile(loom.url, ownKey)] : null;
      const s = await single(loom.url, corpusLike(n, 500), clients, opts);
      emit({ bench: `ingest.single.${label}`, metric: 'events_per_s', value: s.perS, raw_engine: raw, n });
      emit({ bench: `ingest.single.${label}`, metric: 'ack_p50_ms', value: pct(s.lat, 50), n });
      emit({ bench: `ingest.single.${label}`, metric: 'ack_p99_ms', value: pct(s.lat, 99), n });
      emit({ bench: `ingest.single.${label}`, metric: 'refused_retried', value: s.refused, n });
      for (const [i, reader] of (readers ?? []).entries()) {
        const reads = await reader.stop();
        const who = i === 0 ? 'same_key' : 'other_key';
        emit({ bench: `ingest.single.${label}`, metric: `read_${who}_p50_ms`, value: pct(reads, 50), n: reads.length });
        emit({ bench: `ingest.single.${label}`, metric: `read_${who}_p99_ms`, value: pct(reads, 99), n: reads.length });
      }
    }
    const raw = await rawNow();
    const b = await batched(loom.url, corpusLike(n, 500), 100, opts);
    emit({ bench: 'ingest.batch100', metric: 'events_per_s', value: b.perS, raw_engine: raw, n });
    emit({ bench: 'ingest.batch100', metric: 'ack_p99_ms', value: pct(b.lat, 99), n: b.lat.length });
    emit({ bench: 'ingest.cost', metric: 'parse_us_per_event', value: (first.parseMs * 1000) / n, n });
    emit({ bench: 'ingest.cost', metric: 'validate_map_us_per_event', value: (first.mapMs * 1000) / n, n });
    emit({ bench: 'ingest.cost', metric: 'raw_write_us_per_event', value: (first.writeMs * 1000) / n, n });
  } finally {
    await loom.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (opts.nodes >= BULK_ABOVE) await largeStore(n, first.perS, opts, emit);
}

/**
 * With `--nodes N` of 250,000 or more: the same single-event ingest into a store that already holds a
 * generated lineage graph of N nodes (bulk-imported as the graph bench does), after a warm-up pass.
 * `raw_engine` is the empty-store raw rate above (the raw bulk forms join against the whole Node table).
 */
async function largeStore(n: number, rawPerS: number, opts: BenchOptions, emit: Emit): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'loom-bench-ingest-large-'));
  try {
    await bulkLoadApart(path.join(dir, 'graph.kuzu'), { nodes: opts.nodes, seed: 1 });
    // LOOM_INGEST_ACK=committed in the environment measures the answer-after-commit mode; LOOM_PLUGINS, the cost of plugins reading facets.
    const loom = await startLoom({ LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'warn', LOOM_ALERT_INTERVAL_SECONDS: 'off', LOOM_DEMO_KEY: KEY, LOOM_INGEST_ACK: process.env.LOOM_INGEST_ACK, LOOM_PLUGINS: process.env.LOOM_PLUGINS });
    try {
      await single(loom.url, corpusLike(1000, 500), 16, opts);
      const s = await single(loom.url, corpusLike(n, 500), 16, opts);
      const label = `ingest.single.c16.on_${opts.nodes}_nodes`;
      emit({ bench: label, metric: 'events_per_s', value: s.perS, raw_engine: rawPerS, n });
      emit({ bench: label, metric: 'ack_p50_ms', value: pct(s.lat, 50), n });
      emit({ bench: label, metric: 'ack_p99_ms', value: pct(s.lat, 99), n });
      emit({ bench: label, metric: 'refused_retried', value: s.refused, n });
    } finally {
      await loom.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
