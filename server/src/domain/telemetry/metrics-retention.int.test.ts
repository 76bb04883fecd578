/**
 * Metric retention at start-up: the TTLs the analytics store's migrations apply from the settings.
 * On chDB alone (in a file of its own, so its own process): starting and at once closing a whole
 * Loom (Kuzu and chDB together) has now and then hung or crashed the test process.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../config/config.js';
import { openAnalyticsStore } from '../../app/adapters.js';

describe('metric retention settings', () => {
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

  it('refuses a rollup kept shorter than the raw points', () => {
    expect(() => loadConfig({ LOOM_METRIC_TTL_DAYS: '30', LOOM_METRIC_ROLLUP_TTL_DAYS: '7' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOOM_METRIC_TTL_DAYS: '0', LOOM_METRIC_ROLLUP_TTL_DAYS: '400' })).toThrow(/LOOM_METRIC_ROLLUP_TTL_DAYS=400/);
    expect(loadConfig({ LOOM_METRIC_TTL_DAYS: '14', LOOM_METRIC_ROLLUP_TTL_DAYS: '14' }).analytics).toMatchObject({ metricTtlDays: 14, metricRollupTtlDays: 14 });
  });
});
