import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY, startTestLoom, type TestLoom } from '../../testing/harness.js';
import { createContext } from './context.js';
import { TracesResolver } from './traces.resolver.js';
import { infoOf } from './selection.testkit.js';
import type { SpanView } from '../../domain/telemetry/trace-query.service.js';

const TRACE = '7a'.repeat(16);
const OTHER_TRACE = '7b'.repeat(16);
const [ROOT, RETRIEVE, CALL] = ['1a', '2a', '3a'].map((b) => b.repeat(8));
const SPAN_DETAILS = 'query ($id: ID!, $spanIds: [ID!]!) { spanDetails(traceId: $id, spanIds: $spanIds) { spanId attributes resourceAttributes events { name time attributes } links { traceId spanId attributes } } }';
const WIDE = ['attributes', 'resourceAttributes', 'events', 'links'] as const;

const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
const typed = (key: string, value: object) => ({ key, value });
const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;

/** GraphQL's trace reads over spans received on /v1/traces (OTLP/JSON): what they read, and span details. */
describe('trace reads', () => {
  let loom: TestLoom;
  let otherKey: string;

  beforeAll(async () => {
    loom = await startTestLoom({ LOOM_SEED_DEMO: 'false' });
    await loom.services.tenancy.createTenant('demo');
    await loom.services.tenancy.createApiKey('demo', 'admin', DEMO_KEY);
    await loom.services.tenancy.createTenant('other');
    otherKey = await loom.services.tenancy.createApiKey('other', 'admin');
    const t0 = Date.now() - 60_000;
    const span = (spanId: string, parentSpanId: string, name: string, from: number, to: number, extra: object = {}) =>
      ({ traceId: TRACE, spanId, parentSpanId, name, kind: 2, startTimeUnixNano: ns(t0 + from), endTimeUnixNano: ns(t0 + to), ...extra });
    const res = await loom.post('/v1/traces', { resourceSpans: [{
      resource: { attributes: [str('service.name', 'rag-api'), str('host.name', 'node-7'), typed('process.pid', { intValue: '4242' })] },
      scopeSpans: [{ scope: { name: 'test' }, spans: [
        span(ROOT, '', 'POST /answer', 0, 900, { attributes: [str('http.route', '/answer')] }),
        span(RETRIEVE, ROOT, 'retrieve', 10, 200, { attributes: [str('db.system', 'qdrant')], events: [{ name: 'cache miss', timeUnixNano: ns(t0 + 20), attributes: [str('key', 'q1'), typed('n', { intValue: 5 }), typed('ids', { arrayValue: { values: [{ intValue: 1 }] } })] }] }),
        span(CALL, ROOT, 'chat', 210, 880, {
          attributes: [str('gen_ai.operation.name', 'chat'), str('gen_ai.request.model', 'gpt-4o')],
          links: [{ traceId: OTHER_TRACE, spanId: '4a'.repeat(8), attributes: [str('link.reason', 'retry of'), typed('sampled', { boolValue: false })] }],
        }),
      ] }],
    }] });
    expect(res.status).toBe(200);
    await loom.services.traceIngest.settled();
  });
  afterAll(() => loom?.close());

  it("reads a span's attributes, resource attributes, events and links only when the query selects them, and the summary's node beside the spans", async () => {
    const narrow = (s: SpanView) => Object.fromEntries(Object.entries(s).filter(([k]) => !(WIDE as readonly string[]).includes(k)));
    const full = (await loom.services.traces.get('demo', TRACE))!;
    expect(full.spans.map((s) => s.spanId)).toEqual([ROOT, RETRIEVE, CALL]);
    expect(full.spans.map((s) => WIDE.filter((k) => k in s))).toEqual(full.spans.map(() => [...WIDE]));
    // events, links and resources keep their values' types, as a span's own attributes do
    expect(full.spans[2].links).toEqual([{ traceId: OTHER_TRACE, spanId: '4a'.repeat(8), attributes: { 'link.reason': 'retry of', sampled: false } }]);
    const lean = (await loom.services.traces.get('demo', TRACE, new Set()))!;
    expect(lean.spans.map((s) => WIDE.filter((k) => k in s))).toEqual(full.spans.map(() => []));
    expect(lean.spans).toEqual(full.spans.map(narrow));
    expect(lean.summary).toEqual(full.summary);
    const events = (await loom.services.traces.get('demo', TRACE, new Set(['events'])))!;
    expect(events.spans).toEqual(full.spans.map((s) => ({ ...narrow(s), events: s.events })));

    // GraphQL asks for what the query selects, through fragments too
    const resolver = new TracesResolver();
    const ctx = createContext({ tenant: 'demo', role: 'viewer' }, loom.services);
    const asked = async (query: string) => ((await resolver.trace(TRACE, ctx, infoOf(query)))!).spans.map((s) => WIDE.filter((k) => k in s));
    expect(await asked('{ trace(traceId: "x") { summary { traceId } spans { spanId name durationMs llm { requestModel } } } }')).toEqual(full.spans.map(() => []));
    expect(await asked('query { trace(traceId: "x") { spans { ...S } } } fragment S on Span { name ... on Span { events { name } } links { spanId } }'))
      .toEqual(full.spans.map(() => ['events', 'links']));
    expect(await asked('{ trace(traceId: "x") { spans { attributes resourceAttributes } } }')).toEqual(full.spans.map(() => ['attributes', 'resourceAttributes']));
    // the summary's Trace node, when asked for, is read beside the spans: the loader holds it once the trace is answered
    const prefetched = async (query: string) => {
      const c = createContext({ tenant: 'demo', role: 'viewer' }, loom.services);
      await resolver.trace(TRACE.toUpperCase(), c, infoOf(query));
      c.loaders.node.prime(`trace:${TRACE}`, null); // a no-op when the node is already loaded or loading
      return (await c.loaders.node.load(`trace:${TRACE}`))?.kind ?? null;
    };
    expect(await prefetched('{ trace(traceId: "x") { summary { node { id } } spans { name } } }')).toBe('Trace');
    expect(await prefetched('{ trace(traceId: "x") { summary { traceId } spans { name } } }')).toBeNull();
    const over = await loom.gql('query ($id: ID!) { trace(traceId: $id) { spans { spanId name depth events { name } } } }', { id: TRACE });
    expect(over.data.trace.spans).toEqual(full.spans.map((s) => ({ spanId: s.spanId, name: s.name, depth: s.depth, events: s.events!.map((e) => ({ name: e.name })) })));
  });

  it('reads the details of the spans a user opens: in start order, once each, only ids of the trace; bad ids are a 400 naming them', async () => {
    const full = (await loom.services.traces.get('demo', TRACE))!;
    const wide = (s: SpanView) => ({ spanId: s.spanId, attributes: s.attributes, resourceAttributes: s.resourceAttributes, events: s.events, links: s.links });
    const [root, retrieve, call] = full.spans;
    const got = await loom.gql(SPAN_DETAILS, { id: TRACE, spanIds: [CALL, 'f'.repeat(16), RETRIEVE, CALL.toUpperCase()] });
    expect(got.errors).toBeUndefined();
    expect(got.data.spanDetails).toEqual([retrieve, call].map(wide));
    expect(got.data.spanDetails[0]).toMatchObject({ events: [{ name: 'cache miss', attributes: { key: 'q1', n: 5, ids: [1] } }], resourceAttributes: { 'service.name': 'rag-api', 'host.name': 'node-7', 'process.pid': 4242 } });
    expect(await loom.services.traces.spanDetails('demo', TRACE, [ROOT])).toEqual([wide(root)]);
    const bad = async (traceId: string, spanIds: string[]) => (await loom.gql(SPAN_DETAILS, { id: traceId, spanIds })).errors![0].extensions;
    expect(await bad('xyz', [ROOT])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'traceId' });
    expect(await bad(TRACE, [])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'spanIds' });
    expect(await bad(TRACE, Array.from({ length: 101 }, (_, i) => (i + 1).toString(16).padStart(16, '0')))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'spanIds' });
    expect(await bad(TRACE, [ROOT, '0'.repeat(16)])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'spanIds[1]' });
  });

  it("isolates tenants: another tenant reads none of the trace's spans or details", async () => {
    expect((await loom.gql('query ($id: ID!) { trace(traceId: $id) { truncated } }', { id: TRACE }, otherKey)).data.trace).toBeNull();
    expect((await loom.gql(SPAN_DETAILS, { id: TRACE, spanIds: [ROOT, RETRIEVE, CALL] }, otherKey)).data.spanDetails).toEqual([]);
    expect((await loom.gql(SPAN_DETAILS, { id: TRACE, spanIds: [ROOT] })).data.spanDetails.map((d: { spanId: string }) => d.spanId)).toEqual([ROOT]);
  });
});
