/**
 * End to end: experiment tracking, GPU monitoring and training pages on a real Loom (embedded
 * engines, local training launcher) in Chromium. The test logs its own runs, metrics and GPU samples
 * through the public APIs. Screenshots land in test-results/e2e/runs-*.png.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY, useE2E } from './testkit.js';
import { DCGM_RESOURCE, dcgmLabels, gaugeRequest, type GaugeSample } from '../../server/src/domain/telemetry/metrics-testkit.js';

const e2e = useE2E();
/** The demo seed's GPU challenger run (seeds/demo/README.md part 2 and 6). */
const DEMO_GPU_RUN = '019d5a10-0c3f-7a2b-9e61-7d4b8f0a2c35';
const MIN = 60_000;
const EXPERIMENT = `e2e-churn-${Date.now()}`;
const GPU = { uuid: 'GPU-e2e00000-0000-4000-8000-000000000001', index: '0', host: 'gpu-node-7', namespace: 'ml', pod: 'churn-train-0' };
const T0 = Math.floor((Date.now() - 30 * MIN) / MIN) * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

async function post(route: string, body: unknown): Promise<any> {
  const res = await fetch(`${e2e.loom.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify(body) });
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  if (!res.ok || json.errors) throw new Error(`${route} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}
const gql = async (query: string, variables: Record<string, unknown>) => (await post('/graphql', { query, variables })).data;

const CREATE_RUN = 'mutation ($input: CreateRunInput!) { createRun(input: $input) { runId } }';
const LOG = 'mutation ($runId: String!, $series: [MetricSeriesInput!], $params: [KeyValueInput!]) { logBatch(runId: $runId, series: $series, params: $params) { metrics } }';
const curve = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

/** Two runs with params (lr differs, seed equal) and loss/accuracy curves; the GPU run placed on a pod with DCGM samples. */
async function seedTracking(): Promise<{ baseline: string; gpuRun: string }> {
  const baseline = (await gql(CREATE_RUN, { input: { experiment: EXPERIMENT, name: 'baseline', startTime: iso(T0 - 60 * MIN), params: [{ key: 'lr', value: '0.1' }, { key: 'seed', value: '7' }] } })).createRun.runId;
  await gql(LOG, { runId: baseline, series: [{ key: 'loss', values: curve(300, (i) => 2 / (1 + i / 20)) }, { key: 'accuracy', values: curve(300, (i) => 0.5 + i / 700) }] });
  await gql('mutation ($r: String!, $t: DateTime) { setRunStatus(runId: $r, status: COMPLETED, time: $t) { status } }', { r: baseline, t: iso(T0 - 40 * MIN) });
  // The GPU run: OpenLineage START with a kubernetes run facet (where it ran), then adopted by the experiment.
  const gpuRun = randomUUID();
  await post('/api/v1/lineage', {
    eventType: 'START', eventTime: iso(T0), producer: 'https://example.com/e2e',
    run: { runId: gpuRun, facets: { kubernetes: { _producer: 'https://example.com/e2e', _schemaURL: 'https://example.com/k8s.json', namespace: GPU.namespace, pod: GPU.pod } } },
    job: { namespace: 'training', name: 'train_churn_gpu' },
  });
  await gql(CREATE_RUN, { input: { experiment: EXPERIMENT, runId: gpuRun, name: 'wide-gpu', params: [{ key: 'lr', value: '0.01' }, { key: 'seed', value: '7' }] } });
  await gql(LOG, { runId: gpuRun, series: [{ key: 'loss', values: curve(1500, (i) => 1.5 / (1 + i / 40)) }, { key: 'accuracy', values: curve(1500, (i) => 0.55 + i / 4500) }] });
  const samples: GaugeSample[] = [];
  for (let t = T0, i = 0; t <= T0 + 20 * MIN; t += 15_000, i++) {
    samples.push({ name: 'DCGM_FI_DEV_GPU_UTIL', timeMs: t, value: 60 + (i % 7) * 5, labels: dcgmLabels(GPU) });
    samples.push({ name: 'DCGM_FI_DEV_POWER_USAGE', timeMs: t, value: 280 + (i % 5), labels: dcgmLabels(GPU) });
  }
  await post('/v1/metrics', gaugeRequest(samples, DCGM_RESOURCE));
  return { baseline, gpuRun };
}

/** Each drawn line of the charts under `testId`: its point count and path length. */
const drawnPaths = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] path.series`).evaluateAll((paths) =>
  paths.map((p) => ({ points: Number(p.getAttribute('data-points')), d: (p.getAttribute('d') ?? '').length })));

describe('runs, GPU and training pages', () => {
  let ids: { baseline: string; gpuRun: string };
  beforeAll(async () => { ids = await seedTracking(); });

  it('lists runs, filters by experiment, compares two (params diff and overlaid curves) and opens one', async () => {
    const page = await e2e.page('/runs');
    await page.getByTestId('runs-table').waitFor();
    await page.getByTestId('runs-experiment').selectOption(EXPERIMENT);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-row"]').length === 2);
    await e2e.screenshot(page, 'runs-1-list');
    for (const box of await page.getByTestId('run-select').all()) await box.check();
    await page.getByTestId('runs-compare').click();
    await page.getByTestId('compare-params').waitFor();
    expect(new URL(page.url()).searchParams.get('compare')?.split(',').sort()).toEqual([ids.baseline, ids.gpuRun].sort());
    const rows = await page.getByTestId('param-row').evaluateAll((trs) => trs.map((tr) => [tr.children[0].textContent, tr.getAttribute('data-differs')]));
    expect(rows).toEqual([['lr', 'true'], ['seed', 'false']]);
    await page.locator('[data-testid="compare-chart"] path.series').first().waitFor();
    expect(await page.getByTestId('compare-chart').locator('figcaption').allTextContents()).toEqual(['accuracy', 'loss']);
    const lines = await drawnPaths(page, 'compare-chart');
    expect(lines).toHaveLength(4); // 2 metrics × 2 runs
    expect(lines.every((l) => l.points > 100 && l.d > 500)).toBe(true);
    // 1,500 logged points (1,000 sent by the server), thinned (LTTB) to the plot's pixels
    const chartWidth = await page.locator('[data-testid="compare-chart"] svg').first().evaluate((svg) => svg.clientWidth);
    expect(chartWidth).toBeLessThan(1000);
    expect(Math.max(...lines.map((l) => l.points))).toBeLessThanOrEqual(chartWidth);
    await page.getByTestId('compare-chart-hover').first().hover();
    await page.getByRole('tooltip').waitFor();
    const tip = await page.getByRole('tooltip').textContent();
    expect(tip).toMatch(/baseline: \d/);
    expect(tip).toMatch(/wide-gpu: \d/);
    await e2e.screenshot(page, 'runs-2-compare');
    // Back to the list: the two runs are still ticked (the selection is in the URL); forward again.
    await page.goBack();
    await page.getByTestId('runs-table').waitFor();
    await expect.poll(() => page.getByTestId('runs-compare').isEnabled()).toBe(true);
    expect(await page.getByTestId('run-select').evaluateAll((boxes) => boxes.filter((b) => (b as HTMLInputElement).checked).length)).toBe(2);
    await page.goForward();
    await page.getByTestId('compare-params').waitFor();
    // "Only differing params" is in the URL (a reload keeps it); "All runs" goes back to the filtered list, the runs still ticked
    await page.getByTestId('compare-only-diff').check();
    await page.reload();
    await page.getByTestId('compare-params').waitFor();
    expect(await page.getByTestId('compare-only-diff').isChecked()).toBe(true);
    expect(await page.getByTestId('param-row').count()).toBe(1);
    await page.getByTestId('compare-back').click();
    await page.getByTestId('runs-table').waitFor();
    expect(new URL(page.url()).searchParams.get('experiment')).toBe(EXPERIMENT);
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(2);
    expect(await page.getByTestId('run-select').evaluateAll((boxes) => boxes.filter((b) => (b as HTMLInputElement).checked).length)).toBe(2);
    await page.getByTestId('runs-compare').click();
    await page.getByTestId('compare-params').waitFor();

    await page.getByRole('link', { name: 'wide-gpu' }).click();
    await page.getByTestId('run-params').waitFor();
    expect(await page.getByTestId('run-params').textContent()).toContain('0.01');
    const runNode = encodeURIComponent(`run:${ids.gpuRun}`);
    expect(await page.getByTestId('run-lineage-link').getAttribute('href')).toBe(`/lineage?node=${runNode}&sel=${runNode}`);
    await page.locator('[data-testid="run-metric-chart"] path.series').first().waitFor();
    expect(await page.getByTestId('run-metric-chart').count()).toBe(2);
    await page.locator('[data-testid="gpu-chart"] path.series').waitFor();
    await e2e.screenshot(page, 'runs-3-detail');
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('shows Run and Experiment sections in the lineage details panel, linking back to the runs pages', async () => {
    const runNode = encodeURIComponent(`run:${ids.gpuRun}`);
    const page = await e2e.page(`/lineage?node=${runNode}&sel=${runNode}`);
    const section = page.getByTestId('details-run');
    await section.getByTestId('run-status').waitFor();
    expect(await section.textContent()).toMatch(/lr = 0\.01.*accuracy = 0\.88/s);
    await e2e.screenshot(page, 'runs-10-details-run');
    await page.goto(`${e2e.loom.url}/lineage?node=${runNode}&sel=${encodeURIComponent(`experiment:registry:${EXPERIMENT}`)}`);
    await page.getByTestId('details-experiment').getByText('2 runs').waitFor();
    await page.getByTestId('details-open-experiment').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-row"]').length === 2);
    expect(new URL(page.url()).searchParams.get('experiment')).toBe(EXPERIMENT);
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('shows a run\'s GPU use and series, per metric, downsampled to the chart width; and one GPU by UUID', async () => {
    const page = await e2e.page(`/gpu?run=${ids.gpuRun}`);
    await page.getByTestId('gpu-summary').getByTestId('gpu-count').waitFor();
    expect(await page.getByTestId('gpu-count').textContent()).toBe('1');
    expect(Number(await page.getByTestId('gpu-hours').textContent())).toBeGreaterThan(0.3);
    expect(await page.getByTestId('gpu-mean-util').textContent()).toMatch(/^\d+(\.\d)? %$/);
    await page.locator('[data-testid="gpu-chart"] path.series').waitFor();
    await page.getByTestId('gpu-live').waitFor(); // still running: the series are read again periodically
    const util = await drawnPaths(page, 'gpu-chart');
    expect(util).toHaveLength(1);
    expect(util[0].points).toBeGreaterThan(10);
    const plotWidth = await page.locator('[data-testid="gpu-chart"] svg').evaluate((svg) => svg.clientWidth);
    expect(util[0].points).toBeLessThanOrEqual(plotWidth); // at most one point per pixel
    await page.getByTestId('gpu-metric').selectOption('POWER');
    await page.getByText('gpu-node-7 #0 · churn-train-0').first().waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="gpu-chart"] figcaption')?.textContent === 'Power');
    expect(new URL(page.url()).searchParams.get('metric')).toBe('POWER');
    await e2e.screenshot(page, 'runs-4-gpu-run');

    await page.getByTestId('gpu-device').filter({ hasText: GPU.uuid }).click();
    await page.waitForFunction((uuid) => new URL(location.href).searchParams.get('gpu') === uuid, GPU.uuid);
    await page.locator('[data-testid="gpu-chart"] path.series').waitFor();
    // the run box says the run shown, none here (it kept the run first typed)
    const runBox = () => page.getByTestId('gpu-run-input').inputValue();
    expect(await runBox()).toBe(new URL(page.url()).searchParams.get('run') ?? '');
    await e2e.screenshot(page, 'runs-5-gpu-device');
    // The GPU leads back to its run (the kubernetes run facet names its pod): the device's run link opens the run's GPUs.
    const device = page.getByTestId('gpu-device').filter({ hasText: GPU.uuid }).locator('xpath=..');
    await device.getByTestId('gpu-run-link').filter({ hasText: 'wide-gpu' }).click();
    await page.waitForFunction((run) => new URL(location.href).searchParams.get('run') === run, ids.gpuRun);
    expect(new URL(page.url()).searchParams.get('gpu')).toBeNull();
    await page.getByTestId('gpu-count').waitFor();
    expect(await runBox()).toBe(ids.gpuRun);
    expect(await page.getByTestId('gpu-runs').getByTestId('gpu-run-link').filter({ hasText: 'wide-gpu' }).count()).toBe(1);
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('shows the GPU use of the demo GPU run (2 GPUs, both drawn)', async () => {
    const page = await e2e.page(`/gpu?run=${DEMO_GPU_RUN}&metric=MEMORY_USED`);
    await page.getByTestId('gpu-count').waitFor();
    expect(await page.getByTestId('gpu-count').textContent()).toBe('2');
    expect(Number(await page.getByTestId('gpu-hours').textContent())).toBeCloseTo(2.46, 1);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="gpu-chart"] path.series').length === 2);
    expect(await page.getByTestId('gpu-chart').locator('.chart-legend').textContent()).toContain('gpu-a100-node-03 #0');
    await page.getByTestId('gpu-device').first().waitFor(); // seen within the default 7 days
    await e2e.screenshot(page, 'runs-11-gpu-demo-run');
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('submits a training request (server validation shown per field), watches it succeed with its log, and cancels a long one', async () => {
    const page = await e2e.page('/training/new');
    page.on('dialog', (d) => void d.accept());
    await page.getByTestId('training-image').fill('node:20-slim');
    await page.getByTestId('training-command').fill(`node -e "console.log('hello from loom training')"`);
    await page.getByTestId('training-experiment').fill(EXPERIMENT);
    await page.getByTestId('training-env').fill('LOOM_URL=http://elsewhere');
    await page.getByTestId('training-submit').click();
    await page.getByTestId('training-env-error').waitFor();
    expect(await page.getByTestId('training-env-error').textContent()).toContain('LOOM_URL is set by Loom');
    await e2e.screenshot(page, 'runs-6-training-invalid');
    await page.getByTestId('training-env').fill('GREETING=hi');
    await page.getByTestId('training-priority').selectOption('HIGH');
    await page.getByTestId('training-dataset-search').fill('customers_clean');
    await page.getByTestId('training-dataset-option').filter({ hasText: 'analytics.customers_clean' }).first().click();
    const datasets = await page.getByTestId('training-datasets').inputValue();
    expect(datasets).toMatch(/^dataset:.*customers_clean$/);
    await page.getByTestId('training-feature-group-search').fill('churn_features');
    await page.getByTestId('training-feature-group-option').first().click();
    const featureGroups = await page.getByTestId('training-featureGroups').inputValue();
    expect(featureGroups).toMatch(/^dataset:.*features\.customer_churn_features$/);
    await page.getByTestId('training-submit').click();
    await page.waitForURL(/\/training\/[^/]+$/);
    await page.locator('[data-testid="training-state"][data-state="SUCCEEDED"]').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('training-logs').filter({ hasText: 'hello from loom training' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('training-facts').textContent()).toContain(datasets);
    expect(await page.getByTestId('training-facts').textContent()).toContain(featureGroups);
    expect(await page.getByTestId('training-detail-priority').textContent()).toBe('High');
    await e2e.screenshot(page, 'runs-7-training-succeeded');

    // A distributed run: two workers, each told its rank; the logs of each worker.
    await page.goto(`${e2e.loom.url}/training/new`);
    await page.getByTestId('training-image').fill('node:20-slim');
    await page.getByTestId('training-name').fill('two-workers');
    await page.getByTestId('training-command').fill(`node -e "console.log('rank ' + process.env.RANK + ' of ' + process.env.WORLD_SIZE)"`);
    await page.getByTestId('training-workers').fill('2');
    await page.getByTestId('training-submit').click();
    await page.waitForURL(/\/training\/[^/]+$/);
    await page.locator('[data-testid="training-state"][data-state="SUCCEEDED"]').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('training-resources').textContent()).toContain('each of 2 workers');
    await page.getByTestId('training-logs').filter({ hasText: 'rank 0 of 2' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('training-log-worker').selectOption('1');
    await page.getByTestId('training-logs').filter({ hasText: 'rank 1 of 2' }).waitFor({ timeout: 15_000 });
    await e2e.screenshot(page, 'runs-7b-training-distributed');

    await page.goto(`${e2e.loom.url}/training/new`);
    await page.getByTestId('training-image').fill('node:20-slim');
    await page.getByTestId('training-name').fill('long-one');
    await page.getByTestId('training-command').fill(`node -e "console.log('sleeping'); setTimeout(() => {}, 600000)"`);
    await page.getByTestId('training-submit').click();
    await page.locator('[data-testid="training-state"][data-state="RUNNING"]').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('training-cancel').click();
    await page.locator('[data-testid="training-state"][data-state="CANCELLED"]').first().waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: /Training runs/ }).click();
    await page.getByTestId('training-row').filter({ hasText: 'long-one' }).locator('[data-testid="training-state"][data-state="CANCELLED"]').waitFor();
    await e2e.screenshot(page, 'runs-8-training-list');
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it('switches to Chinese', async () => {
    const page = await e2e.page('/runs');
    await page.getByTestId('lang-select').selectOption('zh');
    await page.waitForFunction(() => document.querySelector('[data-testid="page-heading"]')?.textContent === '运行');
    await page.goto(`${e2e.loom.url}/training`);
    await page.waitForFunction(() => document.querySelector('[data-testid="page-heading"]')?.textContent === '训练');
    await e2e.screenshot(page, 'runs-9-zh');
    await page.getByTestId('lang-select').selectOption('en');
    expect(e2e.pageErrors(page)).toEqual([]);
  });
});
