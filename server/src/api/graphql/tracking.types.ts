import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import type { GraphNode } from '../../domain/model.js';
import { runState } from '../../domain/openlineage/run-state.js';
import { KeyValue, KeyValueInput, keyValues } from './registry.common.js';
import { prefixed } from '../../domain/registry/validate.js';

export enum RunStatus { NEW = 'NEW', RUNNING = 'RUNNING', COMPLETED = 'COMPLETED', FAILED = 'FAILED', ABORTED = 'ABORTED', OTHER = 'OTHER' }
registerEnumType(RunStatus, { name: 'RunStatus', description: 'Derived from the run\'s START/RUNNING/COMPLETE/FAIL/ABORT times, whoever reported them (this API, OpenLineage, a training launcher)' });
export enum RunStatusChange { RUNNING = 'RUNNING', COMPLETED = 'COMPLETED', FAILED = 'FAILED', ABORTED = 'ABORTED' }
registerEnumType(RunStatusChange, { name: 'RunStatusChange' });

@ObjectType()
export class Artifact {
  @Field(() => String) path!: string;
  @Field(() => String) uri!: string;
  @Field(() => String, { nullable: true }) type!: string | null;
  @Field(() => Float, { nullable: true }) sizeBytes!: number | null;
  @Field(() => GraphQLDateTime) loggedAt!: string;
}

@ObjectType({ description: 'The last value of a metric (highest step, then latest time) and its range' })
export class MetricSummary {
  @Field(() => String) key!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float, { description: 'An integer (up to 2^53)' }) step!: number;
  @Field(() => GraphQLDateTime) timestamp!: string;
  @Field(() => Int) count!: number;
  @Field(() => Float) min!: number;
  @Field(() => Float) max!: number;
}

@ObjectType()
export class MetricPoint {
  @Field(() => Float, { description: 'An integer (up to 2^53)' }) step!: number;
  @Field(() => GraphQLDateTime) timestamp!: string;
  @Field(() => Float) value!: number;
}

@ObjectType({ description: 'One metric of one run as a curve' })
export class MetricSeries {
  @Field(() => String) runId!: string;
  @Field(() => String) key!: string;
  @Field(() => [MetricPoint], { description: 'In step order; thinned to every k-th point beyond maxPoints (the last point kept)' }) points!: MetricPoint[];
  @Field(() => Int, { description: 'Points stored, before thinning' }) total!: number;
}

@ObjectType({ description: 'A run as experiment tracking sees it: the same Run node OpenLineage and training requests report' })
export class TrackedRun {
  @Field(() => ID) id!: string;
  @Field(() => String) runId!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) experiment!: string | null;
  @Field(() => RunStatus) status!: RunStatus;
  @Field(() => GraphQLDateTime, { nullable: true }) startedAt!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) endedAt!: string | null;
  @Field(() => [KeyValue]) params!: KeyValue[];
  @Field(() => [KeyValue]) tags!: KeyValue[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [Artifact]) artifacts!: Artifact[];
  @Field(() => GraphQLJSON, { description: 'Every attribute of the Run node (OpenLineage facets included)' }) props!: Record<string, unknown>;
}

export function toTrackedRun(node: GraphNode): TrackedRun {
  const s = runState(node.props);
  const p = node.props;
  return {
    id: node.id, runId: typeof p.runId === 'string' ? p.runId : node.id.replace(/^run:/, ''), name: (p.runName as string) ?? null,
    experiment: (p.experiment as string) ?? null, status: s.state as RunStatus, startedAt: s.startedAt, endedAt: s.endedAt,
    params: keyValues(p, 'param'), tags: keyValues(p, 'tag'), note: (p.note as string) ?? null,
    artifacts: prefixed<Omit<Artifact, 'path'>>(p, 'artifact').map((a) => ({ path: a.key, ...a.value })), props: p,
  };
}

@ObjectType()
export class Experiment {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [KeyValue]) tags!: KeyValue[];
  @Field(() => GraphQLDateTime) createdAt!: string;
}

export const toExperiment = (n: GraphNode): Experiment => ({
  id: n.id, name: n.name, description: (n.props.description as string) ?? null, tags: keyValues(n.props, 'tag'), createdAt: n.createdAt,
});

@ObjectType()
export class RunPage {
  @Field(() => [TrackedRun], { description: 'Ordered by run id' }) items!: TrackedRun[];
  @Field(() => Int) total!: number;
}

@ObjectType({ description: 'A page of the filtered runs listing' })
export class RunListPage {
  @Field(() => [TrackedRun], { description: 'Newest start first (never started last), then by id' }) items!: TrackedRun[];
  @Field(() => Int, { description: 'Runs matching the filter' }) total!: number;
  @Field(() => Boolean, { description: 'True when more runs exist than the listing reads (5,000): narrow by experiment' }) truncated!: boolean;
}

@ObjectType({ description: 'One param across the compared runs' })
export class ParamRow {
  @Field(() => String) key!: string;
  @Field(() => [String], { nullable: 'items', description: 'Aligned with `runs`; null where a run lacks the param' }) values!: (string | null)[];
  @Field(() => Boolean) differs!: boolean;
}

@ObjectType()
export class RunComparison {
  @Field(() => [TrackedRun]) runs!: TrackedRun[];
  @Field(() => [ParamRow]) params!: ParamRow[];
  @Field(() => [MetricSeries]) metrics!: MetricSeries[];
}

@ObjectType()
export class LogBatchResult {
  @Field(() => Int) metrics!: number;
  @Field(() => Int) params!: number;
  @Field(() => Int) tags!: number;
}

@InputType()
export class MetricInput {
  @Field(() => String) key!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float, { nullable: true, description: 'A non-negative integer; 0 when omitted' }) step?: number | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Now when omitted' }) timestamp?: Date | null;
}

@InputType({ description: 'One metric\'s points as columns: the fast way to log long curves' })
export class MetricSeriesInput {
  @Field(() => String) key!: string;
  @Field(() => [Float]) values!: number[];
  @Field(() => [Float], { nullable: true, description: 'One non-negative integer per value; 0, 1, 2... when omitted' }) steps?: number[] | null;
  @Field(() => [Float], { nullable: true, description: 'One time per value, in milliseconds since 1970; now when omitted' }) timestampsMs?: number[] | null;
}

@InputType()
export class ArtifactInput {
  @Field(() => String) path!: string;
  @Field(() => String, { description: 'Where the artifact is stored: s3://, gs://, file://, https://...' }) uri!: string;
  @Field(() => String, { nullable: true }) type?: string | null;
  @Field(() => Float, { nullable: true }) sizeBytes?: number | null;
}

@InputType()
export class CreateExperimentInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [KeyValueInput], { nullable: true }) tags?: KeyValueInput[] | null;
}

@InputType()
export class CreateRunInput {
  @Field(() => String, { description: 'Created when it does not exist yet' }) experiment!: string;
  @Field(() => String, { nullable: true, description: 'The run id (e.g. the OpenLineage run UUID, to track that same run); generated when omitted' }) runId?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) startTime?: Date | null;
  @Field(() => [KeyValueInput], { nullable: true }) params?: KeyValueInput[] | null;
  @Field(() => [KeyValueInput], { nullable: true }) tags?: KeyValueInput[] | null;
}
