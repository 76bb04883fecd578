/** One contract for every RateBuckets adapter (in this process, in Redis): the token bucket both promise. */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { RateBuckets } from '../domain/ports/RateBuckets.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function describeRateBucketsContract(name: string, open: () => Promise<RateBuckets>): void {
  describe(`RateBuckets contract: ${name}`, () => {
    const opened: RateBuckets[] = [];
    const make = async () => { const b = await open(); opened.push(b); return b; };
    afterEach(async () => { await Promise.all(opened.splice(0).map((b) => b.close())); });

    it('starts full, drains, goes into debt and refills at the rate, never above its capacity', async () => {
      const b = await make();
      const key = `t-${randomUUID()}`;
      expect(await b.take(key, 10, 20, 0)).toBe(20);
      expect(await b.take(key, 10, 20, 25)).toBeCloseTo(20, 0);
      const debt = await b.take(key, 10, 20, 0);
      expect(debt).toBeLessThan(-4);
      expect(debt).toBeGreaterThan(-5.01);
      await sleep(300);
      const refilled = await b.take(key, 10, 20, 0);
      expect(refilled - debt).toBeGreaterThan(2.5); // 10 a second for 0.3 s (more on a slow machine)
      await sleep(300);
      expect(await b.take(key, 1000, 20, 0)).toBe(20); // a higher rate refills it to its capacity, not beyond
    });

    it('keeps buckets apart by key', async () => {
      const b = await make();
      const [k1, k2] = [`a-${randomUUID()}`, `b-${randomUUID()}`];
      await b.take(k1, 1, 5, 5);
      expect(await b.take(k1, 1, 5, 0)).toBeLessThan(1);
      expect(await b.take(k2, 1, 5, 0)).toBe(5);
    });

    it('keeps fractions of a token', async () => {
      const b = await make();
      const key = `f-${randomUUID()}`;
      await b.take(key, 0.5, 1, 0.75);
      const left = await b.take(key, 0.5, 1, 0);
      expect(left).toBeGreaterThan(0.24);
      expect(left).toBeLessThan(0.4);
    });
  });
}
