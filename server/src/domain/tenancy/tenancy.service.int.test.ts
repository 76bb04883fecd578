import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { TenancyService } from './tenancy.service.js';

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
});
