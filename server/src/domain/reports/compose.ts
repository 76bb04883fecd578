/**
 * What a report says about a period [from, to): each section read from where Loom keeps it (ClickHouse
 * for lineage events, LLM spans, GPU minutes and feature checks; the graph for the registry and
 * alerts). Every list is cut at `TOP` entries and says how many there were.
 */
import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { TraceQueryService } from '../telemetry/trace-query.service.js';
import type { AlertService } from '../alerts/alerts.service.js';
import { toEvent } from '../registry/history.js';
import type { ReportSection } from './schedules.js';

/** Entries a list of a report holds (the count says how many there were). */
const TOP = 10;
/** Most registry events, model versions and alerts a report reads from the graph. */
const MAX_GRAPH_READ = 5_000;

export interface ReportContent {
  from: string;
  to: string;
  sections: ReportSection[];
  lineage?: {
    events: number; runs: number; completedRuns: number; failedRuns: number; abortedRuns: number; jobs: number; datasets: number;
    /** Jobs with failed or aborted runs in the period, most failures first. */
    failingJobs: { namespace: string; name: string; failedRuns: number; completedRuns: number }[];
    /** Datasets named by an event for the first time in the period (`namespace:name`). */
    newDatasets: { count: number; first: string[] };
  };
  quality?: {
    checks: number; failedChecks: number;
    /** Feature groups checked in the period, those whose latest check failed first. */
    groups: { id: string; name: string; checks: number; failedChecks: number; latestPassed: boolean }[];
  };
  models?: {
    registered: { count: number; first: { model: string; version: number; at: string }[] };
    stageChanges: { count: number; first: { model: string; version: number | null; from: string | null; to: string | null; at: string; actor: string | null }[] };
    /** Promotions refused (a gate failed, or the caller was not allowed), with why. */
    refused: { count: number; first: { model: string; version: number | null; to: string | null; at: string; reason: string }[] };
    aliasChanges: number;
  };
  llm?: {
    calls: number; inputTokens: number; outputTokens: number; costUsd: number;
    /** The same over the period before, for comparison. */
    previous: { calls: number; costUsd: number };
    byModel: { model: string; calls: number; totalTokens: number; costUsd: number; latencyP50Ms: number; latencyP99Ms: number }[];
  };
  gpu?: {
    gpuHours: number; gpus: number;
    /** GPU-hours (minutes a GPU reported utilisation) and mean utilisation, by Kubernetes namespace and pod. */
    byPod: { namespace: string; pod: string; gpus: number; gpuHours: number; meanUtilization: number | null }[];
  };
  alerts?: {
    fired: number; resolved: number; firingAtEnd: number;
    byRule: { rule: string; severity: string; fired: number }[];
  };
}

type Row = Record<string, any>;
const num = (v: unknown) => Number(v ?? 0);
const ms = (iso: string) => Date.parse(iso);
const inPeriod = (at: string | null | undefined, from: string, to: string) => !!at && at >= from && at < to;

export interface ComposeDeps {
  graph: GraphStore;
  analytics: Analytics;
  traces: TraceQueryService;
  alerts: AlertService;
  /** Resolves once the OpenLineage events answered so far are in the event archive (the lineage section reads it). */
  archived?: (tenant: string) => Promise<void>;
}

export async function composeReport(deps: ComposeDeps, tenant: string, from: string, to: string, sections: readonly ReportSection[]): Promise<ReportContent> {
  const out: ReportContent = { from, to, sections: [...sections] };
  const parts: Record<ReportSection, () => Promise<void>> = {
    LINEAGE: async () => {
      await deps.archived?.(tenant);
      out.lineage = await lineage(deps.analytics, tenant, from, to);
    },
    QUALITY: async () => { out.quality = await quality(deps, tenant, from, to); },
    MODELS: async () => { out.models = await models(deps.graph, tenant, from, to); },
    LLM: async () => { out.llm = await llm(deps.traces, tenant, from, to); },
    GPU: async () => { out.gpu = await gpu(deps.analytics, tenant, from, to); },
    ALERTS: async () => { out.alerts = await alerts(deps.alerts, tenant, from, to); },
  };
  await Promise.all(sections.map((s) => parts[s]()));
  return out;
}

const PERIOD = 'tenant_id = {tenant:String} AND event_time >= fromUnixTimestamp64Milli({from:Int64}) AND event_time < fromUnixTimestamp64Milli({to:Int64})';

async function lineage(analytics: Analytics, tenant: string, from: string, to: string): Promise<NonNullable<ReportContent['lineage']>> {
  const params = { from: ms(from), to: ms(to), top: TOP };
  const events = `SELECT run_id, job_namespace, job_name, datasets, JSONExtractString(body, 'eventType') AS et FROM lineage_events FINAL WHERE ${PERIOD}`;
  const [totals, jobs, fresh] = await Promise.all([
    analytics.query<Row>(tenant, `SELECT count() AS events, uniqExactIf(run_id, run_id != '') AS runs,
  uniqExactIf(run_id, et = 'COMPLETE') AS completed, uniqExactIf(run_id, et = 'FAIL') AS failed, uniqExactIf(run_id, et = 'ABORT') AS aborted,
  uniqExactIf((job_namespace, job_name), job_name != '') AS jobs, length(groupUniqArrayArray(datasets)) AS datasets
FROM (${events})`, params),
    analytics.query<Row>(tenant, `SELECT job_namespace, job_name, uniqExactIf(run_id, et IN ('FAIL', 'ABORT')) AS failed, uniqExactIf(run_id, et = 'COMPLETE') AS completed
FROM (${events}) WHERE job_name != ''
GROUP BY job_namespace, job_name HAVING failed > 0 ORDER BY failed DESC, job_namespace, job_name LIMIT {top:UInt32}`, params),
    // A dataset is new when no event before the period named it: the first time each dataset of the period was named at all.
    // Without FINAL (an event archived twice does not move a minimum): the section took 206 ms p50 over 1M events, 670 with it (bench/RESULTS.md, session 36).
    analytics.query<Row>(tenant, `SELECT count() AS n, arraySlice(groupArray(d), 1, {top:UInt32}) AS first FROM (
  SELECT d FROM lineage_events ARRAY JOIN datasets AS d
  WHERE tenant_id = {tenant:String} AND event_time < fromUnixTimestamp64Milli({to:Int64})
  GROUP BY d HAVING min(event_time) >= fromUnixTimestamp64Milli({from:Int64}) ORDER BY d)`, params),
  ]);
  const t = totals[0] ?? {};
  return {
    events: num(t.events), runs: num(t.runs), completedRuns: num(t.completed), failedRuns: num(t.failed), abortedRuns: num(t.aborted),
    jobs: num(t.jobs), datasets: num(t.datasets),
    failingJobs: jobs.map((r) => ({ namespace: r.job_namespace, name: r.job_name, failedRuns: num(r.failed), completedRuns: num(r.completed) })),
    newDatasets: { count: num(fresh[0]?.n), first: [...(fresh[0]?.first ?? [])] },
  };
}

async function quality(deps: ComposeDeps, tenant: string, from: string, to: string): Promise<NonNullable<ReportContent['quality']>> {
  const rows = await deps.analytics.query<Row>(tenant, `SELECT group_id, count() AS checks, countIf(NOT success) AS failed, argMax(success, validated_at) AS latest
FROM feature_validations FINAL
WHERE tenant_id = {tenant:String} AND validated_at >= fromUnixTimestamp64Milli({from:Int64}) AND validated_at < fromUnixTimestamp64Milli({to:Int64})
GROUP BY group_id ORDER BY latest ASC, failed DESC, group_id`, { from: ms(from), to: ms(to) });
  const nodes = await deps.graph.getNodes(tenant, rows.slice(0, TOP).map((r) => String(r.group_id)));
  return {
    checks: rows.reduce((a, r) => a + num(r.checks), 0),
    failedChecks: rows.reduce((a, r) => a + num(r.failed), 0),
    groups: rows.slice(0, TOP).map((r, i) => ({
      id: String(r.group_id), name: nodes[i] ? `${nodes[i]!.namespace}/${nodes[i]!.name}` : String(r.group_id),
      checks: num(r.checks), failedChecks: num(r.failed), latestPassed: r.latest === true || r.latest === 1 || r.latest === 'true',
    })),
  };
}

async function models(graph: GraphStore, tenant: string, from: string, to: string): Promise<NonNullable<ReportContent['models']>> {
  const [versions, events] = await Promise.all([
    graph.search(tenant, { text: '', kinds: ['ModelVersion'], limit: MAX_GRAPH_READ }),
    graph.search(tenant, { text: '', kinds: ['RegistryEvent'], limit: MAX_GRAPH_READ }),
  ]);
  const registered = versions
    .map((v) => ({ model: String(v.props.model ?? v.name.split('@')[0]), version: num(v.props.version), at: String(v.props.registeredAt ?? v.createdAt) }))
    .filter((v) => inPeriod(v.at, from, to))
    .sort((a, b) => b.at.localeCompare(a.at) || a.model.localeCompare(b.model));
  const happened = events.map(toEvent).filter((e) => e.subject === 'model' && inPeriod(e.at, from, to)).sort((a, b) => b.at.localeCompare(a.at) || b.seq - a.seq);
  const moves = happened.filter((e) => e.type === 'STAGE_TRANSITION' && e.outcome === 'APPLIED');
  const refused = happened.filter((e) => e.outcome === 'REJECTED');
  return {
    registered: { count: registered.length, first: registered.slice(0, TOP) },
    stageChanges: { count: moves.length, first: moves.slice(0, TOP).map((e) => ({ model: e.name, version: e.version, from: e.fromStage, to: e.toStage, at: e.at, actor: e.actor })) },
    refused: {
      count: refused.length,
      first: refused.slice(0, TOP).map((e) => ({ model: e.name, version: e.version, to: e.toStage ?? e.pointer, at: e.at, reason: e.rejection?.message ?? e.rejection?.code ?? 'refused' })),
    },
    aliasChanges: happened.filter((e) => (e.type === 'ALIAS_SET' || e.type === 'ALIAS_DELETED') && e.outcome === 'APPLIED').length,
  };
}

async function llm(traces: TraceQueryService, tenant: string, from: string, to: string): Promise<NonNullable<ReportContent['llm']>> {
  const length = ms(to) - ms(from);
  const bucket = Math.max(1, Math.round(length / 1000));
  const [now, before] = await Promise.all([
    traces.llmUsage(tenant, 'MODEL', bucket, from, to),
    traces.llmUsage(tenant, 'MODEL', bucket, new Date(ms(from) - length).toISOString(), from),
  ]);
  const sum = (rows: typeof now, k: 'calls' | 'inputTokens' | 'outputTokens' | 'costUsd') => rows.reduce((a, r) => a + r[k], 0);
  const byModel = [...now].sort((a, b) => b.costUsd - a.costUsd || b.calls - a.calls).slice(0, TOP).map((r) => ({
    model: r.model ?? '', calls: r.calls, totalTokens: r.totalTokens, costUsd: r.costUsd, latencyP50Ms: r.latencyP50Ms, latencyP99Ms: r.latencyP99Ms,
  }));
  return {
    calls: sum(now, 'calls'), inputTokens: sum(now, 'inputTokens'), outputTokens: sum(now, 'outputTokens'), costUsd: sum(now, 'costUsd'),
    previous: { calls: sum(before, 'calls'), costUsd: sum(before, 'costUsd') }, byModel,
  };
}

async function gpu(analytics: Analytics, tenant: string, from: string, to: string): Promise<NonNullable<ReportContent['gpu']>> {
  // One row per GPU and pod that reported utilisation in the period (the 1-minute rollup, kept 400 days), its
  // hours as a run's GPU-hours count them (telemetry/gpu-usage.ts): from its first to its last sample plus one
  // sampling interval. Counting the minutes with a sample instead said 2 GPU-hours where the run's page said
  // 2.46 for the demo's run, sampled every 75 s.
  const gpus = `SELECT namespace, pod, gpu_uuid, sum(sum) AS s, sum(count) AS c,
    if(c < 2, 0, dateDiff('millisecond', min(first_time), max(last_time)) / 1000 * c / (c - 1) / 3600) AS hours
  FROM gpu_metrics_1m
  WHERE tenant_id = {tenant:String} AND metric = 'utilization'
    AND minute >= toDateTime(intDiv({from:Int64}, 1000), 'UTC') AND minute < toDateTime(intDiv({to:Int64}, 1000), 'UTC')
  GROUP BY namespace, pod, gpu_uuid`;
  const params = { from: ms(from), to: ms(to), top: TOP };
  const [totals, pods] = await Promise.all([
    analytics.query<Row>(tenant, `SELECT sum(hours) AS hours, uniqExact(gpu_uuid) AS gpus FROM (${gpus})`, params),
    analytics.query<Row>(tenant, `SELECT namespace, pod, uniqExact(gpu_uuid) AS gpus, sum(hours) AS hours, if(sum(c) > 0, sum(s) / sum(c), NULL) AS util
FROM (${gpus}) GROUP BY namespace, pod ORDER BY hours DESC, namespace, pod LIMIT {top:UInt32}`, params),
  ]);
  return {
    gpuHours: num(totals[0]?.hours), gpus: num(totals[0]?.gpus),
    byPod: pods.map((r) => ({ namespace: r.namespace, pod: r.pod, gpus: num(r.gpus), gpuHours: num(r.hours), meanUtilization: r.util === null ? null : num(r.util) })),
  };
}

async function alerts(service: AlertService, tenant: string, from: string, to: string): Promise<NonNullable<ReportContent['alerts']>> {
  const all = await service.alerts(tenant, { states: ['FIRING', 'RESOLVED'], first: 1000 });
  const fired = all.filter((a) => inPeriod(a.firedAt, from, to));
  const byRule = new Map<string, { rule: string; severity: string; fired: number }>();
  for (const a of fired) {
    const r = byRule.get(a.ruleId) ?? { rule: a.ruleName, severity: a.severity, fired: 0 };
    r.fired++;
    byRule.set(a.ruleId, r);
  }
  return {
    fired: fired.length,
    resolved: all.filter((a) => a.state === 'RESOLVED' && inPeriod(a.closedAt, from, to)).length,
    // Fired by the end of the period and not closed by then.
    firingAtEnd: all.filter((a) => !!a.firedAt && a.firedAt < to && (!a.closedAt || a.closedAt >= to)).length,
    byRule: [...byRule.values()].sort((a, b) => b.fired - a.fired || a.rule.localeCompare(b.rule)).slice(0, TOP),
  };
}
