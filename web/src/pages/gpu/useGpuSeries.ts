import { useEffect, useState } from 'react';
import { useQuery } from '../../api/useQuery.js';
import type { GpuMetric } from '../../gql/graphql.js';
import { GpuSeriesDocument, RunGpuSeriesDocument } from './documents.js';

/** How often the series of a still-running run are read again. */
export const LIVE_MS = 30_000;

export type GpuScope = { runId: string } | { gpuUuid: string; from: string };

/**
 * One metric's series of a run's GPUs or of one GPU, `maxPoints` buckets at most (null: not yet
 * measured, don't ask). A run still going is read again every LIVE_MS (its window ends now).
 */
export function useGpuSeries(scope: GpuScope, metric: GpuMetric, maxPoints: number | null) {
  const [liveTo, setLiveTo] = useState<string | null>(null);
  const run = useQuery(RunGpuSeriesDocument, 'runId' in scope && maxPoints ? { runId: scope.runId, metrics: [metric], maxPoints, to: liveTo } : null);
  const gpu = useQuery(GpuSeriesDocument, 'gpuUuid' in scope && maxPoints ? { gpuUuid: scope.gpuUuid, from: scope.from, metrics: [metric], maxPoints } : null);
  const running = Boolean(run.data?.runGpuSeries.placement && !run.data.runGpuSeries.placement.endedAt);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setLiveTo(new Date().toISOString()), LIVE_MS);
    return () => clearInterval(timer);
  }, [running]);
  const state = 'runId' in scope ? run : gpu;
  return {
    result: run.data?.runGpuSeries ?? gpu.data?.gpuSeries ?? null,
    loading: state.loading,
    error: state.error,
    running,
    placementMissing: 'runId' in scope && Boolean(run.data && !run.data.runGpuSeries.placement),
  };
}
