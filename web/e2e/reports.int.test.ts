/**
 * End to end: the reports page in Chromium on a real Loom with the demo's data (and its schedule). An editor creates a
 * daily schedule from the form, makes its latest report now (the 24 hours before the latest 06:00 UTC),
 * composes reports on demand (the demo's LLM calls of the last day, its GPUs of the day before),
 * pauses the schedule, then deletes it; a viewer reads without the form.
 * Screenshots land in test-results/e2e/reports-*.png.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_KEY, useE2E } from './testkit.js';
import { toLocalInput } from '../src/lineage/timeTravel.js';

const e2e = useE2E();
const SECTIONS = ['lineage', 'quality', 'models', 'llm', 'gpu', 'alerts'];
const HOUR_MS = 3_600_000;

describe('reports page', () => {
  it('creates a daily schedule, makes its latest report, composes one on demand, pauses and deletes the schedule', async () => {
    const page = await e2e.page('/reports');
    // The demo's schedule, with the report it made at start.
    const demo = page.getByTestId('reports-schedule').filter({ hasText: 'Platform daily' });
    await demo.waitFor();
    expect(await page.getByTestId('nav-reports').getAttribute('aria-current')).toBe('page');
    await demo.getByRole('link').click();
    await page.getByTestId('reports-report').getByTestId('report-view').waitFor();
    expect(await page.getByTestId('reports-report-row').count()).toBe(1);
    for (const s of SECTIONS) expect(await page.getByTestId(`schedule-section-${s}`).isChecked()).toBe(true);
    expect(await page.getByTestId('schedule-weekday').count()).toBe(0);

    // A blank name reaches the server, which names the field.
    await page.getByTestId('schedule-name').fill('   ');
    await page.getByTestId('schedule-create').click();
    await expect.poll(() => page.getByTestId('schedule-form-error').textContent()).toContain('input.name');

    await page.getByTestId('schedule-name').fill('Ops daily');
    await page.getByTestId('schedule-cadence').selectOption('WEEKLY');
    await page.getByTestId('schedule-weekday').waitFor();
    await page.getByTestId('schedule-cadence').selectOption('DAILY');
    await page.getByTestId('schedule-hour').selectOption('6');
    await page.getByTestId('schedule-create').click();
    const schedule = page.getByTestId('reports-schedule').filter({ hasText: 'Ops daily' });
    await schedule.waitFor();
    expect(await schedule.textContent()).toContain('Daily at 06:00 UTC');
    expect(await schedule.textContent()).toContain('Enabled');
    expect(await schedule.textContent()).toContain('Lineage · Data quality · Models · LLM usage · GPUs · Alerts');
    expect(await page.getByTestId('schedule-name').inputValue()).toBe('');
    // The new schedule is the one shown: no report until its first period ends.
    await page.getByTestId('reports-no-reports').waitFor();
    expect(await page.getByTestId('reports-schedule-detail').locator('h2').textContent()).toContain('Ops daily');
    await e2e.screenshot(page, 'reports-1-schedule');

    // Its latest ended period: the 24 hours before the latest 06:00 UTC.
    await page.getByTestId('reports-run').click();
    const row = page.getByTestId('reports-report-row');
    await row.waitFor();
    expect(await row.count()).toBe(1);
    const to = new Date((await row.getAttribute('data-to'))!);
    expect([to.getUTCHours(), to.getUTCMinutes()]).toEqual([6, 0]);
    expect(Date.now() - to.getTime()).toBeLessThan(24 * HOUR_MS);
    const report = page.getByTestId('reports-report');
    await report.getByTestId('report-view').waitFor();
    expect(await report.locator('h2').textContent()).toContain(`Ops daily ${to.toISOString().slice(0, 10)}`);
    for (const s of SECTIONS) expect(await report.getByTestId(`report-section-${s}`).count()).toBe(1);
    await e2e.screenshot(page, 'reports-2-report');

    // On demand, the last 24 hours (the default): the demo's 30 LLM calls, nothing the day before.
    await page.getByTestId('on-demand-compose').click();
    const composed = page.getByTestId('reports-composed');
    await composed.waitFor();
    const llm = composed.getByTestId('report-section-llm');
    expect(await llm.getByTestId('report-llm-calls').textContent()).toBe('30');
    expect(await llm.textContent()).toContain('period before: 0');
    expect(await llm.locator('tbody tr').count()).toBeGreaterThan(0);
    // ...and the churn model's versions registered at start, v3's promotion refused by its gate.
    const models = composed.getByTestId('report-section-models');
    expect(await models.textContent()).toContain('churn-classifier v3');
    expect(await models.textContent()).toMatch(/Refused promotions.*churn-classifierv3Production.*gate/);
    // The last two days: also the demo's training run on 2 GPUs, 30 hours ago.
    await page.getByTestId('on-demand-from').fill(toLocalInput(new Date(Date.now() - 48 * HOUR_MS).toISOString()));
    await page.getByTestId('on-demand-compose').click();
    const gpu = composed.getByTestId('report-section-gpu');
    await expect.poll(() => gpu.getByTestId('report-gpu-hours').textContent()).toMatch(/^2\.4\d$/); // as its run's page counts them
    expect(await gpu.textContent()).toContain('ml-training/');
    expect(await llm.getByTestId('report-llm-calls').textContent()).toBe('30');
    await llm.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await e2e.screenshot(page, 'reports-3-on-demand');

    await page.getByTestId('reports-toggle').click();
    await expect.poll(() => schedule.textContent()).toContain('Paused');
    expect(await page.getByTestId('reports-toggle').textContent()).toBe('Resume');
    await page.getByTestId('reports-schedule-detail').scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'reports-4-paused');

    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('reports-delete').click();
    await expect.poll(() => schedule.count()).toBe(0);
    await page.getByTestId('reports-pick').waitFor();
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('links a report\'s failing jobs and new datasets to their lineage', async () => {
    const ns = 'e2e-reports';
    const event = {
      eventType: 'FAIL', eventTime: new Date().toISOString(), producer: 'https://example.com/e2e', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: crypto.randomUUID() }, job: { namespace: ns, name: 'load_orders' }, inputs: [], outputs: [{ namespace: ns, name: 'orders_staging' }],
    };
    const res = await fetch(`${e2e.loom.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify(event) });
    expect(res.status).toBe(201);
    const page = await e2e.page('/reports');
    await page.getByTestId('on-demand-compose').click();
    const lineage = page.getByTestId('reports-composed').getByTestId('report-section-lineage');
    await lineage.getByTestId('report-failing-job').waitFor();
    expect(await lineage.getByTestId('report-new-dataset').allTextContents()).toEqual([`${ns}:orders_staging`]);
    await lineage.getByTestId('report-failing-job').click();
    await page.waitForURL(/\/lineage\?/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('node') ?? '')).toBe(`job:${ns}:load_orders`);
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('a viewer reads schedules and reports but gets no form and no buttons', async () => {
    await e2e.gql('mutation { createReportSchedule(input: {name: "Weekly digest", cadence: WEEKLY, hourUtc: 6, sections: [LLM, GPU]}) { id } }');
    const viewer = await e2e.loom.services.tenancy.createApiKey('demo', 'viewer');
    const page = await e2e.page('/reports', viewer);
    await page.getByTestId('reports-editors-only').waitFor();
    expect(await page.getByTestId('reports-new-schedule').count()).toBe(0);
    const schedule = page.getByTestId('reports-schedule').filter({ hasText: 'Weekly digest' });
    await schedule.waitFor();
    expect(await schedule.textContent()).toContain('Weekly on Monday at 06:00 UTC');
    await schedule.getByRole('link').click();
    await page.getByTestId('reports-no-reports').waitFor();
    expect(await page.getByTestId('reports-run').count()).toBe(0);
    expect(await page.getByTestId('reports-delete').count()).toBe(0);
    await page.getByTestId('on-demand-compose').click();
    await page.getByTestId('reports-composed').getByTestId('report-section-llm').waitFor();
    await e2e.screenshot(page, 'reports-5-viewer');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });
});
