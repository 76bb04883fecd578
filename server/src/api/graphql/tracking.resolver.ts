import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import DataLoader from 'dataloader';
import type { Context } from './context.js';
import { KeyValueInput, actorOf, perRequest } from './registry.common.js';
import {
  ArtifactInput, CreateExperimentInput, CreateRunInput, Experiment, LogBatchResult, MetricInput, MetricSeries, MetricSeriesInput, MetricSummary, RunComparison,
  RunListPage, RunPage, RunStatus, RunStatusChange, TrackedRun, toExperiment, toTrackedRun,
} from './tracking.types.js';
import { compareRuns } from '../../domain/registry/compare.js';

import { checkKey } from '../../domain/registry/validate.js';

const latestLoaders = new WeakMap<Context, DataLoader<string, MetricSummary[]>>();
const latestLoader = (ctx: Context) => perRequest(latestLoaders, ctx, () => new DataLoader<string, MetricSummary[]>(async (runIds) => {
  const found = await ctx.services.registry.tracking.metrics.latest(ctx.principal.tenant, runIds);
  return runIds.map((r) => found.get(r) ?? []);
}, { maxBatchSize: 200 }));

@Resolver(() => TrackedRun)
export class TrackingResolver {
  @Query(() => [Experiment])
  async experiments(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ) {
    return (await ctx.services.registry.tracking.listExperiments(ctx.principal.tenant, first, offset)).map(toExperiment);
  }

  @Query(() => Experiment, { nullable: true })
  async experiment(@Arg('name', () => String) name: string, @Ctx() ctx: Context) {
    const n = await ctx.services.registry.tracking.getExperiment(ctx.principal.tenant, name);
    return n && toExperiment(n);
  }

  @Query(() => TrackedRun, { nullable: true, description: 'A run by its run id (also runs only OpenLineage or a training launcher reported)' })
  async trackedRun(@Arg('runId', () => String) runId: string, @Ctx() ctx: Context) {
    const n = await ctx.services.registry.tracking.getRun(ctx.principal.tenant, runId);
    return n && toTrackedRun(n);
  }

  @Query(() => RunListPage, { description: 'Runs across experiments (or of one), filtered by status and text (run id, name, experiment), newest first' })
  async runs(
    @Arg('experiment', () => String, { nullable: true }) experiment: string | null,
    @Arg('statuses', () => [RunStatus], { nullable: true, description: 'Any of these; all when omitted' }) statuses: RunStatus[] | null,
    @Arg('text', () => String, { nullable: true }) text: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ) {
    const page = await ctx.services.registry.tracking.listRuns(ctx.principal.tenant, { experiment, statuses, text }, first, offset);
    return { total: page.total, truncated: page.truncated, items: page.items.map(toTrackedRun) };
  }

  @Query(() => RunComparison, { description: 'Params side by side and metric curves of up to 50 runs, in one query' })
  async compareRuns(
    @Arg('runIds', () => [String]) runIds: string[],
    @Arg('metricKeys', () => [String], { nullable: true, description: 'All metrics when omitted' }) metricKeys: string[] | null,
    @Arg('maxPoints', () => Int, { defaultValue: 1000, description: 'Per curve (2..10000)' }) maxPoints: number,
    @Ctx() ctx: Context,
  ) {
    const { tracking } = ctx.services.registry;
    const c = await compareRuns(ctx.services.graph, tracking.metrics, ctx.principal.tenant, runIds, metricKeys ?? [], maxPoints);
    return { runs: c.runs.map(toTrackedRun), params: c.params, metrics: c.metrics };
  }

  @FieldResolver(() => [MetricSummary], { description: 'The last value of every metric' })
  latestMetrics(@Root() run: TrackedRun, @Ctx() ctx: Context) {
    return latestLoader(ctx).load(run.runId);
  }

  @FieldResolver(() => [MetricSeries])
  async metricHistory(
    @Root() run: TrackedRun,
    @Arg('keys', () => [String], { nullable: true, description: 'All metrics when omitted' }) keys: string[] | null,
    @Arg('maxPoints', () => Int, { defaultValue: 1000 }) maxPoints: number,
    @Ctx() ctx: Context,
  ) {
    (keys ?? []).forEach((k, i) => checkKey(`keys[${i}]`, k));
    return (await compareRuns(ctx.services.graph, ctx.services.registry.tracking.metrics, ctx.principal.tenant, [run.runId], keys ?? [], maxPoints)).metrics;
  }

  @Mutation(() => Experiment)
  async createExperiment(@Arg('input', () => CreateExperimentInput) input: CreateExperimentInput, @Ctx() ctx: Context) {
    return toExperiment(await ctx.services.registry.tracking.createExperiment(actorOf(ctx), input));
  }

  @Mutation(() => TrackedRun, { description: 'Start a run in an experiment, or adopt an existing run (e.g. one OpenLineage reported) by its id' })
  async createRun(@Arg('input', () => CreateRunInput) input: CreateRunInput, @Ctx() ctx: Context) {
    return toTrackedRun(await ctx.services.registry.tracking.createRun(actorOf(ctx), input));
  }

  @Mutation(() => LogBatchResult, { description: 'Log many metrics (up to 10,000 points as objects, 100,000 as series), params and tags in one call; answers once they are stored' })
  logBatch(
    @Arg('runId', () => String) runId: string,
    @Arg('metrics', () => [MetricInput], { nullable: true }) metrics: MetricInput[] | null,
    @Arg('series', () => [MetricSeriesInput], { nullable: true }) series: MetricSeriesInput[] | null,
    @Arg('params', () => [KeyValueInput], { nullable: true }) params: KeyValueInput[] | null,
    @Arg('tags', () => [KeyValueInput], { nullable: true }) tags: KeyValueInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.registry.tracking.logBatch(actorOf(ctx), runId, { metrics, series, params, tags });
  }

  @Mutation(() => TrackedRun)
  async setRunStatus(
    @Arg('runId', () => String) runId: string,
    @Arg('status', () => RunStatusChange) status: RunStatusChange,
    @Arg('time', () => GraphQLDateTime, { nullable: true }) time: Date | null,
    @Ctx() ctx: Context,
  ) {
    return toTrackedRun(await ctx.services.registry.tracking.setStatus(actorOf(ctx), runId, status, time));
  }

  @Mutation(() => TrackedRun)
  async setRunNote(@Arg('runId', () => String) runId: string, @Arg('note', () => String) note: string, @Ctx() ctx: Context) {
    return toTrackedRun(await ctx.services.registry.tracking.setNote(actorOf(ctx), runId, note));
  }

  @Mutation(() => TrackedRun)
  async logArtifacts(@Arg('runId', () => String) runId: string, @Arg('artifacts', () => [ArtifactInput]) artifacts: ArtifactInput[], @Ctx() ctx: Context) {
    return toTrackedRun(await ctx.services.registry.tracking.logArtifacts(actorOf(ctx), runId, artifacts));
  }
}

@Resolver(() => Experiment)
export class ExperimentResolver {
  @FieldResolver(() => RunPage)
  async runs(
    @Root() e: Experiment,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ) {
    const page = await ctx.services.registry.tracking.experimentRuns(ctx.principal.tenant, e.name, first, offset);
    return { total: page.total, items: page.items.map(toTrackedRun) };
  }
}

