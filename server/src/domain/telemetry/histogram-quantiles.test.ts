import { describe, expect, it } from 'vitest';
import { explicitQuantile, exponentialQuantile } from './histogram-quantiles.js';
import { mergeExpHistograms } from './exp-histogram.js';

/** The bucket of v > 0 at `scale`, as OTLP defines it. */
const bucketOf = (v: number, scale: number) => Math.ceil(Math.log2(v) * 2 ** scale) - 1;

describe('explicitQuantile', () => {
  const h = { count: 10, min: 0.5, max: 20, explicitBounds: [1, 5, 10], bucketCounts: [2, 4, 4, 0] };

  it('interpolates inside the bucket that holds the rank, as histogram_quantile does', () => {
    expect(explicitQuantile(0.5, h)).toBeCloseTo(1 + (5 - 1) * (5 - 2) / 4, 9); // rank 5: 3 of the 4 in (1, 5]
    expect(explicitQuantile(0.9, h)).toBeCloseTo(5 + (10 - 5) * (9 - 6) / 4, 9);
    expect(explicitQuantile(0.1, h)).toBeCloseTo(0.5 + (1 - 0.5) * 1 / 2, 9); // the first bucket starts at the min
  });

  it('ends the open last bucket at the max, keeps estimates within min and max, and knows nothing of an empty one', () => {
    expect(explicitQuantile(1, { ...h, bucketCounts: [0, 0, 0, 2] })).toBe(20);
    expect(explicitQuantile(0.5, { ...h, bucketCounts: [0, 0, 0, 2], max: null })).toBe(10);
    expect(explicitQuantile(0, { ...h, min: 3 })).toBe(3);
    expect(explicitQuantile(0.5, { ...h, bucketCounts: [0, 0, 0, 0] })).toBeNull();
    expect(explicitQuantile(0.5, { ...h, min: null, explicitBounds: [1], bucketCounts: [4, 0] })).toBeCloseTo(0.5, 9); // (0, 1], as Prometheus
  });
});

describe('exponentialQuantile', () => {
  it('lands in the bucket of the true quantile, within one bucket width (base - 1 relative)', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 0.001 * 1.01 ** i); // 0.001 .. ~20.9
    const scale = 4;
    const positive = new Map<number, number>();
    for (const v of values) positive.set(bucketOf(v, scale), (positive.get(bucketOf(v, scale)) ?? 0) + 1);
    const h = mergeExpHistograms([{ count: values.length, sum: null, min: values[0], max: values.at(-1)!, scale, zeroCount: 0, zeroThreshold: 0, positive, negative: new Map() }]);
    const base = 2 ** (2 ** -scale);
    for (const q of [0.01, 0.5, 0.9, 0.99]) {
      const truth = values[Math.ceil(q * values.length) - 1];
      const est = exponentialQuantile(q, h)!;
      expect(Math.abs(est / truth - 1), `q=${q}`).toBeLessThanOrEqual(base - 1);
    }
    expect(exponentialQuantile(1, h)).toBeCloseTo(values.at(-1)!, 9); // clamped to the max
  });

  it('orders negative values, the zero bucket and positive values', () => {
    // -3 (bucket 1 at scale 0: magnitudes (2, 4]), two zeros, 3 (bucket 1: (2, 4])
    const h = { count: 4, sum: 0, min: -3, max: 3, scale: 0, zeroCount: 2, zeroThreshold: 0, positive: { offset: 1, bucketCounts: [1] }, negative: { offset: 1, bucketCounts: [1] } };
    const first = exponentialQuantile(0.25, h)!; // in the bucket of -3: [-4, -2]
    expect(first).toBeGreaterThanOrEqual(-3); // not below the min
    expect(first).toBeLessThanOrEqual(-2);
    expect(exponentialQuantile(0.1, h)!).toBeLessThan(-2);
    expect(exponentialQuantile(0.5, h)).toBe(0);
    expect(exponentialQuantile(0.75, h)).toBe(0);
    expect(exponentialQuantile(1, h)).toBe(3);
    expect(exponentialQuantile(0.5, { ...h, zeroCount: 0, positive: { offset: 0, bucketCounts: [] }, negative: { offset: 0, bucketCounts: [] } })).toBeNull();
  });
});
