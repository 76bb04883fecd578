/** A tenant's API keys, managed by its admins: list, create (the key is shown once), revoke. */
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import { actorOf } from './registry.common.js';
import { requireAdmin } from '../../domain/registry/actor.js';
import { badInput } from '../../domain/errors.js';
import { apiKeyId, ROLES, type ApiKeyInfo, type Role } from '../../domain/tenancy/tenancy.service.js';

@ObjectType({ description: "An API key of the tenant: never the key itself, which is shown once, when it is created" })
export class ApiKey {
  @Field(() => ID, { description: 'The SHA-256 of the key, in hex: what `revokeApiKey` takes' }) id!: string;
  @Field(() => String, { description: 'The first characters of the key, to recognise it by' }) prefix!: string;
  @Field(() => String, { description: 'admin, editor or viewer' }) role!: string;
  @Field(() => String, { nullable: true, description: 'What the key is for, as its creator put it' }) name!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: string;
  @Field(() => String, { nullable: true, description: '`key <first 12 characters of the id>` of the key that created it, `cli`, `training` or `seed`' }) createdBy!: string | null;
  @Field(() => String, { nullable: true, description: 'The training run it was minted for: revoked when the run ends' }) runId!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) revokedAt!: string | null;
  @Field(() => String, { nullable: true }) revokedBy!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was last sent, within an hour (each server process records a key\'s use at most hourly); null when never' }) lastUsedAt!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it stops working; null: until revoked' }) expiresAt!: string | null;
  @Field(() => [String], { nullable: true, description: 'The namespaces an editor key is limited to: it writes OpenLineage events whose job and outputs lie in them, and tags, describes, owns and deletes only what they hold; nothing tenant-wide. Null: the whole tenant' }) namespaces!: string[] | null;
  @Field(() => Boolean, { description: 'Whether this request was sent with this key' }) current!: boolean;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field(() => String, { description: 'The key: shown this once (only its SHA-256 is stored)' }) key!: string;
}

const MAX_KEYS_LISTED = 10_000;
const view = (k: ApiKeyInfo, ctx: Context): ApiKey => ({ ...k, current: k.id === ctx.principal.keyId });
/** Who acts, as recorded on a key: the sending key's short id. */
const by = (ctx: Context) => (ctx.principal.keyId ? `key ${ctx.principal.keyId.slice(0, 12)}` : 'api');

@Resolver(() => ApiKey)
export class KeysResolver {
  @Query(() => [ApiKey], { description: "The tenant's newest API keys, newest first, revoked ones included (admin); each training run adds one" })
  async apiKeys(@Arg('first', () => Int, { defaultValue: 1000, description: `1..${MAX_KEYS_LISTED}` }) first: number, @Ctx() ctx: Context): Promise<ApiKey[]> {
    requireAdmin(actorOf(ctx), 'list API keys');
    if (!Number.isInteger(first) || first < 1 || first > MAX_KEYS_LISTED) throw badInput('first', `must be 1..${MAX_KEYS_LISTED}`);
    return (await ctx.services.tenancy.listApiKeys(ctx.principal.tenant, first)).map((k) => view(k, ctx));
  }

  @Mutation(() => CreatedApiKey, { description: 'Create an API key for this tenant (admin); the answer holds the key, shown this once' })
  async createApiKey(
    @Arg('role', () => String, { description: 'admin, editor or viewer' }) role: string,
    @Arg('name', () => String, { nullable: true, description: 'What the key is for (at most 200 characters)' }) name: string | undefined,
    @Arg('expiresInDays', () => Int, { nullable: true, description: 'Refused from this many days on (1 to 3,650); none: until revoked' }) expiresInDays: number | undefined,
    @Arg('namespaces', () => [String], { nullable: true, description: 'An editor key that writes only in these namespaces (1 to 50), e.g. one pipeline\'s; none: the whole tenant' }) namespaces: string[] | undefined,
    @Ctx() ctx: Context,
  ): Promise<CreatedApiKey> {
    requireAdmin(actorOf(ctx), 'create API keys');
    if (!ROLES.includes(role as Role)) throw badInput('role', `must be one of ${ROLES.join(', ')}`);
    const tenancy = ctx.services.tenancy;
    const key = await tenancy.createApiKey(ctx.principal.tenant, role as Role, undefined, { name, createdBy: by(ctx), expiresInDays, namespaces });
    return { key, apiKey: view((await tenancy.apiKey(ctx.principal.tenant, apiKeyId(key)))!, ctx) };
  }

  @Mutation(() => ApiKey, { description: "Revoke one of the tenant's API keys (admin): by its id, or the first 8 or more characters of it. Refused at once by this server (by others within 30 s). The tenant's last admin key cannot be revoked: create another first" })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    requireAdmin(actorOf(ctx), 'revoke API keys');
    return view(await ctx.services.tenancy.revokeApiKey(ctx.principal.tenant, id, { by: by(ctx) }), ctx);
  }
}
