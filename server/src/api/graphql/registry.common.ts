/** GraphQL pieces shared by the tracking, model registry and prompt registry schemas. */
import { Field, InputType, ObjectType } from 'type-graphql';
import type { Context } from './context.js';
import { actorFrom, type Actor } from '../../domain/registry/actor.js';
import { checkText, isoTime, prefixed } from '../../domain/registry/validate.js';

@ObjectType({ description: 'A key and its value (params, tags)' })
export class KeyValue {
  @Field(() => String) key!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
}

@InputType({ description: 'A key and its value; a null value removes a tag' })
export class KeyValueInput {
  @Field(() => String) key!: string;
  @Field(() => String, { nullable: true }) value?: string | null;
}

@ObjectType({ description: 'Who made a change: the name the caller gave (a user or a CI job) and the role of its API key' })
export class ActorRecord {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String) role!: string;
}

/** The acting principal, with the name the caller says it acts for (recorded in history). */
export function actorOf(ctx: Context, name?: string | null): Actor {
  return actorFrom(ctx.principal, checkText('input.actor', name, 200) ?? null);
}

export const asOfIso = (d: Date | null | undefined) => isoTime('asOf', d);

export const keyValues = (props: Record<string, unknown>, prefix: string): KeyValue[] =>
  prefixed(props, prefix).map((p) => ({ key: p.key, value: p.value == null ? null : String(p.value) }));

export function actorRecord(v: unknown): ActorRecord | null {
  const a = v as { actor?: string | null; role?: string } | null | undefined;
  return a && typeof a.role === 'string' ? { name: a.actor ?? null, role: a.role } : null;
}

/** A per-request memo (the context lives for one request): DataLoaders of these resolvers hang off it. */
export function perRequest<T>(cache: WeakMap<Context, T>, ctx: Context, make: () => T): T {
  let v = cache.get(ctx);
  if (!v) cache.set(ctx, (v = make()));
  return v;
}
