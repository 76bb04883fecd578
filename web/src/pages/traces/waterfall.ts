/**
 * Waterfall layout of a trace, pure: the server sends spans depth-first with their depth and offset
 * from the trace start; this places each visible row's bar on a 0..100% time axis, hides the
 * descendants of collapsed spans, and picks the axis ticks.
 */

export interface WaterfallSpan {
  spanId: string;
  depth: number;
  startOffsetMs: number;
  durationMs: number;
  childCount: number;
  statusCode: string;
  llm?: unknown;
}

export type SpanTone = 'error' | 'llm' | 'ok';

export interface WaterfallRow<T extends WaterfallSpan> {
  span: T;
  /** Bar start and width, percent of the axis (a zero-length span still gets a visible sliver). */
  leftPct: number;
  widthPct: number;
  collapsed: boolean;
  tone: SpanTone;
  /** Where the duration goes: after the bar, or (near the right end) inside a wide bar or before a narrow one. */
  labelAt: 'after' | 'inside' | 'before';
}

export interface Tick { ms: number; pct: number }

export interface WaterfallLayout<T extends WaterfallSpan> { rows: WaterfallRow<T>[]; totalMs: number; ticks: Tick[]; hidden: number }

export const MIN_BAR_PCT = 0.4;
/** Past this end (percent) a duration written after the bar would run off the axis. */
export const LABEL_INSIDE_FROM_PCT = 85;
/** A bar at least this wide (percent) holds its duration. */
export const LABEL_FITS_PCT = 12;

export function spanTone(span: Pick<WaterfallSpan, 'statusCode' | 'llm'>): SpanTone {
  if (span.statusCode === 'ERROR') return 'error';
  return span.llm ? 'llm' : 'ok';
}

/** The trace length: the latest end of any span (at least 1 ms so bars stay finite). */
export function traceLength(spans: ReadonlyArray<Pick<WaterfallSpan, 'startOffsetMs' | 'durationMs'>>): number {
  return Math.max(1, ...spans.map((s) => s.startOffsetMs + Math.max(0, s.durationMs)));
}

export function layoutWaterfall<T extends WaterfallSpan>(spans: ReadonlyArray<T>, collapsed: ReadonlySet<string> = new Set()): WaterfallLayout<T> {
  const totalMs = traceLength(spans);
  const rows: WaterfallRow<T>[] = [];
  let hideDeeperThan = Infinity;
  let hidden = 0;
  for (const span of spans) {
    if (span.depth > hideDeeperThan) {
      hidden += 1;
      continue;
    }
    hideDeeperThan = Infinity;
    const isCollapsed = collapsed.has(span.spanId) && span.childCount > 0;
    if (isCollapsed) hideDeeperThan = span.depth;
    const leftPct = clamp((span.startOffsetMs / totalMs) * 100, 0, 100 - MIN_BAR_PCT);
    const widthPct = clamp((Math.max(0, span.durationMs) / totalMs) * 100, MIN_BAR_PCT, 100 - leftPct);
    rows.push({ span, leftPct, widthPct, collapsed: isCollapsed, tone: spanTone(span), labelAt: labelPlace(leftPct, widthPct) });
  }
  return { rows, totalMs, ticks: timeTicks(totalMs), hidden };
}

function labelPlace(leftPct: number, widthPct: number): WaterfallRow<WaterfallSpan>['labelAt'] {
  if (leftPct + widthPct <= LABEL_INSIDE_FROM_PCT) return 'after';
  return widthPct >= LABEL_FITS_PCT ? 'inside' : 'before';
}

/** About `target` ticks at round steps (1, 2 or 5 × 10^n ms) from 0 to the end of the axis. */
export function timeTicks(totalMs: number, target = 5): Tick[] {
  if (!(totalMs > 0)) return [{ ms: 0, pct: 0 }];
  const rough = totalMs / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: Tick[] = [];
  for (let ms = 0; ms <= totalMs + step * 1e-9; ms += step) ticks.push({ ms: round(ms), pct: (ms / totalMs) * 100 });
  return ticks;
}

/** A short duration: 850 µs, 12.3 ms, 1.24 s, 2 min 5 s. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms === 0) return '0';
  if (ms < 1) return `${Math.round(ms * 1000)} µs`;
  if (ms < 1000) return `${trim(ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0))} ms`;
  if (ms < 60_000) return `${trim((ms / 1000).toFixed(2))} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number) => Math.round(v * 1e6) / 1e6;
const trim = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);
