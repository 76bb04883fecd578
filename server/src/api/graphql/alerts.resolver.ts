/** Alert rules and the alerts they raise (domain/alerts): read by anyone in the tenant, changed by editors and admins. */
import { Arg, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import type { Context } from './context.js';
import { enumOf } from './types.js';
import { actorOf } from './registry.common.js';
import { LabelMatcher } from './metrics.types.js';
import {
  ALERT_AGGREGATIONS, ALERT_MEASURES, ALERT_OPS, ALERT_SEVERITIES, ALERT_SOURCES, FEATURE_LABELS, GPU_LABELS, RUN_LABELS, MAX_RULES,
  type AlertAggregation, type AlertMeasure, type AlertOp, type AlertRule as DomainRule, type AlertSeverity, type AlertSource,
} from '../../domain/alerts/rules.js';
import { ALERT_STATES, type AlertState as DomainState } from '../../domain/alerts/state.js';
import type { Alert as DomainAlert } from '../../domain/alerts/changes.js';
import { GPU_METRIC_NAMES } from '../../domain/telemetry/gpu.js';

export const AlertSourceEnum = enumOf(ALERT_SOURCES);
registerEnumType(AlertSourceEnum, { name: 'AlertSource', description: 'METRIC: an OTLP gauge or sum, per series; GPU: a GPU metric, per GPU and pod; TRACES: spans, per service; RUNS: OpenLineage runs, per job; FEATURES: feature store values, per group (FEATURE_VALUES) or per group and feature' });
export const AlertAggregationEnum = enumOf(ALERT_AGGREGATIONS);
registerEnumType(AlertAggregationEnum, { name: 'AlertAggregation', description: "How a series' samples in the window become one value" });
export const AlertMeasureEnum = enumOf(ALERT_MEASURES);
registerEnumType(AlertMeasureEnum, {
  name: 'AlertMeasure',
  description: "TRACES: what is measured of a service's spans in the window: error rate (0..1), latency quantiles (ms), LLM cost (USD), LLM tokens, span count. RUNS: how many of a job's runs had a FAIL, ABORT, COMPLETE or START event in the window. FEATURES (values with an event time in the window): values written per group, null rate (0..1) and mean of a numeric feature per group and feature",
});
export const AlertOpEnum = enumOf(ALERT_OPS);
registerEnumType(AlertOpEnum, { name: 'AlertOp', description: 'value > threshold (GT), >= (GTE), < (LT), <= (LTE)' });
export const AlertSeverityEnum = enumOf(ALERT_SEVERITIES);
registerEnumType(AlertSeverityEnum, { name: 'AlertSeverity' });
export const AlertStateEnum = enumOf(ALERT_STATES.filter((s) => s !== 'CANCELLED'));
registerEnumType(AlertStateEnum, { name: 'AlertState', description: 'PENDING: breaking the rule for less than its forSeconds; FIRING; RESOLVED: no longer breaking it' });

@ObjectType('AlertLabelMatcher', { description: 'A label that must equal a value' })
class AlertLabelMatcher {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

@ObjectType({ description: 'A threshold on a signal Loom stores, evaluated by the workers every LOOM_ALERT_INTERVAL_SECONDS over a sliding window, one alert per series that breaks it' })
export class AlertRule {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => AlertSourceEnum) source!: AlertSource;
  @Field(() => String, { nullable: true, description: 'METRIC: the OTLP metric name; GPU: the normalised GPU metric' }) metric!: string | null;
  @Field(() => [AlertLabelMatcher]) labels!: AlertLabelMatcher[];
  @Field(() => String, { nullable: true }) service!: string | null;
  @Field(() => AlertAggregationEnum, { nullable: true }) aggregation!: AlertAggregation | null;
  @Field(() => AlertMeasureEnum, { nullable: true }) measure!: AlertMeasure | null;
  @Field(() => Boolean, { description: 'TRACES: LLM calls only' }) llmOnly!: boolean;
  @Field(() => Boolean, { description: 'A series that reported in the window before and not in this one breaks the rule' }) alertOnNoData!: boolean;
  @Field(() => AlertOpEnum) op!: AlertOp;
  @Field(() => Float) threshold!: number;
  @Field(() => Int) windowSeconds!: number;
  @Field(() => Int) forSeconds!: number;
  @Field(() => AlertSeverityEnum) severity!: AlertSeverity;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Until when its alerts are not sent (still evaluated and recorded)' }) silencedUntil!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: string;
  @Field(() => String, { nullable: true }) createdBy!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) deletedAt!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'The last evaluation' }) lastEvaluatedAt!: string | null;
  @Field(() => Int, { nullable: true, description: 'Series the last evaluation read' }) lastSeries!: number | null;
  @Field(() => Boolean, { description: 'The last evaluation read only the first 500 series' }) lastTruncated!: boolean;
  @Field(() => String, { nullable: true, description: 'Why the last evaluation failed' }) lastError!: string | null;
}

@ObjectType({ description: 'One episode of one series breaking an alert rule' })
export class Alert {
  @Field(() => ID) id!: string;
  @Field(() => ID) ruleId!: string;
  @Field(() => String) ruleName!: string;
  @Field(() => AlertSourceEnum) source!: AlertSource;
  @Field(() => AlertSeverityEnum) severity!: AlertSeverity;
  @Field(() => GraphQLJSON, { description: "The series: a metric's labels and service.name; a GPU's gpu_uuid, namespace, pod, host, container, gpu_model; a service; a job's job_namespace, job_name; a feature group's group (and feature)" }) labels!: Record<string, string>;
  @Field(() => AlertStateEnum) state!: DomainState;
  @Field(() => Float, { nullable: true, description: 'The value at the last evaluation that saw the series' }) value!: number | null;
  @Field(() => Boolean, { description: 'It fires (or fired) because the series stopped reporting (alertOnNoData)' }) noData!: boolean;
  @Field(() => AlertOpEnum) op!: AlertOp;
  @Field(() => Float) threshold!: number;
  @Field(() => GraphQLDateTime, { description: 'When the series started breaking the rule' }) pendingSince!: string;
  @Field(() => GraphQLDateTime, { nullable: true }) firedAt!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it resolved' }) closedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'NO_LONGER_BREAKING, NO_DATA (no sample in the window), RULE_DISABLED or RULE_DELETED' }) closeReason!: string | null;
  @Field(() => GraphQLDateTime) lastEvaluatedAt!: string;
  @Field(() => GraphQLDateTime, { nullable: true, description: "When ALERT_FIRING was sent; null while the rule's silence keeps it back" }) notifiedAt!: string | null;
  @Field(() => ID, { nullable: true, description: 'The node it is about: the run (GPU rules), the job (RUNS rules)' }) subjectId!: string | null;
}

@ObjectType({ description: "One series as a rule would see it now" })
class AlertPreviewSeries {
  @Field(() => GraphQLJSON) labels!: Record<string, string>;
  @Field(() => Float, { nullable: true, description: 'Null: reported in the window before, not in this one (alertOnNoData)' }) value!: number | null;
  @Field(() => Int, { description: 'Samples (points, or spans) in the window' }) samples!: number;
  @Field(() => Boolean, { description: 'Whether the value breaks the threshold' }) breaching!: boolean;
}

@ObjectType()
class AlertPreview {
  @Field(() => GraphQLDateTime) from!: string;
  @Field(() => GraphQLDateTime) to!: string;
  @Field(() => [AlertPreviewSeries]) series!: AlertPreviewSeries[];
  @Field(() => Boolean, { description: 'More series than the 500 read' }) truncated!: boolean;
}

@InputType()
export class AlertRuleInput {
  @Field(() => String, { description: 'At most 200 characters' }) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => AlertSourceEnum) source!: AlertSource;
  @Field(() => String, { nullable: true, description: `METRIC: an OTLP metric name (gauge or sum); GPU: one of ${GPU_METRIC_NAMES.join(', ')}` }) metric?: string | null;
  @Field(() => [LabelMatcher], { nullable: true, description: `METRIC: point or resource labels; GPU: among ${GPU_LABELS.join(', ')}; RUNS: among ${RUN_LABELS.join(', ')}; FEATURES: among ${FEATURE_LABELS.join(', ')} (group: the group's node id). All must match` }) labels?: LabelMatcher[] | null;
  @Field(() => String, { nullable: true, description: 'METRIC, TRACES: this service only' }) service?: string | null;
  @Field(() => AlertAggregationEnum, { nullable: true, description: 'METRIC, GPU (default AVG)' }) aggregation?: AlertAggregation | null;
  @Field(() => AlertMeasureEnum, { nullable: true, description: 'TRACES, RUNS (required): one of the source\'s measures' }) measure?: AlertMeasure | null;
  @Field(() => Boolean, { nullable: true, description: 'TRACES: LLM calls only (default true)' }) llmOnly?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'A series that reported in the window before and has no sample in this one breaks the rule, until it reports again (an exporter or a service gone silent). Default false' }) alertOnNoData?: boolean | null;
  @Field(() => AlertOpEnum) op!: AlertOp;
  @Field(() => Float) threshold!: number;
  @Field(() => Int, { nullable: true, description: 'The window each evaluation reads: 60 to 86,400 (default 300)' }) windowSeconds?: number | null;
  @Field(() => Int, { nullable: true, description: 'How long the rule must be broken before the alert fires: 0 to 86,400 (default 0)' }) forSeconds?: number | null;
  @Field(() => AlertSeverityEnum, { nullable: true, description: 'Default WARNING' }) severity?: AlertSeverity | null;
}

const ruleView = (r: DomainRule): AlertRule => r;
const alertView = (a: DomainAlert): Alert => a;

@Resolver(() => AlertRule)
export class AlertsResolver {
  @Query(() => [AlertRule], { description: `The tenant's alert rules, by name (at most ${MAX_RULES})` })
  async alertRules(@Ctx() ctx: Context): Promise<AlertRule[]> {
    return (await ctx.services.alerts.list(ctx.principal.tenant)).map(ruleView);
  }

  @Query(() => AlertRule, { description: 'One alert rule, deleted ones too' })
  async alertRule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AlertRule> {
    return ruleView(await ctx.services.alerts.get(ctx.principal.tenant, id));
  }

  @Query(() => [Alert], { description: 'Alerts, newest first: the open ones (PENDING, FIRING) unless `states` says otherwise' })
  async alerts(
    @Arg('states', () => [AlertStateEnum], { nullable: true }) states: DomainState[] | undefined,
    @Arg('ruleId', () => ID, { nullable: true, description: 'Of this rule only' }) ruleId: string | undefined,
    @Arg('nodeId', () => ID, { nullable: true, description: 'About this node only: a run, or a job (RUNS alerts)' }) nodeId: string | undefined,
    @Arg('first', () => Int, { defaultValue: 100, description: '1..1000' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Alert[]> {
    return (await ctx.services.alerts.alerts(ctx.principal.tenant, { states, ruleId, nodeId, first })).map(alertView);
  }

  @FieldResolver(() => [Alert], { description: "This rule's alerts, newest first (open ones unless `states` says otherwise)" })
  async alertsRaised(
    @Root() rule: AlertRule,
    @Arg('states', () => [AlertStateEnum], { nullable: true }) states: DomainState[] | undefined,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Alert[]> {
    return (await ctx.services.alerts.alerts(ctx.principal.tenant, { states, ruleId: rule.id, first })).map(alertView);
  }

  @Query(() => AlertPreview, { description: 'What a rule would see now, without creating it: each series in the window, its value, and whether it breaks the threshold' })
  async previewAlertRule(@Arg('input', () => AlertRuleInput) input: AlertRuleInput, @Ctx() ctx: Context): Promise<AlertPreview> {
    return ctx.services.alerts.preview(ctx.principal.tenant, input);
  }

  @Mutation(() => AlertRule, { description: 'Create an alert rule (editor, admin). It is evaluated from the next tick on' })
  async createAlertRule(@Arg('input', () => AlertRuleInput) input: AlertRuleInput, @Ctx() ctx: Context): Promise<AlertRule> {
    return ruleView(await ctx.services.alerts.create(actorOf(ctx), input));
  }

  @Mutation(() => AlertRule, { description: "Replace a rule's definition (editor, admin). Its open alerts are decided by the new one at the next evaluation" })
  async updateAlertRule(@Arg('id', () => ID) id: string, @Arg('input', () => AlertRuleInput) input: AlertRuleInput, @Ctx() ctx: Context): Promise<AlertRule> {
    return ruleView(await ctx.services.alerts.update(actorOf(ctx), id, input));
  }

  @Mutation(() => AlertRule, { description: "Silence a rule for `minutes` (1 to 10,080; 0 ends it) (editor, admin): its alerts are evaluated and recorded but not sent; one still firing when the silence ends is sent then" })
  async silenceAlertRule(@Arg('id', () => ID) id: string, @Arg('minutes', () => Int) minutes: number, @Ctx() ctx: Context): Promise<AlertRule> {
    return ruleView(await ctx.services.alerts.silence(actorOf(ctx), id, minutes));
  }

  @Mutation(() => AlertRule, { description: 'Pause or resume a rule (editor, admin). Pausing resolves its open alerts' })
  async setAlertRuleEnabled(@Arg('id', () => ID) id: string, @Arg('enabled', () => Boolean) enabled: boolean, @Ctx() ctx: Context): Promise<AlertRule> {
    return ruleView(await ctx.services.alerts.setEnabled(actorOf(ctx), id, enabled));
  }

  @Mutation(() => AlertRule, { description: 'Delete a rule (editor, admin). Its open alerts resolve; its alerts stay readable through alertRule(id)' })
  async deleteAlertRule(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AlertRule> {
    return ruleView(await ctx.services.alerts.delete(actorOf(ctx), id));
  }
}
