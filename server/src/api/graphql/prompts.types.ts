import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { ActorRecord, KeyValue, KeyValueInput, actorRecord, keyValues } from './registry.common.js';
import type { PromptVersionView, PromptView } from '../../domain/registry/prompt-views.js';
import type { Template } from '../../domain/registry/prompt-template.js';
import { VersionRefInput } from './registry.inputs.js';

export enum PromptType { TEXT = 'TEXT', CHAT = 'CHAT' }
registerEnumType(PromptType, { name: 'PromptType' });
export enum DiffOp { EQUAL = 'EQUAL', ADDED = 'ADDED', REMOVED = 'REMOVED' }
registerEnumType(DiffOp, { name: 'DiffOp' });

@ObjectType()
export class ChatMessage {
  @Field(() => String) role!: string;
  @Field(() => String) content!: string;
}

@ObjectType()
export class PromptVariable {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) default!: string | null;
  @Field(() => Boolean) required!: boolean;
}

@ObjectType()
export class PromptLabel {
  @Field(() => String) label!: string;
  @Field(() => Int) version!: number;
  @Field(() => GraphQLDateTime, { description: 'When the label moved to this version' }) since!: string;
}

const templateFields = (t: Template) => ({ type: t.type as PromptType, text: t.type === 'TEXT' ? t.text : null, messages: t.type === 'CHAT' ? t.messages : null });

@ObjectType({ description: 'An immutable prompt version, as it was at `asOf` (labels move; the rest never changes)' })
export class PromptVersion {
  @Field(() => ID) id!: string;
  @Field(() => String) prompt!: string;
  @Field(() => Int) version!: number;
  @Field(() => PromptType) type!: PromptType;
  @Field(() => String, { nullable: true, description: 'TEXT prompts' }) text!: string | null;
  @Field(() => [ChatMessage], { nullable: true, description: 'CHAT prompts' }) messages!: ChatMessage[] | null;
  @Field(() => [PromptVariable]) variables!: PromptVariable[];
  @Field(() => GraphQLJSON, { nullable: true, description: 'Model parameters and config (model, temperature...)' }) config!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) commitMessage!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: string;
  @Field(() => ActorRecord, { nullable: true }) createdBy!: ActorRecord | null;
  @Field(() => [String]) labels!: string[];
  @Field(() => ID, { nullable: true, description: 'The model version this prompt version is configured to run on' }) modelVersionId!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) asOf!: string | null;
}

export const toPromptVersion = (v: PromptVersionView): PromptVersion => ({
  id: v.node.id, prompt: v.prompt, version: v.version, ...templateFields(v.template), variables: v.variables, config: v.config,
  commitMessage: v.commitMessage, createdAt: v.createdAt, createdBy: actorRecord(v.node.props.registeredBy), labels: v.labels,
  modelVersionId: (v.node.props.modelVersion as string) ?? null, asOf: v.asOf,
});

@ObjectType({ description: 'A prompt as it was at `asOf` (now when null); nested fields answer at the same time' })
export class Prompt {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [KeyValue]) tags!: KeyValue[];
  @Field(() => GraphQLDateTime) createdAt!: string;
  @Field(() => GraphQLDateTime, { nullable: true }) asOf!: string | null;
  @Field(() => Int) versionCount!: number;
  @Field(() => [PromptLabel], { description: 'Every label, `latest` included' }) labels!: PromptLabel[];
  view!: PromptView;
}

export const toPrompt = (view: PromptView): Prompt => ({
  id: view.node.id, name: view.name, description: (view.node.props.description as string) ?? null, tags: keyValues(view.node.props, 'tag'),
  createdAt: String(view.node.props.registeredAt), asOf: view.asOf, versionCount: view.versions.length, labels: view.labels, view,
});

@ObjectType()
export class RenderedPrompt {
  @Field(() => PromptVersion) version!: PromptVersion;
  @Field(() => PromptType) type!: PromptType;
  @Field(() => String, { nullable: true }) text!: string | null;
  @Field(() => [ChatMessage], { nullable: true }) messages!: ChatMessage[] | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The version\'s model config, to send with the rendered prompt' }) config!: Record<string, unknown> | null;
}

export const toRendered = (version: PromptVersionView, rendered: Template): RenderedPrompt => ({
  version: toPromptVersion(version), ...templateFields(rendered), config: version.config,
});

@ObjectType()
export class DiffLine {
  @Field(() => DiffOp) op!: DiffOp;
  @Field(() => String) text!: string;
}

@ObjectType()
export class ConfigChange {
  @Field(() => String) key!: string;
  @Field(() => GraphQLJSON, { nullable: true }) from!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) to!: unknown;
}

@ObjectType()
export class PromptDiff {
  @Field(() => PromptVersion) from!: PromptVersion;
  @Field(() => PromptVersion) to!: PromptVersion;
  @Field(() => [DiffLine], { description: 'Template lines (chat messages as `[role]` headers and content)' }) lines!: DiffLine[];
  @Field(() => String, { description: 'The same as `-`/`+`/` ` prefixed text' }) unified!: string;
  @Field(() => [String]) variablesAdded!: string[];
  @Field(() => [String]) variablesRemoved!: string[];
  @Field(() => [ConfigChange]) configChanges!: ConfigChange[];
  @Field(() => Boolean) typeChanged!: boolean;
}

@InputType()
export class ChatMessageInput {
  @Field(() => String, { description: 'system, user, assistant, tool or developer' }) role!: string;
  @Field(() => String) content!: string;
}

@InputType({ description: 'Text, or chat messages; `{{variable}}` placeholders' })
export class PromptTemplateInput {
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => [ChatMessageInput], { nullable: true }) messages?: ChatMessageInput[] | null;
}

@InputType()
export class PromptVariableInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'Used when rendering without a value; a variable with no default is required' }) default?: string | null;
}

@InputType()
export class CreatePromptVersionInput {
  @Field(() => String, { description: 'The prompt (created on first use)' }) name!: string;
  @Field(() => Int, { nullable: true, description: 'The next number when omitted; an existing number is a CONFLICT (versions are immutable)' }) version?: number | null;
  @Field(() => PromptTemplateInput) template!: PromptTemplateInput;
  @Field(() => [PromptVariableInput], { nullable: true, description: 'Descriptions and defaults; every placeholder is a variable anyway' }) variables?: PromptVariableInput[] | null;
  @Field(() => GraphQLJSON, { nullable: true }) config?: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) commitMessage?: string | null;
  @Field(() => [String], { nullable: true, description: 'Labels to move to this version (latest moves by itself)' }) labels?: string[] | null;
  @Field(() => VersionRefInput, { nullable: true, description: 'The registered model version it runs on (lineage: model version → prompt version)' }) modelVersion?: VersionRefInput | null;
  @Field(() => String, { nullable: true, description: 'The prompt\'s description' }) description?: string | null;
  @Field(() => [KeyValueInput], { nullable: true, description: 'The prompt\'s tags' }) tags?: KeyValueInput[] | null;
  @Field(() => String, { nullable: true }) actor?: string | null;
}

@InputType()
export class SetPromptLabelInput {
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true }) actor?: string | null;
}

@InputType()
export class RemovePromptLabelInput {
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true }) actor?: string | null;
}

