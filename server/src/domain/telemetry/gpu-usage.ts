/**
 * GPU usage of a run from per-(GPU, metric) aggregates (gpu-queries.ts `gpuUsageQuery`). Pure.
 *
 * GPU-hours: a GPU counts from its first to its last sample, plus one sampling interval (each
 * sample stands for the interval around it): span × n / (n − 1) for the metric it reported most
 * often; a GPU seen once counts 0 (no interval to measure). Mean utilisation: every utilisation
 * sample of the run's GPUs weighs the same (samples are evenly spaced, so this is the time mean).
 * Energy: mean power × hours per GPU, an estimate (the energy counter, when DCGM sends it, is in the series).
 */
export interface GpuUsageRow {
  gpu_uuid: string; metric: string; g_host: string; g_model: string; g_pod: string;
  first_ns: string; last_ns: string; n: string | number; total: number; p_min: number; p_max: number;
}

export interface GpuUsage {
  gpuUuid: string; host: string; model: string; pod: string;
  firstSeen: string; lastSeen: string; hours: number;
  meanUtilization: number | null; maxMemoryUsedBytes: number | null; meanPowerWatts: number | null;
}

export interface RunGpuUsage {
  gpuCount: number; gpuHours: number;
  /** Percent (0..100); null when no utilisation was reported. */
  meanUtilization: number | null;
  maxMemoryUsedBytes: number | null;
  meanPowerWatts: number | null;
  energyKwh: number | null;
  gpus: GpuUsage[];
}

const nsToIso = (ns: string) => new Date(Number(BigInt(ns) / 1_000_000n)).toISOString();

function hoursOf(r: GpuUsageRow): number {
  const n = Number(r.n);
  if (n < 2) return 0;
  const spanNs = Number(BigInt(r.last_ns) - BigInt(r.first_ns));
  return ((spanNs / 1e9) * n) / (n - 1) / 3600;
}

const mean = (rows: GpuUsageRow[]) => {
  const n = rows.reduce((a, r) => a + Number(r.n), 0);
  return n ? rows.reduce((a, r) => a + Number(r.total), 0) / n : null;
};

export function gpuUsage(rows: GpuUsageRow[]): RunGpuUsage {
  const byGpu = new Map<string, GpuUsageRow[]>();
  for (const r of rows) {
    const list = byGpu.get(r.gpu_uuid);
    if (list) list.push(r);
    else byGpu.set(r.gpu_uuid, [r]);
  }
  const gpus: GpuUsage[] = [];
  for (const [uuid, list] of byGpu) {
    const busiest = list.reduce((a, r) => (Number(r.n) > Number(a.n) ? r : a));
    const of = (metric: string) => list.filter((r) => r.metric === metric);
    const memory = of('memory_used');
    gpus.push({
      gpuUuid: uuid, host: busiest.g_host, model: busiest.g_model, pod: busiest.g_pod,
      firstSeen: nsToIso(list.reduce((a, r) => (BigInt(r.first_ns) < BigInt(a) ? r.first_ns : a), busiest.first_ns)),
      lastSeen: nsToIso(list.reduce((a, r) => (BigInt(r.last_ns) > BigInt(a) ? r.last_ns : a), busiest.last_ns)),
      hours: hoursOf(busiest),
      meanUtilization: mean(of('utilization')),
      maxMemoryUsedBytes: memory.length ? Math.max(...memory.map((r) => Number(r.p_max))) : null,
      meanPowerWatts: mean(of('power')),
    });
  }
  const util = rows.filter((r) => r.metric === 'utilization');
  const powered = gpus.filter((g) => g.meanPowerWatts !== null);
  const memory = gpus.flatMap((g) => (g.maxMemoryUsedBytes === null ? [] : [g.maxMemoryUsedBytes]));
  return {
    gpuCount: gpus.length,
    gpuHours: gpus.reduce((a, g) => a + g.hours, 0),
    meanUtilization: mean(util),
    maxMemoryUsedBytes: memory.length ? Math.max(...memory) : null,
    meanPowerWatts: mean(rows.filter((r) => r.metric === 'power')),
    energyKwh: powered.length ? powered.reduce((a, g) => a + g.meanPowerWatts! * g.hours, 0) / 1000 : null,
    gpus,
  };
}
