import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { apiKeyId, TenancyService } from './tenancy.service.js';

describe('API key authentication cache', () => {
  let loom: TestLoom;
  beforeAll(async () => { loom = await startTestLoom({ LOOM_SEED_DEMO: 'false' }); });
  afterAll(() => loom?.close());

  it('remembers an unknown key only briefly, and forgets it at once when this process creates the key', async () => {
    let now = 1_000_000;
    const tenancy = new TenancyService(loom.services.graph, () => now);
    await tenancy.createTenant('cachetest');
    const key = 'loom_cache_test_key_0000000001';
    expect(await tenancy.authenticate(key)).toBeNull();
    await tenancy.createApiKey('cachetest', 'editor', key); // created by this process: the unknown answer is dropped at once
    expect(await tenancy.authenticate(key)).toMatchObject({ tenant: 'cachetest', role: 'editor' });

    // Created by another process (another service instance over the same graph): this one learns of it within 2 s.
    const other = 'loom_cache_test_key_0000000002';
    expect(await tenancy.authenticate(other)).toBeNull();
    await new TenancyService(loom.services.graph).createApiKey('cachetest', 'viewer', other);
    now += 1_000;
    expect(await tenancy.authenticate(other)).toBeNull();
    now += 1_500;
    expect(await tenancy.authenticate(other)).toMatchObject({ tenant: 'cachetest', role: 'viewer' });
  });

  it('refuses a key from its expiry on, and does not count an expired admin key as one that is left', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const tenancy = new TenancyService(loom.services.graph, () => now);
    await tenancy.createTenant('expirytest');
    const lasting = await tenancy.createApiKey('expirytest', 'admin');
    const brief = await tenancy.createApiKey('expirytest', 'admin', undefined, { expiresInDays: 2 });
    expect((await tenancy.apiKey('expirytest', apiKeyId(brief)))?.expiresAt).toBe('2026-01-03T00:00:00.000Z');
    expect(await tenancy.authenticate(brief)).toMatchObject({ tenant: 'expirytest', role: 'admin' });
    now += 2 * 86_400_000 - 1;
    expect(await tenancy.authenticate(brief)).not.toBeNull(); // remembered, but not past its end
    now += 1;
    expect(await tenancy.authenticate(brief)).toBeNull();
    await expect(tenancy.revokeApiKey('expirytest', apiKeyId(lasting), { by: 'test' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(tenancy.createApiKey('expirytest', 'viewer', undefined, { expiresInDays: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInDays' });
    await expect(tenancy.createApiKey('expirytest', 'viewer', undefined, { expiresInDays: 3651 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInDays' });
  });
});
