import { describe, expect, it } from 'vitest';
import { extent, formatNumber, linearScale, niceDomain, niceStep, niceTicks, timeTicks } from './scale.js';

describe('linearScale', () => {
  it('maps and inverts, including an inverted pixel range (y axes)', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(150);
    expect(y.invert(150)).toBe(2.5);
  });
  it('puts a zero-width domain in the middle', () => {
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });
});

describe('extent', () => {
  it('ignores non-finite values and pads a single value', () => {
    expect(extent([3, NaN, -1, Infinity, 7])).toEqual([-1, 7]);
    expect(extent([5, 5])).toEqual([4.5, 5.5]);
    expect(extent([0])).toEqual([-1, 1]);
    expect(extent([])).toBeNull();
  });
});

describe('nice ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(1, 4)).toBe(0.2);
    expect(niceStep(0.037, 5)).toBe(0.005);
    expect(niceStep(70, 10)).toBe(5);
  });
  it('lists round ticks inside the domain and widens domains to whole steps', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.13, 0.91, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(-3, 7, 5)).toEqual([-2, 0, 2, 4, 6]);
    expect(niceTicks(5, 5)).toEqual([5]);
    expect(niceDomain(0.13, 0.91, 4)).toEqual([0, 1]);
    expect(niceDomain(12, 87, 5)).toEqual([0, 100]);
  });
  it('places time ticks on round clock times', () => {
    const t0 = Date.UTC(2026, 2, 1, 10, 3, 17);
    const ticks = timeTicks(t0, t0 + 60 * 60_000, 5);
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['10:15', '10:30', '10:45', '11:00']);
    expect(timeTicks(t0, t0 + 50_000, 5).every((t) => t % 15_000 === 0)).toBe(true);
  });
});

describe('formatNumber', () => {
  it('is compact', () => {
    expect([0, 0.5, 12.34, 512, 12_345, 3_400_000, 8.5e9, 0.00042].map(formatNumber)).toEqual(['0', '0.5', '12.3', '512', '12.3k', '3.4M', '8.5G', '4.2e-4']);
    expect(formatNumber(-2500)).toBe('-2500');
  });
});
