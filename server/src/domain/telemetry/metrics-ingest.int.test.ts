import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { attrs, msToNanos } from './metrics-testkit.js';
import type { OtlpExportMetricsRequest, OtlpMetric } from './otlp.types.js';

const MIN = 60_000;
/** A minute boundary 30 minutes ago: every sample below is recent (inside the raw TTL) and minute-aligned. */
const T0 = Math.floor((Date.now() - 30 * MIN) / MIN) * MIN;

const request = (metrics: OtlpMetric[], service = 'trainer'): OtlpExportMetricsRequest => ({
  resourceMetrics: [{ resource: { attributes: attrs({ 'service.name': service, 'host.name': 'node-1' }) }, scopeMetrics: [{ scope: { name: 'test' }, metrics }] }],
});

/** queue.depth for two queues: one sample every 10 s for 3 minutes, value = index (queue a) or 100 + index (queue b). */
const GAUGE: OtlpMetric = {
  name: 'queue.depth', unit: '{item}',
  gauge: { dataPoints: ['a', 'b'].flatMap((q) => Array.from({ length: 18 }, (_, i) => ({ timeUnixNano: msToNanos(T0 + i * 10_000), asDouble: (q === 'b' ? 100 : 0) + i, attributes: attrs({ queue: q }) }))) },
};
const COUNTER: OtlpMetric = {
  name: 'samples.processed', unit: '1',
  sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints: [1, 2, 3].map((k) => ({ startTimeUnixNano: msToNanos(T0 - MIN), timeUnixNano: msToNanos(T0 + k * MIN), asInt: String(1000 * k) })) },
};
const HISTOGRAM: OtlpMetric = {
  name: 'step.duration', unit: 's',
  histogram: { aggregationTemporality: 1, dataPoints: [
    { timeUnixNano: msToNanos(T0 + 5_000), count: '3', sum: 3.5, min: 0.5, max: 2, bucketCounts: ['1', '2', '0'], explicitBounds: [1, 5] },
    { timeUnixNano: msToNanos(T0 + 15_000), count: '2', sum: 12, min: 2, max: 10, bucketCounts: ['0', '1', '1'], explicitBounds: [1, 5] },
  ] },
};

describe('MetricsIngestService on chDB', () => {
  let loom: TestLoom;

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
  });
  afterAll(() => loom?.close());

  it('stores gauges, sums and histograms and reads them back raw', async () => {
    const r = await loom.services.metricsIngest.ingest('demo', request([GAUGE, COUNTER, HISTOGRAM]));
    const points = [GAUGE, COUNTER, HISTOGRAM].reduce((n, m) => n + Object.values(m).reduce((k: number, v) => k + ((v as { dataPoints?: unknown[] })?.dataPoints?.length ?? 0), 0), 0);
    expect(r).toEqual({ accepted: points, rejected: 0 }); // what the tenant's ingest quota is charged
    const raw = await loom.services.metrics.series('demo', { name: 'queue.depth', labels: [{ key: 'queue', value: 'b' }], from: new Date(T0).toISOString(), to: new Date(T0 + 3 * MIN).toISOString(), step: 30 });
    expect(raw).toMatchObject({ stepSeconds: 30, source: 'RAW', truncated: false });
    expect(raw.series).toHaveLength(1);
    expect(raw.series[0]).toMatchObject({ name: 'queue.depth', type: 'gauge', unit: '{item}', service: 'trainer', labels: { queue: 'b', 'service.name': 'trainer', 'host.name': 'node-1' } });
    // 30 s buckets of 3 samples each: 100+3k .. 100+3k+2
    expect(raw.series[0].points.map((p) => [p.min, p.max, p.avg, p.last, p.count])).toEqual(
      Array.from({ length: 6 }, (_, k) => [100 + 3 * k, 102 + 3 * k, 101 + 3 * k, 102 + 3 * k, 3]));
    expect(raw.series[0].points[0].time).toBe(new Date(T0).toISOString());

    const counter = await loom.services.metrics.series('demo', { name: 'samples.processed', from: new Date(T0).toISOString(), to: new Date(T0 + 5 * MIN).toISOString(), step: 10 });
    expect(counter.series[0]).toMatchObject({ type: 'sum', temporality: 'cumulative' });
    expect(counter.series[0].points.map((p) => p.last)).toEqual([1000, 2000, 3000]);
  });

  it('serves whole-minute steps from the 1-minute rollup (min/max/avg/last/count per series)', async () => {
    const res = await loom.services.metrics.series('demo', { name: 'queue.depth', from: new Date(T0).toISOString(), to: new Date(T0 + 3 * MIN).toISOString(), step: 60 });
    expect(res.source).toBe('ROLLUP_1M');
    const a = res.series.find((s) => s.labels.queue === 'a')!;
    expect(a.points.map((p) => [p.min, p.max, p.avg, p.last, p.count])).toEqual([[0, 5, 2.5, 5, 6], [6, 11, 8.5, 11, 6], [12, 17, 14.5, 17, 6]]);
    const two = await loom.services.metrics.series('demo', { name: 'queue.depth', labels: [{ key: 'queue', value: 'a' }], from: new Date(T0).toISOString(), to: new Date(T0 + 3 * MIN).toISOString(), step: 120 });
    expect(two.series[0].points.map((p) => p.count).reduce((x, y) => x + y)).toBe(18);
    expect(Math.min(...two.series[0].points.map((p) => p.min!))).toBe(0);
  });

  it('reads histograms raw even for whole-minute steps: delta points add up per bucket', async () => {
    const res = await loom.services.metrics.series('demo', { name: 'step.duration', from: new Date(T0).toISOString(), to: new Date(T0 + MIN).toISOString(), step: 60, quantiles: [0.5, 1] });
    expect(res.source).toBe('RAW');
    const [p] = res.series[0].points;
    expect(p.histogram).toEqual({ count: 5, sum: 15.5, min: 0.5, max: 10, explicitBounds: [1, 5], bucketCounts: [1, 3, 1] });
    // rank 2.5 of 5: 1.5 of the 3 values in (1, 5]; the top of the open last bucket is the max
    expect(p.quantiles).toEqual([{ quantile: 0.5, value: 3 }, { quantile: 1, value: 10 }]);
    await expect(loom.services.metrics.series('demo', { name: 'step.duration', quantiles: [0.5, 1.5] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantiles[1]' });
    expect(p.count).toBe(2);
    expect(p.avg).toBeCloseTo((3.5 / 3 + 12 / 2) / 2, 9); // mean observation of each point, averaged
  });

  it('knows no mean for a histogram point without a sum (stored as nan, not 0)', async () => {
    await loom.services.metricsIngest.ingest('demo', request([{ name: 'unsummed.duration', histogram: { aggregationTemporality: 1, dataPoints: [
      { timeUnixNano: msToNanos(T0), count: '2', bucketCounts: ['2'] }, { timeUnixNano: msToNanos(T0 + 1_000), count: '1', sum: 4, bucketCounts: ['1'] },
    ] } }]));
    const [p] = (await loom.services.metrics.series('demo', { name: 'unsummed.duration', from: new Date(T0).toISOString(), to: new Date(T0 + MIN).toISOString(), step: 60 })).series[0].points;
    expect([p.min, p.max, p.avg, p.count]).toEqual([4, 4, 4, 2]);
  });

  it('stores exponential histograms: a bucket adds up delta points at the lowest of their scales, keeps the latest cumulative one', async () => {
    const at = (ms: number, scale: number, positive: { offset: number; bucketCounts: string[] }, extra: object = {}) =>
      ({ timeUnixNano: msToNanos(ms), scale, positive, count: String(positive.bucketCounts.reduce((a, c) => a + Number(c), 0)), ...extra });
    const r = await loom.services.metricsIngest.ingest('demo', request([
      { name: 'rpc.exp', unit: 's', exponentialHistogram: { aggregationTemporality: 1, dataPoints: [
        // scale 2: indexes 4..6; scale 1: indexes 1..2 (index k at scale 2 is k >> 1 at scale 1); zero counts and negatives add too
        at(T0 + 1_000, 2, { offset: 4, bucketCounts: ['1', '2', '3'] }, { sum: 20, min: 2, max: 3, zeroCount: '1', count: '8', negative: { offset: -1, bucketCounts: ['1'] } }),
        at(T0 + 2_000, 1, { offset: 1, bucketCounts: ['5', '1'] }, { sum: 9, min: 1.5, max: 4 }),
        at(T0 + 3_000, 2, { offset: 7, bucketCounts: ['4'] }, { sum: 12, min: 3, max: 3.3 }),
        at(T0 + MIN, 3, { offset: 0, bucketCounts: ['1'] }, { sum: 1.05 }),
      ] } },
      { name: 'rpc.exp.cumulative', exponentialHistogram: { aggregationTemporality: 2, dataPoints: [
        at(T0 + 1_000, 3, { offset: 8, bucketCounts: ['1', '1'] }, { sum: 4.5 }),
        at(T0 + 2_000, 2, { offset: 4, bucketCounts: ['2', '3'] }, { sum: 12 }),
      ] } },
    ]));
    expect(r).toEqual({ accepted: 6, rejected: 0 });
    const range = { from: new Date(T0).toISOString(), to: new Date(T0 + 2 * MIN).toISOString(), step: 60 };
    const res = await loom.services.metrics.series('demo', { name: 'rpc.exp', ...range });
    expect(res.source).toBe('RAW'); // never rolled up
    expect(res.series[0]).toMatchObject({ type: 'exponential_histogram', temporality: 'delta', unit: 's' });
    const [first, second] = res.series[0].points;
    expect(first.exponentialHistogram).toEqual({
      count: 18, sum: 41, min: 1.5, max: 4, scale: 1, zeroCount: 1, zeroThreshold: 0,
      // scale 1: index 2 <- (4, 5 at scale 2: 1 + 2) + 1 (scale 1); index 3 <- (6, 7 at scale 2: 3 + 4); index 1 <- 5
      positive: { offset: 1, bucketCounts: [5, 4, 7] }, negative: { offset: -1, bucketCounts: [1] },
    });
    expect(first.histogram).toBeNull();
    expect(first.count).toBe(3);
    expect(first.avg).toBeCloseTo((20 / 8 + 9 / 6 + 12 / 4) / 3, 9);
    expect(second.exponentialHistogram).toMatchObject({ count: 1, sum: 1.05, scale: 3, positive: { offset: 0, bucketCounts: [1] } });
    const [cumulative] = (await loom.services.metrics.series('demo', { name: 'rpc.exp.cumulative', ...range })).series[0].points;
    expect(cumulative.exponentialHistogram).toMatchObject({ count: 5, sum: 12, scale: 2, positive: { offset: 4, bucketCounts: [2, 3] } });
    const rolled = await loom.services.analytics.query<{ n: string }>('demo', "SELECT count() AS n FROM metric_points_1m WHERE tenant_id = {tenant:String} AND metric_name LIKE 'rpc.exp%'");
    expect(rolled).toEqual([{ n: '0' }]);
  });

  it('stores summaries: a bucket shows its latest point, a quantile without a value as null', async () => {
    // As an OTel Collector's prometheus receiver forwards Go's go_gc_duration_seconds: cumulative count and sum.
    const point = (ms: number, count: number, sum: number, values: (number | string)[]) => ({
      timeUnixNano: msToNanos(ms), startTimeUnixNano: msToNanos(T0 - MIN), count: String(count), sum,
      quantileValues: [0, 0.25, 0.5, 0.75, 1].map((quantile, i) => ({ quantile, value: values[i] as number })),
    });
    const r = await loom.services.metricsIngest.ingest('demo', request([{ name: 'go_gc_duration_seconds', summary: { dataPoints: [
      point(T0 + 15_000, 10, 0.05, [0.001, 0.002, 0.004, 0.006, 0.01]),
      point(T0 + 30_000, 14, 0.07, [0.001, 0.002, 'NaN', 0.007, 0.012]),
    ] } }], 'api-server'));
    expect(r).toEqual({ accepted: 2, rejected: 0 });
    const res = await loom.services.metrics.series('demo', { name: 'go_gc_duration_seconds', from: new Date(T0).toISOString(), to: new Date(T0 + MIN).toISOString(), step: 60, quantiles: [0.75, 0.5, 0.9] });
    expect(res.series[0]).toMatchObject({ type: 'summary', service: 'api-server' });
    // a summary's quantiles as it reported them: NaN and one it does not report are null
    expect(res.series[0].points[0].quantiles).toEqual([{ quantile: 0.75, value: 0.007 }, { quantile: 0.5, value: null }, { quantile: 0.9, value: null }]);
    const [p] = res.series[0].points;
    expect(p.summary).toEqual({ count: 14, sum: 0.07, quantiles: [
      { quantile: 0, value: 0.001 }, { quantile: 0.25, value: 0.002 }, { quantile: 0.5, value: null }, { quantile: 0.75, value: 0.007 }, { quantile: 1, value: 0.012 },
    ] });
    expect([p.count, p.last, p.histogram, p.exponentialHistogram]).toEqual([2, 0.005, null, null]);
  });

  it('collapses a retried export (same points) in raw reads', async () => {
    await loom.services.metricsIngest.ingest('demo', request([GAUGE]));
    const res = await loom.services.metrics.series('demo', { name: 'queue.depth', labels: [{ key: 'queue', value: 'a' }], from: new Date(T0).toISOString(), to: new Date(T0 + 3 * MIN).toISOString(), step: 1, maxPoints: 10_000 });
    expect(res.series[0].points).toHaveLength(18);
    expect(res.series[0].points.every((p) => p.count === 1)).toBe(true);
  });

  it('rejects only the bad points and stores the rest', async () => {
    const r = await loom.services.metricsIngest.ingest('demo', request([
      { name: 'partial.gauge', gauge: { dataPoints: [{ timeUnixNano: msToNanos(T0), asDouble: 7 }, { timeUnixNano: msToNanos(T0), asDouble: 'Infinity' as unknown as number }, { asDouble: 1 }] } },
      { name: 'partial.summary', summary: { dataPoints: [{ timeUnixNano: msToNanos(T0), count: '1', quantileValues: [{ quantile: 2, value: 1 }] }] } },
    ]));
    expect(r.rejected).toBe(3);
    expect(r.errorMessage).toMatch(/^3 data point\(s\) rejected: .*dataPoints\[1\]\.asDouble: must be a finite number; .*dataPoints\[2\]\.timeUnixNano: .*; .*summary\.dataPoints\[0\]\.quantileValues\[0\]\.quantile: must be a number from 0 to 1/);
    const res = await loom.services.metrics.series('demo', { name: 'partial.gauge', from: new Date(T0).toISOString(), to: new Date(T0 + MIN).toISOString(), step: 1, maxPoints: 10_000 });
    expect(res.series[0].points.map((p) => p.last)).toEqual([7]);
  });

  it('writes GPU points to the typed table and its rollup, normalised', async () => {
    const labels = attrs({ UUID: 'GPU-int-1', gpu: '0', Hostname: 'gpu-node', exported_pod: 'train-9', exported_namespace: 'ml', pod: 'dcgm-exporter-1' });
    await loom.services.metricsIngest.ingest('demo', request([
      { name: 'DCGM_FI_DEV_FB_USED', gauge: { dataPoints: [{ timeUnixNano: msToNanos(T0), asDouble: 1024, attributes: labels }] } },
      { name: 'DCGM_FI_DEV_GPU_UTIL', gauge: { dataPoints: [{ timeUnixNano: msToNanos(T0), asInt: '55', attributes: labels }] } },
    ], 'dcgm-exporter'));
    const rows = await loom.services.analytics.query<Record<string, unknown>>('demo',
      "SELECT metric, source_metric, value, namespace, pod, host, gpu_uuid FROM gpu_metrics WHERE tenant_id = {tenant:String} AND gpu_uuid = 'GPU-int-1' ORDER BY metric");
    expect(rows).toEqual([
      { metric: 'memory_used', source_metric: 'DCGM_FI_DEV_FB_USED', value: 1024 * 1024 * 1024, namespace: 'ml', pod: 'train-9', host: 'gpu-node', gpu_uuid: 'GPU-int-1' },
      { metric: 'utilization', source_metric: 'DCGM_FI_DEV_GPU_UTIL', value: 55, namespace: 'ml', pod: 'train-9', host: 'gpu-node', gpu_uuid: 'GPU-int-1' },
    ]);
    const rollup = await loom.services.analytics.query<{ n: string }>('demo', "SELECT sum(count) AS n FROM gpu_metrics_1m WHERE tenant_id = {tenant:String} AND gpu_uuid = 'GPU-int-1'");
    expect(Number(rollup[0].n)).toBe(2);
  });

  it('keeps raw points 30 days and the rollups 400 days by default', async () => {
    const rows = await loom.services.analytics.query<{ name: string; engine_full: string }>('demo',
      "SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() AND name IN ('metric_points', 'gpu_metrics', 'metric_points_1m', 'gpu_metrics_1m') AND {tenant:String} != '' ORDER BY name");
    const ttl = Object.fromEntries(rows.map((r) => [r.name, / TTL (.*?)(?: SETTINGS |$)/.exec(r.engine_full)?.[1]]));
    expect(ttl).toEqual({
      gpu_metrics: 'toDateTime(time) + toIntervalDay(30)', gpu_metrics_1m: 'minute + toIntervalDay(400)',
      metric_points: 'toDateTime(time) + toIntervalDay(30)', metric_points_1m: 'minute + toIntervalDay(400)',
    });
  });

  it('refuses points no table would keep, warns of those only the rollup keeps, and takes a backfill across many days', async () => {
    // The defaults: LOOM_METRIC_TTL_DAYS 30, LOOM_METRIC_ROLLUP_TTL_DAYS 400. A gauge the rollup still keeps
    // is accepted with a warning; one past the rollup, or a histogram (no rollup), is refused.
    const daysAgo = (d: number) => msToNanos(Date.now() - d * 86_400_000);
    const old = await loom.services.metricsIngest.ingest('demo', request([
      { name: 'old_gauge', gauge: { dataPoints: [{ timeUnixNano: daysAgo(31), asDouble: 7 }, { timeUnixNano: daysAgo(401), asDouble: 8 }] } },
      { name: 'old_hist', histogram: { dataPoints: [{ timeUnixNano: daysAgo(31), count: '1', bucketCounts: ['1'] }] } },
    ]));
    expect(old.rejected).toBe(2);
    expect(old.errorMessage).toMatch(/metrics\[0\]\.gauge\.dataPoints\[1\]\.timeUnixNano: older than the 1-minute rollup's retention \(400 days, LOOM_METRIC_ROLLUP_TTL_DAYS\)/);
    expect(old.errorMessage).toMatch(/metrics\[1\]\.histogram\.dataPoints\[0\]\.timeUnixNano: older than the raw-point retention \(30 days, LOOM_METRIC_TTL_DAYS\), and only gauges and sums are rolled up/);
    expect(old.errorMessage).toMatch(/1 data point\(s\) older than the raw-point retention \(30 days, LOOM_METRIC_TTL_DAYS\) are kept only in the 1-minute rollup/);
    const rolled = await loom.services.analytics.query<{ n: string; max: number }>('demo',
      "SELECT count() AS n, max(max) AS max FROM metric_points_1m WHERE tenant_id = {tenant:String} AND metric_name IN ('old_gauge', 'old_hist')");
    expect(rolled).toEqual([{ n: '1', max: 7 }]);

    // A gauge backfilled over 150 days: one INSERT across 150 daily partitions (ClickHouse refuses more
    // than 100 by default, which had answered 503 for ever), and a point from a clock two days ahead.
    const filled = await loom.services.metricsIngest.ingest('demo', request([{ name: 'backfilled_gauge', gauge: { dataPoints: [
      ...Array.from({ length: 150 }, (_, i) => ({ timeUnixNano: daysAgo(i + 0.5), asDouble: i })),
      { timeUnixNano: daysAgo(-2), asDouble: -1 },
    ] } }]));
    expect(filled.rejected).toBe(1);
    expect(filled.errorMessage).toMatch(/dataPoints\[150\]\.timeUnixNano: more than a day ahead of Loom's clock/);
    expect(filled.errorMessage).toMatch(/120 data point\(s\) older than the raw-point retention/);
    const minutes = await loom.services.analytics.query<{ n: string }>('demo',
      "SELECT count() AS n FROM metric_points_1m WHERE tenant_id = {tenant:String} AND metric_name = 'backfilled_gauge'");
    expect(minutes).toEqual([{ n: '150' }]);
  });

  it('keeps tenants apart', async () => {
    await loom.services.metricsIngest.ingest('rival', request([{ name: 'queue.depth', gauge: { dataPoints: [{ timeUnixNano: msToNanos(T0), asDouble: -1, attributes: attrs({ queue: 'a' }) }] } }]));
    const demo = await loom.services.metrics.series('demo', { name: 'queue.depth', labels: [{ key: 'queue', value: 'a' }], from: new Date(T0).toISOString(), to: new Date(T0 + MIN).toISOString(), step: 60 });
    expect(demo.series[0].points[0].min).toBe(0);
    const rival = await loom.services.metrics.series('rival', { name: 'queue.depth', from: new Date(T0).toISOString(), to: new Date(T0 + 3 * MIN).toISOString(), step: 60 });
    expect(rival.series).toHaveLength(1);
    expect(rival.series[0].points.map((p) => p.last)).toEqual([-1]);
    expect((await loom.services.metrics.series('rival', { name: 'step.duration', from: new Date(T0).toISOString(), to: new Date(T0 + MIN).toISOString() })).series).toEqual([]);
  });
});
