/**
 * Run metrics as time series in the analytics store (table `run_metrics`, schema/clickhouse/001).
 * A point re-logged by a retried call is a duplicate row: every read collapses (run, key, step, time)
 * (two values logged at one step within one millisecond are one point, either of them).
 */
import type { Analytics } from '../ports/Analytics.js';

export interface MetricPoint { key: string; value: number; step: number; timestamp: string }
export interface MetricSummary { key: string; value: number; step: number; timestamp: string; count: number; min: number; max: number }
export interface MetricSeries { runId: string; key: string; points: MetricPoint[]; total: number }

const TABLE = 'run_metrics';
const ms = (v: unknown) => new Date(Number(v)).toISOString();

export class RunMetrics {
  constructor(private readonly analytics: Analytics) {}

  /** Resolves once the rows are committed. */
  async log(tenant: string, runId: string, points: readonly MetricPoint[]): Promise<void> {
    if (!points.length) return;
    await this.analytics.insert(TABLE, points.map((p) => ({ tenant_id: tenant, run_id: runId, key: p.key, step: p.step, ts: p.timestamp, value: p.value })));
  }

  /** The last value (highest step, then latest time) of every metric of each run, with count and range. */
  async latest(tenant: string, runIds: readonly string[]): Promise<Map<string, MetricSummary[]>> {
    const out = new Map<string, MetricSummary[]>(runIds.map((r) => [r, []]));
    if (!runIds.length) return out;
    const rows = await this.analytics.query<Record<string, unknown>>(tenant, `
      SELECT run_id, key, argMax(value, (step, ts)) AS last_value, max(step) AS last_step, toUnixTimestamp64Milli(argMax(ts, (step, ts))) AS last_ts,
             count() AS points, min(value) AS min_value, max(value) AS max_value
      FROM (SELECT run_id, key, step, ts, any(value) AS value FROM ${TABLE}
            WHERE tenant_id = {tenant:String} AND run_id IN {runs:Array(String)} GROUP BY run_id, key, step, ts)
      GROUP BY run_id, key ORDER BY run_id, key`, { runs: [...runIds] });
    for (const r of rows) {
      out.get(String(r.run_id))?.push({
        key: String(r.key), value: Number(r.last_value), step: Number(r.last_step), timestamp: ms(r.last_ts), count: Number(r.points),
        min: Number(r.min_value), max: Number(r.max_value),
      });
    }
    return out;
  }

  /**
   * The curves of `keys` (all keys when empty) for every run, in one query. Series longer than
   * `maxPoints` are thinned to every k-th point, k = ⌈(n-1)/(maxPoints-1)⌉, the last point kept: at most
   * `maxPoints` points (the first and the last among them).
   */
  async history(tenant: string, runIds: readonly string[], keys: readonly string[], maxPoints: number): Promise<MetricSeries[]> {
    if (!runIds.length) return [];
    const rows = await this.analytics.query<Record<string, unknown>>(tenant, `
      SELECT run_id, key, step, toUnixTimestamp64Milli(ts) AS ts, value, n FROM (
        SELECT run_id, key, step, ts, value,
               row_number() OVER (PARTITION BY run_id, key ORDER BY step, ts) AS rn,
               count() OVER (PARTITION BY run_id, key) AS n
        FROM (SELECT run_id, key, step, ts, any(value) AS value FROM ${TABLE}
              WHERE tenant_id = {tenant:String} AND run_id IN {runs:Array(String)} AND (empty({keys:Array(String)}) OR has({keys:Array(String)}, key))
              GROUP BY run_id, key, step, ts))
      WHERE (rn - 1) % greatest(1, toUInt64(ceil((n - 1) / greatest(1, {max:UInt32} - 1)))) = 0 OR rn = n
      ORDER BY run_id, key, step, ts`, { runs: [...runIds], keys: [...keys], max: maxPoints });
    const series = new Map<string, MetricSeries>();
    for (const r of rows) {
      const id = `${r.run_id}\u0000${r.key}`;
      let s = series.get(id);
      if (!s) series.set(id, (s = { runId: String(r.run_id), key: String(r.key), points: [], total: Number(r.n) }));
      s.points.push({ key: s.key, step: Number(r.step), timestamp: ms(r.ts), value: Number(r.value) });
    }
    return [...series.values()];
  }

  /** The last value of one metric of one run (promotion gates); null when never logged. */
  async last(tenant: string, runId: string, key: string): Promise<number | null> {
    const [row] = await this.analytics.query<{ last_value: number; n: string }>(tenant, `
      SELECT argMax(value, (step, ts)) AS last_value, count() AS n FROM ${TABLE}
      WHERE tenant_id = {tenant:String} AND run_id = {run:String} AND key = {key:String}`, { run: runId, key });
    return row && Number(row.n) > 0 ? Number(row.last_value) : null;
  }
}
