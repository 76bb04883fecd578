/** Token buckets in this process's memory: the embedded default (one process receives everything). */
import type { RateBuckets } from '../domain/ports/RateBuckets.js';

const MAX_BUCKETS = 30_000;

export class MemoryRateBuckets implements RateBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Synchronous (the Redis adapter falls back to it on the same turn); `take` wraps it. */
  takeNow(key: string, rate: number, capacity: number, n: number): number {
    const now = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
      this.buckets.set(key, (b = { tokens: capacity, at: now }));
    }
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * rate);
    b.at = now;
    const before = b.tokens;
    b.tokens -= n;
    return before;
  }

  async take(key: string, rate: number, capacity: number, n: number): Promise<number> {
    return this.takeNow(key, rate, capacity, n);
  }

  async close(): Promise<void> {}
}
