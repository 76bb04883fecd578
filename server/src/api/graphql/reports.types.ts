/**
 * A report's content as GraphQL types (domain/reports/compose.ts's ReportContent, field for field), so a
 * client reads typed figures. Counts that can pass 2^31 in a week (events, tokens) are Float.
 */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { ReportSection } from '../../domain/reports/schedules.js';
import { ReportSectionEnum } from './reports.enums.js';

@ObjectType({ description: 'A job with failed or aborted runs in the period' })
class ReportFailingJob {
  @Field(() => String) namespace!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'Failed or aborted runs' }) failedRuns!: number;
  @Field(() => Int) completedRuns!: number;
}

@ObjectType({ description: 'The first of a list, with how many there were' })
class ReportNames {
  @Field(() => Int) count!: number;
  @Field(() => [String]) first!: string[];
}

@ObjectType({ description: "OpenLineage events and runs in the period (from the event archive)" })
class ReportLineage {
  @Field(() => Float) events!: number;
  @Field(() => Int) runs!: number;
  @Field(() => Int) completedRuns!: number;
  @Field(() => Int) failedRuns!: number;
  @Field(() => Int) abortedRuns!: number;
  @Field(() => Int) jobs!: number;
  @Field(() => Int) datasets!: number;
  @Field(() => [ReportFailingJob], { description: 'Most failures first (10)' }) failingJobs!: ReportFailingJob[];
  @Field(() => ReportNames, { description: 'Datasets first named in the period, as namespace:name' }) newDatasets!: ReportNames;
}

@ObjectType()
class ReportQualityGroup {
  @Field(() => String) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) checks!: number;
  @Field(() => Int) failedChecks!: number;
  @Field(() => Boolean) latestPassed!: boolean;
}

@ObjectType({ description: "Feature groups' data quality checks in the period" })
class ReportQuality {
  @Field(() => Int) checks!: number;
  @Field(() => Int) failedChecks!: number;
  @Field(() => [ReportQualityGroup], { description: 'Those whose latest check failed first (10)' }) groups!: ReportQualityGroup[];
}

@ObjectType()
class ReportRegisteredVersion {
  @Field(() => String) model!: string;
  @Field(() => Int) version!: number;
  @Field(() => GraphQLDateTime) at!: string;
}

@ObjectType()
class ReportRegistered {
  @Field(() => Int) count!: number;
  @Field(() => [ReportRegisteredVersion]) first!: ReportRegisteredVersion[];
}

@ObjectType()
class ReportStageChange {
  @Field(() => String) model!: string;
  @Field(() => Int, { nullable: true }) version!: number | null;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
  @Field(() => GraphQLDateTime) at!: string;
  @Field(() => String, { nullable: true }) actor!: string | null;
}

@ObjectType()
class ReportStageChanges {
  @Field(() => Int) count!: number;
  @Field(() => [ReportStageChange]) first!: ReportStageChange[];
}

@ObjectType()
class ReportRefusal {
  @Field(() => String) model!: string;
  @Field(() => Int, { nullable: true }) version!: number | null;
  @Field(() => String, { nullable: true, description: 'The stage (or alias) asked for' }) to!: string | null;
  @Field(() => GraphQLDateTime) at!: string;
  @Field(() => String, { description: "Why: the gate's or the permission's message" }) reason!: string;
}

@ObjectType()
class ReportRefusals {
  @Field(() => Int) count!: number;
  @Field(() => [ReportRefusal]) first!: ReportRefusal[];
}

@ObjectType({ description: "The model registry's moves in the period" })
class ReportModels {
  @Field(() => ReportRegistered) registered!: ReportRegistered;
  @Field(() => ReportStageChanges) stageChanges!: ReportStageChanges;
  @Field(() => ReportRefusals, { description: 'Promotions refused (a gate failed, or the caller was not allowed)' }) refused!: ReportRefusals;
  @Field(() => Int) aliasChanges!: number;
}

@ObjectType()
class ReportLlmBefore {
  @Field(() => Float) calls!: number;
  @Field(() => Float) costUsd!: number;
}

@ObjectType()
class ReportLlmModel {
  @Field(() => String) model!: string;
  @Field(() => Float) calls!: number;
  @Field(() => Float) totalTokens!: number;
  @Field(() => Float) costUsd!: number;
  @Field(() => Float) latencyP50Ms!: number;
  @Field(() => Float) latencyP99Ms!: number;
}

@ObjectType({ description: 'LLM calls in the period, against the period before' })
class ReportLlm {
  @Field(() => Float) calls!: number;
  @Field(() => Float) inputTokens!: number;
  @Field(() => Float) outputTokens!: number;
  @Field(() => Float) costUsd!: number;
  @Field(() => ReportLlmBefore, { description: 'The same over the period before' }) previous!: ReportLlmBefore;
  @Field(() => [ReportLlmModel], { description: 'Most spent first (10)' }) byModel!: ReportLlmModel[];
}

@ObjectType()
class ReportGpuPod {
  @Field(() => String) namespace!: string;
  @Field(() => String) pod!: string;
  @Field(() => Int) gpus!: number;
  @Field(() => Float) gpuHours!: number;
  @Field(() => Float, { nullable: true, description: 'Percent' }) meanUtilization!: number | null;
}

@ObjectType({ description: 'GPU-hours (minutes a GPU reported utilisation) in the period' })
class ReportGpu {
  @Field(() => Float) gpuHours!: number;
  @Field(() => Int) gpus!: number;
  @Field(() => [ReportGpuPod], { description: 'Most GPU-hours first (10)' }) byPod!: ReportGpuPod[];
}

@ObjectType()
class ReportAlertRule {
  @Field(() => String) rule!: string;
  @Field(() => String) severity!: string;
  @Field(() => Int) fired!: number;
}

@ObjectType({ description: 'Alerts in the period' })
class ReportAlerts {
  @Field(() => Int) fired!: number;
  @Field(() => Int) resolved!: number;
  @Field(() => Int, { description: 'Fired by the end of the period and not resolved then' }) firingAtEnd!: number;
  @Field(() => [ReportAlertRule], { description: 'Most fired first (10)' }) byRule!: ReportAlertRule[];
}

@ObjectType({ description: 'What a report says about its period: the sections asked for (the others are null)' })
export class ReportContent {
  @Field(() => GraphQLDateTime) from!: string;
  @Field(() => GraphQLDateTime) to!: string;
  @Field(() => [ReportSectionEnum]) sections!: ReportSection[];
  @Field(() => ReportLineage, { nullable: true }) lineage?: ReportLineage;
  @Field(() => ReportQuality, { nullable: true }) quality?: ReportQuality;
  @Field(() => ReportModels, { nullable: true }) models?: ReportModels;
  @Field(() => ReportLlm, { nullable: true }) llm?: ReportLlm;
  @Field(() => ReportGpu, { nullable: true }) gpu?: ReportGpu;
  @Field(() => ReportAlerts, { nullable: true }) alerts?: ReportAlerts;
}
