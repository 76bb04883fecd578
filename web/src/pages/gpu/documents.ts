import { graphql } from '../../gql/index.js';

export const GpuDevicesDocument = graphql(`
  query GpuDevices($from: DateTime, $limit: Int!) {
    gpus(from: $from, limit: $limit) { gpuUuid host model gpuIndex pods runs { runId name pod startedAt endedAt } firstSeen lastSeen }
  }
`);

export const RunGpuSeriesDocument = graphql(`
  query RunGpuSeries($runId: String!, $metrics: [GpuMetric!], $to: DateTime, $maxPoints: Int) {
    runGpuSeries(runId: $runId, metrics: $metrics, to: $to, maxPoints: $maxPoints) {
      stepSeconds source from to truncated
      placement { namespace pods startedAt endedAt }
      series { gpuUuid metric unit namespace pod host model gpuIndex points { time avg min max } }
    }
  }
`);

export const GpuSeriesDocument = graphql(`
  query GpuSeries($gpuUuid: String!, $metrics: [GpuMetric!], $from: DateTime, $maxPoints: Int) {
    gpuSeries(gpuUuid: $gpuUuid, metrics: $metrics, from: $from, maxPoints: $maxPoints) {
      stepSeconds source from to truncated
      series { gpuUuid metric unit namespace pod host model gpuIndex points { time avg min max } }
    }
  }
`);

export const RunGpuSummaryDocument = graphql(`
  query RunGpuSummary($runId: String!) {
    runGpuSummary(runId: $runId) {
      runId gpuCount gpuHours meanUtilization maxMemoryUsedBytes meanPowerWatts energyKwh
      placement { namespace pods startedAt endedAt }
      gpus { gpuUuid host model pod hours meanUtilization maxMemoryUsedBytes meanPowerWatts }
    }
  }
`);
