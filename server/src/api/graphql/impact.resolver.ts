/** Impact.usage: what the downstream model versions, prompt versions and runs serve and cost (domain/impact-usage.ts). */
import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from './context.js';
import { Impact } from './lineage.types.js';
import type { Impact as DomainImpact } from '../../domain/lineage.service.js';

@ObjectType({ description: 'What the nodes downstream serve and cost, from ClickHouse' })
class ImpactUsage {
  @Field(() => Int) windowDays!: number;
  @Field(() => Int, { description: 'Model versions downstream' }) modelVersions!: number;
  @Field(() => Int, { description: 'Prompt versions downstream' }) promptVersions!: number;
  @Field(() => Float, { description: 'LLM calls in the window naming one of them (loom.model.*, loom.prompt.*, traceloop.prompt.*)' }) llmCalls!: number;
  @Field(() => Float) llmErrors!: number;
  @Field(() => Float) llmTokens!: number;
  @Field(() => Float) llmCostUsd!: number;
  @Field(() => Int, { description: 'Runs downstream (training runs among them)' }) trainingRuns!: number;
  @Field(() => Float, { description: 'GPU-hours of the runs downstream, over each run (their GPU metrics)' }) gpuHours!: number;
  @Field(() => Int, { description: 'Runs whose GPU-hours were read (at most 100)' }) gpuRunsRead!: number;
}

@Resolver(() => Impact)
export class ImpactResolver {
  @FieldResolver(() => ImpactUsage, { description: "The traffic the model and prompt versions downstream served over the last `windowDays` (1-90), and the GPU-hours of the runs downstream: what a change here would hit" })
  usage(@Root() impact: DomainImpact, @Arg('windowDays', () => Int, { defaultValue: 7 }) windowDays: number, @Ctx() ctx: Context): Promise<ImpactUsage> {
    return ctx.services.impactUsage.usage(ctx.principal.tenant, impact.served, windowDays);
  }
}
