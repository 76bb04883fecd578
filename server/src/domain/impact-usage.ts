/**
 * What a change upstream would hit beyond the graph (the mission's impact analysis joined with
 * ClickHouse): the LLM traffic served by the model and prompt versions downstream over the last days
 * (calls, errors, tokens, cost, from the spans naming them), and the GPU-hours of the training runs
 * downstream (from their GPU metrics).
 */
import type { Analytics } from './ports/Analytics.js';
import type { GpuQueryService } from './telemetry/gpu-query.service.js';
import type { Impact } from './lineage.service.js';
import { badInput } from './errors.js';

export interface ImpactUsage {
  windowDays: number;
  modelVersions: number;
  promptVersions: number;
  llmCalls: number;
  llmErrors: number;
  llmTokens: number;
  llmCostUsd: number;
  trainingRuns: number;
  gpuHours: number;
  /** Runs whose GPU-hours were read (the first MAX_RUNS of them). */
  gpuRunsRead: number;
}

const MAX_RUNS = 100;
const RUN_READS_AT_ONCE = 4;

/**
 * Calls of the named versions in the window. FINAL: a span an exporter sent twice (a retried export)
 * counts once; copies of a span share its start day, so its partition, and FINAL merges within each
 * partition only (as the LLM usage rollups read it, trace-queries.ts llmUsageQuery).
 */
export const TRAFFIC_SQL = `SELECT count() AS calls, countIf(status_code = 'ERROR') AS errors, sum(llm_total_tokens) AS tokens, sum(llm_cost_usd) AS cost
FROM spans FINAL
WHERE tenant_id = {tenant:String} AND is_llm AND start_time >= fromUnixTimestamp64Milli({fromMs:Int64})
  AND (concat(model_name, '@', model_version) IN {models:Array(String)} OR concat(prompt_name, '@', prompt_version) IN {prompts:Array(String)})
SETTINGS do_not_merge_across_partitions_select_final = 1`;

export class ImpactUsageService {
  constructor(private readonly analytics: Analytics, private readonly gpu: GpuQueryService, private readonly now: () => number = Date.now) {}

  async usage(tenant: string, served: Impact['served'], windowDays: number): Promise<ImpactUsage> {
    if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 90) throw badInput('windowDays', 'must be an integer 1..90');
    const [traffic, gpu] = await Promise.all([this.traffic(tenant, served, windowDays), this.gpuHours(tenant, served.runs)]);
    return { windowDays, modelVersions: served.modelVersions.length, promptVersions: served.promptVersions.length, ...traffic, trainingRuns: served.runs.length, ...gpu };
  }

  private async traffic(tenant: string, served: Impact['served'], windowDays: number) {
    if (!served.modelVersions.length && !served.promptVersions.length) return { llmCalls: 0, llmErrors: 0, llmTokens: 0, llmCostUsd: 0 };
    const [r] = await this.analytics.query<Record<string, string | number>>(tenant, TRAFFIC_SQL, {
      fromMs: this.now() - windowDays * 86_400_000, models: served.modelVersions, prompts: served.promptVersions,
    });
    return { llmCalls: Number(r?.calls ?? 0), llmErrors: Number(r?.errors ?? 0), llmTokens: Number(r?.tokens ?? 0), llmCostUsd: Number(r?.cost ?? 0) };
  }

  private async gpuHours(tenant: string, runs: string[]) {
    const read = runs.slice(0, MAX_RUNS);
    let next = 0;
    let gpuHours = 0;
    await Promise.all(Array.from({ length: Math.min(RUN_READS_AT_ONCE, read.length) }, async () => {
      while (next < read.length) gpuHours += (await this.gpu.runSummary(tenant, read[next++])).gpuHours;
    }));
    return { gpuHours, gpuRunsRead: read.length };
  }
}
