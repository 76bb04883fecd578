import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import type { Context } from './context.js';
import { badInput } from '../../domain/errors.js';
import { GraphNode } from './types.js';
import type { GraphNode as StoredNode } from '../../domain/model.js';
import { namedNodeIds } from '../../domain/openlineage/event-archive.js';
import { schemaHistory } from '../../domain/openlineage/schema-changes.js';

@ObjectType({ description: 'A column of a schema' })
class SchemaColumn {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) type!: string | null;
}

@ObjectType({ description: 'A column whose type changed' })
class SchemaColumnChange {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType({ description: "A change of a dataset's schema between two of its versions" })
class SchemaChange {
  @Field(() => GraphQLDateTime, { description: 'When the new version was first seen' }) at!: string;
  @Field(() => String) fromVersion!: string;
  @Field(() => String) toVersion!: string;
  @Field(() => [SchemaColumn]) added!: SchemaColumn[];
  @Field(() => [SchemaColumn]) removed!: SchemaColumn[];
  @Field(() => [SchemaColumnChange]) changed!: SchemaColumnChange[];
}

@ObjectType({ description: 'OpenLineage events as they were received, one page of them' })
export class LineageEventPage {
  @Field(() => Int, { description: 'How many events match, over every page' }) totalCount!: number;
  @Field(() => [GraphQLJSON], { description: 'The events, each as its emitter sent it' }) events!: unknown[];
}

const MAX_FIRST = 1000;
const MAX_OFFSET = 1_000_000;

const time = (d: Date | undefined | null, field: string): number | null => {
  if (d === undefined || d === null) return null;
  if (Number.isNaN(d.getTime())) throw badInput(field, 'must be a date-time');
  return d.getTime();
};

/** The archive of OpenLineage events received (what Marquez lists at /api/v1/events/lineage), by run, job and time. */
@Resolver()
export class EventsResolver {
  @Query(() => [GraphNode], { description: 'The jobs and datasets of the newest OpenLineage events received (by event time), newest first, each once: where to start exploring' })
  async recentlyActive(
    @Arg('first', () => Int, { defaultValue: 10, description: '1..50' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<StoredNode[]> {
    if (!Number.isInteger(first) || first < 1 || first > 50) throw badInput('first', 'must be 1..50');
    const events = await ctx.services.lineageEvents.newest(ctx.principal.tenant, 200);
    const { extensions } = ctx.services;
    const rename = extensions.renamesDatasets ? (ref: { namespace: string; name: string }) => extensions.datasetName(ctx.principal.tenant, ref) : undefined;
    const nodes = await ctx.loaders.node.loadMany(namedNodeIds(events, rename).slice(0, first * 4));
    return nodes.filter((n): n is StoredNode => !!n && !(n instanceof Error) && !n.validTo).slice(0, first);
  }

  @Query(() => [SchemaChange], { nullable: true, description: "A dataset's schema changes, newest first: each version against the one before (columns added, removed, retyped); null when there is no such node. What DATASET_SCHEMA_CHANGED webhooks tell as it happens" })
  async schemaChanges(
    @Arg('nodeId', () => ID) nodeId: string,
    @Arg('first', () => Int, { defaultValue: 20, description: '1..500' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<SchemaChange[] | null> {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput('first', 'must be 1..500');
    return schemaHistory(ctx.services.graph, ctx.principal.tenant, nodeId, first);
  }

  @Query(() => LineageEventPage, { description: 'OpenLineage events received (each once), by event time; of one run, job or dataset when named' })
  async lineageEvents(
    @Arg('runId', () => ID, { nullable: true, description: 'Only the events of this run (run.runId)' }) runId: string | undefined,
    @Arg('jobNamespace', () => String, { nullable: true, description: 'With jobName: only the events of this job' }) jobNamespace: string | undefined,
    @Arg('jobName', () => String, { nullable: true }) jobName: string | undefined,
    @Arg('datasetNamespace', () => String, { nullable: true, description: 'With datasetName: only the events that read, write or describe this dataset' }) datasetNamespace: string | undefined,
    @Arg('datasetName', () => String, { nullable: true }) datasetName: string | undefined,
    @Arg('from', () => GraphQLDateTime, { nullable: true, description: 'Events at or after this time' }) from: Date | undefined,
    @Arg('to', () => GraphQLDateTime, { nullable: true, description: 'Events before this time' }) to: Date | undefined,
    @Arg('newestFirst', () => Boolean, { defaultValue: true }) newestFirst: boolean,
    @Arg('first', () => Int, { defaultValue: 100, description: `1..${MAX_FIRST}` }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ): Promise<LineageEventPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) throw badInput('first', `must be 1..${MAX_FIRST}`);
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw badInput('offset', `must be 0..${MAX_OFFSET}`);
    if (!jobNamespace !== !jobName) throw badInput(jobName ? 'jobNamespace' : 'jobName', 'jobNamespace and jobName name a job together: give both or neither');
    if (!datasetNamespace !== !datasetName) throw badInput(datasetName ? 'datasetNamespace' : 'datasetName', 'datasetNamespace and datasetName name a dataset together: give both or neither');
    return ctx.services.lineageEvents.list(ctx.principal.tenant, {
      after: time(from, 'from'), before: time(to, 'to'), direction: newestFirst ? 'desc' : 'asc', limit: first, offset,
      runId: runId ?? null, job: jobNamespace && jobName ? { namespace: jobNamespace, name: jobName } : null,
      dataset: datasetNamespace && datasetName ? { namespace: datasetNamespace, name: datasetName } : null,
    });
  }
}
