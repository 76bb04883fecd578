/**
 * Registry benchmarks on a fresh Loom:
 * - metric logging: points/s through GraphQL `logBatch` (1,000 points per call as objects, and as
 *   columns with `series`; 4 concurrent clients), beside the raw insert rate of the same rows
 *   straight into the analytics store (`Analytics.insert`, JSONEachRow, same batches and
 *   concurrency) in the same run;
 * - registry reads on M models × 100 versions (M = --nodes / 100; the 10k × 100 is
 *   `--nodes 1000000`): latest Production version now and as of a past time, a version by alias as
 *   of a past time, p50/p99 through the service, through GraphQL over HTTP, and the same graph reads
 *   (node + neighbour page) on the bare engine. Seeded through the GraphStore port in bulk, with
 *   the node shapes the registry writes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchOptions, Emit } from './run.js';
import { startLoom, type RunningLoom } from '../server/src/app/main.js';
import type { WriteBatch } from '../server/src/domain/ports/GraphStore.js';
import type { EdgeInput, NodeInput } from '../server/src/domain/model.js';
import { REGISTRY_NAMESPACE, registeredModelId } from '../server/src/domain/ids.js';
import { eventNode, type EventDraft } from '../server/src/domain/registry/history.js';
import { modelVersionNode } from '../server/src/domain/registry/model-nodes.js';
import { openEngine } from '../server/src/graph/kuzu/engine.js';
import * as Q from '../server/src/graph/kuzu/queries.js';
import { storeKey } from '../server/src/graph/rows.js';
import { gql as gqlWith, pool } from './clients.js';

export const name = 'registry';

const KEY = 'bench-registry-key-000000000001';
const gql = (url: string, query: string, variables: Record<string, unknown>) => gqlWith(url, KEY, query, variables);
const TENANT = 'demo';
const VERSIONS = 100;
const QUERIES = 300;
const POINTS = 200_000;
const POINTS_PER_CALL = 1000;
const CLIENTS = 4;
const HOUR = 3_600_000;
const actor = { tenant: TENANT, role: 'admin' as const, name: 'bench' };

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const env = (dir: string) => ({ LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'silent', LOOM_DEMO_KEY: KEY, LOOM_GRAPHQL_IDE: 'false', LOOM_SEED_DEMO: 'true' });
const iso = (ms: number) => new Date(ms).toISOString();
const modelName = (m: number) => `model-${String(m).padStart(5, '0')}`;
/** Model m's timeline: version v registered at base + v hours; stage and alias moves after v90. */
const base = (m: number) => Date.UTC(2025, 0, 1) + m * 60_000;
const asOfMid = (m: number) => iso(base(m) + 93 * HOUR);

async function metricThroughput(opts: BenchOptions, emit: Emit): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'loom-bench-registry-'));
  const loom = await startLoom(env(dir));
  try {
    const calls = Array.from({ length: POINTS / POINTS_PER_CALL }, (_, c) => Array.from({ length: POINTS_PER_CALL }, (_, i) => {
      const step = c * POINTS_PER_CALL + i;
      return { key: `m${step % 8}`, value: Math.sin(step), step, timestamp: iso(Date.UTC(2026, 0, 1) + step) };
    }));
    const stored = async (runId: string) => {
      const [row] = await loom.services.analytics.query<{ n: string }>(TENANT, 'SELECT count() AS n FROM run_metrics WHERE tenant_id = {tenant:String} AND run_id = {r:String}', { r: runId });
      if (Number(row.n) !== POINTS) throw new Error(`expected ${POINTS} stored points for ${runId}, found ${row.n}`);
    };
    const pass = async (label: string, send: (runId: string, metrics: (typeof calls)[number]) => Promise<void>) => {
      const { createRun } = await gql(loom.url, 'mutation { createRun(input: {experiment: "bench"}) { runId } }', {});
      const lat: number[] = [];
      let done = 0;
      const ms = await pool(calls, CLIENTS, async (metrics) => {
        const t = performance.now();
        await send(createRun.runId, metrics);
        lat.push(performance.now() - t);
        opts.progress(label, (done += metrics.length), POINTS, 'points');
      });
      await stored(createRun.runId);
      return { perS: POINTS / (ms / 1000), lat };
    };
    const raw = await pass('registry.metrics.raw', (runId, metrics) =>
      loom.services.analytics.insert('run_metrics', metrics.map((m) => ({ tenant_id: TENANT, run_id: runId, key: m.key, step: m.step, ts: m.timestamp, value: m.value }))));
    const objects = await pass('registry.metrics.objects', async (runId, metrics) => {
      await gql(loom.url, 'mutation ($r: String!, $m: [MetricInput!]) { logBatch(runId: $r, metrics: $m) { metrics } }', { r: runId, m: metrics });
    });
    const series = await pass('registry.metrics.series', async (runId, metrics) => {
      const byKey = new Map<string, { key: string; values: number[]; steps: number[]; timestampsMs: number[] }>();
      for (const m of metrics) {
        const s = byKey.get(m.key) ?? { key: m.key, values: [], steps: [], timestampsMs: [] };
        s.values.push(m.value); s.steps.push(m.step); s.timestampsMs.push(Date.parse(m.timestamp));
        byKey.set(m.key, s);
      }
      await gql(loom.url, 'mutation ($r: String!, $s: [MetricSeriesInput!]) { logBatch(runId: $r, series: $s) { metrics } }', { r: runId, s: [...byKey.values()] });
    });
    for (const [bench, r] of [['registry.metrics.logBatch', objects], ['registry.metrics.logBatch.series', series]] as const) {
      emit({ bench, metric: 'points_per_s', value: r.perS, raw_engine: raw.perS, n: POINTS });
      emit({ bench, metric: 'ack_p50_ms', value: pct(r.lat, 50), raw_engine: pct(raw.lat, 50), n: r.lat.length });
      emit({ bench, metric: 'ack_p99_ms', value: pct(r.lat, 99), raw_engine: pct(raw.lat, 99), n: r.lat.length });
    }
  } finally {
    await loom.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One model as the registry stores it: model node, 100 versions, stage and alias history. */
function modelBatch(m: number): { nodes: NodeInput[]; edges: EdgeInput[] } {
  const name = modelName(m);
  const t = base(m);
  const nodes: NodeInput[] = [];
  const edges: EdgeInput[] = [];
  for (let v = 1; v <= VERSIONS; v++) {
    const at = iso(t + v * HOUR);
    const node = modelVersionNode(name, v, { modelUri: `s3://models/${name}/${v}`, flavor: 'sklearn', signature: null, description: null, runId: null }, at, actor);
    nodes.push(node);
    edges.push({ kind: 'HAS_VERSION', from: registeredModelId(name), to: node.id, validFrom: at });
  }
  const who = { actor: 'bench', role: 'admin', reason: null, outcome: 'APPLIED' as const };
  const history: [number, EventDraft][] = [
    [90.2, { ...who, type: 'STAGE_TRANSITION', version: 90, fromStage: 'None', toStage: 'Staging' }],
    [91, { ...who, type: 'STAGE_TRANSITION', version: 90, fromStage: 'Staging', toStage: 'Production' }],
    [91.1, { ...who, type: 'ALIAS_SET', version: 90, pointer: 'champion' }],
    [96, { ...who, type: 'STAGE_TRANSITION', version: 95, fromStage: 'None', toStage: 'Staging' }],
    [97, { ...who, type: 'STAGE_TRANSITION', version: 95, fromStage: 'Staging', toStage: 'Production' }],
    [97, { ...who, type: 'STAGE_TRANSITION', version: 90, fromStage: 'Production', toStage: 'Archived', cause: 5 }],
    [97.1, { ...who, type: 'ALIAS_SET', version: 95, pointer: 'champion', previousVersion: 90 }],
    [100.1, { ...who, type: 'ALIAS_SET', version: 100, pointer: 'challenger' }],
  ];
  history.forEach(([hours, draft], i) => {
    const e = eventNode('model', name, i + 1, iso(t + hours * HOUR), draft);
    nodes.push(e);
    edges.push({ kind: 'RECORDED', from: registeredModelId(name), to: e.id, validFrom: e.at });
  });
  const last = iso(t + 100.1 * HOUR);
  nodes.unshift({
    id: registeredModelId(name), kind: 'Model', namespace: REGISTRY_NAMESPACE, name, at: iso(t),
    props: { registeredAt: iso(t), registeredBy: { actor: 'bench', role: 'admin' }, latestVersion: VERSIONS, eventSeq: history.length, lastChangeAt: last, description: null },
  });
  return { nodes, edges };
}

async function seed(loom: RunningLoom, models: number, opts: BenchOptions): Promise<{ nodes: number; ms: number }> {
  const perBatch = 45; // ~5,000 nodes per write
  let nodes = 0;
  const t0 = performance.now();
  for (let m = 0; m < models; m += perBatch) {
    const batch: WriteBatch = { nodes: [], edges: [] };
    for (let i = m; i < Math.min(models, m + perBatch); i++) {
      const b = modelBatch(i);
      batch.nodes.push(...b.nodes);
      batch.edges.push(...b.edges);
    }
    await loom.services.graph.write(TENANT, batch);
    nodes += batch.nodes.length;
    opts.progress('registry.seed', Math.min(models, m + perBatch), models, `models (${nodes} nodes)`);
  }
  return { nodes, ms: performance.now() - t0 };
}

type Probe = (m: number) => Promise<void>;

async function timeProbe(label: string, models: number, opts: BenchOptions, probe: Probe): Promise<number[]> {
  let seedRng = 7;
  const pick = () => (seedRng = (seedRng * 48271) % 2147483647) % models;
  await probe(pick());
  const ms: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const m = pick();
    const t = performance.now();
    await probe(m);
    ms.push(performance.now() - t);
    if (i % 50 === 49) opts.progress(label, i + 1, QUERIES, 'queries');
  }
  return ms;
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`wrong answer: ${what}`);
}

async function registryQueries(opts: BenchOptions, emit: Emit): Promise<void> {
  const models = Math.max(10, Math.floor(opts.nodes / VERSIONS));
  const dir = mkdtempSync(path.join(tmpdir(), 'loom-bench-registry-'));
  try {
    const writer = await startLoom(env(dir));
    const seeded = await seed(writer, models, opts);
    await writer.close();
    emit({ bench: 'registry.seed', metric: 'nodes_per_s', value: seeded.nodes / (seeded.ms / 1000), n: seeded.nodes });
    const loom = await startLoom(env(dir));
    const svc = loom.services.registry.models;
    const LATEST = 'query ($n: String!, $a: DateTime) { latestModelVersions(name: $n, stages: [Production], asOf: $a) { version } }';
    const ALIAS = 'query ($n: String!, $a: DateTime) { modelVersion(name: $n, alias: "champion", asOf: $a) { version } }';
    const probes: [string, Probe][] = [
      ['latest.now.service', async (m) => { const v = await svc.require(TENANT, modelName(m)); check(svc.latestVersions(v, ['Production'])[0]?.version === 95, 'latest now'); }],
      ['latest.asOf.service', async (m) => { const v = await svc.require(TENANT, modelName(m), asOfMid(m)); check(svc.latestVersions(v, ['Production'])[0]?.version === 90, 'latest asOf'); }],
      ['latest.now.graphql', async (m) => check((await gql(loom.url, LATEST, { n: modelName(m) })).latestModelVersions[0].version === 95, 'gql latest now')],
      ['latest.asOf.graphql', async (m) => check((await gql(loom.url, LATEST, { n: modelName(m), a: asOfMid(m) })).latestModelVersions[0].version === 90, 'gql latest asOf')],
      ['alias.asOf.graphql', async (m) => check((await gql(loom.url, ALIAS, { n: modelName(m), a: asOfMid(m) })).modelVersion.version === 90, 'gql alias asOf')],
    ];
    const results = new Map<string, number[]>();
    try {
      for (const [label, probe] of probes) results.set(label, await timeProbe(`registry.${label}`, models, opts, probe));
    } finally {
      await loom.close();
    }
    const raw = await rawReads(dir, models, opts);
    for (const [label, ms] of results) {
      emit({ bench: `registry.${label}`, metric: 'p50_ms', value: pct(ms, 50), raw_engine: pct(raw, 50), n: ms.length });
      emit({ bench: `registry.${label}`, metric: 'p99_ms', value: pct(ms, 99), raw_engine: pct(raw, 99), n: ms.length });
    }
    emit({ bench: 'registry.models', metric: 'versions', value: models * VERSIONS, n: models });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The graph reads one registry query makes (model node, then its versions and history in one neighbour page), on the bare engine. */
async function rawReads(dir: string, models: number, opts: BenchOptions): Promise<number[]> {
  const engine = openEngine(path.join(dir, 'graph.kuzu'), 1024 * 1024 * 1024);
  try {
    const conn = engine.connect();
    const kinds = ['HAS_VERSION', 'RECORDED'];
    const probe: Probe = async (m) => {
      const key = storeKey(TENANT, registeredModelId(modelName(m)));
      await conn.run(Q.GET_NODE, { key });
      await conn.run(Q.neighbourCount('DOWNSTREAM'), { key, kinds });
      const rows = await conn.run(Q.neighbourPage('DOWNSTREAM'), { key, kinds, offset: 0, limit: 1000 });
      check(rows.length === VERSIONS + 8, 'raw neighbours');
    };
    await timeProbe('registry.raw.warmup', models, opts, probe); // Loom's probes ran on a cache the earlier probes warmed
    return await timeProbe('registry.raw', models, opts, probe);
  } finally {
    await engine.close();
  }
}

export async function run(opts: BenchOptions, emit: Emit): Promise<void> {
  await metricThroughput(opts, emit);
  await registryQueries(opts, emit);
}
