/**
 * End to end: the features page in Chromium on a real Loom holding the demo story. A person finds the
 * demo's feature group, reads its schema (sources, the spread of the latest values), looks two
 * customers up online, then as of three days ago (a point-in-time read: the values of that day's
 * snapshot), and follows the group into the lineage map. Screenshots: test-results/e2e/features-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from 'cytoscape';
import { useE2E } from './testkit.js';
import { drawn, untilKind } from './graph-probe.js';
import { DEMO_FEATURE_DEFINITION, DEMO_FEATURE_GROUP, demoFeatureRows } from '../../server/src/app/demo/features.js';

const e2e = useE2E();
const DAY = 86_400_000;

describe('features page', () => {
  it('lists the demo group, shows its schema, and reads vectors online and as of a past day', async () => {
    const page = await e2e.page('/features');
    await page.getByTestId('feature-search').fill('churn');
    await page.getByTestId('feature-group-row').first().waitFor();
    expect(await page.getByTestId('feature-group-row').count()).toBe(1);
    expect(await page.getByTestId('feature-group-row').textContent()).toContain(DEMO_FEATURE_GROUP.name);
    // Both of its sources, as its own page lists them
    expect((await page.getByTestId('feature-group-list-sources').textContent())?.split(', ').sort()).toEqual(['analytics.customer_daily_activity', 'analytics.customers_clean']);
    await page.getByTestId('feature-group-link').click();

    await page.getByTestId('feature-schema').waitFor();
    expect(await page.getByTestId('feature-row').count()).toBe(DEMO_FEATURE_DEFINITION.features.length);
    // Computed from two tables: the group's source and the one its activity features name.
    expect(await page.getByTestId('feature-group-sources').textContent()).toMatch(/analytics\.customers_clean.*analytics\.customer_daily_activity|analytics\.customer_daily_activity.*analytics\.customers_clean/);
    expect(await page.getByTestId('feature-row').filter({ hasText: 'sessions_7d' }).textContent()).toContain('analytics.customer_daily_activity · sessions');
    expect(await page.getByTestId('feature-group-entities').textContent()).toBe('200');
    const tenure = await page.getByTestId('feature-stats-tenure_days').textContent();
    expect(tenure).toMatch(/^200 entities · \d+ … \d+, mean [\d.]+$/);
    expect(await page.getByTestId('feature-stats-plan_tier').textContent()).toContain('3 distinct');
    expect(await page.getByTestId('feature-quality-status').textContent()).toBe('passed');
    expect(await page.getByTestId('feature-rule').count()).toBe(4);
    await page.getByTestId('feature-validate').click();
    await page.getByTestId('feature-validate').filter({ hasText: 'Check again' }).waitFor();
    // The demo's own check is now an earlier one.
    await page.getByTestId('feature-quality-history').locator('li').filter({ hasText: '4 of 4 rules passed' }).first().waitFor();
    await e2e.screenshot(page, 'features-1-group');

    // Online: each customer's latest snapshot (today's).
    await page.getByTestId('feature-entities').fill('10001, 10002 nobody');
    await page.getByTestId('feature-read').click();
    await page.getByTestId('feature-vector').nth(2).waitFor();
    const rows = demoFeatureRows(Date.now());
    const latest = (id: string, daysAgo: number) => rows.find((r) => r.entityId === id && (r.eventTime as Date).getTime() === Math.floor(Date.now() / DAY) * DAY - daysAgo * DAY)!.values;
    const shown = (i: number, feature: string) => page.getByTestId('feature-vector').nth(i).getByTestId(`feature-value-${feature}`).textContent();
    expect(await shown(0, 'tenure_days')).toBe(String(latest('10001', 0).tenure_days));
    expect(await shown(1, 'plan_tier')).toBe(latest('10002', 0).plan_tier);
    expect(await shown(2, 'tenure_days')).toBe('not found');
    await e2e.screenshot(page, 'features-2-online');

    // As of three days ago, noon UTC: that day's snapshot (tenure three days shorter).
    const past = new Date(Math.floor(Date.now() / DAY) * DAY - 3 * DAY + 12 * 3600_000);
    const local = new Date(past.getTime() - past.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByTestId('feature-asof').fill(local);
    await page.getByTestId('feature-read').click();
    await page.getByText('Values at').waitFor();
    expect(await shown(0, 'tenure_days')).toBe(String(latest('10001', 3).tenure_days));
    expect(await shown(0, 'sessions_7d')).toBe(String(latest('10001', 3).sessions_7d));

    // Into the lineage map: the group with its source and the Spark job writing it.
    await page.getByTestId('feature-group-lineage').click();
    await page.waitForURL(/\/lineage\?/);
    expect(decodeURIComponent(page.url())).toContain(`dataset:${DEMO_FEATURE_GROUP.namespace}:${DEMO_FEATURE_GROUP.name}`);
    await drawn(page);
    await untilKind(page, 'FeatureGroup', 1);
    // Its source feeds it: customers_clean is on the map beside it, and the details panel leads back.
    expect(await page.evaluate(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes().map((n) => String(n.id())))).toContain(`dataset:${DEMO_FEATURE_GROUP.namespace}:analytics.customers_clean`);
    await page.getByTestId('details-feature-group').waitFor();
    expect(await page.getByTestId('details-feature-group-version').textContent()).toMatch(/^Feature group version 2, defined .+ by priya\.nair$/);
    await e2e.screenshot(page, 'features-3-lineage');
    await page.getByTestId('details-feature-group').click();
    await page.getByTestId('feature-schema').waitFor();
  });

  it("lists the group's definitions, what each changed, and the one in force at a time", async () => {
    const page = await e2e.page(`/features?ns=${encodeURIComponent(DEMO_FEATURE_GROUP.namespace)}&name=${encodeURIComponent(DEMO_FEATURE_GROUP.name)}`);
    const list = page.getByTestId('feature-definition');
    await list.nth(1).waitFor();
    expect(await list.count()).toBe(2);
    const v2 = list.nth(0);
    expect(await v2.locator('strong').textContent()).toMatch(/^v2 · .+ by priya\.nair$/);
    expect(await v2.getByTestId('feature-definition-changes').locator('li').allTextContents()).toEqual([
      'served for 1 d → 2 d', 'added support_tickets_30d (INT64)', 'added days_since_last_active (INT64)',
    ]);
    expect(await list.nth(1).getByTestId('feature-definition-changes').textContent()).toBe('First definition: 6 features');
    await page.getByTestId('feature-definitions').scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'features-4-definitions');
    // As of a day ago (before the demo defined it): none; as of a minute from now: version 2, in force.
    const local = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByTestId('feature-definitions-asof').fill(local(Date.now() - DAY));
    await page.getByTestId('feature-definitions-none').waitFor();
    await page.getByTestId('feature-definitions-asof').fill(local(Date.now() + 60_000));
    await page.getByTestId('feature-definition-in-force').waitFor();
    expect(await list.count()).toBe(2);
  });
});
