/**
 * Token buckets in Redis (`LOOM_REDIS_URL`), shared by every Loom process of a deployment: the ingest
 * pods (2 to 10 under the HPA of k8s/base/ingest.yaml) draw a tenant's quota from one bucket instead of
 * each granting it in full. One Lua script refills and takes atomically, on Redis's clock (the
 * processes' clocks do not matter); a bucket left alone expires once it would be full again.
 *
 * Redis unreachable or slow (over `timeoutMs`): the take is answered from this process's own bucket
 * (each process enforcing the quota on what it receives, as without Redis) and `onError` is told, so
 * an outage of Redis neither stops the ingest nor lifts the quotas.
 */
import { withTimeout } from '../domain/with-timeout.js';
import { Redis } from 'ioredis';
import type { RateBuckets } from '../domain/ports/RateBuckets.js';
import { MemoryRateBuckets } from './MemoryRateBuckets.js';

// KEYS[1] the bucket; ARGV rate (tokens/s), capacity, n. Answers the tokens before taking, as text (a
// Lua number returned as such would be truncated to an integer).
const TAKE = `
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local n = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or capacity
local at = tonumber(b[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) / 1000 * rate)
local before = tokens
tokens = tokens - n
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate * 1000) + 1000)
return tostring(before)
`;

type WithTake = Redis & { loomTakeTokens(key: string, rate: number, capacity: number, n: number): Promise<string> };

export interface RedisRateBucketsOptions {
  url: string;
  /** Key prefix (several Looms may share a Redis): keys are `<prefix>:quota:<bucket>`. */
  prefix: string;
  /** Longest wait for Redis before the local bucket answers. */
  timeoutMs?: number;
  /** Redis failed or was slow; the local bucket answered. */
  onError?: (err: unknown) => void;
}

export class RedisRateBuckets implements RateBuckets {
  private readonly redis: WithTake;
  private readonly local = new MemoryRateBuckets();
  private readonly timeoutMs: number;

  constructor(private readonly opts: RedisRateBucketsOptions) {
    // No offline queue: while Redis is away a take fails at once (and the local bucket answers) rather than waiting for it.
    const redis = new Redis(opts.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    redis.on('error', () => { /* reported per take through onError; ioredis reconnects by itself */ });
    redis.defineCommand('loomTakeTokens', { numberOfKeys: 1, lua: TAKE });
    this.redis = redis as WithTake;
    this.timeoutMs = opts.timeoutMs ?? 100;
  }

  async take(key: string, rate: number, capacity: number, n: number): Promise<number> {
    try {
      const answer = await withTimeout(this.redis.loomTakeTokens(`${this.opts.prefix}:quota:${key}`, rate, capacity, n), this.timeoutMs, () => new Error(`Redis took over ${this.timeoutMs} ms`));
      const tokens = Number(answer);
      if (!Number.isFinite(tokens)) throw new Error(`Redis answered ${JSON.stringify(answer)} for a quota bucket`);
      return tokens;
    } catch (err) {
      this.opts.onError?.(err);
      return this.local.takeNow(key, rate, capacity, n);
    }
  }

  /** Whether Redis is connected now (takes are answered locally until it is). */
  connected(): boolean {
    return this.redis.status === 'ready';
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
