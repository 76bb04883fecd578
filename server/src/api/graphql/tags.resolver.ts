import DataLoader from 'dataloader';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import { GraphNode } from './types.js';
import { ActorRecord, actorOf, perRequest } from './registry.common.js';
import { badInput } from '../../domain/errors.js';
import { checkPaging } from '../../domain/registry/validate.js';
import type { GraphNode as StoredNode, NodeHead } from '../../domain/model.js';
import { MAX_LINEAGE_DEPTH } from '../../domain/model.js';
import type { NodeTag as StoredTag } from '../../domain/tags/tags.js';
import type { TagView } from '../../domain/tags/tags.service.js';

@ObjectType({ description: 'A tag a node carries' })
class NodeTag {
  @Field(() => String) name!: string;
  @Field(() => String, { description: '`USER` (put on through the API), or what an emitter named in its OpenLineage tags facet (`INTEGRATION`, `DBT CORE`...)' })
  source!: string;
  @Field(() => GraphQLDateTime, { description: 'When it was put on' }) at!: string;
  @Field(() => ActorRecord, { nullable: true, description: 'Who put it on (USER tags)' }) actor!: ActorRecord | null;
}

@ObjectType({ description: "One of the tenant's tags: a label datasets, fields, jobs, models... carry" })
class Tag {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: string;
  @Field(() => GraphQLDateTime) updatedAt!: string;
}

@ObjectType()
class TagPage {
  @Field(() => [Tag]) items!: Tag[];
  @Field(() => Int, { description: 'All tags, across pages' }) total!: number;
}

@ObjectType()
class TaggedPage {
  @Field(() => [GraphNode]) items!: StoredNode[];
  @Field(() => Int, { description: 'All nodes carrying the tag, across pages' }) total!: number;
}

@ObjectType({ description: 'A node downstream of a tagged one that does not carry the tag' })
class TagReached {
  @Field(() => GraphNode) node!: StoredNode;
  @Field(() => Int, { description: 'Hops from the nearest tagged node' }) distance!: number;
  @Field(() => ID, { description: 'The nearest tagged node it is reached from' }) from!: string;
}

@ObjectType({ description: 'Where data carrying a tag flows' })
class TagReach {
  @Field(() => [GraphNode], { description: 'The nodes carrying the tag that the walk started from' }) tagged!: StoredNode[];
  @Field(() => [TagReached], { description: 'Nearest first' }) reached!: TagReached[];
  @Field(() => Boolean, { description: 'True when a walk was cut (node limit, deadline) or more nodes carry the tag than were walked from' }) isPartial!: boolean;
}

const toNodeTag = (t: StoredTag): NodeTag => ({ name: t.name, source: t.source, at: t.at, actor: t.role ? { name: t.actor, role: t.role } : null });

const loaders = new WeakMap<Context, DataLoader<string, StoredTag[]>>();
const tagLoader = (ctx: Context) => perRequest(loaders, ctx, () => new DataLoader((ids: readonly string[]) => ctx.services.tags.tagsOf(ctx.principal.tenant, ids), { maxBatchSize: 500 }));

/** A node's tags (batched over every node of one answer). */
@Resolver(() => GraphNode)
export class NodeTagsResolver {
  @FieldResolver(() => [NodeTag], { description: 'The tags this node carries now, by name' })
  async tags(@Root() node: StoredNode | NodeHead, @Ctx() ctx: Context): Promise<NodeTag[]> {
    return (await tagLoader(ctx).load(node.id)).map(toNodeTag);
  }
}

@Resolver()
export class TagsResolver {
  @Query(() => TagPage, { description: "The tenant's tags by name" })
  async tags(
    @Arg('first', () => Int, { defaultValue: 100, description: '1..1000' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ): Promise<TagPage> {
    checkPaging(first, offset, 1000);
    return ctx.services.tags.list(ctx.principal.tenant, first, offset);
  }

  @Query(() => TaggedPage, { nullable: true, description: 'The nodes carrying a tag now, most recently changed first; null when there is no such tag' })
  async tagged(
    @Arg('tag', () => String) tag: string,
    @Arg('first', () => Int, { defaultValue: 50, description: '1..500' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ): Promise<TaggedPage | null> {
    checkPaging(first, offset, 500);
    return ctx.services.tags.tagged(ctx.principal.tenant, tag, first, offset);
  }

  @Query(() => TagReach, { nullable: true, description: 'Where data carrying a tag flows: what lies downstream of the nodes carrying it (a field along column lineage, anything else along lineage) and does not carry it itself, e.g. the columns computed from a PII column that nobody marked; null when there is no such tag' })
  async tagReach(
    @Arg('tag', () => String) tag: string,
    @Arg('depth', () => Int, { defaultValue: 5, description: `1..${MAX_LINEAGE_DEPTH}` }) depth: number,
    @Arg('first', () => Int, { defaultValue: 500, description: 'Nodes reported (and walked from each tagged node), 1..2000' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<TagReach | null> {
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_LINEAGE_DEPTH) throw badInput('depth', `must be 1..${MAX_LINEAGE_DEPTH}`);
    if (!Number.isInteger(first) || first < 1 || first > 2000) throw badInput('first', 'must be 1..2000');
    return ctx.services.tags.reach(ctx.principal.tenant, tag, depth, first);
  }

  @Mutation(() => Tag, { description: 'Create a tag or change its description (editor, admin)' })
  defineTag(
    @Arg('name', () => String) name: string,
    @Arg('description', () => String, { nullable: true }) description: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<TagView> {
    return ctx.services.tags.define(actorOf(ctx), name, description);
  }

  @Mutation(() => GraphNode, { description: 'Put a tag on a node (editor, admin): a dataset, field, job, run, model, model version, feature group, feature, prompt... A new tag is created' })
  tagNode(
    @Arg('nodeId', () => ID) nodeId: string,
    @Arg('tag', () => String) tag: string,
    @Arg('actor', () => String, { nullable: true, description: 'Who you act for (recorded)' }) actor: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<StoredNode> {
    return ctx.services.tags.tag(actorOf(ctx, actor), nodeId, tag);
  }

  @Mutation(() => GraphNode, { description: 'Take a tag off a node (editor, admin); `asOf` views before now still show it' })
  untagNode(
    @Arg('nodeId', () => ID) nodeId: string,
    @Arg('tag', () => String) tag: string,
    @Arg('actor', () => String, { nullable: true }) actor: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<StoredNode> {
    return ctx.services.tags.untag(actorOf(ctx, actor), nodeId, tag);
  }
}
