/**
 * The times a span or a metric point may carry. Spans and metric points are partitioned by day in
 * ClickHouse, so their times also decide which partitions an INSERT touches: behind, the retention
 * bounds them (older data is refused, see spans.ts and metrics-points.ts); ahead, `latestNs`.
 */

/** DateTime64(9) holds 1900..2262; times before 2000 are clock bugs (often an unset 0). */
export const MIN_NS = 946_684_800_000_000_000n;
export const MAX_NS = 9_000_000_000_000_000_000n;
const DAY_MS = 86_400_000;

/**
 * How far ahead of Loom's clock a time may be: a day covers any time-zone mistake (local time sent as
 * UTC is at most 14 hours off). Beyond it the emitter's clock is broken, and the data would top every
 * newest-first view until its time came, each of its days a partition of its own.
 */
const AHEAD_MS = DAY_MS;
export const AHEAD_REASON = "more than a day ahead of Loom's clock: check the emitter's clock";

const ns = (ms: number): bigint => BigInt(Math.trunc(ms)) * 1_000_000n;

/** Unix nanoseconds of the latest time accepted at `nowMs`. */
export const latestNs = (nowMs: number): bigint => ns(nowMs + AHEAD_MS);

/** Unix nanoseconds before which a table kept `days` days (0: for ever, null) drops rows at `nowMs`. */
export const expiresBeforeNs = (nowMs: number, days: number): bigint | null => (days > 0 ? ns(nowMs - days * DAY_MS) : null);
