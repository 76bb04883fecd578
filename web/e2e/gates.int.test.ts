/**
 * End to end: editing a model's promotion gates on its page, in Chromium on a real Loom started with the
 * change-approval example plugin (LOOM_PLUGINS), so the editor offers its PLUGIN gate. An admin adds a
 * metric threshold and a plugin gate, saves (the list says them in words, the history has the change),
 * removes one, and sees what is refused: by the server (the row its error names is marked) and by the
 * browser (params that are not JSON). Viewers and editors get no Edit button. Screenshots: gates-*.png.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useE2E } from './testkit.js';

const CHANGE_APPROVAL = fileURLToPath(new URL('../../server/plugins/examples/change-approval.mjs', import.meta.url));
const e2e = useE2E({ LOOM_PLUGINS: CHANGE_APPROVAL });
const MODEL = 'gated-in-the-browser';
const PARAMS = '{"url": "http://127.0.0.1:9/approval"}';

async function seed() {
  for (const version of [1, 2]) {
    await e2e.gql('mutation ($n: String!, $u: String!) { registerModelVersion(input: {name: $n, modelUri: $u}) { version } }', { n: MODEL, u: `s3://models/gated/${version}` });
  }
}

const row = (page: Page, n: number) => page.getByTestId('gate-row').nth(n);
const listed = (page: Page) => page.getByTestId('gate-config').locator('li').allTextContents();
const gateChanges = (page: Page) => page.getByTestId('history-row').filter({ hasText: 'Promotion gates changed' });

describe('promotion gate editor', () => {
  beforeAll(seed, 30_000);

  it('lets an admin add gates of each kind, remove one, and see refusals next to the gate they name', async () => {
    const page = await e2e.page(`/models/${MODEL}`);
    await page.getByTestId('versions-table').waitFor();
    expect(await page.getByTestId('gates-card').textContent()).toContain('No gates');
    await page.getByTestId('gates-edit').click();
    await page.getByTestId('gates-none').waitFor();
    expect(await page.getByTestId('gates-no-plugins').count()).toBe(0);

    await page.getByTestId('gate-add').click();
    await row(page, 0).getByTestId('gate-metric').fill('auc');
    await row(page, 0).getByTestId('gate-source').selectOption('RUN');
    await row(page, 0).getByTestId('gate-op').selectOption('GTE');
    await row(page, 0).getByTestId('gate-threshold').fill('0.9');
    expect(await row(page, 0).getByTestId('gate-stage-Production').isChecked()).toBe(true);
    await page.getByTestId('gate-add').click();
    await row(page, 1).getByTestId('gate-kind').selectOption('PLUGIN');
    expect(await row(page, 1).getByTestId('gate-plugin').inputValue()).toBe('change-approval');
    expect(await row(page, 1).getByTestId('gate-plugin-description').textContent()).toMatch(/^Asks a change management service/);
    await row(page, 1).getByTestId('gate-params').fill(PARAMS);
    await page.getByTestId('gates-reason').fill('auc and a change ticket before prod');
    await e2e.screenshot(page, 'gates-1-editor');
    await page.getByTestId('gates-save').click();

    await page.getByTestId('gates-saved').waitFor();
    await expect.poll(() => listed(page)).toEqual([
      'Gate 0: Metric auc ≥ 0.9 (source run) — for Production',
      'Gate 1: Plugin gate change-approval with params {"url":"http://127.0.0.1:9/approval"} — for Production',
    ]);
    await expect.poll(() => gateChanges(page).count()).toBe(1);
    expect(await gateChanges(page).textContent()).toContain('auc and a change ticket before prod');
    await page.getByTestId('model-name').scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'gates-2-saved');

    // The editor opens on the saved gates; removing the first and saving leaves the plugin gate.
    await page.getByTestId('gates-edit').click();
    expect(await page.getByTestId('gate-row').count()).toBe(2);
    expect(await row(page, 0).getByTestId('gate-metric').inputValue()).toBe('auc');
    expect(JSON.parse(await row(page, 1).getByTestId('gate-params').inputValue())).toEqual(JSON.parse(PARAMS));
    await row(page, 0).getByTestId('gate-remove').click();
    await page.getByTestId('gates-save').click();
    await page.getByTestId('gates-saved').waitFor();
    await expect.poll(() => listed(page)).toEqual(['Gate 0: Plugin gate change-approval with params {"url":"http://127.0.0.1:9/approval"} — for Production']);
    await expect.poll(() => gateChanges(page).count()).toBe(2);

    // A metric threshold without a metric: the server refuses it and names the row.
    await page.getByTestId('gates-edit').click();
    await page.getByTestId('gate-add').click();
    await row(page, 1).getByTestId('gate-threshold').fill('0.5');
    await page.getByTestId('gates-save').click();
    const refused = page.getByTestId('gates-error');
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(await refused.textContent()).toContain('input.gates[1].metric: required for METRIC_THRESHOLD');
    expect(await row(page, 1).getAttribute('data-invalid')).toBe('true');
    expect(await row(page, 0).getAttribute('data-invalid')).toBeNull();
    await e2e.screenshot(page, 'gates-3-server-refused');

    // Params that are not JSON are caught before anything is sent.
    await row(page, 1).getByTestId('gate-remove').click();
    await row(page, 0).getByTestId('gate-params').fill('{"url": ');
    await page.getByTestId('gates-save').click();
    await page.getByTestId('gates-fix').waitFor();
    expect(await row(page, 0).getByTestId('gate-field-error').textContent()).toMatch(/^Not valid JSON/);
    expect(await row(page, 0).getAttribute('data-invalid')).toBe('true');
    expect(await page.getByTestId('gates-error').count()).toBe(0);
    await e2e.screenshot(page, 'gates-4-bad-json');

    // Cancel leaves the gates as saved; nothing more was recorded.
    await page.getByTestId('gates-cancel').click();
    expect(await listed(page)).toHaveLength(1);
    expect(await gateChanges(page).count()).toBe(2);

    await page.getByTestId('lang-select').selectOption('zh');
    await page.getByTestId('gates-edit').filter({ hasText: '编辑门禁' }).click();
    await row(page, 0).getByTestId('gate-kind').filter({ hasText: '插件门禁' }).waitFor();
    await e2e.screenshot(page, 'gates-5-zh');
    await page.getByTestId('lang-select').selectOption('en');
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('shows viewers and editors the gates without an Edit button', async () => {
    for (const role of ['viewer', 'editor'] as const) {
      const key = await e2e.loom.services.tenancy.createApiKey('demo', role);
      const page = await e2e.page(`/models/${MODEL}`, key);
      await page.getByTestId('versions-table').waitFor(); // the key's role is known before the page opens (e2e.page waits for it)
      expect(await page.getByTestId('gates-card').isVisible()).toBe(true);
      expect(await page.getByTestId('gates-edit').count()).toBe(0);
      if (role === 'viewer') await e2e.screenshot(page, 'gates-6-viewer');
      expect(e2e.pageErrors(page)).toEqual([]);
      await page.close();
    }
  });
});
