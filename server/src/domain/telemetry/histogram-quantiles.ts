/**
 * Quantile estimates from histogram buckets, as dashboards ask of latency histograms (Prometheus's
 * histogram_quantile): the bucket that holds the rank q·count, and a value inside it by interpolation.
 * An estimate, as good as the buckets are fine; clamped to the recorded min and max when known.
 */
import type { ExpBuckets, ExpHistogramValue } from './exp-histogram.js';

export interface ExplicitHistogram { count: number; min: number | null; max: number | null; explicitBounds: number[]; bucketCounts: number[] }

const clamp = (v: number, min: number | null, max: number | null) => Math.min(max ?? Infinity, Math.max(min ?? -Infinity, v));

/** The q-quantile (0..1) of an explicit-bucket histogram: linear within the bucket; null when it holds no values. */
export function explicitQuantile(q: number, h: ExplicitHistogram): number | null {
  const total = h.bucketCounts.reduce((a, c) => a + c, 0);
  if (total === 0 || h.bucketCounts.length !== h.explicitBounds.length + 1) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < h.bucketCounts.length; i++) {
    const c = h.bucketCounts[i];
    if (c === 0 || below + c < rank) {
      below += c;
      continue;
    }
    const b = h.explicitBounds;
    // Bucket i holds (b[i-1], b[i]]; the first starts at the min (or 0 under a positive bound, as
    // Prometheus does), the last ends at the max (or its lower bound).
    const lower = i === 0 ? (h.min ?? Math.min(0, b[0] ?? 0)) : b[i - 1];
    const upper = i === b.length ? (h.max ?? b[b.length - 1] ?? lower) : b[i];
    return clamp(lower + (upper - lower) * Math.max(0, rank - below) / c, h.min, h.max);
  }
  return clamp(h.explicitBounds.at(-1) ?? h.max ?? 0, h.min, h.max);
}

/**
 * The q-quantile (0..1) of an exponential histogram: values in ascending order are the negative buckets
 * (largest magnitude first), the zero bucket, then the positive ones; within bucket i, (base^i,
 * base^(i+1)], geometric interpolation (the buckets are even in log space). Null when it holds no values.
 */
export function exponentialQuantile(q: number, h: ExpHistogramValue): number | null {
  const base = 2 ** (2 ** -h.scale);
  const bound = (i: number) => base ** i;
  // [count, lowest value, highest value] in ascending order of value
  const ranges: [number, number, number][] = [];
  const neg = h.negative;
  for (let k = neg.bucketCounts.length - 1; k >= 0; k--) {
    const i = neg.offset + k;
    ranges.push([neg.bucketCounts[k], -bound(i + 1), -bound(i)]);
  }
  ranges.push([h.zeroCount, -h.zeroThreshold, h.zeroThreshold]);
  const pos: ExpBuckets = h.positive;
  pos.bucketCounts.forEach((c, k) => ranges.push([c, bound(pos.offset + k), bound(pos.offset + k + 1)]));
  const total = ranges.reduce((a, [c]) => a + c, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (const [c, lo, hi] of ranges) {
    if (c === 0 || below + c < rank) {
      below += c;
      continue;
    }
    const f = Math.max(0, rank - below) / c;
    // geometric within a bucket of one sign; linear across the zero bucket
    const v = lo > 0 ? lo * (hi / lo) ** f : hi < 0 ? -((-hi) * ((-lo) / (-hi)) ** (1 - f)) : lo + (hi - lo) * f;
    return clamp(v, h.min, h.max);
  }
  return h.max;
}
