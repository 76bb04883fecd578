/**
 * The ClickHouse reads behind the GPU API, as pure builders (SQL text + parameters; the tenant is
 * always bound by Analytics.query as {tenant:String}). Output aliases never reuse a column name.
 */
import type { Sql } from './metrics-queries.js';
import type { SeriesSource } from './metrics-range.js';

/** Whose GPUs: the pods of a run (in one namespace), or one GPU by uuid. */
export type GpuScope = { namespace: string; pods: string[] } | { gpuUuid: string };

const ns = (name: string) => `fromUnixTimestamp64Nano({${name}:Int64})`;

function scopeWhere(scope: GpuScope): { cond: string; params: Record<string, unknown> } {
  if ('gpuUuid' in scope) return { cond: 'gpu_uuid = {gpu:String}', params: { gpu: scope.gpuUuid } };
  return { cond: 'namespace = {namespace:String} AND pod IN {pods:Array(String)}', params: { namespace: scope.namespace, pods: scope.pods } };
}

/**
 * Buckets of `stepSeconds` per (GPU, metric, namespace, pod): min, max, avg, count, last. Raw reads
 * deduplicate (FINAL); rollup reads merge the per-minute aggregates (of a range of whole minutes: resolveStep).
 */
export function gpuSeriesQuery(scope: GpuScope, metrics: string[], source: SeriesSource, fromNs: string, toNs: string, stepSeconds: number, limit: number): Sql {
  const s = scopeWhere(scope);
  const params = { ...s.params, metrics, fromNs, toNs, step: stepSeconds, limit };
  const rollup = source === 'ROLLUP_1M';
  const select = rollup
    ? `toUnixTimestamp(toStartOfInterval(minute, INTERVAL {step:UInt32} SECOND)) AS bucket,
  min(min) AS p_min, max(max) AS p_max, sum(sum) / sum(count) AS p_avg, sum(count) AS p_count, argMaxMerge(last) AS p_last`
    : `toUnixTimestamp(toStartOfInterval(toDateTime(time), INTERVAL {step:UInt32} SECOND)) AS bucket,
  min(value) AS p_min, max(value) AS p_max, avg(value) AS p_avg, count() AS p_count, argMax(value, time) AS p_last`;
  const time = rollup ? `minute >= ${ns('fromNs')} AND minute < ${ns('toNs')}` : `time >= ${ns('fromNs')} AND time < ${ns('toNs')}`;
  return {
    sql: `SELECT gpu_uuid, metric, namespace, pod, any(host) AS g_host, any(container) AS g_container, any(gpu_model) AS g_model, any(gpu_index) AS g_index,
  ${select}
FROM ${rollup ? 'gpu_metrics_1m' : 'gpu_metrics FINAL'}
WHERE tenant_id = {tenant:String} AND ${s.cond}
  AND metric IN {metrics:Array(String)} AND ${time}
GROUP BY gpu_uuid, metric, namespace, pod, bucket
ORDER BY gpu_uuid, metric, namespace, pod, bucket
LIMIT {limit:UInt32}`,
    params,
  };
}

/**
 * Per GPU and metric over [from, to): first and last sample time, sample count, sum, min and max.
 * `innerFromNs`/`innerToNs`: whole minutes read from the 1-minute rollup (equal when none; see
 * usageWindow), the rest from the raw points, so the window is exact.
 */
export function gpuUsageQuery(scope: GpuScope, fromNs: string, toNs: string, innerFromNs: string, innerToNs: string): Sql {
  const s = scopeWhere(scope);
  return {
    sql: `SELECT gpu_uuid, metric, any(u_host) AS g_host, any(u_model) AS g_model, any(u_pod) AS g_pod,
  toString(toUnixTimestamp64Nano(min(u_first))) AS first_ns, toString(toUnixTimestamp64Nano(max(u_last))) AS last_ns,
  sum(u_n) AS n, sum(u_sum) AS total, min(u_min) AS p_min, max(u_max) AS p_max
FROM (
  SELECT gpu_uuid, metric, CAST(any(host), 'String') AS u_host, CAST(any(gpu_model), 'String') AS u_model, any(pod) AS u_pod,
    min(first_time) AS u_first, max(last_time) AS u_last, sum(count) AS u_n, sum(sum) AS u_sum, min(min) AS u_min, max(max) AS u_max
  FROM gpu_metrics_1m
  WHERE tenant_id = {tenant:String} AND ${s.cond}
    AND minute >= ${ns('innerFromNs')} AND minute < ${ns('innerToNs')}
  GROUP BY gpu_uuid, metric
  UNION ALL
  SELECT gpu_uuid, metric, CAST(any(host), 'String'), CAST(any(gpu_model), 'String'), any(pod),
    min(time), max(time), count(), sum(value), min(value), max(value)
  FROM gpu_metrics FINAL
  WHERE tenant_id = {tenant:String} AND ${s.cond}
    AND ((time >= ${ns('fromNs')} AND time < ${ns('innerFromNs')}) OR (time >= ${ns('innerToNs')} AND time < ${ns('toNs')}))
  GROUP BY gpu_uuid, metric
)
GROUP BY gpu_uuid, metric
ORDER BY gpu_uuid, metric
LIMIT 100000`,
    params: { ...s.params, fromNs, toNs, innerFromNs, innerToNs },
  };
}

const MINUTE_MS = 60_000;

/**
 * Which part of a run's window [fromMs, toMs) `gpuUsageQuery` reads from the rollup: the whole minutes
 * before `rawFromMs` (the raw points' retention horizon; -Infinity while they are kept for ever), so
 * an old run is still answered once its raw points expired. Everything since comes from the raw
 * points, which are deduplicated: an exporter sending a batch again changes no figure (the rollup
 * counts each copy). Returns the rollup's part, [innerFrom, innerTo), empty (both `toMs`) when none.
 */
export function usageWindow(fromMs: number, toMs: number, rawFromMs: number): { innerFrom: number; innerTo: number } {
  const innerFrom = Math.ceil(fromMs / MINUTE_MS) * MINUTE_MS;
  const innerTo = Math.min(Math.floor(toMs / MINUTE_MS) * MINUTE_MS, Math.ceil(rawFromMs / MINUTE_MS) * MINUTE_MS);
  return innerFrom < innerTo ? { innerFrom, innerTo } : { innerFrom: toMs, innerTo: toMs };
}

/** The GPUs that reported in [from, to) (whole minutes, from the rollup): one row per GPU, most recently seen first. */
export function gpuInventoryQuery(fromNs: string, toNs: string, limit: number): Sql {
  return {
    sql: `SELECT gpu_uuid, CAST(any(host), 'String') AS g_host, CAST(any(gpu_model), 'String') AS g_model, CAST(any(gpu_index), 'String') AS g_index,
  groupUniqArray(50)(concat(namespace, '/', pod)) AS g_pods,
  toString(toUnixTimestamp64Nano(min(first_time))) AS first_ns, toString(toUnixTimestamp64Nano(max(last_time))) AS last_ns
FROM gpu_metrics_1m
WHERE tenant_id = {tenant:String} AND minute >= toStartOfMinute(${ns('fromNs')}) AND minute < ${ns('toNs')}
GROUP BY gpu_uuid
ORDER BY max(last_time) DESC, gpu_uuid
LIMIT {limit:UInt32}`,
    params: { fromNs, toNs, limit },
  };
}
