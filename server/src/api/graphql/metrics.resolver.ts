import { Arg, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import { LabelMatcher, TelemetrySeriesResult } from './metrics.types.js';

/** ISO text of a DateTime argument (undefined when not given). */
export const isoArg = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);

/** OTLP metrics as downsampled series. Tenant from the context. */
@Resolver()
export class MetricsResolver {
  @Query(() => TelemetrySeriesResult, { description: 'The series of one OTLP metric in [from, to) (default: the last hour), downsampled to `step` seconds or at most `maxPoints` buckets' })
  metricSeries(
    @Arg('name', () => String) name: string,
    @Arg('labels', () => [LabelMatcher], { nullable: true, description: 'Every matcher must hold' }) labels: LabelMatcher[] | undefined,
    @Arg('service', () => String, { nullable: true }) service: string | undefined,
    @Arg('from', () => GraphQLDateTime, { nullable: true }) from: Date | undefined,
    @Arg('to', () => GraphQLDateTime, { nullable: true }) to: Date | undefined,
    @Arg('step', () => Int, { nullable: true, description: 'Bucket width in seconds; whole minutes read the 1-minute rollup, over the whole minutes of the range (the answer\'s from and to)' }) step: number | undefined,
    @Arg('maxPoints', () => Int, { nullable: true, description: 'Most buckets per series, 1..10000 (default 500)' }) maxPoints: number | undefined,
    @Arg('quantiles', () => [Float], { nullable: true, description: 'Quantiles (0..1, at most 20) for each point of a histogram or summary, e.g. [0.5, 0.99]: see TelemetryPoint.quantiles' }) quantiles: number[] | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.metrics.series(ctx.principal.tenant, {
      name, labels: labels ?? [], service: service ?? undefined, from: isoArg(from), to: isoArg(to), step: step ?? undefined, maxPoints: maxPoints ?? undefined,
      quantiles: quantiles ?? undefined,
    });
  }
}
