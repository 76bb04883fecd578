import { describe, expect, it } from 'vitest';
import { formatDuration, layoutWaterfall, MIN_BAR_PCT, timeTicks, traceLength, type WaterfallSpan } from './waterfall.js';

const span = (spanId: string, depth: number, startOffsetMs: number, durationMs: number, childCount = 0, extra: Partial<WaterfallSpan> = {}): WaterfallSpan =>
  ({ spanId, depth, startOffsetMs, durationMs, childCount, statusCode: 'OK', ...extra });

// root (0..200) → retrieve (10..60) → embed (12..30); root → llm (70..190, an LLM call, failed)
const TRACE = [
  span('root', 0, 0, 200, 2),
  span('retrieve', 1, 10, 50, 1),
  span('embed', 2, 12, 18),
  span('llm', 1, 70, 120, 0, { statusCode: 'ERROR', llm: { requestModel: 'gpt-4o' } }),
];

describe('layoutWaterfall', () => {
  it('places every span on a time axis as long as the trace', () => {
    const { rows, totalMs } = layoutWaterfall(TRACE);
    expect(totalMs).toBe(200);
    expect(rows.map((r) => [r.span.spanId, r.leftPct, r.widthPct])).toEqual([
      ['root', 0, 100], ['retrieve', 5, 25], ['embed', 6, 9], ['llm', 35, 60],
    ]);
  });

  it('writes the duration after a bar, or near the right end inside a wide bar and before a narrow one', () => {
    expect(layoutWaterfall(TRACE).rows.map((r) => r.labelAt)).toEqual(['inside', 'after', 'after', 'inside']);
    expect(layoutWaterfall([span('a', 0, 0, 100), span('b', 1, 95, 5)]).rows[1].labelAt).toBe('before');
  });

  it('colours errors over LLM calls over the rest', () => {
    const tones = layoutWaterfall([...TRACE, span('chat', 1, 0, 5, 0, { llm: {} })]).rows.map((r) => r.tone);
    expect(tones).toEqual(['ok', 'ok', 'ok', 'error', 'llm']);
  });

  it('hides the descendants of a collapsed span and counts them', () => {
    const collapsedRoot = layoutWaterfall(TRACE, new Set(['root']));
    expect(collapsedRoot.rows.map((r) => r.span.spanId)).toEqual(['root']);
    expect(collapsedRoot.rows[0].collapsed).toBe(true);
    expect(collapsedRoot.hidden).toBe(3);
    const collapsedBranch = layoutWaterfall(TRACE, new Set(['retrieve']));
    expect(collapsedBranch.rows.map((r) => r.span.spanId)).toEqual(['root', 'retrieve', 'llm']);
    expect(collapsedBranch.hidden).toBe(1);
  });

  it('ignores a collapse request on a leaf', () => {
    const { rows, hidden } = layoutWaterfall(TRACE, new Set(['embed']));
    expect(rows).toHaveLength(4);
    expect(rows[2].collapsed).toBe(false);
    expect(hidden).toBe(0);
  });

  it('keeps zero-length and negative spans visible and inside the axis', () => {
    const { rows } = layoutWaterfall([span('a', 0, 0, 100), span('b', 1, 100, 0), span('c', 1, 50, -5)]);
    expect(rows[1]).toMatchObject({ leftPct: 100 - MIN_BAR_PCT, widthPct: MIN_BAR_PCT });
    expect(rows[2]).toMatchObject({ leftPct: 50, widthPct: MIN_BAR_PCT });
  });

  it('lays out an empty trace', () => {
    expect(layoutWaterfall([])).toEqual({ rows: [], totalMs: 1, ticks: timeTicks(1), hidden: 0 });
    expect(traceLength([])).toBe(1);
  });
});

describe('timeTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(timeTicks(200).map((t) => t.ms)).toEqual([0, 50, 100, 150, 200]);
    expect(timeTicks(1000).map((t) => t.ms)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(timeTicks(3.7).map((t) => t.ms)).toEqual([0, 1, 2, 3]);
    expect(timeTicks(200)[2].pct).toBe(50);
  });
});

describe('formatDuration', () => {
  it('picks a unit for the size', () => {
    expect([0.25, 3.456, 42.34, 850, 1240, 125_000].map(formatDuration)).toEqual(['250 µs', '3.46 ms', '42.3 ms', '850 ms', '1.24 s', '2 min 5 s']);
    expect(formatDuration(Number.NaN)).toBe('–');
    expect(formatDuration(0)).toBe('0');
  });
});
