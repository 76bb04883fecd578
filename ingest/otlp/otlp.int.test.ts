import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpanStatusCode, SpanKind } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { OpenAIInstrumentation } from '@opentelemetry/instrumentation-openai';
import { startTestLoom, type TestLoom } from '../../server/src/testing/harness.js';
import { modelVersionId, promptVersionId } from '../../server/src/domain/ids.js';
import { traceMessages } from './otlp.proto.js';
import { child, emitter, openAiStandIn, otlpTenants, postRaw, readStatus } from './otlp.testkit.js';

const TRACE = `query ($id: ID!) { trace(traceId: $id) {
  summary { traceId service rootSpanName spanCount errorCount error llmCalls inputTokens outputTokens costUsd models prompts { name version } runIds modelVersions { name version }
    node { id kind props neighbours { items { edge { kind from } } } } }
  spans { spanId parentSpanId name kind service depth startOffsetMs durationMs childCount statusCode statusMessage attributes resourceAttributes
    events { name attributes } llm { provider operation requestModel responseModel inputTokens outputTokens totalTokens costUsd promptName promptVersion } runId }
  truncated } }`;
const TRACES = `query ($filter: TraceFilter, $first: Int, $after: String) { traces(filter: $filter, first: $first, after: $after) {
  edges { cursor node { traceId service rootSpanName spanCount error costUsd } } pageInfo { hasNextPage endCursor } } }`;
const USAGE = `query ($groupBy: LlmUsageGroup!, $from: DateTime, $to: DateTime) { llmUsage(groupBy: $groupBy, from: $from, to: $to, bucket: MINUTE) {
  model promptName promptVersion bucketStart calls inputTokens outputTokens totalTokens costUsd latencyP50Ms latencyP99Ms } }`;

const protoHeaders = (key: string, extra: Record<string, string> = {}) => ({ 'content-type': 'application/x-protobuf', authorization: `Bearer ${key}`, ...extra });
describe('OTLP receivers with real OTel SDK emitters', () => {
  let loom: TestLoom;
  let otherKey: string;
  let viewerKey: string;
  const runId = randomUUID();

  beforeAll(async () => {
    loom = await startTestLoom({ LOOM_SEED_DEMO: 'false' });
    ({ otherKey, viewerKey } = await otlpTenants(loom));
    // The run (from OpenLineage) and the registry versions the traces name.
    const ol = await loom.post('/api/v1/lineage', {
      eventType: 'START', eventTime: new Date().toISOString(), producer: 'https://example.com/test', run: { runId },
      job: { namespace: 'serving', name: 'churn_api' },
    });
    expect(ol.status).toBe(201);
    await loom.services.graph.write('demo', {
      nodes: [
        { id: modelVersionId('churn', '3'), kind: 'ModelVersion', namespace: 'registry', name: 'churn@3' },
        { id: promptVersionId('support-answer', '2'), kind: 'PromptVersion', namespace: 'registry', name: 'support-answer@2' },
      ],
      edges: [],
    });
  });
  afterAll(() => loom?.close());

  let protoTraceId = '';
  /** The SDK's export sent and answered, and the trace summaries that follow the answer written. */
  const exportAndSettle = async (sdk: { flush(): Promise<void> }) => { await sdk.flush(); await loom.services.traceIngest.settled(); };

  it('stores spans exported by the SDK over OTLP/HTTP protobuf and links the trace into the graph', async () => {
    const sdk = emitter(loom.url, loom.key, 'proto', { 'service.name': 'churn-api', 'loom.run.id': runId, 'deployment.environment': 'test' });
    const root = sdk.tracer.startSpan('POST /predict', { kind: SpanKind.SERVER, attributes: { 'http.request.method': 'POST', 'http.response.status_code': 200 } });
    const retrieve = child(sdk.tracer, root, 'retrieve', { 'db.system': 'qdrant', 'retrieval.k': 5, 'retrieval.scores': [0.9, 0.8] });
    retrieve.addEvent('cache miss', { key: 'q1' });
    retrieve.end();
    // The SDK's clock can give two spans started within the same instant equal start times: keep the order unambiguous.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const llm = child(sdk.tracer, root, 'chat gpt-4o', {
      'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4o',
      'gen_ai.response.model': 'gpt-4o-2024-08-06', 'gen_ai.usage.input_tokens': 1000, 'gen_ai.usage.output_tokens': 200,
      'loom.prompt.name': 'support-answer', 'loom.prompt.version': '2', 'loom.model.name': 'churn', 'loom.model.version': '3',
    });
    llm.setStatus({ code: SpanStatusCode.ERROR, message: 'rate limited once' });
    llm.end();
    root.end();
    protoTraceId = root.spanContext().traceId;
    await exportAndSettle(sdk);
    expect(sdk.exporter.results.map((r) => r.code)).toEqual([0]);

    const res = await loom.gql(TRACE, { id: protoTraceId });
    expect(res.errors).toBeUndefined();
    const t = res.data.trace;
    expect(t.summary).toMatchObject({
      traceId: protoTraceId, service: 'churn-api', rootSpanName: 'POST /predict', spanCount: 3, errorCount: 1, error: true, llmCalls: 1,
      inputTokens: 1000, outputTokens: 200, models: ['gpt-4o', 'gpt-4o-2024-08-06'], prompts: [{ name: 'support-answer', version: '2' }],
      runIds: [runId], modelVersions: [{ name: 'churn', version: '3' }],
    });
    expect(t.summary.costUsd).toBeCloseTo((1000 * 2.5 + 200 * 10) / 1e6, 12);
    // waterfall order: root, then its children by start time, with depth and offsets
    expect(t.spans.map((s: any) => [s.name, s.depth])).toEqual([['POST /predict', 0], ['retrieve', 1], ['chat gpt-4o', 1]]);
    const [r, ret, call] = t.spans;
    expect(r).toMatchObject({ kind: 'SERVER', parentSpanId: null, childCount: 2, startOffsetMs: 0, statusCode: 'UNSET', llm: null, runId });
    expect(r.attributes).toEqual({ 'http.request.method': 'POST', 'http.response.status_code': 200 });
    expect(r.resourceAttributes).toEqual({ 'service.name': 'churn-api', 'loom.run.id': runId, 'deployment.environment': 'test' });
    expect(ret.parentSpanId).toBe(r.spanId);
    expect(ret.attributes).toEqual({ 'db.system': 'qdrant', 'retrieval.k': 5, 'retrieval.scores': [0.9, 0.8] });
    expect(ret.events).toEqual([{ name: 'cache miss', attributes: { key: 'q1' } }]);
    expect(ret.startOffsetMs).toBeGreaterThanOrEqual(0);
    expect(call).toMatchObject({ statusCode: 'ERROR', statusMessage: 'rate limited once' });
    expect(call.llm).toMatchObject({
      provider: 'openai', operation: 'chat', requestModel: 'gpt-4o', responseModel: 'gpt-4o-2024-08-06',
      inputTokens: 1000, outputTokens: 200, totalTokens: 1200, promptName: 'support-answer', promptVersion: '2',
    });
    // the Trace node, linked to the run, the model version and the prompt version
    const node = t.summary.node;
    expect(node).toMatchObject({ id: `trace:${protoTraceId}`, kind: 'Trace' });
    expect(node.props).toMatchObject({ spanCount: 3, error: true, inputTokens: 1000, outputTokens: 200, service: 'churn-api', rootSpan: 'POST /predict' });
    expect(node.neighbours.items.map((i: any) => [i.edge.kind, i.edge.from]).sort()).toEqual([
      ['PROMPTED', promptVersionId('support-answer', '2')], ['SERVED', modelVersionId('churn', '3')], ['TRACED', `run:${runId}`],
    ]);
    await sdk.close();
  });

  it('updates the trace as later exports add spans (JSON encoding), idempotently', async () => {
    const sdk = emitter(loom.url, loom.key, 'json', { 'service.name': 'rag-worker' });
    const root = sdk.tracer.startSpan('answer');
    const first = child(sdk.tracer, root, 'embed', { 'openinference.span.kind': 'EMBEDDING', 'llm.model_name': 'text-embedding-3-small', 'llm.token_count.prompt': 50000 });
    first.end();
    await exportAndSettle(sdk); // the child arrives before its root, as with a BatchSpanProcessor mid-trace
    const traceId = root.spanContext().traceId;
    let res = await loom.gql(TRACE, { id: traceId });
    expect(res.data.trace.summary).toMatchObject({ spanCount: 1, rootSpanName: 'embed', llmCalls: 1, inputTokens: 50000 });
    root.end();
    await exportAndSettle(sdk);
    expect(sdk.exporter.results.map((r) => r.code)).toEqual([0, 0]);
    res = await loom.gql(TRACE, { id: traceId });
    expect(res.data.trace.summary).toMatchObject({ spanCount: 2, rootSpanName: 'answer', service: 'rag-worker', llmCalls: 1 });
    expect(res.data.trace.summary.costUsd).toBeCloseTo(50000 * 0.02 / 1e6, 12);
    expect(res.data.trace.summary.node.props).toMatchObject({ spanCount: 2, rootSpan: 'answer' });
    expect(res.data.trace.spans.map((s: any) => [s.name, s.depth])).toEqual([['answer', 0], ['embed', 1]]);

    // An exporter retry of the same batch changes nothing (no double counting).
    const list = await loom.gql(TRACES, { filter: { service: 'rag-worker' } });
    expect(list.data.traces.edges).toHaveLength(1);
    const exported = await postRaw(`${loom.url}/v1/traces`, JSON.stringify(jsonExport(traceId, 'b'.repeat(16), 'again')), { 'content-type': 'application/json', authorization: `Bearer ${loom.key}` });
    expect(exported.status).toBe(200);
    const again = await postRaw(`${loom.url}/v1/traces`, JSON.stringify(jsonExport(traceId, 'b'.repeat(16), 'again')), { 'content-type': 'application/json', authorization: `Bearer ${loom.key}` });
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body.toString())).toEqual({});
    await loom.services.traceIngest.settled();
    res = await loom.gql(TRACE, { id: traceId });
    expect(res.data.trace.summary.spanCount).toBe(3);
    expect(res.data.trace.spans.map((s: any) => s.name)).toEqual(['answer', 'embed', 'again']);
    await sdk.close();
  });

  it('shows OpenAI calls made through @opentelemetry/instrumentation-openai with model, tokens and cost', async () => {
    const api = await openAiStandIn({ prompt_tokens: 1200, completion_tokens: 300 }, 'gpt-4o-mini-2024-07-18');
    const sdk = emitter(loom.url, loom.key, 'proto', { 'service.name': 'support-bot', 'loom.prompt.name': 'support-answer', 'loom.prompt.version': '2' }, true);
    const unregister = registerInstrumentations({ tracerProvider: sdk.provider, instrumentations: [new OpenAIInstrumentation()] });
    try {
      // The instrumentation patches `openai` when it is required after registration.
      const { OpenAI } = createRequire(import.meta.url)('openai') as typeof import('openai');
      const client = new OpenAI({ apiKey: 'sk-test', baseURL: api.url, maxRetries: 0 });
      let traceId = '';
      await sdk.tracer.startActiveSpan('handle ticket', async (span) => {
        traceId = span.spanContext().traceId;
        const answer = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Capital of France?' }], temperature: 0.2 });
        expect(answer.choices[0].message.content).toBe('Paris.');
        span.end();
      });
      await exportAndSettle(sdk);
      expect(api.calls).toHaveLength(1);
      expect(sdk.exporter.results.map((r) => r.code)).toEqual([0]);

      const res = await loom.gql(TRACE, { id: traceId });
      const call = res.data.trace.spans.find((s: any) => s.llm);
      expect(call).toMatchObject({ name: 'chat gpt-4o-mini', kind: 'CLIENT', depth: 1 });
      const cost = (1200 * 0.15 + 300 * 0.6) / 1e6;
      expect(call.llm).toMatchObject({
        provider: 'openai', operation: 'chat', requestModel: 'gpt-4o-mini', responseModel: 'gpt-4o-mini-2024-07-18',
        inputTokens: 1200, outputTokens: 300, totalTokens: 1500, promptName: 'support-answer', promptVersion: '2',
      });
      expect(call.llm.costUsd).toBeCloseTo(cost, 12);
      expect(call.attributes).toMatchObject({ 'gen_ai.request.temperature': 0.2, 'gen_ai.response.finish_reasons': ['stop'] });
      expect(res.data.trace.summary).toMatchObject({ llmCalls: 1, inputTokens: 1200, outputTokens: 300 });

      const since = new Date(Date.now() - 3600_000).toISOString();
      const byModel = await loom.gql(USAGE, { groupBy: 'MODEL', from: since });
      expect(byModel.errors).toBeUndefined();
      const mini = byModel.data.llmUsage.find((u: any) => u.model === 'gpt-4o-mini');
      expect(mini).toMatchObject({ calls: 1, inputTokens: 1200, outputTokens: 300, totalTokens: 1500, promptName: null, bucketStart: null });
      expect(mini.costUsd).toBeCloseTo(cost, 12);
      expect(mini.latencyP50Ms).toBeGreaterThan(0);
      const byPrompt = await loom.gql(USAGE, { groupBy: 'PROMPT_VERSION', from: since });
      const prompt = byPrompt.data.llmUsage.find((u: any) => u.promptName === 'support-answer' && u.promptVersion === '2');
      expect(prompt.calls).toBe(2); // this call and the first test's gpt-4o call
      const byTime = await loom.gql(USAGE, { groupBy: 'TIME_BUCKET', from: since });
      expect(byTime.data.llmUsage.reduce((n: number, u: any) => n + u.calls, 0)).toBe(3);
      expect(byTime.data.llmUsage.every((u: any) => typeof u.bucketStart === 'string' && u.model === null)).toBe(true);
    } finally {
      unregister();
      await sdk.close();
      await api.close();
    }
  });

  it('lists traces newest first with filters and Relay pages', async () => {
    const all = await loom.gql(TRACES, { first: 2 });
    expect(all.errors).toBeUndefined();
    expect(all.data.traces.edges).toHaveLength(2);
    expect(all.data.traces.pageInfo.hasNextPage).toBe(true);
    const next = await loom.gql(TRACES, { first: 2, after: all.data.traces.pageInfo.endCursor });
    expect(next.data.traces.edges).toHaveLength(1);
    expect(next.data.traces.pageInfo).toEqual({ hasNextPage: false, endCursor: next.data.traces.edges[0].cursor });
    const ids = [...all.data.traces.edges, ...next.data.traces.edges].map((e: any) => e.node.traceId);
    expect(new Set(ids).size).toBe(3);
    const byModel = await loom.gql(TRACES, { filter: { model: 'gpt-4o' } });
    expect(byModel.data.traces.edges.map((e: any) => e.node.traceId)).toEqual([protoTraceId]);
    const byPrompt = await loom.gql(TRACES, { filter: { promptName: 'support-answer', promptVersion: '2' } });
    expect(byPrompt.data.traces.edges).toHaveLength(2);
    const errors = await loom.gql(TRACES, { filter: { status: 'ERROR' } });
    expect(errors.data.traces.edges.map((e: any) => e.node.traceId)).toEqual([protoTraceId]);
    const ok = await loom.gql(TRACES, { filter: { status: 'OK', service: 'support-bot' } });
    expect(ok.data.traces.edges.map((e: any) => e.node.service)).toEqual(['support-bot']);
    const future = await loom.gql(TRACES, { filter: { from: new Date(Date.now() + 3600_000).toISOString() } });
    expect(future.data.traces.edges).toEqual([]);
    // "no end" as a far date: every trace (past 2262 the bound overflowed and nothing was found)
    const farEnd = await loom.gql(TRACES, { first: 10, filter: { to: '9999-12-31T23:59:59Z' } });
    expect(farEnd.data.traces.edges).toHaveLength(3);
    const since = new Date(Date.now() - 3600_000).toISOString();
    const usage = async (to?: string) => (await loom.gql(USAGE, { groupBy: 'MODEL', from: since, ...(to ? { to } : {}) })).data.llmUsage;
    expect(await usage()).not.toEqual([]);
    expect(await usage('9999-12-31T23:59:59Z')).toEqual(await usage());
    const bad = await loom.gql(TRACES, { first: 0 });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await loom.gql(TRACES, { after: 'nope' });
    expect(badCursor.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const badId = await loom.gql('{ trace(traceId: "xyz") { truncated } }');
    expect(badId.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'traceId' });
    expect((await loom.gql('{ trace(traceId: "0af7651916cd43dd8448eb211c80319c") { truncated } }')).data.trace).toBeNull();
  });

  it('answers with partial_success for bad spans, in the request encoding', async () => {
    const good = jsonExport('1'.repeat(32), '2'.repeat(16), 'good');
    const spans = good.resourceSpans[0].scopeSpans[0].spans;
    const monthAgo = String(BigInt(Date.now() - 31 * 86_400_000) * 1_000_000n);
    spans.push({ ...spans[0], spanId: 'not-an-id', name: 'bad' }, { ...spans[0], spanId: '3'.repeat(16), startTimeUnixNano: '0', name: 'unset time' },
      { ...spans[0], spanId: '4'.repeat(16), startTimeUnixNano: monthAgo, endTimeUnixNano: monthAgo, name: 'past the retention' },
      // a token count past what any call uses (past 2^64 the store refused the whole export: answered 500)
      { ...spans[0], spanId: '5'.repeat(16), name: 'chat', attributes: [{ key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o' } }, { key: 'gen_ai.usage.input_tokens', value: { intValue: '99999999999999999999999' } }] });
    const res = await postRaw(`${loom.url}/v1/traces`, JSON.stringify(good), { 'content-type': 'application/json', authorization: `Bearer ${loom.key}` });
    expect(res.status).toBe(200);
    const json = JSON.parse(res.body.toString());
    expect(json.partialSuccess.rejectedSpans).toBe('4');
    expect(json.partialSuccess.errorMessage).toMatch(/spans\[4\]\.attributes\.gen_ai\.usage\.input_tokens: must be a token count of at most 1,000,000,000,000/);
    expect(json.partialSuccess.errorMessage).toMatch(/spans\[1\]\.spanId: must be 8 bytes/);
    expect(json.partialSuccess.errorMessage).toMatch(/spans\[2\]\.startTimeUnixNano/);
    // the spans table's TTL (LOOM_SPAN_TTL_DAYS, 30 by default) would drop it at once: refused, not answered as stored
    expect(json.partialSuccess.errorMessage).toMatch(/spans\[3\]\.startTimeUnixNano: older than the span retention \(30 days/);
    expect((await loom.gql(TRACE, { id: '1'.repeat(32) })).data.trace.summary.spanCount).toBe(1);

    // the same export as protobuf, with base64 ids like some emitters send in JSON, answered in protobuf
    const pb = traceMessages.ExportTraceServiceRequest.encode({ resourceSpans: [{ scopeSpans: [{ spans: [
      { traceId: Buffer.alloc(16, 7), spanId: Buffer.alloc(8, 1), name: 'pb ok', startTimeUnixNano: nowNs(), endTimeUnixNano: nowNs() },
      { traceId: Buffer.alloc(16, 0), spanId: Buffer.alloc(8, 2), name: 'zero trace id', startTimeUnixNano: nowNs(), endTimeUnixNano: nowNs() },
    ] }] }] }).finish();
    const pbRes = await postRaw(`${loom.url}/v1/traces`, pb, protoHeaders(loom.key));
    expect(pbRes.status).toBe(200);
    expect(pbRes.headers.get('content-type')).toBe('application/x-protobuf');
    const decoded = traceMessages.ExportTraceServiceResponse.decode(pbRes.body) as { partialSuccess: { rejectedSpans: { toString(): string }; errorMessage: string } };
    expect(decoded.partialSuccess.rejectedSpans.toString()).toBe('1');
    expect(decoded.partialSuccess.errorMessage).toMatch(/traceId: must be 16 bytes, not all zero/);
    const b64 = jsonExport(Buffer.alloc(16, 9).toString('base64'), Buffer.alloc(8, 9).toString('base64'), 'base64 ids');
    expect((await postRaw(`${loom.url}/v1/traces`, JSON.stringify(b64), { 'content-type': 'application/json', authorization: `Bearer ${loom.key}` })).status).toBe(200);
    expect((await loom.gql(TRACE, { id: '09'.repeat(16) })).data.trace.spans[0]).toMatchObject({ spanId: '09'.repeat(8), name: 'base64 ids' });
    // an empty protobuf export is a valid, empty request
    const empty = await postRaw(`${loom.url}/v1/traces`, new Uint8Array(0), protoHeaders(loom.key));
    expect(empty.status).toBe(200);
    expect(empty.body.length).toBe(0);
  });

  it('takes metrics from the SDK protobuf exporter on /v1/metrics, and answers JSON exports with partial_success', async () => {
    const results: number[] = [];
    const exporter = new OTLPMetricExporter({ url: `${loom.url}/v1/metrics`, headers: { authorization: `Bearer ${loom.key}` } });
    const recording = Object.assign(Object.create(exporter), {
      export: (m: Parameters<typeof exporter.export>[0], done: Parameters<typeof exporter.export>[1]) => exporter.export(m, (r) => { results.push(r.code); done(r); }),
    }) as typeof exporter;
    const reader = new PeriodicExportingMetricReader({ exporter: recording, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ resource: resourceFromAttributes({ 'service.name': 'trainer', 'k8s.pod.name': 'train-0' }) as never, readers: [reader] });
    provider.getMeter('m').createObservableGauge('otlp_route_test_gauge').addCallback((r) => r.observe(42.5, { gpu: '0' }));
    await reader.forceFlush();
    expect(results).toEqual([0]);
    const rows = await loom.services.analytics.query<{ value: number }>('demo', "SELECT value FROM metric_points WHERE tenant_id = {tenant:String} AND metric_name = 'otlp_route_test_gauge'");
    expect(rows.map((r) => r.value)).toEqual([42.5]);
    await provider.shutdown();
    const points = [{ timeUnixNano: nowNs(), count: '1', sum: 2, quantileValues: [{ quantile: 0.5, value: 2 }] }, { timeUnixNano: nowNs(), quantileValues: [{ quantile: 50, value: 2 }] }, { count: '1' }];
    const summary = { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 'rpc_latency', summary: { dataPoints: points } }] }] }] };
    const res = await postRaw(`${loom.url}/v1/metrics`, JSON.stringify(summary), { 'content-type': 'application/json', authorization: `Bearer ${loom.key}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString()).partialSuccess).toMatchObject({ rejectedDataPoints: '2', errorMessage: expect.stringMatching(/dataPoints\[1\]\.quantileValues\[0\]\.quantile: must be a number from 0 to 1; .*dataPoints\[2\]\.timeUnixNano/) });
    const garbage = await postRaw(`${loom.url}/v1/metrics`, Buffer.from([0x0a, 0x05, 0x01]), protoHeaders(loom.key));
    expect(garbage.status).toBe(400);
    expect(readStatus(garbage.body).message).toMatch(/ExportMetricsServiceRequest/);
  });

  it('answers garbage, truncated gzip, wrong content types and oversize bodies with the spec codes, and keeps serving', async () => {
    await loom.services.traceIngest.settled();
    const before = await loom.gql(TRACES, { first: 200 });
    const garbage = await postRaw(`${loom.url}/v1/traces`, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), protoHeaders(loom.key));
    expect(garbage.status).toBe(400);
    expect(garbage.headers.get('content-type')).toBe('application/x-protobuf');
    expect(readStatus(garbage.body)).toMatchObject({ code: 3, message: expect.stringMatching(/cannot decode the protobuf body/) });

    const pb = traceMessages.ExportTraceServiceRequest.encode({ resourceSpans: [{ scopeSpans: [{ spans: [
      { traceId: Buffer.alloc(16, 5), spanId: Buffer.alloc(8, 5), name: 'truncated', startTimeUnixNano: nowNs(), endTimeUnixNano: nowNs() },
    ] }] }] }).finish();
    const gz = gzipSync(pb);
    const truncated = await postRaw(`${loom.url}/v1/traces`, gz.subarray(0, gz.length - 8), protoHeaders(loom.key, { 'content-encoding': 'gzip' }));
    expect(truncated.status).toBe(400);
    expect(readStatus(truncated.body).code).toBe(3);
    const whole = await postRaw(`${loom.url}/v1/traces`, gz, protoHeaders(loom.key, { 'content-encoding': 'gzip' }));
    expect(whole.status).toBe(200);

    const text = await postRaw(`${loom.url}/v1/traces`, 'hello', { 'content-type': 'text/plain', authorization: `Bearer ${loom.key}` });
    expect(text.status).toBe(415);
    expect(JSON.parse(text.body.toString())).toMatchObject({ code: 3, message: expect.stringMatching(/application\/x-protobuf/) });
    expect((await postRaw(`${loom.url}/v1/metrics`, 'x', { authorization: `Bearer ${loom.key}` })).status).toBe(415);
    const brotli = await postRaw(`${loom.url}/v1/traces`, pb, protoHeaders(loom.key, { 'content-encoding': 'br' }));
    expect(brotli.status).toBe(415);

    const big = await postRaw(`${loom.url}/v1/traces`, Buffer.alloc(9 * 1024 * 1024, 0x0a), protoHeaders(loom.key));
    expect(big.status).toBe(413);
    expect(readStatus(big.body).code).toBe(8);
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0));
    expect((await postRaw(`${loom.url}/v1/traces`, bomb, protoHeaders(loom.key, { 'content-encoding': 'gzip' }))).status).toBe(413);

    const badJson = await postRaw(`${loom.url}/v1/traces`, '{"resourceSpans": [', { 'content-type': 'application/json', authorization: `Bearer ${loom.key}` });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body.toString()).code).toBe(3);
    const notRequest = await postRaw(`${loom.url}/v1/traces`, '{"resourceSpans": 5}', { 'content-type': 'application/json', authorization: `Bearer ${loom.key}` });
    expect(notRequest.status).toBe(400);
    expect(JSON.parse(notRequest.body.toString()).message).toMatch(/resourceSpans: must be an array/);

    expect((await postRaw(`${loom.url}/v1/traces`, pb, protoHeaders('not-a-key'))).status).toBe(401);
    const viewer = await postRaw(`${loom.url}/v1/traces`, pb, protoHeaders(viewerKey));
    expect(viewer.status).toBe(403);
    expect(readStatus(viewer.body).code).toBe(7);

    // nothing stored by the rejected requests (the gzip export that decoded fully added one trace)
    // The summary gauges read 0 once the summaries are written. Polled: one CI run (of many) read a
    // trace still waiting right after settled(), from a source not found since; a gauge stuck above 0 fails.
    const gauges = async () => {
      await loom.services.traceIngest.settled();
      const metrics = await (await fetch(`${loom.url}/metrics`)).text();
      return metrics.split('\n').filter((l) => /^loom_trace_summar(ies_waiting|ies_lag_seconds|y_failures) /.test(l));
    };
    await expect.poll(gauges, { timeout: 5_000 }).toEqual(['loom_trace_summaries_waiting 0', 'loom_trace_summaries_lag_seconds 0', 'loom_trace_summary_failures 0']);
    const after = await loom.gql(TRACES, { first: 200 });
    expect(after.data.traces.edges.length).toBe(before.data.traces.edges.length + 1);
    expect((await fetch(`${loom.url}/healthz`)).status).toBe(200);
  });

  it('isolates tenants: another tenant sees none of the traces and cannot change them', async () => {
    expect((await loom.gql(TRACES, {}, otherKey)).data.traces.edges).toEqual([]);
    expect((await loom.gql(TRACE, { id: protoTraceId }, otherKey)).data.trace).toBeNull();
    expect((await loom.gql(USAGE, { groupBy: 'MODEL', from: new Date(Date.now() - 3600_000).toISOString() }, otherKey)).data.llmUsage).toEqual([]);
    expect((await loom.gql('query ($id: ID!) { node(id: $id) { id } }', { id: `trace:${protoTraceId}` }, otherKey)).data.node).toBeNull();
    // the other tenant exporting a span with the same trace id makes its own trace; demo's is unchanged
    const res = await postRaw(`${loom.url}/v1/traces`, JSON.stringify(jsonExport(protoTraceId, 'c'.repeat(16), 'intruder')), { 'content-type': 'application/json', authorization: `Bearer ${otherKey}` });
    expect(res.status).toBe(200);
    await loom.services.traceIngest.settled();
    expect((await loom.gql(TRACE, { id: protoTraceId })).data.trace.summary.spanCount).toBe(3);
    const theirs = await loom.gql(TRACE, { id: protoTraceId }, otherKey);
    expect(theirs.data.trace.spans.map((s: any) => s.name)).toEqual(['intruder']);
    expect(theirs.data.trace.summary.node.neighbours.items).toEqual([]);
  });
});

function nowNs(): string {
  return (BigInt(Date.now()) * 1_000_000n).toString();
}

/** An OTLP/JSON export of one span, as the OTLP/HTTP JSON encoding spells it. */
function jsonExport(traceId: string, spanId: string, name: string) {
  const start = nowNs();
  return {
    resourceSpans: [{
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'hand-rolled' } }] },
      scopeSpans: [{
        scope: { name: 'manual' },
        spans: [{ traceId, spanId, name, kind: 1, startTimeUnixNano: start, endTimeUnixNano: start, attributes: [{ key: 'n', value: { intValue: '7' } }] } as Record<string, unknown>],
      }],
    }],
  };
}
