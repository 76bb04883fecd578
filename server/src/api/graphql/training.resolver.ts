import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from './context.js';
import { actorOf } from './registry.common.js';
import { IngestQuota, RequestTrainingInput, TrainingQuota, TrainingRun, TrainingRunPage, toTrainingRun } from './training.types.js';
import { TrackedRun, toTrackedRun } from './tracking.types.js';
import { unavailable } from '../../domain/errors.js';
import { formatCpu } from '../../domain/training/spec.js';
import type { TrainingService } from '../../domain/training/training.service.js';

function training(ctx: Context): TrainingService {
  if (!ctx.services.training) throw unavailable('training dispatch is not configured on this server');
  return ctx.services.training;
}

@Resolver(() => TrainingRun)
export class TrainingResolver {
  @Mutation(() => TrainingRun, { description: 'Request a training run: stored as a TrainingRequest and a QUEUED Run (linked to its inputs and experiment), then launched by a worker. Over the tenant\'s GPU/CPU quota: BAD_USER_INPUT naming the resource' })
  async requestTraining(@Arg('input', () => RequestTrainingInput) input: RequestTrainingInput, @Ctx() ctx: Context) {
    return toTrainingRun(await training(ctx).request(actorOf(ctx), input));
  }

  @Mutation(() => TrainingRun, { description: 'Stop a queued or running training run (CANCELLED); a run that already ended is returned as it is' })
  async cancelTraining(@Arg('runId', () => String) runId: string, @Ctx() ctx: Context) {
    return toTrainingRun(await training(ctx).cancel(actorOf(ctx), runId));
  }

  @Query(() => TrainingRun, { nullable: true })
  async trainingRun(@Arg('runId', () => String) runId: string, @Ctx() ctx: Context) {
    const v = await training(ctx).get(ctx.principal.tenant, runId);
    return v && toTrainingRun(v);
  }

  @Query(() => TrainingRunPage, { description: 'The tenant\'s training runs, newest first' })
  async trainingRuns(
    @Arg('activeOnly', () => Boolean, { defaultValue: false, description: 'Only queued and running ones' }) activeOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ) {
    const page = await training(ctx).list(ctx.principal.tenant, { activeOnly, first, offset });
    return { total: page.total, items: page.items.map(toTrainingRun) };
  }

  @Query(() => TrainingQuota)
  async trainingQuota(@Ctx() ctx: Context) {
    const { tenant } = ctx.principal;
    const [limits, usage] = await Promise.all([ctx.services.trainingQuotas.limits(tenant), ctx.services.trainingQuotas.usage(tenant)]);
    return { gpu: limits.gpu, cpu: limits.cpuMillis === null ? null : formatCpu(limits.cpuMillis), usedGpu: usage.gpu, usedCpu: formatCpu(usage.cpuMillis), activeRuns: usage.runs };
  }

  @Query(() => IngestQuota)
  async ingestQuota(@Ctx() ctx: Context): Promise<IngestQuota> {
    const r = await ctx.services.ingestLimits.limits(ctx.principal.tenant);
    return { lineageEventsPerSecond: r.lineageEvents, spansPerSecond: r.spans, metricPointsPerSecond: r.metricPoints };
  }

  @FieldResolver(() => String, { description: 'The last lines the training command wrote (the newest pod on Kubernetes), of one worker of a distributed run' })
  logs(
    @Root() run: TrainingRun,
    @Arg('tailLines', () => Int, { defaultValue: 200 }) tailLines: number,
    @Arg('worker', () => Int, { defaultValue: 0, description: 'Which worker (0..workers-1)' }) worker: number,
    @Ctx() ctx: Context,
  ) {
    return training(ctx).logs(ctx.principal.tenant, run.view, tailLines, worker);
  }

  @FieldResolver(() => TrackedRun, { description: 'The run as experiment tracking sees it (params, metrics logged by the training command)' })
  run(@Root() run: TrainingRun) {
    return toTrackedRun(run.view.run);
  }
}
