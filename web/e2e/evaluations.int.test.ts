/**
 * End to end: the model page's evaluation comparison in Chromium, on the demo story. A person picks the
 * computed evaluations of churn-classifier v2 and v3 on the same 200 customers, reads their metrics side
 * by side (v2's F1 marked best) and the customers the two versions disagree on, then has an LLM judge
 * (a local stand-in of the OpenAI API) grade v2's predictions. Screenshots: test-results/e2e/evaluations-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2E } from './testkit.js';
import { DEMO_GOLDEN_SET, DEMO_LABEL_EVALUATION } from '../../server/src/app/demo/evaluations.js';
import { openAiJudgeStandIn } from '../../server/src/testing/judge.testkit.js';

// The LLM judge: a local stand-in of the OpenAI API, started before Loom reads its environment.
const JUDGE_KEY = 'sk-e2e-judge-0001';
const judge = openAiJudgeStandIn(JUDGE_KEY, { refuseFirst: false });
const env: Record<string, string> = { LOOM_JUDGE_API_KEY: JUDGE_KEY, LOOM_JUDGE_MODEL: 'judge-mini' };
beforeAll(async () => {
  await new Promise<void>((r) => judge.server.listen(0, '127.0.0.1', r));
  env.LOOM_JUDGE_URL = judge.url();
});
afterAll(() => new Promise((r) => judge.server.close(r)));
const e2e = useE2E(env);

describe('model evaluations side by side', () => {
  it('compares v2 and v3 on the same examples', async () => {
    const page = await e2e.page('/models/churn-classifier');
    const choices = page.getByTestId('evaluation-choice').filter({ hasText: DEMO_LABEL_EVALUATION });
    await choices.first().waitFor();
    expect(await choices.count()).toBe(2);
    await choices.nth(0).getByTestId('evaluation-pick').check();
    await choices.nth(1).getByTestId('evaluation-pick').check();
    expect(page.url()).toMatch(/compare=evaluation/);

    const f1 = page.getByTestId('compared-metric').filter({ hasText: 'f1_macro' });
    await f1.waitFor();
    const cells = f1.locator('td');
    // Columns: metric, then the evaluations in the order picked (the list is newest version first: v3, v2).
    expect(await cells.nth(0).textContent()).toBe('f1_macro');
    expect(await cells.nth(2).getAttribute('data-best')).toBe('true');
    expect(await page.getByTestId('compared-metrics').locator('th').nth(2).textContent()).toContain('v2');

    const examples = page.getByTestId('compared-example');
    await examples.first().waitFor();
    const n = await examples.count();
    expect(n).toBeGreaterThan(5);
    const first = await examples.first().locator('td').allTextContents();
    expect(first[2]).not.toBe(first[3]);
    await e2e.screenshot(page, 'evaluations-compare');
    await page.getByTestId('only-differing').uncheck();
    await page.waitForFunction((k) => document.querySelectorAll('[data-testid="compared-example"]').length > k, n);
    expect(await examples.count()).toBe(200);
    await page.reload(); // in the URL
    await examples.nth(150).waitFor();
    expect(await page.getByTestId('only-differing').isChecked()).toBe(false);
  });

  it('has an LLM judge grade an evaluation from the page, and shows its progress and the mean', async () => {
    const page = await e2e.page('/models/churn-classifier');
    const row = page.getByTestId('evaluation-choice').filter({ hasText: DEMO_LABEL_EVALUATION }).filter({ hasText: 'v2' });
    await row.waitFor();
    await row.getByTestId('judge-open').click();
    await row.getByTestId('judge-criteria').fill('correctness');
    await row.getByTestId('judge-submit').click();
    // The page follows the judging until it ends: 200 examples graded, each against its reference.
    await row.locator('[data-testid="judging-state"][data-state="DONE"]').waitFor({ timeout: 60_000 });
    expect((await row.getByTestId('judging-state').textContent())?.trim()).toBe('judged 200/200');
    expect(judge.requests).toHaveLength(200);
    for (const choice of await page.getByTestId('evaluation-choice').filter({ hasText: DEMO_LABEL_EVALUATION }).all()) await choice.getByTestId('evaluation-pick').check();
    const mean = page.getByTestId('compared-metric').filter({ hasText: 'judge.correctness' });
    await mean.waitFor();
    // v3 (first column) was not judged; v2's mean is its share of exact predictions graded 5 (the rest 2: 0.25).
    const cells = await mean.locator('td').allTextContents();
    expect(cells[1]).toBe('–');
    expect(Number(cells[2])).toBeGreaterThan(0.8);
    await e2e.screenshot(page, 'evaluations-judged');
  });
});

describe('prompt evaluations side by side', () => {
  it('compares churn-explainer v2 and v3 on the golden set: generation metrics and the reviewer\'s relevance', async () => {
    const page = await e2e.page('/prompts/churn-explainer');
    const choices = page.getByTestId('evaluation-choice').filter({ hasText: DEMO_GOLDEN_SET });
    await choices.first().waitFor();
    for (const choice of await choices.all()) await choice.getByTestId('evaluation-pick').check();
    const rouge = page.getByTestId('compared-metric').filter({ hasText: 'rougeL' });
    await rouge.waitFor();
    expect(await rouge.locator('td').nth(1).getAttribute('data-best')).toBe('true'); // v3, listed first
    expect(await page.getByTestId('compared-example').count()).toBe(8); // every answer differs between the versions
    await e2e.screenshot(page, 'evaluations-prompt');

    // v2's production calls of the last week (the demo's traces record their messages), judged for relevance.
    await page.getByTestId('traffic-version').selectOption('2');
    await page.getByTestId('traffic-criteria').fill('relevance');
    await page.getByTestId('traffic-submit').click();
    const traffic = page.getByTestId('evaluation-choice').filter({ hasText: 'production calls of v2' });
    await traffic.locator('[data-testid="judging-state"][data-state="DONE"]').waitFor({ timeout: 60_000 });
    expect(await traffic.textContent()).toContain('traces');
    expect(await traffic.getByTestId('judging-state').textContent()).toMatch(/^judged (\d+)\/\1\s*$/);
    expect(judge.requests.some((r) => r.messages[1].content.includes('Churn risk'))).toBe(true);
    await e2e.screenshot(page, 'evaluations-traffic');
  });
});
