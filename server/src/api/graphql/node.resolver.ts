import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from './context.js';
import { badInput } from '../../domain/errors.js';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { DirectionEnum, Edge, Gap, GraphNode, Node, NodeKindEnum, NeighbourPage, PROPS_DESCRIPTION, Viewer } from './types.js';
import {
  EDGE_KINDS, LINEAGE_EDGE_KINDS, readableBy, type Gap as GapValue, type EdgeHead, type EdgeKind, type GraphEdge, type GraphNode as StoredNode, type NodeHead, type NodeKind, type Props,
} from '../../domain/model.js';

@Resolver(() => GraphNode)
export class NodeResolver {
  @Query(() => Viewer, { description: 'Who the API key belongs to' })
  viewer(@Ctx() ctx: Context): Viewer {
    return { tenant: ctx.principal.tenant, role: ctx.principal.role };
  }

  @Query(() => Node, { nullable: true, description: 'One node by its id (a Webhook: admins only, null for other roles)' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.node.load(id);
  }

  @Query(() => [GraphNode], { description: 'Nodes whose name or id contains the text (case-insensitive); exact names first. Trace nodes are found by their trace id only (list traces with `traces`); Webhook nodes only by admins' })
  async search(
    @Arg('text', () => String) text: string,
    @Arg('kinds', () => [NodeKindEnum], { nullable: true }) kinds: NodeKind[] | undefined,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ) {
    const found = await ctx.services.lineage.search(ctx.principal.tenant, text, kinds ?? undefined, first);
    return found.filter((n) => readableBy(ctx.principal.role, n.kind));
  }

  // A lineage answer asked for heads (LineageResolver asks when the query selects none of these
  // four), and every search answer, hold nodes without them: one that reaches these resolvers
  // anyway is read by id (batched by the request's loader).
  @FieldResolver(() => GraphQLJSON, { description: PROPS_DESCRIPTION })
  async props(@Root() node: StoredNode | NodeHead, @Ctx() ctx: Context): Promise<Props> {
    return (await whole(node, ctx)).props;
  }

  @FieldResolver(() => GraphQLDateTime)
  async createdAt(@Root() node: StoredNode | NodeHead, @Ctx() ctx: Context): Promise<string> {
    return (await whole(node, ctx)).createdAt;
  }

  @FieldResolver(() => GraphQLDateTime)
  async updatedAt(@Root() node: StoredNode | NodeHead, @Ctx() ctx: Context): Promise<string> {
    return (await whole(node, ctx)).updatedAt;
  }

  @FieldResolver(() => [Gap])
  async gaps(@Root() node: StoredNode | NodeHead, @Ctx() ctx: Context): Promise<readonly GapValue[]> {
    return (await whole(node, ctx)).gaps ?? [];
  }

  @FieldResolver(() => NeighbourPage, { description: 'Current edges of this node, paged' })
  neighbours(
    @Root() node: GraphNode,
    @Arg('direction', () => DirectionEnum, { defaultValue: DirectionEnum.BOTH }) direction: DirectionEnum,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('lineageOnly', () => Boolean, { defaultValue: false, description: 'Only data-flow edges (the ones lineage follows), for one-hop expansion; without ended, none to or from a dropped node, as lineage' }) lineageOnly: boolean,
    @Arg('edgeKinds', () => [String], { nullable: true, description: 'Only edges of these kinds (HAS_FIELD, INPUT_TO...); with lineageOnly, those of them that lineage follows' }) kinds: string[] | null | undefined,
    @Arg('ended', () => Boolean, { defaultValue: false, description: "Also edges whose validity has ended (a column a writer's schema dropped, a dataset a job no longer reads), each with its validTo" }) ended: boolean,
    @Ctx() ctx: Context,
  ) {
    const named = kinds ? edgeKindsArg(kinds) : null;
    const edgeKinds = lineageOnly ? LINEAGE_EDGE_KINDS.filter((k) => !named || named.includes(k)) : named ?? undefined;
    // One-hop expansion agrees with the lineage walks: no edge to or from a dropped node in the current view.
    return ctx.services.lineage.neighbours(ctx.principal.tenant, node.id, { direction, limit: first, offset, edgeKinds, includeEnded: ended, liveEnds: lineageOnly });
  }
}

function edgeKindsArg(kinds: readonly string[]): EdgeKind[] {
  if (!kinds.length) throw badInput('edgeKinds', 'name at least one edge kind, or leave it out for all');
  const bad = kinds.find((k) => !(EDGE_KINDS as readonly string[]).includes(k));
  if (bad !== undefined) throw badInput('edgeKinds', `unknown edge kind ${JSON.stringify(bad)}; one of ${EDGE_KINDS.join(', ')}`);
  return kinds as EdgeKind[];
}

/** The whole node: as held, or read by id (batched by the request's loader) when only its head is. */
export async function whole(node: StoredNode | NodeHead, ctx: Context): Promise<StoredNode> {
  if ('props' in node) return node;
  const read = await ctx.loaders.node.load(node.id);
  if (!read) throw new Error(`node ${node.id} was in a search or lineage answer and cannot be read`); // never: nodes are not deleted
  return read;
}

// The same for edges: a lineage answer asked for heads holds them without props and validity (its
// resolver asks when the query selects none of them); one that reaches these anyway is read.
@Resolver(() => Edge)
export class EdgeResolver {
  @FieldResolver(() => GraphQLJSON)
  async props(@Root() edge: GraphEdge | EdgeHead, @Ctx() ctx: Context): Promise<Props> {
    return (await wholeEdge(edge, ctx)).props;
  }

  @FieldResolver(() => GraphQLDateTime)
  async validFrom(@Root() edge: GraphEdge | EdgeHead, @Ctx() ctx: Context): Promise<string> {
    return (await wholeEdge(edge, ctx)).validFrom;
  }

  @FieldResolver(() => GraphQLDateTime, { nullable: true })
  async validTo(@Root() edge: GraphEdge | EdgeHead, @Ctx() ctx: Context): Promise<string | null> {
    return (await wholeEdge(edge, ctx)).validTo;
  }

  @FieldResolver(() => [Gap])
  async gaps(@Root() edge: GraphEdge | EdgeHead, @Ctx() ctx: Context): Promise<readonly GapValue[]> {
    return (await wholeEdge(edge, ctx)).gaps ?? [];
  }
}

async function wholeEdge(edge: GraphEdge | EdgeHead, ctx: Context): Promise<GraphEdge> {
  if ('props' in edge) return edge;
  const read = await ctx.loaders.edge.load(edge);
  if (!read) throw new Error(`edge ${edge.kind} ${edge.from} -> ${edge.to} was in a lineage answer and cannot be read`); // never: edges are not deleted
  return read;
}
