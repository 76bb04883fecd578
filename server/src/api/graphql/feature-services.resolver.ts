/** Feature services over GraphQL (domain/features/feature-services.ts): read by anyone in the tenant, defined by editors and admins. */
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import { actorOf } from './registry.common.js';
import type { FeatureService as DomainService } from '../../domain/features/feature-services.js';

@ObjectType({ description: 'One feature a service serves' })
class ServedFeature {
  @Field(() => String, { description: "The group's namespace" }) namespace!: string;
  @Field(() => String, { description: "The group's name (Feast's feature view)" }) group!: string;
  @Field(() => String) feature!: string;
}

@ObjectType({ description: "A named set of features from one or more groups that one model reads (Feast's FeatureService): `POST /get-online-features` with `feature_service` answers them" })
export class FeatureService {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [ServedFeature], { description: 'In the order defined' }) features!: ServedFeature[];
  @Field(() => String, { description: 'The entity key of its features' }) entity!: string;
  @Field(() => GraphQLDateTime) definedAt!: string;
  @Field(() => String, { nullable: true }) definedBy!: string | null;
}

@InputType()
class FeatureServiceInput {
  @Field(() => String, { description: '1-200 letters, digits, "_", "-" or "."' }) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { description: 'Feast references view:feature, a view being a group\'s name or <namespace>/<name>; one entity key' }) features!: string[];
}

const view = (s: DomainService): FeatureService => s;

@Resolver(() => FeatureService)
export class FeatureServicesResolver {
  @Query(() => [FeatureService], { description: 'The tenant\'s feature services, by name' })
  async featureServices(@Ctx() ctx: Context): Promise<FeatureService[]> {
    return (await ctx.services.featureServices.list(ctx.principal.tenant)).map(view);
  }

  @Query(() => FeatureService, { description: 'One feature service by name' })
  async featureService(@Arg('name', () => String) name: string, @Ctx() ctx: Context): Promise<FeatureService> {
    return view(await ctx.services.featureServices.get(ctx.principal.tenant, name));
  }

  @Mutation(() => FeatureService, { description: 'Create a feature service or replace its features (editor, admin); each group it reads FEEDS it in the lineage graph' })
  async defineFeatureService(@Arg('input', () => FeatureServiceInput) input: FeatureServiceInput, @Ctx() ctx: Context): Promise<FeatureService> {
    return view(await ctx.services.featureServices.define(actorOf(ctx), input));
  }

  @Mutation(() => FeatureService, { description: 'Drop a feature service (editor, admin): no longer listed nor served; its node and history stay' })
  async dropFeatureService(@Arg('name', () => String) name: string, @Ctx() ctx: Context): Promise<FeatureService> {
    return view(await ctx.services.featureServices.drop(actorOf(ctx), name));
  }
}
