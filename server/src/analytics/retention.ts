import type { ClickHouseClient } from '@clickhouse/client';

/** Days rows are kept, per kind of data (0 keeps them forever; a missing kind keeps the migration's TTL). */
export interface Retention { spanTtlDays?: number; metricTtlDays?: number; metricRollupTtlDays?: number; lineageEventTtlDays?: number }

/**
 * The time-to-live expression of each table whose rows expire, and the setting that gives its days.
 * Migrations cannot take parameters: `migrate()` aligns the TTLs after applying them.
 */
const RETENTION: { table: string; expr: string; days: keyof Retention }[] = [
  { table: 'spans', expr: 'toDateTime(start_time)', days: 'spanTtlDays' },
  { table: 'traces', expr: 'toDateTime(end_time)', days: 'spanTtlDays' },
  { table: 'metric_points', expr: 'toDateTime(time)', days: 'metricTtlDays' },
  { table: 'gpu_metrics', expr: 'toDateTime(time)', days: 'metricTtlDays' },
  { table: 'metric_points_1m', expr: 'minute', days: 'metricRollupTtlDays' },
  { table: 'gpu_metrics_1m', expr: 'minute', days: 'metricRollupTtlDays' },
  // By when Loom received the event, not its eventTime: a backfill of old events must not expire on arrival.
  { table: 'lineage_events', expr: 'toDateTime(recorded_at)', days: 'lineageEventTtlDays' },
];

/** Align each expiring table's TTL with the configured days, only where it differs (MODIFY TTL rewrites parts). */
export async function alignRetention(client: ClickHouseClient, retention: Retention): Promise<void> {
  const rs = await client.query({
    query: 'SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() AND name IN {names:Array(String)}',
    query_params: { names: RETENTION.map((r) => r.table) }, format: 'JSON',
  });
  const engines = new Map((await rs.json<{ name: string; engine_full: string }>()).data.map((r) => [r.name, r.engine_full]));
  for (const r of RETENTION) {
    const engine = engines.get(r.table);
    const days = retention[r.days];
    if (engine === undefined || days === undefined) continue;
    const current = / TTL (.*?)(?: SETTINGS |$)/.exec(engine)?.[1] ?? null;
    const wanted = days > 0 ? `${r.expr} + toIntervalDay(${days})` : null;
    if (current === wanted) continue;
    await client.command({ query: wanted ? `ALTER TABLE ${r.table} MODIFY TTL ${r.expr} + INTERVAL ${days} DAY` : `ALTER TABLE ${r.table} REMOVE TTL` });
  }
}

/**
 * Merge settings of the tables that take many small inserts. `merge_selector_base` 10 (default 5)
 * merges more parts at once and so rewrites each row fewer times: an OTLP exporter's ~2,000-span
 * inserts made chDB's merge threads the largest CPU user, ~1.4 s per 100k spans, and ~0.75 s at 10
 * (bench/RESULTS.md, session 8). Reads see a few more parts at a time. Applied only where the engine
 * knows the setting (older ClickHouse servers do not).
 */
const MERGE_SETTINGS: { table: string; setting: string; value: number }[] = [
  { table: 'spans', setting: 'merge_selector_base', value: 10 },
  { table: 'traces', setting: 'merge_selector_base', value: 10 },
  { table: 'lineage_events', setting: 'merge_selector_base', value: 10 },
];

/**
 * An acknowledged row must survive a crash of the machine, not only of the process: ClickHouse writes
 * a part without fsync by default and counts on replicas. With `syncInserts` every MergeTree table
 * fsyncs each new part's files and directory before its INSERT returns (materialized views' targets
 * too). It cost ~3 ms on a 2,000-span INSERT of ~35 ms on chDB (session 24).
 */
const SYNC_SETTINGS = { fsync_after_insert: 1, fsync_part_directory: 1 };

/** The merge settings above, and with `syncInserts` the sync settings on every MergeTree table that lacks them. */
export async function alignTableSettings(client: ClickHouseClient, { syncInserts }: { syncInserts: boolean }): Promise<void> {
  const rs = await client.query({
    query: 'SELECT name FROM system.merge_tree_settings WHERE name IN {names:Array(String)}',
    query_params: { names: [...new Set(MERGE_SETTINGS.map((m) => m.setting))] }, format: 'JSON',
  });
  const known = new Set((await rs.json<{ name: string }>()).data.map((r) => r.name));
  for (const m of MERGE_SETTINGS) {
    if (known.has(m.setting)) await client.command({ query: `ALTER TABLE ${m.table} MODIFY SETTING ${m.setting} = ${m.value}` });
  }
  if (!syncInserts) return;
  const tables = await client.query({
    query: "SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree'", format: 'JSON',
  });
  const wanted = Object.entries(SYNC_SETTINGS);
  for (const t of (await tables.json<{ name: string; engine_full: string }>()).data) {
    if (wanted.every(([k, v]) => t.engine_full.includes(`${k} = ${v}`))) continue;
    await client.command({ query: `ALTER TABLE \`${t.name}\` MODIFY SETTING ${wanted.map(([k, v]) => `${k} = ${v}`).join(', ')}` });
  }
}
