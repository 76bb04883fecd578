/**
 * Alert rules: a threshold on a signal Loom already stores, evaluated over a sliding window per
 * series (one alert per series that crosses it). Three sources:
 * - METRIC: any OTLP gauge or sum, per series (its labels), aggregated over the window;
 * - GPU: a normalised GPU metric (DCGM or `hw.gpu.*`, see telemetry/gpu.ts), per GPU and pod; an
 *   alert on a pod of a running training run is tied to that run;
 * - TRACES: spans per service (LLM calls only, or all spans): error rate, latency quantiles, cost,
 *   tokens or count over the window;
 * - RUNS: OpenLineage runs per job (the events received): how many failed, were aborted, completed or
 *   started in the window; an alert is tied to the job's node;
 * - FEATURES: feature store values with an event time in the window, per group (values written) or per
 *   group and feature (null rate, mean of a numeric feature); an alert is tied to the group's node;
 * - TAGS: where data carrying a tag flows (domain/tags, tagReach), read from the graph: how many nodes lie
 *   downstream of the tag's carriers without carrying it (a PII column hashed into an untagged one); an alert
 *   is tied to the tag's node. The window does not apply: the graph now.
 * Pure: validation, and the rule as a node and back.
 */
import type { GraphNode, NodeInput } from '../model.js';
import { nodeId, REGISTRY_NAMESPACE } from '../ids.js';
import { badInput } from '../errors.js';
import { GPU_METRIC_NAMES, GPU_METRICS } from '../telemetry/gpu.js';
import { checkText } from '../registry/validate.js';

export const ALERT_SOURCES = ['METRIC', 'GPU', 'TRACES', 'RUNS', 'FEATURES', 'TAGS'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];
/** How the points of one series in the window become one value (METRIC, GPU). */
export const ALERT_AGGREGATIONS = ['AVG', 'MIN', 'MAX', 'LAST', 'SUM'] as const;
export type AlertAggregation = (typeof ALERT_AGGREGATIONS)[number];
/** What is measured of a service's spans in the window (TRACES). Latencies in milliseconds, cost in USD, error rate 0..1. */
export const TRACE_MEASURES = ['ERROR_RATE', 'LATENCY_P50_MS', 'LATENCY_P95_MS', 'LATENCY_P99_MS', 'COST_USD', 'TOKENS', 'COUNT'] as const;
export type TraceMeasure = (typeof TRACE_MEASURES)[number];
/** What is counted of a job's runs in the window (RUNS): runs with a FAIL, ABORT, COMPLETE or START event in it. */
export const RUN_MEASURES = ['FAILED_RUNS', 'ABORTED_RUNS', 'COMPLETED_RUNS', 'STARTED_RUNS'] as const;
export type RunMeasure = (typeof RUN_MEASURES)[number];
/**
 * What is measured of a feature group's values with an event time in the window (FEATURES): how many were
 * written (per group: a pipeline that stopped writing, with alertOnNoData one that went silent), the
 * share of nulls and the mean of a numeric feature (INT64, FLOAT64, BOOL as 0/1) per feature (drift).
 */
export const FEATURE_MEASURES = ['FEATURE_VALUES', 'FEATURE_NULL_RATE', 'FEATURE_MEAN'] as const;
export type FeatureMeasure = (typeof FEATURE_MEASURES)[number];
/** What is counted of a tag's reach (TAGS): the nodes downstream of its carriers that do not carry it. */
export const TAG_MEASURES = ['UNTAGGED_DOWNSTREAM'] as const;
export const ALERT_MEASURES = [...TRACE_MEASURES, ...RUN_MEASURES, ...FEATURE_MEASURES, ...TAG_MEASURES] as const;
export type AlertMeasure = (typeof ALERT_MEASURES)[number];
export const ALERT_OPS = ['GT', 'GTE', 'LT', 'LTE'] as const;
export type AlertOp = (typeof ALERT_OPS)[number];
export const ALERT_SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
/** The labels a GPU rule may match on (the columns of a GPU series). */
export const GPU_LABELS = ['namespace', 'pod', 'container', 'host', 'gpu_uuid', 'gpu_model'] as const;
/** The labels a RUNS rule may match on (the job's OpenLineage namespace and name). */
export const RUN_LABELS = ['job_namespace', 'job_name'] as const;
/** The labels a FEATURES rule may match on: the group's node id (`dataset:<namespace>:<name>`) and, per feature, its name. */
export const FEATURE_LABELS = ['group', 'feature'] as const;
/** The label a TAGS rule names its tag with (one, required). */
export const TAG_LABELS = ['tag'] as const;

export interface LabelMatcher { key: string; value: string }

export interface AlertRuleInput {
  name: string;
  description?: string | null;
  source: AlertSource;
  /** METRIC: the OTLP metric name; GPU: one of GPU_METRIC_NAMES. Not used by TRACES. */
  metric?: string | null;
  /** METRIC: label = value; GPU: among GPU_LABELS; RUNS: among RUN_LABELS. All must match. */
  labels?: LabelMatcher[] | null;
  /** METRIC, TRACES: only this service (`service.name`). */
  service?: string | null;
  aggregation?: AlertAggregation | null;
  measure?: AlertMeasure | null;
  /** TRACES: only LLM calls (spans with GenAI, OpenInference or OpenLLMetry attributes). Default true. */
  llmOnly?: boolean | null;
  /**
   * A series that reported in the window before and has no sample in this one breaks the rule (an
   * exporter or service gone silent), until it reports again. Default false: no data is not a value.
   */
  alertOnNoData?: boolean | null;
  op: AlertOp;
  threshold: number;
  /** The window each evaluation reads: 60..86,400 s (default 300). */
  windowSeconds?: number | null;
  /** How long the condition must hold before the alert fires: 0..86,400 s (default 0: at once). */
  forSeconds?: number | null;
  severity?: AlertSeverity | null;
}

export interface AlertRule {
  id: string;
  name: string;
  description: string | null;
  source: AlertSource;
  metric: string | null;
  labels: LabelMatcher[];
  service: string | null;
  aggregation: AlertAggregation | null;
  measure: AlertMeasure | null;
  llmOnly: boolean;
  alertOnNoData: boolean;
  op: AlertOp;
  threshold: number;
  windowSeconds: number;
  forSeconds: number;
  severity: AlertSeverity;
  enabled: boolean;
  /** Until when its alerts are not notified (they are still evaluated and recorded); null: not silenced. */
  silencedUntil: string | null;
  createdAt: string;
  createdBy: string | null;
  deletedAt: string | null;
  /** The last evaluation: when, how many series it read, whether it left series out, and its error. */
  lastEvaluatedAt: string | null;
  lastSeries: number | null;
  lastTruncated: boolean;
  lastError: string | null;
}

export const MAX_RULES = 200;
const MAX_MATCHERS = 20;

export const alertRuleId = (id: string) => nodeId('AlertRule', REGISTRY_NAMESPACE, id);

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw badInput(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

function seconds(field: string, value: number | null | undefined, min: number, max: number, fallback: number): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(field, `must be a whole number of seconds from ${min} to ${max}`);
  return value;
}

/** The rule as stored, from what a caller sent: every field checked, each failure naming it (`input.<field>`). */
export function checkRule(input: AlertRuleInput): Omit<AlertRule, 'id' | 'enabled' | 'silencedUntil' | 'createdAt' | 'createdBy' | 'deletedAt' | 'lastEvaluatedAt' | 'lastSeries' | 'lastTruncated' | 'lastError'> {
  const name = checkText('input.name', input.name, 200)?.trim();
  if (!name) throw badInput('input.name', 'required');
  const source = oneOf('input.source', input.source, ALERT_SOURCES);
  const op = oneOf('input.op', input.op, ALERT_OPS);
  if (typeof input.threshold !== 'number' || !Number.isFinite(input.threshold)) throw badInput('input.threshold', 'must be a finite number');
  const labels = input.labels ?? [];
  if (labels.length > MAX_MATCHERS) throw badInput('input.labels', `at most ${MAX_MATCHERS} matchers`);
  labels.forEach((l, i) => {
    if (typeof l.key !== 'string' || !l.key || l.key.length > 200) throw badInput(`input.labels[${i}].key`, 'must be 1-200 characters');
    if (typeof l.value !== 'string' || l.value.length > 1000) throw badInput(`input.labels[${i}].value`, 'must be at most 1,000 characters');
    if (source === 'GPU' && !(GPU_LABELS as readonly string[]).includes(l.key)) throw badInput(`input.labels[${i}].key`, `a GPU rule matches on ${GPU_LABELS.join(', ')}`);
    if (source === 'RUNS' && !(RUN_LABELS as readonly string[]).includes(l.key)) throw badInput(`input.labels[${i}].key`, `a RUNS rule matches on ${RUN_LABELS.join(', ')}`);
    if (source === 'FEATURES' && !(FEATURE_LABELS as readonly string[]).includes(l.key)) throw badInput(`input.labels[${i}].key`, `a FEATURES rule matches on ${FEATURE_LABELS.join(', ')}`);
    if (source === 'TAGS' && !(TAG_LABELS as readonly string[]).includes(l.key)) throw badInput(`input.labels[${i}].key`, 'a TAGS rule names its tag: tag=<name>');
  });
  if (source === 'TAGS' && labels.filter((l) => l.key === 'tag').length !== 1) throw badInput('input.labels', 'a TAGS rule names one tag: tag=<name>');
  const service = checkText('input.service', input.service, 200)?.trim() || null;
  let metric: string | null = null;
  let aggregation: AlertAggregation | null = null;
  let measure: AlertMeasure | null = null;
  if (source === 'TRACES' || source === 'RUNS' || source === 'FEATURES' || source === 'TAGS') {
    if (input.metric) throw badInput('input.metric', `a ${source} rule has a measure, not a metric`);
    if (input.aggregation) throw badInput('input.aggregation', `a ${source} rule has a measure, not an aggregation`);
    if (source === 'TRACES' && labels.length) throw badInput('input.labels', 'a TRACES rule filters by service only');
    if (source !== 'TRACES' && service) throw badInput('input.service', `a ${source} rule matches on labels (${(source === 'RUNS' ? RUN_LABELS : source === 'TAGS' ? TAG_LABELS : FEATURE_LABELS).join(', ')}), not a service`);
    measure = oneOf('input.measure', input.measure, source === 'TRACES' ? TRACE_MEASURES : source === 'RUNS' ? RUN_MEASURES : source === 'TAGS' ? TAG_MEASURES : FEATURE_MEASURES);
    if (measure === 'FEATURE_VALUES' && labels.some((l) => l.key === 'feature')) throw badInput('input.labels', 'FEATURE_VALUES counts a group\'s values: match on group only');
  } else {
    if (input.measure) throw badInput('input.measure', `a ${source} rule has a metric and an aggregation, not a measure`);
    metric = checkText('input.metric', input.metric, 500)?.trim() || null;
    if (!metric) throw badInput('input.metric', 'required');
    if (source === 'GPU' && !(metric in GPU_METRICS)) throw badInput('input.metric', `unknown GPU metric; one of ${GPU_METRIC_NAMES.join(', ')}`);
    if (source === 'GPU' && service) throw badInput('input.service', 'a GPU rule matches on labels (namespace, pod, host...), not a service');
    aggregation = input.aggregation === null || input.aggregation === undefined ? 'AVG' : oneOf('input.aggregation', input.aggregation, ALERT_AGGREGATIONS);
  }
  return {
    name, description: checkText('input.description', input.description, 2000) ?? null, source, metric, labels: labels.map((l) => ({ key: l.key, value: l.value })),
    service, aggregation, measure, llmOnly: source === 'TRACES' ? input.llmOnly ?? true : false, alertOnNoData: input.alertOnNoData === true, op, threshold: input.threshold,
    windowSeconds: seconds('input.windowSeconds', input.windowSeconds, 60, 86_400, 300),
    forSeconds: seconds('input.forSeconds', input.forSeconds, 0, 86_400, 0),
    severity: input.severity === null || input.severity === undefined ? 'WARNING' : oneOf('input.severity', input.severity, ALERT_SEVERITIES),
  };
}

/** Whether a value breaks the rule's threshold. */
export function breaches(rule: Pick<AlertRule, 'op' | 'threshold'>, value: number): boolean {
  switch (rule.op) {
    case 'GT': return value > rule.threshold;
    case 'GTE': return value >= rule.threshold;
    case 'LT': return value < rule.threshold;
    case 'LTE': return value <= rule.threshold;
  }
}

export function ruleNode(id: string, props: Record<string, unknown>): NodeInput {
  return { id: alertRuleId(id), kind: 'AlertRule', namespace: REGISTRY_NAMESPACE, name: id, props };
}

export function toRule(n: GraphNode): AlertRule {
  const p = n.props as Record<string, any>;
  const created = (p.createdBy ?? {}) as { actor?: string | null };
  return {
    id: n.name, name: String(p.title ?? n.name), description: p.description ?? null, source: p.source, metric: p.metric ?? null,
    labels: Array.isArray(p.labels) ? p.labels : [], service: p.service ?? null, aggregation: p.aggregation ?? null, measure: p.measure ?? null,
    llmOnly: p.llmOnly === true, alertOnNoData: p.alertOnNoData === true, op: p.op, threshold: Number(p.threshold), windowSeconds: Number(p.windowSeconds), forSeconds: Number(p.forSeconds),
    severity: p.severity ?? 'WARNING', enabled: p.enabled !== false, silencedUntil: p.silencedUntil ?? null, createdAt: n.createdAt, createdBy: created.actor ?? null, deletedAt: n.validTo,
    lastEvaluatedAt: p.lastEvaluatedAt ?? null, lastSeries: typeof p.lastSeries === 'number' ? p.lastSeries : null,
    lastTruncated: p.lastTruncated === true, lastError: p.lastError ?? null,
  };
}
