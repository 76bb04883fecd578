/**
 * The analytics store's table settings at start-up: the TTLs its migrations apply from the retention
 * settings, and the embedded store's synced INSERTs. On chDB alone (in a file of its own, so its own process): starting and at once closing a whole
 * Loom (Kuzu and chDB together) has now and then hung or crashed the test process.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/config.js';
import { openAnalyticsStore } from '../app/adapters.js';

describe('analytics table settings at start-up', () => {
  it('LOOM_METRIC_TTL_DAYS and LOOM_METRIC_ROLLUP_TTL_DAYS set the TTLs at start-up', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loom-retention-'));
    const analytics = await openAnalyticsStore(loadConfig({ LOOM_DATA_DIR: dir, LOOM_METRIC_TTL_DAYS: '7', LOOM_METRIC_ROLLUP_TTL_DAYS: '0' }).analytics);
    try {
      const rows = await analytics.query<{ name: string; engine_full: string }>('demo',
        "SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() AND name IN ('metric_points', 'gpu_metrics', 'metric_points_1m', 'gpu_metrics_1m') AND {tenant:String} != '' ORDER BY name");
      const ttls = Object.fromEntries(rows.map((r) => [r.name, / TTL (.*?)(?: SETTINGS |$)/.exec(r.engine_full)?.[1] ?? null]));
      expect(ttls).toEqual({ gpu_metrics: 'toDateTime(time) + toIntervalDay(7)', gpu_metrics_1m: null, metric_points: 'toDateTime(time) + toIntervalDay(7)', metric_points_1m: null });
    } finally {
      await analytics.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the embedded store fsyncs every INSERT of every table before it returns', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loom-sync-'));
    const analytics = await openAnalyticsStore(loadConfig({ LOOM_DATA_DIR: dir }).analytics);
    try {
      const rows = await analytics.query<{ name: string; engine_full: string }>('demo',
        "SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree' AND {tenant:String} != '' ORDER BY name");
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['gpu_metrics_1m', 'lineage_events', 'metric_points', 'run_metrics', 'spans', 'traces']));
      for (const r of rows) expect(r.engine_full, r.name).toMatch(/fsync_after_insert = 1, fsync_part_directory = 1/);
      await analytics.insert('spans', [{ tenant_id: 'demo', trace_id: '1'.repeat(32), span_id: '2'.repeat(16), start_time: String(Date.now() * 1e6), end_time: String(Date.now() * 1e6) }]);
      const synced = await analytics.query<{ n: string }>('demo', "SELECT value AS n FROM system.events WHERE event = 'FileSync' AND {tenant:String} != ''");
      expect(Number(synced[0]?.n ?? 0)).toBeGreaterThan(0);
    } finally {
      await analytics.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a rollup kept shorter than the raw points', () => {
    expect(() => loadConfig({ LOOM_METRIC_TTL_DAYS: '30', LOOM_METRIC_ROLLUP_TTL_DAYS: '7' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOOM_METRIC_TTL_DAYS: '0', LOOM_METRIC_ROLLUP_TTL_DAYS: '400' })).toThrow(/LOOM_METRIC_ROLLUP_TTL_DAYS=400/);
    expect(loadConfig({ LOOM_METRIC_TTL_DAYS: '14', LOOM_METRIC_ROLLUP_TTL_DAYS: '14' }).analytics).toMatchObject({ metricTtlDays: 14, metricRollupTtlDays: 14 });
  });
});
