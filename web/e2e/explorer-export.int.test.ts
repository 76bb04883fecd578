/**
 * End to end: the lineage explorer's exports (GraphML, DOT, CSV of edges) checked against the graph
 * Cytoscape draws, and large answers grouped by namespace by themselves. Screenshots in test-results/e2e/.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EDGE_CSV_HEADER, csvField, dotQuote } from '../src/graph/export-formats.js';
import { drawn, draws } from './graph-probe.js';
import { DEMO_KEY, useE2E } from './testkit.js';

const e2e = useE2E();
const CUSTOMERS_CLEAN = 'dataset:hive://metastore.data.internal:9083:analytics.customers_clean';

interface ViewNode { id: string; kind: string; namespace: string; name: string; x: number; y: number; hidden: number | null }
interface ViewEdge { source: string; target: string; kind: string }

/** The nodes and edges Cytoscape draws, "N more" placeholders left out (clusters kept), as the exports describe them. */
function drawnView(page: Page): Promise<{ nodes: ViewNode[]; edges: ViewEdge[] }> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __loomCy: Core }).__loomCy;
    const nodes = cy.nodes().filter((n) => !n.hasClass('more') || n.hasClass('cluster')).map((n) => n.id());
    const ids = new Set(nodes);
    return {
      nodes: nodes.map((id) => cy.$id(id)).map((n) => ({ id: n.id(), kind: n.data('kind'), namespace: n.data('namespace'), name: n.data('name'), x: n.position('x'), y: n.position('y'), hidden: n.data('hidden') ?? null })),
      edges: cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id(), kind: e.data('kind') })).filter((e) => ids.has(e.source) && ids.has(e.target)),
    };
  });
}

/** Clicks an export button: the downloaded file's suggested name and text. */
async function download(page: Page, format: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/** A GraphML text parsed by the page's own DOMParser: nodes with their data by attribute name, edges. */
function parseGraphML(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const keys = new Map([...doc.getElementsByTagName('key')].map((k) => [k.getAttribute('id'), k.getAttribute('attr.name')!]));
    const values = (el: Element): Record<string, string> => Object.fromEntries([...el.getElementsByTagName('data')].map((d) => [keys.get(d.getAttribute('key'))!, d.textContent ?? '']));
    return {
      error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
      root: doc.documentElement.localName,
      edgedefault: doc.getElementsByTagName('graph')[0]?.getAttribute('edgedefault'),
      nodes: [...doc.getElementsByTagName('node')].map((n): Record<string, string> => ({ id: n.getAttribute('id')!, ...values(n) })) as Array<Record<string, string> & { id: string }>,
      edges: [...doc.getElementsByTagName('edge')].map((e): Record<string, string> => ({ source: e.getAttribute('source')!, target: e.getAttribute('target')!, ...values(e) })) as Array<Record<string, string> & ViewEdge>,
    };
  }, xml);
}

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
const edgeKey = (e: { source: string; target: string; kind: string }) => `${e.kind} ${e.source} -> ${e.target}`;
const round = (v: number) => Math.round(v * 10) / 10;
const cyNodeCount = (page: Page) => page.evaluate(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes().length);
const clusterCount = (page: Page) => page.evaluate(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes('.cluster').length);

describe('exporting the lineage view', () => {
  it('downloads the drawn nodes and edges as GraphML, DOT and a CSV of edges', async () => {
    const page = await e2e.page(`/lineage?node=${encodeURIComponent(CUSTOMERS_CLEAN)}`);
    await drawn(page);
    const view = await drawnView(page);
    expect(view.nodes.length).toBeGreaterThan(3);
    expect(view.edges.length).toBeGreaterThan(3);
    // A small answer is not grouped by itself.
    expect(await page.getByTestId('group-by-namespace').isChecked()).toBe(false);
    expect(await page.getByTestId('auto-grouped').count()).toBe(0);
    await e2e.screenshot(page, 'export-1-buttons');

    const graphml = await download(page, 'graphml');
    expect(graphml.name).toMatch(/^lineage-analytics\.customers_clean-.*\.graphml$/);
    const parsed = await parseGraphML(page, graphml.text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('graphml');
    expect(parsed.edgedefault).toBe('directed');
    expect(byId(parsed.nodes)).toEqual(byId(view.nodes).map((n) => ({
      id: n.id, kind: n.kind, namespace: n.namespace, name: n.name, distance: expect.any(String), x: String(round(n.x)), y: String(round(n.y)),
    })));
    expect(parsed.edges.map((e) => edgeKey(e)).sort()).toEqual(view.edges.map(edgeKey).sort());

    const dot = await download(page, 'dot');
    expect(dot.name).toMatch(/\.dot$/);
    expect(dot.text).toMatch(/^digraph lineage \{\n {2}rankdir=LR;\n/);
    for (const n of view.nodes) expect(dot.text).toContain(`${dotQuote(n.id)} [label=${dotQuote(`${n.name}\n${n.kind}`)}`);
    for (const e of view.edges) expect(dot.text).toContain(`${dotQuote(e.source)} -> ${dotQuote(e.target)} [label=${dotQuote(e.kind)}];`);
    expect(dot.text.split('\n').filter((line) => line.includes(' -> '))).toHaveLength(view.edges.length);

    const csv = await download(page, 'csv');
    expect(csv.name).toMatch(/\.csv$/);
    const [header, ...rows] = csv.text.split('\r\n');
    expect(header).toBe('from_id,from_kind,from_namespace,from_name,edge_kind,to_id,to_kind,to_namespace,to_name');
    expect(header.split(',')).toEqual([...EDGE_CSV_HEADER]);
    expect(rows.pop()).toBe(''); // the last row ends with CRLF too
    const nodes = new Map(view.nodes.map((n) => [n.id, n]));
    const end = (id: string) => [id, nodes.get(id)!.kind, nodes.get(id)!.namespace, nodes.get(id)!.name];
    expect(rows.sort()).toEqual(view.edges.map((e) => [...end(e.source), e.kind, ...end(e.target)].map(csvField).join(',')).sort());
    expect(rows.some((r) => r.includes('analytics.customers_clean'))).toBe(true);

    await page.getByTestId('lang-select').selectOption('zh');
    await expect(page.getByTestId('export-graphml').getAttribute('aria-label')).resolves.toBe('导出 GraphML');
    await expect(page.locator('.export-label').textContent()).resolves.toBe('导出');
    await page.getByTestId('lang-select').selectOption('en');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });
});

/**
 * A root dataset read by 10 jobs (3 job namespaces), each writing 30 datasets (4 storage namespaces):
 * more than 300 nodes within depth 2, and no hub (no node has 40 children), so all are drawn.
 */
const BIG_ROOT = { namespace: 's3://e2e-big-raw', name: 'events.all' };
const BIG_ROOT_ID = `dataset:${BIG_ROOT.namespace}:${BIG_ROOT.name}`;
async function postLargeLineage(): Promise<void> {
  const events = Array.from({ length: 10 }, (_, i) => ({
    eventType: 'COMPLETE', eventTime: `2026-03-06T01:${String(i).padStart(2, '0')}:00Z`, producer: 'https://example.com/e2e',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: randomUUID() }, job: { namespace: `e2e-big-etl-${i % 3}`, name: `split_${i}` },
    inputs: [BIG_ROOT],
    outputs: Array.from({ length: 30 }, (_, j) => ({ namespace: `s3://e2e-big-${(i + j) % 4}`, name: `events.part_${i}_${j}` })),
  }));
  const res = await fetch(`${e2e.loom.url}/api/v1/lineage/batch`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify(events),
  });
  expect(await res.json()).toMatchObject({ summary: { successful: 10, failed: 0 } });
}

describe('large lineage answers', () => {
  it('are grouped by namespace by themselves, with a notice; unticking draws every node until the root changes', async () => {
    await postLargeLineage();
    const api = await e2e.gql<{ lineage: { isPartial: boolean; nodes: Array<{ node: { id: string; kind: string } }> } }>(
      'query($id: ID!) { lineage(nodeId: $id, direction: BOTH, depth: 3, limit: 2500) { isPartial nodes { node { id kind } } } }', { id: BIG_ROOT_ID });
    expect(api.lineage.isPartial).toBe(false);
    const total = 1 + api.lineage.nodes.filter((n) => n.node.id !== BIG_ROOT_ID).length;
    expect(total).toBeGreaterThan(300);

    const page = await e2e.page(`/lineage?node=${encodeURIComponent(BIG_ROOT_ID)}`);
    await drawn(page);
    const checkbox = page.getByTestId('group-by-namespace');
    await expect(checkbox.isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('auto-grouped').textContent()).resolves.toBe(`Grouped by namespace: ${total.toLocaleString('en-GB')} nodes`);
    expect(new URL(page.url()).searchParams.get('group')).toBeNull(); // not a choice of the user's
    const grouped = await drawnView(page);
    const clusters = grouped.nodes.filter((n) => n.kind === 'Cluster');
    expect(clusters.length).toBeGreaterThan(0);
    expect(grouped.nodes.length).toBeLessThan(50);
    // Every node of the answer is drawn as itself or inside a cluster.
    expect(grouped.nodes.length - clusters.length + clusters.reduce((sum, c) => sum + (c.hidden ?? 0), 0)).toBe(total);
    expect(grouped.nodes.map((n) => n.id)).toContain(BIG_ROOT_ID);
    await e2e.screenshot(page, 'auto-group-1-grouped');
    // The grouped view exports as drawn: its clusters and how many nodes each holds.
    const parsed = await parseGraphML(page, (await download(page, 'graphml')).text);
    expect(parsed.nodes.filter((n) => n.kind === 'Cluster').map((n) => Number(n.members)).sort()).toEqual(clusters.map((c) => c.hidden).sort());

    await page.getByTestId('lang-select').selectOption('zh');
    await expect(page.getByTestId('auto-grouped').textContent()).resolves.toBe(`已按命名空间分组：${total.toLocaleString('zh-CN')} 个节点`);
    await e2e.screenshot(page, 'auto-group-2-zh');
    await page.getByTestId('lang-select').selectOption('en');

    // Unticked: every node drawn, the choice in the URL, the notice gone; it survives a reload.
    let n = await draws(page);
    await checkbox.uncheck();
    await drawn(page, n + 1);
    await page.waitForFunction((count) => (window as unknown as { __loomCy: Core }).__loomCy.nodes().length === count, total);
    expect(await clusterCount(page)).toBe(0);
    expect(new URL(page.url()).searchParams.get('group')).toBe('0');
    expect(await page.getByTestId('auto-grouped').count()).toBe(0);
    await e2e.screenshot(page, 'auto-group-3-unticked');
    await page.reload();
    await drawn(page);
    expect(await cyNodeCount(page)).toBe(total);
    await expect(checkbox.isChecked()).resolves.toBe(false);

    // Another root (a job, focused from the map): its own small answer, no choice carried over.
    const job = api.lineage.nodes.find((x) => x.node.kind === 'Job')!.node.id;
    const focus = async (id: string) => {
      await page.evaluate((nodeId) => { (window as unknown as { __loomCy: Core }).__loomCy.$id(nodeId).emit('tap'); }, id);
      await page.getByTestId('focus-node').waitFor();
      n = await draws(page);
      await page.getByTestId('focus-node').click();
      await drawn(page, n + 1);
      expect(new URL(page.url()).searchParams.get('node')).toBe(id);
    };
    await focus(job);
    expect(new URL(page.url()).searchParams.get('group')).toBeNull();
    await expect(checkbox.isChecked()).resolves.toBe(false);
    expect(await page.getByTestId('auto-grouped').count()).toBe(0);
    expect(await cyNodeCount(page)).toBeLessThan(300);

    // Back on the large root by the map: grouped by itself again.
    await focus(BIG_ROOT_ID);
    await page.waitForFunction(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes('.cluster').length > 0);
    await expect(checkbox.isChecked()).resolves.toBe(true);
    await page.getByTestId('auto-grouped').waitFor();
    expect(new URL(page.url()).searchParams.get('group')).toBeNull();

    // The browser's Back returns to the view the user ungrouped, as they left it.
    await page.goBack();
    await page.goBack();
    await page.waitForFunction((count) => (window as unknown as { __loomCy: Core }).__loomCy.nodes().length === count, total);
    expect(new URL(page.url()).searchParams.get('group')).toBe('0');
    expect(e2e.pageErrors(page)).toEqual([]);
    await page.close();
  });
});
