/**
 * End to end: plugins in Chromium on a real Loom started with the four example plugins (LOOM_PLUGINS).
 * The plugins page lists what each adds and that none failed; the webhook form offers the TEAMS format;
 * a model's PLUGIN gate reads in words on its page; a run and a dataset ingested with the facets the
 * plugins read show their props under "From plugins" in the details panel; a plugin's failure on the
 * tenant's data turns its card into a warning. Without plugins, the page says how to load one.
 * Screenshots: test-results/e2e/plugins-*.png.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY, useE2E } from './testkit.js';

const EXAMPLES = fileURLToPath(new URL('../../server/plugins/examples/', import.meta.url));
const PLUGINS = ['engine-tags', 'data-classification', 'change-approval', 'teams'];
const e2e = useE2E({ LOOM_PLUGINS: PLUGINS.map((p) => path.join(EXAMPLES, `${p}.mjs`)).join(',') });
const NS = 'e2e-plugins';
const MODEL = 'plugin-gated';
const RUN_ID = '0190a1b2-0000-7000-8000-00000000e2f1';

const postEvent = (event: object) => fetch(`${e2e.loom.url}/api/v1/lineage`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify(event),
});
const event = (over: Record<string, unknown>) => ({
  eventType: 'COMPLETE', eventTime: new Date().toISOString(), producer: 'https://example.com/e2e', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: crypto.randomUUID() }, job: { namespace: NS, name: 'export_customers' }, inputs: [], outputs: [], ...over,
});
const classified = (name: string, facet: object) => ({
  namespace: NS, name, facets: { acme_classification: { _producer: 'https://example.com/e2e', _schemaURL: 'https://example.com/acme', ...facet } },
});

describe('plugins', () => {
  it('lists the loaded plugins with the facets they read, the gates and formats they offer, and no failures', async () => {
    const page = await e2e.page('/plugins');
    const cards = page.getByTestId('plugin');
    await cards.first().waitFor();
    expect(await page.getByTestId('nav-plugins').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('plugin-name').allTextContents()).toEqual(PLUGINS);
    const card = (name: string) => page.locator(`[data-testid="plugin"][data-plugin="${name}"]`);

    const engine = card('engine-tags');
    expect(await engine.locator('h2').textContent()).toContain('version 1.0.0');
    expect(await engine.getByTestId('plugin-module').textContent()).toBe(path.join(EXAMPLES, 'engine-tags.mjs'));
    expect(await engine.getByTestId('plugin-facet').allTextContents()).toEqual(['processing_engine → on runs', 'jobType → on jobs']);
    expect(await engine.getByTestId('plugin-facets').textContent()).toContain('Their props appear on the node as plugin.engine-tags.<key>, their tags with the source plugin:engine-tags.');
    expect(await card('data-classification').getByTestId('plugin-facet').allTextContents()).toEqual(['acme_classification → on datasets']);
    expect(await card('change-approval').getByTestId('plugin-gate').textContent()).toMatch(/^change-approval — Asks a change management service/);
    expect(await card('teams').getByTestId('plugin-format').textContent()).toBe('TEAMS — A Microsoft Teams message with an Adaptive Card');
    // What a plugin does not add is not listed.
    expect(await card('teams').getByTestId('plugin-facets').count()).toBe(0);
    expect(await card('engine-tags').getByTestId('plugin-gates').count()).toBe(0);
    expect(await page.getByTestId('plugin-no-failures').allTextContents()).toEqual(PLUGINS.map(() => 'No failures'));
    expect(await page.getByTestId('plugin-failures').count()).toBe(0);
    await e2e.screenshot(page, 'plugins-1-page');

    // In Chinese too.
    await page.getByTestId('lang-select').selectOption('zh');
    await expect.poll(() => page.getByTestId('page-heading').textContent()).toBe('插件');
    expect(await card('engine-tags').getByTestId('plugin-facet').first().textContent()).toBe('processing_engine → 作用于运行');
    await page.getByTestId('lang-select').selectOption('en');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('offers the TEAMS format in the webhook form and lists a webhook taking it', async () => {
    const page = await e2e.page('/alerts');
    const select = page.getByTestId('webhook-format');
    await expect.poll(() => select.locator('option').allTextContents()).toEqual(['signed JSON', 'Slack message', 'TEAMS (plugin)']);
    // A Slack-like URL still picks Slack's format by itself.
    await page.getByTestId('webhook-url').fill('https://hooks.slack.com/services/T0/B0/x');
    expect(await select.inputValue()).toBe('SLACK');
    await page.getByTestId('webhook-url').fill('http://127.0.0.1:9/teams');
    expect(await select.inputValue()).toBe('LOOM');
    await select.selectOption('TEAMS');
    await page.getByTestId('webhook-add').click();
    const row = page.getByTestId('webhook-row').filter({ hasText: '127.0.0.1:9/teams' });
    await row.waitFor();
    expect(await row.getByTestId('webhook-format-cell').textContent()).toBe('TEAMS (plugin)');
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
    await row.scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'plugins-2-webhook');
    expect((await e2e.gql('{ webhooks { url format } }')).webhooks).toContainEqual({ url: 'http://127.0.0.1:9/teams', format: 'TEAMS' });
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows a model\'s plugin gate in words on its page', async () => {
    await e2e.gql('mutation ($n: String!) { registerModelVersion(input: { name: $n, modelUri: "s3://models/plugin-gated/1" }) { version } }', { n: MODEL });
    const set = await e2e.gql(`mutation ($n: String!) { setPromotionGates(input: { name: $n, gates: [
      { kind: PLUGIN, plugin: "change-approval", stages: [Production], params: { url: "http://127.0.0.1:9/approval" } }] }) { gates { kind plugin params } } }`, { n: MODEL });
    expect(set.setPromotionGates.gates).toEqual([{ kind: 'PLUGIN', plugin: 'change-approval', params: { url: 'http://127.0.0.1:9/approval' } }]);
    const page = await e2e.page(`/models/${MODEL}`);
    const gates = page.getByTestId('gate-config');
    await gates.waitFor();
    expect(await gates.textContent()).toBe('Gate 0: Plugin gate change-approval with params {"url":"http://127.0.0.1:9/approval"} — for Production');
    await e2e.screenshot(page, 'plugins-3-model-gate');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows what plugins read from a run\'s and a dataset\'s facets in the details panel', async () => {
    const res = await postEvent(event({
      run: { runId: RUN_ID, facets: { processing_engine: { _producer: 'https://example.com/e2e', _schemaURL: 'https://example.com/pe', name: 'spark', version: '3.5.1' } } },
      outputs: [classified('customers', { level: 'Confidential', owner: 'crm-team' })],
    }));
    expect(res.status).toBe(201);

    const dataset = `dataset:${NS}:customers`;
    const page = await e2e.page(`/lineage?node=${encodeURIComponent(dataset)}&sel=${encodeURIComponent(dataset)}`);
    const panel = page.getByTestId('details-panel');
    const section = panel.getByTestId('details-plugins');
    await section.waitFor();
    expect(await section.locator('h3').textContent()).toBe('From plugins');
    expect(await section.getByTestId('details-plugin').getAttribute('data-plugin')).toBe('data-classification');
    const props = async () => Object.fromEntries(await section.getByTestId('details-plugin-prop').evaluateAll((dds) => dds.map((dd) => [dd.getAttribute('data-key'), dd.textContent])));
    expect(await props()).toEqual({ level: 'confidential', owner: 'crm-team' });
    // The plugin's tag, with its source (the tags come with a query of their own: wait for it).
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('classification:confidential');
    await section.scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'plugins-4-dataset-details');

    const run = `run:${RUN_ID}`;
    await page.goto(`${e2e.loom.url}/lineage?node=${run}&sel=${run}`);
    await section.getByTestId('details-plugin').waitFor();
    expect(await section.getByTestId('details-plugin').getAttribute('data-plugin')).toBe('engine-tags');
    expect(await props()).toEqual({ engine: 'spark', engineVersion: '3.5.1' });
    expect(await section.textContent()).toContain('engine-tagsenginesparkengineVersion3.5.1');
    await page.getByTestId('lang-select').selectOption('zh');
    await expect.poll(() => section.locator('h3').textContent()).toBe('来自插件');
    await page.getByTestId('lang-select').selectOption('en');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows a plugin\'s failure on this tenant\'s data as a warning on its card', async () => {
    expect((await postEvent(event({ outputs: [classified('odd', { level: 'top-secret' })] }))).status).toBe(201);
    const page = await e2e.page('/plugins');
    const failing = page.locator('[data-testid="plugin"][data-plugin="data-classification"]').getByTestId('plugin-failures');
    await failing.waitFor();
    expect(await failing.getAttribute('role')).toBe('status');
    expect(await failing.getByTestId('plugin-failure-count').textContent()).toBe('Failures: 1');
    expect(await page.locator('[data-plugin="data-classification"]').getByTestId('plugin-usage').textContent()).toMatch(/^\d+ calls, [\d.]+ ms in all, the slowest [\d.]+ ms$/);
    expect(await page.locator('[data-plugin="change-approval"]').getByTestId('plugin-usage').textContent()).toBe('Not called yet');
    expect(await failing.getByTestId('plugin-last-failure').textContent()).toContain(`readFacet(acme_classification) on a dataset (${NS} odd): level "top-secret": must be one of public, internal, confidential, restricted`);
    expect(await page.getByTestId('plugin-no-failures').count()).toBe(3);
    await failing.scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'plugins-5-failure');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });
});
