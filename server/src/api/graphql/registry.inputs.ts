import { Field, Float, InputType, Int } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { KeyValueInput } from './registry.common.js';
import { Comparison, GateKind, MetricSource, ModelStage } from './registry.types.js';

@InputType()
export class CreateRegisteredModelInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [KeyValueInput], { nullable: true }) tags?: KeyValueInput[] | null;
  @Field(() => String, { nullable: true, description: 'Who this change is for (a user, a CI job); recorded in history' }) actor?: string | null;
}

@InputType()
export class RegisterModelVersionInput {
  @Field(() => String, { description: 'The registered model (created on first use)' }) name!: string;
  @Field(() => Int, { nullable: true, description: 'The version number; the next one when omitted. An existing number is a CONFLICT' }) version?: number | null;
  @Field(() => String, { nullable: true, description: 'The source run id: links the version to the run and, through it, to the data it read' }) runId?: string | null;
  @Field(() => String, { description: 'Where the model is stored (s3://..., runs:/<run>/model, ...)' }) modelUri!: string;
  @Field(() => String, { nullable: true, description: 'The flavour (sklearn, pytorch, transformers, onnx...)' }) flavor?: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Input/output signature' }) signature?: unknown;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [KeyValueInput], { nullable: true }) tags?: KeyValueInput[] | null;
  @Field(() => String, { nullable: true }) actor?: string | null;
}

@InputType()
export class TransitionStageInput {
  @Field(() => String) name!: string;
  @Field(() => Int) version!: number;
  @Field(() => ModelStage) stage!: ModelStage;
  @Field(() => String, { nullable: true, description: 'Why (recorded in history)' }) reason?: string | null;
  @Field(() => Boolean, { defaultValue: false, description: 'Archive the versions now in the target stage (Staging or Production). Production holds one version: without this, promoting over another is a CONFLICT' })
  archiveExistingVersions!: boolean;
  @Field(() => String, { nullable: true }) actor?: string | null;
}

@InputType()
export class SetModelAliasInput {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'e.g. champion, challenger (lower-case; latest and v<n> are reserved)' }) alias!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true }) actor?: string | null;
}

@InputType()
export class DeleteModelAliasInput {
  @Field(() => String) name!: string;
  @Field(() => String) alias!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true }) actor?: string | null;
}

@InputType({ description: 'One promotion gate; it guards entering the stages and moving the aliases it names' })
export class GateInput {
  @Field(() => GateKind) kind!: GateKind;
  @Field(() => [ModelStage], { nullable: true }) stages?: ModelStage[] | null;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => String, { nullable: true, description: 'METRIC_THRESHOLD: the metric key' }) metric?: string | null;
  @Field(() => MetricSource, { nullable: true, description: 'METRIC_THRESHOLD: EVALUATION (default) or RUN' }) source?: MetricSource | null;
  @Field(() => Comparison, { nullable: true }) op?: Comparison | null;
  @Field(() => Float, { nullable: true }) threshold?: number | null;
  @Field(() => Int, { nullable: true, description: 'UPSTREAM_QUALITY: hops upstream through writer runs (1 = the data the source run read; default 3, at most 5)' }) depth?: number | null;
  @Field(() => String, { nullable: true, description: 'PLUGIN: the name of a gate a loaded plugin offers (`plugins { promotionGates { name } }`)' }) plugin?: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'PLUGIN: what the gate is asked with (at most 10,000 characters of JSON)' }) params?: unknown;
}

@InputType()
export class SetPromotionGatesInput {
  @Field(() => String) name!: string;
  @Field(() => [GateInput], { description: 'Replaces the configuration; [] removes every gate' }) gates!: GateInput[];
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true }) actor?: string | null;
}

@InputType()
export class VersionRefInput {
  @Field(() => String) name!: string;
  @Field(() => Int) version!: number;
}

@InputType()
export class DatasetRefInput {
  @Field(() => String) namespace!: string;
  @Field(() => String) name!: string;
}

@InputType()
export class MetricValueInput {
  @Field(() => String) key!: string;
  @Field(() => Float) value!: number;
}

@InputType()
export class RecordEvaluationInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => VersionRefInput, { nullable: true, description: 'The model version evaluated (or give prompt)' }) model?: VersionRefInput | null;
  @Field(() => VersionRefInput, { nullable: true, description: 'The prompt version evaluated (or give model)' }) prompt?: VersionRefInput | null;
  @Field(() => DatasetRefInput, { nullable: true, description: 'The dataset it was evaluated on' }) dataset?: DatasetRefInput | null;
  @Field(() => String, { nullable: true, description: 'The run that evaluated it' }) runId?: string | null;
  @Field(() => [MetricValueInput]) metrics!: MetricValueInput[];
  @Field(() => GraphQLDateTime, { nullable: true }) evaluatedAt?: Date | null;
}

@InputType()
export class CreateWebhookInput {
  @Field(() => String, { description: 'An http(s) URL; or mailto:<address>[,<address>…] (up to 20) to send the events as email, when Loom has an SMTP server (LOOM_SMTP_URL)' }) url!: string;
  @Field(() => [String], { nullable: true, description: 'Event types to send; all when omitted' }) events?: string[] | null;
  @Field(() => String, { nullable: true, description: 'The HMAC-SHA256 signing secret (16-200 characters); generated when omitted and returned once' }) secret?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'INFO, WARNING or CRITICAL: of the alert events (ALERT_FIRING, ALERT_RESOLVED), only those of rules this severe or more (e.g. CRITICAL for a pager); all when omitted' }) minSeverity?: string | null;
  @Field(() => String, { nullable: true, description: 'LOOM (default): the signed JSON envelope; SLACK: a Slack incoming-webhook message `{ text }`, one line per event (Mattermost and Teams take it too); EMAIL: plain text mail, the first line the subject (what a mailto: URL takes, and the default for one); or a format a loaded plugin offers (`webhookFormats`)' }) format?: string | null;
}
