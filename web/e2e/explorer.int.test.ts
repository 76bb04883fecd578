/**
 * End to end: a real Loom (embedded engines, demo data) serving the built web app, driven by Chromium.
 * Screenshots land in test-results/e2e/.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY, useE2E } from './testkit.js';

interface DrawnNode { id: string; name: string; kind: string; x: number; y: number }
interface DrawnGraph { root: DrawnNode; upstream: DrawnNode[]; downstream: DrawnNode[]; count: number }

const e2e = useE2E();

/** The graph as drawn by Cytoscape, read through `window.__loomCy`. */
function readGraph(page: Page): Promise<DrawnGraph> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __loomCy: Core }).__loomCy;
    const box = cy.container()!.getBoundingClientRect();
    const describe = (node: NodeSingular) => {
      const at = node.renderedPosition();
      return { id: node.id(), name: node.data('label'), kind: node.data('kind'), x: box.left + at.x, y: box.top + at.y };
    };
    const root = cy.nodes('.root');
    return {
      root: describe(root[0]),
      upstream: root.predecessors('node').map(describe),
      downstream: root.successors('node').map(describe),
      count: cy.nodes().length,
    };
  });
}

describe('the lineage explorer', () => {
  it('signs in from the URL, finds a dataset, draws its lineage and shows node details', async () => {
    expect(e2e.loom.demoKey).toBe(DEMO_KEY);
    const page = await e2e.browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${e2e.loom.url}/#key=${e2e.loom.demoKey}`);
    await page.getByTestId('viewer').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('loom.key'))).toBe(DEMO_KEY);
    await expect(page.getByTestId('details-panel').textContent()).resolves.toContain('Click a node');

    await page.getByTestId('search-input').pressSequentially('customers_clean', { delay: 20 });
    const suggestion = page.getByTestId('search-suggestion').filter({ hasText: 'analytics.customers_clean' }).first();
    await suggestion.waitFor();
    await e2e.screenshot(page, '1-search');
    await suggestion.click();

    await page.waitForFunction(() => ((window as unknown as { __loomCy?: Core }).__loomCy?.nodes().length ?? 0) > 1);
    await page.getByTestId('loading').waitFor({ state: 'detached' });
    const graph = await readGraph(page);
    expect(graph.root.name).toBe('analytics.customers_clean');
    // The demo story: CRM source table → clean_customers → customers_clean → ... → churn features.
    expect(graph.upstream).toContainEqual(expect.objectContaining({ kind: 'Dataset', name: 'crm.public.customers' }));
    expect(graph.downstream).toContainEqual(expect.objectContaining({ name: 'features.customer_churn_features' }));
    expect(graph.upstream.every((n) => n.x < graph.root.x)).toBe(true);
    expect(graph.downstream.every((n) => n.x > graph.root.x)).toBe(true);
    await e2e.screenshot(page, '2-lineage');

    const target = graph.downstream.find((n) => n.kind === 'Dataset') ?? graph.downstream[0];
    await page.mouse.click(target.x, target.y);
    const details = page.getByTestId('details-panel');
    await details.getByTestId('details-name').filter({ hasText: target.name }).waitFor();
    await expect(details.textContent()).resolves.toContain(target.id);
    await e2e.screenshot(page, '3-details');

    await details.getByRole('button', { name: 'Open lineage from here' }).click();
    await page.waitForFunction(
      (id) => (window as unknown as { __loomCy: Core }).__loomCy.nodes('.root').first().id() === id,
      target.id,
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('asks for a key again when the server rejects it', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.loom.url}/#key=not-a-valid-key-0000000000`);
    const form = page.getByTestId('sign-in-form');
    await form.getByText('rejected').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('loom.key'))).toBeNull();
    await e2e.screenshot(page, '4-sign-in');

    await page.getByTestId('api-key-input').fill(DEMO_KEY);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('viewer').waitFor();
    await page.close();
  });
});
