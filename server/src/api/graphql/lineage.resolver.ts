import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from './context.js';
import { DirectionEnum, Lineage } from './types.js';

@Resolver()
export class LineageResolver {
  @Query(() => Lineage, { nullable: true, description: 'Bounded lineage around a node; null when the node does not exist' })
  lineage(
    @Arg('nodeId', () => ID) nodeId: string,
    @Arg('direction', () => DirectionEnum, { defaultValue: DirectionEnum.BOTH }) direction: DirectionEnum,
    @Arg('depth', () => Int, { defaultValue: 3, description: '1..10 hops' }) depth: number,
    @Arg('limit', () => Int, { defaultValue: 500, description: 'At most this many nodes besides the root (1..5000)' }) limit: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.lineage.lineage(ctx.principal.tenant, nodeId, direction, depth, limit);
  }
}
