import type { Analytics } from '../ports/Analytics.js';
import { badInput } from '../errors.js';
import { msToNs, parseTime, resolveStep, type RangeInput, type SeriesSource } from './metrics-range.js';
import { seriesListQuery, seriesPointsQuery, type SeriesFilter } from './metrics-queries.js';

export interface HistogramValue { count: number; sum: number | null; min: number | null; max: number | null; explicitBounds: number[]; bucketCounts: number[] }
export interface SeriesPoint { time: string; min: number | null; max: number | null; avg: number | null; last: number | null; count: number; histogram: HistogramValue | null }
export interface Series {
  id: string; name: string; type: string; temporality: string; unit: string; service: string;
  labels: Record<string, string>; points: SeriesPoint[];
}
export interface SeriesResult { stepSeconds: number; source: SeriesSource; from: string; to: string; series: Series[]; truncated: boolean }

export interface SeriesQuery extends RangeInput {
  name: string;
  labels?: { key: string; value: string }[];
  service?: string;
}

export const MAX_SERIES = 200;
const MAX_LABEL_MATCHERS = 20;
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
    const toMs = parseTime(q.to, 'to') ?? Date.now();
    const fromMs = parseTime(q.from, 'from') ?? toMs - 3_600_000;
    const range = resolveStep(fromMs, toMs, q.step, q.maxPoints);
    const f: SeriesFilter = { name: q.name.trim(), labels, service: q.service || undefined, fromNs: msToNs(fromMs), toNs: msToNs(toMs) };
    let source = range.source;
    let list = await this.list(tenant, f, source);
    if (source === 'ROLLUP_1M' && !list.length) {
      source = 'RAW'; // histograms are not rolled up: they are always read from the raw points
      list = await this.list(tenant, f, source);
    }
    const kept = list.slice(0, MAX_SERIES);
    const base = { stepSeconds: range.stepSeconds, source, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
    if (!kept.length) return { ...base, series: [], truncated: false };
    const p = seriesPointsQuery(f, source, range.stepSeconds, kept.map((s) => s.id), MAX_ROWS + 1);
    const rows = await this.analytics.query<Row>(tenant, p.sql, p.params);
    const byId = new Map(kept.map((s) => [s.id, { ...s, name: f.name, points: [] as SeriesPoint[] }]));
    for (const r of rows.slice(0, MAX_ROWS)) byId.get(r.id)?.points.push(point(r));
    return { ...base, series: [...byId.values()], truncated: list.length > MAX_SERIES || rows.length > MAX_ROWS };
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
  return {
    time: new Date(Number(r.bucket) * 1000).toISOString(),
    min: num(r.p_min), max: num(r.p_max), avg: num(r.p_avg), last: num(r.p_last), count: Number(r.p_count), histogram,
  };
}
