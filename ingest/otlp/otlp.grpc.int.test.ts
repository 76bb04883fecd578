import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentials, Metadata, makeGenericClientConstructor, status, type ServiceError } from '@grpc/grpc-js';
import { SpanKind } from '@opentelemetry/api';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { DEMO_KEY, startTestLoom, type TestLoom } from '../../server/src/testing/harness.js';
import { traceMessages } from './otlp.proto.js';
import { child, otlpTenants, RecordingExporter } from './otlp.testkit.js';

const bearer = (key: string) => { const m = new Metadata(); m.set('authorization', `Bearer ${key}`); return m; };
const raw = (b: Buffer) => b;
const TraceClient = makeGenericClientConstructor({
  Export: { path: '/opentelemetry.proto.collector.trace.v1.TraceService/Export', requestStream: false, responseStream: false, requestSerialize: raw, requestDeserialize: raw, responseSerialize: raw, responseDeserialize: raw },
}, 'TraceService');

describe('OTLP/gRPC receivers with the OTel SDK gRPC exporters', () => {
  let loom: TestLoom;
  let address: string;
  let otherKey: string;
  let viewerKey: string;
  /** One Export call with raw bytes: the status code (0 = OK) and the answer. */
  let call: (body: Buffer, metadata: Metadata) => Promise<{ code: number; details?: string; body?: Buffer }>;

  beforeAll(async () => {
    loom = await startTestLoom({ LOOM_SEED_DEMO: 'false', LOOM_OTLP_MAX_CONCURRENT: '1' });
    ({ otherKey, viewerKey } = await otlpTenants(loom));
    address = loom.grpcAddress!;
    const client = new TraceClient(address, credentials.createInsecure());
    call = (body, metadata) => new Promise((resolve) => {
      (client as unknown as { Export(b: Buffer, m: Metadata, cb: (e: ServiceError | null, r?: Buffer) => void): void })
        .Export(body, metadata, (err, res) => resolve(err ? { code: err.code, details: err.details } : { code: status.OK, body: res }));
    });
  });
  afterAll(() => loom?.close());

  it('stores the spans a tracer provider exports with the gRPC exporter (gzip), and links the LLM call', async () => {
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    const exporter = new RecordingExporter(new OTLPTraceExporter({ url: `http://${address}`, metadata: bearer(DEMO_KEY), compression: CompressionAlgorithm.GZIP }));
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'grpc-api' }) as never,
      spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 60_000 })],
    });
    const tracer = provider.getTracer('loom-grpc-test');
    const root = tracer.startSpan('POST /answer', { kind: SpanKind.SERVER });
    const llm = child(tracer, root, 'chat gpt-4o-mini', {
      'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 1000, 'gen_ai.usage.output_tokens': 100,
    });
    llm.end();
    root.end();
    await provider.forceFlush();
    await loom.services.traceIngest.settled();
    expect(exporter.results.map((r) => r.code)).toEqual([0]);

    const query = 'query ($id: ID!) { trace(traceId: $id) { summary { service rootSpanName spanCount llmCalls inputTokens outputTokens costUsd } spans { name parentSpanId llm { requestModel inputTokens } } } }';
    const got = await loom.gql(query, { id: root.spanContext().traceId });
    expect(got.data.trace.summary).toMatchObject({ service: 'grpc-api', rootSpanName: 'POST /answer', spanCount: 2, llmCalls: 1, inputTokens: 1000, outputTokens: 100 });
    expect(got.data.trace.summary.costUsd).toBeGreaterThan(0);
    expect(got.data.trace.spans.map((s: { name: string }) => s.name)).toEqual(['POST /answer', 'chat gpt-4o-mini']);
    expect(got.data.trace.spans[1].llm).toEqual({ requestModel: 'gpt-4o-mini', inputTokens: 1000 });
    // Another tenant's key sees nothing of it.
    expect((await loom.gql(query, { id: root.spanContext().traceId }, otherKey)).data.trace).toBeNull();
    await provider.shutdown();
  });

  it('stores the points a meter provider exports with the gRPC exporter', async () => {
    const exporter = new OTLPMetricExporter({ url: `http://${address}`, metadata: bearer(DEMO_KEY) });
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ resource: resourceFromAttributes({ 'service.name': 'trainer' }) as never, readers: [reader] });
    const gauge = provider.getMeter('loom-grpc-test').createGauge('train.loss');
    gauge.record(0.42, { 'run.phase': 'train' });
    await reader.forceFlush();
    const query = '{ metricSeries(name: "train.loss", step: 60) { series { service labels points { max } } } }';
    const series = await loom.gql(query);
    expect(series.errors).toBeUndefined();
    expect(series.data.metricSeries.series).toEqual([{ service: 'trainer', labels: expect.objectContaining({ 'run.phase': 'train' }), points: [{ max: 0.42 }] }]);
    expect((await loom.gql(query, {}, otherKey)).data.metricSeries.series).toEqual([]);
    await provider.shutdown();
  });

  it('answers with the gRPC status an exporter acts on, and keeps serving', async () => {
    const empty = Buffer.from(traceMessages.ExportTraceServiceRequest.encode({ resourceSpans: [] }).finish());
    expect(await call(empty, new Metadata())).toMatchObject({ code: status.UNAUTHENTICATED });
    expect(await call(empty, bearer('loom_not_a_key_at_all_000000'))).toMatchObject({ code: status.UNAUTHENTICATED, details: 'Unknown or revoked API key' });
    expect(await call(empty, bearer(viewerKey))).toMatchObject({ code: status.PERMISSION_DENIED, details: 'role viewer may not write' });
    const garbage = await call(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), bearer(DEMO_KEY));
    expect(garbage.code).toBe(status.INVALID_ARGUMENT);
    expect(garbage.details).toMatch(/^cannot decode the message as an ExportTraceServiceRequest/);
    const tooBig = await call(Buffer.alloc(9 * 1024 * 1024), bearer(DEMO_KEY)); // over LOOM_BODY_LIMIT_BYTES (8 MiB)
    expect(tooBig.code).toBe(status.RESOURCE_EXHAUSTED);
    // A span that cannot be placed is named in partial_success, as over HTTP.
    const old = Buffer.from(traceMessages.ExportTraceServiceRequest.encode({ resourceSpans: [{ scopeSpans: [{ spans: [{
      traceId: Buffer.alloc(16, 7), spanId: Buffer.alloc(8, 7), name: 'in 1970', kind: 1, startTimeUnixNano: '1000000000', endTimeUnixNano: '2000000000',
    }] }] }] }).finish());
    const partial = await call(old, bearer(DEMO_KEY));
    expect(partial.code).toBe(status.OK);
    const answer = traceMessages.ExportTraceServiceResponse.decode(partial.body!) as unknown as { partialSuccess?: { rejectedSpans?: unknown; errorMessage?: string } };
    expect(Number(answer.partialSuccess?.rejectedSpans)).toBe(1);
    expect(answer.partialSuccess?.errorMessage).toBe('1 span(s) rejected: resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: must be Unix nanoseconds after 2000-01-01');
    expect(await call(empty, bearer(DEMO_KEY))).toMatchObject({ code: status.OK });
  });

  it('refuses exports beyond LOOM_OTLP_MAX_CONCURRENT in flight with UNAVAILABLE, which exporters retry', async () => {
    const spans = Array.from({ length: 2000 }, (_, i) => ({
      traceId: Buffer.alloc(16, 9), spanId: Buffer.from(String(i).padStart(8, '0')), name: `op ${i}`, kind: 1,
      startTimeUnixNano: String(BigInt(Date.now() - 60_000) * 1_000_000n), endTimeUnixNano: String(BigInt(Date.now() - 59_000) * 1_000_000n),
    }));
    const body = Buffer.from(traceMessages.ExportTraceServiceRequest.encode({ resourceSpans: [{ scopeSpans: [{ spans }] }] }).finish());
    const answers = await Promise.all(Array.from({ length: 4 }, () => call(body, bearer(DEMO_KEY))));
    const codes = answers.map((a) => a.code);
    expect(codes).toContain(status.OK);
    expect(codes).toContain(status.UNAVAILABLE);
    expect(answers.find((a) => a.code === status.UNAVAILABLE)?.details).toBe('1 exports in progress; retry shortly');
    expect((await call(body, bearer(DEMO_KEY))).code).toBe(status.OK); // and serves once they are done
  });
});
