/**
 * Metric retention at start-up. In a file of its own: each test file runs in its own process, and
 * this one starts a Loom with its own settings (one Loom per process, as in production).
 */
import { describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { ConfigError, loadConfig } from '../../config/config.js';

describe('metric retention settings', () => {
  const ttls = async (loom: TestLoom) => {
    const rows = await loom.services.analytics.query<{ name: string; engine_full: string }>('demo',
      "SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() AND name IN ('metric_points', 'gpu_metrics', 'metric_points_1m', 'gpu_metrics_1m') AND {tenant:String} != '' ORDER BY name");
    return Object.fromEntries(rows.map((r) => [r.name, / TTL (.*?)(?: SETTINGS |$)/.exec(r.engine_full)?.[1] ?? null]));
  };

  it('LOOM_METRIC_TTL_DAYS and LOOM_METRIC_ROLLUP_TTL_DAYS set the TTLs at start-up', async () => {
    const loom = await startTestLoom({ LOOM_METRIC_TTL_DAYS: '7', LOOM_METRIC_ROLLUP_TTL_DAYS: '0', LOOM_SEED_DEMO: 'false' });
    try {
      expect(await ttls(loom)).toEqual({ gpu_metrics: 'toDateTime(time) + toIntervalDay(7)', gpu_metrics_1m: null, metric_points: 'toDateTime(time) + toIntervalDay(7)', metric_points_1m: null });
    } finally {
      await loom.close();
    }
  });

  it('refuses a rollup kept shorter than the raw points', () => {
    expect(() => loadConfig({ LOOM_METRIC_TTL_DAYS: '30', LOOM_METRIC_ROLLUP_TTL_DAYS: '7' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOOM_METRIC_TTL_DAYS: '0', LOOM_METRIC_ROLLUP_TTL_DAYS: '400' })).toThrow(/LOOM_METRIC_ROLLUP_TTL_DAYS=400/);
    expect(loadConfig({ LOOM_METRIC_TTL_DAYS: '14', LOOM_METRIC_ROLLUP_TTL_DAYS: '14' }).analytics).toMatchObject({ metricTtlDays: 14, metricRollupTtlDays: 14 });
  });
});
