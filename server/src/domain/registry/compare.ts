/** Compare runs: a params table aligned to the runs (with what differs) and the metric curves of all of them. */
import type { GraphNode } from '../model.js';
import { badInput, notFound } from '../errors.js';
import { runNodeId } from '../ids.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { MetricSeries, RunMetrics } from './run-metrics.js';
import { checkKey, prefixed } from './validate.js';

export interface ParamRow { key: string; values: (string | null)[]; differs: boolean }
export interface RunComparison { runs: GraphNode[]; params: ParamRow[]; metrics: MetricSeries[] }

export const MAX_COMPARED_RUNS = 50;

/** Params of N runs side by side: one row per key any run has, values aligned with `runs` (null where a run lacks it). */
export function paramsTable(runs: readonly GraphNode[]): ParamRow[] {
  const perRun = runs.map((r) => new Map(prefixed<string>(r.props, 'param').map((p) => [p.key, p.value])));
  const keys = [...new Set(perRun.flatMap((m) => [...m.keys()]))].sort();
  return keys.map((key) => {
    const values = perRun.map((m) => m.get(key) ?? null);
    return { key, values, differs: new Set(values).size > 1 };
  });
}

export async function compareRuns(graph: GraphStore, metrics: RunMetrics, tenant: string, runIds: readonly string[], keys: readonly string[], maxPoints: number): Promise<RunComparison> {
  if (!runIds.length) throw badInput('runIds', 'name at least one run');
  if (runIds.length > MAX_COMPARED_RUNS) throw badInput('runIds', `at most ${MAX_COMPARED_RUNS} runs`);
  if (new Set(runIds).size !== runIds.length) throw badInput('runIds', 'each run at most once');
  keys.forEach((k, i) => checkKey(`metricKeys[${i}]`, k));
  if (!Number.isInteger(maxPoints) || maxPoints < 2 || maxPoints > 10_000) throw badInput('maxPoints', 'must be an integer 2..10000');
  const nodes = await graph.getNodes(tenant, runIds.map(runNodeId));
  const missing = nodes.findIndex((n) => !n || n.kind !== 'Run');
  if (missing >= 0) throw notFound(`run ${runIds[missing]}`);
  const runs = nodes as GraphNode[];
  return { runs, params: paramsTable(runs), metrics: await metrics.history(tenant, runIds, keys, maxPoints) };
}
