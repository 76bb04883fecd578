import { describe, expect, it } from 'vitest';
import { DURATION_UNITS, durationMs, formatDuration, metricCharts, orderParams, parseRunIds, runLabel, toggleRunId } from './compare.js';

describe('run selection in the URL', () => {
  it('parses distinct ids and toggles them', () => {
    expect(parseRunIds(' a,b,,a , c')).toEqual(['a', 'b', 'c']);
    expect(parseRunIds(null)).toEqual([]);
    expect(parseRunIds(Array.from({ length: 60 }, (_, i) => `r${i}`).join(','))).toHaveLength(50);
    expect(toggleRunId(['a', 'b'], 'c')).toBe('a,b,c');
    expect(toggleRunId(['a', 'b'], 'a')).toBe('b');
    expect(toggleRunId(['a'], 'a')).toBeNull();
  });
});

describe('metricCharts', () => {
  it('makes one chart per key with one line per run, in the runs order, labelled by name', () => {
    const runs = [{ runId: 'aaaaaaaa-1111', name: 'baseline' }, { runId: 'bbbbbbbb-2222', name: null }];
    const charts = metricCharts([
      { runId: 'bbbbbbbb-2222', key: 'loss', points: [{ step: 0, value: 2 }, { step: 1, value: 1 }] },
      { runId: 'aaaaaaaa-1111', key: 'loss', points: [{ step: 0, value: 3 }] },
      { runId: 'aaaaaaaa-1111', key: 'acc', points: [{ step: 5, value: 0.9 }] },
    ], runs);
    expect(charts.map((c) => [c.key, c.series.map((s) => s.label)])).toEqual([['acc', ['baseline']], ['loss', ['baseline', 'bbbbbbbb']]]);
    expect(charts[1].series[1].points).toEqual([{ x: 0, y: 2 }, { x: 1, y: 1 }]);
    expect(runLabel({ runId: 'abcdefghij' })).toBe('abcdefgh');
  });
});

describe('orderParams', () => {
  const rows = [{ key: 'seed', values: ['1', '1'], differs: false }, { key: 'lr', values: ['0.1', '0.01'], differs: true }, { key: 'depth', values: ['6', null], differs: true }];
  it('puts differing params first and can hide the equal ones', () => {
    expect(orderParams(rows, false).map((r) => r.key)).toEqual(['depth', 'lr', 'seed']);
    expect(orderParams(rows, true).map((r) => r.key)).toEqual(['depth', 'lr']);
  });
});

describe('durations', () => {
  it('measures to the end, or to now while running', () => {
    expect(durationMs('2026-03-01T00:00:00Z', '2026-03-01T02:05:00Z', 0)).toBe(7_500_000);
    expect(durationMs('2026-03-01T00:00:00Z', null, Date.parse('2026-03-01T00:00:42Z'))).toBe(42_000);
    expect(durationMs(null, null, 0)).toBeNull();
    expect([null, 42_000, 125_000, 7_500_000, 3 * 86_400_000].map((ms) => formatDuration(ms))).toEqual(['–', '42 s', '2 min 5 s', '2 h 5 min', '3 d 0 h']);
    expect([42_000, 7_500_000].map((ms) => formatDuration(ms, DURATION_UNITS.zh))).toEqual(['42 秒', '2 小时 5 分']);
  });
});
