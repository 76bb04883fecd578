import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import { GpuDevice, GpuMetric, GpuSeriesResult, RunGpuSummary } from './gpu.types.js';
import { isoArg } from './metrics.resolver.js';
import type { GpuMetricName } from '../../domain/telemetry/gpu.js';
import type { GpuSeriesQuery } from '../../domain/telemetry/gpu-query.service.js';

const range = (metrics: GpuMetricName[] | undefined, from: Date | undefined, to: Date | undefined, step: number | undefined, maxPoints: number | undefined): GpuSeriesQuery => ({
  metrics: metrics ?? undefined, from: isoArg(from), to: isoArg(to), step: step ?? undefined, maxPoints: maxPoints ?? undefined,
});

const STEP = 'Bucket width in seconds; whole minutes read the 1-minute rollup, over the whole minutes of the range (the answer\'s from and to). Default: fits maxPoints';
const MAX_POINTS = 'Most buckets per series, 1..10000 (default 500)';

/** GPU metrics tied to runs through the pods they ran in, and per GPU. Tenant from the context. */
@Resolver()
export class GpuResolver {
  @Query(() => GpuSeriesResult, { description: 'GPU series of a run: its pods (Run props k8s.namespace, k8s.pod) within its window, narrowed by from/to. Unknown run: NOT_FOUND' })
  runGpuSeries(
    @Arg('runId', () => String, { description: 'OpenLineage run id (or the Run node id run:<id>)' }) runId: string,
    @Arg('metrics', () => [GpuMetric], { nullable: true, description: 'Default: all' }) metrics: GpuMetricName[] | undefined,
    @Arg('from', () => GraphQLDateTime, { nullable: true }) from: Date | undefined,
    @Arg('to', () => GraphQLDateTime, { nullable: true }) to: Date | undefined,
    @Arg('step', () => Int, { nullable: true, description: STEP }) step: number | undefined,
    @Arg('maxPoints', () => Int, { nullable: true, description: MAX_POINTS }) maxPoints: number | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.gpu.runSeries(ctx.principal.tenant, runId, range(metrics, from, to, step, maxPoints));
  }

  @Query(() => GpuSeriesResult, { description: 'Series of one GPU by UUID in [from, to) (default: the last hour), one per pod that used it' })
  gpuSeries(
    @Arg('gpuUuid', () => String) gpuUuid: string,
    @Arg('metrics', () => [GpuMetric], { nullable: true, description: 'Default: all' }) metrics: GpuMetricName[] | undefined,
    @Arg('from', () => GraphQLDateTime, { nullable: true }) from: Date | undefined,
    @Arg('to', () => GraphQLDateTime, { nullable: true }) to: Date | undefined,
    @Arg('step', () => Int, { nullable: true, description: STEP }) step: number | undefined,
    @Arg('maxPoints', () => Int, { nullable: true, description: MAX_POINTS }) maxPoints: number | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.gpu.gpuSeries(ctx.principal.tenant, gpuUuid, range(metrics, from, to, step, maxPoints));
  }

  @Query(() => [GpuDevice], { description: 'The GPUs that reported metrics in [from, to) (default: the last day), most recently seen first' })
  gpus(
    @Arg('from', () => GraphQLDateTime, { nullable: true }) from: Date | undefined,
    @Arg('to', () => GraphQLDateTime, { nullable: true }) to: Date | undefined,
    @Arg('limit', () => Int, { defaultValue: 500, description: '1..5000' }) limit: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.gpu.gpus(ctx.principal.tenant, { from: isoArg(from), to: isoArg(to), limit });
  }

  @Query(() => RunGpuSummary, { description: 'GPU-hours, mean utilisation, peak memory and power of a run. Unknown run: NOT_FOUND' })
  runGpuSummary(@Arg('runId', () => String, { description: 'OpenLineage run id (or run:<id>)' }) runId: string, @Ctx() ctx: Context) {
    return ctx.services.gpu.runSummary(ctx.principal.tenant, runId);
  }
}
