/**
 * Upgrades of a store that already holds data, on chDB (a file of its own: its own process and store).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import { openAnalytics } from './ClickHouseAnalytics.js';

const T = String(BigInt(Date.now()) * 1_000_000n);
const point = (name: string, metric_type: string, value: number) => ({
  tenant_id: 'demo', metric_name: name, metric_type, temporality: 0, is_monotonic: false, unit: '', service_name: 's',
  labels: {}, start_time: 0, time: T, value, hist_count: '1', hist_sum: value, hist_min: null, hist_max: null, bucket_counts: [], explicit_bounds: [],
});

describe('analytics migrations on a store with data', () => {
  it('006 (exponential histograms, summaries) keeps the stored points, and the rollup keeps taking gauges and sums only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loom-migrate-'));
    const store = await openAnalytics(loadConfig({ LOOM_DATA_DIR: dir }).analytics);
    try {
      expect((await store.migrate(5)).at(-1)).toBe('005_lineage_events');
      await store.insert('metric_points', [point('old.gauge', 'gauge', 1), point('old.hist', 'histogram', 2)]);
      expect(await store.migrate(6)).toEqual(['006_metric_kinds']);
      await store.insert('metric_points', [
        point('new.gauge', 'gauge', 3), point('new.exp', 'exponential_histogram', 4),
        { ...point('new.summary', 'summary', 5), quantiles: [0.5], quantile_values: [5] },
      ]);
      const sql = (table: string) => `SELECT metric_name AS name, toString(metric_type) AS type FROM ${table} WHERE tenant_id = {tenant:String} ORDER BY name`;
      expect(await store.query('demo', sql('metric_points'))).toEqual([
        { name: 'new.exp', type: 'exponential_histogram' }, { name: 'new.gauge', type: 'gauge' }, { name: 'new.summary', type: 'summary' },
        { name: 'old.gauge', type: 'gauge' }, { name: 'old.hist', type: 'histogram' },
      ]);
      expect(await store.query('demo', sql('metric_points_1m'))).toEqual([{ name: 'new.gauge', type: 'gauge' }, { name: 'old.gauge', type: 'gauge' }]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
