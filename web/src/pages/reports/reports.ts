/**
 * Pure helpers of the reports page: a schedule's cadence in words, periods in UTC, the change against
 * the period before.
 */
import type { ReportCadence, ReportContentFieldsFragment, ReportScheduleInput, ReportSection } from '../../gql/graphql.js';

export const SECTIONS = ['LINEAGE', 'QUALITY', 'MODELS', 'LLM', 'GPU', 'ALERTS'] as const satisfies readonly ReportSection[];
export const CADENCES = ['DAILY', 'WEEKLY'] as const satisfies readonly ReportCadence[];
/** ISO weekdays, 1 (Monday) .. 7 (Sunday). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** A report's content as the page reads it (every figure: the ReportContentFields fragment). */
export type ReportContent = ReportContentFieldsFragment;

export interface Schedule { name: string; cadence: ReportCadence; hourUtc: number; weekday: number | null; sections: ReportSection[]; enabled: boolean }
type Weekday = (typeof WEEKDAYS)[number];
type CadenceWords = (key: 'daily' | 'weekly' | `day${Weekday}`, vars?: Record<string, string>) => string;

/** 6 → "06:00". */
export const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** "Daily at 06:00 UTC", "Weekly on Monday at 06:00 UTC", in the words `t` gives. */
export function cadenceText(s: Pick<Schedule, 'cadence' | 'hourUtc' | 'weekday'>, t: CadenceWords): string {
  const hour = hourText(s.hourUtc);
  if (s.cadence === 'DAILY') return t('daily', { hour });
  return t('weekly', { hour, day: t(`day${(s.weekday ?? 1) as Weekday}`) });
}

/** "2026-03-01 06:00" in UTC (a schedule's periods are in UTC, whatever the browser's zone). */
const utcMinute = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');

/** "2026-03-01 06:00 UTC". */
export const utcText = (iso: string) => `${utcMinute(iso)} UTC`;

/** "2026-03-01 06:00 – 2026-03-02 06:00 UTC". */
export const periodText = (from: string, to: string) => `${utcMinute(from)} – ${utcMinute(to)} UTC`;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The 24 hours up to the end of the current minute (a datetime input holds whole minutes: what just happened is in). */
export function lastDay(nowMs: number): { from: string; to: string } {
  const to = Math.ceil(nowMs / MINUTE_MS) * MINUTE_MS;
  return { from: new Date(to - DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

/** The change from `before` to `now` in whole percent, signed ("+25 %", "−10 %", "0 %"); null when there was nothing before. */
export function changeText(now: number, before: number): string | null {
  if (before === 0) return null;
  const pct = Math.round(((now - before) / before) * 100);
  return pct > 0 ? `+${pct} %` : pct < 0 ? `−${-pct} %` : '0 %';
}

/** The same definition with `enabled` flipped: what Pause and Resume send. */
export function toggledInput(s: Schedule): ReportScheduleInput {
  return { name: s.name, cadence: s.cadence, hourUtc: s.hourUtc, weekday: s.cadence === 'WEEKLY' ? s.weekday : null, sections: s.sections, enabled: !s.enabled };
}
