/**
 * GPU metrics in one model, whatever sent them: NVIDIA DCGM exporter names as they arrive through
 * an OTel Collector's prometheus receiver (`DCGM_FI_DEV_GPU_UTIL`..., labels `UUID`, `gpu`,
 * `modelName`, `Hostname`, `pod`/`namespace`/`container` or their `exported_` variants), and OTel
 * hardware semantic conventions (`hw.gpu.*`, and `hw.power`/`hw.energy`/`hw.temperature` when
 * `hw.type` is `gpu`, with `hw.id`, `hw.model`, `host.name`, `k8s.*`). Pure: no I/O.
 */

/** Normalised GPU metrics and their units (UCUM, as OTel writes them). */
export const GPU_METRICS = {
  utilization: '%',
  encoder_utilization: '%',
  decoder_utilization: '%',
  memory_utilization: '%',
  memory_copy_utilization: '%',
  memory_used: 'By',
  memory_free: 'By',
  memory_total: 'By',
  power: 'W',
  energy: 'J',
  temperature: 'Cel',
  memory_temperature: 'Cel',
  sm_clock: 'MHz',
  memory_clock: 'MHz',
  sm_active: '1',
  sm_occupancy: '1',
  gr_engine_active: '1',
  dram_active: '1',
  tensor_active: '1',
  fp16_active: '1',
  fp32_active: '1',
  fp64_active: '1',
  pcie_tx_bytes: 'By/s',
  pcie_rx_bytes: 'By/s',
  nvlink_tx_bytes: 'By/s',
  nvlink_rx_bytes: 'By/s',
  xid_error: '1',
} as const;
export type GpuMetricName = keyof typeof GPU_METRICS;
export const GPU_METRIC_NAMES = Object.keys(GPU_METRICS) as GpuMetricName[];

/** One GPU sample, normalised. Empty strings where the source did not say. */
export interface GpuSample {
  metric: GpuMetricName;
  value: number;
  /** The GPU's UUID (a MIG instance: `<uuid>/mig/<instance id>`); else `<host>/gpu<index>` when only an index is known. */
  gpuUuid: string;
  gpuIndex: string;
  gpuModel: string;
  host: string;
  namespace: string;
  pod: string;
  container: string;
}

type Labels = Readonly<Record<string, string>>;
const MIB = 1024 * 1024;

/** DCGM field → normalised metric and the factor to its unit (FB_* are MiB, energy is mJ). */
const DCGM: Record<string, [GpuMetricName, number]> = {
  DCGM_FI_DEV_GPU_UTIL: ['utilization', 1],
  DCGM_FI_DEV_ENC_UTIL: ['encoder_utilization', 1],
  DCGM_FI_DEV_DEC_UTIL: ['decoder_utilization', 1],
  DCGM_FI_DEV_MEM_COPY_UTIL: ['memory_copy_utilization', 1],
  DCGM_FI_DEV_FB_USED: ['memory_used', MIB],
  DCGM_FI_DEV_FB_FREE: ['memory_free', MIB],
  DCGM_FI_DEV_FB_TOTAL: ['memory_total', MIB],
  DCGM_FI_DEV_POWER_USAGE: ['power', 1],
  DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION: ['energy', 0.001],
  DCGM_FI_DEV_GPU_TEMP: ['temperature', 1],
  DCGM_FI_DEV_MEMORY_TEMP: ['memory_temperature', 1],
  DCGM_FI_DEV_SM_CLOCK: ['sm_clock', 1],
  DCGM_FI_DEV_MEM_CLOCK: ['memory_clock', 1],
  DCGM_FI_DEV_XID_ERRORS: ['xid_error', 1],
  DCGM_FI_PROF_SM_ACTIVE: ['sm_active', 1],
  DCGM_FI_PROF_SM_OCCUPANCY: ['sm_occupancy', 1],
  DCGM_FI_PROF_GR_ENGINE_ACTIVE: ['gr_engine_active', 1],
  DCGM_FI_PROF_DRAM_ACTIVE: ['dram_active', 1],
  DCGM_FI_PROF_PIPE_TENSOR_ACTIVE: ['tensor_active', 1],
  DCGM_FI_PROF_PIPE_FP16_ACTIVE: ['fp16_active', 1],
  DCGM_FI_PROF_PIPE_FP32_ACTIVE: ['fp32_active', 1],
  DCGM_FI_PROF_PIPE_FP64_ACTIVE: ['fp64_active', 1],
  DCGM_FI_PROF_PCIE_TX_BYTES: ['pcie_tx_bytes', 1],
  DCGM_FI_PROF_PCIE_RX_BYTES: ['pcie_rx_bytes', 1],
  DCGM_FI_PROF_NVLINK_TX_BYTES: ['nvlink_tx_bytes', 1],
  DCGM_FI_PROF_NVLINK_RX_BYTES: ['nvlink_rx_bytes', 1],
};

/** OTel names → normalised metric. `hw.gpu.*` are GPU metrics by name; the generic hw.* ones only with hw.type=gpu. */
const HW_GPU: Record<string, GpuMetricName> = {
  'hw.gpu.utilization': 'utilization',
  'hw.gpu.memory.utilization': 'memory_utilization',
  'hw.gpu.memory.usage': 'memory_used',
  'hw.gpu.memory.limit': 'memory_total',
  'hw.gpu.memory.free': 'memory_free',
  'hw.gpu.power.draw': 'power',
  'hw.gpu.energy.consumed': 'energy',
  'hw.gpu.temperature': 'temperature',
  'hw.gpu.clock.graphics': 'sm_clock',
  'hw.gpu.clock.memory': 'memory_clock',
};
const HW_TYPED: Record<string, GpuMetricName> = { 'hw.power': 'power', 'hw.energy': 'energy', 'hw.temperature': 'temperature' };
const GPU_TASK: Record<string, GpuMetricName> = { encoder: 'encoder_utilization', decoder: 'decoder_utilization' };

/** Factor from the unit a value was sent in to the unit of `metric` (null: a unit we cannot convert). */
function unitFactor(metric: GpuMetricName, unit: string): number | null {
  const target = GPU_METRICS[metric];
  if (target === '%') return unit === '%' ? 1 : unit === '' || unit === '1' ? 100 : null; // OTel ratios are 0..1
  if (target === 'By') return ({ By: 1, '': 1, KiBy: 1024, MiBy: MIB, GiBy: MIB * 1024 } as Record<string, number>)[unit] ?? null;
  if (target === 'J') return ({ J: 1, '': 1, mJ: 0.001, kJ: 1000 } as Record<string, number>)[unit] ?? null;
  if (target === 'W') return ({ W: 1, '': 1, mW: 0.001 } as Record<string, number>)[unit] ?? null;
  return 1;
}

const first = (labels: Labels, ...keys: string[]) => {
  for (const k of keys) if (labels[k]) return labels[k];
  return '';
};

/** Which normalised metric a name is, and the factor to its unit; null when it is not a GPU metric. */
function classify(name: string, unit: string, point: Labels): { metric: GpuMetricName; factor: number; source: 'dcgm' | 'otel' } | null {
  const dcgm = DCGM[name] ?? (/^dcgm_fi_/i.test(name) ? DCGM[name.toUpperCase()] : undefined);
  if (dcgm) return { metric: dcgm[0], factor: dcgm[1], source: 'dcgm' };
  let metric: GpuMetricName | undefined = HW_GPU[name];
  if (metric === 'utilization') metric = GPU_TASK[point['hw.gpu.task']] ?? metric;
  if (!metric && point['hw.type'] === 'gpu') metric = HW_TYPED[name];
  if (!metric) return null;
  const factor = unitFactor(metric, unit);
  return factor === null ? null : { metric, factor, source: 'otel' };
}

/**
 * One data point as a GPU sample, or null when it is not a GPU metric. `point` are the point's
 * labels, `resource` its resource attributes (both as text). For DCGM the workload's pod is
 * `exported_pod` when the scrape renamed the exporter's own `pod` label, else `pod`; resource
 * `k8s.*` attributes are never used for DCGM (they describe the exporter, not the workload).
 */
export function gpuSample(name: string, unit: string, value: number, point: Labels, resource: Labels): GpuSample | null {
  const kind = classify(name, unit, point);
  if (!kind) return null;
  if (kind.source === 'dcgm') {
    const host = first(point, 'Hostname', 'hostname') || first(resource, 'host.name', 'k8s.node.name');
    const index = first(point, 'gpu');
    const uuid = first(point, 'UUID', 'uuid');
    const mig = first(point, 'GPU_I_ID');
    return {
      metric: kind.metric, value: value * kind.factor,
      gpuUuid: uuid ? (mig ? `${uuid}/mig/${mig}` : uuid) : index && host ? `${host}/gpu${index}` : '',
      gpuIndex: index, gpuModel: first(point, 'modelName'), host,
      namespace: first(point, 'exported_namespace', 'namespace'),
      pod: first(point, 'exported_pod', 'pod'),
      container: first(point, 'exported_container', 'container'),
    };
  }
  const either = (...keys: string[]) => first(point, ...keys) || first(resource, ...keys);
  return {
    metric: kind.metric, value: value * kind.factor,
    gpuUuid: either('hw.id'), gpuIndex: '', gpuModel: either('hw.model'),
    host: either('host.name', 'k8s.node.name'),
    namespace: either('k8s.namespace.name'), pod: either('k8s.pod.name'), container: either('k8s.container.name'),
  };
}
