/** What the gates know about a model version, read from the graph and the analytics store. */
import type { GraphStore } from '../ports/GraphStore.js';
import type { GraphNode } from '../model.js';
import { runNodeId } from '../ids.js';
import type { GateFacts } from './gates.js';
import type { Extensions } from '../ports/Extensions.js';
import { upstreamQuality } from './quality.js';
import type { RunMetrics } from './run-metrics.js';

/** What a promotion asks the gates about: the model, the version's number, the stage it would enter or the alias it would take. */
export interface GateTarget { model: string; version: number; stage?: string; alias?: string }

export function gateFacts(graph: GraphStore, metrics: RunMetrics, extensions: Extensions, tenant: string, version: GraphNode, target: GateTarget): GateFacts {
  const runId = typeof version.props.runId === 'string' ? version.props.runId : null;
  const facts: GateFacts = {
    runMetric: (key) => (runId ? metrics.last(tenant, runId, key) : Promise.resolve(null)),
    evaluationMetric: (key) => latestEvaluationMetric(graph, tenant, version.id, key),
    upstreamQualityFailures: (depth) => (runId ? upstreamQuality(graph, tenant, runNodeId(runId), depth) : Promise.resolve(null)),
    pluginGate: (name, params) => extensions.checkGate(name, {
      tenant, model: target.model, version: target.version, stage: target.stage ?? null, alias: target.alias ?? null, params, runId, props: version.props,
      runMetric: facts.runMetric,
      evaluationMetric: async (key) => (await facts.evaluationMetric(key))?.value ?? null,
    }),
  };
  return facts;
}

async function latestEvaluationMetric(graph: GraphStore, tenant: string, versionId: string, key: string): Promise<{ value: number; evaluation: string } | null> {
  const evals = await graph.neighbours(tenant, versionId, { direction: 'UPSTREAM', edgeKinds: ['EVALUATES'], limit: 500, offset: 0 });
  const withMetric = evals.items.map((e) => e.node).filter((n) => typeof n.props[`metric.${key}`] === 'number')
    .sort((a, b) => (String(a.props.evaluatedAt) < String(b.props.evaluatedAt) ? 1 : -1));
  return withMetric.length ? { value: withMetric[0].props[`metric.${key}`] as number, evaluation: withMetric[0].id } : null;
}
