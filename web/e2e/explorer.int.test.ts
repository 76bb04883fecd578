/**
 * End to end: a real Loom (embedded engines, demo data) serving the built web app, driven by Chromium.
 * Screenshots land in test-results/e2e/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core, NodeSingular } from 'cytoscape';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoom } from '../../server/src/app/main.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = path.join(REPO, 'test-results/e2e');
const DEMO_KEY = 'demo-key-for-e2e-tests-0001';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

type Loom = Awaited<ReturnType<typeof startLoom>>;
interface DrawnNode { id: string; name: string; kind: string; x: number; y: number }
interface DrawnGraph { root: DrawnNode; upstream: DrawnNode[]; downstream: DrawnNode[]; count: number }

let loom: Loom;
let browser: BrowserContext;
const tempDirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** web/dist must exist before Loom starts (it serves the files found at start-up). */
function buildWebIfStale(): void {
  const index = path.join(REPO, 'web/dist/index.html');
  const sources = [path.join(REPO, 'web/src'), path.join(REPO, 'web/index.html'), path.join(REPO, 'web/vite.config.ts')];
  const newest = Math.max(...sources.map(newestMtime));
  if (existsSync(index) && statSync(index).mtimeMs >= newest) return;
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO, env, stdio: 'inherit' });
}

function newestMtime(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

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

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

beforeAll(async () => {
  buildWebIfStale();
  mkdirSync(SCREENSHOTS, { recursive: true });
  loom = await startLoom({
    LOOM_DATA_DIR: tempDir('loom-e2e-data-'),
    LOOM_PORT: '0',
    LOOM_LOG_LEVEL: 'warn',
    LOOM_DEMO_KEY: DEMO_KEY,
  });
  browser = await chromium.launchPersistentContext(tempDir('loom-e2e-chromium-'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 860 },
  });
});

afterAll(async () => {
  await browser?.close();
  await loom?.close();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('the lineage explorer', () => {
  it('signs in from the URL, finds a dataset, draws its lineage and shows node details', async () => {
    expect(loom.demoKey).toBe(DEMO_KEY);
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${loom.url}/#key=${loom.demoKey}`);
    await page.getByTestId('viewer').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('loom.key'))).toBe(DEMO_KEY);
    await expect(page.getByTestId('details-panel').textContent()).resolves.toContain('Click a node');

    await page.getByTestId('search-input').pressSequentially('customers_clean', { delay: 20 });
    const suggestion = page.getByTestId('search-suggestion').filter({ hasText: 'analytics.customers_clean' }).first();
    await suggestion.waitFor();
    await screenshot(page, '1-search');
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
    await screenshot(page, '2-lineage');

    const target = graph.downstream.find((n) => n.kind === 'Dataset') ?? graph.downstream[0];
    await page.mouse.click(target.x, target.y);
    const details = page.getByTestId('details-panel');
    await details.getByTestId('details-name').filter({ hasText: target.name }).waitFor();
    await expect(details.textContent()).resolves.toContain(target.id);
    await screenshot(page, '3-details');

    await details.getByRole('button', { name: 'Open lineage from here' }).click();
    await page.waitForFunction(
      (id) => (window as unknown as { __loomCy: Core }).__loomCy.nodes('.root').first().id() === id,
      target.id,
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('asks for a key again when the server rejects it', async () => {
    const page = await browser.newPage();
    await page.goto(`${loom.url}/#key=not-a-valid-key-0000000000`);
    const form = page.getByTestId('sign-in-form');
    await form.getByText('rejected').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('loom.key'))).toBeNull();
    await screenshot(page, '4-sign-in');

    await page.getByTestId('api-key-input').fill(DEMO_KEY);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('viewer').waitFor();
    await page.close();
  });
});
