/** The feature store (domain/features): groups read by anyone in the tenant, defined and written by editors and admins. */
import { Arg, Ctx, Field, FieldResolver, Float, ID, InputType, Int, InterfaceType, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from './context.js';
import { enumOf } from './types.js';
import { ActorRecord, actorOf, actorRecord } from './registry.common.js';
import { FEATURE_TYPES, MAX_DIMENSION, featureId, type FeatureGroup as DomainGroup, type FeatureType } from '../../domain/features/groups.js';
import type { ValueStatus } from '../../domain/features/features.service.js';
import { DatasetRefInput } from './registry.inputs.js';
import { MAX_ROWS } from '../../domain/features/values.js';
import { EXPECTATION_KINDS, type Expectation, type ExpectationKind, type ExpectationResult } from '../../domain/features/expectations.js';
import { LoomError } from '../../domain/errors.js';
import { nodeId } from '../../domain/ids.js';
import { sourcesOf } from '../../domain/features/group-graph.js';
import { CHANGE_KINDS, type ChangeKind, type DefinitionRecord } from '../../domain/features/definitions.js';

export const FeatureTypeEnum = enumOf(FEATURE_TYPES);
registerEnumType(FeatureTypeEnum, {
  name: 'FeatureType',
  description: 'INT64 (exact: a number, or a string of digits beyond 2^53), FLOAT64, STRING, BOOL, FLOAT_VECTOR (an embedding of `dimension` numbers)',
});
const VALUE_STATUSES: readonly ValueStatus[] = ['PRESENT', 'NULL', 'NOT_FOUND', 'EXPIRED'];
export const FeatureValueStatusEnum = enumOf(VALUE_STATUSES);
registerEnumType(FeatureValueStatusEnum, {
  name: 'FeatureValueStatus',
  description: "PRESENT; NULL: written as null; NOT_FOUND: no value at or before the time; EXPIRED: the latest value is older than the group's ttlSeconds",
});

@ObjectType('FeatureStats', { description: "One feature, over the entities' latest values" })
class FeatureStats {
  @Field(() => String) feature!: string;
  @Field(() => Int, { description: 'Entities with a value' }) entities!: number;
  @Field(() => Int) nulls!: number;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => Float, { nullable: true }) mean!: number | null;
  @Field(() => Int, { nullable: true, description: 'STRING: distinct values (approximate)' }) distinctStrings!: number | null;
  @Field(() => GraphQLDateTime, { nullable: true }) lastEventTime!: string | null;
}

@ObjectType({ description: 'One feature of a group' })
class Feature {
  @Field(() => ID, { description: 'Its Feature node' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => FeatureTypeEnum) type!: FeatureType;
  @Field(() => Int, { nullable: true }) dimension!: number | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String], { description: "Fields of its source dataset (its own source, else the group's) it is computed from (they DERIVE it in column lineage)" }) sourceFields!: string[];
  @Field(() => String, { nullable: true }) transformation!: string | null;
  @Field(() => DatasetRef, { nullable: true, description: "The dataset it is computed from when not the group's (null: the group's)" }) source!: DatasetRef | null;
}

@ObjectType({ description: 'A dataset named by namespace and name, and its node id' })
class DatasetRef {
  @Field(() => ID) id!: string;
  @Field(() => String) namespace!: string;
  @Field(() => String) name!: string;
}

const datasetRef = (d: { namespace: string; name: string }): DatasetRef => ({ id: nodeId('Dataset', d.namespace, d.name), namespace: d.namespace, name: d.name });

@ObjectType({ description: "How much a group holds, from the analytics store" })
class FeatureGroupStats {
  @Field(() => Int, { description: 'Entities with a value (approximate above ~10,000)' }) entities!: number;
  @Field(() => Float, { description: 'Values stored: one per entity, feature and event time' }) values!: number;
  @Field(() => GraphQLDateTime, { nullable: true }) firstEventTime!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) lastEventTime!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) lastWrittenAt!: string | null;
}

export const FeatureExpectationKindEnum = enumOf(EXPECTATION_KINDS);
registerEnumType(FeatureExpectationKindEnum, {
  name: 'FeatureExpectationKind',
  description: "Great Expectations' expect_column_values_to_not_be_null (NOT_NULL), _to_be_between (BETWEEN), _to_be_in_set (IN_SET), expect_column_mean_to_be_between (MEAN_BETWEEN)",
});

@ObjectType({ description: "A data quality rule on a feature, checked over each entity's latest value" })
class FeatureExpectation {
  @Field(() => FeatureExpectationKindEnum) kind!: ExpectationKind;
  @Field(() => String) feature!: string;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => [String], { nullable: true }) values!: string[] | null;
  @Field(() => Float, { description: 'The share of values that must pass (1: all)' }) mostly!: number;
}

@ObjectType()
class FeatureExpectationResult {
  @Field(() => FeatureExpectation) expectation!: FeatureExpectation;
  @Field(() => Boolean) success!: boolean;
  @Field(() => Float, { nullable: true, description: 'The share of values passing (MEAN_BETWEEN: the mean); null when there were none' }) observed!: number | null;
  @Field(() => Int, { description: 'Values checked' }) evaluated!: number;
}

@ObjectType({ description: 'A check of the rules' })
class FeatureValidation {
  @Field(() => GraphQLDateTime) at!: string;
  @Field(() => Boolean) success!: boolean;
  @Field(() => [FeatureExpectationResult]) results!: FeatureExpectationResult[];
  @Field(() => ActorRecord, { nullable: true, description: 'Who ran it (in `validations`; null on the group\'s latest)' }) validatedBy?: ActorRecord | null;
}

@InputType()
class FeatureExpectationInput {
  @Field(() => FeatureExpectationKindEnum) kind!: ExpectationKind;
  @Field(() => String) feature!: string;
  @Field(() => Float, { nullable: true, description: 'BETWEEN, MEAN_BETWEEN' }) min?: number | null;
  @Field(() => Float, { nullable: true, description: 'BETWEEN, MEAN_BETWEEN' }) max?: number | null;
  @Field(() => [String], { nullable: true, description: 'IN_SET' }) values?: string[] | null;
  @Field(() => Float, { nullable: true, description: 'The share of values that must pass, above 0 and at most 1 (default 1)' }) mostly?: number | null;
}

/** What a definition holds, as the group (its current one) and each of its versions answer it. */
@InterfaceType('FeatureGroupDefinition', { description: "A feature group's definition: the group's current one (FeatureGroup), or one of its versions (FeatureGroupVersion)" })
abstract class FeatureGroupDefinitionFields {
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { description: 'The entity key feature vectors are looked up by (e.g. customer_id)' }) entity!: string;
  @Field(() => [Feature]) features!: Feature[];
  @Field(() => DatasetRef, { nullable: true, description: 'The dataset it is computed from (it FEEDS the group)' }) source!: DatasetRef | null;
  @Field(() => Int, { nullable: true, description: 'Values older than this at the time of a read are EXPIRED' }) ttlSeconds!: number | null;
  @Field(() => String, { nullable: true }) owner!: string | null;
  @Field(() => Int, { description: 'The definition\'s version: 1, then +1 at every change' }) version!: number;
  @Field(() => GraphQLDateTime) definedAt!: string;
  @Field(() => ActorRecord, { nullable: true }) definedBy!: ActorRecord | null;
}

@ObjectType({ implements: FeatureGroupDefinitionFields, description: 'A set of typed features about one kind of entity, computed from a source dataset; a FeatureGroup node in the lineage graph' })
export class FeatureGroup extends FeatureGroupDefinitionFields {
  @Field(() => ID) id!: string;
  @Field(() => String) namespace!: string;
  @Field(() => String) name!: string;
  @Field(() => [DatasetRef], { description: 'Every dataset that FEEDS it: its source and those its features name of their own' }) sources!: DatasetRef[];
  @Field(() => GraphQLDateTime) createdAt!: string;
  @Field(() => [FeatureExpectation], { description: 'Its data quality rules (validateFeatureGroup)' }) expectations!: FeatureExpectation[];
  @Field(() => FeatureValidation, { nullable: true }) validation!: FeatureValidation | null;
}

export const FeatureDefinitionChangeKindEnum = enumOf(CHANGE_KINDS);
registerEnumType(FeatureDefinitionChangeKindEnum, {
  name: 'FeatureDefinitionChangeKind',
  description: "What a version changed: a feature added or dropped, a kept feature's description, source fields, transformation or own source; the group's description, source, TTL or owner",
});

@ObjectType({ description: 'One difference from the version before' })
class FeatureDefinitionChange {
  @Field(() => FeatureDefinitionChangeKindEnum) kind!: ChangeKind;
  @Field(() => String, { nullable: true, description: "The feature (null: the group's own field)" }) feature!: string | null;
  @Field(() => String, { nullable: true, description: 'As text: a type such as FLOAT_VECTOR(64), source fields joined by ", ", a dataset as namespace/name, a TTL in seconds; null: none' }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType({ implements: FeatureGroupDefinitionFields, description: "A version of a feature group's definition: what it held, who defined it and when, what it changed" })
class FeatureGroupVersion extends FeatureGroupDefinitionFields {
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the group was dropped at this version (null: it was not)' }) droppedAt!: string | null;
  @Field(() => ActorRecord, { nullable: true }) droppedBy!: ActorRecord | null;
  @Field(() => [FeatureDefinitionChange], { nullable: true, description: 'What it changed of the version before: [] for version 1; null when that version is not in the history (defined before Loom kept one)' }) changes!: FeatureDefinitionChange[] | null;
}

@ObjectType({ description: 'One feature of a vector' })
class FeatureVectorValue {
  @Field(() => String, { description: 'namespace/name of its group' }) group!: string;
  @Field(() => String) feature!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'As its type: a number, string, boolean or array of numbers; null unless PRESENT' }) value!: unknown;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'The event time of the value read' }) eventTime!: string | null;
  @Field(() => FeatureValueStatusEnum) status!: ValueStatus;
}

@ObjectType({ description: "An entity's features at a time: now (online) or a row's time (point in time)" })
class FeatureVector {
  @Field(() => String) entityId!: string;
  @Field(() => GraphQLDateTime) at!: string;
  @Field(() => [FeatureVectorValue], { description: 'In the order the groups and features were selected' }) values!: FeatureVectorValue[];
}

@ObjectType()
class FeatureWriteResult {
  @Field(() => Int) rows!: number;
  @Field(() => Int, { description: 'Values stored (a row holds one per feature it gives)' }) values!: number;
  @Field(() => String, { description: 'The write time (microseconds): of two writes of one value and event time, the later wins' }) writtenAt!: string;
}

@InputType()
class FeatureSpecInput {
  @Field(() => String, { description: 'Letters, digits and _, not starting with a digit' }) name!: string;
  @Field(() => FeatureTypeEnum) type!: FeatureType;
  @Field(() => Int, { nullable: true, description: `FLOAT_VECTOR only: 1..${MAX_DIMENSION}` }) dimension?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true, description: "Fields of its source dataset (its own source, else the group's) it is computed from" }) sourceFields?: string[] | null;
  @Field(() => String, { nullable: true, description: 'How (e.g. "mean over 30 days")' }) transformation?: string | null;
  @Field(() => DatasetRefInput, { nullable: true, description: "The dataset it is computed from when not the group's source (a group joining several tables)" }) source?: DatasetRefInput | null;
}

@InputType({ description: 'A feature group\'s whole definition' })
class FeatureGroupInput {
  @Field(() => String) namespace!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { description: 'The entity key\'s name (e.g. customer_id); it cannot change later' }) entity!: string;
  @Field(() => [FeatureSpecInput]) features!: FeatureSpecInput[];
  @Field(() => DatasetRefInput, { nullable: true, description: 'A dataset Loom knows (from OpenLineage or another group\'s source)' }) source?: DatasetRefInput | null;
  @Field(() => Int, { nullable: true }) ttlSeconds?: number | null;
  @Field(() => String, { nullable: true }) owner?: string | null;
}

@InputType({ description: "An entity's values at an event time" })
class FeatureRowInput {
  @Field(() => String) entityId!: string;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the values were true; default: now' }) eventTime?: Date | null;
  @Field(() => GraphQLJSONObject, { description: 'Feature name → value (some or all of the group\'s features; null: unknown from this time on)' }) values!: Record<string, unknown>;
}

@InputType({ description: 'Features of one group (all of them when `features` is left out)' })
class FeatureSelectionInput {
  @Field(() => String) namespace!: string;
  @Field(() => String) name!: string;
  @Field(() => [String], { nullable: true }) features?: string[] | null;
}

@InputType({ description: 'An entity at a time (a row of a training set)' })
class EntityAtInput {
  @Field(() => String) entityId!: string;
  @Field(() => GraphQLDateTime) at!: Date;
}

const expectationView = (e: Expectation): FeatureExpectation => ({ kind: e.kind, feature: e.feature, min: e.min ?? null, max: e.max ?? null, values: e.values ?? null, mostly: e.mostly ?? 1 });
const resultView = (r: ExpectationResult): FeatureExpectationResult => ({ ...r, expectation: expectationView(r.expectation) });
const featuresView = (g: Pick<DomainGroup, 'namespace' | 'name' | 'features'>): Feature[] =>
  g.features.map((f) => ({ ...f, id: featureId(g.namespace, g.name, f.name), source: f.source && datasetRef(f.source) }));
const groupView = (g: DomainGroup): FeatureGroup => ({
  ...g,
  expectations: g.expectations.map(expectationView),
  validation: g.validation && { ...g.validation, results: g.validation.results.map(resultView) },
  features: featuresView(g), source: g.source, sources: [...sourcesOf(g).values()].map(datasetRef), definedBy: actorRecord(g.definedBy),
});
const versionView = (g: Pick<DomainGroup, 'namespace' | 'name'>, d: DefinitionRecord): FeatureGroupVersion => ({
  ...d, features: featuresView({ ...g, features: d.features }), source: d.source && datasetRef(d.source),
  definedBy: actorRecord(d.definedBy), droppedBy: actorRecord(d.droppedBy),
});

@Resolver(() => FeatureGroup)
export class FeaturesResolver {
  @Query(() => [FeatureGroup], { description: 'Feature groups by namespace and name' })
  async featureGroups(
    @Arg('namespace', () => String, { nullable: true }) namespace: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Names containing it (any case)' }) search: string | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ): Promise<FeatureGroup[]> {
    return (await ctx.services.features.list(ctx.principal.tenant, { namespace, search, first, offset })).map(groupView);
  }

  @Query(() => FeatureGroup, { nullable: true })
  async featureGroup(@Arg('namespace', () => String) namespace: string, @Arg('name', () => String) name: string, @Ctx() ctx: Context): Promise<FeatureGroup | null> {
    try {
      return groupView(await ctx.services.features.get(ctx.principal.tenant, namespace, name));
    } catch (e) {
      if (e instanceof LoomError && e.code === 'NOT_FOUND') return null;
      throw e;
    }
  }

  @FieldResolver(() => FeatureGroupStats)
  async stats(@Root() g: FeatureGroup, @Ctx() ctx: Context): Promise<FeatureGroupStats> {
    return ctx.services.features.stats(ctx.principal.tenant, g as unknown as DomainGroup);
  }

  @FieldResolver(() => [FeatureValidation], { description: 'Every check of the rules (validateFeatureGroup), newest first: `before` pages back' })
  async validations(
    @Root() g: FeatureGroup,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('before', () => GraphQLDateTime, { nullable: true }) before: Date | null,
    @Ctx() ctx: Context,
  ): Promise<FeatureValidation[]> {
    const list = await ctx.services.features.validations(ctx.principal.tenant, g as unknown as DomainGroup, first, before ?? null);
    return list.map((v) => ({ ...v, validatedBy: actorRecord(v.validatedBy), results: v.results.map(resultView) }));
  }

  @FieldResolver(() => [FeatureGroupVersion], { description: "Its definitions, newest first: each version's features, sources, TTL and owner, who defined it and when, when it was dropped at it, and what it changed. With `asOf`, as they stood then: the first is the definition in force at that time (unless `droppedAt` says it was dropped by then); page back with the oldest's definedAt less a millisecond" })
  async definitions(
    @Root() g: FeatureGroup,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('asOf', () => GraphQLDateTime, { nullable: true }) asOf: Date | null,
    @Ctx() ctx: Context,
  ): Promise<FeatureGroupVersion[]> {
    // The group as the domain holds it: the view above named its definer as GraphQL does.
    const group = { ...g, definedBy: g.definedBy && { actor: g.definedBy.name, role: g.definedBy.role } } as unknown as DomainGroup;
    return (await ctx.services.features.definitions(ctx.principal.tenant, group, first, asOf ?? null)).map((d) => versionView(group, d));
  }

  @FieldResolver(() => [FeatureStats], { description: "Per feature, over each entity's latest value" })
  async featureStats(@Root() g: FeatureGroup, @Ctx() ctx: Context): Promise<FeatureStats[]> {
    return ctx.services.features.featureStats(ctx.principal.tenant, g as unknown as DomainGroup);
  }

  @Query(() => [FeatureVector], { description: `Each entity's latest values of the selected features, in the order asked (up to 1,000 entities; the groups must share one entity key)` })
  async onlineFeatures(
    @Arg('entityIds', () => [String]) entityIds: string[],
    @Arg('features', () => [FeatureSelectionInput]) features: FeatureSelectionInput[],
    @Ctx() ctx: Context,
  ): Promise<FeatureVector[]> {
    return (await ctx.services.features.online(ctx.principal.tenant, entityIds, features));
  }

  @Query(() => [FeatureVector], { description: 'A training set without leakage: for each row (an entity at a time, up to 10,000), each value as it was at that time (the latest event time at or before it)' })
  async pointInTimeFeatures(
    @Arg('rows', () => [EntityAtInput]) rows: EntityAtInput[],
    @Arg('features', () => [FeatureSelectionInput]) features: FeatureSelectionInput[],
    @Ctx() ctx: Context,
  ): Promise<FeatureVector[]> {
    return (await ctx.services.features.pointInTime(ctx.principal.tenant, rows, features));
  }

  @Mutation(() => [FeatureVector], { description: "A run's training set (editor, admin): pointInTimeFeatures, and each group recorded as an input the run read (READ_BY), so the model version registered from the run has the features and their sources in its lineage" })
  async readTrainingSet(
    @Arg('runId', () => String) runId: string,
    @Arg('rows', () => [EntityAtInput]) rows: EntityAtInput[],
    @Arg('features', () => [FeatureSelectionInput]) features: FeatureSelectionInput[],
    @Ctx() ctx: Context,
  ): Promise<FeatureVector[]> {
    return (await ctx.services.features.trainingSet(actorOf(ctx), runId, rows, features));
  }

  @Mutation(() => FeatureGroup, { description: 'Create a feature group or change its definition (editor, admin): features may be added and dropped; the entity key and a kept feature\'s type may not change' })
  async defineFeatureGroup(@Arg('input', () => FeatureGroupInput) input: FeatureGroupInput, @Ctx() ctx: Context): Promise<FeatureGroup> {
    return groupView(await ctx.services.features.define(actorOf(ctx), input));
  }

  @Mutation(() => FeatureWriteResult, { description: `Upsert values (editor, admin; up to ${MAX_ROWS} rows): the same entity, feature and event time written again is replaced; answered once committed. One bad value refuses the write and is named` })
  async writeFeatures(
    @Arg('namespace', () => String) namespace: string,
    @Arg('name', () => String) name: string,
    @Arg('rows', () => [FeatureRowInput]) rows: FeatureRowInput[],
    @Ctx() ctx: Context,
  ): Promise<FeatureWriteResult> {
    return ctx.services.features.write(actorOf(ctx), { namespace, name, rows });
  }

  @Mutation(() => FeatureGroup, { description: "Check the group's data quality rules over each entity's latest values (editor, admin): the expectations given (kept as the group's), or those kept. The verdicts are stored on the group, and an UPSTREAM_QUALITY promotion gate refuses a model version whose training run read a group failing them" })
  async validateFeatureGroup(
    @Arg('namespace', () => String) namespace: string,
    @Arg('name', () => String) name: string,
    @Arg('expectations', () => [FeatureExpectationInput], { nullable: true }) expectations: FeatureExpectationInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<FeatureGroup> {
    return groupView(await ctx.services.features.validate(actorOf(ctx), namespace, name, expectations));
  }

  @Mutation(() => FeatureGroup, { description: 'Drop a group (editor, admin): no longer listed nor served; its values and history stay, and defining it again restores them' })
  async dropFeatureGroup(@Arg('namespace', () => String) namespace: string, @Arg('name', () => String) name: string, @Ctx() ctx: Context): Promise<FeatureGroup> {
    return groupView(await ctx.services.features.drop(actorOf(ctx), namespace, name));
  }
}
