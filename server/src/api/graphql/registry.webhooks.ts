import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import { actorOf } from './registry.common.js';
import { CreateWebhookInput } from './registry.inputs.js';
import type { GraphNode } from '../../domain/model.js';
import { WEBHOOK_EVENTS } from '../../domain/registry/webhooks.service.js';
import { requireAdmin } from '../../domain/registry/actor.js';

@ObjectType({ description: 'A webhook subscription: registry events POSTed as JSON, signed `X-Loom-Signature: sha256=HMAC(secret, "<X-Loom-Timestamp>.<body>")`, retried with backoff; or, with a mailto: URL, an email destination (format EMAIL, sent through LOOM_SMTP_URL)' })
export class Webhook {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => [String], { description: `Among ${WEBHOOK_EVENTS.join(', ')}` }) events!: string[];
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'Alerts of rules this severe or more only (INFO < WARNING < CRITICAL); null: every alert' }) minSeverity!: string | null;
  @Field(() => String, { description: 'The last characters of the secret' }) secretHint!: string;
  @Field(() => String, { description: 'LOOM (the signed JSON envelope), SLACK (a Slack message), EMAIL (a mailto: destination: plain text) or a format a plugin offers' }) format!: string;
  @Field(() => GraphQLDateTime) createdAt!: string;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was deleted' }) deletedAt!: string | null;
}

const toWebhook = (n: GraphNode): Webhook => ({
  id: n.name, url: String(n.props.url), events: n.props.events as string[], description: (n.props.description as string) ?? null, minSeverity: (n.props.minSeverity as string) ?? null,
  secretHint: String(n.props.secretHint), format: String(n.props.format ?? 'LOOM'), createdAt: n.createdAt, deletedAt: n.validTo,
});

@ObjectType()
export class CreatedWebhook {
  @Field(() => Webhook) webhook!: Webhook;
  @Field(() => String, { description: 'The signing secret: shown this once' }) secret!: string;
}

@ObjectType({ description: 'The outcome of one delivery, after its attempts (kept 90 days; whichever process made it)' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'The delivery id: X-Loom-Delivery, the same on every attempt' }) id!: string;
  @Field(() => String) event!: string;
  @Field(() => String, { description: 'PENDING (not made yet, or being made; one pending when Loom stopped is made at its next start), DELIVERED or FAILED (after its attempts)' }) state!: string;
  @Field(() => Boolean) ok!: boolean;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true, description: "The last HTTP status (an email's: the SMTP server's reply code, 250 accepted)" }) status!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => GraphQLDateTime) at!: string;
}

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'The tenant\'s webhooks (admin)' })
  async webhooks(@Ctx() ctx: Context) {
    requireAdmin(actorOf(ctx), 'list webhooks');
    return (await ctx.services.registry.webhooks.list(ctx.principal.tenant)).map(toWebhook);
  }

  @FieldResolver(() => [WebhookDelivery], { description: 'The last 20 deliveries, newest first' })
  deliveries(@Root() w: Webhook, @Ctx() ctx: Context) {
    return ctx.services.registry.webhooks.deliveries(ctx.principal.tenant, w.id);
  }

  @Mutation(() => CreatedWebhook, { description: 'Subscribe a URL to registry events (admin)' })
  async createWebhook(@Arg('input', () => CreateWebhookInput) input: CreateWebhookInput, @Ctx() ctx: Context) {
    const { webhook, secret } = await ctx.services.registry.webhooks.create(actorOf(ctx), input);
    return { webhook: toWebhook(webhook), secret };
  }

  @Mutation(() => WebhookDelivery, { description: 'Send a test event (WEBHOOK_TEST) to a webhook or email destination now, once, without retries (admin): what it answered, also listed with its deliveries' })
  async testWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.registry.webhooks.test(actorOf(ctx), id);
  }

  @Mutation(() => Webhook, { description: 'Stop sending to a webhook (admin)' })
  async deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return toWebhook(await ctx.services.registry.webhooks.delete(actorOf(ctx), id));
  }
}
