/**
 * Exponential histograms and summaries as real emitters send them: the OTel metrics SDK's base-2
 * exponential histograms (cumulative and delta, protobuf exporter), and an OTel Collector's summary (what
 * its prometheus receiver makes of a Prometheus summary, protobuf), read back through GraphQL metricSeries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AggregationTemporality, AggregationType, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { metricsMessages } from '../../../../ingest/otlp/otlp.proto.js';
import { postRaw } from '../../../../ingest/otlp/otlp.testkit.js';
import { msToNanos } from '../../domain/telemetry/metrics-testkit.js';

const SERIES = `query ($name: String!, $from: DateTime, $to: DateTime, $step: Int, $quantiles: [Float!]) {
  metricSeries(name: $name, from: $from, to: $to, step: $step, quantiles: $quantiles) {
    source series { name type temporality unit service labels
      points { time count avg quantiles { quantile value }
        exponentialHistogram { count sum min max scale zeroCount zeroThreshold positive { offset bucketCounts } negative { offset bucketCounts } }
        summary { count sum quantiles { quantile value } } } } } }`;

/** The bucket of v > 0 at `scale`, as OTLP defines it: base^i < v <= base^(i+1), base = 2^(2^-scale). */
const bucketOf = (v: number, scale: number) => Math.ceil(Math.log2(v) * 2 ** scale) - 1;

/** The dense buckets the values fall in at `scale` (all values > 0). */
function bucketsOf(values: number[], scale: number): { offset: number; bucketCounts: number[] } {
  const idx = values.map((v) => bucketOf(v, scale));
  const offset = Math.min(...idx);
  const bucketCounts = new Array<number>(Math.max(...idx) - offset + 1).fill(0);
  for (const i of idx) bucketCounts[i - offset]++;
  return { offset, bucketCounts };
}

/** The buckets without leading or trailing empty ones (an SDK may send a wider window than its values use). */
function trimmed(b: { offset: number; bucketCounts: number[] }) {
  const first = b.bucketCounts.findIndex((c) => c > 0);
  const last = b.bucketCounts.findLastIndex((c) => c > 0);
  return first < 0 ? { offset: 0, bucketCounts: [] } : { offset: b.offset + first, bucketCounts: b.bucketCounts.slice(first, last + 1) };
}

describe('exponential histograms and summaries, from real emitters to GraphQL', () => {
  let loom: TestLoom;
  let rivalKey: string;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'viewer');
  });
  afterAll(() => loom?.close());

  const sdk = (temporality?: AggregationTemporality) => {
    const exporter = new OTLPMetricExporter({ url: `${loom.url}/v1/metrics`, headers: { authorization: `Bearer ${loom.key}` }, temporalityPreference: temporality });
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({
      resource: resourceFromAttributes({ 'service.name': 'inference' }) as never, readers: [reader],
      views: [{ instrumentName: 'infer.*', aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }],
    });
    return { reader, provider, meter: provider.getMeter('loom-metrics-test') };
  };
  const read = (name: string, key?: string, quantiles?: number[]) =>
    loom.gql(SERIES, { name, from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 1_000).toISOString(), step: 3_600, quantiles }, key);

  it('takes the SDK\'s cumulative exponential histograms: the latest point, every value in its bucket', async () => {
    const { reader, provider, meter } = sdk();
    const h = meter.createHistogram('infer.latency', { unit: 's' });
    const values = [0.012, 0.013, 0.02, 0.5, 0.51, 1.7, 3];
    for (const v of values.slice(0, 4)) h.record(v, { model: 'llama-3-8b' });
    await reader.forceFlush();
    for (const v of values.slice(4)) h.record(v, { model: 'llama-3-8b' });
    await provider.shutdown();
    const res = await read('infer.latency');
    expect(res.errors).toBeUndefined();
    const [series] = res.data.metricSeries.series;
    expect(series).toMatchObject({ type: 'exponential_histogram', temporality: 'cumulative', unit: 's', service: 'inference', labels: { model: 'llama-3-8b' } });
    expect(series.points).toHaveLength(1);
    const [p] = series.points;
    expect(p.count).toBe(2); // two exports
    const e = p.exponentialHistogram;
    expect(e).toMatchObject({ count: 7, min: 0.012, max: 3, zeroCount: 0, negative: { bucketCounts: [] } });
    expect(e.sum).toBeCloseTo(sum(values), 9);
    expect(e.scale).toBeLessThanOrEqual(20);
    expect(trimmed(e.positive)).toEqual(bucketsOf(values, e.scale));
    // quantiles estimated from the buckets: the median (0.5, the 4th of 7 values) inside its bucket
    const [q] = (await read('infer.latency', undefined, [0.5])).data.metricSeries.series[0].points;
    const base = 2 ** (2 ** -e.scale);
    expect(q.quantiles[0].value / 0.5).toBeGreaterThan(1 / base);
    expect(q.quantiles[0].value / 0.5).toBeLessThanOrEqual(base);
  });

  it('adds up the SDK\'s delta exponential histograms of different scales at the lowest of them', async () => {
    const { reader, provider, meter } = sdk(AggregationTemporality.DELTA);
    const h = meter.createHistogram('infer.tokens');
    const close = [100, 100.5, 101]; // a narrow range: the SDK keeps a fine scale
    const wide = [1, 1_000, 1_000_000]; // a wide one: a coarse scale
    for (const v of close) h.record(v);
    await reader.forceFlush();
    for (const v of wide) h.record(v);
    await provider.shutdown();
    const [series] = (await read('infer.tokens')).data.metricSeries.series;
    expect(series).toMatchObject({ type: 'exponential_histogram', temporality: 'delta' });
    const e = series.points[0].exponentialHistogram;
    expect(e).toMatchObject({ count: 6, sum: sum([...close, ...wide]), min: 1, max: 1_000_000 });
    expect(e.scale).toBeLessThan(5); // the wide export's scale, not the close one's
    expect(trimmed(e.positive)).toEqual(bucketsOf([...close, ...wide], e.scale));
  });

  it('takes a Collector\'s protobuf summary: the latest point\'s quantiles, NaN as null; tenants apart', async () => {
    const now = Date.now();
    const point = (ms: number, count: number, total: number, values: number[]) => ({
      attributes: [{ key: 'instance', value: { stringValue: '10.0.0.7:8080' } }],
      startTimeUnixNano: msToNanos(now - 3_600_000), timeUnixNano: msToNanos(ms), count, sum: total,
      quantileValues: [0, 0.5, 1].map((quantile, i) => ({ quantile, value: values[i] })),
    });
    const body = metricsMessages.ExportMetricsServiceRequest.encode({ resourceMetrics: [{
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api-server' } }] },
      scopeMetrics: [{ scope: { name: 'otelcol/prometheusreceiver' }, metrics: [{ name: 'go_gc_duration_seconds', unit: 's', summary: { dataPoints: [
        point(now - 20_000, 10, 0.05, [0.0001, 0.004, 0.01]),
        point(now - 5_000, 12, 0.06, [0.0001, NaN, 0.012]),
      ] } }] }],
    }] }).finish();
    const res = await postRaw(`${loom.url}/v1/metrics`, body, { 'content-type': 'application/x-protobuf', authorization: `Bearer ${loom.key}` });
    expect(res.status).toBe(200);
    expect(metricsMessages.ExportMetricsServiceResponse.decode(res.body)).toEqual(expect.not.objectContaining({ partialSuccess: expect.anything() }));
    const [series] = (await read('go_gc_duration_seconds')).data.metricSeries.series;
    expect(series).toMatchObject({ type: 'summary', unit: 's', service: 'api-server', labels: { instance: '10.0.0.7:8080' } });
    expect(series.points[0].summary).toEqual({ count: 12, sum: 0.06, quantiles: [{ quantile: 0, value: 0.0001 }, { quantile: 0.5, value: null }, { quantile: 1, value: 0.012 }] });
    expect((await read('go_gc_duration_seconds', rivalKey)).data.metricSeries.series).toEqual([]);
    expect((await read('infer.latency', rivalKey)).data.metricSeries.series).toEqual([]);
  });
});
