/** Computed evaluations (examples in, metrics out) and evaluations side by side (domain/registry/evaluations.service.ts). */
import { Arg, Ctx, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from './context.js';
import { enumOf } from './types.js';
import { actorOf } from './registry.common.js';
import { DatasetRefInput, MetricValueInput, VersionRefInput } from './registry.inputs.js';
import { EvaluationResult, toEvaluation } from './registry.types.js';
import { LoomError } from '../../domain/errors.js';
import { EVALUATION_TASKS, MAX_EXAMPLES, type EvaluationTask } from '../../domain/registry/eval-examples.js';

const EvaluationTaskEnum = enumOf(EVALUATION_TASKS);
registerEnumType(EvaluationTaskEnum, {
  name: 'EvaluationTask',
  description: 'CLASSIFICATION: accuracy, precision_macro, recall_macro, f1_macro (labels compared as strings). GENERATION: exact_match, bleu (corpus BLEU-4, sacrebleu defaults, 0..1), rouge1, rouge2, rougeL (F-measures, rouge-score tokens)',
});

@InputType({ description: "One example: the model's prediction and the expected reference" })
class EvaluationExampleInput {
  @Field(() => String, { description: 'Stable across evaluations (e.g. the row id of the evaluation set): examples are compared by it' }) id!: string;
  @Field(() => String) prediction!: string;
  @Field(() => String) reference!: string;
  @Field(() => String, { nullable: true, description: 'The prompt or features it was given' }) input?: string | null;
}

@InputType({ description: "A judge's score of one example on one criterion (an LLM as judge: correctness, relevance, faithfulness...)" })
class JudgementInput {
  @Field(() => String) exampleId!: string;
  @Field(() => String) criterion!: string;
  @Field(() => Float, { description: '0..1' }) score!: number;
  @Field(() => String, { nullable: true, description: 'Who judged (e.g. gpt-4o)' }) judge?: string | null;
  @Field(() => String, { nullable: true }) rationale?: string | null;
}

@InputType()
class EvaluateInput {
  @Field(() => String, { nullable: true, description: 'e.g. the evaluation set: holdout-2026-03' }) name?: string | null;
  @Field(() => VersionRefInput, { nullable: true, description: 'The model version evaluated (or give prompt)' }) model?: VersionRefInput | null;
  @Field(() => VersionRefInput, { nullable: true, description: 'The prompt version evaluated (or give model)' }) prompt?: VersionRefInput | null;
  @Field(() => DatasetRefInput, { nullable: true, description: 'The dataset it was evaluated on' }) dataset?: DatasetRefInput | null;
  @Field(() => String, { nullable: true, description: 'The run that evaluated it' }) runId?: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) evaluatedAt?: Date | null;
  @Field(() => EvaluationTaskEnum) task!: EvaluationTask;
  @Field(() => [EvaluationExampleInput], { description: `1 to ${MAX_EXAMPLES}` }) examples!: EvaluationExampleInput[];
  @Field(() => [JudgementInput], { nullable: true, description: 'Each criterion becomes the metric judge.<criterion> (the mean score)' }) judgements?: JudgementInput[] | null;
  @Field(() => [MetricValueInput], { nullable: true, description: 'Metrics computed elsewhere, stored beside the computed ones' }) metrics?: MetricValueInput[] | null;
}

@InputType({ description: "A prompt or model version's production LLM calls to evaluate" })
class EvaluateTracesInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => VersionRefInput, { nullable: true, description: 'The prompt version (its calls name it: loom.prompt.name/version, traceloop.prompt.*)' }) prompt?: VersionRefInput | null;
  @Field(() => VersionRefInput, { nullable: true, description: 'Or the model version (loom.model.name/version)' }) model?: VersionRefInput | null;
  @Field(() => String, { nullable: true, description: 'Only this service\'s calls' }) service?: string | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Default: 7 days before `to`' }) from?: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Default: now' }) to?: Date | null;
  @Field(() => Int, { nullable: true, description: 'The newest calls first: 1..1000 (default 200)' }) limit?: number | null;
}

@ObjectType()
class ComparedMetric {
  @Field(() => String) key!: string;
  @Field(() => [Float], { nullable: 'items', description: 'One per evaluation, in the order asked' }) values!: (number | null)[];
}

@ObjectType()
class ComparedExample {
  @Field(() => String) exampleId!: string;
  @Field(() => String) input!: string;
  @Field(() => String) reference!: string;
  @Field(() => [String], { nullable: 'items', description: "Each evaluation's prediction (null: not in it)" }) predictions!: (string | null)[];
  @Field(() => [GraphQLJSONObject], { nullable: 'items', description: "Each evaluation's scores of it (correct, exact_match, rouge1..., judge.<criterion>)" }) scores!: (Record<string, number> | null)[];
}

@ObjectType({ description: 'Evaluations side by side' })
class EvaluationComparison {
  @Field(() => [EvaluationResult]) evaluations!: EvaluationResult[];
  @Field(() => [ComparedMetric]) metrics!: ComparedMetric[];
  @Field(() => [ComparedExample], { description: 'By example id' }) examples!: ComparedExample[];
  @Field(() => Int, { description: 'Examples matching the filter' }) total!: number;
}

@Resolver()
export class EvaluationsResolver {
  @Mutation(() => EvaluationResult, { description: 'Evaluate a model or prompt version from its examples (editor, admin): Loom computes the metrics of the task and the mean of each judgement criterion, keeps the examples, and records the evaluation (read by EVALUATION gates)' })
  async evaluate(@Arg('input', () => EvaluateInput) input: EvaluateInput, @Ctx() ctx: Context): Promise<EvaluationResult> {
    return toEvaluation(await ctx.services.registry.evaluations.evaluate(actorOf(ctx), input));
  }

  @Mutation(() => EvaluationResult, { description: "Evaluate a prompt or model version on its production traffic (editor, admin): its newest LLM calls whose messages were recorded become the examples (no reference), the traces' latency, error rate, tokens and cost its metrics, linked to the traces (EVALUATES); with `criteria`, the LLM judge grades them at once (as judgeEvaluation)" })
  async evaluateTraces(
    @Arg('input', () => EvaluateTracesInput) input: EvaluateTracesInput,
    @Arg('criteria', () => [String], { nullable: true, description: 'Reference-free criteria to judge at once: relevance, helpfulness, coherence, conciseness...' }) criteria: string[] | null,
    @Ctx() ctx: Context,
  ): Promise<EvaluationResult> {
    const judging = criteria?.length ? ctx.services.judging : null;
    if (criteria?.length && !judging) throw new LoomError('UNAVAILABLE', 'this process runs no job queue: judging needs the workers');
    judging?.check(actorOf(ctx), criteria!); // before anything is stored
    const node = await ctx.services.registry.evaluations.evaluateTraces(actorOf(ctx), input);
    return toEvaluation(judging ? await judging.request(actorOf(ctx), node.id, criteria!, null) : node);
  }

  @Mutation(() => EvaluationResult, { description: "Grade an evaluation's examples with the LLM judge (editor, admin; LOOM_JUDGE_URL): each example on each criterion (correctness, relevance, faithfulness, helpfulness, coherence, conciseness, or your own), 1-5 scaled to 0..1; the workers run it, `judging` follows it, and each criterion's mean becomes the metric judge.<criterion>" })
  async judgeEvaluation(
    @Arg('evaluationId', () => ID) evaluationId: string,
    @Arg('criteria', () => [String]) criteria: string[],
    @Arg('model', () => String, { nullable: true, description: 'The judge model (default LOOM_JUDGE_MODEL)' }) model: string | null,
    @Ctx() ctx: Context,
  ): Promise<EvaluationResult> {
    if (!ctx.services.judging) throw new LoomError('UNAVAILABLE', 'this process runs no job queue: judging needs the workers');
    return toEvaluation(await ctx.services.judging.request(actorOf(ctx), evaluationId, criteria, model));
  }

  @Query(() => EvaluationResult, { nullable: true, description: 'One evaluation (its metrics, examples count, judging)' })
  async evaluation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<EvaluationResult | null> {
    const node = await ctx.loaders.node.load(id);
    return node?.kind === 'Evaluation' ? toEvaluation(node) : null;
  }

  @Query(() => EvaluationComparison, { description: 'Evaluations side by side (1 to 5; e.g. two model versions on the same examples): their metrics, and the examples by id with each one\'s prediction and scores' })
  async compareEvaluations(
    @Arg('evaluationIds', () => [ID]) evaluationIds: string[],
    @Arg('onlyDiffering', () => Boolean, { defaultValue: false, description: 'Only the examples whose predictions differ' }) onlyDiffering: boolean,
    @Arg('first', () => Int, { defaultValue: 100, description: '1..500' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ): Promise<EvaluationComparison> {
    const c = await ctx.services.registry.evaluations.compare(ctx.principal.tenant, evaluationIds, { onlyDiffering, first, offset });
    return { ...c, evaluations: c.evaluations.map(toEvaluation) };
  }
}
