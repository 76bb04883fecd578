/**
 * The ClickHouse reads behind metric series, as pure builders (SQL text + parameters; the tenant is
 * always bound by Analytics.query as {tenant:String}). Every value is a server-side parameter.
 * Output aliases never reuse a column name (ClickHouse would resolve WHERE/aggregates to the alias).
 */
import type { SeriesSource } from './metrics-range.js';

export interface Sql { sql: string; params: Record<string, unknown> }

export interface SeriesFilter {
  name: string;
  /** label = value, all must match */
  labels: { key: string; value: string }[];
  service?: string;
  fromNs: string;
  toNs: string;
}

const ns = (name: string) => `fromUnixTimestamp64Nano({${name}:Int64})`;

function where(f: SeriesFilter, source: SeriesSource): { cond: string; params: Record<string, unknown> } {
  const conds = ['tenant_id = {tenant:String}', 'metric_name = {name:String}'];
  const params: Record<string, unknown> = { name: f.name, fromNs: f.fromNs, toNs: f.toNs };
  if (source === 'RAW') conds.push(`time >= ${ns('fromNs')} AND time < ${ns('toNs')}`);
  else conds.push(`minute >= ${ns('fromNs')} AND minute < ${ns('toNs')}`); // whole minutes (resolveStep)
  f.labels.forEach((l, i) => {
    conds.push(`labels[{lk${i}:String}] = {lv${i}:String}`);
    Object.assign(params, { [`lk${i}`]: l.key, [`lv${i}`]: l.value });
  });
  if (f.service) {
    conds.push('service_name = {service:String}');
    params.service = f.service;
  }
  return { cond: conds.join('\n  AND '), params };
}

/** The series of a metric that have points in the range (at most `limit`, by series id). */
export function seriesListQuery(f: SeriesFilter, source: SeriesSource, limit: number): Sql {
  const w = where(f, source);
  return {
    sql: `SELECT toString(series_id) AS id, toString(any(metric_type)) AS s_type, toString(any(temporality)) AS s_temporality,
  any(unit) AS s_unit, any(service_name) AS s_service, any(labels) AS s_labels
FROM ${source === 'RAW' ? 'metric_points' : 'metric_points_1m'}
WHERE ${w.cond}
GROUP BY series_id
ORDER BY series_id
LIMIT {limit:UInt32}`,
    params: { ...w.params, limit },
  };
}

/**
 * Buckets of `stepSeconds` for the given series: min, max, avg, count, last value. Raw reads
 * deduplicate (FINAL) and also merge explicit-bucket histograms (delta points add up, cumulative
 * ones keep the latest) and summaries (the latest point: quantiles cannot be added up). Exponential
 * histograms are merged by expHistogramQuery. Rollup reads merge the per-minute aggregates.
 */
export function seriesPointsQuery(f: SeriesFilter, source: SeriesSource, stepSeconds: number, seriesIds: string[], limit: number): Sql {
  const w = where(f, source);
  const params = { ...w.params, step: stepSeconds, ids: seriesIds, limit };
  if (source === 'ROLLUP_1M') {
    return {
      sql: `SELECT toString(series_id) AS id, toUnixTimestamp(toStartOfInterval(minute, INTERVAL {step:UInt32} SECOND)) AS bucket,
  min(min) AS p_min, max(max) AS p_max, sum(sum) / sum(count) AS p_avg, sum(count) AS p_count, argMaxMerge(last) AS p_last
FROM metric_points_1m
WHERE ${w.cond}
  AND series_id IN arrayMap(x -> toUInt64(x), {ids:Array(String)})
GROUP BY series_id, bucket
ORDER BY series_id, bucket
LIMIT {limit:UInt32}`,
      params,
    };
  }
  const delta = "any(temporality) = 'delta'";
  return {
    sql: `SELECT toString(series_id) AS id, toUnixTimestamp(toStartOfInterval(toDateTime(time), INTERVAL {step:UInt32} SECOND)) AS bucket,
  minIfOrNull(value, isFinite(value)) AS p_min, maxIfOrNull(value, isFinite(value)) AS p_max, avgIf(value, isFinite(value)) AS p_avg,
  count() AS p_count, argMax(value, time) AS p_last, any(metric_type) = 'histogram' AS is_histogram,
  if(${delta}, toString(sum(hist_count)), toString(argMax(hist_count, time))) AS h_count,
  if(${delta}, sumOrNull(hist_sum), argMax(hist_sum, time)) AS h_sum,
  min(hist_min) AS h_min, max(hist_max) AS h_max,
  if(${delta}, arrayMap(x -> toString(x), sumForEach(bucket_counts)), arrayMap(x -> toString(x), argMax(bucket_counts, time))) AS h_buckets,
  argMax(explicit_bounds, time) AS h_bounds,
  toString(any(metric_type)) AS p_type,
  argMaxIf(quantiles, time, metric_type = 'summary') AS s_quantiles, argMaxIf(quantile_values, time, metric_type = 'summary') AS s_values
FROM metric_points FINAL
WHERE ${w.cond}
  AND series_id IN arrayMap(x -> toUInt64(x), {ids:Array(String)})
GROUP BY series_id, bucket
ORDER BY series_id, bucket
LIMIT {limit:UInt32}`,
    params,
  };
}

/** Bucket index → count, summed over the points of a group (sumMap: keys ascending). */
const sparse = (side: 'positive' | 'negative') =>
  `sumMap(arrayMap(i -> toInt64(exp_${side}_offset) + i - 1, arrayEnumerate(exp_${side}_counts)), exp_${side}_counts)`;

/**
 * The exponential histograms of the given series per bucket of `stepSeconds`, one row per bucket and
 * scale: the points of a scale added up (counts, sums, zero counts; buckets by index), for delta
 * series, and the latest point (`c_*`), for cumulative ones, with its time (`t_last`) so that the
 * latest of a bucket's scales can be told. The service merges a bucket's scales (exp-histogram.ts).
 */
export function expHistogramQuery(f: SeriesFilter, stepSeconds: number, seriesIds: string[], limit: number): Sql {
  const w = where(f, 'RAW');
  const latest = (col: string) => `argMax(${col}, time)`;
  return {
    sql: `SELECT toString(series_id) AS id, toUnixTimestamp(toStartOfInterval(toDateTime(time), INTERVAL {step:UInt32} SECOND)) AS bucket,
  exp_scale AS e_scale, any(temporality) = 'delta' AS e_delta, toString(toUnixTimestamp64Nano(max(time))) AS t_last,
  min(hist_min) AS e_min, max(hist_max) AS e_max,
  toString(sum(hist_count)) AS d_count, sumOrNull(hist_sum) AS d_sum, countIf(hist_sum IS NULL) AS d_sums_unknown,
  toString(sum(exp_zero_count)) AS d_zero, max(exp_zero_threshold) AS d_threshold, ${sparse('positive')} AS d_positive, ${sparse('negative')} AS d_negative,
  toString(${latest('hist_count')}) AS c_count, ${latest('hist_sum')} AS c_sum, toString(${latest('exp_zero_count')}) AS c_zero,
  ${latest('exp_zero_threshold')} AS c_threshold, ${latest('exp_positive_offset')} AS c_pos_offset, arrayMap(x -> toString(x), ${latest('exp_positive_counts')}) AS c_pos,
  ${latest('exp_negative_offset')} AS c_neg_offset, arrayMap(x -> toString(x), ${latest('exp_negative_counts')}) AS c_neg
FROM metric_points FINAL
WHERE ${w.cond}
  AND series_id IN arrayMap(x -> toUInt64(x), {ids:Array(String)})
  AND metric_type = 'exponential_histogram'
GROUP BY series_id, bucket, exp_scale
ORDER BY series_id, bucket, exp_scale
LIMIT {limit:UInt32}`,
    params: { ...w.params, step: stepSeconds, ids: seriesIds, limit },
  };
}
