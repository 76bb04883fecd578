import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, suiteTempDir, type TestLoom } from '../../testing/harness.js';
import { traceNodeId } from './trace-summary.js';
import type { OtlpSpan } from './otlp.types.js';
import { TraceIngestService } from './trace-ingest.service.js';
import { loadPriceTable } from './prices.js';
import type { ClickHouseAnalytics } from '../../analytics/ClickHouseAnalytics.js';

const NOW = BigInt(Date.now()) * 1_000_000n;
const hex = (n: number, bytes: number) => n.toString(16).padStart(bytes * 2, '0');
const span = (trace: number, i: number, extra: Partial<OtlpSpan> = {}): OtlpSpan => ({
  traceId: hex(trace, 16), spanId: hex(i + 1, 8), parentSpanId: i === 0 ? '' : hex(1, 8), name: `s${i}`,
  startTimeUnixNano: String(NOW + BigInt(i) * 1_000_000n), endTimeUnixNano: String(NOW + BigInt(i + 1) * 1_000_000n), ...extra,
});
const exportOf = (...spans: OtlpSpan[]) => ({ resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] }, scopeSpans: [{ spans }] }] });
const llm = (model: string, input: number, output: number) => ({ attributes: [
  { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } }, { key: 'gen_ai.request.model', value: { stringValue: model } },
  { key: 'gen_ai.usage.input_tokens', value: { intValue: String(input) } }, { key: 'gen_ai.usage.output_tokens', value: { intValue: String(output) } },
] });

describe('TraceIngestService on the real engines', () => {
  let loom: TestLoom;
  const tempDir = suiteTempDir('loom-prices-');
  beforeAll(async () => {
    const prices = path.join(tempDir(), 'prices.json');
    writeFileSync(prices, JSON.stringify({ models: { 'gpt-4o-mini': { input: 1000, output: 0 }, 'acme-llm': { input: 1, output: 2 } } }));
    loom = await startTestLoom({ LOOM_SEED_DEMO: 'false', LOOM_LLM_PRICES: prices });
  });
  afterAll(() => loom?.close());

  it('keeps one exact summary per trace under concurrent exports of its spans, and retries change nothing', async () => {
    const ingest = loom.services.traceIngest;
    const exports = Array.from({ length: 24 }, (_, i) => exportOf(span(7, i, i % 4 === 0 ? llm('gpt-4o', 100, 10) : {}), span(1000 + i, 0)));
    const results = await Promise.all(exports.map((e) => ingest.ingest('acme', e)));
    expect(results.every((r) => r.rejected === 0)).toBe(true);
    await ingest.settled();
    const check = async () => {
      const [node] = await loom.services.graph.getNodes('acme', [traceNodeId(hex(7, 16))]);
      const view = await loom.services.traces.get('acme', hex(7, 16));
      const listed = (await loom.services.traces.list('acme', {}, 200)).edges.find((e) => e.node.traceId === hex(7, 16));
      return { node: node?.props, summary: view?.summary, stored: listed?.node };
    };
    const expected = { spanCount: 24, llmCalls: 6, inputTokens: 600, outputTokens: 60, rootSpan: 's0' };
    let seen = await check();
    expect(seen.node).toMatchObject(expected);
    expect(seen.summary).toMatchObject({ spanCount: 24, llmCalls: 6, inputTokens: 600, outputTokens: 60, rootSpanName: 's0' });
    expect(seen.summary!.costUsd).toBeCloseTo(6 * (100 * 2.5 + 10 * 10) / 1e6, 12);
    expect(seen.stored).toEqual(seen.summary); // the stored summary (trace list) agrees with the spans
    // every export again, concurrently (an exporter retrying after a timeout): nothing doubles
    await Promise.all(exports.map((e) => ingest.ingest('acme', e)));
    await ingest.settled();
    seen = await check();
    expect(seen.node).toMatchObject(expected);
    expect(seen.summary).toMatchObject({ spanCount: 24, inputTokens: 600 });
    expect(seen.stored).toEqual(seen.summary);
    expect((await loom.services.traces.list('acme', {}, 200)).edges).toHaveLength(25);
  });

  it('converges to the exact summary of every trace when exports of overlapping spans race the summary cycles', async () => {
    // Seeded: 40 traces of 6 spans each (span 0 the root, every third an LLM call), sent as 150 exports
    // of 1-4 random spans (repeats included), 10 at a time, through a rollup that starts a cycle every 5 ms.
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const ingest = new TraceIngestService(loom.services.graph, loom.services.analytics, loadPriceTable(), { instance: 'race', lingerMs: 5 });
    await ingest.start();
    const T0 = 500;
    const all = (t: number, i: number) => span(T0 + t, i, i % 3 === 1 ? llm('gpt-4o', 10 + t, i) : {});
    const exports = Array.from({ length: 150 }, () => Array.from({ length: 1 + rnd(4) }, () => { const t = rnd(40); return [t, all(t, rnd(6))] as const; }));
    for (let i = 0; i < exports.length; i += 10) {
      await Promise.all(exports.slice(i, i + 10).map((e) => ingest.ingest('acme', exportOf(...e.map(([, sp]) => sp)))));
    }
    await ingest.settled();
    const sent = new Map<number, Set<number>>();
    for (const e of exports) for (const [t, sp] of e) (sent.get(t) ?? sent.set(t, new Set()).get(t)!).add(Number(`0x${sp.spanId}`) - 1);
    const listed = new Map((await loom.services.traces.list('acme', {}, 200)).edges.map((e) => [e.node.traceId, e.node]));
    const nodes = await loom.services.graph.getNodes('acme', [...sent.keys()].map((t) => traceNodeId(hex(T0 + t, 16))));
    [...sent].forEach(([t, spans], k) => {
      const llmSpans = [...spans].filter((i) => i % 3 === 1);
      const expected = {
        spanCount: spans.size, llmCalls: llmSpans.length,
        inputTokens: llmSpans.length * (10 + t), outputTokens: llmSpans.reduce((n, i) => n + i, 0),
        rootSpan: `s${spans.has(0) ? 0 : Math.min(...spans)}`,
      };
      expect(nodes[k]?.props, `trace ${t}`).toMatchObject(expected);
      expect(listed.get(hex(T0 + t, 16)), `trace ${t}`).toMatchObject({ spanCount: expected.spanCount, llmCalls: expected.llmCalls, inputTokens: expected.inputTokens });
    });
    await ingest.close();
  });

  it('prices calls with the table LOOM_LLM_PRICES names, over the defaults', async () => {
    await loom.services.traceIngest.ingest('acme', exportOf(span(8, 0, llm('gpt-4o-mini-2024-07-18', 1000, 5)), span(8, 1, llm('acme-llm-v2', 1_000_000, 1_000_000))));
    const view = await loom.services.traces.get('acme', hex(8, 16));
    expect(view!.spans.map((s) => s.llm!.costUsd)).toEqual([1, 3]);
    expect(view!.summary.costUsd).toBe(4);
  });

  it('summarises a new trace from its export exactly as from its stored spans', async () => {
    const ref = (key: string, value: string) => ({ key, value: { stringValue: value } });
    const spans = [
      span(9, 0, { attributes: [ref('loom.run.id', 'run-9')] }),
      span(9, 1, { ...llm('gpt-4o-mini', 300, 20), status: { code: 2 } }),
      span(9, 2, { attributes: [...llm('acme-llm', 40, 4).attributes, ref('loom.prompt.name', 'answer'), ref('loom.prompt.version', '3')] }),
    ];
    const read = async () => {
      const [node] = await loom.services.graph.getNodes('acme', [traceNodeId(hex(9, 16))]);
      const listed = (await loom.services.traces.list('acme', {}, 200)).edges.find((e) => e.node.traceId === hex(9, 16));
      return { node: node?.props, stored: listed?.node };
    };
    await loom.services.traceIngest.ingest('acme', exportOf(...spans)); // new: summarised from the export
    await loom.services.traceIngest.settled();
    const fromExport = await read();
    expect(fromExport.node).toMatchObject({ spanCount: 3, errorCount: 1, llmCalls: 2, inputTokens: 340, outputTokens: 24, rootSpan: 's0', runIds: ['run-9'], prompts: ['answer@3'] });
    await loom.services.traceIngest.ingest('acme', exportOf(spans[1])); // seen: read back from the stored spans
    await loom.services.traceIngest.settled();
    const fromSpans = await read();
    expect({ ...fromSpans.node, costUsd: undefined }).toEqual({ ...fromExport.node, costUsd: undefined });
    expect(fromSpans.node!.costUsd).toBeCloseTo(fromExport.node!.costUsd as number, 12);
    expect({ ...fromSpans.stored, costUsd: 0 }).toEqual({ ...fromExport.stored, costUsd: 0 });
  });
});

describe('trace summaries after a stop before they were written', () => {
  let loom: TestLoom;
  beforeAll(async () => { loom = await startTestLoom({ LOOM_SEED_DEMO: 'false' }); });
  afterAll(() => loom?.close());
  const services: TraceIngestService[] = [];
  afterAll(() => Promise.all(services.map((s) => s.close())));
  /** A process answering exports; `stops`: it would write their summaries only a minute later, and records no progress meanwhile (it "stops" first). */
  const process = (instance: string, opts: { stops?: boolean; staleMs?: number } = {}) => {
    const s = new TraceIngestService(loom.services.graph, loom.services.analytics, loadPriceTable(), {
      instance, ...(opts.stops ? { lingerMs: 60_000, heartbeatMs: 3_600_000 } : {}), ...(opts.staleMs ? { staleMs: opts.staleMs } : {}),
    });
    services.push(s);
    return s;
  };
  const summaryOf = async (trace: number) => ({
    node: (await loom.services.graph.getNodes('acme', [traceNodeId(hex(trace, 16))]))[0]?.props ?? null,
    listed: (await loom.services.traces.list('acme', {}, 200)).edges.find((e) => e.node.traceId === hex(trace, 16))?.node ?? null,
  });

  it('re-summarises at the next start of the same instance the traces answered but not summarised', async () => {
    const stopped = process('crashy', { stops: true });
    expect(await stopped.start()).toBe(0); // first start of this instance: progress recorded from now
    expect(await stopped.ingest('acme', exportOf(span(31, 0), span(31, 1, llm('gpt-4o', 100, 10))))).toEqual({ accepted: 2, rejected: 0 });
    expect(await summaryOf(31)).toEqual({ node: null, listed: null }); // answered, durable spans, no summary yet
    expect(stopped.summaryStats()).toMatchObject({ waiting: 1, failures: 0 }); // what /metrics shows
    expect(stopped.summaryStats().lagMs).toBeGreaterThanOrEqual(0);

    // The next start of the same instance finds them from its recorded progress and the spans' ingested_at.
    const restarted = process('crashy');
    expect(await restarted.start()).toBe(1);
    await restarted.settled();
    const after = await summaryOf(31);
    expect(after.node).toMatchObject({ spanCount: 2, llmCalls: 1, inputTokens: 100, outputTokens: 10, rootSpan: 's0' });
    expect(after.listed).toMatchObject({ spanCount: 2, llmCalls: 1, inputTokens: 100 });
    // Its progress moved past them: a further start has nothing to redo.
    expect(await process('crashy').start()).toBe(0);
  });

  it('has another process take them over once the stopped one has not recorded progress for staleMs', async () => {
    const stopped = process('pod-a', { stops: true });
    await stopped.start();
    await stopped.ingest('acme', exportOf(span(34, 0), span(34, 1)));
    const live = process('pod-b', { staleMs: 60_000 });
    expect(await live.start()).toBe(0); // pod-a recorded progress a moment ago: alive, left alone
    await live.ingest('acme', exportOf(span(35, 0))); // pod-b's own spans are pod-b's to summarise
    await live.settled(); // written, and its progress recorded past them (whether or not pod-c takes its row over below)
    await new Promise((r) => setTimeout(r, 300));
    const watcher = process('pod-c', { staleMs: 200 });
    expect(await watcher.start()).toBe(1); // pod-a silent for 300 ms > 200: its one trace taken over, not pod-b's
    await watcher.settled();
    expect((await summaryOf(34)).node).toMatchObject({ spanCount: 2, rootSpan: 's0' });
    expect(await process('pod-d', { staleMs: 200 }).start()).toBe(0); // pod-a's row is closed: nobody takes it again
  });

  it('refuses exports while closing, and close() writes the summaries of those answered', async () => {
    const ingest = process('closing', { stops: true });
    await ingest.start();
    await ingest.ingest('acme', exportOf(span(32, 0)));
    await ingest.close();
    expect((await summaryOf(32)).node).toMatchObject({ spanCount: 1 });
    await expect(ingest.ingest('acme', exportOf(span(33, 0)))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await process('closing').start()).toBe(0); // closed cleanly: its progress covers everything
  });
});

describe('a trace summary cycle that fails', () => {
  let loom: TestLoom;
  beforeAll(async () => { loom = await startTestLoom({ LOOM_SEED_DEMO: 'false' }); });
  afterAll(() => loom?.close());

  it('is tried again (read back from the stored spans), then its progress is recorded', async () => {
    const real = loom.services.graph;
    let failures = 1;
    // The real store, with its next write failing once (as when the graph is briefly unavailable).
    const flaky = new Proxy(real, {
      get: (target, key) => key === 'write'
        ? (tenant: string, batch: Parameters<typeof real.write>[1]) => (failures-- > 0 ? Promise.reject(new Error('graph briefly unavailable')) : target.write(tenant, batch))
        : Reflect.get(target, key, target),
    });
    const errors: unknown[] = [];
    const ingest = new TraceIngestService(flaky, loom.services.analytics, loadPriceTable(), { instance: 'flaky', onError: (e) => errors.push(e) });
    await ingest.start();
    await ingest.ingest('acme', exportOf(span(41, 0), span(41, 1, llm('gpt-4o', 7, 3))));
    await ingest.settled();
    expect(errors.map((e) => (e as Error).message)).toEqual(['graph briefly unavailable']);
    expect((await real.getNodes('acme', [traceNodeId(hex(41, 16))]))[0]?.props).toMatchObject({ spanCount: 2, inputTokens: 7, outputTokens: 3 });
    const next = new TraceIngestService(real, loom.services.analytics, loadPriceTable(), { instance: 'flaky' });
    expect(await next.start()).toBe(0);
    await next.close();
    await ingest.close();
  });

  it('after two failed tries writes each summary alone: one the stores refuse for good no longer holds the others back', async () => {
    const analytics = loom.services.analytics as unknown as ClickHouseAnalytics;
    // A row the store refuses on its data (what no summary should be): by a constraint.
    await analytics.command("ALTER TABLE traces ADD CONSTRAINT no_poison CHECK root_span_name != 'poison'");
    try {
      const errors: unknown[] = [];
      const dropped: string[] = [];
      const ingest = new TraceIngestService(loom.services.graph, loom.services.analytics, loadPriceTable(), {
        instance: 'poisoned', onError: (e) => errors.push(e), onDropped: (_err, tenant, traceId) => dropped.push(`${tenant} ${traceId}`),
      });
      await ingest.start();
      await ingest.ingest('acme', exportOf(span(51, 0, { name: 'poison' }), span(52, 0), span(52, 1)));
      await ingest.settled();
      expect(errors).toHaveLength(2);
      expect(dropped).toEqual([`acme ${hex(51, 16)}`]);
      expect(ingest.summaryStats()).toMatchObject({ failures: 0, dropped: 1, waiting: 0 });
      const listed = async (trace: number) => (await loom.services.traces.list('acme', {}, 200)).edges.some((e) => e.node.traceId === hex(trace, 16));
      expect([await listed(51), await listed(52)]).toEqual([false, true]);
      await ingest.ingest('acme', exportOf(span(53, 0)));
      await ingest.settled();
      expect(await listed(53)).toBe(true);
      expect(errors).toHaveLength(2);
      await ingest.close();
    } finally {
      await analytics.command('ALTER TABLE traces DROP CONSTRAINT no_poison');
    }
  });
});
