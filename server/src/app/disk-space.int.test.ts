/**
 * A nearly full disk: Loom still starts and serves reads, and refuses every write with 503 and
 * Retry-After (GraphQL: UNAVAILABLE) naming LOOM_MIN_FREE_DISK_MB, writing nothing. The store is made
 * by one Loom (a child process, which seeds the demo), then opened by another whose minimum free space
 * is above what the disk has.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { startLoom, type RunningLoom } from './main.js';
import { availableBytes } from './disk-space.js';
import { DEMO_KEY, spawnLoom, suiteTempDir } from '../testing/harness.js';

const tempDir = suiteTempDir('loom-disk-');

describe('writes while the disk is nearly full', () => {
  it('serves reads and refuses writes with 503 and Retry-After on every API, writing nothing', async () => {
    const env = { LOOM_DATA_DIR: path.join(tempDir(), 'data'), LOOM_LOG_LEVEL: 'silent', LOOM_DEMO_KEY: DEMO_KEY };
    const seeded = await spawnLoom(env);
    await seeded.kill();

    const beyond = String(Math.ceil(availableBytes(tempDir()) / 1024 / 1024) + 1_000_000);
    let loom: RunningLoom | undefined;
    try {
      loom = await startLoom({ ...env, LOOM_PORT: '0', LOOM_MIN_FREE_DISK_MB: beyond });
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` };
      const post = (route: string, body: unknown) => fetch(`${loom!.url}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const refused = async (res: Response) => {
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('30');
        expect(JSON.stringify(await res.json())).toMatch(/has \d+ MB free, under LOOM_MIN_FREE_DISK_MB \(\d+\): writes are refused until space is freed/);
      };

      const namespaces = await fetch(`${loom.url}/api/v1/namespaces`, { headers });
      expect(namespaces.status).toBe(200);
      const before = await namespaces.json();

      await refused(await post('/api/v1/lineage', {
        eventType: 'COMPLETE', eventTime: new Date().toISOString(), producer: 'https://example.com/disk-test',
        run: { runId: '00000000-0000-4000-8000-000000000001' }, job: { namespace: 'disk', name: 'job' },
      }));
      const ns = String(BigInt(Date.now()) * 1_000_000n);
      await refused(await post('/v1/traces', { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '1'.repeat(32), spanId: '2'.repeat(16), name: 's', startTimeUnixNano: ns, endTimeUnixNano: ns }] }] }] }));
      await refused(await post('/v1/metrics', { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 'm', gauge: { dataPoints: [{ timeUnixNano: ns, asDouble: 1 }] } }] }] }] }));

      // GraphQL too: 503 with Retry-After when nothing was answered (it said 200), and when to retry in the error
      const gql = await post('/graphql', { query: 'mutation { createExperiment(input: {name: "while-full"}) { id } }' });
      expect([gql.status, gql.headers.get('retry-after')]).toEqual([503, '30']);
      const mutation = await gql.json();
      expect(mutation.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 30 });
      expect(mutation.errors[0].message).toMatch(/LOOM_MIN_FREE_DISK_MB/);
      const query = await (await post('/graphql', { query: '{ search(text: "disk", first: 5) { id } }' })).json();
      expect(query).toEqual({ data: { search: [] } });

      expect(await (await fetch(`${loom.url}/api/v1/namespaces`, { headers })).json()).toEqual(before);
      expect(await loom.services.graph.getNodes('demo', ['job:disk:job', 'experiment:registry:while-full'])).toEqual([null, null]);
      const metrics = await (await fetch(`${loom.url}/metrics`)).text();
      expect(metrics).toMatch(new RegExp(`^loom_data_disk_min_free_bytes ${Number(beyond) * 1024 * 1024}$`, 'm'));
      expect(Number(/^loom_data_disk_free_bytes (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0);
      expect(await loom.services.analytics.query('demo', "SELECT count() AS n FROM spans WHERE tenant_id = {tenant:String} AND trace_id = '11111111111111111111111111111111'")).toEqual([{ n: '0' }]);
    } finally {
      await loom?.close();
    }
  }, 180_000);
});
