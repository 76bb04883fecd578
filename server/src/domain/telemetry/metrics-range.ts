/**
 * Time range and downsampling of a series read: which bucket width (`step`) and which table (raw
 * points, or the 1-minute rollup when the step is whole minutes). Pure.
 */
import { badInput } from '../errors.js';
import { MAX_NS } from './time-bounds.js';

export const DEFAULT_MAX_POINTS = 500;
export const MAX_POINTS = 10_000;
const MAX_RANGE_DAYS = 400;

export interface RangeInput {
  /** ISO-8601 */
  from?: string;
  to?: string;
  /** Bucket width in seconds; derived from maxPoints when absent. */
  step?: number;
  /** Most buckets per series (default 500, at most 10,000). */
  maxPoints?: number;
}

export type SeriesSource = 'RAW' | 'ROLLUP_1M';

export interface ResolvedRange { fromMs: number; toMs: number; stepSeconds: number; source: SeriesSource }

/** Parse an ISO date-time given for `field`. */
export function parseTime(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badInput(field, 'must be an ISO-8601 date-time');
  return ms;
}

/**
 * The bucket width for [fromMs, toMs): the given step (checked against maxPoints) or the smallest
 * width that fits maxPoints, rounded up to whole minutes from one minute on; whole-minute steps
 * read the rollup, over the whole minutes inside the range (the range returned; raw when there are none).
 * Buckets are aligned to multiples of the step (since the epoch), so a range not
 * aligned to it gets one bucket more than range / step. Throws BAD_USER_INPUT naming the field.
 */
export function resolveStep(fromMs: number, toMs: number, step: number | undefined, maxPoints: number | undefined): ResolvedRange {
  if (toMs <= fromMs) throw badInput('to', 'must be after from');
  if (toMs - fromMs > MAX_RANGE_DAYS * 86_400_000) throw badInput('from', `the range may span at most ${MAX_RANGE_DAYS} days`);
  const max = maxPoints ?? DEFAULT_MAX_POINTS;
  if (!Number.isInteger(max) || max < 1 || max > MAX_POINTS) throw badInput('maxPoints', `must be an integer 1..${MAX_POINTS}`);
  const rangeSeconds = Math.max(1, Math.floor((toMs - fromMs) / 1000)); // whole seconds: a run's inclusive end (+1 ms) does not widen the step
  let stepSeconds: number;
  if (step !== undefined) {
    if (!Number.isInteger(step) || step < 1 || step > 86_400 * 31) throw badInput('step', 'must be a whole number of seconds, 1..2678400');
    if (rangeSeconds / step > max) throw badInput('step', `too small for the range: at most ${max} points (maxPoints); use a step of at least ${Math.ceil(rangeSeconds / max)} s`);
    stepSeconds = step;
  } else {
    stepSeconds = Math.max(1, Math.ceil(rangeSeconds / max));
    if (stepSeconds > 60) stepSeconds = Math.ceil(stepSeconds / 60) * 60;
  }
  if (stepSeconds % 60 !== 0) return { fromMs, toMs, stepSeconds, source: 'RAW' };
  // The rollup holds whole minutes: it reads those inside the range, so no point outside it is counted
  // (a pod's previous run, a minute before `from`); its answer's from and to say which.
  const [wholeFrom, wholeTo] = [Math.ceil(fromMs / 60_000) * 60_000, Math.floor(toMs / 60_000) * 60_000];
  return wholeFrom < wholeTo ? { fromMs: wholeFrom, toMs: wholeTo, stepSeconds, source: 'ROLLUP_1M' } : { fromMs, toMs, stepSeconds, source: 'RAW' };
}

/**
 * Unix nanoseconds (decimal) of a millisecond time, for `fromUnixTimestamp64Nano({x:Int64})`; a bound past
 * what the stores hold (MAX_NS, 2255) reads as that (9999-12-31 as "no end" overflowed Int64 and found nothing).
 */
export const msToNs = (ms: number) => (BigInt(Math.trunc(Math.min(Math.max(ms, 0), MAX_MS))) * 1_000_000n).toString();
const MAX_MS = Number(MAX_NS / 1_000_000n);
