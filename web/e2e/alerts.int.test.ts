/**
 * End to end: the alerts page in Chromium on a real Loom whose workers evaluate every second. An
 * editor previews a GPU rule on samples an OTel Collector would send, creates it, sees its alert
 * fire (and reach a Slack stand-in through a webhook added on the page), pauses the rule (the alert
 * resolves, and its history says why), then deletes it; the demo's own LLM error rate rule fires beside it.
 * Screenshots land in test-results/e2e/alerts-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_KEY, useE2E } from './testkit.js';
import { DCGM_RESOURCE, dcgmLabels, gaugeRequest } from '../../server/src/domain/telemetry/metrics-testkit.js';
import { runNodeId, trainingAccountId, TRAINING_NAMESPACE } from '../../server/src/domain/ids.js';

const e2e = useE2E({ LOOM_ALERT_INTERVAL_SECONDS: '1' });
const RUN = 'e2e-idle-run-0001';
const GPU = { uuid: 'GPU-e2e00000-0000-4000-8000-0000000a1e75', index: '0', host: 'gpu-node-e2e', namespace: 'e2e-ml', pod: 'idle-train-0' };

/** A Slack stand-in: keeps the messages posted to it. */
const slackMessages: string[] = [];
const slack = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => { slackMessages.push(body); res.writeHead(200).end('ok'); });
});

describe('alerts page', () => {
  beforeAll(() => new Promise<void>((r) => slack.listen(0, '127.0.0.1', r)));
  afterAll(() => new Promise((r) => slack.close(r)));

  it('previews and creates a GPU rule, shows its alert firing, then pausing resolves it', async () => {
    const now = Date.now();
    const samples = Array.from({ length: 12 }, (_, i) => ({ name: 'DCGM_FI_DEV_GPU_UTIL', timeMs: now - (12 - i) * 15_000, value: 3, labels: dcgmLabels(GPU) }));
    const res = await fetch(`${e2e.loom.url}/v1/metrics`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify(gaugeRequest(samples, DCGM_RESOURCE)) });
    expect(res.status).toBe(200);

    // A training run holding quota in the GPU's pod, as the training service records it: the alert is tied to it.
    await e2e.loom.services.graph.write('demo', {
      nodes: [
        { id: trainingAccountId('demo'), kind: 'TrainingRequest', namespace: TRAINING_NAMESPACE, name: 'account' },
        { id: runNodeId(RUN), kind: 'Run', namespace: TRAINING_NAMESPACE, name: RUN, props: { runId: RUN, 'k8s.namespace': GPU.namespace, 'k8s.pod': GPU.pod, 'at.START': new Date(now - 600_000).toISOString() } },
      ],
      edges: [{ kind: 'DISPATCHED', from: trainingAccountId('demo'), to: runNodeId(RUN) }],
    });
    // and its pod, as the training runner indexes it (server/src/workers/training.kubernetes.int.test.ts runs the runner itself)
    await e2e.loom.services.runPods.record('demo', [{ runId: RUN, namespace: GPU.namespace, pods: [GPU.pod] }]);
    const page = await e2e.page('/alerts');
    await page.getByTestId('alert-rule').first().waitFor(); // the demo's rules

    // Alerts to a Slack channel (a stand-in here): an admin adds the webhook.
    await page.getByTestId('no-webhooks').waitFor();
    await page.getByTestId('webhook-url').fill(`http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T0/B0/x`);
    await page.getByTestId('webhook-format').selectOption('SLACK');
    await page.getByTestId('webhook-add').click();
    await page.getByTestId('webhook-row').waitFor();
    expect(await page.getByTestId('webhook-row').textContent()).toContain('Slack message');
    expect(await page.getByTestId('webhook-row').textContent()).toContain('ALERT_FIRING, ALERT_RESOLVED');
    // A test message first: the channel gets it at once, and the row says what it answered.
    await page.getByTestId('webhook-test').click();
    await page.getByTestId('webhook-test-result').waitFor();
    expect(await page.getByTestId('webhook-test-result').textContent()).toBe('test delivered (200)');
    expect(JSON.parse(slackMessages.at(-1)!).text).toBe(':wave: A test from Loom by demo for tenant demo: this destination gets ALERT_FIRING, ALERT_RESOLVED');
    await expect.poll(() => page.getByTestId('webhook-last-delivery').textContent()).toContain('WEBHOOK_TEST');
    await page.getByTestId('rule-name').fill('E2E idle GPU');
    await page.getByTestId('rule-threshold').fill('10');
    await page.getByTestId('rule-for').fill('0');
    await page.getByTestId('rule-labels').fill('namespace=e2e-ml');
    await page.getByTestId('rule-preview').click();
    const preview = page.getByTestId('preview-series');
    await preview.first().waitFor();
    expect(await preview.count()).toBe(1);
    expect(await preview.first().getAttribute('data-breaching')).toBe('true');
    expect(await preview.first().textContent()).toContain(`pod=${GPU.pod}`);
    await e2e.screenshot(page, 'alerts-1-preview');

    // A bad labels line is named before anything is sent.
    await page.getByTestId('rule-labels').fill('namespace');
    await page.getByTestId('rule-create').click();
    await expect.poll(() => page.getByTestId('rule-form-error').textContent()).toContain('line 1');
    await page.getByTestId('rule-labels').fill('namespace=e2e-ml');
    await page.getByTestId('rule-create').click();
    const rule = page.getByTestId('alert-rule').filter({ hasText: 'E2E idle GPU' });
    await rule.waitFor();
    expect(await rule.textContent()).toContain('average utilization < 10 over 5 min, for 0 s');

    const open = page.getByTestId('open-alert').filter({ hasText: 'E2E idle GPU' });
    await expect.poll(async () => { await page.getByRole('button', { name: 'Refresh' }).click(); return open.count(); }, { timeout: 15_000 }).toBe(1);
    expect(await open.first().getAttribute('data-state')).toBe('FIRING');
    expect(await open.first().textContent()).toMatch(/critical|warning/);
    expect(await open.first().textContent()).toContain('3 < 10');
    await expect.poll(() => slackMessages.map((m) => JSON.parse(m).text).find((x: string) => x.includes('E2E idle GPU')), { timeout: 15_000 })
      .toContain('*[WARNING] E2E idle GPU* firing in demo: `namespace=e2e-ml pod=idle-train-0 ');
    await page.reload();
    await expect.poll(() => page.getByTestId('webhook-last-delivery').textContent()).toContain('delivered (200)');
    await e2e.screenshot(page, 'alerts-2-firing');
    // The alert's run: its page lists the alert.
    await open.first().getByTestId('alert-run-link').click();
    await page.getByTestId('node-alert').first().waitFor();
    expect(await page.getByTestId('node-alert').first().getAttribute('data-state')).toBe('FIRING');
    expect(await page.getByTestId('node-alerts').textContent()).toContain('E2E idle GPU');
    // And the lineage map's details panel of the run.
    await page.getByTestId('run-lineage-link').click();
    await page.getByTestId('details-panel').getByTestId('node-alert').first().waitFor();
    expect(await page.getByTestId('details-panel').getByTestId('node-alerts').textContent()).toContain('E2E idle GPU');
    await e2e.screenshot(page, 'alerts-2b-details-panel');
    await page.goBack();
    await page.goBack();
    await rule.waitFor();

    // Silence for an hour, then end it.
    await rule.getByTestId('rule-silence').click();
    await expect.poll(() => rule.getByTestId('rule-silenced').count()).toBe(1);
    expect(await rule.textContent()).toContain('its alerts are recorded, not sent');
    await rule.getByTestId('rule-silence').click();
    await expect.poll(() => rule.getByTestId('rule-silenced').count()).toBe(0);

    await rule.getByTestId('rule-toggle').click();
    await expect.poll(() => rule.textContent()).toContain('Paused');
    await expect.poll(() => open.count()).toBe(0);
    await rule.getByTestId('rule-history').click();
    const history = page.getByTestId('history-alert');
    await history.first().waitFor();
    expect(await history.first().getAttribute('data-state')).toBe('RESOLVED');
    expect(await history.first().textContent()).toContain('rule paused');
    await e2e.screenshot(page, 'alerts-3-history');

    // Edit: the form takes the rule's fields; Save replaces them.
    await rule.getByTestId('rule-edit').click();
    await expect.poll(() => page.getByTestId('new-alert-rule').locator('h3').textContent()).toContain('Edit rule "E2E idle GPU"');
    expect(await page.getByTestId('rule-labels').inputValue()).toBe('namespace=e2e-ml');
    await page.getByTestId('rule-threshold').fill('50');
    await page.getByTestId('rule-create').click();
    await expect.poll(() => rule.textContent()).toContain('average utilization < 50 over 5 min');
    await expect.poll(() => page.getByTestId('new-alert-rule').locator('h3').textContent()).toBe('New rule');

    page.once('dialog', (d) => void d.accept());
    await rule.getByTestId('rule-delete').click();
    await expect.poll(() => rule.count()).toBe(0);
    // The demo's LLM error rate rule fired meanwhile (3 of its 30 calls failed): the page shows it too.
    await expect.poll(async () => { await page.getByRole('button', { name: 'Refresh' }).click(); return page.getByTestId('open-alert').filter({ hasText: 'churn-explainer LLM error rate' }).count(); }, { timeout: 15_000 }).toBe(1);
    await e2e.screenshot(page, 'alerts-4-demo');

    // A second webhook for the datasets' schema changes only.
    await page.getByTestId('webhook-url').fill('https://hooks.example.com/schema-changes');
    await page.getByTestId('webhook-events').selectOption('schema');
    await page.getByTestId('webhook-add').click();
    await expect.poll(() => page.getByTestId('webhook-row').count()).toBe(2);
    expect(await page.getByTestId('webhook-row').filter({ hasText: 'schema-changes' }).textContent()).toContain('DATASET_SCHEMA_CHANGED');
    // A third for critical alerts only (a pager's): the row says so.
    await page.getByTestId('webhook-url').fill('https://pager.example.com/hook');
    await page.getByTestId('webhook-events').selectOption('alerts');
    await page.getByTestId('webhook-min-severity').selectOption('CRITICAL');
    await page.getByTestId('webhook-add').click();
    await expect.poll(() => page.getByTestId('webhook-row').count()).toBe(3);
    expect(await page.getByTestId('webhook-row').filter({ hasText: 'pager.example.com' }).getByTestId('webhook-events-cell').textContent()).toBe('ALERT_FIRING, ALERT_RESOLVEDalerts: critical and above');
    expect(e2e.pageErrors(page)).toEqual([]);
  });

  it("creates a feature group rule and a tag rule from the form: the demo's pii column reaches a column nobody tagged", async () => {
    const page = await e2e.page('/alerts');
    await page.getByTestId('alert-rule').first().waitFor();
    // A feature group's null rate (the form once sent FEATURES rules a metric and an aggregation, which the server refuses).
    await page.getByTestId('rule-name').fill('E2E null emails');
    await page.getByTestId('rule-source').selectOption('FEATURES');
    await page.getByTestId('rule-measure').selectOption('FEATURE_NULL_RATE');
    await page.getByTestId('rule-labels').fill('group=dataset:features:customer_churn_features\nfeature=tenure_days');
    await page.getByTestId('rule-threshold').fill('0.5');
    await page.getByTestId('rule-create').click();
    await page.getByTestId('alert-rule').filter({ hasText: 'E2E null emails' }).waitFor();

    await page.getByTestId('rule-name').fill('E2E PII spreads');
    await page.getByTestId('rule-source').selectOption('TAGS');
    expect(await page.getByTestId('rule-measure').inputValue()).toBe('UNTAGGED_DOWNSTREAM');
    await page.getByTestId('rule-labels').fill('tag=pii');
    await page.getByTestId('rule-for').fill('0');
    await page.getByTestId('rule-preview').click();
    const preview = page.getByTestId('preview-series');
    await preview.first().waitFor();
    expect(await preview.first().getAttribute('data-breaching')).toBe('true');
    expect(await preview.first().textContent()).toContain('tag=pii');
    await page.getByTestId('rule-create').click();
    await page.getByTestId('alert-rule').filter({ hasText: 'E2E PII spreads' }).waitFor();
    await e2e.loom.services.alerts.evaluateTenant('demo');
    const open = page.getByTestId('open-alert').filter({ hasText: 'E2E PII spreads' });
    await expect.poll(async () => { await page.getByRole('button', { name: 'Refresh' }).click(); return open.count(); }, { timeout: 15_000 }).toBe(1);
    expect(await open.first().getAttribute('data-state')).toBe('FIRING');
    await e2e.screenshot(page, 'alerts-4-tag-rule');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("a viewer reads alerts but gets no rule form", async () => {
    const viewer = await e2e.loom.services.tenancy.createApiKey('demo', 'viewer');
    const page = await e2e.page('/alerts', viewer);
    await page.getByTestId('alerts-editors-only').waitFor();
    expect(await page.getByTestId('new-alert-rule').count()).toBe(0);
    expect(await page.getByTestId('nav-alerts').count()).toBe(1);
    await page.close();
  });
});
