import { describe, expect, it } from 'vitest';
import { toMetricRows } from './metrics-points.js';
import { resolveStep } from './metrics-range.js';
import type { OtlpExpHistogramDataPoint, OtlpExportMetricsRequest, OtlpMetric } from './otlp.types.js';

const T = '1780000000000000000';
const kv = (key: string, v: string | number) => ({ key, value: typeof v === 'string' ? { stringValue: v } : Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v } });

function request(metrics: OtlpMetric[], resource = [kv('service.name', 'trainer'), kv('host.name', 'n1')]): OtlpExportMetricsRequest {
  return { resourceMetrics: [{ resource: { attributes: resource }, scopeMetrics: [{ scope: { name: 's' }, metrics }] }] };
}

describe('toMetricRows', () => {
  it('flattens gauges, sums and histograms with merged, sorted labels', () => {
    const b = toMetricRows('t1', request([
      { name: 'queue.depth', unit: '{item}', gauge: { dataPoints: [{ timeUnixNano: T, asInt: '42', attributes: [kv('zone', 'b'), kv('host.name', 'n2')] }] } },
      { name: 'requests', unit: '1', sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints: [{ startTimeUnixNano: '1779999990000000000', timeUnixNano: T, asDouble: 7.5 }] } },
      { name: 'latency', unit: 'ms', histogram: { aggregationTemporality: 1, dataPoints: [{ timeUnixNano: T, count: '4', sum: 10, min: 1, max: 5, bucketCounts: ['1', '2', '1'], explicitBounds: [2, 4] }] } },
    ]));
    expect(b.rejected).toBe(0);
    expect(b.points).toHaveLength(3);
    const [g, s, h] = b.points;
    expect(g).toMatchObject({ tenant_id: 't1', metric_name: 'queue.depth', metric_type: 'gauge', unit: '{item}', service_name: 'trainer', time: T, start_time: 0, value: 42 });
    expect(Object.entries(g.labels)).toEqual([['host.name', 'n2'], ['service.name', 'trainer'], ['zone', 'b']]);
    expect(s).toMatchObject({ metric_type: 'sum', temporality: 2, is_monotonic: true, value: 7.5, start_time: '1779999990000000000' });
    expect(h).toMatchObject({
      metric_type: 'histogram', temporality: 1, value: 2.5, hist_count: '4', hist_sum: 10, hist_min: 1, hist_max: 5,
      bucket_counts: ['1', '2', '1'], explicit_bounds: [2, 4],
    });
    expect(b.gpu).toEqual([]);
  });

  it('rejects bad points alone, naming where and why', () => {
    const b = toMetricRows('t1', request([
      { name: 'g', gauge: { dataPoints: [
        { timeUnixNano: T, asDouble: 1 },
        { asDouble: 2 },
        { timeUnixNano: T, asDouble: 'NaN' as unknown as number },
        { timeUnixNano: T },
        { timeUnixNano: T, asInt: '1.5' },
      ] } },
      { name: 'h', histogram: { dataPoints: [
        { timeUnixNano: T, count: '3', bucketCounts: ['1', '1'], explicitBounds: [1] },
        { timeUnixNano: T, count: '2', bucketCounts: ['1', '1', '0'], explicitBounds: [1] },
        { timeUnixNano: T, count: '2', bucketCounts: ['1', '1', '0'], explicitBounds: [2, 1] },
      ] } },
      { name: 'e', exponentialHistogram: { dataPoints: [{}, {}] } },  // no time
      { name: '', gauge: { dataPoints: [{ timeUnixNano: T, asDouble: 1 }] } },
    ]));
    expect(b.points.map((p) => p.metric_name)).toEqual(['g']);
    expect(b.rejected).toBe(10);
    expect(b.errors).toEqual([
      'resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[1].timeUnixNano: must be Unix nanoseconds after 2000-01-01',
      'resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[2].asDouble: must be a finite number',
      'resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[3].value: required: asDouble or asInt',
      'resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[4].asInt: must be a 64-bit integer',
      'resourceMetrics[0].scopeMetrics[0].metrics[1].histogram.dataPoints[0].count: must equal the sum of bucketCounts',
    ]);
  });

  it('stores exponential histograms and summaries, a histogram without a sum with the mean unknown (nan, not 0)', () => {
    const b = toMetricRows('t1', request([
      { name: 'rpc.duration', unit: 's', exponentialHistogram: { aggregationTemporality: 1, dataPoints: [{
        timeUnixNano: T, count: '7', sum: 12.5, min: -1, max: 6, scale: 3, zeroCount: '1', zeroThreshold: 0.001,
        positive: { offset: -2, bucketCounts: ['1', '0', '3'] }, negative: { bucketCounts: ['2'] },
      }] } },
      { name: 'go_gc_duration_seconds', summary: { dataPoints: [{
        timeUnixNano: T, count: '4', sum: 0.02, quantileValues: [{ quantile: 1, value: 0.01 }, { quantile: 0, value: 0.001 }, { quantile: 0.5, value: 'NaN' }],
      }] } },
      { name: 'h', histogram: { dataPoints: [{ timeUnixNano: T, count: '0' }] } },
    ]));
    expect(b.rejected).toBe(0);
    const [e, s, h] = b.points;
    expect(e).toEqual(expect.objectContaining({
      metric_type: 'exponential_histogram', temporality: 1, value: 12.5 / 7, hist_count: '7', hist_sum: 12.5, hist_min: -1, hist_max: 6,
      exp_scale: 3, exp_zero_count: '1', exp_zero_threshold: 0.001, exp_positive_offset: -2, exp_positive_counts: ['1', '0', '3'],
      exp_negative_offset: 0, exp_negative_counts: ['2'],
    }));
    expect(s).toEqual(expect.objectContaining({
      metric_type: 'summary', temporality: 0, value: 0.005, hist_count: '4', hist_sum: 0.02, hist_min: null, hist_max: null,
      quantiles: [0, 0.5, 1], quantile_values: [0.001, 'nan', 0.01],
    }));
    expect(s.exp_scale).toBeUndefined();
    expect(h.value).toBe('nan');
    expect(b.gpu).toEqual([]);
  });

  it('rejects an inconsistent exponential histogram or summary point alone, naming the field', () => {
    const exp = (p: object) => ({ timeUnixNano: T, count: '1', scale: 0, positive: { offset: 0, bucketCounts: ['1'] }, ...p }) as OtlpExpHistogramDataPoint;
    const bad = [
      exp({ count: '2' }), exp({ scale: 21 }), exp({ scale: 1.5 }), exp({ positive: { offset: 2 ** 31, bucketCounts: ['1'] } }),
      exp({ negative: { bucketCounts: ['-1'] } }), exp({ zeroThreshold: -1 }), exp({ sum: 'Infinity' }),
    ];
    const summary: OtlpMetric = { name: 's', summary: { dataPoints: [
      { timeUnixNano: T, count: '1', sum: 1, quantileValues: [{ quantile: 1.5, value: 1 }] },
      { timeUnixNano: T, count: '1', sum: 1, quantileValues: [{ quantile: 0.5, value: 1 }, { quantile: 0.5, value: 2 }] },
      { timeUnixNano: T, count: 'x', sum: 1 },
    ] } };
    const b = toMetricRows('t1', request([{ name: 'e', exponentialHistogram: { dataPoints: [exp({}), ...bad] } }, summary]));
    expect(b.points.map((p) => p.metric_type)).toEqual(['exponential_histogram']);
    expect(b.rejected).toBe(10);
    // a request describes its first 5 rejections: three requests show them all
    const reasons = (m: OtlpMetric) => toMetricRows('t1', request([m])).errors.map((x) => x.replace(/^resourceMetrics\[0]\.scopeMetrics\[0]\.metrics\[0]\./, ''));
    const expMetric = (points: OtlpExpHistogramDataPoint[]): OtlpMetric => ({ name: 'e', exponentialHistogram: { dataPoints: points } });
    expect([...reasons(expMetric(bad.slice(0, 5))), ...reasons(expMetric(bad.slice(5))), ...reasons(summary)]).toEqual([
      'exponentialHistogram.dataPoints[0].count: must equal zeroCount plus the positive and negative bucketCounts',
      'exponentialHistogram.dataPoints[1].scale: must be an integer from -10 to 20',
      'exponentialHistogram.dataPoints[2].scale: must be an integer from -10 to 20',
      'exponentialHistogram.dataPoints[3].positive.offset: must be a 32-bit integer',
      'exponentialHistogram.dataPoints[4].negative.bucketCounts[0]: must be a non-negative integer',
      'exponentialHistogram.dataPoints[0].zeroThreshold: must be a finite number, 0 or more',
      'exponentialHistogram.dataPoints[1].sum: must be a finite number',
      'summary.dataPoints[0].quantileValues[0].quantile: must be a number from 0 to 1',
      'summary.dataPoints[1].quantileValues: must not repeat a quantile',
      'summary.dataPoints[2].count: must be a non-negative integer',
    ]);
  });

  it('rejects points whose parts have the wrong shape, instead of throwing', () => {
    const b = toMetricRows('t1', request([
      { name: 'h', histogram: { dataPoints: [{ timeUnixNano: T, count: '1', bucketCounts: ['1'], explicitBounds: 'x' as never }, { timeUnixNano: T, count: '1', bucketCounts: 'x' as never }] } },
      { name: 's', summary: { dataPoints: [{ timeUnixNano: T, count: '1', quantileValues: [null as never] }, { timeUnixNano: T, count: '1', quantileValues: 'x' as never }] } },
      { name: 'e', exponentialHistogram: { dataPoints: [{ timeUnixNano: T, count: '1', positive: 'x' as never }] } },
    ]));
    const counts = toMetricRows('t1', request([{ name: 'h', histogram: { dataPoints: [-1, 1.5, '18446744073709551616', '18446744073709551615'].map((count) => ({ timeUnixNano: T, count: count as string })) } }]));
    expect(counts.errors.map((e) => e.replace(/^.*dataPoints/, ''))).toEqual(['[0].count: must be a non-negative integer', '[1].count: must be a non-negative integer', '[2].count: must be a non-negative integer']);
    expect(counts.points.map((p) => p.hist_count)).toEqual(['18446744073709551615']);
    expect(b.errors.map((e) => e.replace(/^resourceMetrics\[0]\.scopeMetrics\[0]\./, ''))).toEqual([
      'metrics[0].histogram.dataPoints[0].explicitBounds: must be an array',
      'metrics[0].histogram.dataPoints[1].bucketCounts: must be an array',
      'metrics[1].summary.dataPoints[0].quantileValues[0]: must be an object',
      'metrics[1].summary.dataPoints[1].quantileValues: must be an array',
      'metrics[2].exponentialHistogram.dataPoints[0].positive: must be an object',
    ]);
  });

  it('skips points flagged "no recorded value" (staleness markers) without rejecting them', () => {
    const b = toMetricRows('t1', request([{ name: 'up', gauge: { dataPoints: [{ timeUnixNano: T, flags: 1 }, { timeUnixNano: T, asDouble: 1 }] } }]));
    expect({ points: b.points.length, rejected: b.rejected, skipped: b.skipped }).toEqual({ points: 1, rejected: 0, skipped: 1 });
  });

  it('adds a typed GPU row for DCGM and hw.gpu points, keeping the raw point too', () => {
    const b = toMetricRows('t1', request([
      { name: 'DCGM_FI_DEV_FB_USED', gauge: { dataPoints: [{ timeUnixNano: T, asDouble: 100, attributes: [kv('UUID', 'GPU-1'), kv('exported_pod', 'p'), kv('exported_namespace', 'ns')] }] } },
      { name: 'hw.gpu.utilization', unit: '1', gauge: { dataPoints: [{ timeUnixNano: T, asDouble: 0.5, attributes: [kv('hw.id', 'GPU-2')] }] } },
    ], [kv('service.name', 'otelcol'), kv('k8s.pod.name', 'p9'), kv('k8s.namespace.name', 'ns9')]));
    expect(b.points).toHaveLength(2);
    expect(b.gpu).toEqual([
      { tenant_id: 't1', namespace: 'ns', pod: 'p', container: '', host: '', gpu_uuid: 'GPU-1', gpu_index: '', gpu_model: '', metric: 'memory_used', source_metric: 'DCGM_FI_DEV_FB_USED', time: T, value: 100 * 1024 * 1024 },
      { tenant_id: 't1', namespace: 'ns9', pod: 'p9', container: '', host: '', gpu_uuid: 'GPU-2', gpu_index: '', gpu_model: '', metric: 'utilization', source_metric: 'hw.gpu.utilization', time: T, value: 50 },
    ]);
  });

  it('refuses points no table would keep, and counts gauges and sums only the 1-minute rollup keeps', () => {
    const now = 1_780_000_000_000;
    const ns = (msAgo: number) => String(BigInt(now - msAgo) * 1_000_000n);
    const day = 86_400_000;
    const points = (at: string[]) => at.map((t) => ({ timeUnixNano: t, asDouble: 1 }));
    const body = request([
      { name: 'g', gauge: { dataPoints: points([ns(30 * day - 1), ns(30 * day + 1), ns(400 * day - 1), ns(400 * day + 1)]) } },
      { name: 'h', histogram: { dataPoints: [ns(30 * day - 1), ns(30 * day + 1)].map((t) => ({ timeUnixNano: t, count: '0' })) } },
    ]);
    const b = toMetricRows('t1', body, { rawDays: 30, rollupDays: 400, now });
    expect(b.points.map((p) => `${p.metric_name} ${p.time}`)).toEqual([`g ${ns(30 * day - 1)}`, `g ${ns(30 * day + 1)}`, `g ${ns(400 * day - 1)}`, `h ${ns(30 * day - 1)}`]);
    expect({ rejected: b.rejected, rollupOnly: b.rollupOnly }).toEqual({ rejected: 2, rollupOnly: 2 });
    expect(b.errors).toEqual([
      "resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[3].timeUnixNano: older than the 1-minute rollup's retention (400 days, LOOM_METRIC_ROLLUP_TTL_DAYS): it would be dropped at once",
      'resourceMetrics[0].scopeMetrics[0].metrics[1].histogram.dataPoints[1].timeUnixNano: older than the raw-point retention (30 days, LOOM_METRIC_TTL_DAYS), and only gauges and sums are rolled up: it would be dropped at once',
    ]);
    // a rollup kept for ever keeps every gauge; nothing expires when neither expires
    expect(toMetricRows('t1', body, { rawDays: 30, rollupDays: 0, now })).toMatchObject({ rejected: 1, rollupOnly: 3 });
    expect(toMetricRows('t1', body, { rawDays: 0, rollupDays: 0, now })).toMatchObject({ rejected: 0, rollupOnly: 0 });
    // a point rejected for its value is not counted as kept in the rollup
    expect(toMetricRows('t1', request([{ name: 'g', gauge: { dataPoints: [{ timeUnixNano: ns(31 * day), asDouble: 'NaN' as unknown as number }] } }]), { rawDays: 30, rollupDays: 400, now }))
      .toMatchObject({ rejected: 1, rollupOnly: 0 });
  });

  it('refuses points timed more than a day ahead of the clock', () => {
    const now = 1_780_000_000_000;
    const at = (msAhead: number) => String(BigInt(now + msAhead) * 1_000_000n);
    const body = request([
      { name: 'g', gauge: { dataPoints: [{ timeUnixNano: at(86_400_000), asDouble: 1 }, { timeUnixNano: at(86_400_001), asDouble: 2 }] } },
      { name: 'h', histogram: { dataPoints: [{ timeUnixNano: at(86_400_001), count: '0' }] } },
    ]);
    const b = toMetricRows('t1', body, { rawDays: 0, rollupDays: 0, now });
    expect(b.points.map((p) => p.value)).toEqual([1]);
    expect(b.errors).toEqual([
      "resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[1].timeUnixNano: more than a day ahead of Loom's clock: check the emitter's clock",
      "resourceMetrics[0].scopeMetrics[0].metrics[1].histogram.dataPoints[0].timeUnixNano: more than a day ahead of Loom's clock: check the emitter's clock",
    ]);
  });

  it('refuses a body that is not a metrics request', () => {
    expect(() => toMetricRows('t1', [])).toThrow(/\(body\)/);
    expect(() => toMetricRows('t1', { resourceMetrics: {} })).toThrow(/resourceMetrics: must be an array/);
  });
});

describe('resolveStep', () => {
  const h = 3_600_000;
  it('derives the step from maxPoints, in whole minutes from one minute on, reading the rollup then', () => {
    expect(resolveStep(0, h, undefined, 3600)).toEqual({ fromMs: 0, toMs: h, stepSeconds: 1, source: 'RAW' });
    expect(resolveStep(0, 24 * h, undefined, 500)).toMatchObject({ stepSeconds: 180, source: 'ROLLUP_1M' });
    expect(resolveStep(0, h, 15, undefined)).toMatchObject({ stepSeconds: 15, source: 'RAW' });
    expect(resolveStep(0, h, 300, undefined)).toMatchObject({ stepSeconds: 300, source: 'ROLLUP_1M' });
  });

  it('names the field of a bad range', () => {
    expect(() => resolveStep(h, 0, undefined, undefined)).toThrow(/^to: must be after from/);
    expect(() => resolveStep(0, h, 0, undefined)).toThrow(/^step:/);
    expect(() => resolveStep(0, 24 * h, 1, 500)).toThrow(/^step: too small for the range/);
    expect(() => resolveStep(0, h, undefined, 0)).toThrow(/^maxPoints:/);
  });
});
