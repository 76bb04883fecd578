import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY, startTestLoom, type TestLoom } from '../../testing/harness.js';
import { apiKeyId } from '../../domain/tenancy/tenancy.service.js';
import { fails, ok } from './registry.testkit.js';
import { until } from '../../queue/jobqueue.contract.js';

const LIST = '{ apiKeys { id prefix role name createdAt createdBy runId revokedAt revokedBy lastUsedAt current } }';
const CREATE = 'mutation ($role: String!, $name: String) { createApiKey(role: $role, name: $name) { key apiKey { id prefix role name createdBy current revokedAt } } }';
const REVOKE = 'mutation ($id: ID!) { revokeApiKey(id: $id) { id prefix role revokedAt revokedBy current } }';

describe('API keys managed by tenant admins over GraphQL', () => {
  let loom: TestLoom;
  let rivalKey: string;

  /** Status of the same request sent with `key` over each API: GraphQL, the Marquez REST reads, OpenLineage ingest and OTLP. */
  const statuses = async (key: string) => {
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const gql = await fetch(`${loom.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: '{ viewer { tenant } }' }) });
    const rest = await fetch(`${loom.url}/api/v1/namespaces`, { headers });
    const ingest = await fetch(`${loom.url}/api/v1/lineage`, {
      method: 'POST', headers,
      body: JSON.stringify({ eventType: 'COMPLETE', eventTime: new Date().toISOString(), run: { runId: '01932b5e-0000-7000-8000-000000000001' }, job: { namespace: 'keys', name: 'job' }, producer: 'test' }),
    });
    const otlp = await fetch(`${loom.url}/v1/traces`, { method: 'POST', headers, body: '{"resourceSpans":[]}' });
    return [gql.status, rest.status, ingest.status, otlp.status];
  };

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
  });
  afterAll(() => loom?.close());

  it('creates a key shown once, lists it without the key, and marks the key the request came with', async () => {
    const { createApiKey } = await ok(loom, CREATE, { role: 'viewer', name: 'grafana dashboards' });
    expect(createApiKey.key).toMatch(/^loom_[A-Za-z0-9_-]{32}$/);
    expect(createApiKey.apiKey).toMatchObject({
      id: apiKeyId(createApiKey.key), prefix: `${createApiKey.key.slice(0, 9)}…`, role: 'viewer', name: 'grafana dashboards',
      createdBy: `key ${apiKeyId(DEMO_KEY).slice(0, 12)}`, current: false, revokedAt: null,
    });
    expect(await statuses(createApiKey.key)).toEqual([200, 200, 403, 403]); // a viewer reads, and may not write

    const { apiKeys } = await ok(loom, LIST);
    expect(apiKeys[0]).toMatchObject({ id: createApiKey.apiKey.id, role: 'viewer' }); // newest first
    // Its use is recorded in the background (at most hourly).
    await until(async () => (await ok(loom, LIST)).apiKeys[0].lastUsedAt !== null, 5_000, 'the key\'s use recorded');
    expect(Date.now() - Date.parse((await ok(loom, LIST)).apiKeys[0].lastUsedAt)).toBeLessThan(60_000);
    expect(apiKeys.find((k: { id: string }) => k.id === apiKeyId(DEMO_KEY))).toMatchObject({ role: 'admin', current: true, revokedAt: null });
    expect(JSON.stringify(apiKeys)).not.toContain(createApiKey.key);
    expect((await ok(loom, '{ apiKeys(first: 1) { id } }')).apiKeys).toEqual([{ id: createApiKey.apiKey.id }]);
    expect((await fails(loom, '{ apiKeys(first: 0) { id } }')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('revokes a key: refused at once on every API, kept in the list with when and by whom', async () => {
    const { createApiKey: { key, apiKey } } = await ok(loom, CREATE, { role: 'editor', name: 'airflow' });
    expect(await statuses(key)).toEqual([200, 200, 201, 200]);
    const { revokeApiKey } = await ok(loom, REVOKE, { id: apiKey.id });
    expect(revokeApiKey).toMatchObject({ id: apiKey.id, role: 'editor', revokedBy: `key ${apiKeyId(DEMO_KEY).slice(0, 12)}` });
    expect(Date.parse(revokeApiKey.revokedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await statuses(key)).toEqual([401, 401, 401, 401]);
    // Again: nothing changes.
    expect((await ok(loom, REVOKE, { id: apiKey.id })).revokeApiKey.revokedAt).toBe(revokeApiKey.revokedAt);
    const listed = (await ok(loom, LIST)).apiKeys.find((k: { id: string }) => k.id === apiKey.id);
    expect(listed).toMatchObject({ name: 'airflow', revokedAt: revokeApiKey.revokedAt, revokedBy: revokeApiKey.revokedBy });
  });

  it('revokes by the first characters of the id, when they name one key', async () => {
    const { createApiKey: { key, apiKey } } = await ok(loom, CREATE, { role: 'viewer' });
    expect(((await ok(loom, LIST)).apiKeys as { id: string; lastUsedAt: string | null }[]).find((k) => k.id === apiKey.id)?.lastUsedAt).toBeNull(); // never sent
    expect((await fails(loom, REVOKE, { id: apiKey.id.slice(0, 7) })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await fails(loom, REVOKE, { id: 'not-a-key-id' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await ok(loom, REVOKE, { id: apiKey.id.slice(0, 10).toUpperCase() })).revokeApiKey.id).toBe(apiKey.id);
    expect((await statuses(key))[0]).toBe(401);
  });

  it('keeps the last admin key of a tenant', async () => {
    // rival has one admin key: it cannot revoke itself, nor be revoked by a key of its own tenant.
    const err = await fails(loom, REVOKE, { id: apiKeyId(rivalKey) }, rivalKey);
    expect(err.extensions?.code).toBe('CONFLICT');
    expect(err.message).toContain('last admin key');
    // With a second admin key, the first may go; the second then stays.
    const { createApiKey: second } = await ok(loom, CREATE, { role: 'admin', name: 'second admin' }, rivalKey);
    expect((await ok(loom, REVOKE, { id: apiKeyId(rivalKey) }, second.key)).revokeApiKey.revokedAt).not.toBeNull();
    expect((await statuses(rivalKey))[0]).toBe(401);
    expect((await fails(loom, REVOKE, { id: second.apiKey.id }, second.key)).extensions?.code).toBe('CONFLICT');
    rivalKey = second.key;
  });

  it("lets no tenant see or revoke another's keys", async () => {
    const rivals = (await ok(loom, LIST, {}, rivalKey)).apiKeys as { id: string; prefix: string }[];
    expect(rivals.map((k) => k.id)).not.toContain(apiKeyId(DEMO_KEY));
    const demoIds = ((await ok(loom, LIST)).apiKeys as { id: string }[]).map((k) => k.id);
    expect(demoIds.some((id) => rivals.some((r) => r.id === id))).toBe(false);
    // A demo key's id, full or as a prefix, is unknown to rival: NOT_FOUND, and the key keeps working.
    const { createApiKey: victim } = await ok(loom, CREATE, { role: 'editor' });
    expect((await fails(loom, REVOKE, { id: victim.apiKey.id }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, REVOKE, { id: victim.apiKey.id.slice(0, 12) }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect(await statuses(victim.key)).toEqual([200, 200, 201, 200]);
    // A key rival creates belongs to rival.
    const { createApiKey: own } = await ok(loom, CREATE, { role: 'viewer' }, rivalKey);
    expect((await ok(loom, '{ viewer { tenant role } }', {}, own.key)).viewer).toEqual({ tenant: 'rival', role: 'viewer' });
  });

  it('leaves key management to admins, and names the bad argument', async () => {
    const { createApiKey: { key: editor } } = await ok(loom, CREATE, { role: 'editor' });
    const { createApiKey: { key: viewer } } = await ok(loom, CREATE, { role: 'viewer' });
    for (const key of [editor, viewer]) {
      expect((await fails(loom, LIST, {}, key)).extensions?.code).toBe('FORBIDDEN');
      expect((await fails(loom, CREATE, { role: 'admin' }, key)).extensions?.code).toBe('FORBIDDEN');
      expect((await fails(loom, REVOKE, { id: apiKeyId(DEMO_KEY) }, key)).extensions?.code).toBe('FORBIDDEN');
    }
    expect((await statuses(DEMO_KEY))[0]).toBe(200);
    expect((await fails(loom, CREATE, { role: 'owner' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    expect((await fails(loom, CREATE, { role: 'viewer', name: 'x'.repeat(201) })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const EXPIRING = 'mutation ($d: Int) { createApiKey(role: "viewer", expiresInDays: $d) { apiKey { expiresAt } } }';
    expect((await fails(loom, EXPIRING, { d: 0 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInDays' });
    const { createApiKey: { apiKey: { expiresAt } } } = await ok(loom, EXPIRING, { d: 90 });
    expect(Math.abs(Date.parse(expiresAt) - (Date.now() + 90 * 86_400_000))).toBeLessThan(60_000);
  });
});
