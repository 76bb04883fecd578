/** Pure GPU chart data: the metrics offered in the picker, series → chart lines, unit-aware labels. */
import type { GpuMetric } from '../../gql/graphql.js';
import type { ChartSeries } from '../../charts/LineChart.js';
import { formatNumber } from '../../charts/scale.js';

export const GPU_PICKER = ['UTILIZATION', 'MEMORY_USED', 'POWER', 'TEMPERATURE', 'SM_ACTIVE'] as const satisfies readonly GpuMetric[];
export type PickedGpuMetric = (typeof GPU_PICKER)[number];
export const DEFAULT_GPU_METRIC: PickedGpuMetric = 'UTILIZATION';

export function parseGpuMetric(value: string | null): PickedGpuMetric {
  return GPU_PICKER.find((m) => m === value) ?? DEFAULT_GPU_METRIC;
}

export interface GpuSeriesLike {
  gpuUuid: string; metric: string; unit: string; pod: string; host: string; gpuIndex: string;
  points: ReadonlyArray<{ time: string; avg: number }>;
}

/** How a unit is shown: bytes as GiB, ratios (0..1) as percent, the rest as they come. */
export function unitDisplay(unit: string): { scale: number; suffix: string } {
  if (unit === 'By') return { scale: 1 / 2 ** 30, suffix: ' GiB' };
  if (unit === '1') return { scale: 100, suffix: ' %' };
  if (unit === '%') return { scale: 1, suffix: ' %' };
  if (unit === 'Cel') return { scale: 1, suffix: ' °C' };
  if (unit === 'By/s') return { scale: 1 / 2 ** 20, suffix: ' MiB/s' };
  return { scale: 1, suffix: unit ? ` ${unit}` : '' };
}

export function formatWithUnit(unit: string): (v: number) => string {
  const { suffix } = unitDisplay(unit);
  return (v) => `${formatNumber(v)}${suffix}`;
}

/** One chart line per (GPU, pod) of `metric`: bucket averages over time, in display units. */
export function gpuChartSeries(series: readonly GpuSeriesLike[], metric: GpuMetric): ChartSeries[] {
  return series
    .filter((s) => s.metric === metric)
    .map((s) => {
      const { scale } = unitDisplay(s.unit);
      return {
        id: `${s.gpuUuid}/${s.pod}`,
        label: `${s.host} #${s.gpuIndex} · ${s.pod}`,
        points: s.points.map((p) => ({ x: Date.parse(p.time), y: p.avg * scale })),
      };
    });
}

/** The unit of a metric in a result (the first series that has it), '' when none. */
export function unitOf(series: readonly GpuSeriesLike[], metric: GpuMetric): string {
  return series.find((s) => s.metric === metric)?.unit ?? '';
}

/** Bytes as GiB with 1 decimal; null stays null. */
export function gib(bytes: number | null | undefined): number | null {
  return bytes == null ? null : Math.round((bytes / 2 ** 30) * 10) / 10;
}
