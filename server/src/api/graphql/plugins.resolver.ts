/** The loaded plugins (server/src/plugins) over GraphQL: what each adds, and the asking tenant's count of its failures. */
import { Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import type { PluginInfo } from '../../domain/ports/Extensions.js';

@ObjectType({ description: 'An OpenLineage facet a plugin reads at ingest, and on what' })
class PluginFacet {
  @Field(() => String) facet!: string;
  @Field(() => [String], { description: 'dataset, job, run' }) owners!: string[];
}

@ObjectType({ description: 'A promotion gate or webhook format a plugin offers' })
class PluginOffer {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType({ description: "A plugin's failures on this tenant's data since this Loom process started (what it would have added was left out; a failed gate blocked)" })
class PluginErrors {
  @Field(() => Int) count!: number;
  @Field(() => GraphQLDateTime, { nullable: true }) lastAt!: string | null;
  @Field(() => String, { nullable: true }) lastMessage!: string | null;
}

@ObjectType({ description: "A plugin's handler calls on this tenant's data since this Loom process started, and the time they took (a gate's or a format's includes what it waited for): what a plugin costs ingest" })
class PluginUsage {
  @Field(() => Int) calls!: number;
  @Field(() => Float) totalMs!: number;
  @Field(() => Float) slowestMs!: number;
}

@ObjectType({ description: 'A plugin this Loom loaded (LOOM_PLUGINS)' })
class Plugin {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) version!: string | null;
  @Field(() => String, { description: 'The module LOOM_PLUGINS named' }) module!: string;
  @Field(() => Boolean, { description: 'Whether it renames datasets at ingest (the graph knows them by the new name; the event archive keeps what was sent and files it under both)' }) renamesDatasets!: boolean;
  @Field(() => [PluginFacet], { description: 'Facets it reads: their props are kept on the node as `plugin.<name>.<key>`, their tags carry the source `plugin:<name>`' }) facets!: PluginFacet[];
  @Field(() => [PluginOffer], { description: 'Gates models can configure (kind PLUGIN)' }) promotionGates!: PluginOffer[];
  @Field(() => [PluginOffer], { description: 'Webhook formats (createWebhook format)' }) webhookFormats!: PluginOffer[];
  @Field(() => PluginErrors) errors!: PluginErrors;
  @Field(() => PluginUsage) usage!: PluginUsage;
}

@Resolver()
export class PluginsResolver {
  @Query(() => [Plugin], { description: 'The plugins this Loom loaded, in load order' })
  plugins(@Ctx() ctx: Context): PluginInfo[] {
    return ctx.services.extensions.describe(ctx.principal.tenant);
  }

  @Query(() => [String], { description: 'The webhook formats createWebhook takes: LOOM, SLACK and those plugins offer' })
  webhookFormats(@Ctx() ctx: Context): string[] {
    return ctx.services.registry.webhooks.formats();
  }
}
