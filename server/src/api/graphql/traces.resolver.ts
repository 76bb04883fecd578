import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import { GraphNode } from './types.js';
import {
  BUCKET_SECONDS, LlmUsage, LlmUsageGroup, SpanDetails, Trace, TraceConnection, TraceFilter, TraceSummary, UsageBucket,
} from './traces.types.js';
import { badInput } from '../../domain/errors.js';
import { traceNodeId } from '../../domain/telemetry/trace-summary.js';
import { normaliseId } from '../../domain/telemetry/spans.js';
import type { TraceListItem } from '../../domain/telemetry/trace-query.service.js';
import { SPAN_DETAILS } from '../../domain/telemetry/trace-queries.js';
import { selectedOf, selectsAny } from './selection.js';

const iso = (d: Date | undefined | null, field: string) => {
  if (d === undefined || d === null) return undefined;
  if (Number.isNaN(d.getTime())) throw badInput(field, 'must be a date-time');
  return d.toISOString();
};

/** Traces received over OTLP: lists, one trace as a span tree, LLM usage rollups. Tenant from the context. */
@Resolver(() => TraceSummary)
export class TracesResolver {
  @Query(() => TraceConnection, { description: 'Traces newest first, filtered; Relay-style pages' })
  async traces(
    @Arg('filter', () => TraceFilter, { nullable: true }) filter: TraceFilter | undefined,
    @Arg('first', () => Int, { defaultValue: 20, description: '1..200' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<TraceConnection> {
    const f = filter ?? {};
    const page = await ctx.services.traces.list(ctx.principal.tenant, {
      service: f.service ?? undefined, model: f.model ?? undefined, promptName: f.promptName ?? undefined, promptVersion: f.promptVersion ?? undefined,
      status: f.status ?? undefined, from: iso(f.from, 'filter.from'), to: iso(f.to, 'filter.to'),
    }, first, after ?? undefined);
    return {
      edges: page.edges,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: page.edges[0]?.cursor ?? null, endCursor: page.endCursor },
    };
  }

  @Query(() => Trace, { nullable: true, description: 'One trace by its id (32 hex digits) as a span tree ready for a waterfall; null when unknown' })
  trace(@Arg('traceId', () => ID) traceId: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    // Span fields named as the details they read: only those the query selects are read.
    const details = selectedOf(info, ['spans'], SPAN_DETAILS);
    // The summary's Trace node, when asked for, is read from the graph beside the spans rather than after
    // them (the loader keeps the promise for the node's resolver; its error, if any, surfaces there).
    const id = normaliseId(traceId, 16);
    if (id && selectsAny(info, ['summary'], new Set(['node']))) ctx.loaders.node.load(traceNodeId(id)).catch(() => undefined);
    return ctx.services.traces.get(ctx.principal.tenant, traceId, details);
  }

  @Query(() => [SpanDetails], { description: "The attributes, resource attributes, events and links of some of a trace's spans (1 to 100 ids), in start order; ids the trace does not hold are left out" })
  spanDetails(
    @Arg('traceId', () => ID) traceId: string,
    @Arg('spanIds', () => [ID]) spanIds: string[],
    @Ctx() ctx: Context,
  ) {
    return ctx.services.traces.spanDetails(ctx.principal.tenant, traceId, spanIds);
  }

  @Query(() => [LlmUsage], { description: 'LLM calls started in [from, to) (default: the last 24 hours): calls, tokens, cost, latency p50/p99' })
  llmUsage(
    @Arg('groupBy', () => LlmUsageGroup) groupBy: LlmUsageGroup,
    @Arg('bucket', () => UsageBucket, { defaultValue: UsageBucket.HOUR, description: 'Bucket width for TIME_BUCKET' }) bucket: UsageBucket,
    @Arg('from', () => GraphQLDateTime, { nullable: true }) from: Date | undefined,
    @Arg('to', () => GraphQLDateTime, { nullable: true }) to: Date | undefined,
    @Arg('service', () => String, { nullable: true }) service: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.traces.llmUsage(ctx.principal.tenant, groupBy, BUCKET_SECONDS[bucket], iso(from, 'from'), iso(to, 'to'), service ?? undefined);
  }

  @FieldResolver(() => GraphNode, { nullable: true, description: 'The Trace node in the graph (its links to runs, model and prompt versions)' })
  node(@Root() t: TraceListItem, @Ctx() ctx: Context) {
    return ctx.loaders.node.load(traceNodeId(t.traceId));
  }
}
