import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import { GraphNode } from './types.js';
import { ActorRecord, actorOf } from './registry.common.js';
import type { GraphNode as StoredNode, NodeHead } from '../../domain/model.js';
import { descriptionOf, ownersOf, type Attribution, type Curated, type Owner as StoredOwner } from '../../domain/curation/curation.js';
import { whole } from './node.resolver.js';

@ObjectType({ description: 'An owner: a person, a team, an application (a URN such as team:data is recommended)' })
class Owner {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'The kind of ownership (e.g. MAINTAINER, TECHNICAL_OWNER)' }) type!: string | null;
}

@InputType()
class OwnerInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) type?: string | null;
}

@ObjectType({ description: 'A node\'s description: a person\'s, else its emitter\'s documentation facet' })
class NodeDescription {
  @Field(() => String) text!: string;
  @Field(() => String, { description: 'USER (set with describeNode) or EMITTER (the documentation facet)' }) source!: string;
  @Field(() => ActorRecord, { nullable: true }) setBy!: ActorRecord | null;
  @Field(() => GraphQLDateTime, { nullable: true }) setAt!: string | null;
}

@ObjectType({ description: 'A node\'s owners: those a person named, else its emitter\'s ownership facet' })
class NodeOwners {
  @Field(() => [Owner]) items!: StoredOwner[];
  @Field(() => String, { description: 'USER (set with setOwners) or EMITTER (the ownership facet)' }) source!: string;
  @Field(() => ActorRecord, { nullable: true }) setBy!: ActorRecord | null;
  @Field(() => GraphQLDateTime, { nullable: true }) setAt!: string | null;
}

const by = (a: Attribution | null) => ({ setBy: a ? { name: a.actor, role: a.role } : null, setAt: a?.at ?? null });
const describe = (c: Curated<string>): NodeDescription => ({ text: c.value, source: c.source, ...by(c.by) });

@Resolver(() => GraphNode)
export class NodeCurationResolver {
  @FieldResolver(() => NodeDescription, { nullable: true, description: 'What this node is: a person\'s description, else its emitter\'s' })
  async description(@Root() node: StoredNode | NodeHead, @Ctx() ctx: Context): Promise<NodeDescription | null> {
    const d = descriptionOf((await whole(node, ctx)).props);
    return d && describe(d);
  }

  @FieldResolver(() => NodeOwners, { description: 'Who answers for this node: the owners a person named, else its emitter\'s' })
  async owners(@Root() node: StoredNode | NodeHead, @Ctx() ctx: Context): Promise<NodeOwners> {
    const o = ownersOf((await whole(node, ctx)).props);
    return { items: o.value, source: o.source, ...by(o.by) };
  }
}

@Resolver()
export class CurationResolver {
  @Mutation(() => GraphNode, { description: 'Describe a dataset, field, job, model... (editor, admin); null or blank clears it, and the emitter\'s description shows again' })
  describeNode(
    @Arg('nodeId', () => ID) nodeId: string,
    @Arg('description', () => String, { nullable: true }) description: string | null,
    @Arg('actor', () => String, { nullable: true, description: 'Who you act for (recorded)' }) actor: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<StoredNode> {
    return ctx.services.curation.describe(actorOf(ctx, actor), nodeId, description);
  }

  @Mutation(() => GraphNode, { description: 'Delete a dataset, job or namespace (editor, admin), softly as Marquez does: it ends now (left out of the current view, lists and lineage; `asOf` before now still shows it) until an event newer than the deletion names it again, or restoreNode. A namespace takes its datasets and jobs along' })
  deleteNode(@Arg('nodeId', () => ID) nodeId: string, @Ctx() ctx: Context): Promise<StoredNode> {
    return ctx.services.curation.softDelete(actorOf(ctx), nodeId);
  }

  @Mutation(() => GraphNode, { description: 'Undo deleteNode (editor, admin)' })
  restoreNode(@Arg('nodeId', () => ID) nodeId: string, @Ctx() ctx: Context): Promise<StoredNode> {
    return ctx.services.curation.restore(actorOf(ctx), nodeId);
  }

  @Mutation(() => GraphNode, { description: 'Name the owners of a dataset, job, model... (editor, admin; up to 50); an empty list clears them, and the emitter\'s show again' })
  setOwners(
    @Arg('nodeId', () => ID) nodeId: string,
    @Arg('owners', () => [OwnerInput]) owners: OwnerInput[],
    @Arg('actor', () => String, { nullable: true }) actor: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<StoredNode> {
    return ctx.services.curation.setOwners(actorOf(ctx, actor), nodeId, owners);
  }
}
