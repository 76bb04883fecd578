/**
 * End to end: the web app in a phone's window (390 × 844) on a real Loom (embedded engines, demo data) in
 * Chromium: every page fits the window's width (a wide table scrolls inside itself), in English and Chinese.
 * Screenshots land in test-results/e2e/.
 */
import { describe, expect, it } from 'vitest';
import { useE2E } from './testkit.js';
import { demoTraceId } from '../../server/src/app/demo/traces-otlp.js';

const e2e = useE2E();
const CUSTOMERS_CLEAN = 'dataset:hive://metastore.data.internal:9083:analytics.customers_clean';
const PAGES = [
  ['lineage', `/lineage?node=${encodeURIComponent(CUSTOMERS_CLEAN)}&sel=${encodeURIComponent(CUSTOMERS_CLEAN)}`, 'details-lineage-change'], // its history listed: long names
  ['runs', '/runs', 'runs-table'],
  ['models', '/models', 'model-row'],
  ['model', '/models/churn-classifier', 'model-name'],
  ['traces', '/traces', 'trace-row'],
  ['trace', `/traces/${demoTraceId(0)}`, 'span-row'],
  ['gpus', '/gpu', 'gpu-devices'],
  ['alerts', '/alerts', 'page-heading'],
  ['features', '/features', 'feature-group-row'],
  ['plugins', '/plugins', 'page-heading'],
] as const;

describe('the web app in a narrow window', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`fits every page into 390 px (${lang})`, async () => {
      const page = await e2e.page('/');
      await page.setViewportSize({ width: 390, height: 844 });
      if (lang === 'zh') await page.getByTestId('lang-select').selectOption('zh');
      const runs = (await e2e.gql<{ runs: { items: { runId: string }[] } }>('{ runs(experiment: "churn-training", first: 3) { items { runId } } }')).runs.items.map((r) => r.runId);
      const pages = [...PAGES, ['compare', `/runs?compare=${runs.join(',')}`, 'param-row'] as const];
      for (const [name, path, ready] of pages) {
        await page.evaluate((to) => { history.pushState(null, '', to); dispatchEvent(new PopStateEvent('popstate')); }, path);
        await page.getByTestId(ready).first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        const wide = width > 390 ? await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > 392 && !e.closest('table')).slice(0, 12).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).join('; ')) : '';
        expect(width, `${name}: ${width} px wide: ${wide}`).toBeLessThanOrEqual(390);
        await e2e.screenshot(page, `narrow-${lang}-${name}`);
      }
      // A table's names keep their words whole (the table scrolls in place): the comparison's param names broke letter by letter.
      const keyLines = await page.locator('[data-testid="param-row"] td:first-child').evaluateAll((cells) => cells.map((c) => Math.round((c as HTMLElement).offsetHeight)));
      expect(Math.max(...keyLines), `param name cells ${keyLines.join(',')} px high`).toBeLessThan(2 * Math.min(...keyLines));
      // Labels keep their words whole: a nav link is one line high.
      const heights = await page.locator('.nav a').evaluateAll((links) => links.map((a) => (a as HTMLElement).offsetHeight));
      expect(Math.max(...heights)).toBeLessThan(2 * Math.min(...heights));
      expect(e2e.pageErrors(page)).toEqual([]);
      await page.close();
    });
  }
});
