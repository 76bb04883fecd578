/**
 * Evaluation results of a model version or a prompt version (metrics such as accuracy, F1, BLEU,
 * ROUGE, or LLM judgements scored as numbers), optionally on a dataset and by a run. Promotion
 * gates read them (METRIC_THRESHOLD with source EVALUATION).
 *
 * `record` stores metrics a caller computed; `evaluate` computes them from the examples (each one's
 * prediction and reference, eval-metrics.ts) and keeps the examples with their scores and LLM
 * judgements in the analytics store, so evaluations of two versions on the same examples can be
 * compared side by side (`compare`).
 */
import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../ports/GraphStore.js';
import type { Analytics } from '../ports/Analytics.js';
import type { EdgeInput, GraphNode } from '../model.js';
import { evaluationId, modelVersionId, nodeId, promptVersionId, REGISTRY_NAMESPACE, runNodeId } from '../ids.js';
import { badInput, notFound } from '../errors.js';
import { actorProps, requireWrite, type Actor } from './actor.js';
import { checkCount, checkKey, checkName, checkText, checkVersion, isoTime } from './validate.js';
import { classificationMetrics, generationMetrics } from './eval-metrics.js';
import { checkExamples, judgementMeans, EVALUATION_TASKS, type EvaluationTask, type ExampleInput, type JudgementInput } from './eval-examples.js';
import { callExamples, callMetrics, callsQuery, type CallExample, type CallRow } from './trace-examples.js';

export interface EvaluationInput {
  name?: string | null;
  model?: { name: string; version: number } | null;
  prompt?: { name: string; version: number } | null;
  dataset?: { namespace: string; name: string } | null;
  runId?: string | null;
  metrics: { key: string; value: number }[];
  evaluatedAt?: Date | string | null;
}

export interface EvaluateInput extends Omit<EvaluationInput, 'metrics'> {
  task: EvaluationTask;
  examples: ExampleInput[];
  judgements?: JudgementInput[] | null;
  /** Metrics computed elsewhere, stored beside the computed ones. */
  metrics?: { key: string; value: number }[] | null;
}

export interface TraceEvaluationInput {
  name?: string | null;
  model?: { name: string; version: number } | null;
  prompt?: { name: string; version: number } | null;
  service?: string | null;
  from?: Date | string | null;
  to?: Date | string | null;
  limit?: number | null;
  evaluatedAt?: Date | string | null;
}

const MAX_TRACE_EXAMPLES = 1000;
/** The most calls evaluateTraces reads looking for those whose answer was recorded. */
const MAX_CALLS_READ = 10_000;

export interface ComparedExample { exampleId: string; input: string; reference: string; predictions: (string | null)[]; scores: (Record<string, number> | null)[] }
export interface Comparison {
  evaluations: GraphNode[];
  metrics: { key: string; values: (number | null)[] }[];
  examples: ComparedExample[];
  /** Examples matching the filter (all of them, or those whose predictions differ). */
  total: number;
}

const MAX_COMPARED = 5;
const MAX_COMPARE_PAGE = 500;

export class EvaluationService {
  constructor(private readonly graph: GraphStore, private readonly analytics: Analytics) {}

  /**
   * Compute an evaluation from its examples: classification (accuracy, macro precision/recall/F1) or
   * generation (exact match, BLEU, ROUGE-1/2/L), plus the mean of each LLM judgement criterion
   * (`judge.<criterion>`). The examples are stored first, then the Evaluation node.
   */
  async evaluate(actor: Actor, input: EvaluateInput): Promise<GraphNode> {
    requireWrite(actor, 'record evaluations');
    if (!EVALUATION_TASKS.includes(input.task)) throw badInput('input.task', `must be one of ${EVALUATION_TASKS.join(', ')}`);
    const { examples, judgements } = checkExamples(input.examples, input.judgements);
    const computed = input.task === 'CLASSIFICATION' ? classificationMetrics(examples) : generationMetrics(examples);
    examples.forEach((e, i) => {
      for (const j of judgements.get(e.id) ?? []) computed.scores[i][`judge.${j.criterion}`] = j.score;
    });
    const metrics = { ...computed.metrics, ...judgementMeans(judgements.values()) };
    const given = checkMetrics(input.metrics ?? []);
    const target = await this.target(actor.tenant, input);
    const id = evaluationId(randomUUID());
    await this.analytics.insert('evaluation_examples', examples.map((e, i) => ({
      tenant_id: actor.tenant, evaluation_id: id, example_id: e.id, seq: i, input: e.input, prediction: e.prediction, reference: e.reference,
      scores: computed.scores[i], judgements: JSON.stringify(judgements.get(e.id) ?? []),
    })));
    return this.store(actor, input, target, id, { ...Object.fromEntries(Object.entries(metrics).map(([k, v]) => [`metric.${k}`, v])), ...given, task: input.task, examples: examples.length });
  }

  /**
   * Evaluate a prompt or model version on its production traffic: its newest LLM calls in a time range
   * (default the last 7 days; up to 1,000) whose messages the instrumentation recorded become the examples
   * (input: the messages sent, prediction: the answer; no reference), with what the traces measured
   * (latency, errors, tokens, cost) as metrics, and the evaluation linked to the traces it read. An LLM
   * judge then grades them (judgeEvaluation) on reference-free criteria: relevance, helpfulness...
   */
  async evaluateTraces(actor: Actor, input: TraceEvaluationInput): Promise<GraphNode> {
    requireWrite(actor, 'record evaluations');
    const target = await this.target(actor.tenant, input);
    const ref = (input.prompt ?? input.model)!;
    const toMs = input.to ? new Date(input.to).getTime() : Date.now();
    const fromMs = input.from ? new Date(input.from).getTime() : toMs - 7 * 86_400_000;
    if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs >= toMs) throw badInput('input.from', 'must be a date-time before input.to');
    const limit = input.limit ?? 200;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TRACE_EXAMPLES) throw badInput('input.limit', `must be an integer 1..${MAX_TRACE_EXAMPLES}`);
    // The newest calls whose answer was recorded: read page by page past those without (an instrumentation
    // that records no content answers many), up to MAX_CALLS_READ calls.
    const selection = { by: input.prompt ? 'prompt' as const : 'model' as const, name: ref.name, version: String(ref.version), service: checkText('input.service', input.service, 200) || null, fromMs, toMs };
    const examples: CallExample[] = [];
    let withoutText = 0;
    for (let offset = 0; examples.length < limit && offset < MAX_CALLS_READ; offset += MAX_TRACE_EXAMPLES) {
      const q = callsQuery({ ...selection, limit: MAX_TRACE_EXAMPLES, offset });
      const rows = await this.analytics.query<CallRow>(actor.tenant, q.sql, q.params);
      for (const row of rows) {
        if (examples.length === limit) break;
        const one = callExamples([row]);
        examples.push(...one.examples);
        withoutText += one.withoutText;
      }
      if (rows.length < MAX_TRACE_EXAMPLES) break;
    }
    if (!examples.length) {
      throw badInput(input.prompt ? 'input.prompt' : 'input.model', `no LLM call of ${ref.name} version ${ref.version} with its answer recorded in the range (${withoutText} without${withoutText >= MAX_CALLS_READ ? ', the newest read' : ''}): `
        + 'instrumentations record message content only when asked (OpenLLMetry: TRACELOOP_TRACE_CONTENT=true; OTel GenAI: OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true); '
        + 'the calls name the version with loom.prompt.name/version or loom.model.name/version');
    }
    const id = evaluationId(randomUUID());
    await this.analytics.insert('evaluation_examples', examples.map((e, i) => ({
      tenant_id: actor.tenant, evaluation_id: id, example_id: e.id, seq: i, input: e.input, prediction: e.prediction, reference: '', scores: e.scores, judgements: '[]',
    })));
    const traces = [...new Set(examples.map((e) => `trace:${e.traceId}`))];
    const known = (await this.graph.getNodes(actor.tenant, traces)).filter((n): n is GraphNode => n?.kind === 'Trace').map((n) => n.id);
    const metrics = Object.fromEntries(Object.entries(callMetrics(examples)).map(([k, v]) => [`metric.${k}`, v]));
    return this.store(actor, input, target, id, { ...metrics, task: 'TRACES', examples: examples.length, withoutText }, known);
  }

  /**
   * Evaluations side by side (1 to 5, typically of two versions on the same examples): every metric of
   * any of them, and the examples by id with each evaluation's prediction and scores; `onlyDiffering`
   * keeps the examples whose predictions are not all the same.
   */
  async compare(tenant: string, ids: string[], opts: { onlyDiffering: boolean; first: number; offset: number }): Promise<Comparison> {
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > MAX_COMPARED) throw badInput('evaluationIds', `give 1 to ${MAX_COMPARED} evaluations`);
    if (new Set(ids).size !== ids.length) throw badInput('evaluationIds', 'an evaluation is listed twice');
    if (!Number.isInteger(opts.first) || opts.first < 1 || opts.first > MAX_COMPARE_PAGE) throw badInput('first', `must be an integer 1..${MAX_COMPARE_PAGE}`);
    if (!Number.isInteger(opts.offset) || opts.offset < 0) throw badInput('offset', 'must be a non-negative integer');
    const nodes = await this.graph.getNodes(tenant, ids);
    nodes.forEach((n, i) => { if (!n || n.kind !== 'Evaluation') throw notFound(`evaluation ${ids[i]}`); });
    const evaluations = nodes as GraphNode[];
    const keys = [...new Set(evaluations.flatMap((e) => Object.keys(e.props).filter((k) => k.startsWith('metric.'))))].sort();
    const metrics = keys.map((k) => ({ key: k.slice('metric.'.length), values: evaluations.map((e) => (typeof e.props[k] === 'number' ? (e.props[k] as number) : null)) }));
    const rows = await this.analytics.query<{ evaluation_id: string; example_id: string; input: string; prediction: string; reference: string; scores: Record<string, number> }>(tenant, `
      SELECT evaluation_id, example_id, input, prediction, reference, scores FROM evaluation_examples FINAL
      WHERE tenant_id = {tenant:String} AND evaluation_id IN {ids:Array(String)} ORDER BY example_id`, { ids });
    const byExample = new Map<string, ComparedExample>();
    for (const r of rows) {
      const x = byExample.get(r.example_id) ?? { exampleId: r.example_id, input: r.input, reference: r.reference, predictions: ids.map(() => null), scores: ids.map(() => null) };
      const at = ids.indexOf(r.evaluation_id);
      x.predictions[at] = r.prediction;
      x.scores[at] = Object.fromEntries(Object.entries(r.scores).map(([k, v]) => [k, Number(v)]));
      byExample.set(r.example_id, x);
    }
    const all = [...byExample.values()].filter((x) => !opts.onlyDiffering || new Set(x.predictions).size > 1);
    return { evaluations, metrics, examples: all.slice(opts.offset, opts.offset + opts.first), total: all.length };
  }

  async record(actor: Actor, input: EvaluationInput): Promise<GraphNode> {
    requireWrite(actor, 'record evaluations');
    if (!input.metrics?.length) throw badInput('input.metrics', 'give at least one metric');
    const metrics = checkMetrics(input.metrics);
    const target = await this.target(actor.tenant, input);
    return this.store(actor, input, target, evaluationId(randomUUID()), metrics);
  }

  /** The version evaluated, the dataset and the run, each checked to exist. */
  private async target(tenant: string, input: Omit<EvaluationInput, 'metrics'>): Promise<{ target: string; dataset: string | null }> {
    if ((input.model == null) === (input.prompt == null)) throw badInput('input.model', 'name either a model version or a prompt version');
    const target = input.model
      ? modelVersionId(checkName('input.model.name', input.model.name), checkVersion('input.model.version', input.model.version))
      : promptVersionId(checkName('input.prompt.name', input.prompt!.name), checkVersion('input.prompt.version', input.prompt!.version));
    const dataset = input.dataset ? nodeId('Dataset', input.dataset.namespace, input.dataset.name) : null;
    const run = input.runId ? runNodeId(input.runId) : null;
    const ids = [target, ...(dataset ? [dataset] : []), ...(run ? [run] : [])];
    const found = await this.graph.getNodes(tenant, ids);
    if (!found[0] || typeof found[0].props.registeredAt !== 'string') throw notFound(input.model ? `version ${input.model.version} of model ${input.model.name}` : `version ${input.prompt!.version} of prompt ${input.prompt!.name}`);
    if (dataset && !found[1]) throw notFound(`dataset ${input.dataset!.namespace}/${input.dataset!.name}`);
    if (run && !found[found.length - 1]) throw notFound(`run ${input.runId}`);
    return { target, dataset };
  }

  /** The Evaluation node of `target`, on its dataset; `traces`: Trace nodes it read (EVALUATES too). */
  private async store(actor: Actor, input: Omit<EvaluationInput, 'metrics'>, { target, dataset }: { target: string; dataset: string | null }, id: string, props: Record<string, unknown>, traces: string[] = []): Promise<GraphNode> {
    const at = evaluatedAt(input.evaluatedAt);
    const name = checkText('input.name', input.name, 250) ?? 'evaluation';
    const edges: EdgeInput[] = [{ kind: 'EVALUATES', from: id, to: target, validFrom: at }, ...traces.map((t): EdgeInput => ({ kind: 'EVALUATES', from: id, to: t, validFrom: at }))];
    if (dataset) edges.push({ kind: 'EVALUATED_ON', from: dataset, to: id, validFrom: at });
    await this.graph.write(actor.tenant, {
      nodes: [{ id, kind: 'Evaluation', namespace: REGISTRY_NAMESPACE, name, at, props: { ...props, target, dataset, runId: input.runId ?? null, evaluatedAt: at, recordedBy: actorProps(actor) } }],
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

/** Metrics as `metric.<key>` props; each key checked, each value finite. */
function checkMetrics(metrics: { key: string; value: number }[]): Record<string, number> {
  checkCount('input.metrics', metrics, 500);
  const out: Record<string, number> = {};
  metrics.forEach((m, i) => {
    checkKey(`input.metrics[${i}].key`, m.key);
    if (typeof m.value !== 'number' || !Number.isFinite(m.value)) throw badInput(`input.metrics[${i}].value`, 'must be a finite number');
    // Two values of one metric: which one would a gate read? Say so instead of keeping the last.
    if (`metric.${m.key}` in out) throw badInput(`input.metrics[${i}].key`, `${m.key} is given twice`);
    out[`metric.${m.key}`] = m.value;
  });
  return out;
}

/** A day: an evaluation dated later than this ahead of the server's clock is refused (gates read the latest by date). */
const MAX_AHEAD_MS = 86_400_000;

/** When an evaluation was made: given (not more than a day ahead: a mistyped 2099 would be every gate's latest for good), else now. */
function evaluatedAt(given: EvaluationInput['evaluatedAt']): string {
  const at = isoTime('input.evaluatedAt', given);
  if (at == null) return new Date().toISOString();
  if (Date.parse(at) > Date.now() + MAX_AHEAD_MS) throw badInput('input.evaluatedAt', `is more than a day ahead of the server's clock (${new Date().toISOString()}); gates read the latest evaluation by this date`);
  return at;
}
