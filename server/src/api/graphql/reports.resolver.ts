/** Automated reports over GraphQL: schedules, the reports they made, a report of any period on demand. */
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from './context.js';
import { CadenceEnum, ReportSectionEnum } from './reports.enums.js';
import { ReportContent } from './reports.types.js';
import { actorOf } from './registry.common.js';
import { MAX_SCHEDULES, type Cadence as DomainCadence, type ReportSection as DomainSection, type ReportSchedule as DomainSchedule } from '../../domain/reports/schedules.js';
import type { Report as DomainReport } from '../../domain/reports/reports.service.js';

@ObjectType({ description: 'What to sum up, and when: the workers make each period\'s report once it has ended, keep it and send it to the webhooks taking REPORT_READY' })
export class ReportSchedule {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => CadenceEnum) cadence!: DomainCadence;
  @Field(() => Int, { description: 'The hour (UTC) a period ends' }) hourUtc!: number;
  @Field(() => Int, { nullable: true, description: 'WEEKLY: the day a period ends, 1 (Monday) .. 7 (Sunday)' }) weekday!: number | null;
  @Field(() => [ReportSectionEnum]) sections!: DomainSection[];
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => GraphQLDateTime) createdAt!: string;
  @Field(() => String, { nullable: true }) createdBy!: string | null;
  @Field(() => Boolean) deleted!: boolean;
}

@ObjectType({ description: "One period's report" })
export class Report {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) scheduleId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => GraphQLDateTime) from!: string;
  @Field(() => GraphQLDateTime) to!: string;
  @Field(() => GraphQLDateTime) generatedAt!: string;
  @Field(() => ReportContent) content!: ReportContent;
}

@InputType()
export class ReportScheduleInput {
  @Field(() => String, { description: 'At most 200 characters' }) name!: string;
  @Field(() => CadenceEnum) cadence!: DomainCadence;
  @Field(() => Int, { nullable: true, description: 'The hour (UTC) a period ends and its report is made, 0..23 (default 6)' }) hourUtc?: number | null;
  @Field(() => Int, { nullable: true, description: 'WEEKLY only: 1 (Monday) .. 7 (Sunday) (default 1)' }) weekday?: number | null;
  @Field(() => [ReportSectionEnum], { nullable: true, description: 'Default: all' }) sections?: DomainSection[] | null;
  @Field(() => Boolean, { nullable: true, description: 'updateReportSchedule: pause (false) or resume (true); left out, unchanged' }) enabled?: boolean | null;
}

const view = (s: DomainSchedule): ReportSchedule => s;
const reportView = (r: DomainReport): Report => r;

@Resolver(() => ReportSchedule)
export class ReportsResolver {
  @Query(() => [ReportSchedule], { description: `The tenant's report schedules, by name (at most ${MAX_SCHEDULES})` })
  async reportSchedules(@Ctx() ctx: Context): Promise<ReportSchedule[]> {
    return (await ctx.services.reports.schedules(ctx.principal.tenant)).map(view);
  }

  @Query(() => ReportSchedule, { description: 'One schedule, deleted ones too' })
  async reportSchedule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ReportSchedule> {
    return view(await ctx.services.reports.schedule(ctx.principal.tenant, id));
  }

  @FieldResolver(() => [Report], { description: 'Its reports, newest period first' })
  async reports(@Root() s: ReportSchedule, @Arg('first', () => Int, { defaultValue: 20, description: '1..200' }) first: number, @Ctx() ctx: Context): Promise<Report[]> {
    return (await ctx.services.reports.reports(ctx.principal.tenant, s.id, first)).map(reportView);
  }

  @Query(() => Report, { description: 'One report by id' })
  async report(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Report> {
    return reportView(await ctx.services.reports.report(ctx.principal.tenant, id));
  }

  @Query(() => ReportContent, { description: "A report of any period up to 92 days, now, kept nowhere: a Report's content" })
  async composeReport(
    @Arg('from', () => GraphQLDateTime) from: Date,
    @Arg('to', () => GraphQLDateTime) to: Date,
    @Arg('sections', () => [ReportSectionEnum], { nullable: true, description: 'Default: all' }) sections: DomainSection[] | undefined,
    @Ctx() ctx: Context,
  ): Promise<ReportContent> {
    return ctx.services.reports.compose(ctx.principal.tenant, from.toISOString(), to.toISOString(), sections);
  }

  @Mutation(() => ReportSchedule, { description: 'Create a report schedule (editor, admin). Its first report is made when its first period after now ends (runReportSchedule makes one at once)' })
  async createReportSchedule(@Arg('input', () => ReportScheduleInput) input: ReportScheduleInput, @Ctx() ctx: Context): Promise<ReportSchedule> {
    return view(await ctx.services.reports.createSchedule(actorOf(ctx), input));
  }

  @Mutation(() => ReportSchedule, { description: "Replace a schedule's definition (editor, admin); its reports stay" })
  async updateReportSchedule(@Arg('id', () => ID) id: string, @Arg('input', () => ReportScheduleInput) input: ReportScheduleInput, @Ctx() ctx: Context): Promise<ReportSchedule> {
    return view(await ctx.services.reports.updateSchedule(actorOf(ctx), id, input));
  }

  @Mutation(() => ReportSchedule, { description: 'Delete a schedule (editor, admin); its reports stay readable' })
  async deleteReportSchedule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ReportSchedule> {
    return view(await ctx.services.reports.deleteSchedule(actorOf(ctx), id));
  }

  @Mutation(() => Report, { description: "Make the report of the schedule's latest ended period now (editor, admin): kept (replacing that period's) and sent to the webhooks" })
  async runReportSchedule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Report> {
    return reportView(await ctx.services.reports.runNow(actorOf(ctx), id));
  }
}

