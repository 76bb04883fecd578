import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { ActorRecord, KeyValue, actorRecord, keyValues } from './registry.common.js';
import type { ModelView, VersionView } from '../../domain/registry/model-views.js';
import type { RegistryEvent } from '../../domain/registry/history.js';
import type { GraphNode } from '../../domain/model.js';
import { prefixed } from '../../domain/registry/validate.js';

export enum ModelStage { None = 'None', Staging = 'Staging', Production = 'Production', Archived = 'Archived' }
registerEnumType(ModelStage, { name: 'ModelStage' });
export enum GateKind { METRIC_THRESHOLD = 'METRIC_THRESHOLD', UPSTREAM_QUALITY = 'UPSTREAM_QUALITY', PLUGIN = 'PLUGIN' }
registerEnumType(GateKind, {
  name: 'GateKind',
  valuesConfig: {
    METRIC_THRESHOLD: { description: 'A metric of the version (its source run\'s last value, or its latest evaluation) must compare to a threshold' },
    UPSTREAM_QUALITY: { description: 'No failing data quality assertion on the dataset versions the source run read, and upstream of them (depth hops of writer runs)' },
    PLUGIN: { description: 'A gate a plugin offers (`plugins { promotionGates }`), asked with params; it fails closed: an error, a timeout or a plugin no longer loaded blocks the change' },
  },
});
export enum Comparison { GTE = 'GTE', GT = 'GT', LTE = 'LTE', LT = 'LT' }
registerEnumType(Comparison, { name: 'Comparison' });
export enum MetricSource { RUN = 'RUN', EVALUATION = 'EVALUATION' }
registerEnumType(MetricSource, { name: 'MetricSource' });
export enum HistoryEventType {
  VERSION_REGISTERED = 'VERSION_REGISTERED', STAGE_TRANSITION = 'STAGE_TRANSITION', ALIAS_SET = 'ALIAS_SET', ALIAS_DELETED = 'ALIAS_DELETED',
  LABEL_SET = 'LABEL_SET', LABEL_REMOVED = 'LABEL_REMOVED', GATES_SET = 'GATES_SET',
}
registerEnumType(HistoryEventType, { name: 'HistoryEventType' });
export enum ChangeOutcome { APPLIED = 'APPLIED', REJECTED = 'REJECTED' }
registerEnumType(ChangeOutcome, { name: 'ChangeOutcome' });

@ObjectType({ description: 'The result of one promotion gate for one attempted change' })
export class GateResult {
  @Field(() => Int, { description: 'Index of the gate in the model\'s configuration' }) gate!: number;
  @Field(() => GateKind) kind!: GateKind;
  @Field(() => Boolean) passed!: boolean;
  @Field(() => String) detail!: string;
}

@ObjectType({ description: 'One entry of a model\'s or prompt\'s history: who did what, when, why, and whether it was applied' })
export class HistoryEntry {
  @Field(() => ID, { nullable: true, description: 'The RegistryEvent node (null for registrations, which the version itself records)' }) id!: string | null;
  @Field(() => Int, { nullable: true }) seq!: number | null;
  @Field(() => HistoryEventType) type!: HistoryEventType;
  @Field(() => Int, { nullable: true }) version!: number | null;
  @Field(() => ModelStage, { nullable: true }) fromStage!: ModelStage | null;
  @Field(() => ModelStage, { nullable: true }) toStage!: ModelStage | null;
  @Field(() => String, { nullable: true, description: 'The alias (models) or label (prompts) moved' }) pointer!: string | null;
  @Field(() => Int, { nullable: true, description: 'Where the alias or label pointed before' }) previousVersion!: number | null;
  @Field(() => ActorRecord) actor!: ActorRecord;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => GraphQLDateTime) at!: string;
  @Field(() => ChangeOutcome) outcome!: ChangeOutcome;
  @Field(() => String, { nullable: true, description: 'Why it was refused: an error code' }) rejectionCode!: string | null;
  @Field(() => String, { nullable: true }) rejectionMessage!: string | null;
  @Field(() => [GateResult]) gates!: GateResult[];
  @Field(() => Int, { nullable: true, description: 'The entry that caused this one (e.g. a promotion archiving the previous Production version)' }) cause!: number | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'GATES_SET: the configuration set' }) config!: unknown;
}

export const toHistoryEntry = (e: RegistryEvent): HistoryEntry => ({
  id: e.id, seq: e.seq, type: e.type as HistoryEventType, version: e.version, fromStage: e.fromStage as ModelStage | null, toStage: e.toStage as ModelStage | null,
  pointer: e.pointer, previousVersion: e.previousVersion, actor: { name: e.actor, role: e.role }, reason: e.reason, at: e.at,
  outcome: e.outcome as ChangeOutcome, rejectionCode: e.rejection?.code ?? null, rejectionMessage: e.rejection?.message ?? null,
  gates: e.gates.map((g) => ({ ...g, kind: g.kind as GateKind })), cause: e.cause, config: e.config,
});

/** A version's registration as a history entry (the version node is its record). */
export const registrationEntry = (v: GraphNode): HistoryEntry => ({
  id: null, seq: null, type: HistoryEventType.VERSION_REGISTERED, version: v.props.version as number, fromStage: null, toStage: null, pointer: null,
  previousVersion: null, actor: actorRecord(v.props.registeredBy) ?? { name: null, role: '' }, reason: (v.props.commitMessage as string) ?? null,
  at: String(v.props.registeredAt), outcome: ChangeOutcome.APPLIED, rejectionCode: null, rejectionMessage: null, gates: [], cause: null, config: null,
});

@ObjectType()
export class ModelAlias {
  @Field(() => String) alias!: string;
  @Field(() => Int) version!: number;
  @Field(() => GraphQLDateTime, { description: 'When the alias moved to this version' }) since!: string;
}

@ObjectType()
export class PromotionGate {
  @Field(() => Int) index!: number;
  @Field(() => GateKind) kind!: GateKind;
  @Field(() => [ModelStage]) stages!: ModelStage[];
  @Field(() => [String]) aliases!: string[];
  @Field(() => String, { nullable: true }) metric!: string | null;
  @Field(() => MetricSource, { nullable: true }) source!: MetricSource | null;
  @Field(() => Comparison, { nullable: true }) op!: Comparison | null;
  @Field(() => Float, { nullable: true }) threshold!: number | null;
  @Field(() => Int, { nullable: true }) depth!: number | null;
  @Field(() => String, { nullable: true, description: 'PLUGIN: the name of the gate' }) plugin!: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'PLUGIN: what the gate is asked with' }) params!: unknown;
}

@ObjectType()
export class MetricValue {
  @Field(() => String) key!: string;
  @Field(() => Float) value!: number;
}

@ObjectType({ description: "An LLM judge's grading of an evaluation's examples (judgeEvaluation)" })
export class EvaluationJudging {
  @Field(() => String, { description: 'QUEUED, RUNNING, DONE or FAILED' }) state!: string;
  @Field(() => [String]) criteria!: string[];
  @Field(() => String, { description: 'The judge model' }) model!: string;
  @Field(() => GraphQLDateTime) requestedAt!: string;
  @Field(() => Int, { description: 'Example × criterion verdicts so far' }) judged!: number;
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: 'Answers that were not a grade (left out of the means)' }) unreadable!: number;
  @Field(() => Int, { description: "Tokens the judge's calls cost" }) tokens!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) finishedAt!: string | null;
}

@ObjectType({ description: 'An evaluation result of a model or prompt version' })
export class EvaluationResult {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [MetricValue]) metrics!: MetricValue[];
  @Field(() => GraphQLDateTime) evaluatedAt!: string;
  @Field(() => ID, { description: 'The model or prompt version evaluated' }) target!: string;
  @Field(() => ID, { nullable: true }) dataset!: string | null;
  @Field(() => String, { nullable: true }) runId!: string | null;
  @Field(() => String, { nullable: true, description: 'CLASSIFICATION or GENERATION when Loom computed the metrics from examples (evaluate); null when they were recorded' }) task!: string | null;
  @Field(() => Int, { description: 'Examples kept with it (evaluate), readable with compareEvaluations' }) examples!: number;
  @Field(() => EvaluationJudging, { nullable: true, description: 'The latest LLM judging of its examples' }) judging!: EvaluationJudging | null;
}

export const toEvaluation = (n: GraphNode): EvaluationResult => ({
  id: n.id, name: n.name, metrics: prefixed<number>(n.props, 'metric').map((m) => ({ key: m.key, value: m.value })), evaluatedAt: String(n.props.evaluatedAt),
  target: String(n.props.target), dataset: (n.props.dataset as string) ?? null, runId: (n.props.runId as string) ?? null,
  task: typeof n.props.task === 'string' ? n.props.task : null, examples: typeof n.props.examples === 'number' ? n.props.examples : 0,
  judging: (n.props.judging as EvaluationJudging | undefined) ?? null,
});

@ObjectType({ description: 'A version of a registered model, as it was at `asOf` (now when null)' })
export class ModelVersion {
  @Field(() => ID) id!: string;
  @Field(() => String) model!: string;
  @Field(() => Int) version!: number;
  @Field(() => ModelStage) stage!: ModelStage;
  @Field(() => GraphQLDateTime) stageSince!: string;
  @Field(() => [String]) aliases!: string[];
  @Field(() => String, { nullable: true, description: 'The source run (the Run node `run:<runId>`)' }) runId!: string | null;
  @Field(() => String) modelUri!: string;
  @Field(() => String, { nullable: true }) flavor!: string | null;
  @Field(() => GraphQLJSON, { nullable: true }) signature!: unknown;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [KeyValue]) tags!: KeyValue[];
  @Field(() => GraphQLDateTime) registeredAt!: string;
  @Field(() => ActorRecord, { nullable: true }) registeredBy!: ActorRecord | null;
  @Field(() => GraphQLDateTime, { nullable: true }) asOf!: string | null;
}

export function toModelVersion(v: VersionView): ModelVersion {
  const p = v.node.props;
  return {
    id: v.node.id, model: v.model, version: v.version, stage: v.stage as ModelStage, stageSince: v.stageSince, aliases: v.aliases,
    runId: (p.runId as string) ?? null, modelUri: String(p.modelUri), flavor: (p.flavor as string) ?? null, signature: p.signature ?? null,
    description: (p.description as string) ?? null, tags: keyValues(p, 'tag'), registeredAt: String(p.registeredAt), registeredBy: actorRecord(p.registeredBy), asOf: v.asOf,
  };
}

@ObjectType({ description: 'A registered model as it was at `asOf` (now when null); its nested fields answer at the same time' })
export class RegisteredModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [KeyValue]) tags!: KeyValue[];
  @Field(() => GraphQLDateTime) createdAt!: string;
  @Field(() => GraphQLDateTime, { nullable: true }) asOf!: string | null;
  @Field(() => Int, { description: 'Versions registered (by asOf)' }) versionCount!: number;
  @Field(() => [ModelAlias]) aliases!: ModelAlias[];
  @Field(() => [PromotionGate], { description: 'The gates in force (at asOf)' }) gates!: PromotionGate[];
  /** The replayed state the field resolvers read (not a GraphQL field). */
  view!: ModelView;
}

export function toRegisteredModel(view: ModelView): RegisteredModel {
  const p = view.node.props;
  return {
    id: view.node.id, name: view.name, description: (p.description as string) ?? null, tags: keyValues(p, 'tag'), createdAt: String(p.registeredAt),
    asOf: view.asOf, versionCount: view.versions.length, aliases: view.aliases,
    gates: view.gates.map((g, index) => ({
      index, kind: g.kind as GateKind, stages: g.stages as ModelStage[], aliases: g.aliases,
      metric: g.kind === 'METRIC_THRESHOLD' ? g.metric : null, source: g.kind === 'METRIC_THRESHOLD' ? (g.source as MetricSource) : null,
      op: g.kind === 'METRIC_THRESHOLD' ? (g.op as Comparison) : null, threshold: g.kind === 'METRIC_THRESHOLD' ? g.threshold : null,
      depth: g.kind === 'UPSTREAM_QUALITY' ? g.depth : null,
      plugin: g.kind === 'PLUGIN' ? g.plugin : null, params: g.kind === 'PLUGIN' ? g.params : null,
    })),
    view,
  };
}

/** History newest first: recorded events and version registrations, optionally of one version. */
export function historyOf(events: readonly RegistryEvent[], versions: readonly GraphNode[], version: number | null): HistoryEntry[] {
  const entries = [...events.map(toHistoryEntry), ...versions.map(registrationEntry)].filter((e) => version == null || e.version === version);
  return entries.sort((a, b) => (a.at === b.at ? (b.seq ?? -1) - (a.seq ?? -1) : a.at < b.at ? 1 : -1));
}
