/**
 * The ClickHouse read behind one evaluation of an alert rule, as a pure builder: one row per series
 * in the window [from, to), with its labels, its value and how many samples made it. The tenant is
 * bound by Analytics.query as {tenant:String}; every other value is a server-side parameter, and a
 * GPU or RUNS label names a column only after checkRule allowed it.
 *
 * Raw points (FINAL: an export retried is counted once), never the 1-minute rollup: a window of a
 * few minutes must see its last seconds.
 */
import type { Sql } from '../telemetry/metrics-queries.js';
import type { AlertAggregation, AlertRule, FeatureMeasure, RunMeasure, TraceMeasure } from './rules.js';

/** One series' value in the window. `a_labels` already holds every label that tells series apart. */
export interface SignalRow { a_key: string; a_labels: Record<string, string>; a_value: number; a_samples: number | string }

const ns = (name: string) => `fromUnixTimestamp64Nano({${name}:Int64})`;

const AGGREGATE: Record<AlertAggregation, string> = {
  AVG: 'avg(value)', MIN: 'min(value)', MAX: 'max(value)', LAST: 'argMax(value, time)', SUM: 'sum(value)',
};

const MEASURE: Record<TraceMeasure, string> = {
  ERROR_RATE: "countIf(status_code = 'ERROR') / count()",
  LATENCY_P50_MS: 'quantileTDigest(0.5)(duration_ns) / 1e6',
  LATENCY_P95_MS: 'quantileTDigest(0.95)(duration_ns) / 1e6',
  LATENCY_P99_MS: 'quantileTDigest(0.99)(duration_ns) / 1e6',
  COST_USD: 'sum(llm_cost_usd)',
  TOKENS: 'toFloat64(sum(llm_input_tokens + llm_output_tokens))',
  COUNT: 'toFloat64(count())',
};

/** The OpenLineage event type a RUNS measure counts runs of. */
const RUN_EVENT: Record<RunMeasure, string> = { FAILED_RUNS: 'FAIL', ABORTED_RUNS: 'ABORT', COMPLETED_RUNS: 'COMPLETE', STARTED_RUNS: 'START' };

/**
 * Series in the order that keeps the ones breaking the rule when more than `limit` are read: the
 * highest values first for GT/GTE, the lowest for LT/LTE.
 */
export function signalQuery(rule: AlertRule, fromNs: string, toNs: string, limit: number): Sql {
  const params: Record<string, unknown> = { fromNs, toNs, limit };
  const conds = ['tenant_id = {tenant:String}'];
  const order = `ORDER BY a_value ${rule.op === 'GT' || rule.op === 'GTE' ? 'DESC' : 'ASC'}, a_key`;
  /** One row per group: its key and labels, its value, its samples; the series nearest to breaking first. */
  const grouped = (keyAndLabels: string, value: string, from: string, groupBy: string): Sql => ({
    sql: `SELECT ${keyAndLabels},\n  ${value} AS a_value, count() AS a_samples\nFROM ${from}\nWHERE ${conds.join('\n  AND ')}\nGROUP BY ${groupBy}\n${order}\nLIMIT {limit:UInt32}`,
    params,
  });
  const byService = () => {
    if (!rule.service) return;
    conds.push('service_name = {service:String}');
    params.service = rule.service;
  };
  if (rule.source === 'RUNS') {
    // Every job with an event in the window is a series (0 when none of its runs had the counted event).
    conds.push(`event_time >= ${ns('fromNs')} AND event_time < ${ns('toNs')}`, "job_name != ''");
    rule.labels.forEach((l, i) => {
      conds.push(`${l.key} = {lv${i}:String}`);
      params[`lv${i}`] = l.value;
    });
    params.eventType = RUN_EVENT[rule.measure as RunMeasure];
    return grouped("concat(job_namespace, ' ', job_name) AS a_key, map('job_namespace', job_namespace, 'job_name', job_name) AS a_labels",
      "toFloat64(uniqExactIf(run_id, run_id != '' AND JSONExtractString(body, 'eventType') = {eventType:String}))", 'lineage_events', 'job_namespace, job_name');
  }
  if (rule.source === 'FEATURES') {
    // Values by event time (FINAL: a value written again counts once). FEATURE_VALUES is per group; the others per group and feature.
    conds.push(`event_time >= fromUnixTimestamp64Milli(intDiv({fromNs:Int64}, 1000000)) AND event_time < fromUnixTimestamp64Milli(intDiv({toNs:Int64}, 1000000))`);
    rule.labels.forEach((l, i) => {
      conds.push(`${l.key === 'group' ? 'group_id' : 'feature'} = {lv${i}:String}`);
      params[`lv${i}`] = l.value;
    });
    const measure = rule.measure as FeatureMeasure;
    if (measure === 'FEATURE_VALUES') return grouped("group_id AS a_key, map('group', group_id) AS a_labels", 'toFloat64(count())', 'feature_values FINAL', 'group_id');
    // Numeric values only (INT64, FLOAT64; BOOL as 0/1): a STRING's or a FLOAT_VECTOR's row holds 0 in `num` and `int`.
    // (The rows carry no type: a STRING value "" still reads as numeric.)
    if (measure === 'FEATURE_MEAN') conds.push("NOT is_null AND str = '' AND empty(vec)");
    return grouped("concat(group_id, '#', toString(feature)) AS a_key, map('group', group_id, 'feature', toString(feature)) AS a_labels",
      measure === 'FEATURE_NULL_RATE' ? 'countIf(is_null) / count()' : 'avg(num + toFloat64(int))', 'feature_values FINAL', 'group_id, feature');
  }
  if (rule.source === 'TRACES') {
    conds.push(`start_time >= ${ns('fromNs')} AND start_time < ${ns('toNs')}`);
    if (rule.llmOnly) conds.push('is_llm');
    byService();
    return grouped("toString(service_name) AS a_key, map('service.name', toString(service_name)) AS a_labels", MEASURE[rule.measure as TraceMeasure], 'spans FINAL', 'service_name');
  }
  conds.push(`time >= ${ns('fromNs')} AND time < ${ns('toNs')}`, 'isFinite(value)');
  rule.labels.forEach((l, i) => {
    conds.push(rule.source === 'GPU' ? `${l.key} = {lv${i}:String}` : `labels[{lk${i}:String}] = {lv${i}:String}`);
    Object.assign(params, { [`lk${i}`]: l.key, [`lv${i}`]: l.value });
  });
  const value = AGGREGATE[rule.aggregation ?? 'AVG'];
  if (rule.source === 'GPU') {
    conds.push('metric = {metric:String}');
    params.metric = rule.metric;
    return grouped(`concat(gpu_uuid, ' ', namespace, '/', pod) AS a_key,
  map('gpu_uuid', gpu_uuid, 'namespace', toString(namespace), 'pod', pod, 'host', CAST(any(host), 'String'),
      'container', CAST(any(container), 'String'), 'gpu_model', CAST(any(gpu_model), 'String')) AS a_labels`, value, 'gpu_metrics FINAL', 'gpu_uuid, namespace, pod');
  }
  conds.push('metric_name = {name:String}', "metric_type IN ('gauge', 'sum')");
  params.name = rule.metric;
  byService();
  return grouped(`toString(series_id) AS a_key,
  mapUpdate(CAST(any(labels), 'Map(String, String)'), map('service.name', toString(any(service_name)))) AS a_labels`, value, 'metric_points FINAL', 'series_id');
}
