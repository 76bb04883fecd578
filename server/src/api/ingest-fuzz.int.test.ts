/**
 * Every ingest route (and Feast's feature server routes) fed valid bodies with one or two values swapped for the wrong type, a bad number or
 * an awkward string (NUL, a lone UTF-16 surrogate, a negative count...), and the OTLP routes protobuf
 * bodies with bytes changed, from fixed seeds. Loom must answer each with 2xx or 4xx, never 5xx, and must
 * never answer a lineage event it then leaves out of the graph.
 * Cases found this way: a NUL in a dataset name (answered 201, then dropped: the graph cut the id short),
 * a lone surrogate (the archive's INSERT refused it: 500), a negative histogram count and a non-array
 * explicitBounds (500).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../testing/harness.js';
import { attrs, msToNanos } from '../domain/telemetry/metrics-testkit.js';
import { metricsMessages, traceMessages } from '../../../ingest/otlp/otlp.proto.js';
import { postRaw } from '../../../ingest/otlp/otlp.testkit.js';
import { DEMO_FEATURE_GROUP } from '../app/demo/features.js';

const corpus = readFileSync(new URL('../../../../shared/openlineage/ingestable.ndjson', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
const MUTATIONS_PER_ROUTE = 150;

/** A small deterministic generator (LCG), so a failure replays. */
function random(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

const VALUES: unknown[] = [
  null, 0, -1, 1.5, 1e308, -1e308, 2 ** 63, 'x', '', 'NaN', '-1', '99999999999999999999999', true, {}, [], [null], [{}], { a: 1 }, [1, 2],
  '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\\', 'C:\\data\\', 'é😀', 'ab'.repeat(600),
];

/** Every path into a JSON value. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

/** A copy of `body` with one or two values replaced (or, now and then, a key removed). */
function mutate(body: unknown, r: ReturnType<typeof random>): unknown {
  const copy = structuredClone(body);
  for (let k = 1 + Math.floor(r.next() * 2); k > 0; k--) {
    const ps = paths(copy).filter((p) => p.length > 0);
    if (!ps.length) break;
    const p = r.pick(ps);
    let parent = copy as Record<string | number, unknown>;
    for (const step of p.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    const last = p[p.length - 1];
    if (r.next() < 0.15 && !Array.isArray(parent)) delete parent[last];
    else parent[last] = structuredClone(r.pick(VALUES));
  }
  return copy;
}

const now = () => msToNanos(Date.now());
const hex = (r: ReturnType<typeof random>, n: number) => Array.from({ length: n }, () => Math.floor(r.next() * 16).toString(16)).join('');

function metricsBody(): unknown {
  const t = now();
  return { resourceMetrics: [{ resource: { attributes: attrs({ 'service.name': 'fuzz', 'k8s.pod.name': 'p' }) }, scopeMetrics: [{ scope: { name: 's' }, metrics: [
    { name: 'g', gauge: { dataPoints: [{ timeUnixNano: t, asDouble: 1, attributes: attrs({ x: 'y' }) }, { timeUnixNano: t, asInt: '5' }] } },
    { name: 's', sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints: [{ startTimeUnixNano: t, timeUnixNano: t, asInt: '5' }] } },
    { name: 'h', histogram: { aggregationTemporality: 1, dataPoints: [{ timeUnixNano: t, count: '2', sum: 3, min: 1, max: 2, bucketCounts: ['1', '1'], explicitBounds: [1.5] }] } },
    { name: 'e', exponentialHistogram: { aggregationTemporality: 1, dataPoints: [{ timeUnixNano: t, count: '3', sum: 3, scale: 2, zeroCount: '1', positive: { offset: 1, bucketCounts: ['1', '1'] } }] } },
    { name: 'q', summary: { dataPoints: [{ timeUnixNano: t, count: '2', sum: 1, quantileValues: [{ quantile: 0.5, value: 1 }] }] } },
    { name: 'DCGM_FI_DEV_GPU_UTIL', gauge: { dataPoints: [{ timeUnixNano: t, asDouble: 50, attributes: attrs({ UUID: 'GPU-1', exported_pod: 'p', exported_namespace: 'n' }) }] } },
  ] }] }] };
}

function tracesBody(r: ReturnType<typeof random>): unknown {
  const t = now();
  return { resourceSpans: [{ resource: { attributes: attrs({ 'service.name': 'fuzz', 'loom.run.id': 'run-1' }) }, scopeSpans: [{ scope: { name: 's' }, spans: [{
    traceId: hex(r, 32), spanId: hex(r, 16), name: 'chat', kind: 3, startTimeUnixNano: t, endTimeUnixNano: t,
    attributes: [...attrs({ 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 10, 'loom.prompt.name': 'p', 'loom.prompt.version': '1' }), { key: 'list', value: { arrayValue: { values: [{ intValue: '1' }] } } }],
    events: [{ timeUnixNano: t, name: 'e', attributes: attrs({ a: 'b' }) }], status: { code: 2, message: 'x' },
  }] }] }] };
}

describe('ingest routes under mutated bodies', () => {
  let loom: TestLoom;
  beforeAll(async () => {
    loom = await startTestLoom();
  });
  afterAll(() => loom?.close());

  const routes: [string, (r: ReturnType<typeof random>) => unknown][] = [
    ['/api/v1/lineage', (r) => r.pick(corpus)],
    ['/api/v1/lineage/batch', (r) => [r.pick(corpus), r.pick(corpus)]],
    ['/v1/metrics', () => metricsBody()],
    ['/v1/traces', (r) => tracesBody(r)],
    // Feast's feature server API on the demo's feature group.
    ['/push', () => ({ push_source_name: DEMO_FEATURE_GROUP.name, df: { customer_id: ['10001', 10002], event_timestamp: ['2026-12-01 10:00:00', '2026-12-01T11:00:00Z'], mrr: [50.5, 60], plan_tier: ['basic', null], tenure_days: [10, 11] }, to: 'online' })],
    ['/get-online-features', () => ({ features: [`${DEMO_FEATURE_GROUP.name}:mrr`, `${DEMO_FEATURE_GROUP.name}:plan_tier`], entities: { customer_id: ['10001', 10002] }, full_feature_names: false })],
  ];
  const FEAST = new Set(['/push', '/get-online-features']);

  for (const [route, base] of routes) {
    it(`answers ${route} with 2xx or 4xx, never 5xx`, async () => {
      const r = random(route.length * 7919);
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      for (let i = 0; i < MUTATIONS_PER_ROUTE; i++) {
        const body = mutate(base(r), r);
        const res = await loom.post(route, body);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) failures.push(`${res.status} ${JSON.stringify(res.json)} for ${JSON.stringify(body).slice(0, 400)}`);
        if (res.status === 400 && (route.startsWith('/api') || FEAST.has(route))) expect(res.json, JSON.stringify(body).slice(0, 400)).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.any(String) });
      }
      expect(failures).toEqual([]);
      expect(statuses.get(route.startsWith('/api/v1/lineage/batch') ? 200 : route.startsWith('/api') ? 201 : 200)).toBeGreaterThan(0);
    });
  }

  // Protobuf bodies with bytes changed, dropped, inserted or cut: the trace reader (otlp.wire.ts) reads them by hand.
  const protobuf: [string, (r: ReturnType<typeof random>) => Uint8Array][] = [
    ['/v1/traces', (r) => {
      const json = tracesBody(r) as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
      const sp = json.resourceSpans[0].scopeSpans[0].spans[0];
      return traceMessages.ExportTraceServiceRequest.encode({ resourceSpans: [{ ...json.resourceSpans[0], scopeSpans: [{ scope: { name: 's' }, spans: [{
        ...sp, traceId: Buffer.from(sp.traceId as string, 'hex'), spanId: Buffer.from(sp.spanId as string, 'hex'), parentSpanId: Buffer.alloc(8, 3),
        links: [{ traceId: Buffer.alloc(16, 1), spanId: Buffer.alloc(8, 2), traceState: 'x=1' }],
      }] }] }] }).finish();
    }],
    ['/v1/metrics', () => metricsMessages.ExportMetricsServiceRequest.encode(metricsBody() as object).finish()],
  ];
  for (const [route, base] of protobuf) {
    it(`answers protobuf ${route} with changed bytes with 200 or 400, never 5xx`, async () => {
      const r = random(route.length * 104729);
      const statuses = new Map<number, number>();
      for (let i = 0; i < MUTATIONS_PER_ROUTE; i++) {
        const bytes = Array.from(base(r));
        for (let k = 1 + Math.floor(r.next() * 3); k > 0; k--) {
          const at = Math.floor(r.next() * bytes.length);
          const op = r.next();
          if (op < 0.55) bytes[at] = Math.floor(r.next() * 256);
          else if (op < 0.7) bytes.splice(at, 1);
          else if (op < 0.85) bytes.splice(at, 0, r.pick([0x00, 0x7f, 0x80, 0xff]));
          else bytes.length = at;
        }
        const res = await postRaw(`${loom.url}${route}`, Uint8Array.from(bytes), { 'content-type': 'application/x-protobuf', authorization: `Bearer ${loom.key}` });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
      expect([...statuses.keys()].sort()).toEqual([200, 400]);
    });
  }

  it('refuses a NUL in a name before answering; takes lone surrogates; and the values the mutations found', async () => {
    const event = (input: Record<string, unknown>, job = 'fuzz-job') => ({
      eventType: 'COMPLETE', eventTime: new Date().toISOString(), run: { runId: crypto.randomUUID() }, job: { namespace: 'fuzz', name: job },
      inputs: [{ namespace: 'fuzz', name: 'in', ...input }], outputs: [{ namespace: 'fuzz', name: 'out' }], producer: 'test',
    });
    expect((await loom.post('/api/v1/lineage', event({ name: 'a\u0000b' }))).json).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs[0].name', message: expect.stringMatching(/NUL/) });
    // a name inside a facet (a schema field) is refused where its node id is built, still before the answer
    const facetNul = await loom.post('/api/v1/lineage', event({ facets: { schema: { fields: [{ name: 'col\u0000x', type: 'int' }] } } }));
    expect(facetNul).toMatchObject({ status: 400, json: { code: 'BAD_USER_INPUT', field: 'identifier' } });
    const lone = await loom.post('/api/v1/lineage', event({ namespace: 'ns\ud800' }, 'lone-surrogate-job'));
    expect(lone.status).toBe(201);
    const jobs = await loom.gql('{ search(text: "lone-surrogate-job") { id } }');
    expect(jobs.data.search.map((n: { id: string }) => n.id)).toContain('job:fuzz:lone-surrogate-job');
    const archived = await loom.gql('query ($job: String!) { lineageEvents(jobNamespace: "fuzz", jobName: $job) { totalCount } }', { job: 'lone-surrogate-job' });
    expect(archived.errors).toBeUndefined();
    expect(archived.data.lineageEvents.totalCount).toBe(1);

    const traceId = 'ab'.repeat(16);
    const span = tracesBody(random(1)) as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
    Object.assign(span.resourceSpans[0].scopeSpans[0].spans[0], { traceId, attributes: attrs({ 'loom.run.id': 'run\u0000x', note: 'x\udfff' }) });
    expect((await loom.post('/v1/traces', span)).json).toEqual({});
    await loom.services.traceIngest.settled();
    const trace = await loom.gql('query ($id: ID!) { trace(traceId: $id) { spans { spanId } } }', { id: traceId });
    expect(trace.errors).toBeUndefined();
    expect(trace.data.trace.spans).toHaveLength(1);
    // its summary was written (a run id with a NUL names no Run node: it links to nothing)
    const listed = await loom.gql('{ traces(first: 200) { edges { node { traceId } } } }');
    expect(listed.data.traces.edges.map((e: { node: { traceId: string } }) => e.node.traceId)).toContain(traceId);
  });

  it('left no answered lineage event out of the graph', async () => {
    await loom.services.lineageLog!.visible('demo');
    expect(loom.services.lineageLog!.stats()).toMatchObject({ waiting: 0, dropped: 0 });
    expect(await (await fetch(`${loom.url}/metrics`)).text()).toMatch(/^loom_lineage_events_dropped 0$/m);
  });
});
