/**
 * Token buckets for rate limits (the per-tenant ingest quotas: domain/tenancy/ingest-limits.ts). Two
 * adapters: in this process (the embedded default, where one process receives everything) and in Redis
 * (`LOOM_REDIS_URL`: every ingest process of a deployment draws from the same bucket, so a tenant's
 * quota holds whatever the number of ingest replicas). server/src/quotas/rate-buckets.contract.ts runs
 * against each.
 */
export interface RateBuckets {
  /**
   * Refill bucket `key` (`rate` tokens a second, holding at most `capacity`; a bucket not seen before
   * is full), then take `n` from it (0: only look; it may go below 0, into debt). Answers the tokens
   * it held before taking.
   */
  take(key: string, rate: number, capacity: number, n: number): Promise<number>;
  close(): Promise<void>;
}
