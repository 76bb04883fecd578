import { describe, expect, it } from 'vitest';
import { demoTraceId, explainerTraces, TRACE_COUNT } from './traces-otlp.js';
import { DEMO_GPUS, gpuRequest, GPU_SAMPLES, loadAt } from './gpu-otlp.js';
import { GPU_PLACEMENT } from './common.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const ms = (ns: unknown) => Number(BigInt(String(ns)) / 1_000_000n);
const attr = (span: any, key: string) => span.attributes.find((a: any) => a.key === key)?.value;

describe('explainerTraces', () => {
  const req = explainerTraces(NOW);
  const spans = req.resourceSpans![0].scopeSpans!.flatMap((s) => s.spans!) as any[];
  const byTrace = new Map<string, any[]>();
  for (const s of spans) byTrace.set(s.traceId, [...(byTrace.get(s.traceId) ?? []), s]);

  it('gives 30 traces of a root and 3-4 children, with fixed ids and unique span ids', () => {
    expect(byTrace.size).toBe(TRACE_COUNT);
    expect(byTrace.has(demoTraceId(0))).toBe(true);
    for (const [, list] of byTrace) {
      const roots = list.filter((s) => s.parentSpanId === '');
      expect(roots).toHaveLength(1);
      expect(list.filter((s) => s.parentSpanId === roots[0].spanId).length).toBeGreaterThanOrEqual(3);
      expect(list.length).toBeLessThanOrEqual(5);
      for (const s of list) expect(ms(s.startTimeUnixNano)).toBeGreaterThanOrEqual(ms(roots[0].startTimeUnixNano));
      for (const s of list) expect(ms(s.endTimeUnixNano)).toBeLessThanOrEqual(ms(roots[0].endTimeUnixNano));
    }
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(spans.length);
  });

  it('falls within the last 24 hours and is the same for the same start-up time', () => {
    for (const s of spans) {
      expect(ms(s.startTimeUnixNano)).toBeGreaterThan(NOW - 24 * 3_600_000);
      expect(ms(s.endTimeUnixNano)).toBeLessThan(NOW);
    }
    expect(explainerTraces(NOW)).toEqual(req);
  });

  it('names prompt and model versions, counts tokens on successful calls and fails three calls', () => {
    const llm = spans.filter((s) => attr(s, 'gen_ai.operation.name'));
    expect(llm).toHaveLength(TRACE_COUNT);
    expect(new Set(llm.map((s) => `${attr(s, 'loom.prompt.version').stringValue}/${attr(s, 'gen_ai.request.model').stringValue}`))).toEqual(new Set(['2/gpt-4o-mini', '3/gpt-4.1-mini']));
    const failed = llm.filter((s) => s.status.code === 2);
    expect(failed).toHaveLength(3);
    expect(failed.every((s) => s.events[0].name === 'exception' && !attr(s, 'gen_ai.usage.input_tokens'))).toBe(true);
    expect(llm.filter((s) => s.status.code !== 2).every((s) => Number(attr(s, 'gen_ai.usage.input_tokens').intValue) > 300)).toBe(true);
    expect(spans.filter((s) => attr(s, 'loom.model.name')).map((s) => attr(s, 'loom.model.version').stringValue)).toContain('2');
  });
});

describe('gpuRequest', () => {
  const start = NOW - 3_600_000;
  const metrics = gpuRequest(start, NOW).resourceMetrics![0].scopeMetrics![0].metrics!;

  it('sends DCGM gauges: 60 points per GPU, inside the window, labelled with the run\'s pod', () => {
    expect(metrics.map((m) => m.name)).toContain('DCGM_FI_DEV_GPU_UTIL');
    for (const m of metrics) {
      const points = m.gauge!.dataPoints!;
      expect(points).toHaveLength(GPU_SAMPLES * DEMO_GPUS.length);
      for (const p of points) {
        expect(ms(p.timeUnixNano)).toBeGreaterThan(start);
        expect(ms(p.timeUnixNano)).toBeLessThan(NOW);
        const labels = Object.fromEntries(p.attributes!.map((a) => [a.key, a.value!.stringValue]));
        expect(labels).toMatchObject({ pod: GPU_PLACEMENT.pod, namespace: GPU_PLACEMENT.namespace });
      }
    }
  });

  it('keeps values physical (utilisation 0-100 %, used + free memory = 80 GiB)', () => {
    const values = (name: string) => metrics.find((m) => m.name === name)!.gauge!.dataPoints!.map((p) => p.asDouble!);
    expect(values('DCGM_FI_DEV_GPU_UTIL').every((v) => v >= 0 && v <= 100)).toBe(true);
    const used = values('DCGM_FI_DEV_FB_USED');
    values('DCGM_FI_DEV_FB_FREE').forEach((free, i) => expect(free + used[i]).toBeCloseTo(81_920, 1));
  });

  it('ramps up, dips for evaluations and idles at the end', () => {
    expect(loadAt(0.01, 0)).toBeLessThan(0.3);
    expect(loadAt(0.5, 4)).toBe(0.9);
    expect(loadAt(0.5, 9)).toBeLessThan(0.9);
    expect(loadAt(0.99, 59)).toBeLessThan(0.2);
  });
});
