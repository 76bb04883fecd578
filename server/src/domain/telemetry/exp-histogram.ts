/**
 * Base-2 exponential histograms as OTLP defines them: at scale s, bucket index i holds the values in
 * (base^i, base^(i+1)] with base = 2^(2^-s). Lowering the scale by one merges buckets 2k and 2k+1 into
 * k, so histograms of different scales merge exactly at the lowest of their scales. Used to add up the
 * delta points of one downsampled bucket (metrics-query.service.ts), as an SDK adds up measurements.
 */

/** Dense buckets: bucketCounts[i] is bucket index offset + i. */
export interface ExpBuckets { offset: number; bucketCounts: number[] }

export interface ExpHistogramValue {
  count: number; sum: number | null; min: number | null; max: number | null;
  scale: number; zeroCount: number; zeroThreshold: number; positive: ExpBuckets; negative: ExpBuckets;
}

/** One part to merge: its buckets sparse (bucket index → count), as the store sums them per scale. */
export interface ExpHistogramPart {
  count: number; sum: number | null; min: number | null; max: number | null;
  scale: number; zeroCount: number; zeroThreshold: number; positive: Map<number, number>; negative: Map<number, number>;
}

/** The most buckets a merged side keeps (OTel SDKs' default maximum size): wider, the scale is lowered until it fits. */
export const MAX_EXP_BUCKETS = 160;

/** Bucket `index` at a scale `by` lower (floor, so negative indexes stay in the right bucket). */
const downscaled = (index: number, by: number) => Math.floor(index / 2 ** by);

function rescale(buckets: Map<number, number>, by: number): Map<number, number> {
  if (by === 0) return buckets;
  const out = new Map<number, number>();
  for (const [i, c] of buckets) out.set(downscaled(i, by), (out.get(downscaled(i, by)) ?? 0) + c);
  return out;
}

/** The lowest and highest bucket index (a loop: a point may hold more buckets than a call's arguments can). */
function extent(buckets: Map<number, number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of buckets.keys()) {
    if (i < lo) lo = i;
    if (i > hi) hi = i;
  }
  return buckets.size ? [lo, hi] : null;
}

const span = (buckets: Map<number, number>) => {
  const e = extent(buckets);
  return e ? e[1] - e[0] + 1 : 0;
};

function dense(buckets: Map<number, number>): ExpBuckets {
  const e = extent(buckets);
  if (!e) return { offset: 0, bucketCounts: [] };
  const bucketCounts = new Array<number>(e[1] - e[0] + 1).fill(0);
  for (const [i, c] of buckets) bucketCounts[i - e[0]] += c;
  return { offset: e[0], bucketCounts };
}

/**
 * The sum of `parts` (at least one): counts and sums add, min and max hold, the buckets meet at the
 * lowest scale, lowered further while a side would need more than `maxBuckets`. The zero threshold is
 * the widest of the parts' (their zero counts are added as they are).
 */
export function mergeExpHistograms(parts: ExpHistogramPart[], maxBuckets = MAX_EXP_BUCKETS): ExpHistogramValue {
  let scale = Math.min(...parts.map((p) => p.scale));
  let positive = new Map<number, number>();
  let negative = new Map<number, number>();
  for (const p of parts) {
    for (const [into, from] of [[positive, p.positive], [negative, p.negative]] as const) {
      for (const [i, c] of rescale(from, p.scale - scale)) into.set(i, (into.get(i) ?? 0) + c);
    }
  }
  while (scale > -10 && Math.max(span(positive), span(negative)) > maxBuckets) {
    scale--;
    positive = rescale(positive, 1);
    negative = rescale(negative, 1);
  }
  const known = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);
  const sums = known(parts.map((p) => p.sum));
  const mins = known(parts.map((p) => p.min));
  const maxs = known(parts.map((p) => p.max));
  return {
    count: parts.reduce((a, p) => a + p.count, 0),
    sum: sums.length === parts.length ? sums.reduce((a, s) => a + s, 0) : null,
    min: mins.length ? Math.min(...mins) : null,
    max: maxs.length ? Math.max(...maxs) : null,
    scale,
    zeroCount: parts.reduce((a, p) => a + p.zeroCount, 0),
    zeroThreshold: Math.max(...parts.map((p) => p.zeroThreshold)),
    positive: dense(positive),
    negative: dense(negative),
  };
}
