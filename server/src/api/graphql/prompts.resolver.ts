import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import type { Context } from './context.js';
import { actorOf, asOfIso } from './registry.common.js';
import {
  CreatePromptVersionInput, Prompt, PromptDiff, PromptVersion, RemovePromptLabelInput, RenderedPrompt, SetPromptLabelInput, toPrompt, toPromptVersion,
  toRendered,
} from './prompts.types.js';
import { EvaluationResult, HistoryEntry, historyOf, toEvaluation } from './registry.types.js';
import { checkPaging } from '../../domain/registry/validate.js';

const asOfArg = { nullable: true, description: 'The registry as it was at this time (labels included)' } as const;

@Resolver(() => Prompt)
export class PromptResolver {
  @Query(() => [Prompt])
  async prompts(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | null,
    @Arg('search', () => String, { nullable: true, description: 'Only names containing this text (case-insensitive)' }) search: string | null,
    @Ctx() ctx: Context,
  ) {
    return (await ctx.services.registry.prompts.list(ctx.principal.tenant, first, offset, asOfIso(asOf), search)).map(toPrompt);
  }

  @Query(() => Prompt, { nullable: true })
  async prompt(@Arg('name', () => String) name: string, @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | null, @Ctx() ctx: Context) {
    const view = await ctx.services.registry.prompts.view(ctx.principal.tenant, name, asOfIso(asOf));
    return view && toPrompt(view);
  }

  @Query(() => PromptVersion, { description: 'A version by number or by label (latest when neither); NOT_FOUND when there is none' })
  async promptVersion(
    @Arg('name', () => String) name: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Arg('label', () => String, { nullable: true }) label: string | null,
    @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | null,
    @Ctx() ctx: Context,
  ) {
    return toPromptVersion(await ctx.services.registry.prompts.get(ctx.principal.tenant, name, { version, label, asOf: asOfIso(asOf) }));
  }

  @Query(() => RenderedPrompt, { description: 'Fill a version\'s placeholders (every required variable, nothing unknown)' })
  async renderPrompt(
    @Arg('name', () => String) name: string,
    @Arg('variables', () => GraphQLJSON, { description: 'name → value; non-strings are written as JSON' }) variables: Record<string, unknown>,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Arg('label', () => String, { nullable: true }) label: string | null,
    @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | null,
    @Ctx() ctx: Context,
  ) {
    const r = await ctx.services.registry.prompts.render(ctx.principal.tenant, name, { version, label, asOf: asOfIso(asOf) }, variables);
    return toRendered(r.version, r.rendered);
  }

  @Query(() => PromptDiff)
  async diffPromptVersions(@Arg('name', () => String) name: string, @Arg('from', () => Int) from: number, @Arg('to', () => Int) to: number, @Ctx() ctx: Context) {
    const d = await ctx.services.registry.prompts.diff(ctx.principal.tenant, name, from, to);
    return { ...d, from: toPromptVersion(d.from), to: toPromptVersion(d.to) };
  }

  @FieldResolver(() => [PromptVersion], { description: 'Highest version first' })
  versions(@Root() p: Prompt, @Arg('first', () => Int, { defaultValue: 100 }) first: number, @Arg('offset', () => Int, { defaultValue: 0 }) offset: number) {
    checkPaging(first, offset);
    return p.view.versions.slice(offset, offset + first).map(toPromptVersion);
  }

  @FieldResolver(() => [HistoryEntry], { description: 'Versions created and labels moved, newest first' })
  history(@Root() p: Prompt, @Arg('first', () => Int, { defaultValue: 100 }) first: number, @Arg('offset', () => Int, { defaultValue: 0 }) offset: number) {
    checkPaging(first, offset);
    return historyOf(p.view.events, p.view.versions.map((v) => v.node), null).slice(offset, offset + first);
  }

  @Mutation(() => PromptVersion, { description: 'A new immutable version (the prompt is created on first use); latest moves to it' })
  async createPromptVersion(@Arg('input', () => CreatePromptVersionInput) input: CreatePromptVersionInput, @Ctx() ctx: Context) {
    return toPromptVersion(await ctx.services.registry.prompts.createVersion(actorOf(ctx, input.actor), input));
  }

  @Mutation(() => PromptVersion, { description: 'Move a label to a version (production needs the admin role)' })
  async setPromptLabel(@Arg('input', () => SetPromptLabelInput) input: SetPromptLabelInput, @Ctx() ctx: Context) {
    return toPromptVersion(await ctx.services.registry.prompts.setLabel(actorOf(ctx, input.actor), input));
  }

  @Mutation(() => Prompt)
  async removePromptLabel(@Arg('input', () => RemovePromptLabelInput) input: RemovePromptLabelInput, @Ctx() ctx: Context) {
    return toPrompt(await ctx.services.registry.prompts.removeLabel(actorOf(ctx, input.actor), input));
  }
}

@Resolver(() => PromptVersion)
export class PromptVersionResolver {
  @FieldResolver(() => [EvaluationResult], { description: 'Newest first' })
  async evaluations(@Root() v: PromptVersion, @Ctx() ctx: Context) {
    return (await ctx.services.registry.evaluations.of(ctx.principal.tenant, v.id)).filter((e) => !v.asOf || String(e.props.evaluatedAt) <= v.asOf).map(toEvaluation);
  }
}
