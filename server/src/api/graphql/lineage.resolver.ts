import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import { DirectionEnum, Lineage } from './types.js';
import { Impact, LineageChangePage, LineageCount, LineageCut } from './lineage.types.js';
import { badInput } from '../../domain/errors.js';
import { selectsAny } from './selection.js';
import type { LineageCut as DomainCut, LineageResult } from '../../domain/model.js';

/**
 * Node and edge fields a lineage walk leaves out when asked for heads (LineageQuery.heads): asked
 * for only when the query selects none of them (NodeResolver and EdgeResolver read them for a head
 * that reaches them).
 */
const NOT_IN_HEADS = new Set(['props', 'createdAt', 'updatedAt', 'gaps']);
const NOT_IN_EDGE_HEADS = new Set(['props', 'validFrom', 'validTo', 'gaps']);

const asOfArg = { nullable: true, description: 'Time travel: the graph as it was at this time' } as const;
const iso = (d: Date | undefined) => {
  if (d === undefined || d === null) return undefined;
  if (Number.isNaN(d.getTime())) throw badInput('asOf', 'must be a date-time');
  return d.toISOString();
};

@Resolver(() => Lineage)
export class LineageResolver {
  @Query(() => Lineage, { nullable: true, description: 'Bounded lineage around a node; null when the node does not exist (at asOf: not created yet). A node dropped (now, or at asOf) is the root of an answer without lineage: its validTo and gaps tell when' })
  lineage(
    @Arg('nodeId', () => ID) nodeId: string,
    @Arg('direction', () => DirectionEnum, { defaultValue: DirectionEnum.BOTH }) direction: DirectionEnum,
    @Arg('depth', () => Int, { defaultValue: 3, description: '1..10 hops' }) depth: number,
    @Arg('limit', () => Int, { defaultValue: 500, description: 'At most this many nodes besides the root (1..5000)' }) limit: number,
    @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | undefined,
    @Arg('deadlineMs', () => Int, { defaultValue: 5000, description: 'Answer within this time with what was found (1..60000)' }) deadlineMs: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const heads = !selectsAny(info, ['nodes', 'node'], NOT_IN_HEADS) && !selectsAny(info, ['edges'], NOT_IN_EDGE_HEADS);
    return ctx.services.lineage.lineage(ctx.principal.tenant, nodeId, direction, depth, limit, { asOf: iso(asOf), deadlineMs, heads });
  }

  @Query(() => Lineage, { nullable: true, description: 'Column-level lineage from a Field, from every field of a Dataset, or from every field of the datasets a Job writes now. The columns of datasets dropped (now, or at asOf) are left out, and what lies only beyond them; a dropped dataset or one of its columns is the root of an answer without lineage' })
  columnLineage(
    @Arg('nodeId', () => ID) nodeId: string,
    @Arg('direction', () => DirectionEnum, { defaultValue: DirectionEnum.BOTH }) direction: DirectionEnum,
    @Arg('depth', () => Int, { defaultValue: 3 }) depth: number,
    @Arg('limit', () => Int, { defaultValue: 1000 }) limit: number,
    @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.lineage.columnLineage(ctx.principal.tenant, nodeId, direction, depth, limit, { asOf: iso(asOf) });
  }

  @Query(() => LineageChangePage, { nullable: true, description: "A job's or dataset's lineage over time, newest first: when it started and stopped reading or writing a dataset (and did again), a dataset's columns dropped and added back. From its edges' validity and gaps; null when the node does not exist" })
  lineageChanges(
    @Arg('nodeId', () => ID) nodeId: string,
    @Arg('first', () => Int, { defaultValue: 50, description: '1..1000' }) first: number,
    @Arg('since', () => GraphQLDateTime, { nullable: true, description: 'Changes after this time (default: after the node was first seen, and for a job after its first run ended; what it had then is not a change)' }) since: Date | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.lineage.lineageChanges(ctx.principal.tenant, nodeId, first, since ? since.toISOString() : undefined);
  }

  @Query(() => LineageCount, { nullable: true, description: 'Count-first: how many nodes a lineage query would return, by kind and distance' })
  lineageCount(
    @Arg('nodeId', () => ID) nodeId: string,
    @Arg('direction', () => DirectionEnum, { defaultValue: DirectionEnum.BOTH }) direction: DirectionEnum,
    @Arg('depth', () => Int, { defaultValue: 3 }) depth: number,
    @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.lineage.lineageCount(ctx.principal.tenant, nodeId, direction, depth, { asOf: iso(asOf) });
  }

  @Query(() => Impact, { nullable: true, description: 'Impact analysis: everything downstream, grouped by kind and distance' })
  impact(
    @Arg('nodeId', () => ID) nodeId: string,
    @Arg('depth', () => Int, { defaultValue: 10 }) depth: number,
    @Arg('limit', () => Int, { defaultValue: 5000 }) limit: number,
    @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const heads = !selectsAny(info, ['groups', 'nodes', 'node'], NOT_IN_HEADS);
    return ctx.services.lineage.impact(ctx.principal.tenant, nodeId, depth, limit, { asOf: iso(asOf), heads });
  }

  @FieldResolver(() => Boolean, { description: 'True when the answer is partial; `cut` says where and why' })
  isPartial(@Root() l: LineageResult): boolean {
    return l.cut !== null;
  }

  @FieldResolver(() => LineageCut, { nullable: true })
  cut(@Root() l: LineageResult) {
    return l.cut;
  }
}

@Resolver(() => LineageCut)
export class LineageCutResolver {
  @FieldResolver(() => Boolean, { description: "False when the deadline cut the read of the edges: some edges between the answer's nodes are missing" })
  edgesComplete(@Root() cut: DomainCut): boolean {
    return !cut.edgesMissing;
  }
}
