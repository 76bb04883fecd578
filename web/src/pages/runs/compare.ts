/** Pure data for the runs pages: selection in the URL, run labels, metric curves → chart lines. */
import type { ChartSeries } from '../../charts/LineChart.js';

export const MAX_COMPARED = 50;

/** `?compare=a,b,c` → distinct, non-empty run ids (at most MAX_COMPARED). */
export function parseRunIds(value: string | null): string[] {
  return [...new Set((value ?? '').split(',').map((s) => s.trim()).filter(Boolean))].slice(0, MAX_COMPARED);
}

/** The selection with `runId` added or removed, as the URL value (null when empty). */
export function toggleRunId(ids: readonly string[], runId: string): string | null {
  const next = ids.includes(runId) ? ids.filter((i) => i !== runId) : [...ids, runId];
  return next.length ? next.join(',') : null;
}

export interface RunRef { runId: string; name?: string | null }

/** A run's name, or the first 8 characters of its id. */
export const runLabel = (run: RunRef): string => run.name || run.runId.slice(0, 8);

export interface CurveLike { runId: string; key: string; points: ReadonlyArray<{ step: number; value: number }> }
export interface MetricChart { key: string; series: ChartSeries[] }

/** One chart per metric key (sorted), with one line per run (in `runs` order) over steps. */
export function metricCharts(curves: readonly CurveLike[], runs: readonly RunRef[]): MetricChart[] {
  const order = new Map(runs.map((r, i) => [r.runId, i]));
  const labels = new Map(runs.map((r) => [r.runId, runLabel(r)]));
  const byKey = new Map<string, CurveLike[]>();
  for (const c of curves) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  return [...byKey.keys()].sort().map((key) => ({
    key,
    series: byKey.get(key)!
      .slice()
      .sort((a, b) => (order.get(a.runId) ?? Infinity) - (order.get(b.runId) ?? Infinity))
      .map((c) => ({ id: c.runId, label: labels.get(c.runId) ?? c.runId.slice(0, 8), points: c.points.map((p) => ({ x: p.step, y: p.value })) })),
  }));
}

export interface ParamRowLike { key: string; values: ReadonlyArray<string | null>; differs: boolean }

/** Param rows, differing ones first (then by key) then by key; only the differing ones when `onlyDiffering`. */
export function orderParams<T extends ParamRowLike>(rows: readonly T[], onlyDiffering: boolean): T[] {
  return rows.filter((r) => !onlyDiffering || r.differs).sort((a, b) => Number(b.differs) - Number(a.differs) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Milliseconds between two ISO times (until `now` while running); null without a start. */
export function durationMs(startedAt: string | null | undefined, endedAt: string | null | undefined, now: number): number | null {
  if (!startedAt) return null;
  const start = Date.parse(startedAt);
  const end = endedAt ? Date.parse(endedAt) : now;
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : null;
}

/** The units of a run's duration, per language of the web app. */
export const DURATION_UNITS = {
  en: { s: 's', min: 'min', h: 'h', d: 'd' },
  zh: { s: '秒', min: '分', h: '小时', d: '天' },
} as const;

/** "2 h 5 min" style (in Chinese "2 小时 5 分"). */
export function formatDuration(ms: number | null, u: { s: string; min: string; h: string; d: string } = DURATION_UNITS.en): string {
  if (ms === null) return '–';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} ${u.s}`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} ${u.min} ${s % 60} ${u.s}`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h} ${u.h} ${m % 60} ${u.min}` : `${Math.floor(h / 24)} ${u.d} ${h % 24} ${u.h}`;
}
