/** OTLP/JSON metric requests as an OTel Collector sends them, for tests and benches (no I/O). */
import type { OtlpExportMetricsRequest, OtlpKeyValue, OtlpMetric } from './otlp.types.js';

export const attrs = (o: Record<string, string | number>): OtlpKeyValue[] =>
  Object.entries(o).map(([key, v]) => ({ key, value: typeof v === 'string' ? { stringValue: v } : Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v } }));

export const msToNanos = (ms: number) => (BigInt(Math.round(ms)) * 1_000_000n).toString();

export interface GaugeSample { name: string; timeMs: number; value: number; labels: Record<string, string> }

/** Gauge samples grouped into one metric per name, under one resource. */
export function gaugeRequest(samples: GaugeSample[], resource: Record<string, string>): OtlpExportMetricsRequest {
  const byName = new Map<string, OtlpMetric>();
  for (const s of samples) {
    let m = byName.get(s.name);
    if (!m) byName.set(s.name, (m = { name: s.name, unit: '', gauge: { dataPoints: [] } }));
    m.gauge!.dataPoints!.push({ timeUnixNano: msToNanos(s.timeMs), asDouble: s.value, attributes: attrs(s.labels) });
  }
  return { resourceMetrics: [{ resource: { attributes: attrs(resource) }, scopeMetrics: [{ scope: { name: 'otelcol/prometheusreceiver', version: '0.120.0' }, metrics: [...byName.values()] }] }] };
}

/** The resource the collector's prometheus receiver gives DCGM exporter metrics (its own pod: never the workload). */
export const DCGM_RESOURCE = {
  'service.name': 'dcgm-exporter', 'service.instance.id': '10.0.3.7:9400', 'server.address': '10.0.3.7', 'server.port': '9400',
  'k8s.pod.name': 'nvidia-dcgm-exporter-x7k2p', 'k8s.namespace.name': 'gpu-operator',
};

/** Labels of one GPU as DCGM exporter writes them, scraped with honor_labels: false (workload labels renamed exported_*). */
export function dcgmLabels(gpu: { uuid: string; index: string; host: string; namespace: string; pod: string; container?: string }): Record<string, string> {
  return {
    gpu: gpu.index, UUID: gpu.uuid, device: `nvidia${gpu.index}`, modelName: 'NVIDIA A100-SXM4-80GB', Hostname: gpu.host,
    DCGM_FI_DRIVER_VERSION: '550.54.15', namespace: 'gpu-operator', pod: 'nvidia-dcgm-exporter-x7k2p', container: 'nvidia-dcgm-exporter',
    exported_namespace: gpu.namespace, exported_pod: gpu.pod, exported_container: gpu.container ?? 'trainer',
  };
}
