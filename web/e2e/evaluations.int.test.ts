/**
 * End to end: the model page's evaluation comparison in Chromium, on the demo story. A person picks the
 * computed evaluations of churn-classifier v2 and v3 on the same 200 customers, reads their metrics side
 * by side (v2's F1 marked best) and the customers the two versions disagree on. Screenshot:
 * test-results/e2e/evaluations-compare.png.
 */
import { describe, expect, it } from 'vitest';
import { useE2E } from './testkit.js';
import { DEMO_LABEL_EVALUATION } from '../../server/src/app/demo/evaluations.js';

const e2e = useE2E();

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
  });
});
