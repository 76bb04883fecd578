import { describe, expect, it } from 'vitest';
import { waterfall } from './trace-tree.js';

const s = (spanId: string, parentSpanId: string, startMs: number, endMs: number) =>
  ({ spanId, parentSpanId, startNs: String(BigInt(1_700_000_000_000 + startMs) * 1_000_000n), endNs: String(BigInt(1_700_000_000_000 + endMs) * 1_000_000n) });

describe('waterfall', () => {
  it('lists every span after its parent, siblings by start, with depth and offsets from the trace start', () => {
    const spans = [s('c2', 'root', 30, 40), s('g1', 'c1', 12, 15), s('root', '', 0, 50), s('c1', 'root', 10, 20)];
    expect(waterfall(spans).map(({ span, placement }) => [span.spanId, placement.depth, placement.startOffsetMs, placement.durationMs, placement.childCount])).toEqual([
      ['root', 0, 0, 50, 2], ['c1', 1, 10, 10, 1], ['g1', 2, 12, 3, 0], ['c2', 1, 30, 10, 0],
    ]);
  });

  it('shows spans whose parent is missing as roots, and survives parent cycles and self-parents', () => {
    const spans = [s('orphan', 'not-received', 5, 6), s('root', '', 0, 10), s('a', 'b', 1, 2), s('b', 'a', 2, 3), s('self', 'self', 4, 5)];
    const out = waterfall(spans).map(({ span, placement }) => [span.spanId, placement.depth]);
    expect(out).toEqual([['root', 0], ['self', 0], ['orphan', 0], ['a', 0], ['b', 1]]);
    expect(waterfall([])).toEqual([]);
  });

  it('keeps sub-millisecond timing', () => {
    const [first] = waterfall([{ spanId: 'x', parentSpanId: '', startNs: '1700000000000000000', endNs: '1700000000000250500' }]);
    expect(first.placement.durationMs).toBe(0.2505);
  });
});
