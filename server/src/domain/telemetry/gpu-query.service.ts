import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import { badInput, notFound } from '../errors.js';
import { runNodeId } from '../ids.js';
import { GPU_METRIC_NAMES, GPU_METRICS, type GpuMetricName } from './gpu.js';
import { runPlacement, type RunPlacement } from './gpu-placement.js';
import type { RunPods } from './run-pods.js';
import { gpuInventoryQuery, gpuSeriesQuery, gpuUsageQuery, usageWindow, type GpuScope } from './gpu-queries.js';
import { msToNs, parseTime, resolveStep, type RangeInput, type SeriesSource } from './metrics-range.js';
import { gpuUsage, type GpuUsageRow, type RunGpuUsage } from './gpu-usage.js';

export interface GpuPoint { time: string; min: number; max: number; avg: number; last: number; count: number }
export interface GpuSeries {
  gpuUuid: string; metric: GpuMetricName; unit: string; namespace: string; pod: string; container: string;
  host: string; model: string; gpuIndex: string; points: GpuPoint[];
}
export interface GpuSeriesResult {
  stepSeconds: number; source: SeriesSource; from: string; to: string; series: GpuSeries[]; truncated: boolean;
  /** For a run: where it ran (null when the run does not say). */
  placement: RunPlacement | null;
}
export interface GpuSeriesQuery extends RangeInput { metrics?: GpuMetricName[] }
/** A GPU seen in a time range, with the pods (`namespace/pod`, up to 50) that used it, and the runs known to have run in them then. */
export interface GpuDevice { gpuUuid: string; host: string; model: string; gpuIndex: string; pods: string[]; runs: GpuDeviceRun[]; firstSeen: string; lastSeen: string }
/** A run in one of a GPU's pods (`namespace/pod`), its window overlapping the GPU's samples. */
export interface GpuDeviceRun { runId: string; name: string; pod: string; startedAt: string | null; endedAt: string | null }
export interface RunGpuSummary extends RunGpuUsage { runId: string; placement: RunPlacement | null }

const MAX_ROWS = 200_000;
/** The most runs listed per GPU (its pods' runs in its range, newest first). */
const MAX_DEVICE_RUNS = 20;
const DAY_MS = 86_400_000;
type Row = Record<string, any>;

/** GPU series and usage, per run (through the pods it ran in) and per GPU. Tenant-scoped everywhere. */
export class GpuQueryService {
  /** `rawDays`: how long the analytics store keeps raw points (LOOM_METRIC_TTL_DAYS; 0: for ever). */
  constructor(private readonly graph: GraphStore, private readonly analytics: Analytics, private readonly runPods: RunPods, private readonly rawDays = 0) {}

  /** The GPU series of a run's pods within the run's window (narrowed by from/to). Unknown run: NOT_FOUND. */
  async runSeries(tenant: string, runId: string, q: GpuSeriesQuery = {}): Promise<GpuSeriesResult> {
    const placement = await this.placement(tenant, runId);
    const metrics = checkMetrics(q.metrics);
    const askedFrom = parseTime(q.from, 'from');
    const askedTo = parseTime(q.to, 'to');
    if (askedFrom !== undefined && askedTo !== undefined && askedTo <= askedFrom) throw badInput('to', 'must be after from');
    const runFrom = placement?.startedAt ? Date.parse(placement.startedAt) : undefined;
    const runTo = placement?.endedAt ? Date.parse(placement.endedAt) + 1 : Date.now(); // a sample at the end instant belongs to the run
    const toMs = Math.min(askedTo ?? runTo, runTo);
    const fromMs = Math.max(askedFrom ?? runFrom ?? toMs - DAY_MS, runFrom ?? -Infinity);
    if (!placement || toMs <= fromMs) {
      const step = q.step ?? 60;
      return { stepSeconds: step, source: step % 60 === 0 ? 'ROLLUP_1M' : 'RAW', from: iso(fromMs), to: iso(Math.max(toMs, fromMs)), series: [], truncated: false, placement };
    }
    return { ...(await this.read(tenant, { namespace: placement.namespace, pods: placement.pods }, metrics, fromMs, toMs, q)), placement };
  }

  /** The series of one GPU (by uuid), over [from, to) (default: the last hour). */
  async gpuSeries(tenant: string, gpuUuid: string, q: GpuSeriesQuery = {}): Promise<GpuSeriesResult> {
    if (typeof gpuUuid !== 'string' || !gpuUuid.trim()) throw badInput('gpuUuid', 'required');
    const metrics = checkMetrics(q.metrics);
    const toMs = parseTime(q.to, 'to') ?? Date.now();
    const fromMs = parseTime(q.from, 'from') ?? toMs - 3_600_000;
    return { ...(await this.read(tenant, { gpuUuid: gpuUuid.trim() }, metrics, fromMs, toMs, q)), placement: null };
  }

  /** The GPUs that reported in [from, to) (default: the last day), most recently seen first, at most `limit`. */
  async gpus(tenant: string, q: { from?: string; to?: string; limit?: number } = {}): Promise<GpuDevice[]> {
    const toMs = parseTime(q.to, 'to') ?? Date.now();
    const fromMs = parseTime(q.from, 'from') ?? toMs - DAY_MS;
    if (toMs <= fromMs) throw badInput('to', 'must be after from');
    const limit = q.limit ?? 500;
    if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw badInput('limit', 'must be 1..5000');
    const sql = gpuInventoryQuery(msToNs(fromMs), msToNs(toMs), limit);
    const rows = await this.analytics.query<Row>(tenant, sql.sql, sql.params);
    const devices = rows.map((r) => ({
      gpuUuid: r.gpu_uuid, host: r.g_host, model: r.g_model, gpuIndex: r.g_index, pods: [...(r.g_pods as string[])].sort(), runs: [],
      firstSeen: iso(nsToMs(r.first_ns)), lastSeen: iso(nsToMs(r.last_ns)),
    }));
    return this.withRuns(tenant, devices);
  }

  /**
   * Each GPU's runs: those that ran in its pods (runsInPods) whose window overlaps the GPU's first and
   * last sample, newest first, at most MAX_DEVICE_RUNS: a pod name a later run used again (a
   * StatefulSet's `trainer-0`) leads to the run of that time.
   */
  private async withRuns(tenant: string, devices: GpuDevice[]): Promise<GpuDevice[]> {
    const inPods = await this.runsInPods(tenant, [...new Set(devices.flatMap((d) => d.pods))]);
    if (!inPods.length) return devices;
    return devices.map((d) => {
      const pods = new Set(d.pods);
      const runs = inPods.filter((r) => pods.has(r.pod) && (!r.startedAt || r.startedAt <= d.lastSeen) && (!r.endedAt || r.endedAt >= d.firstSeen));
      return { ...d, runs: runs.slice(0, MAX_DEVICE_RUNS) };
    });
  }

  /**
   * The runs known to have run in `pods` (`namespace/pod`; run-pods.ts), each with its name and window
   * from its Run node, newest first (a run whose node is gone is left out). The GPU list and GPU alerts read it.
   */
  async runsInPods(tenant: string, pods: readonly string[]): Promise<GpuDeviceRun[]> {
    const inPods = await this.runPods.runsIn(tenant, pods);
    if (!inPods.length) return [];
    const ids = [...new Set(inPods.map((r) => r.runId))];
    const nodes = await this.graph.getNodes(tenant, ids.map((id) => runNodeId(id)));
    const runs = new Map(ids.flatMap((id, i) => {
      const node = nodes[i];
      if (!node || node.kind !== 'Run') return [];
      const p = runPlacement(node.props);
      // An experiment run's own name (tracking.service.ts `runName`), else the node's (a training request's name, an OpenLineage run's id)
      const name = typeof node.props.runName === 'string' ? node.props.runName : node.name;
      return [[id, { name, startedAt: p?.startedAt ?? null, endedAt: p?.endedAt ?? null }] as const];
    }));
    const found = inPods.flatMap((r) => {
      const run = runs.get(r.runId);
      return run ? [{ runId: r.runId, pod: `${r.namespace}/${r.pod}`, ...run }] : [];
    });
    return found.sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '') || a.runId.localeCompare(b.runId));
  }

  /** GPU-hours, mean utilisation, peak memory and power of a run's GPUs (see gpu-usage.ts). Unknown run: NOT_FOUND. */
  async runSummary(tenant: string, runId: string): Promise<RunGpuSummary> {
    const placement = await this.placement(tenant, runId);
    if (!placement) return { runId, placement, ...gpuUsage([]) };
    const fromMs = placement.startedAt ? Date.parse(placement.startedAt) : 0;
    const toMs = placement.endedAt ? Date.parse(placement.endedAt) + 1 : Date.now(); // a sample at the end instant belongs to the run
    const { innerFrom, innerTo } = usageWindow(fromMs, toMs, this.rawDays > 0 ? Date.now() - this.rawDays * DAY_MS : -Infinity);
    const q = gpuUsageQuery({ namespace: placement.namespace, pods: placement.pods }, msToNs(fromMs), msToNs(toMs), msToNs(innerFrom), msToNs(innerTo));
    const rows = await this.analytics.query<GpuUsageRow>(tenant, q.sql, q.params);
    return { runId, placement, ...gpuUsage(rows) };
  }

  private async placement(tenant: string, runId: string): Promise<RunPlacement | null> {
    if (typeof runId !== 'string' || !runId.trim()) throw badInput('runId', 'required');
    const id = runId.startsWith('run:') ? runId : runNodeId(runId);
    const [node] = await this.graph.getNodes(tenant, [id]);
    if (!node || node.kind !== 'Run') throw notFound(`run ${runId}`);
    return runPlacement(node.props);
  }

  private async read(tenant: string, scope: GpuScope, metrics: GpuMetricName[], fromMs: number, toMs: number, q: RangeInput) {
    const range = resolveStep(fromMs, toMs, q.step, q.maxPoints);
    const sql = gpuSeriesQuery(scope, metrics, range.source, msToNs(range.fromMs), msToNs(range.toMs), range.stepSeconds, MAX_ROWS + 1);
    const rows = await this.analytics.query<Row>(tenant, sql.sql, sql.params);
    const series = new Map<string, GpuSeries>();
    for (const r of rows.slice(0, MAX_ROWS)) {
      const key = `${r.gpu_uuid}\u0000${r.metric}\u0000${r.namespace}\u0000${r.pod}`;
      let s = series.get(key);
      if (!s) {
        const metric = r.metric as GpuMetricName;
        s = { gpuUuid: r.gpu_uuid, metric, unit: GPU_METRICS[metric] ?? '', namespace: r.namespace, pod: r.pod, container: r.g_container, host: r.g_host, model: r.g_model, gpuIndex: r.g_index, points: [] };
        series.set(key, s);
      }
      s.points.push({ time: iso(Number(r.bucket) * 1000), min: Number(r.p_min), max: Number(r.p_max), avg: Number(r.p_avg), last: Number(r.p_last), count: Number(r.p_count) });
    }
    return { stepSeconds: range.stepSeconds, source: range.source, from: iso(range.fromMs), to: iso(range.toMs), series: [...series.values()], truncated: rows.length > MAX_ROWS };
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
const nsToMs = (ns: string) => Number(BigInt(ns) / 1_000_000n);

function checkMetrics(metrics: GpuMetricName[] | undefined): GpuMetricName[] {
  if (metrics === undefined || metrics.length === 0) return GPU_METRIC_NAMES;
  metrics.forEach((m, i) => { if (!(m in GPU_METRICS)) throw badInput(`metrics[${i}]`, `unknown GPU metric; one of ${GPU_METRIC_NAMES.join(', ')}`); });
  return [...new Set(metrics)];
}
