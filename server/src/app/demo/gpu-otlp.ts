/**
 * DCGM exporter samples of the GPU challenger run's two A100s, as an OTel Collector's prometheus
 * receiver forwards them (OTLP/JSON gauges, DCGM names and labels), pure. 60 samples per GPU and
 * metric over the run's window; the `pod`/`namespace` labels are the run's `k8s` facet, so the
 * series join the run (gpu-placement.ts).
 */
import type { OtlpExportMetricsRequest, OtlpMetric } from '../../domain/telemetry/otlp.types.js';
import { GPU_PLACEMENT, msToNanos, round, seeded } from './common.js';
import { spreadTimes } from './curves.js';

export const GPU_SAMPLES = 60;
export const DEMO_GPUS = [
  { index: '0', uuid: 'GPU-5f1c9a2e-7b3d-4e8f-a1c6-2d9e0b4f7a31' },
  { index: '1', uuid: 'GPU-a83e1d47-c2f9-4b05-9e7a-6f1b3c8d2e90' },
] as const;
const FB_TOTAL_MIB = 81_920;

/** Per metric: its DCGM name and the value of GPU `g` at load `load` (0..1) plus noise `n` (-1..1). */
const METRICS: { name: string; unit: string; value: (load: number, n: number, g: number) => number }[] = [
  { name: 'DCGM_FI_DEV_GPU_UTIL', unit: '%', value: (l, n) => Math.max(0, Math.min(100, 92 * l + 4 * n)) },
  { name: 'DCGM_FI_DEV_FB_USED', unit: 'MiB', value: (l, n, g) => 6_000 + 52_000 * Math.min(1, l * 1.3) + 900 * n + 2_100 * g },
  { name: 'DCGM_FI_DEV_FB_FREE', unit: 'MiB', value: (l, n, g) => FB_TOTAL_MIB - (6_000 + 52_000 * Math.min(1, l * 1.3) + 900 * n + 2_100 * g) },
  { name: 'DCGM_FI_DEV_POWER_USAGE', unit: 'W', value: (l, n) => 62 + 318 * l + 12 * n },
  { name: 'DCGM_FI_DEV_GPU_TEMP', unit: 'C', value: (l, n, g) => 34 + 38 * l + 1.5 * n + 2 * g },
  { name: 'DCGM_FI_DEV_SM_CLOCK', unit: 'MHz', value: (l) => (l > 0.2 ? 1410 : 210) },
  { name: 'DCGM_FI_PROF_PIPE_TENSOR_ACTIVE', unit: '1', value: (l, n) => Math.max(0, 0.41 * l + 0.03 * n) },
];

/** Load over the run: data loading ramp, steady boosting with evaluation dips, a tail writing the model. */
export function loadAt(fraction: number, i: number): number {
  if (fraction < 0.08) return 0.15 + fraction * 8;
  if (fraction > 0.95) return 0.12;
  return i % 10 === 9 ? 0.62 : 0.9;
}

export function gpuRequest(startMs: number, endMs: number): OtlpExportMetricsRequest {
  const times = spreadTimes(GPU_SAMPLES, startMs, endMs);
  const metrics: OtlpMetric[] = METRICS.map((m) => ({
    name: m.name, unit: m.unit,
    gauge: {
      dataPoints: DEMO_GPUS.flatMap((gpu, g) => {
        const noise = seeded(31 * (g + 1) + m.name.length);
        return times.map((t, i) => ({
          timeUnixNano: msToNanos(t), asDouble: round(m.value(loadAt((i + 0.5) / GPU_SAMPLES, i), noise() * 2 - 1, g), 3),
          attributes: labels({ gpu: gpu.index, UUID: gpu.uuid, device: `nvidia${gpu.index}`, modelName: 'NVIDIA A100-SXM4-80GB', Hostname: GPU_PLACEMENT.node, namespace: GPU_PLACEMENT.namespace, pod: GPU_PLACEMENT.pod, container: 'trainer' }),
        }));
      }),
    },
  }));
  return {
    resourceMetrics: [{
      resource: { attributes: labels({ 'service.name': 'dcgm-exporter', 'k8s.namespace.name': 'gpu-operator', 'k8s.node.name': GPU_PLACEMENT.node }) },
      scopeMetrics: [{ scope: { name: 'otelcol/prometheusreceiver', version: '0.112.0' }, metrics }],
    }],
  };
}

const labels = (o: Record<string, string>) => Object.entries(o).map(([key, v]) => ({ key, value: { stringValue: v } }));
