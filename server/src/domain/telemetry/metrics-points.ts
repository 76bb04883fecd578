/**
 * OTLP/JSON metric requests → rows of `metric_points` and, for GPU metrics, of `gpu_metrics`
 * (schema/clickhouse/003_metrics.sql, 006_metric_kinds.sql): gauges, sums, explicit-bucket and
 * exponential histograms, summaries. A data point that cannot be stored (no time, no value, a
 * non-finite value, an inconsistent histogram) is rejected alone and
 * counted, as the OTLP spec's partial success asks; a body that is not a metrics request at all is
 * a BAD_USER_INPUT. Points flagged "no recorded value" (Prometheus staleness markers) carry nothing
 * to store: they are skipped, not rejected.
 */
import { badInput } from '../errors.js';
import { anyValue, attrText, readAttrs, str } from './attributes.js';
import { gpuSample } from './gpu.js';
import type {
  OtlpExpHistogramDataPoint, OtlpExportMetricsRequest, OtlpHistogramDataPoint, OtlpInt64, OtlpKeyValue, OtlpMetric, OtlpNumberDataPoint,
  OtlpSummaryDataPoint,
} from './otlp.types.js';
import { AHEAD_REASON, expiresBeforeNs, latestNs, MAX_NS, MIN_NS } from './time-bounds.js';

export type MetricType = 'gauge' | 'sum' | 'histogram' | 'exponential_histogram' | 'summary';

/**
 * A Float64 that JSON cannot carry (NaN, ±Infinity) as the text ClickHouse reads for it: JSON.stringify
 * would write null, which the INSERT stores as the column's default, 0.
 */
export type StoredDouble = number | 'nan' | 'inf' | '-inf';
const stored = (v: number): StoredDouble => (Number.isFinite(v) ? v : Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf');

export type MetricPointRow = {
  tenant_id: string; metric_name: string; metric_type: MetricType;
  /** 0 unspecified, 1 delta, 2 cumulative */
  temporality: number; is_monotonic: boolean; unit: string; service_name: string;
  /** resource attributes overlaid with point attributes, keys sorted */
  labels: Record<string, string>;
  /** Unix nanoseconds as decimal text; start 0 (the epoch) when the point has none */
  start_time: string | 0; time: string;
  /** a gauge or sum point's number; for the other kinds the mean observation (sum / count), nan when unknown */
  value: StoredDouble;
  hist_count: string; hist_sum: number | null; hist_min: number | null; hist_max: number | null;
  bucket_counts: string[]; explicit_bounds: number[];
} & Partial<ExpColumns & SummaryColumns>;

/** The columns of an exponential histogram point (only its rows carry them: the others take the defaults). */
interface ExpColumns {
  exp_scale: number; exp_zero_count: string; exp_zero_threshold: number;
  exp_positive_offset: number; exp_positive_counts: string[]; exp_negative_offset: number; exp_negative_counts: string[];
}
/** The columns of a summary point: quantiles ascending, each with its value. */
interface SummaryColumns { quantiles: number[]; quantile_values: StoredDouble[] }

export type GpuMetricRow = {
  tenant_id: string; namespace: string; pod: string; container: string; host: string;
  gpu_uuid: string; gpu_index: string; gpu_model: string; metric: string; source_metric: string;
  time: string; value: number;
};

/**
 * `rollupOnly`: gauge and sum points older than the raw points' retention, accepted because the
 * 1-minute rollup (kept longer) still holds them; the raw table drops them at once.
 */
export interface MetricBatch { points: MetricPointRow[]; gpu: GpuMetricRow[]; rejected: number; skipped: number; rollupOnly: number; errors: string[] }

/**
 * How long metric points are kept (days, 0 for ever; the settings of the same names): raw points
 * `rawDays`, the 1-minute rollup of gauges and sums `rollupDays`. Histograms and summaries have no rollup. A point
 * that no table would keep is refused instead of answered as stored. `now`: Loom's clock (epoch ms),
 * for the retention and for times too far ahead of it (time-bounds.ts).
 */
export interface MetricRetention { rawDays: number; rollupDays: number; now?: number }

/**
 * The times accepted: not after `latest`; points before `rawBefore` / `rollupBefore` (Unix ns, null:
 * kept for ever) are past each retention.
 */
interface Bounds { latest: bigint; rawBefore: bigint | null; rollupBefore: bigint | null; raw: string; rollup: string }

function boundsOf({ rawDays, rollupDays, now = Date.now() }: MetricRetention): Bounds {
  return {
    latest: latestNs(now), rawBefore: expiresBeforeNs(now, rawDays), rollupBefore: expiresBeforeNs(now, rollupDays),
    raw: `the raw-point retention (${rawDays} days, LOOM_METRIC_TTL_DAYS)`,
    rollup: `the 1-minute rollup's retention (${rollupDays} days, LOOM_METRIC_ROLLUP_TTL_DAYS)`,
  };
}
const MAX_ERRORS = 5;
const NO_RECORDED_VALUE = 1;

type Reason = { field: string; reason: string };

function nanos(v: OtlpInt64 | undefined): bigint | null {
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : null;
  if (typeof v !== 'string' || !/^\d{1,20}$/.test(v)) return null;
  return BigInt(v);
}

/** The point's time (required) and start time (optional: 0 when absent or unusable). */
function times(p: { timeUnixNano?: OtlpInt64; startTimeUnixNano?: OtlpInt64 }): { ns: bigint; time: string; start: string | 0 } | Reason {
  const t = nanos(p.timeUnixNano);
  if (t === null || t < MIN_NS || t >= MAX_NS) return { field: 'timeUnixNano', reason: 'must be Unix nanoseconds after 2000-01-01' };
  const s = nanos(p.startTimeUnixNano);
  return { ns: t, time: t.toString(), start: s !== null && s >= MIN_NS && s <= t ? s.toString() : 0 };
}

/**
 * A point time too far ahead, or past what every table keeps → why it is refused; one past the raw
 * retention alone (a gauge or sum, which the rollup keeps longer) is counted in `out.rollupOnly` and
 * accepted.
 */
function outOfBounds(ctx: Ctx, ns: bigint, rolledUp: boolean): Reason | null {
  const b = ctx.bounds;
  if (ns > b.latest) return { field: 'timeUnixNano', reason: AHEAD_REASON };
  const pastRaw = b.rawBefore !== null && ns < b.rawBefore;
  if (!rolledUp) return pastRaw ? { field: 'timeUnixNano', reason: `older than ${b.raw}, and only gauges and sums are rolled up: it would be dropped at once` } : null;
  if (b.rollupBefore !== null && ns < b.rollupBefore) return { field: 'timeUnixNano', reason: `older than ${b.rollup}: it would be dropped at once` };
  if (pastRaw) ctx.out.rollupOnly++;
  return null;
}

/** A double in the JSON mapping: a number, or "NaN"/"Infinity"/"-Infinity"/numeric text. */
function double(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return undefined;
}

/** An int64 as a number (NaN when it is not an integer); exact up to 2^53, as Float64 storage is. */
function int64(v: OtlpInt64): number {
  if (typeof v === 'number') return Number.isInteger(v) ? v : NaN;
  return typeof v === 'string' && /^-?\d{1,20}$/.test(v) ? Number(v) : NaN;
}

const UINT64_MAX = 2n ** 64n - 1n;

/** A uint64 count (absent: 0), or null when it is not one: negative, fractional or past 2^64 - 1 (the store's UInt64). */
function uint(v: OtlpInt64 | undefined): bigint | null {
  if (v === undefined) return 0n;
  const n = nanos(v);
  return n !== null && n >= 0n && n <= UINT64_MAX && (typeof v !== 'number' || Number.isInteger(v)) ? n : null;
}

interface Ctx {
  tenant: string; service: string; resource: Record<string, string>; resourceKeys: string[];
  metric: OtlpMetric; name: string; unit: string; bounds: Bounds; out: MetricBatch;
}

function numberRow(ctx: Ctx, type: 'gauge' | 'sum', p: OtlpNumberDataPoint, temporality: number, monotonic: boolean, labels: Record<string, string>): MetricPointRow | Reason {
  const t = times(p);
  if ('reason' in t) return t;
  let value: number | undefined;
  if (p.asDouble !== undefined) value = double(p.asDouble);
  else if (p.asInt !== undefined) value = int64(p.asInt);
  if (value === undefined) return { field: 'value', reason: 'required: asDouble or asInt' };
  if (!Number.isFinite(value)) return p.asDouble !== undefined ? { field: 'asDouble', reason: 'must be a finite number' } : { field: 'asInt', reason: 'must be a 64-bit integer' };
  const refused = outOfBounds(ctx, t.ns, true);
  if (refused) return refused;
  return {
    tenant_id: ctx.tenant, metric_name: ctx.name, metric_type: type, temporality, is_monotonic: monotonic, unit: ctx.unit,
    service_name: ctx.service, labels, start_time: t.start, time: t.time, value,
    hist_count: '0', hist_sum: null, hist_min: null, hist_max: null, bucket_counts: [], explicit_bounds: [],
  };
}

/** The parts every distribution point has (time, count, optional sum/min/max), checked; the row without its own columns. */
function distribution(
  ctx: Ctx, p: { timeUnixNano?: OtlpInt64; startTimeUnixNano?: OtlpInt64; count?: OtlpInt64; sum?: unknown; min?: unknown; max?: unknown },
  type: Exclude<MetricType, 'gauge' | 'sum'>, temporality: number, labels: Record<string, string>,
): { row: MetricPointRow; check: (counted: bigint, what: string) => Reason | null } | Reason {
  const t = times(p);
  if ('reason' in t) return t;
  const count = uint(p.count);
  if (count === null) return { field: 'count', reason: 'must be a non-negative integer' };
  const opt = (v: unknown, field: string): number | null | Reason => {
    const d = double(v);
    if (d === undefined) return null;
    return Number.isFinite(d) ? d : { field, reason: 'must be a finite number' };
  };
  const [sum, min, max] = [opt(p.sum, 'sum'), opt(p.min, 'min'), opt(p.max, 'max')];
  for (const x of [sum, min, max]) if (x !== null && typeof x === 'object') return x;
  const refused = outOfBounds(ctx, t.ns, false);
  if (refused) return refused;
  const s = sum as number | null;
  const row: MetricPointRow = {
    tenant_id: ctx.tenant, metric_name: ctx.name, metric_type: type, temporality, is_monotonic: false, unit: ctx.unit,
    service_name: ctx.service, labels, start_time: t.start, time: t.time,
    value: stored(s !== null && count > 0n ? s / Number(count) : NaN),
    hist_count: count.toString(), hist_sum: s, hist_min: min as number | null, hist_max: max as number | null,
    bucket_counts: [], explicit_bounds: [],
  };
  return { row, check: (counted, what) => (counted === count ? null : { field: 'count', reason: `must equal ${what}` }) };
}

/** Non-negative integer counts, or the first bad one's reason. */
function counts(values: unknown, field: string): bigint[] | Reason {
  if (values !== undefined && values !== null && !Array.isArray(values)) return { field, reason: 'must be an array' };
  const out = ((values ?? []) as OtlpInt64[]).map((c) => uint(c));
  const bad = out.findIndex((c) => c === null);
  return bad >= 0 ? { field: `${field}[${bad}]`, reason: 'must be a non-negative integer' } : (out as bigint[]);
}
const total = (cs: bigint[]) => cs.reduce((a, c) => a + c, 0n);

function histogramRow(ctx: Ctx, p: OtlpHistogramDataPoint, temporality: number, labels: Record<string, string>): MetricPointRow | Reason {
  const d = distribution(ctx, p, 'histogram', temporality, labels);
  if ('reason' in d) return d;
  const buckets = counts(p.bucketCounts, 'bucketCounts');
  if ('reason' in buckets) return buckets;
  if (p.explicitBounds !== undefined && p.explicitBounds !== null && !Array.isArray(p.explicitBounds)) return { field: 'explicitBounds', reason: 'must be an array' };
  const bounds = (p.explicitBounds ?? []).map(double);
  if (bounds.some((b, i) => b === undefined || !Number.isFinite(b) || (i > 0 && b <= bounds[i - 1]!))) {
    return { field: 'explicitBounds', reason: 'must be finite and strictly increasing' };
  }
  if (buckets.length && buckets.length !== bounds.length + 1) return { field: 'bucketCounts', reason: 'must have one more entry than explicitBounds' };
  const wrong = buckets.length ? d.check(total(buckets), 'the sum of bucketCounts') : null;
  if (wrong) return wrong;
  return { ...d.row, bucket_counts: buckets.map(String), explicit_bounds: bounds as number[] };
}

/** The scales OTel defines for base-2 exponential histograms. */
const MIN_SCALE = -10;
const MAX_SCALE = 20;
const INT32 = 2 ** 31;

function expBuckets(b: unknown, field: string): { offset: number; counts: bigint[] } | Reason {
  if (b === undefined || b === null) return { offset: 0, counts: [] };
  if (typeof b !== 'object' || Array.isArray(b)) return { field, reason: 'must be an object' };
  const { offset = 0, bucketCounts } = b as { offset?: unknown; bucketCounts?: unknown };
  if (!Number.isInteger(offset) || (offset as number) < -INT32 || (offset as number) >= INT32) return { field: `${field}.offset`, reason: 'must be a 32-bit integer' };
  const cs = counts(bucketCounts, `${field}.bucketCounts`);
  return 'reason' in cs ? cs : { offset: offset as number, counts: cs };
}

function expHistogramRow(ctx: Ctx, p: OtlpExpHistogramDataPoint, temporality: number, labels: Record<string, string>): MetricPointRow | Reason {
  const d = distribution(ctx, p, 'exponential_histogram', temporality, labels);
  if ('reason' in d) return d;
  const scale = p.scale ?? 0;
  if (!Number.isInteger(scale) || scale < MIN_SCALE || scale > MAX_SCALE) return { field: 'scale', reason: `must be an integer from ${MIN_SCALE} to ${MAX_SCALE}` };
  const zero = uint(p.zeroCount);
  if (zero === null) return { field: 'zeroCount', reason: 'must be a non-negative integer' };
  const threshold = double(p.zeroThreshold) ?? 0;
  if (!Number.isFinite(threshold) || threshold < 0) return { field: 'zeroThreshold', reason: 'must be a finite number, 0 or more' };
  const pos = expBuckets(p.positive, 'positive');
  if ('reason' in pos) return pos;
  const neg = expBuckets(p.negative, 'negative');
  if ('reason' in neg) return neg;
  const wrong = d.check(zero + total(pos.counts) + total(neg.counts), 'zeroCount plus the positive and negative bucketCounts');
  if (wrong) return wrong;
  return {
    ...d.row, exp_scale: scale, exp_zero_count: zero.toString(), exp_zero_threshold: threshold,
    exp_positive_offset: pos.offset, exp_positive_counts: pos.counts.map(String), exp_negative_offset: neg.offset, exp_negative_counts: neg.counts.map(String),
  };
}

function summaryRow(ctx: Ctx, p: OtlpSummaryDataPoint, labels: Record<string, string>): MetricPointRow | Reason {
  const d = distribution(ctx, { ...p, min: undefined, max: undefined }, 'summary', 0, labels);
  if ('reason' in d) return d;
  const qv = p.quantileValues ?? [];
  if (!Array.isArray(qv)) return { field: 'quantileValues', reason: 'must be an array' };
  const pairs: [number, number][] = [];
  for (const [i, x] of qv.entries()) {
    if (!x || typeof x !== 'object') return { field: `quantileValues[${i}]`, reason: 'must be an object' };
    const q = double(x.quantile) ?? 0; // proto3: an absent quantile is 0 (the minimum)
    if (!(q >= 0 && q <= 1)) return { field: `quantileValues[${i}].quantile`, reason: 'must be a number from 0 to 1' };
    pairs.push([q, double(x.value) ?? 0]); // a value may be NaN: Prometheus reports that for a window without observations
  }
  pairs.sort((a, b) => a[0] - b[0]);
  if (pairs.some(([q], i) => i > 0 && q === pairs[i - 1][0])) return { field: 'quantileValues', reason: 'must not repeat a quantile' };
  return { ...d.row, quantiles: pairs.map(([q]) => q), quantile_values: pairs.map(([, v]) => stored(v)) };
}

/** A point's attributes as text (the stored form; strings, the common case, taken as they are). */
function pointAttrs(kvs: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(kvs)) return out;
  for (const kv of kvs as OtlpKeyValue[]) {
    if (typeof kv?.key !== 'string') continue;
    const v = kv.value;
    out[kv.key] = v?.stringValue !== undefined ? v.stringValue : attrText(anyValue(v).value);
  }
  return out;
}

/** Resource attributes overlaid with the point's, keys sorted (so the series hash is stable). */
function sortedLabels(resource: Record<string, string>, resourceKeys: string[], point: Record<string, string>): Record<string, string> {
  const keys = Object.keys(point);
  for (const k of resourceKeys) if (!Object.hasOwn(point, k)) keys.push(k);
  keys.sort();
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = Object.hasOwn(point, k) ? point[k] : resource[k];
  return out;
}

const temporalityOf = (v: unknown) => (v === 1 || v === 2 ? v : v === 'AGGREGATION_TEMPORALITY_DELTA' ? 1 : v === 'AGGREGATION_TEMPORALITY_CUMULATIVE' ? 2 : 0);

/** Every point of one metric → rows (and GPU rows), or rejections reported through `reject`. */
function metricRows(ctx: Ctx, out: MetricBatch, reject: (k: string, r: Reason) => void): void {
  const m = ctx.metric;
  const each = <P extends { attributes?: unknown; flags?: number }>(kind: string, points: P[] | undefined, row: (p: P, labels: Record<string, string>, point: Record<string, string>) => MetricPointRow | Reason) => {
    if (points !== undefined && !Array.isArray(points)) return reject(kind, { field: 'dataPoints', reason: 'must be an array' });
    (points ?? []).forEach((p, i) => {
      if (!p || typeof p !== 'object') return reject(`${kind}.dataPoints[${i}]`, { field: '', reason: 'must be an object' });
      if ((Number(p.flags ?? 0) & NO_RECORDED_VALUE) !== 0) {
        out.skipped++;
        return;
      }
      const point = pointAttrs(p.attributes);
      const r = row(p, sortedLabels(ctx.resource, ctx.resourceKeys, point), point);
      if (!('tenant_id' in r)) return reject(`${kind}.dataPoints[${i}]`, r);
      out.points.push(r);
      if (r.metric_type !== 'gauge' && r.metric_type !== 'sum') return;
      const g = gpuSample(ctx.name, ctx.unit, r.value as number, point, ctx.resource);
      if (g) {
        out.gpu.push({
          tenant_id: ctx.tenant, namespace: g.namespace, pod: g.pod, container: g.container, host: g.host, gpu_uuid: g.gpuUuid,
          gpu_index: g.gpuIndex, gpu_model: g.gpuModel, metric: g.metric, source_metric: ctx.name, time: r.time, value: g.value,
        });
      }
    });
  };
  if (m.gauge) each('gauge', m.gauge.dataPoints, (p, labels) => numberRow(ctx, 'gauge', p, 0, false, labels));
  if (m.sum) {
    const temporality = temporalityOf(m.sum.aggregationTemporality);
    each('sum', m.sum.dataPoints, (p, labels) => numberRow(ctx, 'sum', p, temporality, m.sum!.isMonotonic === true, labels));
  }
  if (m.histogram) {
    const temporality = temporalityOf(m.histogram.aggregationTemporality);
    each('histogram', m.histogram.dataPoints, (p, labels) => histogramRow(ctx, p, temporality, labels));
  }
  if (m.exponentialHistogram) {
    const temporality = temporalityOf(m.exponentialHistogram.aggregationTemporality);
    each('exponentialHistogram', m.exponentialHistogram.dataPoints, (p, labels) => expHistogramRow(ctx, p, temporality, labels));
  }
  if (m.summary) each('summary', m.summary.dataPoints, (p, labels) => summaryRow(ctx, p, labels));
}

const arrayAt = <T>(v: unknown, field: string): T[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw badInput(field, 'must be an array');
  return v as T[];
};

type ResourceMetrics = NonNullable<OtlpExportMetricsRequest['resourceMetrics']>[number];
type ScopeMetrics = NonNullable<ResourceMetrics['scopeMetrics']>[number];

/** Flatten a metrics export into rows for `tenant`; bad points are counted and described, good ones kept. */
export function toMetricRows(tenant: string, body: unknown, retention: MetricRetention = { rawDays: 0, rollupDays: 0 }): MetricBatch {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badInput('(body)', 'must be an ExportMetricsServiceRequest object');
  const req = body as OtlpExportMetricsRequest;
  const out: MetricBatch = { points: [], gpu: [], rejected: 0, skipped: 0, rollupOnly: 0, errors: [] };
  const bounds = boundsOf(retention);
  arrayAt<ResourceMetrics>(req.resourceMetrics, 'resourceMetrics').forEach((rm, i) => {
    const resource = readAttrs(rm?.resource?.attributes);
    const service = str(resource.attrs, 'service.name') ?? 'unknown_service';
    const resourceKeys = Object.keys(resource.stored.values);
    arrayAt<ScopeMetrics>(rm?.scopeMetrics, `resourceMetrics[${i}].scopeMetrics`).forEach((sm, j) => {
      arrayAt<OtlpMetric>(sm?.metrics, `resourceMetrics[${i}].scopeMetrics[${j}].metrics`).forEach((metric, k) => {
        const at = `resourceMetrics[${i}].scopeMetrics[${j}].metrics[${k}]`;
        const reject = (where: string, r: Reason) => {
          out.rejected++;
          if (out.errors.length < MAX_ERRORS) out.errors.push(`${at}.${where}${r.field ? `.${r.field}` : ''}: ${r.reason}`);
        };
        if (!metric || typeof metric !== 'object') return reject('(metric)', { field: '', reason: 'must be an object' });
        const name = typeof metric.name === 'string' ? metric.name.trim() : '';
        const ctx: Ctx = { tenant, service, resource: resource.stored.values, resourceKeys, metric, name, unit: typeof metric.unit === 'string' ? metric.unit : '', bounds, out };
        if (name) return metricRows(ctx, out, reject);
        const held = countPoints(metric);
        out.rejected += held;
        if (held && out.errors.length < MAX_ERRORS) out.errors.push(`${at}.name: required (${held} point(s) rejected)`);
      });
    });
  });
  return out;
}

/** How many data points a metric carries, over every kind. */
function countPoints(m: OtlpMetric): number {
  const len = (d: { dataPoints?: unknown } | undefined) => (Array.isArray(d?.dataPoints) ? d.dataPoints.length : 0);
  return len(m.gauge) + len(m.sum) + len(m.histogram) + len(m.exponentialHistogram) + len(m.summary);
}
