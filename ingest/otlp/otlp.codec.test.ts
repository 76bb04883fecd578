import { describe, expect, it } from 'vitest';
import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { AggregationTemporality, AggregationType, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { resourceFromAttributes } from '@opentelemetry/resources';
// The serializers the SDK's OTLP exporters use (a dependency of the exporters).
import { JsonMetricsSerializer, JsonTraceSerializer, ProtobufMetricsSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { decodeMetrics, encodeResponse, encodeStatus, jsonResponse } from './otlp.codec.js';
import { traceSpanReader } from './otlp.wire.js';
import { traceMessages, metricsMessages } from './otlp.proto.js';
import { toSpanRows } from '../../server/src/domain/telemetry/spans.js';
import { loadPriceTable } from '../../server/src/domain/telemetry/prices.js';
import { toMetricRows } from '../../server/src/domain/telemetry/metrics-points.js';

async function sdkSpans() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': 'codec-test' }) as never, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('codec', '2.0.0');
  const root = tracer.startSpan('root', { kind: SpanKind.SERVER, attributes: { n: 42, big: 2 ** 40, f: 1.25, ok: false, list: ['a', 'b'], nums: [1, 2] } });
  const kid = tracer.startSpan('kid', { links: [{ context: root.spanContext(), attributes: { why: 'retry' } }] }, trace.setSpan(ROOT_CONTEXT, root));
  kid.addEvent('evt', { k: 'v' });
  kid.setStatus({ code: 2, message: 'bad' });
  kid.end();
  root.end();
  await provider.forceFlush();
  return exporter.getFinishedSpans(); // (shutting the provider down would clear them)
}

describe('OTLP protobuf codec', () => {
  it('reads what the SDK protobuf exporter sends into the same rows as its JSON exporter', async () => {
    const spans = await sdkSpans();
    const fromJson = JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(spans)!).toString('utf8'));
    const prices = loadPriceTable();
    const rows = toSpanRows('t', traceSpanReader(ProtobufTraceSerializer.serializeRequest(spans)!), prices);
    expect(rows).toEqual(toSpanRows('t', fromJson, prices));
    const root = rows.rows.find((r) => r.name === 'root')!;
    const kid = rows.rows.find((r) => r.name === 'kid')!;
    expect(root).toMatchObject({ kind: 2, service_name: 'codec-test', scope_name: 'codec', scope_version: '2.0.0', parent_span_id: '' });
    expect(root.attributes).toEqual({ n: '42', big: '1099511627776', f: '1.25', ok: 'false', list: '["a","b"]', nums: '[1,2]' });
    expect(root.attribute_types).toEqual({ n: 'int', big: 'int', f: 'double', ok: 'bool', list: 'array', nums: 'array' });
    expect(kid).toMatchObject({
      trace_id: root.trace_id, parent_span_id: root.span_id, status_code: 2, status_message: 'bad',
      'events.name': ['evt'], 'events.attributes': [{ k: 'v' }], 'links.span_id': [root.span_id], 'links.attributes': [{ why: 'retry' }],
    });
    expect(kid.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(kid.start_time).toMatch(/^\d{19}$/);
  });

  it('decodes metrics (gauge, sum, histogram) as the SDK protobuf exporter sends them', async () => {
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ resource: resourceFromAttributes({ 'service.name': 'gpu-node' }) as never, readers: [reader] });
    const meter = provider.getMeter('dcgm');
    meter.createObservableGauge('DCGM_FI_DEV_GPU_UTIL').addCallback((r) => r.observe(87, { gpu: '0', UUID: 'GPU-1' }));
    meter.createCounter('requests').add(5, { route: '/a' });
    meter.createHistogram('latency', { advice: { explicitBucketBoundaries: [1, 10] } }).record(4, { route: '/a' });
    await reader.forceFlush();
    const [batch] = exporter.getMetrics();
    const decoded = decodeMetrics(ProtobufMetricsSerializer.serializeRequest(batch)!);
    const metrics = decoded.resourceMetrics![0].scopeMetrics![0].metrics!;
    expect(decoded.resourceMetrics![0].resource!.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'gpu-node' } });
    const byName = new Map(metrics.map((m) => [m.name, m]));
    expect(byName.get('DCGM_FI_DEV_GPU_UTIL')!.gauge!.dataPoints![0]).toMatchObject({
      asDouble: 87, attributes: [{ key: 'gpu', value: { stringValue: '0' } }, { key: 'UUID', value: { stringValue: 'GPU-1' } }], timeUnixNano: expect.stringMatching(/^\d{19}$/),
    });
    expect(byName.get('requests')!.sum).toMatchObject({ aggregationTemporality: 2, isMonotonic: true, dataPoints: [{ asDouble: 5 }] });
    expect(byName.get('latency')!.histogram!.dataPoints![0]).toMatchObject({ count: '1', sum: 4, min: 4, max: 4, bucketCounts: ['0', '1', '0'], explicitBounds: [1, 10] });
    // the JSON exporter's body carries the same values
    const json = JSON.parse(Buffer.from(JsonMetricsSerializer.serializeRequest(batch)!).toString('utf8'));
    const jsonHist = json.resourceMetrics[0].scopeMetrics[0].metrics.find((m: { name: string }) => m.name === 'latency').histogram.dataPoints[0];
    expect(jsonHist).toMatchObject({ sum: 4, explicitBounds: [1, 10] });
    await provider.shutdown();
  });

  it('decodes exponential histograms and summaries into the same rows as their JSON form', async () => {
    const exporter = new InMemoryMetricExporter(AggregationTemporality.DELTA);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ readers: [reader], views: [{ instrumentName: 'exp', aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }] });
    const h = provider.getMeter('m').createHistogram('exp');
    for (const v of [0, 0.25, 7, 7.5, 1e6]) h.record(v); // (the API drops negative values of a histogram)
    await reader.forceFlush();
    const [batch] = exporter.getMetrics();
    const fromJson = toMetricRows('t', JSON.parse(Buffer.from(JsonMetricsSerializer.serializeRequest(batch)!).toString('utf8')));
    const fromPb = toMetricRows('t', decodeMetrics(ProtobufMetricsSerializer.serializeRequest(batch)!));
    expect(fromPb).toEqual(fromJson);
    expect(fromPb.points[0]).toMatchObject({ metric_type: 'exponential_histogram', temporality: 1, hist_count: '5', hist_min: 0, hist_max: 1e6, exp_zero_count: '1', exp_negative_counts: [] });
    expect(fromPb.points[0].exp_positive_offset).toBeLessThan(0); // 0.25 < 1: a negative index (sint32 on the wire)
    await provider.shutdown();
    // The SDK makes no summaries: one as a Collector's prometheus receiver sends it, NaN value included.
    const summary = { timeUnixNano: '1780000000000000000', count: '3', sum: 1.5, quantileValues: [{ quantile: 0.5, value: 0.5 }, { quantile: 0.99, value: NaN }] };
    const decoded = decodeMetrics(metricsMessages.ExportMetricsServiceRequest.encode({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 's', summary: { dataPoints: [summary] } }] }] }] }).finish());
    expect(decoded.resourceMetrics![0].scopeMetrics![0].metrics![0].summary!.dataPoints).toEqual([{ ...summary, attributes: [], startTimeUnixNano: undefined, flags: 0 }]);
  });

  it('throws on bytes that are not a metrics request (trace exports: otlp.wire.test.ts)', () => {
    expect(() => decodeMetrics(Buffer.from([0x0a, 0x05, 0x01]))).toThrow();
    expect(decodeMetrics(new Uint8Array(0))).toEqual({ resourceMetrics: [] });
  });

  it('encodes export responses with partial_success only when something was rejected', () => {
    expect(encodeResponse('traces', { rejected: 0 })).toHaveLength(0);
    const partial = traceMessages.ExportTraceServiceResponse.decode(encodeResponse('traces', { rejected: 3, errorMessage: 'bad ids' })) as { partialSuccess: { rejectedSpans: object; errorMessage: string } };
    expect([String(partial.partialSuccess.rejectedSpans), partial.partialSuccess.errorMessage]).toEqual(['3', 'bad ids']);
    const metrics = metricsMessages.ExportMetricsServiceResponse.decode(encodeResponse('metrics', { rejected: 2 })) as { partialSuccess: { rejectedDataPoints: object } };
    expect(String(metrics.partialSuccess.rejectedDataPoints)).toBe('2');
    expect(jsonResponse('traces', { rejected: 0 })).toEqual({});
    expect(jsonResponse('metrics', { rejected: 2, errorMessage: 'summary not stored' })).toEqual({ partialSuccess: { rejectedDataPoints: '2', errorMessage: 'summary not stored' } });
  });

  it('encodes google.rpc.Status', () => {
    expect(Buffer.from(encodeStatus(3, 'bad')).toString('hex')).toBe('0803120362616' + '4');
    const long = 'x'.repeat(300);
    const bytes = Buffer.from(encodeStatus(14, long));
    expect([...bytes.subarray(0, 5)]).toEqual([0x08, 14, 0x12, 0xac, 0x02]);
    expect(bytes.subarray(5).toString()).toBe(long);
  });
});
