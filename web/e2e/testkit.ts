/**
 * End-to-end test kit: a real Loom (embedded engines, demo data, its own data dir) serving the built
 * web app, and headless Debian Chromium driven by playwright-core. Screenshots land in test-results/e2e/.
 *
 *   const e2e = useE2E();           // at the top of a test file: starts Loom and Chromium once for the file
 *   const page = await e2e.page();  // signed in with the demo key, page errors collected
 *   await e2e.screenshot(page, 'runs-1-list');
 *   e2e.pageErrors(page)            // [] expected at the end of a test
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startLoom } from '../../server/src/app/main.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = path.join(REPO, 'test-results/e2e');
export const DEMO_KEY = 'demo-key-for-e2e-tests-0001';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export type Loom = Awaited<ReturnType<typeof startLoom>>;

export interface E2E {
  readonly loom: Loom;
  readonly browser: BrowserContext;
  /** A new page at `path` (default `/`), signed in with `key` (default the demo key); waits for the shell. */
  page(path?: string, key?: string): Promise<Page>;
  /** Uncaught errors of a page opened by page(). */
  pageErrors(page: Page): string[];
  screenshot(page: Page, name: string): Promise<void>;
  /** A GraphQL request with the demo key: its data, or a throw with the errors' messages. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** Starts Loom and Chromium before the file's tests, stops both after. */
export function useE2E(env: Record<string, string> = {}): E2E {
  const tempDirs: string[] = [];
  const errors = new WeakMap<Page, string[]>();
  let loom: Loom | undefined;
  let browser: BrowserContext | undefined;
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    tempDirs.push(dir);
    return dir;
  };
  beforeAll(async () => {
    buildWebIfStale();
    mkdirSync(SCREENSHOTS, { recursive: true });
    loom = await startLoom({ LOOM_DATA_DIR: tempDir('loom-e2e-data-'), LOOM_PORT: '0', LOOM_LOG_LEVEL: 'warn', LOOM_DEMO_KEY: DEMO_KEY, LOOM_ALERT_INTERVAL_SECONDS: 'off', LOOM_REPORT_INTERVAL_SECONDS: 'off', ...env });
    browser = await chromium.launchPersistentContext(tempDir('loom-e2e-chromium-'), {
      executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 860 },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await loom?.close();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get loom() { if (!loom) throw new Error('Loom is not started (use e2e inside tests)'); return loom; },
    get browser() { if (!browser) throw new Error('Chromium is not started (use e2e inside tests)'); return browser; },
    async page(at = '/', key = DEMO_KEY) {
      const page = await this.browser.newPage();
      const list: string[] = [];
      errors.set(page, list);
      page.on('pageerror', (error) => list.push(error.message));
      const sep = at.includes('#') ? '&' : '#';
      await page.goto(`${this.loom.url}${at}${sep}key=${key}`);
      await page.getByTestId('viewer').waitFor();
      return page;
    },
    pageErrors: (page) => errors.get(page) ?? [],
    screenshot: async (page, name) => { await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) }); },
    async gql(query, variables = {}) {
      const res = await fetch(`${this.loom.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      return body.data;
    },
  };
}

/**
 * web/dist must exist before Loom starts (it serves the files found at start-up). Test files run in
 * parallel: one builds while the others wait on a lock directory, then find the build fresh.
 */
export function buildWebIfStale(): void {
  const lock = path.join(REPO, 'web/.build-lock');
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    if (isFresh()) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`web build lock ${lock} held for 5 minutes: remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (isFresh()) return;
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const env = { ...process.env, NODE_ENV: 'production' };
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO, env, stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isFresh(): boolean {
  const index = path.join(REPO, 'web/dist/index.html');
  const sources = [path.join(REPO, 'web/src'), path.join(REPO, 'web/index.html'), path.join(REPO, 'web/vite.config.ts')];
  return existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime));
}

function newestMtime(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}
