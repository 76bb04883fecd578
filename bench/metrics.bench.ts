/**
 * OTLP metrics ingest: data points/s through POST /v1/metrics (protobuf, 2,048-point exports as a
 * Collector's batch processor sends DCGM scrapes, several exporters at once) and through
 * MetricsIngestService alone (no HTTP, no protobuf), beside the raw chDB insert rate of the same
 * rows (metric_points + gpu_metrics, 10,000-row INSERTs, rollup views included) in the same run;
 * rounds alternate. Then the reads: a run's GPU summary and series over everything stored, and one
 * evaluation of a GPU alert rule over the last hour.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchOptions, Emit } from './run.js';
import { pct } from './stats.js';
import { startLoom } from '../server/src/app/main.js';
import { runNodeId } from '../server/src/domain/ids.js';
import { metricsMessages } from '../ingest/otlp/otlp.proto.js';
import { decodeMetrics } from '../ingest/otlp/otlp.codec.js';
import { toMetricRows } from '../server/src/domain/telemetry/metrics-points.js';
import { DCGM_RESOURCE, attrs, dcgmLabels, msToNanos } from '../server/src/domain/telemetry/metrics-testkit.js';
import type { OtlpExportMetricsRequest } from '../server/src/domain/telemetry/otlp.types.js';
import { alertEvaluationBench } from './alert-eval.js';

export const name = 'metrics';
const KEY = 'bench-key-000000000000000000001';
const NODES = 8;
const GPUS_PER_NODE = 8;
const FIELDS = ['DCGM_FI_DEV_GPU_UTIL', 'DCGM_FI_DEV_FB_USED', 'DCGM_FI_DEV_FB_FREE', 'DCGM_FI_DEV_POWER_USAGE', 'DCGM_FI_DEV_GPU_TEMP', 'DCGM_FI_DEV_SM_CLOCK', 'DCGM_FI_PROF_SM_ACTIVE', 'DCGM_FI_PROF_DRAM_ACTIVE'];
const POINTS_PER_SCRAPE = NODES * GPUS_PER_NODE * FIELDS.length; // 512
const SCRAPES_PER_EXPORT = 4; // 2,048 points per export
const SCRAPE_S = 15;
const CLIENTS = 4;
const RAW_BATCH = 10_000;
const ROUNDS = 4;
const READS = 50;

const gpu = (n: number, g: number) => ({ uuid: `GPU-${String(n).padStart(4, '0')}-${String(g).padStart(4, '0')}`, index: String(g), host: `gpu-node-${n}`, namespace: 'ml', pod: `train-${n}` });

/** One export: `SCRAPES_PER_EXPORT` scrapes of every GPU on every node, as the Collector forwards them (OTLP/JSON form). */
function exportAt(t0Ms: number): OtlpExportMetricsRequest {
  const metrics = FIELDS.map((name, f) => ({
    name, unit: '', gauge: { dataPoints: Array.from({ length: SCRAPES_PER_EXPORT }, (_, s) => Array.from({ length: NODES * GPUS_PER_NODE }, (_, i) => ({
      timeUnixNano: msToNanos(t0Ms + s * SCRAPE_S * 1000), asDouble: (i * 7 + s * 13 + f) % 100,
      attributes: attrs(dcgmLabels(gpu(Math.floor(i / GPUS_PER_NODE), i % GPUS_PER_NODE))),
    }))).flat() },
  }));
  return { resourceMetrics: [{ resource: { attributes: attrs(DCGM_RESOURCE) }, scopeMetrics: [{ scope: { name: 'otelcol/prometheusreceiver' }, metrics }] }] };
}

/** The export as protobuf: JSON-form values into the generated message (ints as numbers, bytes none here). */
const encode = (req: OtlpExportMetricsRequest) => metricsMessages.ExportMetricsServiceRequest.encode({
  resourceMetrics: req.resourceMetrics!.map((rm) => ({ ...rm, scopeMetrics: rm.scopeMetrics!.map((sm) => ({ ...sm, metrics: sm.metrics!.map((m) => ({
    ...m, gauge: { dataPoints: m.gauge!.dataPoints!.map((p) => ({ ...p, timeUnixNano: Number(p.timeUnixNano) })) },
  })) })) })),
}).finish();

async function send(url: string, body: Uint8Array): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${url}/v1/metrics`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${KEY}` }, body: body as Uint8Array<ArrayBuffer> });
  const buf = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200 || buf.length) throw new Error(`/v1/metrics answered ${res.status} (${buf.length} bytes of partial success)`);
  return performance.now() - t;
}

export async function run(opts: BenchOptions, emit: Emit): Promise<void> {
  const exportsPerPath = Math.max(ROUNDS, Math.ceil(opts.nodes / (POINTS_PER_SCRAPE * SCRAPES_PER_EXPORT)));
  const points = exportsPerPath * POINTS_PER_SCRAPE * SCRAPES_PER_EXPORT;
  const dir = mkdtempSync(path.join(tmpdir(), 'loom-bench-metrics-'));
  const loom = await startLoom({ LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'warn', LOOM_ALERT_INTERVAL_SECONDS: 'off', LOOM_DEMO_KEY: KEY, LOOM_OTLP_MAX_CONCURRENT: String(CLIENTS * 2) });
  try {
    // Three paths, each over its own time range of the same shape (HTTP newest, service, raw oldest), so nothing collapses.
    const span = exportsPerPath * SCRAPES_PER_EXPORT * SCRAPE_S * 1000;
    const start = Date.now() - 3 * span - 60_000;
    const at = (path: number, i: number) => start + path * span + i * SCRAPES_PER_EXPORT * SCRAPE_S * 1000;
    const raws = Array.from({ length: exportsPerPath }, (_, i) => toMetricRows('demo', decodeMetrics(encode(exportAt(at(0, i))))));
    const rawPoints = raws.flatMap((b) => b.points);
    const rawGpu = raws.flatMap((b) => b.gpu);
    const direct = Array.from({ length: exportsPerPath }, (_, i) => exportAt(at(1, i)));
    const bodies = Array.from({ length: exportsPerPath }, (_, i) => encode(exportAt(at(2, i))));
    const lat: number[] = [];
    let rawMs = 0;
    let serviceMs = 0;
    let httpMs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const part = <T>(xs: T[]) => xs.slice(Math.floor((round * xs.length) / ROUNDS), Math.floor(((round + 1) * xs.length) / ROUNDS));
      let t = performance.now();
      const [p, g] = [part(rawPoints), part(rawGpu)];
      for (let i = 0; i < p.length; i += RAW_BATCH) {
        await Promise.all([loom.services.analytics.insert('metric_points', p.slice(i, i + RAW_BATCH)), loom.services.analytics.insert('gpu_metrics', g.slice(i, i + RAW_BATCH))]);
      }
      rawMs += performance.now() - t;
      const mine = part(direct);
      let next = 0;
      t = performance.now();
      await Promise.all(Array.from({ length: CLIENTS }, async () => {
        while (next < mine.length) await loom.services.metricsIngest.ingest('demo', mine[next++]);
      }));
      serviceMs += performance.now() - t;
      const http = part(bodies);
      next = 0;
      t = performance.now();
      await Promise.all(Array.from({ length: CLIENTS }, async () => {
        while (next < http.length) lat.push(await send(loom.url, http[next++]));
      }));
      httpMs += performance.now() - t;
      opts.progress('metrics', round + 1, ROUNDS, 'rounds');
    }
    const raw = rawPoints.length / (rawMs / 1000);
    emit({ bench: 'metrics.ingest', metric: 'http_points_per_s', value: points / (httpMs / 1000), raw_engine: raw, n: points });
    emit({ bench: 'metrics.ingest', metric: 'service_points_per_s', value: points / (serviceMs / 1000), raw_engine: raw, n: points });
    emit({ bench: 'metrics.ingest', metric: 'ack_p50_ms', value: pct(lat, 50), n: lat.length });
    emit({ bench: 'metrics.ingest', metric: 'ack_p99_ms', value: pct(lat, 99), n: lat.length });

    // Reads: a run on node 3's pod over the whole stored range (3 × points / NODES samples of 8 GPUs).
    await loom.services.graph.write('demo', { nodes: [{
      id: runNodeId('bench-run'), kind: 'Run', namespace: 'bench', name: 'bench-run',
      props: { runId: 'bench-run', 'k8s.namespace': 'ml', 'k8s.pod': 'train-3', 'at.START': new Date(start).toISOString() },
    }], edges: [] });
    const time = async (fn: () => Promise<unknown>) => {
      const xs: number[] = [];
      for (let i = 0; i < READS; i++) {
        const t = performance.now();
        await fn();
        xs.push(performance.now() - t);
      }
      return xs;
    };
    const summary = await time(() => loom.services.gpu.runSummary('demo', 'bench-run'));
    const check = await loom.services.gpu.runSummary('demo', 'bench-run');
    if (check.gpuCount !== GPUS_PER_NODE) throw new Error(`run summary found ${check.gpuCount} GPUs`);
    emit({ bench: 'metrics.run_gpu_summary', metric: 'p50_ms', value: pct(summary, 50), n: points * 3 });
    emit({ bench: 'metrics.run_gpu_summary', metric: 'p99_ms', value: pct(summary, 99), n: points * 3 });
    const series = await time(() => loom.services.gpu.runSeries('demo', 'bench-run', { metrics: ['utilization'], maxPoints: 500 }));
    emit({ bench: 'metrics.run_gpu_series', metric: 'p50_ms', value: pct(series, 50), n: points * 3 });
    emit({ bench: 'metrics.run_gpu_series', metric: 'p99_ms', value: pct(series, 99), n: points * 3 });

    // Alert evaluation: a GPU rule over the last hour (every GPU's utilisation: 64 series, each breaking it).
    await alertEvaluationBench(loom.services.alerts, loom.services.analytics,
      { name: 'bench: busy GPUs', source: 'GPU', metric: 'utilization', aggregation: 'AVG', op: 'GTE', threshold: 0, windowSeconds: 3600 },
      { bench: 'metrics.alert_evaluation', series: NODES * GPUS_PER_NODE, n: points * 3, times: READS }, emit);
  } finally {
    await loom.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
