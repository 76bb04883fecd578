/**
 * Performance marks for the browser benchmark and for anyone profiling: `loom:drawn` when Cytoscape has
 * drawn a laid-out graph (detail: node count and whether it was a full layout or an expansion), and
 * `loom:expand` measured from the click that asked for an expansion. Mirrored on `window.__loomPerf`.
 */
export interface LoomPerf { draws: number; lastDrawnAt: number; lastMode: DrawMode; lastNodes: number; lastExpandMs: number | null }
export type DrawMode = 'full' | 'incremental';

declare global {
  interface Window {
    /** Drawing figures of the lineage graph (read by bench/ui.bench.ts). */
    __loomPerf?: LoomPerf;
  }
}

const EXPAND_START = 'loom:expand-start';
let expandPending = false;

/** A step of drawing, for profiles: `loom:layout-start`, `loom:layout-done`. */
export function markStep(name: 'layout-start' | 'layout-done'): void {
  performance.mark(`loom:${name}`);
}

/** Call when the user asks for an expansion (before the request). */
export function markExpandStart(): void {
  performance.mark(EXPAND_START);
  expandPending = true;
}

/** Call once the graph is on screen. */
export function markDrawn(mode: DrawMode, nodes: number): void {
  const drawn = performance.mark('loom:drawn', { detail: { mode, nodes } });
  let expandMs: number | null = null;
  if (expandPending && mode === 'incremental') {
    expandMs = performance.measure('loom:expand', EXPAND_START, 'loom:drawn').duration;
    expandPending = false;
  }
  const previous = window.__loomPerf;
  window.__loomPerf = {
    draws: (previous?.draws ?? 0) + 1,
    lastDrawnAt: drawn.startTime,
    lastMode: mode,
    lastNodes: nodes,
    lastExpandMs: expandMs ?? previous?.lastExpandMs ?? null,
  };
}
