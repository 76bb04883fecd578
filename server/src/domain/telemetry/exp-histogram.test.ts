import { describe, expect, it } from 'vitest';
import { mergeExpHistograms, type ExpHistogramPart } from './exp-histogram.js';

const part = (p: Partial<ExpHistogramPart>): ExpHistogramPart => ({
  count: 0, sum: 0, min: null, max: null, scale: 0, zeroCount: 0, zeroThreshold: 0, positive: new Map(), negative: new Map(), ...p,
});
/** The bucket of `v` at `scale`, as OTel defines it: base^i < v <= base^(i+1). */
const bucketOf = (v: number, scale: number) => Math.ceil(Math.log2(v) * 2 ** scale) - 1;

describe('mergeExpHistograms', () => {
  it('adds parts of one scale bucket by bucket, with their counts, sums, zero counts and extremes', () => {
    const m = mergeExpHistograms([
      part({ count: 4, sum: 10, min: 0, max: 5, scale: 2, zeroCount: 1, zeroThreshold: 0.001, positive: new Map([[3, 1], [4, 2]]) }),
      part({ count: 3, sum: -2, min: -3, max: 4, scale: 2, positive: new Map([[4, 1], [6, 1]]), negative: new Map([[1, 1]]) }),
    ]);
    expect(m).toEqual({
      count: 7, sum: 8, min: -3, max: 5, scale: 2, zeroCount: 1, zeroThreshold: 0.001,
      positive: { offset: 3, bucketCounts: [1, 3, 0, 1] }, negative: { offset: 1, bucketCounts: [1] },
    });
  });

  it('meets at the lowest scale, each value still in the bucket that holds it', () => {
    const values = [0.3, 0.7, 1.1, 1.9, 2.5, 6, 40];
    const at = (scale: number, vs: number[]) => {
      const positive = new Map<number, number>();
      for (const v of vs) positive.set(bucketOf(v, scale), (positive.get(bucketOf(v, scale)) ?? 0) + 1);
      return part({ count: vs.length, sum: vs.reduce((a, b) => a + b, 0), scale, positive });
    };
    const m = mergeExpHistograms([at(4, values.slice(0, 4)), at(1, values.slice(4)), at(3, [0.7])]);
    const expected = at(1, [...values, 0.7]);
    expect(m.scale).toBe(1);
    expect(new Map(m.positive.bucketCounts.map((c, i) => [m.positive.offset + i, c] as const).filter(([, c]) => c > 0))).toEqual(expected.positive);
    expect(m.count).toBe(8);
    // negative indexes (values under 1) go down, not towards 0
    expect(mergeExpHistograms([part({ scale: 2, positive: new Map([[-3, 1]]) }), part({ scale: 1 })]).positive).toEqual({ offset: -2, bucketCounts: [1] });
  });

  it('lowers the scale until each side fits in the most buckets allowed', () => {
    const m = mergeExpHistograms([part({ count: 1, scale: 3, positive: new Map([[0, 1]]) }), part({ count: 2, scale: 3, positive: new Map([[20, 2]]), negative: new Map([[-1, 1]]) })], 8);
    expect(m).toMatchObject({ scale: 1, positive: { offset: 0, bucketCounts: [1, 0, 0, 0, 0, 2] }, negative: { offset: -1, bucketCounts: [1] } });
  });

  it('merges a part with more buckets than a call can take arguments', () => {
    const positive = new Map(Array.from({ length: 300_000 }, (_, i) => [i - 150_000, 1] as [number, number]));
    const m = mergeExpHistograms([part({ count: 300_000, scale: 20, positive }), part({ scale: 20 })]);
    expect(m.positive.bucketCounts.length).toBeLessThanOrEqual(160);
    expect(m.positive.bucketCounts.reduce((a, c) => a + c, 0)).toBe(300_000);
  });

  it('leaves the sum unknown when a part has none', () => {
    expect(mergeExpHistograms([part({ count: 1, sum: 2 }), part({ count: 1, sum: null })]).sum).toBeNull();
    expect(mergeExpHistograms([part({ count: 1, sum: null, min: 1, max: 1 })])).toMatchObject({ sum: null, min: 1, max: 1 });
  });
});
