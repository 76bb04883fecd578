/** Reading the explorer's graph in the browser: Cytoscape through `window.__loomCy`, draw counts through `window.__loomPerf`. */
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';

/** Waits until Cytoscape has drawn `count` draws in total (full layouts and expansions). */
export async function drawn(page: Page, atLeast = 1): Promise<void> {
  await page.waitForFunction((n) => ((window as unknown as { __loomPerf?: { draws: number } }).__loomPerf?.draws ?? 0) >= n, atLeast, { timeout: 15_000 }).catch(async (error: Error) => {
    const state = await page.evaluate(() => JSON.stringify({ url: location.href, perf: (window as unknown as { __loomPerf?: unknown }).__loomPerf, text: document.querySelector('.graph-area')?.textContent }));
    throw new Error(`${error.message}\n${state}`);
  });
  await page.getByTestId('loading').waitFor({ state: 'detached' });
}

export const draws = (page: Page) => page.evaluate(() => (window as unknown as { __loomPerf?: { draws: number } }).__loomPerf?.draws ?? 0);

/** Kind and "N more" nodes as drawn. */
export const countKind = (page: Page, kind: string) => page.evaluate((k) => (window as unknown as { __loomCy: Core }).__loomCy.nodes(`.kind-${k}`).length, kind);
export const moreNodes = (page: Page) => page.evaluate(() => (window as unknown as { __loomCy: Core }).__loomCy.nodes('.more').map((m) => ({ label: m.data('label') as string, id: m.id() })));

/** Taps every "N more" node (a block body: returning the collection would make Playwright serialise all of Cytoscape). */
export async function tapMore(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __loomCy: Core }).__loomCy.nodes('.more').emit('tap');
  });
}
