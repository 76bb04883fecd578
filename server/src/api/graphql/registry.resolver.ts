import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import { actorOf, asOfIso } from './registry.common.js';
import {
  EvaluationResult, HistoryEntry, ModelStage, ModelVersion, RegisteredModel, historyOf, toEvaluation, toModelVersion, toRegisteredModel,
} from './registry.types.js';
import {
  CreateRegisteredModelInput, DeleteModelAliasInput, RecordEvaluationInput, RegisterModelVersionInput, SetModelAliasInput, SetPromotionGatesInput,
  TransitionStageInput,
} from './registry.inputs.js';
import { TrackedRun, toTrackedRun } from './tracking.types.js';
import { versionByAlias, versionOf } from '../../domain/registry/model-views.js';
import { checkPaging } from '../../domain/registry/validate.js';
import { badInput } from '../../domain/errors.js';
import { runNodeId } from '../../domain/ids.js';
import type { GateInput } from '../../domain/registry/gates.js';

const asOfArg = { nullable: true, description: 'The registry as it was at this time' } as const;
const searchArg = { nullable: true, description: 'Only names containing this text (case-insensitive)' } as const;

@Resolver(() => RegisteredModel)
export class RegistryResolver {
  @Query(() => [RegisteredModel], { description: 'Registered models by name' })
  async registeredModels(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | null,
    @Arg('search', () => String, searchArg) search: string | null,
    @Ctx() ctx: Context,
  ) {
    return (await ctx.services.registry.models.list(ctx.principal.tenant, first, offset, asOfIso(asOf), search)).map(toRegisteredModel);
  }

  @Query(() => RegisteredModel, { nullable: true, description: 'A registered model (null when it did not exist at asOf)' })
  async registeredModel(@Arg('name', () => String) name: string, @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | null, @Ctx() ctx: Context) {
    const view = await ctx.services.registry.models.view(ctx.principal.tenant, name, asOfIso(asOf));
    return view && toRegisteredModel(view);
  }

  @Query(() => ModelVersion, { nullable: true, description: 'One version by number or alias ("which version was champion on 2026-03-01?")' })
  async modelVersion(
    @Arg('name', () => String) name: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Arg('alias', () => String, { nullable: true }) alias: string | null,
    @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | null,
    @Ctx() ctx: Context,
  ) {
    if ((version == null) === (alias == null)) throw badInput('version', 'give a version or an alias');
    const view = await ctx.services.registry.models.require(ctx.principal.tenant, name, asOfIso(asOf));
    const v = version != null ? versionOf(view, version) : versionByAlias(view, alias!);
    return v && toModelVersion(v);
  }

  @Query(() => [ModelVersion], { description: 'For each stage asked (all four by default), the highest version in it ("which version was in Production on 2026-03-01?")' })
  async latestModelVersions(
    @Arg('name', () => String) name: string,
    @Arg('stages', () => [ModelStage], { nullable: true }) stages: ModelStage[] | null,
    @Arg('asOf', () => GraphQLDateTime, asOfArg) asOf: Date | null,
    @Ctx() ctx: Context,
  ) {
    const { models } = ctx.services.registry;
    const view = await models.require(ctx.principal.tenant, name, asOfIso(asOf));
    return models.latestVersions(view, stages?.length ? stages : undefined).map(toModelVersion);
  }

  @FieldResolver(() => [ModelVersion], { description: 'Highest version first' })
  versions(@Root() m: RegisteredModel, @Arg('first', () => Int, { defaultValue: 100 }) first: number, @Arg('offset', () => Int, { defaultValue: 0 }) offset: number) {
    checkPaging(first, offset);
    return m.view.versions.slice(offset, offset + first).map(toModelVersion);
  }

  @FieldResolver(() => ModelVersion, { nullable: true })
  version(@Root() m: RegisteredModel, @Arg('version', () => Int, { nullable: true }) version: number | null, @Arg('alias', () => String, { nullable: true }) alias: string | null) {
    if ((version == null) === (alias == null)) throw badInput('version', 'give a version or an alias');
    const v = version != null ? versionOf(m.view, version) : versionByAlias(m.view, alias!);
    return v && toModelVersion(v);
  }

  @FieldResolver(() => [ModelVersion])
  latestVersions(@Root() m: RegisteredModel, @Arg('stages', () => [ModelStage], { nullable: true }) stages: ModelStage[] | null, @Ctx() ctx: Context) {
    return ctx.services.registry.models.latestVersions(m.view, stages?.length ? stages : undefined).map(toModelVersion);
  }

  @FieldResolver(() => [HistoryEntry], { description: 'Every registration, stage transition, alias move and gate change, applied or refused, newest first' })
  history(
    @Root() m: RegisteredModel,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ) {
    checkPaging(first, offset);
    return historyOf(m.view.events, m.view.versions.map((v) => v.node), version ?? null).slice(offset, offset + first);
  }

  @Mutation(() => RegisteredModel)
  async createRegisteredModel(@Arg('input', () => CreateRegisteredModelInput) input: CreateRegisteredModelInput, @Ctx() ctx: Context) {
    return toRegisteredModel(await ctx.services.registry.models.createModel(actorOf(ctx, input.actor), input));
  }

  @Mutation(() => ModelVersion, { description: 'Register a version (CONFLICT when the number exists)' })
  async registerModelVersion(@Arg('input', () => RegisterModelVersionInput) input: RegisterModelVersionInput, @Ctx() ctx: Context) {
    return toModelVersion(await ctx.services.registry.models.register(actorOf(ctx, input.actor), input));
  }

  @Mutation(() => ModelVersion, { description: 'Move a version to a stage; Production needs the admin role and passing gates' })
  async transitionModelVersionStage(@Arg('input', () => TransitionStageInput) input: TransitionStageInput, @Ctx() ctx: Context) {
    return toModelVersion(await ctx.services.registry.models.transition(actorOf(ctx, input.actor), input));
  }

  @Mutation(() => ModelVersion)
  async setModelAlias(@Arg('input', () => SetModelAliasInput) input: SetModelAliasInput, @Ctx() ctx: Context) {
    return toModelVersion(await ctx.services.registry.models.setAlias(actorOf(ctx, input.actor), input));
  }

  @Mutation(() => RegisteredModel)
  async deleteModelAlias(@Arg('input', () => DeleteModelAliasInput) input: DeleteModelAliasInput, @Ctx() ctx: Context) {
    return toRegisteredModel(await ctx.services.registry.models.deleteAlias(actorOf(ctx, input.actor), input));
  }

  @Mutation(() => RegisteredModel, { description: 'Replace a model\'s promotion gates (admin)' })
  async setPromotionGates(@Arg('input', () => SetPromotionGatesInput) input: SetPromotionGatesInput, @Ctx() ctx: Context) {
    return toRegisteredModel(await ctx.services.registry.models.setGates(actorOf(ctx, input.actor), { ...input, gates: input.gates as GateInput[] }));
  }

  @Mutation(() => EvaluationResult, { description: 'Record metrics of a model or prompt version (read by METRIC_THRESHOLD gates with source EVALUATION)' })
  async recordEvaluation(@Arg('input', () => RecordEvaluationInput) input: RecordEvaluationInput, @Ctx() ctx: Context) {
    return toEvaluation(await ctx.services.registry.evaluations.record(actorOf(ctx), input));
  }
}

@Resolver(() => ModelVersion)
export class ModelVersionResolver {
  @FieldResolver(() => TrackedRun, { nullable: true, description: 'The source run' })
  async run(@Root() v: ModelVersion, @Ctx() ctx: Context) {
    if (!v.runId) return null;
    const n = await ctx.loaders.node.load(runNodeId(v.runId));
    return n && toTrackedRun(n);
  }

  @FieldResolver(() => [EvaluationResult], { description: 'Newest first' })
  async evaluations(@Root() v: ModelVersion, @Ctx() ctx: Context) {
    return (await ctx.services.registry.evaluations.of(ctx.principal.tenant, v.id)).filter((e) => !v.asOf || String(e.props.evaluatedAt) <= v.asOf).map(toEvaluation);
  }
}

