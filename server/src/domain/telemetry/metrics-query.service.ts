import type { Analytics } from '../ports/Analytics.js';
import { badInput } from '../errors.js';
import { msToNs, parseTime, resolveStep, type RangeInput, type SeriesSource } from './metrics-range.js';
import { expHistogramQuery, seriesListQuery, seriesPointsQuery, type SeriesFilter } from './metrics-queries.js';
import { mergeExpHistograms, type ExpHistogramPart, type ExpHistogramValue } from './exp-histogram.js';
import { explicitQuantile, exponentialQuantile } from './histogram-quantiles.js';

export interface HistogramValue { count: number; sum: number | null; min: number | null; max: number | null; explicitBounds: number[]; bucketCounts: number[] }
/** A quantile and its value (null: none, as a summary's NaN or a quantile it does not report). */
export interface QuantileValue { quantile: number; value: number | null }
/** A summary's latest point in a bucket. */
export interface SummaryValue { count: number; sum: number | null; quantiles: QuantileValue[] }
export interface SeriesPoint {
  time: string; min: number | null; max: number | null; avg: number | null; last: number | null; count: number;
  histogram: HistogramValue | null; exponentialHistogram: ExpHistogramValue | null; summary: SummaryValue | null;
  /** The quantiles asked for (SeriesQuery.quantiles) of a histogram's or summary's bucket; empty for gauges and sums. */
  quantiles: QuantileValue[];
}
export interface Series {
  id: string; name: string; type: string; temporality: string; unit: string; service: string;
  labels: Record<string, string>; points: SeriesPoint[];
}
export interface SeriesResult { stepSeconds: number; source: SeriesSource; from: string; to: string; series: Series[]; truncated: boolean }

export interface SeriesQuery extends RangeInput {
  name: string;
  labels?: { key: string; value: string }[];
  service?: string;
  /**
   * Quantiles (0..1) to estimate for each bucket of a histogram (from its buckets, interpolated inside
   * the one that holds the rank) or to read from a summary (its value for that quantile, if it has one).
   */
  quantiles?: number[];
}

export const MAX_SERIES = 200;
const MAX_LABEL_MATCHERS = 20;
const MAX_QUANTILES = 20;
const MAX_ROWS = 200_000;

type Row = Record<string, any>;
const num = (v: unknown): number | null => (v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v));

/** Read side of OTLP metrics: one metric's series over a range, downsampled. Tenant-scoped by Analytics.query. */
export class MetricsQueryService {
  constructor(private readonly analytics: Analytics) {}

  async series(tenant: string, q: SeriesQuery): Promise<SeriesResult> {
    if (typeof q.name !== 'string' || !q.name.trim()) throw badInput('name', 'required');
    const labels = q.labels ?? [];
    if (labels.length > MAX_LABEL_MATCHERS) throw badInput('labels', `at most ${MAX_LABEL_MATCHERS} matchers`);
    labels.forEach((l, i) => { if (!l.key) throw badInput(`labels[${i}].key`, 'required'); });
    const quantiles = q.quantiles ?? [];
    if (quantiles.length > MAX_QUANTILES) throw badInput('quantiles', `at most ${MAX_QUANTILES}`);
    quantiles.forEach((x, i) => { if (!(x >= 0 && x <= 1)) throw badInput(`quantiles[${i}]`, 'must be from 0 to 1'); });
    const toMs = parseTime(q.to, 'to') ?? Date.now();
    const fromMs = parseTime(q.from, 'from') ?? toMs - 3_600_000;
    const range = resolveStep(fromMs, toMs, q.step, q.maxPoints);
    const filter = (from: number, to: number): SeriesFilter => ({ name: q.name.trim(), labels, service: q.service || undefined, fromNs: msToNs(from), toNs: msToNs(to) });
    let [f, source, read] = [filter(range.fromMs, range.toMs), range.source, { fromMs: range.fromMs, toMs: range.toMs }];
    let list = await this.list(tenant, f, source);
    if (source === 'ROLLUP_1M' && !list.length) {
      // histograms and summaries are not rolled up: they are always read from the raw points (over the whole range)
      [f, source, read] = [filter(fromMs, toMs), 'RAW', { fromMs, toMs }];
      list = await this.list(tenant, f, source);
    }
    const kept = list.slice(0, MAX_SERIES);
    const base = { stepSeconds: range.stepSeconds, source, from: new Date(read.fromMs).toISOString(), to: new Date(read.toMs).toISOString() };
    if (!kept.length) return { ...base, series: [], truncated: false };
    const p = seriesPointsQuery(f, source, range.stepSeconds, kept.map((s) => s.id), MAX_ROWS + 1);
    const rows = await this.analytics.query<Row>(tenant, p.sql, p.params);
    const byId = new Map(kept.map((s) => [s.id, { ...s, name: f.name, points: [] as SeriesPoint[] }]));
    for (const r of rows.slice(0, MAX_ROWS)) byId.get(r.id)?.points.push(point(r));
    const exp = source === 'RAW' ? kept.filter((s) => s.type === 'exponential_histogram').map((s) => s.id) : [];
    const expTruncated = exp.length ? await this.addExpHistograms(tenant, f, range.stepSeconds, exp, byId) : false;
    if (quantiles.length) for (const s of byId.values()) for (const p of s.points) p.quantiles = quantilesOf(p, quantiles);
    return { ...base, series: [...byId.values()], truncated: list.length > MAX_SERIES || rows.length > MAX_ROWS || expTruncated };
  }

  /** Sets the exponential histogram of each point of the series `ids` (one row per bucket and scale); true when rows were left out. */
  private async addExpHistograms(tenant: string, f: SeriesFilter, step: number, ids: string[], byId: Map<string, { points: SeriesPoint[] }>): Promise<boolean> {
    const q = expHistogramQuery(f, step, ids, MAX_ROWS + 1);
    const rows = await this.analytics.query<Row>(tenant, q.sql, q.params);
    const groups = new Map<string, Row[]>();
    for (const r of rows.slice(0, MAX_ROWS)) {
      const key = `${r.id}\u0000${r.bucket}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const series of ids) {
      for (const p of byId.get(series)?.points ?? []) {
        const g = groups.get(`${series}\u0000${Date.parse(p.time) / 1000}`);
        if (g) p.exponentialHistogram = expHistogram(g);
      }
    }
    return rows.length > MAX_ROWS;
  }

  private async list(tenant: string, f: SeriesFilter, source: SeriesSource) {
    const q = seriesListQuery(f, source, MAX_SERIES + 1);
    const rows = await this.analytics.query<Row>(tenant, q.sql, q.params);
    return rows.map((r) => ({ id: r.id as string, type: r.s_type as string, temporality: r.s_temporality as string, unit: r.s_unit as string, service: r.s_service as string, labels: r.s_labels as Record<string, string> }));
  }
}

function point(r: Row): SeriesPoint {
  const histogram: HistogramValue | null = r.is_histogram ? {
    count: Number(r.h_count), sum: num(r.h_sum), min: num(r.h_min), max: num(r.h_max),
    explicitBounds: (r.h_bounds as unknown[]).map(Number), bucketCounts: (r.h_buckets as unknown[]).map(Number),
  } : null;
  const summary: SummaryValue | null = r.p_type === 'summary' ? {
    count: Number(r.h_count), sum: num(r.h_sum),
    quantiles: (r.s_quantiles as unknown[]).map((q, i) => ({ quantile: Number(q), value: num((r.s_values as unknown[])[i]) })),
  } : null;
  return {
    time: new Date(Number(r.bucket) * 1000).toISOString(),
    min: num(r.p_min), max: num(r.p_max), avg: num(r.p_avg), last: num(r.p_last), count: Number(r.p_count), histogram,
    exponentialHistogram: null, summary, quantiles: [],
  };
}

/** The quantiles `qs` of a point: estimated from a histogram's buckets, read from a summary; none for gauges and sums. */
function quantilesOf(p: SeriesPoint, qs: number[]): QuantileValue[] {
  const h = p.histogram;
  const e = p.exponentialHistogram;
  const s = p.summary;
  if (!h && !e && !s) return [];
  return qs.map((quantile) => ({
    quantile,
    value: h ? explicitQuantile(quantile, h) : e ? exponentialQuantile(quantile, e) : s!.quantiles.find((x) => x.quantile === quantile)?.value ?? null,
  }));
}

/** Sparse buckets from sumMap's (keys, values). */
const sparseBuckets = ([keys, values]: [unknown[], unknown[]]) => new Map(keys.map((k, i) => [Number(k), Number(values[i])]));
/** Dense counts from an offset → sparse buckets. */
const denseBuckets = (offset: unknown, counts: unknown[]) => new Map(counts.map((c, i) => [Number(offset) + i, Number(c)]));

/**
 * One bucket's exponential histogram from its rows (one a scale): a delta series' rows added up, a
 * cumulative series' latest point.
 */
function expHistogram(rows: Row[]): ExpHistogramValue {
  if (!rows[0].e_delta) {
    const r = rows.reduce((a, b) => (BigInt(b.t_last) > BigInt(a.t_last) ? b : a));
    return mergeExpHistograms([{
      count: Number(r.c_count), sum: num(r.c_sum), min: num(r.e_min), max: num(r.e_max), scale: Number(r.e_scale),
      zeroCount: Number(r.c_zero), zeroThreshold: Number(r.c_threshold), positive: denseBuckets(r.c_pos_offset, r.c_pos), negative: denseBuckets(r.c_neg_offset, r.c_neg),
    }], Infinity);
  }
  return mergeExpHistograms(rows.map((r): ExpHistogramPart => ({
    count: Number(r.d_count), sum: Number(r.d_sums_unknown) ? null : num(r.d_sum), min: num(r.e_min), max: num(r.e_max), scale: Number(r.e_scale),
    zeroCount: Number(r.d_zero), zeroThreshold: Number(r.d_threshold), positive: sparseBuckets(r.d_positive), negative: sparseBuckets(r.d_negative),
  })));
}
