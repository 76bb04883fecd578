/** GraphQL types of training dispatch: requests, their runs' state, placement and logs, quotas. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { TRAINING_PRIORITIES, TRAINING_STATES, type TrainingPriority, type TrainingState } from '../../domain/ports/TrainingLauncher.js';
import type { TrainingView } from '../../domain/training/training.service.js';

export const TrainingStateEnum = Object.fromEntries(TRAINING_STATES.map((s) => [s, s])) as { [K in TrainingState]: K };
registerEnumType(TrainingStateEnum, { name: 'TrainingState', description: 'QUEUED until the command runs; SUCCEEDED, FAILED and CANCELLED are final' });
export const TrainingPriorityEnum = Object.fromEntries(TRAINING_PRIORITIES.map((s) => [s, s])) as { [K in TrainingPriority]: K };
registerEnumType(TrainingPriorityEnum, {
  name: 'TrainingPriority',
  description: 'How urgent a run is. On Kubernetes each priority is a PriorityClass (LOOM_K8S_PRIORITY_CLASSES): higher runs are started first and may preempt lower ones (by the scheduler, or by Kueue when it queues the Jobs). With either launcher, runs waiting for a worker (LOOM_TRAINING_MAX_RUNS) are launched HIGH first, then NORMAL, then LOW, each in request order',
});

@InputType()
export class EnvVarInput {
  @Field(() => String) name!: string;
  @Field(() => String) value!: string;
}

@InputType()
export class TrainingResourcesInput {
  @Field(() => String, { nullable: true, description: 'CPU request as a Kubernetes quantity ("500m", "4"); default "1"' }) cpu?: string | null;
  @Field(() => String, { nullable: true, description: 'Memory request and limit ("512Mi", "16Gi"); default "2Gi"' }) memory?: string | null;
  @Field(() => Int, { nullable: true, description: 'GPUs (`nvidia.com/gpu`); default 0' }) gpu?: number | null;
  @Field(() => String, { nullable: true, description: 'GPU model, scheduled through the node label nvidia.com/gpu.product (e.g. "NVIDIA-A100-SXM4-80GB")' }) gpuType?: string | null;
}

@InputType()
export class TrainingInputsInput {
  @Field(() => [String], { nullable: true, description: 'Dataset (or dataset version) node ids the run reads' }) datasets?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Feature group node ids the run reads' }) featureGroups?: string[] | null;
}

@InputType()
export class RequestTrainingInput {
  @Field(() => String, { nullable: true, description: 'Idempotency key: sending the same request id again returns the same run and launches nothing more. Generated when omitted' }) requestId?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'Experiment the run is tracked in (created when missing)' }) experiment?: string | null;
  @Field(() => String, { description: 'Container image (Kubernetes); the local launcher runs `command` on the Loom host instead' }) image!: string;
  @Field(() => [String], { nullable: true, description: 'Entrypoint; required by the local launcher' }) command?: string[] | null;
  @Field(() => [String], { nullable: true }) args?: string[] | null;
  @Field(() => [EnvVarInput], { nullable: true, description: 'Environment (plain values: stored with the request, visible to the tenant). LOOM_URL, LOOM_API_KEY and LOOM_RUN_ID are set by Loom' }) env?: EnvVarInput[] | null;
  @Field(() => TrainingResourcesInput, { nullable: true }) resources?: TrainingResourcesInput | null;
  @Field(() => TrainingInputsInput, { nullable: true }) inputs?: TrainingInputsInput | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Workers the command runs as at once (1..64), each with `resources`; default 1. More than one is a distributed run (on Kubernetes an Indexed Job and a headless Service): each worker gets MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK (as PyTorch reads them), PET_NNODES, PET_NODE_RANK, PET_MASTER_ADDR, PET_MASTER_PORT (for torchrun), LOOM_WORKERS, LOOM_WORKER_INDEX. The quota counts every worker',
  }) workers?: number | null;
  @Field(() => Int, { nullable: true, description: 'Retries of the command after a failure (0..20), counted over all workers; default 0' }) retries?: number | null;
  @Field(() => Int, { nullable: true, description: 'Limit on the whole run in seconds, retries included; default 86400' }) timeoutSeconds?: number | null;
  @Field(() => TrainingPriorityEnum, { nullable: true, description: 'Default NORMAL' }) priority?: TrainingPriority | null;
}

@ObjectType()
export class EnvVar {
  @Field(() => String) name!: string;
  @Field(() => String) value!: string;
}

@ObjectType()
export class TrainingResources {
  @Field(() => String) cpu!: string;
  @Field(() => String) memory!: string;
  @Field(() => Int) gpu!: number;
  @Field(() => String, { nullable: true }) gpuType!: string | null;
}

@ObjectType({ description: 'Where the run runs: a Kubernetes namespace, Job and its pods (GPU metrics join on these), or a local run directory' })
export class TrainingPlacement {
  @Field(() => String) launcher!: string;
  @Field(() => String, { nullable: true }) namespace!: string | null;
  @Field(() => String) job!: string;
  @Field(() => [String]) pods!: string[];
}

@ObjectType({ description: 'A training request and the run it launched' })
export class TrainingRun {
  @Field(() => ID, { description: 'The Run node id (`run:<runId>`)' }) id!: string;
  @Field(() => String) runId!: string;
  @Field(() => String) requestId!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) experiment!: string | null;
  @Field(() => TrainingStateEnum) state!: TrainingState;
  @Field(() => String, { nullable: true, description: 'Why: Queued, Pending, Unschedulable, ImagePullBackOff, Running, Retrying, Completed, OOMKilled, DeadlineExceeded, Error, Cancelled...' }) reason!: string | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) stateChangedAt!: string | null;
  @Field(() => GraphQLDateTime) requestedAt!: string;
  @Field(() => GraphQLDateTime, { nullable: true }) cancelRequestedAt!: string | null;
  @Field(() => String) image!: string;
  @Field(() => [String]) command!: string[];
  @Field(() => [String]) args!: string[];
  @Field(() => [EnvVar]) env!: EnvVar[];
  @Field(() => TrainingResources, { description: 'Of each worker' }) resources!: TrainingResources;
  @Field(() => Int, { description: 'Workers the command runs as (more than one: a distributed run)' }) workers!: number;
  @Field(() => Int) retries!: number;
  @Field(() => Int) timeoutSeconds!: number;
  @Field(() => TrainingPriorityEnum) priority!: TrainingPriority;
  @Field(() => [String]) datasets!: string[];
  @Field(() => [String]) featureGroups!: string[];
  @Field(() => TrainingPlacement, { nullable: true, description: 'Null until launched' }) placement!: TrainingPlacement | null;
  /** For field resolvers (logs, run). */
  view!: TrainingView;
}

@ObjectType()
export class TrainingRunPage {
  @Field(() => [TrainingRun], { description: 'Newest first' }) items!: TrainingRun[];
  @Field(() => Int) total!: number;
}

@ObjectType({ description: 'The tenant\'s training quota and what queued and running runs hold of it' })
export class TrainingQuota {
  @Field(() => Int, { nullable: true, description: 'GPUs; null = no limit' }) gpu!: number | null;
  @Field(() => String, { nullable: true, description: 'CPU cores as a quantity; null = no limit' }) cpu!: string | null;
  @Field(() => Int) usedGpu!: number;
  @Field(() => String) usedCpu!: string;
  @Field(() => Int) activeRuns!: number;
}

export function toTrainingRun(v: TrainingView): TrainingRun {
  const { spec, record } = v;
  return {
    id: v.run.id, runId: spec.runId, requestId: spec.requestId,
    name: (v.request.props.name as string | null) ?? null, experiment: (v.request.props.experiment as string | null) ?? null,
    state: record.state, reason: record.reason, message: record.message, stateChangedAt: record.at,
    requestedAt: String(v.request.props.requestedAt ?? v.request.createdAt), cancelRequestedAt: v.cancelRequestedAt,
    image: spec.image, command: spec.command, args: spec.args, env: spec.env,
    resources: { cpu: spec.resources.cpu, memory: spec.resources.memory, gpu: spec.resources.gpu, gpuType: spec.resources.gpuType },
    workers: spec.workers, retries: spec.retries, timeoutSeconds: spec.timeoutSeconds, priority: spec.priority, datasets: v.datasets, featureGroups: v.featureGroups,
    placement: record.placement, view: v,
  };
}

@ObjectType({ description: "The tenant's ingest quota: what it may send a second (null: no limit); beyond it the receivers answer 429 with Retry-After. Set by operators (`tenant quota`)" })
export class IngestQuota {
  @Field(() => Int, { nullable: true }) lineageEventsPerSecond!: number | null;
  @Field(() => Int, { nullable: true }) spansPerSecond!: number | null;
  @Field(() => Int, { nullable: true }) metricPointsPerSecond!: number | null;
}
