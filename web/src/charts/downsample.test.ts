import { describe, expect, it } from 'vitest';
import { downsample, linePath, nearestIndex, type Point } from './downsample.js';

const curve = (n: number, f: (i: number) => number): Point[] => Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));

describe('downsample (LTTB)', () => {
  it('returns short curves unchanged', () => {
    const c = curve(10, (i) => i);
    expect(downsample(c, 20)).toEqual(c);
  });
  it('keeps the ends and at most the threshold, in x order', () => {
    const out = downsample(curve(10_000, (i) => Math.sin(i / 100)), 300);
    expect(out).toHaveLength(300);
    expect(out[0]).toEqual({ x: 0, y: 0 });
    expect(out.at(-1)!.x).toBe(9999);
    expect(out.every((p, i) => i === 0 || p.x > out[i - 1].x)).toBe(true);
  });
  it('keeps a lone spike that every-k-th sampling would drop', () => {
    const c = curve(1000, (i) => (i === 503 ? 100 : 0));
    expect(downsample(c, 50).some((p) => p.y === 100)).toBe(true);
    expect(c.filter((_, i) => i % 20 === 0).some((p) => p.y === 100)).toBe(false);
  });
  it('keeps the two ends for tiny thresholds', () => {
    expect(downsample(curve(5, (i) => i), 1)).toEqual([{ x: 0, y: 0 }, { x: 4, y: 4 }]);
  });
});

describe('nearestIndex', () => {
  const pts = [{ x: 0, y: 0 }, { x: 10, y: 1 }, { x: 20, y: 2 }, { x: 40, y: 3 }];
  it('finds the closest x on either side', () => {
    expect([-5, 4, 6, 15.1, 29, 31, 99].map((x) => nearestIndex(pts, x))).toEqual([0, 0, 1, 2, 2, 3, 3]);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});

describe('linePath', () => {
  it('draws a polyline and breaks at gaps', () => {
    const id = (v: number) => v;
    expect(linePath([{ x: 0, y: 1 }, { x: 1, y: 2 }, { x: 2, y: NaN }, { x: 3, y: 4 }], id, id)).toBe('M0.0,1.0L1.0,2.0M3.0,4.0');
  });
});
