/**
 * OTLP/HTTP under slow and stalled clients: exports beyond LOOM_OTLP_MAX_CONCURRENT in flight get 429 with
 * Retry-After, a tenant's own stalled clients hold at most half the slots, and a request that does not
 * arrive whole within LOOM_REQUEST_TIMEOUT_SECONDS is answered 408, freeing its slot.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../server/src/testing/harness.js';
import { otlpTenants, postRaw, readStatus } from './otlp.testkit.js';

const protoHeaders = (key: string) => ({ 'content-type': 'application/x-protobuf', authorization: `Bearer ${key}` });

describe('OTLP/HTTP exports in flight', () => {
  let loom: TestLoom;
  let otherKey: string;
  beforeAll(async () => {
    loom = await startTestLoom({ LOOM_OTLP_MAX_CONCURRENT: '4', LOOM_REQUEST_TIMEOUT_SECONDS: '2', LOOM_SEED_DEMO: 'false' });
    ({ otherKey } = await otlpTenants(loom));
  });
  afterAll(() => loom?.close());

  it('answers 429 with Retry-After beyond the concurrent export limit, a tenant\'s stalled clients holding only its half, and recovers', async () => {
    // Exports stuck mid-body (LOOM_OTLP_MAX_CONCURRENT=4: a tenant holds at most 2 of the 4 slots).
    const { port } = new URL(loom.url);
    const stall = (key: string) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/traces', headers: { ...protoHeaders(key), 'content-length': '1000' } });
      req.on('error', () => undefined);
      req.write(Buffer.alloc(10));
      return req;
    };
    const send = (key: string) => postRaw(`${loom.url}/v1/traces`, new Uint8Array(0), protoHeaders(key));
    const stuck = [stall(loom.key), stall(loom.key)];
    await new Promise((r) => setTimeout(r, 200));
    const refused = await send(loom.key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(readStatus(refused.body)).toMatchObject({ code: 8, message: '2 exports of this tenant in progress; retry shortly' });
    // the other tenant's exporters go on (one tenant's stalled clients held every slot)
    expect((await send(otherKey)).status).toBe(200);
    // both tenants' halves taken: every slot is
    stuck.push(stall(otherKey), stall(otherKey));
    await new Promise((r) => setTimeout(r, 200));
    expect(readStatus((await send(otherKey)).body).message).toBe('2 exports of this tenant in progress; retry shortly');
    for (const req of stuck) req.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect((await send(loom.key)).status).toBe(200);
    expect((await send(otherKey)).status).toBe(200);
    // A client that never sends the rest is answered 408 (LOOM_REQUEST_TIMEOUT_SECONDS=2, checked every 2 s), freeing its slot.
    const timedOut = await Promise.all([stall(loom.key), stall(loom.key)].map((req) => new Promise<number>((resolve) => {
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('close', () => resolve(0));
    })));
    expect(timedOut).toEqual([408, 408]);
    expect((await send(loom.key)).status).toBe(200);
  });

});
