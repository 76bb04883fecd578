/** Reading the explorer's graph in the browser: Cytoscape through `window.__loomCy`, draw counts through `window.__loomPerf`. */
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';

/** How long the graph must go without a draw to count as settled: a page can draw twice as it opens (its first answer, then again as a selected node's panel opens). */
const QUIET_MS = 300;

/**
 * Waits until Cytoscape has drawn `atLeast` draws in total (full layouts and expansions), nothing is
 * loading, and no draw came for QUIET_MS: a draw count read after this is not passed by a draw the page
 * still had pending.
 */
export async function drawn(page: Page, atLeast = 1): Promise<void> {
  await page.waitForFunction(([n, quiet]) => {
    const perf = (window as unknown as { __loomPerf?: { draws: number; lastDrawnAt: number } }).__loomPerf;
    return !!perf && perf.draws >= n && performance.now() - perf.lastDrawnAt >= quiet && !document.querySelector('[data-testid="loading"]');
  }, [atLeast, QUIET_MS] as const, { timeout: 15_000, polling: 50 }).catch(async (error: Error) => {
    const state = await page.evaluate(() => JSON.stringify({ url: location.href, perf: (window as unknown as { __loomPerf?: unknown }).__loomPerf, text: document.querySelector('.graph-area')?.textContent }));
    throw new Error(`${error.message}\n${state}`);
  });
}

export const draws = (page: Page) => page.evaluate(() => (window as unknown as { __loomPerf?: { draws: number } }).__loomPerf?.draws ?? 0);

/**
 * Waits until Cytoscape shows `count` nodes of `kind` (a draw count alone can be passed by a draw other
 * than the one awaited); on a timeout, says how many it shows.
 */
export async function untilKind(page: Page, kind: string, count: number): Promise<void> {
  await page.waitForFunction(([k, n]) => (window as unknown as { __loomCy: Core }).__loomCy.nodes(`.kind-${k}`).length === n, [kind, count] as const, { timeout: 15_000 })
    .catch(async (error: Error) => {
      throw new Error(`${error.message}\n${kind} nodes drawn: ${await countKind(page, kind)}, expected ${count}; perf ${JSON.stringify(await page.evaluate(() => (window as unknown as { __loomPerf?: unknown }).__loomPerf))}`);
    });
}

/** Kind and "N more" nodes as drawn. */
const countKind = (page: Page, kind: string) => page.evaluate((k) => (window as unknown as { __loomCy: Core }).__loomCy.nodes(`.kind-${k}`).length, kind);
export const moreNodes = (page: Page) => page.evaluate(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes('.more').map((m) => ({ label: m.data('label') as string, id: m.id() })));

/** Taps every "N more" node (a block body: returning the collection would make Playwright serialise all of Cytoscape). */
export async function tapMore(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __loomCy: Core }).__loomCy.nodes('.more').emit('tap');
  });
}
