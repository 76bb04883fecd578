/** The Redis adapter on a real redis-server: the contract, one bucket shared by processes, and Redis going away. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startRedis, type TestRedis } from '../queue/redis.testkit.js';
import { RedisRateBuckets } from './RedisRateBuckets.js';
import { describeRateBucketsContract } from './rate-buckets.contract.js';

let redis: TestRedis;
beforeAll(async () => { redis = await startRedis(); });
afterAll(async () => { await redis?.stop(); });

/** Once connected (takes before then are answered by the local bucket: no offline queue). */
async function ready(b: RedisRateBuckets): Promise<RedisRateBuckets> {
  for (let i = 0; i < 100 && !b.connected(); i++) await new Promise((r) => setTimeout(r, 20));
  return b;
}

describeRateBucketsContract('in Redis', async () => ready(new RedisRateBuckets({ url: redis.url, prefix: `c-${randomUUID()}`, onError: (e) => { throw e; } })));

describe('RedisRateBuckets', () => {
  it('is one bucket for every process sharing the Redis and the prefix (another prefix is another Loom)', async () => {
    const prefix = `shared-${randomUUID()}`;
    const errors: unknown[] = [];
    const [a, b, other] = await Promise.all([prefix, prefix, `other-${randomUUID()}`].map((p) => ready(new RedisRateBuckets({ url: redis.url, prefix: p, onError: (e) => errors.push(e) }))));
    try {
      expect(await a.take('acme\u0000spans', 100, 200, 150)).toBe(200);
      expect(await b.take('acme\u0000spans', 100, 200, 100)).toBeLessThan(52); // 50 left, and what 100/s refilled meanwhile
      expect(await a.take('acme\u0000spans', 100, 200, 0)).toBeLessThan(0);
      expect(await other.take('acme\u0000spans', 100, 200, 0)).toBe(200);
      expect(errors).toEqual([]);
    } finally {
      await Promise.all([a, b, other].map((x) => x.close()));
    }
  });

  it('answers from its own bucket while Redis is away, says so, and uses Redis again once it is back', async () => {
    const other = await startRedis();
    const errors: unknown[] = [];
    const b = await ready(new RedisRateBuckets({ url: other.url, prefix: 'p', timeoutMs: 200, onError: (e) => errors.push(e) }));
    try {
      expect(await b.take('k', 1, 10, 4)).toBe(10);
      await other.stop();
      const t = performance.now();
      expect(await b.take('k', 1, 10, 4)).toBe(10); // this process's own bucket, full at first
      expect(await b.take('k', 1, 10, 0)).toBeCloseTo(6, 0);
      expect(performance.now() - t).toBeLessThan(1000);
      expect(errors.length).toBe(2);
    } finally {
      await b.close();
    }
  });
});
