import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { GPU_METRIC_NAMES, GPU_METRICS, type GpuMetricName } from '../../domain/telemetry/gpu.js';
import { SeriesSource } from './metrics.types.js';

/** GraphQL names (UTILIZATION...) for the normalised GPU metrics (utilization...). */
export const GpuMetric = Object.fromEntries(GPU_METRIC_NAMES.map((m) => [m.toUpperCase(), m])) as Record<string, GpuMetricName>;
registerEnumType(GpuMetric, {
  name: 'GpuMetric',
  description: `A GPU metric normalised from DCGM exporter or OTel hw.* names. Units: ${GPU_METRIC_NAMES.map((m) => `${m.toUpperCase()} ${GPU_METRICS[m]}`).join(', ')}`,
});

@ObjectType({ description: 'One bucket of a GPU series' })
export class GpuPoint {
  @Field(() => GraphQLDateTime, { description: 'Start of the bucket' }) time!: string;
  @Field(() => Float) min!: number;
  @Field(() => Float) max!: number;
  @Field(() => Float) avg!: number;
  @Field(() => Float, { description: 'The latest sample in the bucket' }) last!: number;
  @Field(() => Int, { description: 'Samples in the bucket' }) count!: number;
}

@ObjectType({ description: 'One metric of one GPU while one pod used it' })
export class GpuSeries {
  @Field(() => String, { description: 'GPU UUID (MIG instance: <uuid>/mig/<id>)' }) gpuUuid!: string;
  @Field(() => GpuMetric) metric!: GpuMetricName;
  @Field(() => String, { description: 'UCUM unit: %, By, W, J, Cel, MHz, 1 (ratio), By/s' }) unit!: string;
  @Field(() => String) namespace!: string;
  @Field(() => String) pod!: string;
  @Field(() => String) container!: string;
  @Field(() => String) host!: string;
  @Field(() => String) model!: string;
  @Field(() => String) gpuIndex!: string;
  @Field(() => [GpuPoint]) points!: GpuPoint[];
}

@ObjectType({ description: 'Where a run ran: Run props k8s.namespace and k8s.pod (or a k8s/kubernetes run facet), and its window' })
export class RunPlacement {
  @Field(() => String) namespace!: string;
  @Field(() => [String]) pods!: string[];
  @Field(() => GraphQLDateTime, { nullable: true }) startedAt!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Null while the run is going' }) endedAt!: string | null;
}

@ObjectType()
export class GpuSeriesResult {
  @Field(() => Int, { description: 'Bucket width in seconds' }) stepSeconds!: number;
  @Field(() => SeriesSource) source!: SeriesSource;
  @Field(() => GraphQLDateTime) from!: string;
  @Field(() => GraphQLDateTime) to!: string;
  @Field(() => [GpuSeries]) series!: GpuSeries[];
  @Field(() => Boolean, { description: 'True when more points matched than returned (200,000)' }) truncated!: boolean;
  @Field(() => RunPlacement, { nullable: true, description: 'For a run: where it ran; null when it does not say (then there are no series)' }) placement!: RunPlacement | null;
}

@ObjectType({ description: 'One GPU of a run' })
export class RunGpu {
  @Field(() => String) gpuUuid!: string;
  @Field(() => String) host!: string;
  @Field(() => String) model!: string;
  @Field(() => String) pod!: string;
  @Field(() => GraphQLDateTime) firstSeen!: string;
  @Field(() => GraphQLDateTime) lastSeen!: string;
  @Field(() => Float, { description: 'First to last sample plus one sampling interval' }) hours!: number;
  @Field(() => Float, { nullable: true, description: 'Percent' }) meanUtilization!: number | null;
  @Field(() => Float, { nullable: true }) maxMemoryUsedBytes!: number | null;
  @Field(() => Float, { nullable: true }) meanPowerWatts!: number | null;
}

@ObjectType({ description: 'GPU use of a run, from the GPU series of its pods within its window: the raw points (deduplicated) while they are kept, the 1-minute rollup before' })
export class RunGpuSummary {
  @Field(() => String) runId!: string;
  @Field(() => RunPlacement, { nullable: true, description: 'Null when the run does not say where it ran (then all figures are empty)' }) placement!: RunPlacement | null;
  @Field(() => Int) gpuCount!: number;
  @Field(() => Float) gpuHours!: number;
  @Field(() => Float, { nullable: true, description: 'Percent (0..100), over every utilisation sample of its GPUs' }) meanUtilization!: number | null;
  @Field(() => Float, { nullable: true }) maxMemoryUsedBytes!: number | null;
  @Field(() => Float, { nullable: true }) meanPowerWatts!: number | null;
  @Field(() => Float, { nullable: true, description: 'Estimate: mean power × hours, per GPU' }) energyKwh!: number | null;
  @Field(() => [RunGpu]) gpus!: RunGpu[];
}

@ObjectType({ description: 'A run that ran in one of a GPU\'s pods while the GPU reported' })
export class GpuDeviceRun {
  @Field(() => String, { description: 'Its run id (runGpuSeries, runGpuSummary take it)' }) runId!: string;
  @Field(() => String, { description: 'An experiment run\'s name, a training request\'s, else its run id' }) name!: string;
  @Field(() => String, { description: '`namespace/pod`' }) pod!: string;
  @Field(() => GraphQLDateTime, { nullable: true }) startedAt!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Null while it runs' }) endedAt!: string | null;
}

@ObjectType({ description: 'A GPU that reported metrics in the asked range' })
export class GpuDevice {
  @Field(() => String) gpuUuid!: string;
  @Field(() => String) host!: string;
  @Field(() => String) model!: string;
  @Field(() => String) gpuIndex!: string;
  @Field(() => [String], { description: '`namespace/pod` of the pods that used it (up to 50)' }) pods!: string[];
  @Field(() => [GpuDeviceRun], {
    description: 'The runs known to have run in those pods while it reported (a training run Loom launched; an OpenLineage run whose `k8s` run facet names its pod), newest first, up to 20',
  }) runs!: GpuDeviceRun[];
  @Field(() => GraphQLDateTime) firstSeen!: string;
  @Field(() => GraphQLDateTime) lastSeen!: string;
}
