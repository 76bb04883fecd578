/**
 * Per-tenant ingest quotas through the real receivers: a tenant over its rate of OpenLineage events
 * or spans gets 429 with Retry-After and nothing of the refused request is stored; other tenants go on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { nodeId } from '../ids.js';

let loom: TestLoom;
let noisy: string;
let calm: string;

beforeAll(async () => {
  loom = await startTestLoom();
  for (const t of ['noisy', 'calm']) await loom.services.tenancy.createTenant(t);
  noisy = await loom.services.tenancy.createApiKey('noisy', 'editor');
  calm = await loom.services.tenancy.createApiKey('calm', 'editor');
});
afterAll(async () => { await loom?.close(); });

const event = (job: string) => ({
  eventType: 'COMPLETE', eventTime: new Date().toISOString(), producer: 'https://example.com/quota-test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: randomUUID() }, job: { namespace: 'quota', name: job }, inputs: [], outputs: [],
});
const post = (route: string, body: unknown, key: string) =>
  fetch(`${loom.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

/** An OTLP/JSON export of `n` spans. */
function spans(n: number) {
  const now = BigInt(Date.now()) * 1_000_000n;
  return { resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'quota-test' } }] }, scopeSpans: [{ scope: { name: 't' }, spans: Array.from({ length: n }, (_, i) => ({
    traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().replace(/-/g, '').slice(0, 16), name: `s${i}`, kind: 1,
    startTimeUnixNano: String(now), endTimeUnixNano: String(now + 1_000_000n), status: {},
  })) }] }] };
}

describe('per-tenant ingest quotas', () => {
  it('refuses OpenLineage events beyond the tenant\'s rate with 429 and Retry-After, stores none of them, and lets the other tenant in', async () => {
    // One event a second: the bucket holds two, and refills slowly enough that the refusals below are not
    // undone by a busy test machine's pauses between requests (at 5 a second, 0.2 s was enough: CI caught it).
    expect(await loom.services.ingestLimits.setLimits('noisy', { lineageEvents: 1 })).toMatchObject({ lineageEvents: 1, spans: null });
    // Each tenant reads its own quota.
    const Q = '{ ingestQuota { lineageEventsPerSecond spansPerSecond metricPointsPerSecond } }';
    expect((await loom.gql(Q, {}, noisy)).data.ingestQuota).toEqual({ lineageEventsPerSecond: 1, spansPerSecond: null, metricPointsPerSecond: null });
    expect((await loom.gql(Q, {}, calm)).data.ingestQuota).toEqual({ lineageEventsPerSecond: null, spansPerSecond: null, metricPointsPerSecond: null });
    // A burst of two seconds' worth goes in (and what the rate refills meanwhile); then the bucket is empty.
    for (let i = 0; i < 2; i++) expect((await post('/api/v1/lineage', event(`ok_${i}`), noisy)).status).toBe(201);
    let extra = 0;
    let refused = await post('/api/v1/lineage', event('refused'), noisy);
    while (refused.status === 201 && extra < 3) refused = await post('/api/v1/lineage', event(`extra_${extra++}`), noisy);
    const batch = await post('/api/v1/lineage/batch', [event('refused_b1'), event('refused_b2')], noisy);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^tenant noisy may send 1 OpenLineage events? a second/) });
    expect(batch.status).toBe(429);
    // The other tenant is not held back.
    for (let i = 0; i < 12; i++) expect((await post('/api/v1/lineage', event(`calm_${i}`), calm)).status).toBe(201);
    // Nothing of the refused requests is in the graph; the accepted ones are.
    await loom.gql('{ viewer { tenant } }', {}, noisy); // waits for the answered events
    const last = extra ? `extra_${extra - 1}` : 'refused'; // the request refused
    const ids = [last, 'refused_b1', 'ok_1'].map((n) => nodeId('Job', 'quota', n));
    expect((await loom.services.graph.getNodes('noisy', ids)).map((n) => n?.name ?? null)).toEqual([null, null, 'ok_1']);
    // The rate refills the bucket.
    await new Promise((r) => setTimeout(r, 1_300));
    expect((await post('/api/v1/lineage', event('later'), noisy)).status).toBe(201);
  });

  it('charges an export\'s spans: one export may overdraw, the next waits until the debt is paid', async () => {
    await loom.services.ingestLimits.setLimits('noisy', { spans: 100 });
    expect((await post('/v1/traces', spans(300), noisy)).status).toBe(200); // 200 in the bucket: let in, 100 in debt
    const refused = await post('/v1/traces', spans(1), noisy);
    expect(refused.status).toBe(429);
    expect([1, 2]).toContain(Number(refused.headers.get('retry-after'))); // ~100 spans of debt at 100 a second
    expect((await post('/v1/traces', spans(50), calm)).status).toBe(200);
    const stored = await loom.services.analytics.query<{ n: string }>('noisy', "SELECT count() AS n FROM spans WHERE tenant_id = {tenant:String} AND service_name = 'quota-test'", {});
    expect(Number(stored[0].n)).toBe(300);
    // Back to no limit: let in at once.
    expect(await loom.services.ingestLimits.setLimits('noisy', { spans: -1, lineageEvents: null })).toMatchObject({ spans: null, lineageEvents: null });
    expect((await post('/v1/traces', spans(1), noisy)).status).toBe(200);
  });

  it('lets in no more than the bucket holds when requests come together (each took its event only after its work: all passed)', async () => {
    await loom.services.tenancy.createTenant('eager');
    const eager = await loom.services.tenancy.createApiKey('eager', 'editor');
    await loom.services.ingestLimits.setLimits('eager', { lineageEvents: 1 }); // a bucket of two
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post('/api/v1/lineage', event(`together_${i}`), eager)));
    const accepted = answers.filter((r) => r.status === 201).length;
    expect(accepted).toBeGreaterThanOrEqual(2);
    expect(accepted).toBeLessThanOrEqual(3); // two, and one refilled if the machine paused a second
    expect(answers.filter((r) => r.status === 429)).toHaveLength(20 - accepted);
    // Marquez's write API: the same refusal, with its Retry-After too (the shared error handler dropped it)
    const put = await fetch(`${loom.url}/api/v1/namespaces/q/datasets/d`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${eager}` }, body: JSON.stringify({ type: 'DB_TABLE', physicalName: 'd', sourceName: 'default', fields: [] }) });
    expect([put.status, Number(put.headers.get('retry-after')) >= 1]).toEqual([429, true]);
    // the refused took nothing: the bucket refills at its rate
    await new Promise((r) => setTimeout(r, 1_300));
    expect((await post('/api/v1/lineage', event('after'), eager)).status).toBe(201);
  });

  it('refuses rates that are not whole positive numbers, naming the kind', async () => {
    await expect(loom.services.ingestLimits.setLimits('noisy', { spans: 0 })).rejects.toThrow(/^spans: must be a whole number of spans a second/);
    await expect(loom.services.ingestLimits.setLimits('nobody', { spans: 10 })).rejects.toThrow(/tenant nobody not found/);
  });
});
