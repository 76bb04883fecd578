import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { runNodeId } from '../../domain/ids.js';
import { DCGM_RESOURCE, dcgmLabels, gaugeRequest, type GaugeSample } from '../../domain/telemetry/metrics-testkit.js';

const MIN = 60_000;
const MIB = 1024 * 1024;
/** Run A ran 20 minutes from T0 (a minute boundary 40 minutes ago) in pod resnet-train-0 of namespace ml. */
const T0 = Math.floor((Date.now() - 40 * MIN) / MIN) * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

const SUMMARY = `query ($runId: String!) { runGpuSummary(runId: $runId) {
  runId gpuCount gpuHours meanUtilization maxMemoryUsedBytes meanPowerWatts energyKwh
  placement { namespace pods startedAt endedAt }
  gpus { gpuUuid host model pod firstSeen lastSeen hours meanUtilization maxMemoryUsedBytes meanPowerWatts } } }`;
const RUN_SERIES = `query ($runId: String!, $metrics: [GpuMetric!], $from: DateTime, $to: DateTime, $step: Int, $maxPoints: Int) {
  runGpuSeries(runId: $runId, metrics: $metrics, from: $from, to: $to, step: $step, maxPoints: $maxPoints) {
    stepSeconds source from to truncated placement { namespace pods }
    series { gpuUuid metric unit namespace pod container host model gpuIndex points { time min max avg last count } } } }`;
const GPU_SERIES = `query ($gpu: String!, $metrics: [GpuMetric!], $from: DateTime, $to: DateTime, $step: Int) {
  gpuSeries(gpuUuid: $gpu, metrics: $metrics, from: $from, to: $to, step: $step) {
    stepSeconds source series { gpuUuid metric pod points { time avg count } } } }`;
const METRIC_SERIES = `query ($name: String!, $labels: [LabelMatcher!], $from: DateTime, $to: DateTime, $step: Int, $maxPoints: Int) {
  metricSeries(name: $name, labels: $labels, from: $from, to: $to, step: $step, maxPoints: $maxPoints) {
    stepSeconds source truncated series { name type temporality unit service labels
      points { time min max avg last count histogram { count sum min max explicitBounds bucketCounts } } } } }`;

interface Gpu { uuid: string; index: string; host: string; namespace: string; pod: string }
const GPU_A: Gpu = { uuid: 'GPU-aaaaaaaa-0000-4000-8000-000000000001', index: '0', host: 'gpu-node-1', namespace: 'ml', pod: 'resnet-train-0' };
const GPU_B: Gpu = { uuid: 'GPU-bbbbbbbb-0000-4000-8000-000000000002', index: '1', host: 'gpu-node-1', namespace: 'ml', pod: 'resnet-train-0' };
const GPU_OTHER_POD: Gpu = { uuid: 'GPU-cccccccc-0000-4000-8000-000000000003', index: '2', host: 'gpu-node-1', namespace: 'ml', pod: 'other-job-0' };
const GPU_OTHER_NS: Gpu = { uuid: 'GPU-dddddddd-0000-4000-8000-000000000004', index: '0', host: 'gpu-node-2', namespace: 'team-b', pod: 'resnet-train-0' };
const GPU_D: Gpu = { uuid: 'GPU-eeeeeeee-0000-4000-8000-000000000005', index: '1', host: 'gpu-node-2', namespace: 'ml', pod: 'bert-ft-0' };

/** DCGM samples of one GPU every `everyS` seconds in [fromMs, toMs]: utilisation, framebuffer used (MiB), power (W). */
function dcgm(gpu: Gpu, fromMs: number, toMs: number, everyS: number, seed: number): GaugeSample[] {
  const out: GaugeSample[] = [];
  for (let t = fromMs, i = 0; t <= toMs; t += everyS * 1000, i++) {
    const labels = dcgmLabels(gpu);
    out.push({ name: 'DCGM_FI_DEV_GPU_UTIL', timeMs: t, value: seed + (i % 10) * 5, labels });
    out.push({ name: 'DCGM_FI_DEV_FB_USED', timeMs: t, value: 10_000 + seed * 10 + i, labels });
    out.push({ name: 'DCGM_FI_DEV_POWER_USAGE', timeMs: t, value: 250 + seed + (i % 3), labels });
  }
  return out;
}

const within = (s: GaugeSample[], name: string, from: number, to: number) => s.filter((x) => x.name === name && x.timeMs >= from && x.timeMs <= to).map((x) => x.value);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('GPU metrics tied to runs, over OTLP and GraphQL', () => {
  let loom: TestLoom;
  let rivalKey: string;
  const runA = randomUUID();
  const runB = randomUUID();
  const samplesA = dcgm(GPU_A, T0 - 5 * MIN, T0 + 25 * MIN, 15, 40);
  const samplesB = dcgm(GPU_B, T0 - 5 * MIN, T0 + 25 * MIN, 15, 10);
  const samplesD = dcgm(GPU_D, T0, T0 + 10 * MIN, 30, 70);

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    // Run A: written through the GraphStore port as a training launcher would (k8s.namespace, k8s.pod, at.START/at.COMPLETE).
    await loom.services.graph.write('demo', { nodes: [{
      id: runNodeId(runA), kind: 'Run', namespace: 'training', name: runA,
      props: { runId: runA, 'k8s.namespace': 'ml', 'k8s.pod': 'resnet-train-0', 'at.START': iso(T0), 'at.COMPLETE': iso(T0 + 20 * MIN) },
    }], edges: [] });
    // Run B: an OpenLineage START event carrying a custom `kubernetes` run facet; still running.
    const ol = await loom.post('/api/v1/lineage', {
      eventType: 'START', eventTime: iso(T0), producer: 'https://example.com/trainer',
      run: { runId: runB, facets: { kubernetes: { _producer: 'https://example.com/trainer', _schemaURL: 'https://example.com/k8s.json', namespace: 'ml', pod: 'bert-ft-0' } } },
      job: { namespace: 'training', name: 'bert_finetune' },
    });
    expect(ol.status).toBe(201);
    // What an OTel Collector (prometheus receiver scraping dcgm-exporter) sends, as OTLP/JSON on /v1/metrics.
    const all = [...samplesA, ...samplesB, ...samplesD, ...dcgm(GPU_OTHER_POD, T0, T0 + 20 * MIN, 15, 90), ...dcgm(GPU_OTHER_NS, T0, T0 + 20 * MIN, 15, 95)];
    const res = await loom.post('/v1/metrics', gaugeRequest(all, DCGM_RESOURCE));
    expect(res).toEqual({ status: 200, json: {} });
  });
  afterAll(() => loom?.close());

  it('sums GPU-hours and mean utilisation of a run over its pod and window only', async () => {
    const { data, errors } = await loom.gql(SUMMARY, { runId: runA });
    expect(errors).toBeUndefined();
    const s = data.runGpuSummary;
    const end = T0 + 20 * MIN;
    expect(s.placement).toEqual({ namespace: 'ml', pods: ['resnet-train-0'], startedAt: iso(T0), endedAt: iso(end) });
    expect(s.gpuCount).toBe(2);
    // 81 samples 15 s apart per GPU: 20 minutes + one interval
    expect(s.gpuHours).toBeCloseTo((2 * (20 * 60 * 81) / 80) / 3600, 9);
    const utilA = within(samplesA, 'DCGM_FI_DEV_GPU_UTIL', T0, end);
    const utilB = within(samplesB, 'DCGM_FI_DEV_GPU_UTIL', T0, end);
    expect(utilA).toHaveLength(81);
    expect(s.meanUtilization).toBeCloseTo(mean([...utilA, ...utilB]), 9);
    expect(s.maxMemoryUsedBytes).toBe(Math.max(...within(samplesA, 'DCGM_FI_DEV_FB_USED', T0, end)) * MIB);
    expect(s.meanPowerWatts).toBeCloseTo(mean([...within(samplesA, 'DCGM_FI_DEV_POWER_USAGE', T0, end), ...within(samplesB, 'DCGM_FI_DEV_POWER_USAGE', T0, end)]), 9);
    expect(s.gpus.map((g: any) => [g.gpuUuid, g.host, g.model, g.pod, g.firstSeen, g.lastSeen])).toEqual([
      [GPU_A.uuid, 'gpu-node-1', 'NVIDIA A100-SXM4-80GB', 'resnet-train-0', iso(T0), iso(end)],
      [GPU_B.uuid, 'gpu-node-1', 'NVIDIA A100-SXM4-80GB', 'resnet-train-0', iso(T0), iso(end)],
    ]);
    expect(s.gpus[0].meanUtilization).toBeCloseTo(mean(utilA), 9);
  });

  it('finds the GPUs of a run placed by an OpenLineage kubernetes facet (still running: window ends now)', async () => {
    const s = (await loom.gql(SUMMARY, { runId: runB })).data.runGpuSummary;
    expect(s.placement).toEqual({ namespace: 'ml', pods: ['bert-ft-0'], startedAt: iso(T0), endedAt: null });
    expect(s.gpuCount).toBe(1);
    expect(s.gpuHours).toBeCloseTo((600 * 21) / 20 / 3600, 9);
    expect(s.meanUtilization).toBeCloseTo(mean(within(samplesD, 'DCGM_FI_DEV_GPU_UTIL', T0, T0 + 10 * MIN)), 9);
  });

  it('returns a run\'s GPU series raw (exact samples) or from the rollup (whole minutes)', async () => {
    const raw = (await loom.gql(RUN_SERIES, { runId: runA, metrics: ['UTILIZATION', 'MEMORY_USED'], step: 15, maxPoints: 1000 })).data.runGpuSeries;
    expect(raw).toMatchObject({ stepSeconds: 15, source: 'RAW', truncated: false, placement: { namespace: 'ml', pods: ['resnet-train-0'] } });
    expect(raw.series.map((s: any) => [s.gpuUuid, s.metric, s.unit])).toEqual([
      [GPU_A.uuid, 'MEMORY_USED', 'By'], [GPU_A.uuid, 'UTILIZATION', '%'], [GPU_B.uuid, 'MEMORY_USED', 'By'], [GPU_B.uuid, 'UTILIZATION', '%'],
    ]);
    const utilA = raw.series[1];
    expect(utilA).toMatchObject({ namespace: 'ml', pod: 'resnet-train-0', container: 'trainer', host: 'gpu-node-1', gpuIndex: '0' });
    expect(utilA.points.map((p: any) => p.last)).toEqual(within(samplesA, 'DCGM_FI_DEV_GPU_UTIL', T0, T0 + 20 * MIN));
    expect(raw.series[0].points[0].last).toBe(within(samplesA, 'DCGM_FI_DEV_FB_USED', T0, T0)[0] * MIB);

    const rolled = (await loom.gql(RUN_SERIES, { runId: runA, metrics: ['UTILIZATION'], step: 60 })).data.runGpuSeries;
    expect(rolled).toMatchObject({ stepSeconds: 60, source: 'ROLLUP_1M' });
    const minutes = rolled.series[0].points.slice(0, 20);
    minutes.forEach((p: any, k: number) => {
      const vals = within(samplesA, 'DCGM_FI_DEV_GPU_UTIL', T0 + k * MIN, T0 + k * MIN + 45_000);
      expect([p.time, p.count, p.min, p.max]).toEqual([iso(T0 + k * MIN), 4, Math.min(...vals), Math.max(...vals)]);
      expect(p.avg).toBeCloseTo(mean(vals), 9);
    });
    // no step: derived from maxPoints (20 minutes / 10 points = 2 minutes), narrowed by from/to
    const auto = (await loom.gql(RUN_SERIES, { runId: runA, metrics: ['POWER'], maxPoints: 10 })).data.runGpuSeries;
    expect(auto).toMatchObject({ stepSeconds: 120, source: 'ROLLUP_1M' });
    const narrow = (await loom.gql(RUN_SERIES, { runId: runA, metrics: ['POWER'], from: iso(T0 - 10 * MIN), to: iso(T0 + 2 * MIN), step: 15, maxPoints: 100 })).data.runGpuSeries;
    expect(narrow.from).toBe(iso(T0)); // clipped to the run's start
    expect(narrow.series[0].points).toHaveLength(8);
    // the rollup reads the whole minutes inside the range, and says so: no sample before `from` or from `to` on
    const inside = (await loom.gql(RUN_SERIES, { runId: runA, metrics: ['UTILIZATION'], from: iso(T0 + 30_000), to: iso(T0 + 5 * MIN + 30_000), step: 60 })).data.runGpuSeries;
    expect([inside.source, inside.from, inside.to]).toEqual(['ROLLUP_1M', iso(T0 + MIN), iso(T0 + 5 * MIN)]);
    expect(inside.series[0].points.map((p: any) => [p.time, p.count])).toEqual([1, 2, 3, 4].map((k) => [iso(T0 + k * MIN), 4]));
    const short = (await loom.gql(RUN_SERIES, { runId: runA, metrics: ['UTILIZATION'], from: iso(T0 + 10_000), to: iso(T0 + 50_000), step: 60 })).data.runGpuSeries;
    expect([short.source, short.series[0].points.map((p: any) => p.count)]).toEqual(['RAW', [3]]); // no whole minute: the raw points of [from, to)
  });

  it('returns one GPU\'s series by uuid', async () => {
    const res = (await loom.gql(GPU_SERIES, { gpu: GPU_A.uuid, metrics: ['POWER'], from: iso(T0 - 5 * MIN), to: iso(T0 + 25 * MIN), step: 60 })).data.gpuSeries;
    expect(res).toMatchObject({ stepSeconds: 60, source: 'ROLLUP_1M' });
    expect(res.series).toHaveLength(1);
    expect(res.series[0]).toMatchObject({ gpuUuid: GPU_A.uuid, metric: 'POWER', pod: 'resnet-train-0' });
    expect(res.series[0].points.map((p: any) => p.count)).toEqual(Array(30).fill(4));
    expect(res.series[0].points[0].avg).toBeCloseTo(mean(within(samplesA, 'DCGM_FI_DEV_POWER_USAGE', T0 - 5 * MIN, T0 - 4 * MIN - 1)), 9);
  });

  it('keeps the raw DCGM series queryable by name and labels', async () => {
    const res = (await loom.gql(METRIC_SERIES, {
      name: 'DCGM_FI_DEV_GPU_UTIL', labels: [{ key: 'UUID', value: GPU_B.uuid }], from: iso(T0), to: iso(T0 + 5 * MIN), step: 15, maxPoints: 1000,
    })).data.metricSeries;
    expect(res.series).toHaveLength(1);
    expect(res.series[0]).toMatchObject({ type: 'gauge', service: 'dcgm-exporter', labels: { exported_pod: 'resnet-train-0', UUID: GPU_B.uuid, 'k8s.pod.name': 'nvidia-dcgm-exporter-x7k2p' } });
    expect(res.series[0].points.map((p: any) => p.last)).toEqual(within(samplesB, 'DCGM_FI_DEV_GPU_UTIL', T0, T0 + 5 * MIN - 1));
  });

  it('answers bad input with BAD_USER_INPUT naming the field, and unknown runs with NOT_FOUND', async () => {
    const code = (r: { errors?: any[] }) => r.errors?.map((e) => [e.extensions.code, e.extensions.field ?? null]);
    expect(code(await loom.gql(SUMMARY, { runId: randomUUID() }))).toEqual([['NOT_FOUND', null]]);
    expect(code(await loom.gql(RUN_SERIES, { runId: randomUUID() }))).toEqual([['NOT_FOUND', null]]);
    expect(code(await loom.gql(RUN_SERIES, { runId: runA, from: iso(T0 + 10 * MIN), to: iso(T0 + 5 * MIN) }))).toEqual([['BAD_USER_INPUT', 'to']]);
    expect(code(await loom.gql(GPU_SERIES, { gpu: GPU_A.uuid, from: iso(T0), to: iso(T0 + 30 * MIN), step: 1 }))).toEqual([['BAD_USER_INPUT', 'step']]);
    expect(code(await loom.gql(METRIC_SERIES, { name: ' ' }))).toEqual([['BAD_USER_INPUT', 'name']]);
    expect(code(await loom.gql(METRIC_SERIES, { name: 'x', maxPoints: 0 }))).toEqual([['BAD_USER_INPUT', 'maxPoints']]);
    expect(code(await loom.gql(RUN_SERIES, { runId: runA, metrics: ['FLUX_CAPACITANCE'] }))).toEqual([['BAD_USER_INPUT', null]]);
    // a run that does not say where it ran: no placement, nothing counted
    const bare = randomUUID();
    await loom.services.graph.write('demo', { nodes: [{ id: runNodeId(bare), kind: 'Run', namespace: 'training', name: bare, props: { runId: bare } }], edges: [] });
    expect((await loom.gql(SUMMARY, { runId: bare })).data.runGpuSummary).toMatchObject({ placement: null, gpuCount: 0, gpuHours: 0, meanUtilization: null });
  });

  it('keeps tenants apart: another tenant sees neither the runs, the GPUs nor the series', async () => {
    const code = (r: { errors?: any[] }) => r.errors?.map((e) => e.extensions.code);
    expect(code(await loom.gql(SUMMARY, { runId: runA }, rivalKey))).toEqual(['NOT_FOUND']);
    expect(code(await loom.gql(RUN_SERIES, { runId: runA }, rivalKey))).toEqual(['NOT_FOUND']);
    expect((await loom.gql(GPU_SERIES, { gpu: GPU_A.uuid, from: iso(T0), to: iso(T0 + 20 * MIN), step: 60 }, rivalKey)).data.gpuSeries.series).toEqual([]);
    expect((await loom.gql(METRIC_SERIES, { name: 'DCGM_FI_DEV_GPU_UTIL', from: iso(T0), to: iso(T0 + 20 * MIN), step: 60 }, rivalKey)).data.metricSeries.series).toEqual([]);
    // the rival's own run in the same namespace/pod/window, and its own samples there: each tenant counts only its own
    await loom.services.graph.write('rival', { nodes: [{
      id: runNodeId(runA), kind: 'Run', namespace: 'training', name: runA,
      props: { runId: runA, 'k8s.namespace': 'ml', 'k8s.pod': 'resnet-train-0', 'at.START': iso(T0), 'at.COMPLETE': iso(T0 + 20 * MIN) },
    }], edges: [] });
    expect((await loom.gql(SUMMARY, { runId: runA }, rivalKey)).data.runGpuSummary.gpuCount).toBe(0);
    const rivalGpu: Gpu = { ...GPU_A, uuid: 'GPU-rival' };
    expect((await loom.post('/v1/metrics', gaugeRequest(dcgm(rivalGpu, T0, T0 + 2 * MIN, 60, 99), DCGM_RESOURCE), { key: rivalKey })).status).toBe(200);
    expect((await loom.gql(SUMMARY, { runId: runA }, rivalKey)).data.runGpuSummary).toMatchObject({ gpuCount: 1, gpus: [{ gpuUuid: 'GPU-rival' }] });
    expect((await loom.gql(SUMMARY, { runId: runA })).data.runGpuSummary.gpus.map((g: any) => g.gpuUuid)).toEqual([GPU_A.uuid, GPU_B.uuid]);
  });

  it('takes gauges, counters and histograms from the OTel metrics SDK (protobuf exporter), DCGM-named gauges included', async () => {
    const runS = randomUUID();
    await loom.services.graph.write('demo', { nodes: [{
      id: runNodeId(runS), kind: 'Run', namespace: 'training', name: runS,
      props: { runId: runS, 'k8s.namespace': 'ml', 'k8s.pod': 'sdk-train-0', 'at.START': iso(Date.now() - MIN) },
    }], edges: [] });
    const exporter = new OTLPMetricExporter({ url: `${loom.url}/v1/metrics`, headers: { authorization: `Bearer ${loom.key}` } });
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ resource: resourceFromAttributes({ 'service.name': 'sdk-trainer' }) as never, readers: [reader] });
    const meter = provider.getMeter('loom-gpu-test', '1.0.0');
    const gpu = dcgmLabels({ uuid: 'GPU-sdk-0001', index: '0', host: 'gpu-node-9', namespace: 'ml', pod: 'sdk-train-0' });
    let util = 40;
    meter.createObservableGauge('DCGM_FI_DEV_GPU_UTIL').addCallback((r) => r.observe(util, gpu));
    meter.createObservableGauge('DCGM_FI_DEV_FB_USED').addCallback((r) => r.observe(2048, gpu));
    const samples = meter.createCounter('train.samples', { unit: '1' });
    const step = meter.createHistogram('train.step.duration', { unit: 's' });
    const loss = meter.createGauge('train.loss');
    samples.add(100, { split: 'train' });
    for (const d of [0.2, 0.7, 7]) step.record(d, { split: 'train' });
    loss.record(0.5);
    await reader.forceFlush();
    await new Promise((r) => setTimeout(r, 1100));
    util = 60;
    samples.add(50, { split: 'train' });
    loss.record(0.25);
    await provider.shutdown(); // the final collection and export (both exports must have landed: checked by the values below)

    const from = iso(Date.now() - 2 * MIN);
    const to = iso(Date.now() + 1000);
    const series = (await loom.gql(RUN_SERIES, { runId: runS, metrics: ['UTILIZATION', 'MEMORY_USED'], step: 1, maxPoints: 1000 })).data.runGpuSeries.series;
    expect(series.map((s: any) => [s.metric, s.points.map((p: any) => p.last)])).toEqual([['MEMORY_USED', [2048 * MIB, 2048 * MIB]], ['UTILIZATION', [40, 60]]]);
    const summary = (await loom.gql(SUMMARY, { runId: runS })).data.runGpuSummary;
    expect(summary).toMatchObject({ gpuCount: 1, meanUtilization: 50, maxMemoryUsedBytes: 2048 * MIB });
    const g = summary.gpus[0];
    expect(summary.gpuHours).toBeCloseTo(((Date.parse(g.lastSeen) - Date.parse(g.firstSeen)) / 1000) * 2 / 3600, 5);
    expect(summary.gpuHours).toBeGreaterThan(0);

    const q = (name: string) => loom.gql(METRIC_SERIES, { name, from, to, step: 60 }).then((r) => r.data.metricSeries.series);
    const [counter] = await q('train.samples');
    expect(counter).toMatchObject({ type: 'sum', temporality: 'cumulative', unit: '1', service: 'sdk-trainer', labels: { split: 'train' } });
    expect(counter.points.at(-1).last).toBe(150);
    const [hist] = await q('train.step.duration');
    expect(hist).toMatchObject({ type: 'histogram', temporality: 'cumulative', unit: 's' });
    const h = hist.points.at(-1).histogram;
    expect(h).toMatchObject({ count: 3, min: 0.2, max: 7 });
    expect(h.sum).toBeCloseTo(7.9, 9);
    expect(h.bucketCounts.slice(0, 3)).toEqual([0, 2, 1]); // SDK default bounds 0, 5, 10, ...
    expect(h.explicitBounds.slice(0, 3)).toEqual([0, 5, 10]);
    const [gauge] = await q('train.loss');
    expect(gauge.points.at(-1).last).toBe(0.25);
  });

  it('answers a JSON export with bad points with partial_success and stores the good ones', async () => {
    const body = gaugeRequest([{ name: 'partial_gpu_test', timeMs: T0, value: 1, labels: {} }], { 'service.name': 'x' });
    body.resourceMetrics![0].scopeMetrics![0].metrics![0].gauge!.dataPoints!.push({ timeUnixNano: '12', asDouble: 2 });
    const res = await loom.post('/v1/metrics', body);
    expect(res.status).toBe(200);
    expect(res.json.partialSuccess).toMatchObject({ rejectedDataPoints: '1', errorMessage: expect.stringMatching(/dataPoints\[1\]\.timeUnixNano/) });
    const series = (await loom.gql(METRIC_SERIES, { name: 'partial_gpu_test', from: iso(T0), to: iso(T0 + MIN), step: 60 })).data.metricSeries.series;
    expect(series[0].points.map((p: any) => p.last)).toEqual([1]);
  });

  it('gives the same summary when an exporter sends a batch again (its retry of an answer it lost)', async () => {
    const before = (await loom.gql(SUMMARY, { runId: runA })).data.runGpuSummary;
    expect((await loom.post('/v1/metrics', gaugeRequest(samplesA.filter((x) => x.timeMs >= T0 + 2 * MIN && x.timeMs < T0 + 9 * MIN), DCGM_RESOURCE))).status).toBe(200);
    expect((await loom.gql(SUMMARY, { runId: runA })).data.runGpuSummary).toEqual(before);
  });
});
