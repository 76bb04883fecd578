import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from './context.js';
import { DirectionEnum, GraphNode, Node, NodeKindEnum, NeighbourPage, Viewer } from './types.js';
import { LINEAGE_EDGE_KINDS, type NodeKind } from '../../domain/model.js';

@Resolver(() => GraphNode)
export class NodeResolver {
  @Query(() => Viewer, { description: 'Who the API key belongs to' })
  viewer(@Ctx() ctx: Context): Viewer {
    return { tenant: ctx.principal.tenant, role: ctx.principal.role };
  }

  @Query(() => Node, { nullable: true, description: 'One node by its id' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.node.load(id);
  }

  @Query(() => [GraphNode], { description: 'Nodes whose name or id contains the text (case-insensitive); exact names first' })
  search(
    @Arg('text', () => String) text: string,
    @Arg('kinds', () => [NodeKindEnum], { nullable: true }) kinds: NodeKind[] | undefined,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.lineage.search(ctx.principal.tenant, text, kinds ?? undefined, first);
  }

  @FieldResolver(() => NeighbourPage, { description: 'Current edges of this node, paged' })
  neighbours(
    @Root() node: GraphNode,
    @Arg('direction', () => DirectionEnum, { defaultValue: DirectionEnum.BOTH }) direction: DirectionEnum,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('lineageOnly', () => Boolean, { defaultValue: false, description: 'Only data-flow edges (the ones lineage follows), for one-hop expansion' }) lineageOnly: boolean,
    @Ctx() ctx: Context,
  ) {
    const edgeKinds = lineageOnly ? LINEAGE_EDGE_KINDS : undefined;
    return ctx.services.lineage.neighbours(ctx.principal.tenant, node.id, { direction, limit: first, offset, edgeKinds });
  }
}
