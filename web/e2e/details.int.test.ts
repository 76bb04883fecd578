/**
 * End to end: the lineage map's details panel on a real Loom (embedded engines, demo data) in Chromium:
 * a dataset's schema changes and lineage over time, the OpenLineage events a job received.
 * Screenshots land in test-results/e2e/.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_KEY, useE2E } from './testkit.js';

const e2e = useE2E();
const CUSTOMERS_CLEAN = 'dataset:hive://metastore.data.internal:9083:analytics.customers_clean';
const gql = <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> => e2e.gql<T>(query, variables);

describe('the details panel', () => {
  it('shows a dataset\'s schema changes in its details', async () => {
    const ns = 'postgres://e2e-db:5432';
    const event = (minute: number, fields: [string, string][]) => ({
      eventType: 'COMPLETE', eventTime: new Date(Date.UTC(2026, 10, 1, 0, minute)).toISOString(), producer: 'https://example.com/e2e', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: crypto.randomUUID() }, job: { namespace: 'e2e', name: 'load_orders' }, inputs: [],
      outputs: [{ namespace: ns, name: 'public.orders', facets: { schema: { _producer: 'x', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: fields.map(([name, type]) => ({ name, type })) } } }],
    });
    for (const body of [event(0, [['id', 'int'], ['total', 'int'], ['coupon', 'text']]), event(1, [['id', 'bigint'], ['total', 'int'], ['currency', 'text']])]) {
      const res = await fetch(`${e2e.loom.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify(body) });
      expect(res.status).toBe(201);
    }
    const id = `dataset:${ns}:public.orders`;
    const page = await e2e.page(`/lineage?node=${encodeURIComponent(id)}&sel=${encodeURIComponent(id)}`);
    const change = page.getByTestId('details-panel').getByTestId('details-schema-change');
    await change.first().waitFor();
    expect(await change.count()).toBe(1);
    const text = await change.textContent();
    expect(text).toContain('added currency text');
    expect(text).toContain('removed coupon');
    expect(text).toContain('retyped id int → bigint');
    // The dropped column (its HAS_FIELD edge ended at the second event) is listed after the current ones, marked with when.
    const panel = page.getByTestId('details-panel');
    expect(await panel.getByTestId('details-field').allTextContents()).toEqual(['currencytext', 'idbigint', 'totalint']);
    await expect.poll(() => panel.getByTestId('details-dropped-field').allTextContents()).toEqual(['coupondropped']);
    expect(await panel.getByTestId('details-dropped-field').getAttribute('title')).toMatch(/^Dropped from its writers' schema on .*2026/);
    await e2e.screenshot(page, '3b-schema-changes');
    // coupon added back: current again, marked with the time it was gone (its edge's gap)
    await fetch(`${e2e.loom.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify(event(2, [['id', 'bigint'], ['total', 'int'], ['currency', 'text'], ['coupon', 'text']])) });
    await page.reload();
    await expect.poll(() => panel.getByTestId('details-field').allTextContents()).toEqual(['couponadded backtext', 'currencytext', 'idbigint', 'totalint']);
    expect(await panel.getByTestId('details-field-back').getAttribute('title')).toMatch(/^Dropped from its writers' schema and added back: gone .*2026.* – .*2026/);
    expect(await panel.getByTestId('details-dropped-field').count()).toBe(0);
    // Its lineage over time: coupon dropped and back, currency added (what it had from the start is not listed)
    const changes = panel.getByTestId('details-lineage-change');
    await expect.poll(() => changes.count()).toBe(3);
    expect(await changes.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-change')} ${e.querySelector('button')?.textContent}`)))
      .toEqual(['AGAIN coupon', 'STOPPED coupon', 'STARTED currency']);
    await panel.getByTestId('details-lineage-history').scrollIntoViewIfNeeded();
    await e2e.screenshot(page, '3c-lineage-over-time');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows the OpenLineage events a job received, each as its emitter sent it', async () => {
    const up = await gql<{ lineage: { nodes: Array<{ node: { id: string; kind: string; namespace: string; name: string } }> } }>(
      'query($id: ID!) { lineage(nodeId: $id, direction: UPSTREAM, depth: 1) { nodes { node { id kind namespace name } } } }', { id: CUSTOMERS_CLEAN });
    const job = up.lineage.nodes.find((x) => x.node.kind === 'Job')!.node;
    const api = await gql<{ lineageEvents: { totalCount: number; events: unknown[] } }>(
      'query($ns: String, $name: String) { lineageEvents(jobNamespace: $ns, jobName: $name, first: 20) { totalCount events } }', { ns: job.namespace, name: job.name });
    expect(api.lineageEvents.totalCount).toBeGreaterThan(0);
    const page = await e2e.page(`/lineage?node=${encodeURIComponent(CUSTOMERS_CLEAN)}&sel=${encodeURIComponent(job.id)}`);
    const section = page.getByTestId('details-panel').getByTestId('details-events');
    await section.locator('.count').filter({ hasText: String(api.lineageEvents.totalCount) }).waitFor();
    expect(await section.locator('li').count()).toBe(api.lineageEvents.events.length);
    await section.locator('summary').first().click();
    const shown = await section.getByTestId('details-event-json').first().textContent();
    expect(JSON.parse(shown!)).toEqual(api.lineageEvents.events[0]);
    await e2e.screenshot(page, 'job-events');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('as of a time, says whether the node existed then and offers no change', async () => {
    const url = (asOf: string) => `/lineage?node=${encodeURIComponent(CUSTOMERS_CLEAN)}&sel=${encodeURIComponent(CUSTOMERS_CLEAN)}&asOf=${asOf}`;
    const page = await e2e.page(url('2020-01-01T00:00:00.000Z'));
    const panel = page.getByTestId('details-panel');
    await panel.getByTestId('details-past').waitFor();
    expect(await panel.getByTestId('details-past').textContent()).toMatch(/^On 2020-01-01 00:00:00 it did not exist yet \(first seen 2026-03-02 [\d:]+\)\. What follows is as it is now/);
    await panel.getByTestId('details-tags').waitFor();
    for (const control of ['details-delete', 'details-tag-add', 'about-edit-description']) expect(await panel.getByTestId(control).count(), control).toBe(0);
    await e2e.screenshot(page, 'details-as-of');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
    const then = await e2e.page(url('2026-03-02T03:30:00.000Z'));
    await expect.poll(() => then.getByTestId('details-past').textContent()).toMatch(/^On 2026-03-02 03:30:00 it existed\./);
    await then.close();
    // The current view offers the changes again.
    const now = await e2e.page(`/lineage?node=${encodeURIComponent(CUSTOMERS_CLEAN)}&sel=${encodeURIComponent(CUSTOMERS_CLEAN)}`);
    await now.getByTestId('details-tag-add').waitFor();
    expect(await now.getByTestId('details-past').count()).toBe(0);
    await now.close();
  });
});
