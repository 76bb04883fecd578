/**
 * "One trace by id over N stored spans" (issue 4: p99 < 30 ms at 10M): bulk-loads N realistic spans
 * (traces of 10 spans, 4 tenants, spread over 14 days, with their `traces` summaries) straight into
 * chDB with INSERT … SELECT FROM numbers(), then measures the lookup of random trace ids six ways:
 * through the service (`TraceQueryService.get` with every span detail); through GraphQL over HTTP,
 * asking for a waterfall's span fields (no attributes, events or links: the resolver reads none of
 * those columns), with the web app's trace page query (its waterfall and summary; the page reads a
 * span's details when it is opened) and for every span detail; and the raw SQL of the narrow and the
 * whole read (trace-queries.ts) through the analytics client, beside the ways that run them.
 * Each step opens chDB in its own process (this file as a script), once: `schema` (a Loom start
 * creates the schema and the demo tenant), `load` (a bare chDB client inserts), then this process
 * starts Loom on the directory and measures. (Seen here: a bare chDB client opened after a Loom
 * start and close in the same process, or while another process used chDB, stalled ~5 minutes and then
 * failed with "The server is shutting down due to a fatal error".) Trace ids are random over the
 * `demo` tenant's traces; each id is looked up by the six ways in rotating order (so each way reads
 * a not-yet-read trace a sixth of the time), after a warm-up.
 */
import { AlertService } from '../server/src/domain/alerts/alerts.service.js';
import { alertEvaluationBench } from './alert-eval.js';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { createClient, type ClickHouseClientConfigOptions } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import type { BenchOptions, Emit } from './run.js';
import { progress } from './progress.js';
import { lastLineOfChild } from './child.js';
import { startLoom } from '../server/src/app/main.js';
import { traceSpansQuery, type SpanDetail } from '../server/src/domain/telemetry/trace-queries.js';
import { loadConfig } from '../server/src/config/config.js';
import { TraceDocument } from '../web/src/pages/traces/documents.js';
import { pct } from './stats.js';

const SPANS_PER_TRACE = 10;
const TENANTS = ['demo', 'acme', 'globex', 'initech'];
const DAYS = 14;
const CHUNK_SPANS = 1_000_000;
const LOOKUPS = 300;
const WARMUP = 20;

const traceId = (t: number) => createHash('md5').update(String(t)).digest('hex');

/** Spans of traces [t0, t0 + count / 10): trace t belongs to tenant t % 4 and starts t × step after `baseNs`. */
export function spansInsert(db: string, firstSpan: number, count: number, baseNs: bigint, stepNs: bigint): string {
  return `INSERT INTO \`${db}\`.spans (tenant_id, trace_id, span_id, parent_span_id, name, kind, status_code, status_message, start_time, end_time, duration_ns,
  service_name, scope_name, scope_version, resource_attributes, attributes, attribute_types,
  is_llm, llm_provider, llm_operation, llm_request_model, llm_response_model, llm_input_tokens, llm_output_tokens, llm_total_tokens, llm_cost_usd, prompt_name, prompt_version)
WITH ${TENANTS.length} AS tenants_n, [${TENANTS.map((t) => `'${t}'`).join(',')}] AS tenants,
  ['POST /v1/answer','auth.verify','cache.get','SELECT documents','embeddings text-embedding-3-small','retrieve','rerank','chat gpt-4o-mini','guardrails.check','render'] AS names,
  [2,1,3,3,3,1,1,3,1,1] AS kinds, [0,1,3,4,20,60,90,110,880,890] AS offsets_ms, [900,2,1,16,40,30,20,770,9,9] AS durations_ms
SELECT tenants[t % tenants_n + 1], lower(hex(MD5(toString(t)))),
  substring(lower(hex(MD5(concat(toString(t), '/', toString(s))))), 1, 16),
  if(s = 0, '', substring(lower(hex(MD5(concat(toString(t), '/0')))), 1, 16)),
  names[s + 1], kinds[s + 1], if(t % 50 = 0 AND s = 7, 2, 0), if(t % 50 = 0 AND s = 7, 'Error code: 429 - rate limit reached', ''),
  fromUnixTimestamp64Nano(toInt64(start_ns)), fromUnixTimestamp64Nano(toInt64(start_ns + dur_ns)), dur_ns,
  'rag-api', 'bench', '1', map('service.name', 'rag-api', 'service.version', '1.4.2', 'host.name', concat('node-', toString(t % 17)), 'telemetry.sdk.language', 'python'),
  multiIf(s = 0, map('http.request.method', 'POST', 'url.path', '/v1/answer', 'http.response.status_code', '200', 'enduser.id', concat('u-', toString(t % 9973))),
          s = 7, map('gen_ai.operation.name', 'chat', 'gen_ai.provider.name', 'openai', 'gen_ai.request.model', 'gpt-4o-mini', 'gen_ai.usage.input_tokens', toString(1500 + t % 700), 'gen_ai.usage.output_tokens', toString(120 + t % 300), 'loom.prompt.name', 'answer', 'loom.prompt.version', '7'),
          s = 3, map('db.system', 'postgresql', 'db.query.text', 'SELECT id, body FROM documents WHERE tenant = $1 LIMIT 20'),
          map('component', names[s + 1])),
  if(s = 7, map('gen_ai.usage.input_tokens', 'int', 'gen_ai.usage.output_tokens', 'int'), map()),
  s IN (4, 7), if(s IN (4, 7), 'openai', ''), multiIf(s = 4, 'embeddings', s = 7, 'chat', ''), multiIf(s = 4, 'text-embedding-3-small', s = 7, 'gpt-4o-mini', ''),
  if(s = 7, 'gpt-4o-mini-2024-07-18', ''), multiIf(s = 4, 64, s = 7, 1500 + t % 700, 0), if(s = 7, 120 + t % 300, 0), multiIf(s = 4, 64, s = 7, 1620 + t % 700 + t % 300, 0),
  if(s = 7, 0.0004, 0), if(s = 7, 'answer', ''), if(s = 7, '7', '')
FROM (SELECT intDiv(number, ${SPANS_PER_TRACE}) AS t, number % ${SPANS_PER_TRACE} AS s,
        ${baseNs} + t * ${stepNs} + offsets_ms[s + 1] * 1000000 AS start_ns, toUInt64(durations_ms[s + 1] * 1000000 + (t % 97) * 10000) AS dur_ns
      FROM numbers(${firstSpan}, ${count}))`;
}

/** The `traces` summaries of the same traces (what the ingest's rollup would have written). */
export function tracesInsert(db: string, firstTrace: number, count: number, baseNs: bigint, stepNs: bigint): string {
  return `INSERT INTO \`${db}\`.traces (tenant_id, trace_id, start_time, end_time, duration_ns, service_name, root_span_id, root_span_name,
  span_count, error_count, llm_calls, input_tokens, output_tokens, cost_usd, models, prompts, run_ids, model_versions, updated_at)
WITH [${TENANTS.map((t) => `'${t}'`).join(',')}] AS tenants
SELECT tenants[t % ${TENANTS.length} + 1], lower(hex(MD5(toString(t)))), fromUnixTimestamp64Nano(toInt64(start_ns)), fromUnixTimestamp64Nano(toInt64(start_ns + 900000000 + (t % 97) * 10000)),
  900000000 + (t % 97) * 10000, 'rag-api', substring(lower(hex(MD5(concat(toString(t), '/0')))), 1, 16), 'POST /v1/answer',
  ${SPANS_PER_TRACE}, if(t % 50 = 0, 1, 0), 2, 1564 + t % 700, 120 + t % 300, 0.0004, ['gpt-4o-mini', 'text-embedding-3-small'], [('answer', '7')], [], [], now64(6)
FROM (SELECT number AS t, ${baseNs} + t * ${stepNs} AS start_ns FROM numbers(${firstTrace}, ${count}))`;
}

interface Loaded { ms: number; parts: number }

async function bulkLoad(chdbPath: string, db: string, spans: number, progress: BenchOptions['progress']): Promise<Loaded> {
  const connection = createChdbConnection({ path: chdbPath }) as unknown as ClickHouseClientConfigOptions['connection'];
  const client = createClient({ connection });
  try {
    const traces = spans / SPANS_PER_TRACE;
    const stepNs = BigInt(Math.floor((DAYS * 86_400e9) / traces));
    const baseNs = BigInt(Date.now() - DAYS * 86_400_000 - 3_600_000) * 1_000_000n;
    const started = performance.now();
    for (let done = 0; done < spans; done += CHUNK_SPANS) {
      const n = Math.min(CHUNK_SPANS, spans - done);
      await client.command({ query: spansInsert(db, done, n, baseNs, stepNs) });
      await client.command({ query: tracesInsert(db, done / SPANS_PER_TRACE, n / SPANS_PER_TRACE, baseNs, stepNs) });
      progress('otlp.load', done + n, spans, 'spans');
    }
    const ms = performance.now() - started;
    const rs = await client.query({ query: `SELECT count() AS parts FROM system.parts WHERE database = '${db}' AND table = 'spans' AND active`, format: 'JSONEachRow' });
    const [row] = await rs.json<{ parts: string }>();
    return { ms, parts: Number(row.parts) };
  } finally {
    await client.close();
  }
}

/** One lookup: the spans it found, and how long it took when timed elsewhere (the client thread) rather than around the call. */
type Lookup = (id: string) => Promise<number | { spans: number; ms: number }>;

/** Each way in turn per id (so load changes on the machine hit all alike); latencies per way, after a warm-up. */
async function timed(ids: string[], ways: Lookup[]): Promise<number[][]> {
  const out = ways.map(() => [] as number[]);
  for (const [i, id] of ids.entries()) {
    for (let k = 0; k < ways.length; k++) {
      const w = (i + k) % ways.length;
      const t = performance.now();
      const got = await ways[w](id);
      const ms = typeof got === 'number' ? performance.now() - t : got.ms;
      const n = typeof got === 'number' ? got : got.spans;
      if (i >= WARMUP) out[w].push(ms);
      if (n !== SPANS_PER_TRACE) throw new Error(`trace ${id}: ${n} spans, expected ${SPANS_PER_TRACE}`);
    }
  }
  return out;
}

/** GraphQL over HTTP from a client in its own thread (graphql-client.worker.mjs), as a real client is another process. */
function graphqlClient(url: string, key: string) {
  const worker = new Worker(new URL('./graphql-client.worker.mjs', import.meta.url), { workerData: { url: `${url}/graphql`, key } });
  const waiting = new Map<number, (m: { ms: number; body?: unknown; error?: string }) => void>();
  let seq = 0;
  worker.on('message', (m: { seq: number; ms: number; body?: unknown; error?: string }) => waiting.get(m.seq)?.(m));
  return {
    async query(query: string, variables: object): Promise<{ ms: number; body: unknown }> {
      const id = ++seq;
      const m = await new Promise<{ ms: number; body?: unknown; error?: string }>((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ seq: id, query, variables });
      });
      waiting.delete(id);
      return m.error ? Promise.reject(new Error(m.error)) : { ms: m.ms, body: m.body };
    },
    close: () => worker.terminate(),
  };
}

/** Loads `spans` into `env`'s data directory (unless `reuse`: it holds them from an earlier run), then measures. */
export async function traceLookupBench(spans: number, env: Record<string, string>, key: string, reuse: boolean, emit: Emit): Promise<void> {
  if (!Number.isInteger(spans) || spans < CHUNK_SPANS / 100 || spans % (SPANS_PER_TRACE * TENANTS.length) !== 0) throw new Error(`trace spans must be a multiple of ${SPANS_PER_TRACE * TENANTS.length}, at least ${CHUNK_SPANS / 100}`);
  if (!reuse) {
    const load = await loadInChild(spans, env);
    emit({ bench: 'otlp.trace_load', metric: 'spans_per_s', value: spans / (load.ms / 1000), n: spans });
    emit({ bench: 'otlp.trace_load', metric: 'active_parts', value: load.parts, n: spans });
  }
  const loom = await startLoom(env);
  try {
    const traces = spans / SPANS_PER_TRACE;
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const ids = Array.from({ length: LOOKUPS + WARMUP }, () => traceId(Math.floor(rand() * (traces / TENANTS.length)) * TENANTS.length)); // tenant demo
    // The bare SQL of each lookup: every span column (the service's default), and the waterfall's narrow columns.
    const bare = (details?: ReadonlySet<SpanDetail>): Lookup => async (id) => {
      const q = traceSpansQuery(id, 10_001, details);
      return (await loom.services.analytics.query('demo', q.sql, q.params)).length;
    };
    const service: Lookup = async (id) => (await loom.services.traces.get('demo', id))?.spans.length ?? 0;
    const client = graphqlClient(loom.url, key);
    // A trace query with the id as `traceId`: spans given fields, or the web app's trace page (its waterfall and summary, with the Trace node's id).
    const graphql = (query: string): Lookup => async (id) => {
      const { ms, body } = await client.query(query, { traceId: id });
      return { spans: (body as { data?: { trace?: { spans: unknown[] } } }).data?.trace?.spans.length ?? 0, ms };
    };
    const spanFields = (fields: string) => graphql(`query($traceId: ID!) { trace(traceId: $traceId) { spans { ${fields} } } }`);
    // A waterfall's span fields read no span detail; asking for every detail reads what the service reads.
    const ways = [bare(), bare(new Set()), service, spanFields('spanId parentSpanId name startOffsetMs durationMs statusCode'), graphql(TraceDocument.toString()),
      spanFields('spanId name attributes resourceAttributes events { name } links { spanId }')];
    const [rawMs, rawNarrowMs, serviceMs, waterfallMs, webMs, fullMs] = await timed(ids, ways).finally(() => client.close());
    for (const p of [50, 99]) {
      emit({ bench: 'otlp.trace_by_id_bulk', metric: `service_p${p}_ms`, value: pct(serviceMs, p), raw_engine: pct(rawMs, p), n: spans });
      emit({ bench: 'otlp.trace_by_id_bulk', metric: `graphql_waterfall_p${p}_ms`, value: pct(waterfallMs, p), raw_engine: pct(rawNarrowMs, p), n: spans });
      emit({ bench: 'otlp.trace_by_id_bulk', metric: `graphql_web_trace_page_p${p}_ms`, value: pct(webMs, p), raw_engine: pct(rawNarrowMs, p), n: spans });
      emit({ bench: 'otlp.trace_by_id_bulk', metric: `graphql_all_fields_p${p}_ms`, value: pct(fullMs, p), raw_engine: pct(rawMs, p), n: spans });
    }
    // An alert rule on rag-api's span latency p99 over the day before the newest span stored (its clock set there: a kept store's spans are days old).
    const [{ end_ms: endMs }] = await loom.services.analytics.query<{ end_ms: string }>('demo', 'SELECT toString(toUnixTimestamp64Milli(max(start_time))) AS end_ms FROM spans WHERE tenant_id = {tenant:String}');
    const now = Number(endMs) + 1000;
    const alerts = new AlertService(loom.services.graph, loom.services.analytics, () => undefined, async () => ['demo'], { now: () => now });
    await alertEvaluationBench(alerts, loom.services.analytics,
      { name: 'bench: rag-api p99', source: 'TRACES', service: 'rag-api', measure: 'LATENCY_P99_MS', llmOnly: false, op: 'GT', threshold: 0, windowSeconds: 86_400 },
      { bench: 'otlp.alert_evaluation_bulk', series: 1, n: spans, times: 20, nowMs: now }, emit);
  } finally {
    await closeWithin(loom);
  }
}

/** Loom's close was seen to hang right after a start (a start-up read racing the graph's close, fixed since); a bench must never hang. */
async function closeWithin(loom: { close(): Promise<void> }, ms = 15_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(() => {
    process.stderr.write(`loom did not close within ${ms} ms; going on (its writes are committed)\n`);
    resolve();
  }, ms)));
  await Promise.race([loom.close(), gaveUp]).finally(() => clearTimeout(timer));
}

/** Runs this file as `<step> <spans>` in a child process with `env`; resolves with the last line it printed. */
function inChild(step: 'schema' | 'load', spans: number, env: Record<string, string>): Promise<string> {
  return lastLineOfChild(import.meta.url, [step, String(spans)], `trace ${step}`, env);
}

async function loadInChild(spans: number, env: Record<string, string>): Promise<Loaded> {
  await inChild('schema', spans, env);
  return JSON.parse(await inChild('load', spans, env)) as Loaded;
}

async function childMain(step: string, spans: number): Promise<void> {
  const env = process.env as Record<string, string>;
  if (step === 'schema') return closeWithin(await startLoom(env)); // schema + demo tenant
  const cfg = loadConfig(env).analytics;
  if (cfg.engine !== 'chdb') throw new Error('the trace lookup bench loads the embedded chDB');
  process.stdout.write(`${JSON.stringify(await bulkLoad(cfg.path, cfg.database, spans, progress))}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  childMain(process.argv[2], Number(process.argv[3])).then(() => process.exit(0), (e: unknown) => {
    process.stderr.write(`trace ${process.argv[2]} failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
