/**
 * End to end: the API keys page in Chromium on a real Loom. An admin creates a key (shown once),
 * the key works on the API, the admin revokes it and the API refuses it; an editor key limited to a
 * namespace writes OpenLineage events there only; a viewer's browser has no Keys page in its
 * navigation; the Plugins page of a Loom without plugins. Screenshots land in test-results/e2e/keys-*.png.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_KEY, useE2E } from './testkit.js';

const e2e = useE2E();

/** The status of a GraphQL read sent with `key`. */
async function status(key: string): Promise<number> {
  const res = await fetch(`${e2e.loom.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query: '{ viewer { role } }' }) });
  await res.arrayBuffer();
  return res.status;
}

/** An OpenLineage run event of a job in `namespace`, as key-scopes.int.test.ts builds them. */
const event = (namespace: string) => ({
  eventType: 'COMPLETE', eventTime: new Date().toISOString(), producer: 'https://example.com/e2e-keys', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: crypto.randomUUID() }, job: { namespace, name: 'load' }, inputs: [], outputs: [{ namespace, name: 'orders' }],
});

/** POST /api/v1/lineage with `key`: the status and the JSON answer. */
async function sendEvent(key: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${e2e.loom.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json().catch(() => null) };
}

describe('API keys page', () => {
  it('an admin creates a key shown once, and revokes it: the API then refuses it', async () => {
    const page = await e2e.page('/keys');
    await page.getByTestId('nav-keys').waitFor();
    const rows = page.getByTestId('key-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1); // the demo admin key, marked as this browser's
    await expect.poll(() => rows.first().textContent()).toContain('this browser');

    await page.getByTestId('key-name').fill('airflow-prod');
    await page.getByTestId('key-role').selectOption('editor');
    await page.getByTestId('key-expiry').selectOption('90');
    await page.getByTestId('key-create').click();
    const secret = await page.getByTestId('key-secret').inputValue();
    expect(secret).toMatch(/^loom_/);
    expect(await status(secret)).toBe(200);
    await expect.poll(() => rows.count()).toBe(2);
    const row = page.locator(`[data-testid="key-row"][data-key-id]`).filter({ hasText: 'airflow-prod' });
    expect(await row.textContent()).toContain(secret.slice(0, 9));
    expect(await row.textContent()).not.toContain(secret);
    expect(await row.textContent()).toMatch(/Active\s*until /); // expires in 90 days
    await e2e.screenshot(page, 'keys-1-created');
    await page.getByTestId('key-done').click();
    expect(await page.getByTestId('key-created').count()).toBe(0); // gone once dismissed: never shown again

    page.once('dialog', (d) => void d.accept());
    await row.getByTestId('key-revoke').click();
    await expect.poll(() => rows.count()).toBe(1); // revoked keys are hidden unless asked for
    expect(await status(secret)).toBe(401);
    await page.getByTestId('keys-show-revoked').check();
    await expect.poll(() => page.locator('[data-testid="key-row"][data-revoked="true"]').count()).toBe(1);
    expect(await page.locator('[data-testid="key-row"][data-revoked="true"]').textContent()).toMatch(/Revoked\S* .* by key [0-9a-f]{12}/);
    await e2e.screenshot(page, 'keys-2-revoked');

    // The demo key is the tenant's last admin key: the server keeps it, and the page says why.
    page.once('dialog', (d) => void d.accept());
    await page.locator('[data-testid="key-row"][data-revoked="false"]').getByTestId('key-revoke').click();
    await expect.poll(() => page.getByTestId('keys-error').textContent()).toContain('last admin key');
    expect(await status(DEMO_KEY)).toBe(200);
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('an admin creates an editor key limited to a namespace: it writes events there only', async () => {
    const page = await e2e.page('/keys');
    await page.getByTestId('key-create-form').waitFor();
    const field = page.getByTestId('key-namespaces');
    expect(await field.count()).toBe(0); // a viewer key (the default) cannot be limited
    await page.getByTestId('key-role').selectOption('editor');
    await field.waitFor();
    expect(await page.locator('#key-namespaces-hint').textContent()).toContain('Leave empty for the whole tenant.');
    await expect.poll(() => page.locator('#key-namespaces-known option[value="ml-platform"]').count()).toBe(1); // the demo's namespaces, suggested

    // The server's refusal is shown, and the field marked.
    await field.fill(Array.from({ length: 51 }, (_, i) => `ns-${i}`).join(', '));
    await page.getByTestId('key-create').click();
    await expect.poll(() => page.getByTestId('key-create-error').textContent()).toContain('name 1 to 50 namespaces');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await e2e.screenshot(page, 'keys-3-refused');

    await page.getByTestId('key-name').fill('team-a-loader');
    await field.fill(' team-a, team-a ,');
    await page.getByTestId('key-create').click();
    const secret = await page.getByTestId('key-secret').inputValue();
    expect(secret).toMatch(/^loom_/);
    expect(await field.inputValue()).toBe('');
    const row = page.getByTestId('key-row').filter({ hasText: 'team-a-loader' });
    await expect.poll(() => row.getByTestId('key-namespaces-cell').textContent()).toBe('team-a');
    expect(await page.getByTestId('key-row').filter({ hasText: 'this browser' }).getByTestId('key-namespaces-cell').textContent()).toBe('all');
    await e2e.screenshot(page, 'keys-4-limited');

    expect((await sendEvent(secret, event('team-a'))).status).toBe(201);
    const refused = await sendEvent(secret, event('team-b'));
    expect([refused.status, refused.json?.code, refused.json?.field]).toEqual([403, 'FORBIDDEN', 'job.namespace']);

    await page.getByTestId('key-role').selectOption('admin');
    expect(await field.count()).toBe(0);
    expect(await page.locator('#key-namespaces-hint').count()).toBe(0);
    await e2e.screenshot(page, 'keys-5-admin-unlimited');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("a viewer's browser shows no Keys page in its navigation, and the page tells it why", async () => {
    const viewer = await e2e.loom.services.tenancy.createApiKey('demo', 'viewer');
    const page = await e2e.page('/keys', viewer);
    await page.getByTestId('keys-admins-only').waitFor();
    expect(await page.getByTestId('nav-keys').count()).toBe(0);
    expect(await page.getByTestId('nav-runs').count()).toBe(1);
    await page.close();
  });
});

// This Loom loads no plugins (web/e2e/plugins.int.test.ts starts one that does).
describe('plugins page without plugins', () => {
  it('says how to load one', async () => {
    const page = await e2e.page('/plugins');
    const empty = page.getByTestId('plugins-empty');
    await empty.waitFor();
    expect(await empty.locator('h3').textContent()).toBe('No plugin is loaded.');
    expect(await empty.textContent()).toContain('Start Loom with LOOM_PLUGINS=server/plugins/examples/engine-tags.mjs (comma-separated paths or package names).');
    expect(await page.getByTestId('plugin').count()).toBe(0);
    await e2e.screenshot(page, 'plugins-none');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });
});
