/**
 * End to end: the model registry, prompt and trace pages against a real Loom with Chromium. The data
 * they need (a gated model, a prompt with two versions, two traces) is created through the public APIs.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY, useE2E } from './testkit.js';

const e2e = useE2E();
const MODEL = 'fraud-detector';
const PROMPT = 'support-answer';
const TRACE_OK = 'a1'.repeat(16);
const TRACE_ERR = 'b2'.repeat(16);
let beforeChanges = '';

const gql = <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> => e2e.gql<T>(query, variables);

const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
const int = (key: string, v: number) => ({ key, value: { intValue: String(v) } });
const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
function span(traceId: string, spanId: string, parent: string, name: string, fromMs: number, toMs: number, attributes: unknown[] = [], error = false) {
  return { traceId, spanId, parentSpanId: parent, name, kind: parent ? 3 : 2, startTimeUnixNano: ns(fromMs), endTimeUnixNano: ns(toMs), attributes, status: error ? { code: 2, message: 'upstream timeout' } : { code: 1 } };
}
async function postTrace(service: string, spans: unknown[]) {
  const body = { resourceSpans: [{ resource: { attributes: [str('service.name', service)] }, scopeSpans: [{ scope: { name: 'e2e' }, spans }] }] };
  const res = await fetch(`${e2e.loom.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

async function seed() {
  const runId = '0190a1b2-0000-7000-8000-00000000e2e1';
  await gql('mutation ($r: String!) { createRun(input: {experiment: "fraud", runId: $r, name: "xgb-train"}) { runId } }', { r: runId });
  for (const [version, f1] of [[1, 0.71], [2, 0.86]] as const) {
    await gql('mutation ($n: String!, $u: String!, $r: String) { registerModelVersion(input: {name: $n, modelUri: $u, runId: $r, flavor: "xgboost", tags: [{key: "team", value: "risk"}]}) { version } }', { n: MODEL, u: `s3://models/fraud/${version}`, r: version === 2 ? runId : null });
    await gql('mutation ($n: String!, $v: Int!, $f: Float!) { recordEvaluation(input: {model: {name: $n, version: $v}, metrics: [{key: "f1", value: $f}]}) { id } }', { n: MODEL, v: version, f: f1 });
  }
  await gql('mutation ($n: String!) { setPromotionGates(input: {name: $n, gates: [{kind: METRIC_THRESHOLD, stages: [Production], metric: "f1", source: EVALUATION, op: GTE, threshold: 0.8}]}) { name } }', { n: MODEL });
  await gql('mutation ($n: String!) { transitionModelVersionStage(input: {name: $n, version: 1, stage: Staging, reason: "first candidate"}) { stage } }', { n: MODEL });
  await gql('mutation ($n: String!) { setModelAlias(input: {name: $n, alias: "champion", version: 1}) { version } }', { n: MODEL });
  await new Promise((r) => setTimeout(r, 20));
  beforeChanges = new Date().toISOString();

  const create = 'mutation ($input: CreatePromptVersionInput!) { createPromptVersion(input: $input) { version } }';
  await gql(create, { input: { name: PROMPT, template: { text: 'You are a support agent for {{product}}.\nBe brief.\nQuestion: {{question}}' }, variables: [{ name: 'product', default: 'Loom' }], config: { model: 'gpt-4o-mini', temperature: 0.2 }, commitMessage: 'first', labels: ['production'] } });
  await gql(create, { input: { name: PROMPT, template: { text: 'You are a support agent for {{product}}.\nBe brief and kind.\nQuestion: {{question}}\nCite sources.' }, variables: [{ name: 'product', default: 'Loom' }], config: { model: 'gpt-4o-mini', temperature: 0 }, commitMessage: 'kinder, with sources', labels: ['staging'] } });

  const t0 = Date.now() - 60_000;
  const llm = [str('gen_ai.system', 'openai'), str('gen_ai.operation.name', 'chat'), str('gen_ai.request.model', 'gpt-4o-mini'), str('gen_ai.response.model', 'gpt-4o-mini'), int('gen_ai.usage.input_tokens', 420), int('gen_ai.usage.output_tokens', 80), str('loom.prompt.name', PROMPT), str('loom.prompt.version', '2')];
  await postTrace('support-bot', [
    span(TRACE_OK, '1'.repeat(16), '', 'POST /answer', t0, t0 + 1200),
    span(TRACE_OK, '2'.repeat(16), '1'.repeat(16), 'retrieve documents', t0 + 20, t0 + 300),
    span(TRACE_OK, '3'.repeat(16), '2'.repeat(16), 'embed query', t0 + 25, t0 + 90),
    { ...span(TRACE_OK, '4'.repeat(16), '1'.repeat(16), 'chat gpt-4o-mini', t0 + 320, t0 + 1150, llm), links: [{ traceId: TRACE_ERR, spanId: '5'.repeat(16), attributes: [str('link.reason', 'scored the answer')] }] },
  ]);
  await postTrace('batch-scorer', [span(TRACE_ERR, '5'.repeat(16), '', 'score batch', t0 + 5000, t0 + 7000, [], true)]);
  for (let i = 0; i < 50; i++) {
    if ((await gql('{ traces(first: 10) { edges { cursor } } }')).traces.edges.length >= 2) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the traces did not arrive');
}

const rows = (page: Page, testId: string) => page.getByTestId(testId);

describe('registry, prompts and traces pages', () => {
  beforeAll(seed, 60_000);

  it('shows the demo model\'s refused promotion with the gate that failed', async () => {
    const page = await e2e.page('/models/churn-classifier?history=rejected');
    await page.getByTestId('stage-Production').filter({ hasText: 'v2' }).waitFor();
    await page.getByTestId('history-row').first().waitFor();
    expect(await rows(page, 'history-row').count()).toBe(1);
    const refused = await page.getByTestId('history-table').textContent();
    expect(refused).toContain('v3: Staging → Production');
    expect(refused).toContain('auc = 0.792');
    await page.getByTestId('history-table').scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'registry-0-demo-refused');
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('promotes model versions: a gate blocks one with its reason, another passes; moves an alias; shows history and an as-of view', async () => {
    const page = await e2e.page('/models');
    await page.getByTestId('model-link').filter({ hasText: 'churn-classifier' }).waitFor(); // the demo's model
    await page.getByTestId('models-filter').fill('FRAUD');
    await expect.poll(() => rows(page, 'model-row').count()).toBe(1);
    await page.getByTestId('model-link').filter({ hasText: MODEL }).click();
    await page.getByTestId('versions-table').waitFor();
    await expect(page.getByTestId('gate-config').textContent()).resolves.toContain('f1');
    await e2e.screenshot(page, 'registry-1-model');
    // Without plugins the gate editor lists the PLUGIN kind disabled, and says how plugins offer gates.
    await page.getByTestId('gates-edit').click();
    expect(await page.getByTestId('gate-metric').inputValue()).toBe('f1');
    expect(await page.getByTestId('gates-no-plugins').textContent()).toContain('LOOM_PLUGINS');
    expect(await page.getByTestId('gate-kind').locator('option[value=PLUGIN]').isDisabled()).toBe(true);
    await e2e.screenshot(page, 'registry-1b-gate-editor-no-plugins');
    await page.getByTestId('gates-cancel').click();

    await page.getByTestId('version-row-1').click();
    await page.getByTestId('promote-stage').selectOption('Production');
    await page.getByTestId('promote-reason').fill('try v1 in prod');
    await page.getByTestId('promote-submit').click();
    const blocked = page.getByTestId('promote-error');
    await blocked.waitFor();
    expect(await blocked.getAttribute('data-code')).toBe('CONFLICT');
    await page.getByTestId('gate-failed').first().waitFor();
    expect(await page.getByTestId('version-evaluations').textContent()).toContain('f1 = 0.71');
    expect(await page.getByTestId('promote-gates').textContent()).toContain('f1 = 0.71');
    await page.getByTestId('version-evaluations').scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'registry-2-blocked');

    await page.getByTestId('version-row-2').click();
    await page.getByTestId('promote-stage').selectOption('Production');
    await page.getByTestId('promote-reason').fill('f1 0.86 on holdout');
    await page.getByTestId('promote-submit').click();
    await page.getByTestId('promote-ok').waitFor();
    await page.getByTestId('stage-Production').filter({ hasText: 'v2' }).waitFor();

    await page.getByTestId('alias-input').fill('champion');
    await page.getByTestId('alias-submit').click();
    await page.getByTestId('alias-ok').waitFor();
    await page.getByTestId('alias-champion').filter({ hasText: 'v2' }).waitFor();

    await page.getByTestId('history-rejected').click();
    expect(await rows(page, 'history-row').count()).toBe(1);
    expect(await page.getByTestId('history-table').textContent()).toContain('try v1 in prod');
    await page.getByTestId('history-all').click();
    const history = await page.getByTestId('history-table').textContent();
    expect(history).toContain('f1 0.86 on holdout');
    expect(history).toMatch(/@champion: v1 → v2/);
    await e2e.screenshot(page, 'registry-3-promoted');

    await page.goto(`${e2e.loom.url}/models/${MODEL}?asOf=${encodeURIComponent(beforeChanges)}`);
    await page.getByTestId('as-of-label').waitFor();
    expect(await page.getByTestId('stage-Production').count()).toBe(0);
    await page.getByTestId('stage-Staging').filter({ hasText: 'v1' }).waitFor();
    await page.getByTestId('alias-champion').filter({ hasText: 'v1' }).waitFor();
    await e2e.screenshot(page, 'registry-4-as-of');
    await page.getByTestId('as-of-now').click();
    await page.getByTestId('stage-Production').filter({ hasText: 'v2' }).waitFor();
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('says clearly when the role may not promote', async () => {
    const editorKey = await e2e.loom.services.tenancy.createApiKey('demo', 'editor');
    const page = await e2e.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${e2e.loom.url}/models/${MODEL}?version=1#key=${editorKey}`);
    await page.getByTestId('promote-stage').selectOption('Production');
    await page.getByTestId('promote-submit').click();
    const forbidden = page.getByTestId('promote-error');
    await forbidden.waitFor();
    expect(await forbidden.getAttribute('data-code')).toBe('FORBIDDEN');
    expect(await forbidden.textContent()).toContain('Not allowed for your role');
    await forbidden.scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'registry-5-forbidden');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a prompt, diffs two versions, fetches by label and renders one', async () => {
    const page = await e2e.page('/prompts?q=support');
    await expect.poll(() => rows(page, 'prompt-row').count()).toBe(1);
    await page.getByTestId('prompt-link').filter({ hasText: PROMPT }).click();
    await page.getByTestId('diff-split-table').waitFor();
    const split = await page.getByTestId('diff-split-table').textContent();
    expect(split).toContain('Be brief.');
    expect(split).toContain('Be brief and kind.');
    expect(await page.getByTestId('diff-stats').textContent()).toContain('+2 −1');
    expect(await page.getByTestId('diff-config').textContent()).toContain('temperature');
    await page.getByTestId('diff-view').scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'prompts-1-diff');
    await page.getByTestId('diff-unified').click();
    expect(await page.getByTestId('diff-unified-text').textContent()).toContain('+ Cite sources.');

    await page.getByTestId('label-input').fill('production');
    await page.getByTestId('label-fetch').click();
    expect(await page.getByTestId('label-result').textContent()).toContain('v1');

    await page.getByTestId('prompt-version-2').click();
    await page.getByTestId('render-submit').click();
    await page.getByTestId('render-missing').waitFor();
    await page.getByTestId('render-var-question').fill('Where is my invoice?');
    await page.getByTestId('render-submit').click();
    await page.getByTestId('render-result').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('render-result').textContent()).toContain('Question: Where is my invoice?\nCite sources.');
    await e2e.screenshot(page, 'prompts-2-render');

    await page.getByTestId('label-set-input').fill('production');
    await page.getByTestId('label-set-reason').fill('kinder answers tested');
    await page.getByTestId('label-set-submit').click();
    await page.getByTestId('label-set-ok').waitFor();
    await page.getByTestId('history-table').filter({ hasText: 'kinder answers tested' }).waitFor();
    expect(await page.getByTestId('history-table').textContent()).toContain('production: v1 → v2');
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('lists and filters traces, opens a waterfall and shows a span\'s attributes and the usage rollups', async () => {
    const page = await e2e.page('/traces');
    await page.getByTestId('trace-row').nth(1).waitFor();
    await page.getByTestId('usage-row').first().waitFor();
    expect(await page.getByTestId('usage-table').textContent()).toContain('gpt-4o-mini');
    // By prompt version and back: the API's rows, never the other grouping's under this one's labels (they stayed as "(none)" rows)
    const usage = async (by: string) => (await gql<{ llmUsage: unknown[] }>(`{ llmUsage(groupBy: ${by}, from: "1970-01-01T00:00:00Z") { calls } }`)).llmUsage.length;
    for (const [button, by] of [['usage-prompt', 'PROMPT_VERSION'], ['usage-model', 'MODEL']] as const) {
      await page.getByTestId(button).click();
      await expect.poll(() => rows(page, 'usage-row').count()).toBe(await usage(by));
      await page.waitForTimeout(300);
      expect(await rows(page, 'usage-row').count()).toBe(await usage(by));
    }
    await e2e.screenshot(page, 'traces-1-list');
    // 32 traces (the demo's 30 and ours), 25 a page: the cursor goes to the older ones and back.
    await page.getByTestId('traces-next').click();
    await expect.poll(() => rows(page, 'trace-row').count()).toBe(7);
    await page.getByTestId('traces-prev').click();
    await expect.poll(() => rows(page, 'trace-row').count()).toBe(25);

    await page.getByTestId('filter-status').selectOption('ERROR');
    await page.waitForURL(/status=ERROR/);
    // Ours and the demo's three failed churn-explainer requests.
    await expect.poll(() => rows(page, 'trace-row').count()).toBe(4);
    expect(await page.getByTestId('traces-table').textContent()).toContain('score batch');
    await page.getByTestId('filter-clear').click();
    await page.getByRole('button', { name: `${PROMPT}@2` }).first().click(); // a prompt version chip filters by it
    await page.waitForURL(/prompt=support-answer%402/);
    await expect.poll(() => rows(page, 'trace-row').count()).toBe(1);
    expect(await page.getByTestId('filter-prompt').inputValue()).toBe(`${PROMPT}@2`);
    await page.getByTestId('filter-clear').click();
    await page.getByTestId('filter-service').fill('support-bot');
    await page.getByTestId('filter-apply').click();
    await page.waitForURL(/service=support-bot/);
    await expect.poll(() => rows(page, 'trace-row').count()).toBe(1);
    expect(await page.getByTestId('traces-table').textContent()).toContain('POST /answer');

    await page.getByTestId('trace-link').click();
    await page.getByTestId('waterfall').waitFor();
    expect(await rows(page, 'span-row').count()).toBe(4);
    const llmRow = page.locator('[data-testid=span-row][data-tone=llm]');
    expect(await llmRow.textContent()).toContain('500');
    await llmRow.click();
    // The waterfall's read leaves attributes out: the panel reads them for the opened span.
    await page.getByTestId('span-attributes').waitFor();
    const panel = await page.getByTestId('span-details').textContent();
    expect(panel).toContain('gen_ai.request.model');
    expect(panel).toContain('"service.name": "support-bot"'); // the resource's attributes
    expect(await page.getByTestId('span-link').textContent()).toContain('scored the answer');
    await e2e.screenshot(page, 'traces-2-waterfall');
    await page.locator('[data-span="2222222222222222"] [data-testid=span-toggle]').click();
    expect(await rows(page, 'span-row').count()).toBe(3);
    // a span link opens the linked span on its own trace's page
    await page.getByTestId('span-link').getByRole('link').click();
    await page.getByTestId('trace-title').filter({ hasText: 'score batch' }).waitFor();
    await page.getByTestId('span-details').filter({ hasText: '5555555555555555' }).waitFor();
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('shows registry sections in the explorer\'s details panel, with links to the pages', async () => {
    const version = `model:registry:${MODEL}@2`;
    const page = await e2e.page(`/lineage?node=${encodeURIComponent(version)}&sel=${encodeURIComponent(version)}`);
    const section = page.getByTestId('model-version-section');
    await section.getByTestId('stage-badge').filter({ hasText: 'Production' }).waitFor();
    expect(await section.textContent()).toContain('s3://models/fraud/2');
    await e2e.screenshot(page, 'registry-6-details-model-version');

    const trace = `trace:${TRACE_OK}`;
    await page.goto(`${e2e.loom.url}/lineage?node=${trace}&sel=${trace}`);
    await page.getByTestId('trace-section').getByTestId('span-row').nth(3).waitFor({ timeout: 15_000 });
    await e2e.screenshot(page, 'traces-3-details-mini-waterfall');
    await page.getByTestId('open-trace').click();
    await page.getByTestId('trace-title').filter({ hasText: 'POST /answer' }).waitFor();

    await page.getByTestId('lang-select').selectOption('zh');
    await page.getByTestId('trace-summary').filter({ hasText: '服务' }).waitFor();
    await e2e.screenshot(page, 'traces-4-zh');
    await page.getByTestId('lang-select').selectOption('en');
    expect(e2e.pageErrors(page)).toEqual([]);
  });
});
