import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import type { Attrs } from '../../domain/telemetry/attributes.js';

export enum TraceStatus { OK = 'OK', ERROR = 'ERROR' }
registerEnumType(TraceStatus, { name: 'TraceStatus', description: 'ERROR: at least one span of the trace has status ERROR; OK: none has' });

export enum LlmUsageGroup { MODEL = 'MODEL', PROMPT_VERSION = 'PROMPT_VERSION', TIME_BUCKET = 'TIME_BUCKET' }
registerEnumType(LlmUsageGroup, { name: 'LlmUsageGroup', description: 'How llmUsage groups LLM calls (MODEL: the requested model, else the response model)' });

export enum UsageBucket { MINUTE = 'MINUTE', FIVE_MINUTES = 'FIVE_MINUTES', HOUR = 'HOUR', DAY = 'DAY' }
registerEnumType(UsageBucket, { name: 'UsageBucket', description: 'Width of a TIME_BUCKET group' });
export const BUCKET_SECONDS: Record<UsageBucket, number> = { MINUTE: 60, FIVE_MINUTES: 300, HOUR: 3600, DAY: 86_400 };

@InputType({ description: 'Every given field must match' })
export class TraceFilter {
  @Field(() => String, { nullable: true, description: 'service.name of the root span' }) service?: string;
  @Field(() => String, { nullable: true, description: 'A model one of its LLM calls requested or was answered by' }) model?: string;
  @Field(() => String, { nullable: true }) promptName?: string;
  @Field(() => String, { nullable: true }) promptVersion?: string;
  @Field(() => TraceStatus, { nullable: true }) status?: TraceStatus;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Traces that started at or after' }) from?: Date;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Traces that started before' }) to?: Date;
}

@ObjectType({ description: 'A name and version pair (prompt version, registered model version)' })
export class VersionRef {
  @Field(() => String) name!: string;
  @Field(() => String) version!: string;
}

@ObjectType({ description: 'One trace, summarised over all of its spans received so far' })
export class TraceSummary {
  @Field(() => ID) traceId!: string;
  @Field(() => String) service!: string;
  @Field(() => String, { description: 'The span without a parent (else the earliest span)' }) rootSpanName!: string;
  @Field(() => String) rootSpanId!: string;
  @Field(() => GraphQLDateTime) start!: string;
  @Field(() => GraphQLDateTime) end!: string;
  @Field(() => Float) durationMs!: number;
  @Field(() => Int) spanCount!: number;
  @Field(() => Int) errorCount!: number;
  @Field(() => Boolean, { description: 'True when a span has status ERROR' }) error!: boolean;
  @Field(() => Int) llmCalls!: number;
  @Field(() => Float, { description: 'Input tokens of its LLM calls' }) inputTokens!: number;
  @Field(() => Float) outputTokens!: number;
  @Field(() => Float, { description: 'USD, from the configured price table unless the spans carry a cost' }) costUsd!: number;
  @Field(() => [String]) models!: string[];
  @Field(() => [VersionRef]) prompts!: VersionRef[];
  @Field(() => [String], { description: 'loom.run.id values of its spans' }) runIds!: string[];
  @Field(() => [VersionRef], { description: 'loom.model.name/loom.model.version values of its spans' }) modelVersions!: VersionRef[];
}

@ObjectType()
export class TraceEdge {
  @Field(() => String) cursor!: string;
  @Field(() => TraceSummary) node!: TraceSummary;
}

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'Always false: pages are fetched forwards' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType({ description: 'Traces, newest first' })
export class TraceConnection {
  @Field(() => [TraceEdge]) edges!: TraceEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'One model call, normalised from OTel GenAI, OpenInference or OpenLLMetry attributes' })
export class LlmCall {
  @Field(() => String) provider!: string;
  @Field(() => String) operation!: string;
  @Field(() => String) requestModel!: string;
  @Field(() => String) responseModel!: string;
  @Field(() => Int) inputTokens!: number;
  @Field(() => Int) outputTokens!: number;
  @Field(() => Int) totalTokens!: number;
  @Field(() => Float) costUsd!: number;
  @Field(() => String) promptName!: string;
  @Field(() => String) promptVersion!: string;
}

@ObjectType()
export class SpanEvent {
  @Field(() => GraphQLDateTime) time!: string;
  @Field(() => String) name!: string;
  @Field(() => GraphQLJSON) attributes!: Record<string, string>;
}

@ObjectType()
export class SpanLink {
  @Field(() => String) traceId!: string;
  @Field(() => String) spanId!: string;
  @Field(() => GraphQLJSON) attributes!: Record<string, string>;
}

/** A span's wide parts (maps and nested lists), read only when a query selects them: fields of Span and SpanDetails (no field has this type, so the schema does not list it). */
@ObjectType()
abstract class SpanWideParts {
  @Field(() => GraphQLJSON, { description: 'Attributes with their OTLP types restored' }) attributes!: Attrs;
  @Field(() => GraphQLJSON) resourceAttributes!: Attrs;
  @Field(() => [SpanEvent]) events!: SpanEvent[];
  @Field(() => [SpanLink]) links!: SpanLink[];
}

@ObjectType({ description: 'A span placed for a waterfall: listed depth-first (every span after its parent), offsets from the trace start' })
export class Span extends SpanWideParts {
  @Field(() => ID) spanId!: string;
  @Field(() => ID, { nullable: true }) parentSpanId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER or CONSUMER' }) kind!: string;
  @Field(() => String) service!: string;
  @Field(() => String, { description: 'Instrumentation scope name' }) scope!: string;
  @Field(() => GraphQLDateTime) start!: string;
  @Field(() => GraphQLDateTime) end!: string;
  @Field(() => Float) startOffsetMs!: number;
  @Field(() => Float) durationMs!: number;
  @Field(() => Int, { description: '0 for a root' }) depth!: number;
  @Field(() => Int) childCount!: number;
  @Field(() => String, { description: 'UNSET, OK or ERROR' }) statusCode!: string;
  @Field(() => String) statusMessage!: string;
  @Field(() => LlmCall, { nullable: true, description: 'Set when the span is one LLM call' }) llm!: LlmCall | null;
  @Field(() => String, { nullable: true, description: 'loom.run.id' }) runId!: string | null;
}

@ObjectType({ description: "One span's attributes, resource attributes, events and links: what a waterfall may leave out, read for the spans a user opens" })
export class SpanDetails extends SpanWideParts {
  @Field(() => ID) spanId!: string;
}

@ObjectType({ description: 'A trace as a span tree with timing' })
export class Trace {
  @Field(() => TraceSummary) summary!: TraceSummary;
  @Field(() => [Span]) spans!: Span[];
  @Field(() => Boolean, { description: 'True when the trace has more spans than returned (10,000)' }) truncated!: boolean;
}

@ObjectType({ description: 'LLM calls of one group: counts, tokens, cost and latency' })
export class LlmUsage {
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => String, { nullable: true }) promptName!: string | null;
  @Field(() => String, { nullable: true }) promptVersion!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) bucketStart!: string | null;
  @Field(() => Int) calls!: number;
  @Field(() => Float) inputTokens!: number;
  @Field(() => Float) outputTokens!: number;
  @Field(() => Float) totalTokens!: number;
  @Field(() => Float) costUsd!: number;
  @Field(() => Float) latencyP50Ms!: number;
  @Field(() => Float) latencyP99Ms!: number;
}
