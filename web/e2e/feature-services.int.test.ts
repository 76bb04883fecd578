/**
 * End to end: feature services on the features page in Chromium on a real Loom holding the demo story.
 * An editor defines one from the demo's churn group (the server refusing a mix of entity keys first),
 * sees it listed with its features and the Feast request that reads it, reads it through Feast's
 * API, replaces its features, and drops it; a viewer reads the list but gets no form and no Drop.
 * Screenshots: test-results/e2e/feature-services-*.png.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_KEY, useE2E } from './testkit.js';
import { DEMO_FEATURE_GROUP } from '../../server/src/app/demo/features.js';

const e2e = useE2E();
const FEAST_HINT = 'POST /get-online-features {"feature_service": "churn_model_v2", "entities": {"customer_id": [...]}}';

const readService = (name: string) => fetch(`${e2e.loom.url}/get-online-features`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` },
  body: JSON.stringify({ feature_service: name, entities: { customer_id: ['10001'] } }),
});

describe('feature services on the features page', () => {
  it('defines a service from ticked features, lists it with its Feast request, serves it through Feast, replaces and drops it', async () => {
    // A second group, about drivers: a service may not mix it with the customers' features.
    await e2e.gql(`mutation { defineFeatureGroup(input: { namespace: "shop", name: "features.driver_stats", entity: "driver_id", features: [
      { name: "conv_rate", type: FLOAT64 }, { name: "avg_daily_trips", type: INT64 } ] }) { id } }`);
    const page = await e2e.page('/features');
    await page.getByTestId('no-feature-services').waitFor();
    const form = page.getByTestId('feature-service-form');
    const churn = form.getByTestId('feature-service-group').filter({ hasText: DEMO_FEATURE_GROUP.name });
    const drivers = form.getByTestId('feature-service-group').filter({ hasText: 'features.driver_stats' });
    await churn.waitFor();
    await form.getByTestId('feature-service-name').fill('churn_model_v2');
    await form.getByTestId('feature-service-description').fill('What churn-classifier v2 reads');
    await churn.getByLabel('mrr', { exact: true }).check();
    await churn.getByLabel('tenure_days', { exact: true }).check();
    await drivers.getByLabel('conv_rate', { exact: true }).check();
    expect(await form.locator('legend').textContent()).toContain('3 picked');
    await form.getByTestId('feature-service-define').click();
    // The server's refusal, naming the field.
    expect(await form.getByTestId('feature-service-form-error').textContent()).toMatch(/^input\.features: the features are about different entities/);
    await form.getByTestId('feature-service-form-error').scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'feature-services-1-refused');

    await drivers.getByLabel('conv_rate', { exact: true }).uncheck();
    expect(await form.getByTestId('feature-service-form-error').count()).toBe(0);
    await form.getByTestId('feature-service-define').click();
    const service = page.getByTestId('feature-service').filter({ hasText: 'churn_model_v2' });
    await service.waitFor();
    expect(await service.getByTestId('feature-service-features').textContent()).toBe(`${DEMO_FEATURE_GROUP.name}: mrr, tenure_days`);
    expect(await service.getByTestId('feature-service-feast').textContent()).toBe(FEAST_HINT);
    expect(await service.textContent()).toContain('What churn-classifier v2 reads');
    // The form is empty again.
    expect(await form.getByTestId('feature-service-name').inputValue()).toBe('');
    expect(await churn.getByLabel('mrr', { exact: true }).isChecked()).toBe(false);
    await e2e.screenshot(page, 'feature-services-2-defined');

    // Feast's API serves it, in the order ticked.
    const res = await readService('churn_model_v2');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { metadata: { feature_names: string[] } };
    expect(body.metadata.feature_names).toEqual(['customer_id', 'mrr', 'tenure_days']);

    // The same name again replaces its features (the form says so).
    await form.getByTestId('feature-service-name').fill('churn_model_v2');
    expect(await form.getByTestId('feature-service-replace-hint').textContent()).toBe('Replaces the features of "churn_model_v2".');
    expect(await form.getByTestId('feature-service-define').textContent()).toBe('Replace');
    await churn.getByLabel('plan_tier', { exact: true }).check();
    await form.getByTestId('feature-service-define').click();
    await expect.poll(() => service.getByTestId('feature-service-features').textContent()).toBe(`${DEMO_FEATURE_GROUP.name}: plan_tier`);
    expect(await page.getByTestId('feature-service').count()).toBe(1);

    page.once('dialog', (d) => void d.accept());
    await service.getByTestId('feature-service-drop').click();
    await page.getByTestId('no-feature-services').waitFor();
    expect(await page.getByTestId('feature-service').count()).toBe(0);
    expect((await readService('churn_model_v2')).status).toBe(400);
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('a viewer reads the services but gets no form and no Drop', async () => {
    await e2e.gql('mutation ($input: FeatureServiceInput!) { defineFeatureService(input: $input) { id } }', {
      input: { name: 'churn_model_v3', features: [`${DEMO_FEATURE_GROUP.name}:mrr`, `${DEMO_FEATURE_GROUP.name}:sessions_7d`] },
    });
    const viewer = await e2e.loom.services.tenancy.createApiKey('demo', 'viewer');
    const page = await e2e.page('/features', viewer);
    await page.getByTestId('feature-services-editors-only').waitFor();
    const service = page.getByTestId('feature-service').filter({ hasText: 'churn_model_v3' });
    await service.waitFor();
    expect(await service.getByTestId('feature-service-features').textContent()).toBe(`${DEMO_FEATURE_GROUP.name}: mrr, sessions_7d`);
    expect(await page.getByTestId('feature-service-form').count()).toBe(0);
    expect(await page.getByTestId('feature-service-drop').count()).toBe(0);
    await page.getByTestId('feature-services').scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'feature-services-3-viewer');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });
});
