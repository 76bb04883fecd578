/**
 * End to end: a real Loom (embedded engines, demo data) serving the built web app, driven by Chromium.
 * Screenshots land in test-results/e2e/.
 */
import { readFile } from 'node:fs/promises';
import type { Core, NodeSingular } from 'cytoscape';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY, useE2E } from './testkit.js';
import { drawn, draws } from './graph-probe.js';

interface DrawnNode { id: string; name: string; kind: string; x: number; y: number }
interface DrawnGraph { root: DrawnNode; upstream: DrawnNode[]; downstream: DrawnNode[]; count: number }

const e2e = useE2E();
const CUSTOMERS_CLEAN = 'dataset:hive://metastore.data.internal:9083:analytics.customers_clean';
const CRM_CUSTOMERS = 'dataset:postgres://crm-db.prod.internal:5432:crm.public.customers';

/** The graph as drawn by Cytoscape, read through `window.__loomCy`. */
function readGraph(page: Page): Promise<DrawnGraph> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __loomCy: Core }).__loomCy;
    const box = cy.container()!.getBoundingClientRect();
    const describe = (node: NodeSingular) => {
      const at = node.renderedPosition();
      return { id: node.id(), name: node.data('name'), kind: node.data('kind'), x: box.left + at.x, y: box.top + at.y };
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

/** Drawn node ids with model positions. */
function positions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => Object.fromEntries((window as unknown as { __loomCy: Core }).__loomCy.nodes().map((n) => [n.id(), { ...n.position() }])));
}

/**
 * Opens the map on `root` with `selected` selected and presses Columns: the Field nodes drawn, beside
 * those the API's column lineage of `selected` names (both sorted), and its edges.
 */
async function openColumns(root: string, selected: string) {
  const page = await e2e.page(`/lineage?node=${encodeURIComponent(root)}&sel=${encodeURIComponent(selected)}`);
  await drawn(page);
  const n = await draws(page);
  await page.getByTestId('open-columns').click();
  await drawn(page, n + 1);
  expect(new URL(page.url()).searchParams.get('view')).toBe('columns');
  const drawnFields = await page.evaluate(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes('.kind-Field').map((f) => f.id()));
  const api = await gql<{ columnLineage: { nodes: Array<{ node: { id: string; kind: string } }>; edges: Array<{ kind: string }> } }>(
    'query($id: ID!) { columnLineage(nodeId: $id, depth: 3, limit: 1000) { nodes { node { id kind } } edges { kind } } }', { id: selected });
  const apiFields = api.columnLineage.nodes.filter((x) => x.node.kind === 'Field').map((x) => x.node.id);
  return { page, drawnFields: drawnFields.sort(), apiFields: apiFields.sort(), edges: api.columnLineage.edges };
}

const gql = <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> => e2e.gql<T>(query, variables);

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

    await drawn(page);
    expect(new URL(page.url()).searchParams.get('node')).toBe(CUSTOMERS_CLEAN);
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
    await details.getByTestId('details-versions').waitFor();
    // The events that wrote or read it, as received (GraphQL lineageEvents by dataset).
    const { node } = await gql<{ node: { namespace: string; name: string } }>('query($id: ID!) { node(id: $id) { namespace name } }', { id: target.id });
    const received = await gql<{ lineageEvents: { totalCount: number } }>(
      'query($ns: String, $n: String) { lineageEvents(datasetNamespace: $ns, datasetName: $n) { totalCount } }', { ns: node.namespace, n: node.name });
    await details.getByTestId('details-events').locator('.count').filter({ hasText: String(received.lineageEvents.totalCount) }).waitFor();
    expect(received.lineageEvents.totalCount).toBeGreaterThan(0);
    // Its schema changes between versions, as the API lists them.
    const { schemaChanges } = await gql<{ schemaChanges: unknown[] }>('query($id: ID!) { schemaChanges(nodeId: $id) { at } }', { id: target.id });
    await details.getByTestId('details-schema-changes').locator('.count').filter({ hasText: String(schemaChanges.length) }).waitFor();
    await e2e.screenshot(page, '3-details');

    await details.getByRole('button', { name: 'Open lineage from here' }).click();
    await page.waitForFunction(
      (id) => (window as unknown as { __loomCy: Core }).__loomCy.nodes('.root').first().id() === id,
      target.id, { timeout: 10_000 },
    ).catch(async (e: Error) => {
      throw new Error(e.message + await page.evaluate(() => JSON.stringify({ url: location.href, root: (window as unknown as { __loomCy: Core }).__loomCy.nodes('.root').map((n) => n.id()), text: document.querySelector('.graph-area')?.textContent })));
    });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('narrows search suggestions with the kind chips', async () => {
    const page = await e2e.page('/lineage');
    await page.getByTestId('search-kind-models').click();
    await page.getByTestId('search-input').fill('churn');
    await page.getByTestId('search-suggestion').first().waitFor();
    const kinds = await page.getByTestId('search-suggestion').locator('.kind-badge').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k === 'Model' || k === 'ModelVersion')).toBe(true);
    // Another chip narrows the open suggestions again (they stay open: the chip does not take the focus).
    await page.getByTestId('search-kind-jobs').click();
    await page.waitForFunction(() => {
      const badges = [...document.querySelectorAll('[data-testid="search-suggestion"] .kind-badge')];
      return badges.length > 0 && badges.every((e) => e.getAttribute('title')?.startsWith('Job'));
    });
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('expands one hop at a time without moving drawn nodes, collapses, and keeps it all in the URL', async () => {
    const page = await e2e.page(`/lineage?node=${encodeURIComponent(CUSTOMERS_CLEAN)}&depth=1&direction=UPSTREAM`);
    await drawn(page);
    const first = await positions(page);
    const job = Object.keys(first).find((id) => id.startsWith('job:'))!;
    expect(Object.keys(first)).toHaveLength(2); // the root and the job that writes it

    await page.goto(`${page.url()}&sel=${encodeURIComponent(job)}`);
    await drawn(page);
    const before = await positions(page);
    const n = await draws(page);
    await page.getByTestId('expand-upstream').click();
    await drawn(page, n + 1);
    // The page may still have a draw of its own pending when `n` was read: wait for the expansion itself.
    await page.waitForFunction((count) => (window as unknown as { __loomCy: Core }).__loomCy.nodes().length > count, Object.keys(before).length);
    const after = await positions(page);
    const added = Object.keys(after).filter((id) => !(id in before));
    expect(added.length).toBeGreaterThan(0);
    expect(added).toContain(CRM_CUSTOMERS);
    for (const id of Object.keys(before)) expect(after[id]).toEqual(before[id]); // drawn nodes never move
    for (const id of added) expect(after[id].x).toBeLessThan(after[job].x); // upstream lands left of its anchor
    expect(new URL(page.url()).searchParams.get('exp')).toMatch(/^u1:/);
    await e2e.screenshot(page, '5-expanded');

    await page.reload();
    await drawn(page);
    await page.waitForFunction((count) => (window as unknown as { __loomCy: Core }).__loomCy.nodes().length === count, Object.keys(after).length);

    await page.getByTestId('collapse').click();
    await page.waitForFunction((count) => (window as unknown as { __loomCy: Core }).__loomCy.nodes().length === count, 2);
    expect(new URL(page.url()).searchParams.get('exp')).toBeNull();
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('groups the nodes of one kind in one namespace into clusters, opens one with a tap, and regroups', async () => {
    const page = await e2e.page(`/lineage?node=${encodeURIComponent(CUSTOMERS_CLEAN)}`);
    await drawn(page);
    const ungrouped = (await positions(page));
    await page.getByTestId('group-by-namespace').check();
    await page.waitForFunction(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes('.cluster').length > 0);
    expect(new URL(page.url()).searchParams.get('group')).toBe('1');
    const clusters = await page.evaluate(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes('.cluster').map((n) => ({ id: n.id(), label: n.data('label') as string, hidden: n.data('hidden') as number })));
    const count = await page.evaluate(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes().length);
    expect(count).toBeLessThan(Object.keys(ungrouped).length);
    // Every node is drawn as itself or inside a cluster.
    expect(count - clusters.length + clusters.reduce((sum, c) => sum + c.hidden, 0)).toBe(Object.keys(ungrouped).length);
    expect(clusters[0].label).toMatch(/^\d+ × \w+ · /);
    expect(Object.keys(await positions(page))).toContain(CUSTOMERS_CLEAN); // the root is never in a cluster
    await e2e.screenshot(page, '5b-grouped');

    const first = clusters[0];
    await page.evaluate((id) => { (window as unknown as { __loomCy: Core }).__loomCy.$id(id).emit('tap'); }, first.id);
    await page.waitForFunction((id) => (window as unknown as { __loomCy: Core }).__loomCy.$id(id).length === 0, first.id);
    expect(new URL(page.url()).searchParams.get('open')).toBe(encodeURIComponent(first.id.slice('cluster:'.length)));
    expect(await page.evaluate(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes().length)).toBe(count - 1 + first.hidden);
    await page.getByTestId('regroup').click();
    await page.waitForFunction((id) => (window as unknown as { __loomCy: Core }).__loomCy.$id(id).length === 1, first.id);
    expect(new URL(page.url()).searchParams.get('open')).toBeNull();
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows column-level lineage of a dataset', async () => {
    const { page, drawnFields, apiFields, edges } = await openColumns(CUSTOMERS_CLEAN, CUSTOMERS_CLEAN);
    expect(apiFields.length).toBeGreaterThan(0);
    expect(drawnFields).toEqual(apiFields);
    expect(edges.some((e) => e.kind === 'DERIVES')).toBe(true);
    await e2e.screenshot(page, '7-columns');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows column-level lineage of a job: the fields of the datasets it writes', async () => {
    const up = await gql<{ lineage: { nodes: Array<{ node: { id: string; kind: string } }> } }>(
      'query($id: ID!) { lineage(nodeId: $id, direction: UPSTREAM, depth: 1) { nodes { node { id kind } } } }', { id: CUSTOMERS_CLEAN });
    const job = up.lineage.nodes.find((x) => x.node.kind === 'Job')!.node.id;
    const { page, drawnFields, apiFields } = await openColumns(CUSTOMERS_CLEAN, job);
    expect(apiFields.some((id) => id.includes('customers_clean'))).toBe(true);
    expect(drawnFields).toEqual(apiFields);
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('travels in time: the graph as of a date before the story went on is smaller', async () => {
    const path = `/lineage?node=${encodeURIComponent(CUSTOMERS_CLEAN)}&direction=DOWNSTREAM&depth=10`;
    const page = await e2e.page(path);
    await drawn(page);
    const now = await readGraph(page);
    expect(now.downstream.map((d) => d.name)).toContain('reporting.churn_by_segment');

    const n = await draws(page);
    await page.getByTestId('as-of-input').fill('2026-03-02T03:30');
    await drawn(page, n + 1);
    await page.getByTestId('as-of-badge').waitFor();
    const asOf = new URL(page.url()).searchParams.get('asOf');
    expect(asOf).toBe(new Date(2026, 2, 2, 3, 30).toISOString());
    const then = await readGraph(page);
    expect(then.count).toBeLessThan(now.count);
    expect(then.downstream.map((d) => d.name)).not.toContain('reporting.churn_by_segment');
    expect(then.downstream.map((d) => d.name)).toContain('features.customer_churn_features'); // written at 03:00
    await e2e.screenshot(page, '8-as-of');

    await page.getByTestId('as-of-now').click();
    await page.waitForFunction((count) => (window as unknown as { __loomCy: Core }).__loomCy.nodes().length === count, now.count);
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('expands as of a date too: one hop of the graph as it was then', async () => {
    const asOf = '2026-03-02T03:30:00.000Z';
    const page = await e2e.page(`/lineage?node=${encodeURIComponent(CUSTOMERS_CLEAN)}&direction=DOWNSTREAM&depth=1&asOf=${asOf}`);
    await drawn(page);
    const builder = (await readGraph(page)).downstream.find((d) => d.name.startsWith('churn_feature_builder'));
    expect(builder).toBeDefined();
    await page.goto(`${page.url()}&sel=${encodeURIComponent(builder!.id)}`);
    await drawn(page);
    const n = await draws(page);
    await page.getByTestId('expand-downstream').click();
    await drawn(page, n + 1);
    const features = (await readGraph(page)).downstream.find((d) => d.name === 'features.customer_churn_features');
    expect(features).toBeDefined();
    // One more hop from the features: nothing read them at 03:30; today the training-set job does.
    const hop = async (url: string) => {
      await page.goto(`${url}&sel=${encodeURIComponent(features!.id)}`);
      await drawn(page);
      const before = await draws(page);
      await page.getByTestId('expand-downstream').click();
      await page.waitForFunction((b) => ((window as unknown as { __loomPerf: { draws: number } }).__loomPerf.draws) > b, before);
      await page.getByTestId('loading').waitFor({ state: 'detached' });
      return (await readGraph(page)).downstream.map((d) => d.name);
    };
    const base = page.url().replace(/&sel=[^&]*/, '');
    expect((await hop(base)).some((name) => name.startsWith('churn_training_set'))).toBe(false);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(asOf);
    expect((await hop(base.replace(/&asOf=[^&]*/, ''))).some((name) => name.startsWith('churn_training_set'))).toBe(true);
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows the impact of a change as counts per kind and distance', async () => {
    const page = await e2e.page(`/lineage?node=${encodeURIComponent(CUSTOMERS_CLEAN)}&view=impact`);
    await page.getByTestId('impact-table').waitFor();
    const api = await gql<{ impact: { total: number; groups: Array<{ kind: string; count: number }> } }>(
      'query($id: ID!) { impact(nodeId: $id, depth: 10) { total groups { kind count } } }', { id: CUSTOMERS_CLEAN });
    expect(api.impact.total).toBeGreaterThan(0);
    const perKind = new Map<string, number>();
    for (const g of api.impact.groups) perKind.set(g.kind, (perKind.get(g.kind) ?? 0) + g.count);
    for (const [kind, count] of perKind) {
      await expect(page.getByTestId(`impact-row-${kind}`).getByTestId('impact-count').textContent()).resolves.toBe(count.toLocaleString('en-GB'));
    }
    await expect(page.getByTestId('impact-total').textContent()).resolves.toContain(String(api.impact.total));
    // What the change would hit beyond the graph: the demo's 30 LLM calls (3 failed) and the challenger's GPU-hours.
    await page.getByTestId('impact-usage').waitFor();
    const usage = await page.getByTestId('impact-usage').textContent();
    expect(usage).toMatch(/served 30 LLM calls in the last 7 days \(3 failed/);
    expect(usage).toMatch(/runs downstream used \d+(\.\d+)? GPU-hours/);
    await e2e.screenshot(page, '9-impact');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('exports the view as JSON, filters by kind and speaks Chinese', async () => {
    const page = await e2e.page(`/lineage?node=${encodeURIComponent(CUSTOMERS_CLEAN)}`);
    await drawn(page);
    const count = (await readGraph(page)).count;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const view = JSON.parse(await readFile((await download.path())!, 'utf8')) as { format: string; root: string; nodes: Array<{ id: string; x: number }>; edges: unknown[] };
    expect(view.format).toBe('loom.lineage-view/v1');
    expect(view.root).toBe(CUSTOMERS_CLEAN);
    expect(view.nodes).toHaveLength(count);
    expect(view.nodes.every((n) => typeof n.x === 'number')).toBe(true);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);

    await page.getByTestId('kind-chip-Dataset').click();
    await page.waitForFunction(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes().filter((n) => n.data('kind') !== 'Dataset' && !n.hasClass('root')).empty());
    expect(new URL(page.url()).searchParams.get('kinds')).toBe('Dataset');

    await page.getByTestId('lang-select').selectOption('zh');
    await expect(page.getByTestId('view-graph').textContent()).resolves.toBe('图');
    await expect(page.getByTestId('export-json').getAttribute('aria-label')).resolves.toBe('导出 JSON');
    await e2e.screenshot(page, '10-zh');
    await page.getByTestId('lang-select').selectOption('en');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('lists the recently active jobs and datasets under the empty map, and opens one with a click', async () => {
    const page = await e2e.page('/lineage');
    const first = page.getByTestId('start-here-node').first();
    await first.waitFor();
    const { recentlyActive } = await gql<{ recentlyActive: { id: string }[] }>('{ recentlyActive(first: 8) { id } }', {});
    expect(await page.getByTestId('start-here-node').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-node-id')))).toEqual(recentlyActive.map((n) => n.id));
    await e2e.screenshot(page, '0-start-here');
    await first.click();
    await drawn(page);
    expect(new URL(page.url()).searchParams.get('node')).toBe(recentlyActive[0].id);
    expect(await page.getByTestId('start-here').count()).toBe(0);
    expect(e2e.pageErrors(page)).toEqual([]);
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
