import { defineMessages } from '../../i18n/i18n.js';

export const M = defineMessages(
  {
    title: 'GPU monitoring', metric: 'Metric', UTILIZATION: 'Utilisation', MEMORY_USED: 'Memory used', POWER: 'Power', TEMPERATURE: 'Temperature', SM_ACTIVE: 'SM active',
    loading: 'Loading…', noSeries: 'No {metric} samples in this window. GPU metrics arrive from DCGM exporter or OTel hw.gpu.* through /v1/metrics.',
    noPlacement: 'This run does not say where it ran (Run props k8s.namespace and k8s.pod, or a kubernetes run facet), so its GPUs are unknown.',
    truncated: 'More samples matched than were returned: the chart is partial.', step: '{step} s buckets', summary: 'GPU use',
    gpuHours: 'GPU-hours', meanUtil: 'Mean utilisation', peakMemory: 'Peak memory', meanPower: 'Mean power', energy: 'Energy (est.)', gpuCount: 'GPUs',
    gpu: 'GPU', host: 'Host', model: 'Model', pod: 'Pod', hours: 'Hours', lastSeen: 'Last seen', pods: 'Pods',
    devices: 'GPUs seen', range: 'Seen in the last', h1: 'hour', h24: '24 hours', d7: '7 days', d30: '30 days', noDevices: 'No GPU reported metrics in this range. Point a DCGM exporter (through an OTel Collector) at /v1/metrics.',
    byRun: 'GPUs of a run', runId: 'Run id', show: 'Show', pick: 'Pick a GPU or a run on the left, or enter a run id to see the GPUs it used.',
    noSamples: 'No GPU samples from its pods ({pods}) within its window.',
    live: 'Running: refreshed every {s} s',
    openRun: 'Open run', runHeading: 'Run {run}', gpuHeading: 'GPU {gpu}',
    runsOnGpus: 'Runs on these GPUs', runs: 'Runs', running: 'running',
  },
  {
    title: 'GPU 监控', metric: '指标', UTILIZATION: '利用率', MEMORY_USED: '显存占用', POWER: '功耗', TEMPERATURE: '温度', SM_ACTIVE: 'SM 活跃度',
    loading: '加载中…', noSeries: '此时间窗口内没有 {metric} 采样。GPU 指标由 DCGM exporter 或 OTel hw.gpu.* 通过 /v1/metrics 上报。',
    noPlacement: '此运行未说明在哪里运行（Run 属性 k8s.namespace 和 k8s.pod，或 kubernetes 运行 facet），因此无法得知其 GPU。',
    truncated: '匹配的采样多于返回的数量：图表不完整。', step: '{step} 秒一个桶', summary: 'GPU 使用情况',
    gpuHours: 'GPU 小时', meanUtil: '平均利用率', peakMemory: '显存峰值', meanPower: '平均功耗', energy: '能耗（估算）', gpuCount: 'GPU 数',
    gpu: 'GPU', host: '主机', model: '型号', pod: 'Pod', hours: '小时', lastSeen: '最近出现', pods: 'Pod',
    devices: '已发现的 GPU', range: '时间范围：最近', h1: '1 小时', h24: '24 小时', d7: '7 天', d30: '30 天', noDevices: '此范围内没有 GPU 上报指标。请将 DCGM exporter（经由 OTel Collector）指向 /v1/metrics。',
    byRun: '运行使用的 GPU', runId: '运行 ID', show: '查看', pick: '在左侧选择一个 GPU 或运行，或输入运行 ID 查看它使用的 GPU。',
    noSamples: '在其时间窗口内，其 Pod（{pods}）没有 GPU 采样。',
    live: '运行中：每 {s} 秒刷新',
    openRun: '打开运行', runHeading: '运行 {run}', gpuHeading: 'GPU {gpu}',
    runsOnGpus: '使用这些 GPU 的运行', runs: '运行', running: '运行中',
  },
);
