/**
 * One alert's life, decided per evaluation (pure). An alert is one episode of one series breaking
 * its rule: PENDING while the breach is younger than the rule's `forSeconds`, then FIRING, then
 * RESOLVED when the series stops breaking it. A PENDING alert whose breach ends before it fires is
 * CANCELLED (never notified). A series with no sample in the window is not breaking the rule (the
 * absence of data is not a value), unless the rule alerts on no data (`noDataBreaks`).
 */
import { breaches, type AlertRule } from './rules.js';

export const ALERT_STATES = ['PENDING', 'FIRING', 'RESOLVED', 'CANCELLED'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** What an open (PENDING or FIRING) alert holds that the decision reads. */
export interface OpenAlert { state: 'PENDING' | 'FIRING'; pendingSince: string }

export type Decision =
  /** No alert, none needed. */
  | { action: 'none' }
  /** A new alert, PENDING or straight to FIRING (`forSeconds` 0). */
  | { action: 'open'; state: 'PENDING' | 'FIRING' }
  /** Still breaking: record the value (and fire a PENDING one whose time has come). */
  | { action: 'update'; fire: boolean }
  /** No longer breaking: a FIRING alert resolves, a PENDING one is cancelled. */
  | { action: 'close'; state: 'RESOLVED' | 'CANCELLED' };

/** `value`: the series' value in the window, undefined when it has no sample there. */
export function decide(rule: Pick<AlertRule, 'op' | 'threshold' | 'forSeconds'>, open: OpenAlert | undefined, value: number | undefined, nowMs: number, noDataBreaks = false): Decision {
  const breaking = value === undefined ? noDataBreaks : Number.isFinite(value) && breaches(rule, value);
  if (!open) return breaking ? { action: 'open', state: rule.forSeconds > 0 ? 'PENDING' : 'FIRING' } : { action: 'none' };
  if (!breaking) return { action: 'close', state: open.state === 'FIRING' ? 'RESOLVED' : 'CANCELLED' };
  return { action: 'update', fire: open.state === 'PENDING' && nowMs - Date.parse(open.pendingSince) >= rule.forSeconds * 1000 };
}
