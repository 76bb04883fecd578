/**
 * OTLP trace ingest over HTTP: spans/s through POST /v1/traces (protobuf) in two realistic shapes
 * (SHAPES: SDK exporters sending 512-span batches, and a Collector sending 8,192-span batches; the
 * Collector's shape again over OTLP/gRPC, for comparison), ack
 * latency p50/p99, beside the raw chDB insert rate of the same span rows in the same run (10,000-row
 * INSERTs, no HTTP, no decoding, no trace summaries; rounds alternate); then one trace by id over
 * everything stored, and one evaluation of an alert rule on a service's span latency over the last day.
 * With LOOM_BENCH_TRACE_SPANS=N (e.g. 10000000) it instead bulk-loads N spans into a fresh store and
 * measures one trace by id over them (otlp-lookup.ts): `LOOM_BENCH_TRACE_SPANS=10000000 npm run -s bench -- --only otlp`.
 * LOOM_BENCH_TRACE_DIR=<dir> keeps that store, and a later run with the same dir measures it again
 * without loading. (Environment variables: bench/run.ts parses its flags strictly.)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { BenchOptions, Emit } from './run.js';
import { pct } from './stats.js';
import { startLoom } from '../server/src/app/main.js';
import { traceSpanReader } from '../ingest/otlp/otlp.wire.js';
import { traceMessages } from '../ingest/otlp/otlp.proto.js';
import { toSpanRows } from '../server/src/domain/telemetry/spans.js';
import { loadPriceTable } from '../server/src/domain/telemetry/prices.js';
import { traceLookupBench } from './otlp-lookup.js';
import { alertEvaluationBench } from './alert-eval.js';

export const name = 'otlp';
const KEY = 'bench-key-000000000000000000001';
/**
 * How spans arrive. `otlp.traces`: 8 services' SDKs, each BatchSpanProcessor exporting 512 spans
 * (its maxExportBatchSize) one export at a time. `otlp.traces.collector`: an OTel Collector in front
 * (what high-volume deployments run), its batch processor sending 8,192 spans (send_batch_size) over
 * 4 of its exporter queue's consumers at once.
 */
const SHAPES = [
  { bench: 'otlp.traces', batch: 512, clients: 8, transport: 'http' },
  { bench: 'otlp.traces.collector', batch: 8192, clients: 4, transport: 'http' },
  // The same Collector over OTLP/gRPC (its default `otlp` exporter): issue 4's target is OTLP/HTTP; this is for comparison.
  { bench: 'otlp.traces.collector.grpc', batch: 8192, clients: 4, transport: 'grpc' },
] as const;
const MAX_CLIENTS = Math.max(...SHAPES.map((x) => x.clients));
const SPANS_PER_TRACE = 8;
const RAW_BATCH = 10_000;
const LOOKUPS = 200;
const ROUNDS = 4;

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: value } });

const RESOURCE = { attributes: [
  str('service.name', 'rag-api'), str('service.version', '1.4.2'), str('deployment.environment', 'bench'), str('host.name', 'node-17'),
  int('process.pid', 4242), str('telemetry.sdk.name', 'opentelemetry'), str('telemetry.sdk.language', 'nodejs'), str('telemetry.sdk.version', '2.12.0'),
] };

/** One request-shaped trace: an HTTP server root, auth, cache, DB, retrieval, an embedding call, a chat call, rendering. */
function traceSpans(startMs: number) {
  const traceId = randomBytes(16);
  const ids = Array.from({ length: SPANS_PER_TRACE }, () => randomBytes(8));
  const ns = (ms: number) => (BigInt(Math.round(ms * 1000)) * 1000n).toString();
  const span = (i: number, name: string, kind: number, from: number, to: number, attributes: object[]) => ({
    traceId, spanId: ids[i], parentSpanId: i === 0 ? undefined : ids[0], name, kind,
    startTimeUnixNano: ns(startMs + from), endTimeUnixNano: ns(startMs + to), attributes, status: { code: 0 },
  });
  return [
    span(0, 'POST /v1/answer', 2, 0, 900, [str('http.request.method', 'POST'), str('url.path', '/v1/answer'), int('http.response.status_code', 200), str('user_agent.original', 'bench/1.0')]),
    span(1, 'auth.verify', 1, 1, 3, [str('enduser.id', 'u-123')]),
    span(2, 'cache.get', 3, 3, 4, [str('db.system', 'redis'), str('db.operation.name', 'GET')]),
    span(3, 'SELECT documents', 3, 4, 20, [str('db.system', 'postgresql'), str('db.query.text', 'SELECT id, body FROM documents WHERE tenant = $1 LIMIT 20'), int('db.response.returned_rows', 20)]),
    span(4, 'embeddings text-embedding-3-small', 3, 20, 60, [str('gen_ai.operation.name', 'embeddings'), str('gen_ai.provider.name', 'openai'), str('gen_ai.request.model', 'text-embedding-3-small'), int('gen_ai.usage.input_tokens', 64)]),
    span(5, 'retrieve', 1, 60, 90, [str('retrieval.index', 'docs-v3'), int('retrieval.k', 8)]),
    span(6, 'chat gpt-4o-mini', 3, 90, 880, [
      str('gen_ai.operation.name', 'chat'), str('gen_ai.provider.name', 'openai'), str('gen_ai.request.model', 'gpt-4o-mini'),
      str('gen_ai.response.model', 'gpt-4o-mini-2024-07-18'), int('gen_ai.usage.input_tokens', 1850), int('gen_ai.usage.output_tokens', 240),
      { key: 'gen_ai.request.temperature', value: { doubleValue: 0.2 } }, str('loom.prompt.name', 'answer'), str('loom.prompt.version', '7'),
    ]),
    span(7, 'render', 1, 880, 899, [int('response.bytes', 2048)]),
  ];
}

/** Protobuf export bodies of `batch` spans each, as an exporter sends them. */
function bodies(spans: number, batch: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const t0 = Date.now() - 3_600_000;
  let made = 0;
  while (made < spans) {
    const group: object[] = [];
    while (group.length < batch && made < spans) {
      const trace = traceSpans(t0 + made);
      group.push(...trace);
      made += trace.length;
    }
    out.push(traceMessages.ExportTraceServiceRequest.encode({ resourceSpans: [{ resource: RESOURCE, scopeSpans: [{ scope: { name: 'bench', version: '1' }, spans: group }] }] }).finish());
  }
  return out;
}

/**
 * `clients` exporters posting export bodies, from a separate thread (see http-load.worker.mjs and
 * grpc-load.worker.mjs): real exporters are other processes, and clients on the server's own event
 * loop slowed it down.
 */
async function send(loom: { url: string; grpcAddress: string | null }, bodies: Uint8Array[], clients: number, transport: 'http' | 'grpc'): Promise<{ ms: number; lat: number[]; refused: number }> {
  const worker = transport === 'grpc'
    ? new Worker(new URL('./grpc-load.worker.mjs', import.meta.url), { workerData: { address: loom.grpcAddress, key: KEY, bodies, concurrency: clients } })
    : new Worker(new URL('./http-load.worker.mjs', import.meta.url), {
      workerData: { url: `${loom.url}/v1/traces`, key: KEY, bodies, concurrency: clients, contentType: 'application/x-protobuf', expect: 201 },
    });
  try {
    return await new Promise((resolve, reject) => {
      worker.on('message', (m) => m.done && resolve(m));
      worker.on('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

export async function run(opts: BenchOptions, emit: Emit): Promise<void> {
  const bulk = process.env.LOOM_BENCH_TRACE_SPANS;
  if (!bulk) return ingestBench(opts, emit);
  // Only the bulk lookup then: its load runs in a child process, and chDB alive in two processes at once stalls.
  // LOOM_BENCH_TRACE_DIR keeps the loaded store (and measures again on it when it already exists).
  const keep = process.env.LOOM_BENCH_TRACE_DIR;
  const reuse = !!keep && existsSync(path.join(keep, 'chdb'));
  const dir = keep ?? mkdtempSync(path.join(tmpdir(), 'loom-bench-traces-'));
  try {
    await traceLookupBench(Number(bulk), { LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'warn', LOOM_ALERT_INTERVAL_SECONDS: 'off', LOOM_DEMO_KEY: KEY }, KEY, reuse, emit);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

async function ingestBench(opts: BenchOptions, emit: Emit): Promise<void> {
  const spans = Math.max(SHAPES[SHAPES.length - 1].batch, opts.nodes);
  const dir = mkdtempSync(path.join(tmpdir(), 'loom-bench-otlp-'));
  const loom = await startLoom({ LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'warn', LOOM_ALERT_INTERVAL_SECONDS: 'off', LOOM_DEMO_KEY: KEY, LOOM_OTLP_MAX_CONCURRENT: String(MAX_CLIENTS * 2) });
  try {
    // Raw: the same rows (decoded, normalised) inserted straight into chDB in large INSERTs, another
    // tenant. Raw and HTTP rounds alternate, so a change in machine load hits both alike.
    const prices = loadPriceTable();
    const rows = bodies(spans, SHAPES[0].batch).flatMap((b) => toSpanRows('bench_raw', traceSpanReader(b), prices).rows);
    for (const [s, shape] of SHAPES.entries()) {
      const batches = bodies(spans, shape.batch);
      const lat: number[] = [];
      let rawMs = 0;
      let httpMs = 0;
      let refused = 0;
      const lags: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const part = <T>(xs: T[]) => xs.slice(Math.floor((round * xs.length) / ROUNDS), Math.floor(((round + 1) * xs.length) / ROUNDS));
        const raw = part(rows);
        const t = performance.now();
        for (let i = 0; i < raw.length; i += RAW_BATCH) await loom.services.analytics.insert('spans', raw.slice(i, i + RAW_BATCH));
        rawMs += performance.now() - t;
        const http = await send(loom, part(batches), shape.clients, shape.transport);
        const acked = performance.now();
        // The trace summaries (traces rows, Trace nodes) follow the acknowledgements: a round ends when they are written.
        await loom.services.traceIngest.settled();
        lags.push(performance.now() - acked);
        lat.push(...http.lat);
        refused += http.refused;
        httpMs += http.ms + lags[lags.length - 1];
        opts.progress('otlp', s * ROUNDS + round + 1, SHAPES.length * ROUNDS, 'rounds');
      }
      emit({ bench: shape.bench, metric: 'spans_per_s', value: spans / (httpMs / 1000), raw_engine: rows.length / (rawMs / 1000), n: spans });
      emit({ bench: shape.bench, metric: 'ack_p50_ms', value: pct(lat, 50), n: lat.length });
      emit({ bench: shape.bench, metric: 'ack_p99_ms', value: pct(lat, 99), n: lat.length });
      emit({ bench: shape.bench, metric: 'summaries_after_last_ack_max_ms', value: Math.max(...lags), n: lags.length });
      emit({ bench: shape.bench, metric: 'refused_retried', value: refused, n: batches.length });
    }

    // One trace by id (what GraphQL `trace` runs: one primary-key read of its spans) over everything stored.
    const ids = await loom.services.analytics.query<{ trace_id: string }>('demo', "SELECT trace_id FROM traces FINAL WHERE tenant_id = {tenant:String} AND service_name = 'rag-api' ORDER BY rand() LIMIT {n:UInt32}", { n: LOOKUPS });
    const lookups: number[] = [];
    for (const { trace_id } of ids) {
      const t1 = performance.now();
      const view = await loom.services.traces.get('demo', trace_id);
      lookups.push(performance.now() - t1);
      if (view?.spans.length !== SPANS_PER_TRACE) throw new Error(`trace ${trace_id}: ${view?.spans.length} spans`);
    }
    const stored = spans * 2 * SHAPES.length; // each shape: its raw rows and its spans sent over OTLP
    emit({ bench: 'otlp.trace_by_id', metric: 'p50_ms', value: pct(lookups, 50), n: stored });
    emit({ bench: 'otlp.trace_by_id', metric: 'p99_ms', value: pct(lookups, 99), n: stored });

    // Alert evaluation: rag-api's span latency p99 over the last day (one series, every span stored for it).
    await alertEvaluationBench(loom.services.alerts, loom.services.analytics,
      { name: 'bench: rag-api p99', source: 'TRACES', service: 'rag-api', measure: 'LATENCY_P99_MS', llmOnly: false, op: 'GT', threshold: 0, windowSeconds: 86_400 },
      { bench: 'otlp.alert_evaluation', series: 1, n: stored / 2, times: 50 }, emit);
  } finally {
    await loom.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
