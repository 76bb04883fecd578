import { describe, expect, it } from 'vitest';
import { gpuSample } from './gpu.js';
import { runPlacement } from './gpu-placement.js';
import { gpuUsage, type GpuUsageRow } from './gpu-usage.js';
import { usageWindow } from './gpu-queries.js';

/** Labels of a DCGM exporter series as Prometheus scraped them with honor_labels: false (exporter pod labels attached). */
const dcgmLabels = {
  gpu: '0', UUID: 'GPU-5f3a1c2e-0000-1111-2222-333344445555', device: 'nvidia0', modelName: 'NVIDIA A100-SXM4-80GB',
  Hostname: 'gpu-node-7', DCGM_FI_DRIVER_VERSION: '550.54.15',
  namespace: 'gpu-operator', pod: 'nvidia-dcgm-exporter-x7k2p', container: 'nvidia-dcgm-exporter',
  exported_namespace: 'ml-train', exported_pod: 'resnet-train-0', exported_container: 'trainer',
};

describe('gpuSample: DCGM exporter names', () => {
  it('takes the workload from exported_* labels, not the exporter pod', () => {
    expect(gpuSample('DCGM_FI_DEV_GPU_UTIL', '', 87, dcgmLabels, { 'k8s.pod.name': 'otel-collector-1' })).toEqual({
      metric: 'utilization', value: 87, gpuUuid: 'GPU-5f3a1c2e-0000-1111-2222-333344445555', gpuIndex: '0',
      gpuModel: 'NVIDIA A100-SXM4-80GB', host: 'gpu-node-7', namespace: 'ml-train', pod: 'resnet-train-0', container: 'trainer',
    });
  });

  it('uses pod/namespace/container when the scrape kept the exporter labels (honor_labels: true)', () => {
    const s = gpuSample('DCGM_FI_DEV_POWER_USAGE', '', 312.5, { UUID: 'GPU-1', pod: 'job-a', namespace: 'team-a', container: 'main' }, {});
    expect(s).toMatchObject({ metric: 'power', value: 312.5, pod: 'job-a', namespace: 'team-a', container: 'main' });
  });

  it('converts units: framebuffer MiB to bytes, energy mJ to J; SM activity stays a ratio', () => {
    expect(gpuSample('DCGM_FI_DEV_FB_USED', '', 2048, dcgmLabels, {})).toMatchObject({ metric: 'memory_used', value: 2048 * 1024 * 1024 });
    expect(gpuSample('DCGM_FI_DEV_FB_FREE', '', 1, dcgmLabels, {})).toMatchObject({ metric: 'memory_free', value: 1024 * 1024 });
    expect(gpuSample('DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION', '', 5000, dcgmLabels, {})).toMatchObject({ metric: 'energy', value: 5 });
    expect(gpuSample('DCGM_FI_PROF_SM_ACTIVE', '', 0.42, dcgmLabels, {})).toMatchObject({ metric: 'sm_active', value: 0.42 });
    expect(gpuSample('DCGM_FI_DEV_GPU_TEMP', '', 61, dcgmLabels, {})).toMatchObject({ metric: 'temperature', value: 61 });
    expect(gpuSample('DCGM_FI_DEV_SM_CLOCK', '', 1410, dcgmLabels, {})).toMatchObject({ metric: 'sm_clock', value: 1410 });
    expect(gpuSample('DCGM_FI_PROF_GR_ENGINE_ACTIVE', '', 0.9, dcgmLabels, {})).toMatchObject({ metric: 'gr_engine_active' });
    expect(gpuSample('DCGM_FI_PROF_DRAM_ACTIVE', '', 0.3, dcgmLabels, {})).toMatchObject({ metric: 'dram_active' });
  });

  it('accepts lower-case names, MIG instances, and GPUs known only by host and index', () => {
    expect(gpuSample('dcgm_fi_dev_gpu_util', '', 5, { UUID: 'GPU-9' }, {})?.metric).toBe('utilization');
    expect(gpuSample('DCGM_FI_DEV_GPU_UTIL', '', 5, { UUID: 'GPU-9', GPU_I_ID: '3' }, {})?.gpuUuid).toBe('GPU-9/mig/3');
    expect(gpuSample('DCGM_FI_DEV_GPU_UTIL', '', 5, { gpu: '2', Hostname: 'n1' }, {})?.gpuUuid).toBe('n1/gpu2');
  });

  it('ignores other metrics', () => {
    expect(gpuSample('DCGM_FI_UNKNOWN_FIELD', '', 1, dcgmLabels, {})).toBeNull();
    expect(gpuSample('http.server.duration', 'ms', 1, {}, {})).toBeNull();
  });
});

describe('gpuSample: OTel hardware semantic conventions', () => {
  const resource = { 'host.name': 'gpu-node-3', 'k8s.namespace.name': 'ml', 'k8s.pod.name': 'llm-ft-1', 'k8s.container.name': 'train' };

  it('reads hw.gpu.* with hw.id and k8s resource attributes; ratios become percent', () => {
    expect(gpuSample('hw.gpu.utilization', '1', 0.75, { 'hw.id': 'GPU-abc', 'hw.model': 'H100', 'hw.type': 'gpu' }, resource)).toEqual({
      metric: 'utilization', value: 75, gpuUuid: 'GPU-abc', gpuIndex: '', gpuModel: 'H100', host: 'gpu-node-3',
      namespace: 'ml', pod: 'llm-ft-1', container: 'train',
    });
    expect(gpuSample('hw.gpu.memory.usage', 'By', 1e9, { 'hw.id': 'GPU-abc' }, resource)).toMatchObject({ metric: 'memory_used', value: 1e9 });
    expect(gpuSample('hw.gpu.memory.limit', 'By', 8e10, { 'hw.id': 'GPU-abc' }, resource)).toMatchObject({ metric: 'memory_total', value: 8e10 });
  });

  it('splits encoder/decoder utilisation by hw.gpu.task', () => {
    expect(gpuSample('hw.gpu.utilization', '1', 0.1, { 'hw.id': 'g', 'hw.gpu.task': 'encoder' }, {})?.metric).toBe('encoder_utilization');
    expect(gpuSample('hw.gpu.utilization', '1', 0.1, { 'hw.id': 'g', 'hw.gpu.task': 'general' }, {})?.metric).toBe('utilization');
  });

  it('takes hw.power / hw.temperature only for hw.type=gpu', () => {
    expect(gpuSample('hw.power', 'W', 250, { 'hw.id': 'g', 'hw.type': 'gpu' }, {})).toMatchObject({ metric: 'power', value: 250 });
    expect(gpuSample('hw.temperature', 'Cel', 70, { 'hw.id': 'g', 'hw.type': 'gpu' }, {})).toMatchObject({ metric: 'temperature', value: 70 });
    expect(gpuSample('hw.power', 'W', 250, { 'hw.id': 'psu0', 'hw.type': 'power_supply' }, {})).toBeNull();
  });

  it('point attributes win over resource attributes; unconvertible units are not GPU samples', () => {
    expect(gpuSample('hw.gpu.utilization', '%', 40, { 'hw.id': 'g', 'k8s.pod.name': 'p2' }, resource)).toMatchObject({ value: 40, pod: 'p2' });
    expect(gpuSample('hw.gpu.memory.usage', 'furlongs', 1, { 'hw.id': 'g' }, {})).toBeNull();
  });
});

describe('runPlacement', () => {
  it('reads k8s.namespace and k8s.pod (one or several) and the window from at.* props', () => {
    expect(runPlacement({ 'k8s.namespace': 'ml', 'k8s.pod': 'train-0', 'at.START': '2026-01-01T00:00:00.000Z', 'at.COMPLETE': '2026-01-01T02:00:00.000Z' }))
      .toEqual({ namespace: 'ml', pods: ['train-0'], startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T02:00:00.000Z' });
    expect(runPlacement({ 'k8s.namespace': 'ml', 'k8s.pod': ['w-0', 'w-1', 'w-0', ''] })?.pods).toEqual(['w-0', 'w-1']);
  });

  it('falls back to a k8s / kubernetes OpenLineage run facet', () => {
    expect(runPlacement({ 'facets.kubernetes': { namespace: 'etl', podName: 'spark-driver' }, 'at.RUNNING': '2026-01-01T00:00:00.000Z' }))
      .toEqual({ namespace: 'etl', pods: ['spark-driver'], startedAt: '2026-01-01T00:00:00.000Z', endedAt: null });
    expect(runPlacement({ 'facets.k8s': { namespace: 'a', pods: ['x', 'y'] } })?.pods).toEqual(['x', 'y']);
  });

  it('is null without a namespace and a pod', () => {
    expect(runPlacement({ 'k8s.namespace': 'ml' })).toBeNull();
    expect(runPlacement({ 'k8s.pod': 'p' })).toBeNull();
    expect(runPlacement({})).toBeNull();
  });
});

describe('gpuUsage', () => {
  const ns = (s: number) => (BigInt(1_780_000_000 + s) * 1_000_000_000n).toString();
  const row = (gpu: string, metric: string, n: number, firstS: number, lastS: number, total: number, max = 0): GpuUsageRow => ({
    gpu_uuid: gpu, metric, g_host: 'h', g_model: 'A100', g_pod: 'p', first_ns: ns(firstS), last_ns: ns(lastS), n: String(n), total, p_min: 0, p_max: max,
  });

  it('GPU-hours: span plus one interval per GPU; mean utilisation over every sample', () => {
    // GPU a: 121 samples 30 s apart = 60 min span + 30 s; GPU b: 61 samples 60 s apart = 60 min + 60 s.
    const u = gpuUsage([
      row('a', 'utilization', 121, 0, 3600, 121 * 80), row('a', 'memory_used', 121, 0, 3600, 0, 5e9), row('a', 'power', 121, 0, 3600, 121 * 300),
      row('b', 'utilization', 61, 0, 3600, 61 * 20), row('b', 'power', 61, 0, 3600, 61 * 100),
    ]);
    expect(u.gpuCount).toBe(2);
    expect(u.gpuHours).toBeCloseTo(3630 / 3600 + 3660 / 3600, 9);
    expect(u.meanUtilization).toBeCloseTo((121 * 80 + 61 * 20) / 182, 9);
    expect(u.maxMemoryUsedBytes).toBe(5e9);
    expect(u.gpus.find((g) => g.gpuUuid === 'a')).toMatchObject({ meanUtilization: 80, meanPowerWatts: 300, maxMemoryUsedBytes: 5e9 });
    expect(u.energyKwh).toBeCloseTo((300 * 3630 / 3600 + 100 * 3660 / 3600) / 1000, 9);
  });

  it('a GPU seen once counts no time; nothing reported gives nulls', () => {
    expect(gpuUsage([row('a', 'utilization', 1, 5, 5, 50)])).toMatchObject({ gpuCount: 1, gpuHours: 0, meanUtilization: 50 });
    expect(gpuUsage([])).toEqual({ gpuCount: 0, gpuHours: 0, meanUtilization: null, maxMemoryUsedBytes: null, meanPowerWatts: null, energyKwh: null, gpus: [] });
  });
});

describe('usageWindow: the whole minutes a run summary reads from the rollup', () => {
  const M = 60_000;
  const [from, to] = [10 * M + 30_000, 40 * M + 15_000]; // 00:10:30 to 00:40:15
  it('reads none while the raw points are kept (deduplicated: an exporter sending a batch again changes nothing)', () => {
    expect(usageWindow(from, to, -Infinity)).toEqual({ innerFrom: to, innerTo: to });
    expect(usageWindow(from, to, 5 * M)).toEqual({ innerFrom: to, innerTo: to });
  });
  it('reads the whole minutes before the raw points\' retention horizon from the rollup', () => {
    expect(usageWindow(from, to, 20 * M + 1)).toEqual({ innerFrom: 11 * M, innerTo: 21 * M });
    expect(usageWindow(from, to, 90 * M)).toEqual({ innerFrom: 11 * M, innerTo: 40 * M });
    expect(usageWindow(from, from + 20_000, 90 * M)).toEqual({ innerFrom: from + 20_000, innerTo: from + 20_000 }); // no whole minute
  });
});
