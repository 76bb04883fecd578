/**
 * Evaluation results of a model version or a prompt version (metrics such as accuracy, F1, BLEU,
 * ROUGE, or LLM judgements scored as numbers), optionally on a dataset and by a run. Promotion
 * gates read them (METRIC_THRESHOLD with source EVALUATION).
 */
import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../ports/GraphStore.js';
import type { EdgeInput, GraphNode } from '../model.js';
import { evaluationId, modelVersionId, nodeId, promptVersionId, REGISTRY_NAMESPACE, runNodeId } from '../ids.js';
import { badInput, notFound } from '../errors.js';
import { actorProps, requireWrite, type Actor } from './actor.js';
import { checkCount, checkKey, checkName, checkText, checkVersion, isoTime } from './validate.js';

export interface EvaluationInput {
  name?: string | null;
  model?: { name: string; version: number } | null;
  prompt?: { name: string; version: number } | null;
  dataset?: { namespace: string; name: string } | null;
  runId?: string | null;
  metrics: { key: string; value: number }[];
  evaluatedAt?: Date | string | null;
}

export class EvaluationService {
  constructor(private readonly graph: GraphStore) {}

  async record(actor: Actor, input: EvaluationInput): Promise<GraphNode> {
    requireWrite(actor, 'record evaluations');
    if ((input.model == null) === (input.prompt == null)) throw badInput('input.model', 'name either a model version or a prompt version');
    const target = input.model
      ? modelVersionId(checkName('input.model.name', input.model.name), checkVersion('input.model.version', input.model.version))
      : promptVersionId(checkName('input.prompt.name', input.prompt!.name), checkVersion('input.prompt.version', input.prompt!.version));
    if (!input.metrics?.length) throw badInput('input.metrics', 'give at least one metric');
    checkCount('input.metrics', input.metrics, 500);
    const metrics: Record<string, number> = {};
    input.metrics.forEach((m, i) => {
      checkKey(`input.metrics[${i}].key`, m.key);
      if (typeof m.value !== 'number' || !Number.isFinite(m.value)) throw badInput(`input.metrics[${i}].value`, 'must be a finite number');
      metrics[`metric.${m.key}`] = m.value;
    });
    const at = isoTime('input.evaluatedAt', input.evaluatedAt) ?? new Date().toISOString();
    const name = checkText('input.name', input.name, 250) ?? 'evaluation';
    const dataset = input.dataset ? nodeId('Dataset', input.dataset.namespace, input.dataset.name) : null;
    const run = input.runId ? runNodeId(input.runId) : null;
    const ids = [target, ...(dataset ? [dataset] : []), ...(run ? [run] : [])];
    const found = await this.graph.getNodes(actor.tenant, ids);
    if (!found[0] || typeof found[0].props.registeredAt !== 'string') throw notFound(input.model ? `version ${input.model.version} of model ${input.model.name}` : `version ${input.prompt!.version} of prompt ${input.prompt!.name}`);
    if (dataset && !found[1]) throw notFound(`dataset ${input.dataset!.namespace}/${input.dataset!.name}`);
    if (run && !found[found.length - 1]) throw notFound(`run ${input.runId}`);
    const id = evaluationId(randomUUID());
    const edges: EdgeInput[] = [{ kind: 'EVALUATES', from: id, to: target, validFrom: at }];
    if (dataset) edges.push({ kind: 'EVALUATED_ON', from: dataset, to: id, validFrom: at });
    await this.graph.write(actor.tenant, {
      nodes: [{ id, kind: 'Evaluation', namespace: REGISTRY_NAMESPACE, name, at, props: { ...metrics, target, dataset, runId: input.runId ?? null, evaluatedAt: at, recordedBy: actorProps(actor) } }],
      edges,
    });
    return (await this.graph.getNodes(actor.tenant, [id]))[0]!;
  }

  /** Evaluations of a model or prompt version, newest first. */
  async of(tenant: string, versionNodeId: string, first = 100): Promise<GraphNode[]> {
    const page = await this.graph.neighbours(tenant, versionNodeId, { direction: 'UPSTREAM', edgeKinds: ['EVALUATES'], limit: first, offset: 0 });
    return page.items.map((i) => i.node).sort((a, b) => (String(a.props.evaluatedAt) < String(b.props.evaluatedAt) ? 1 : -1));
  }
}
