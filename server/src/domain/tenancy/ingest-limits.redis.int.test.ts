/**
 * With Redis (LOOM_REDIS_URL), a tenant's ingest quota holds across Loom processes: every ingest
 * process draws from one bucket in Redis. The other process here is IngestLimits as each process runs
 * it, on its own connection to the same Redis; what it took, this Loom's receivers no longer grant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { startRedis, type TestRedis } from '../../queue/redis.testkit.js';
import { RedisRateBuckets } from '../../quotas/RedisRateBuckets.js';
import { IngestLimits } from './ingest-limits.js';

let redis: TestRedis;
let loom: TestLoom;
let key: string;
let otherProcess: RedisRateBuckets;

beforeAll(async () => {
  redis = await startRedis();
  loom = await startTestLoom({ LOOM_REDIS_URL: redis.url, LOOM_QUEUE_PREFIX: 'quotas' });
  await loom.services.tenancy.createTenant('acme');
  key = await loom.services.tenancy.createApiKey('acme', 'editor');
  otherProcess = new RedisRateBuckets({ url: redis.url, prefix: 'quotas', onError: (e) => { throw e; } });
  for (let i = 0; i < 100 && !otherProcess.connected(); i++) await new Promise((r) => setTimeout(r, 20));
});
afterAll(async () => {
  await otherProcess?.close();
  await loom?.close();
  await redis?.stop();
});

const event = (job: string) => ({
  eventType: 'COMPLETE', eventTime: new Date().toISOString(), producer: 'https://example.com/quota-test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: randomUUID() }, job: { namespace: 'quota', name: job }, inputs: [], outputs: [],
});
const post = (body: unknown) =>
  fetch(`${loom.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

describe('ingest quotas across processes (Redis)', () => {
  it('refuses a tenant what another process already granted it', async () => {
    // One event a second, a bucket of two; rates are read from the graph both processes share.
    await loom.services.ingestLimits.setLimits('acme', { lineageEvents: 1 });
    const other = new IngestLimits(loom.services.graph, otherProcess);
    // The other process receives a batch of three of acme's events: the shared bucket is one event in debt.
    await other.within('acme', 'lineageEvents', async () => null, () => 3);
    // Its next request is refused there (asked on the connection its charges went on, so after them)...
    await expect(other.admit('acme', 'lineageEvents')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // ...and here: per process, this Loom would still grant two.
    const refused = await post(event('here'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // ...and what this Loom lets in, the other process no longer grants.
    await new Promise((r) => setTimeout(r, 1_300));
    expect((await post(event('later'))).status).toBe(201);
    await expect(other.admit('acme', 'lineageEvents')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
