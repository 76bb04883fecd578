/** The demo's telemetry, through the OTLP ingest services: the explainer's LLM traces and the challenger's GPU series. */
import type { Services } from '../services.js';
import { explainerTraces } from './traces-otlp.js';
import { gpuRequest } from './gpu-otlp.js';
import { demoRuns } from './experiments.js';
import { RUNS } from './common.js';

const refused = (what: string, r: { rejected: number; errorMessage?: string }) => {
  if (r.rejected) throw new Error(`demo seed: ${what}: ${r.errorMessage}`);
};

/** Spans are keyed by trace and span id (ReplacingMergeTree): a second seed stores nothing new. */
export async function seedTraces(services: Services, tenant: string, now: number): Promise<void> {
  refused('trace export', await services.traceIngest.ingest(tenant, explainerTraces(now)));
  await services.traceIngest.settled(); // the demo's Trace nodes are there when the seed is done
}

export async function seedGpuMetrics(services: Services, tenant: string, now: number): Promise<void> {
  const run = demoRuns(now).find((r) => r.runId === RUNS.challenger)!;
  refused('GPU metrics export', await services.metricsIngest.ingest(tenant, gpuRequest(run.startMs, run.endMs)));
}
