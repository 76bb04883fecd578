import { describe, expect, it } from 'vitest';
import { formatWithUnit, gib, gpuChartSeries, parseGpuMetric, unitDisplay, unitOf, type GpuSeriesLike } from './gpu.js';

const s = (gpuUuid: string, metric: string, unit: string, pod: string, avgs: number[]): GpuSeriesLike => ({
  gpuUuid, metric, unit, pod, host: 'node-1', gpuIndex: gpuUuid.endsWith('1') ? '1' : '0',
  points: avgs.map((avg, i) => ({ time: new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString(), avg })),
});

describe('GPU chart data', () => {
  it('picks a known metric from the URL, else utilisation', () => {
    expect(parseGpuMetric('POWER')).toBe('POWER');
    expect(parseGpuMetric('XID_ERROR')).toBe('UTILIZATION');
    expect(parseGpuMetric(null)).toBe('UTILIZATION');
  });
  it('draws one line per GPU and pod of the chosen metric, in display units', () => {
    const all = [s('GPU-0', 'MEMORY_USED', 'By', 'train-0', [2 ** 30, 2 ** 31]), s('GPU-1', 'MEMORY_USED', 'By', 'train-0', [2 ** 32]), s('GPU-0', 'UTILIZATION', '%', 'train-0', [50])];
    const lines = gpuChartSeries(all, 'MEMORY_USED');
    expect(lines.map((l) => [l.id, l.label, l.points.map((p) => p.y)])).toEqual([
      ['GPU-0/train-0', 'node-1 #0 · train-0', [1, 2]],
      ['GPU-1/train-0', 'node-1 #1 · train-0', [4]],
    ]);
    expect(lines[0].points[1].x - lines[0].points[0].x).toBe(60_000);
    expect(gpuChartSeries(all, 'POWER')).toEqual([]);
    expect(unitOf(all, 'UTILIZATION')).toBe('%');
    expect(unitOf(all, 'POWER')).toBe('');
  });
  it('shows ratios as percent and bytes as GiB', () => {
    expect(gpuChartSeries([s('GPU-0', 'SM_ACTIVE', '1', 'p', [0.25])], 'SM_ACTIVE')[0].points[0].y).toBe(25);
    expect(unitDisplay('W')).toEqual({ scale: 1, suffix: ' W' });
    expect(formatWithUnit('Cel')(71.25)).toBe('71.3 °C');
    expect(gib(3 * 2 ** 30 + 2 ** 29)).toBe(3.5);
    expect(gib(null)).toBeNull();
  });
});
