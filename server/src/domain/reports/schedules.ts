/**
 * Automated reports: a tenant's schedules (ReportSchedule nodes) say what to sum up and when (daily at
 * an hour, or weekly on a weekday at an hour, UTC); each period a schedule covers gives one Report node,
 * composed by the workers once the period has ended (reports.service.ts). Pure: definitions, checks,
 * the periods.
 */
import type { GraphNode, NodeInput } from '../model.js';
import { REGISTRY_NAMESPACE, nodeId } from '../ids.js';
import { badInput } from '../errors.js';
import { checkText } from '../registry/validate.js';

/**
 * What a report can hold: LINEAGE (OpenLineage events, runs and their outcomes by job, datasets new in
 * the period), QUALITY (feature groups' data quality checks), MODELS (versions registered, stage and
 * alias moves, refused promotions), LLM (calls, tokens, cost and latency by model, against the period
 * before), GPU (GPU-hours and utilisation by pod), ALERTS (alerts fired and resolved, by rule).
 */
export const REPORT_SECTIONS = ['LINEAGE', 'QUALITY', 'MODELS', 'LLM', 'GPU', 'ALERTS'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const CADENCES = ['DAILY', 'WEEKLY'] as const;
export type Cadence = (typeof CADENCES)[number];

export interface ReportScheduleInput {
  name: string;
  cadence: Cadence;
  /** The hour (UTC) a period ends and its report is made: 0..23, default 6. */
  hourUtc?: number | null;
  /** WEEKLY: the day a period ends, 1 (Monday) .. 7 (Sunday), ISO 8601; default 1. */
  weekday?: number | null;
  /** Default: all of them. */
  sections?: readonly string[] | null;
}

export interface ReportSchedule {
  id: string;
  name: string;
  cadence: Cadence;
  hourUtc: number;
  /** null for DAILY. */
  weekday: number | null;
  sections: ReportSection[];
  enabled: boolean;
  createdAt: string;
  createdBy: string | null;
  deleted: boolean;
}

export const MAX_SCHEDULES = 50;
const DAY_MS = 86_400_000;

export const reportScheduleId = (id: string) => nodeId('ReportSchedule', REGISTRY_NAMESPACE, id);
/** A report's node id: its schedule's (or `adhoc`) and the end of its period, so a period has one report. */
export const reportId = (scheduleId: string, to: string) => nodeId('Report', REGISTRY_NAMESPACE, `${scheduleId}@${to}`);

/** A checked definition; every refusal names its field. */
export function checkSchedule(input: ReportScheduleInput): Omit<ReportSchedule, 'id' | 'enabled' | 'createdAt' | 'createdBy' | 'deleted'> {
  const name = checkText('input.name', input.name, 200);
  if (!name) throw badInput('input.name', 'required');
  if (!CADENCES.includes(input.cadence)) throw badInput('input.cadence', `must be one of ${CADENCES.join(', ')}`);
  const hourUtc = input.hourUtc ?? 6;
  if (!Number.isInteger(hourUtc) || hourUtc < 0 || hourUtc > 23) throw badInput('input.hourUtc', 'must be a whole hour 0..23 (UTC)');
  let weekday: number | null = null;
  if (input.cadence === 'WEEKLY') {
    weekday = input.weekday ?? 1;
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw badInput('input.weekday', 'must be 1 (Monday) .. 7 (Sunday)');
  } else if (input.weekday !== undefined && input.weekday !== null) {
    throw badInput('input.weekday', 'only a WEEKLY schedule has a weekday');
  }
  const sections = checkSections('input.sections', input.sections);
  return { name, cadence: input.cadence, hourUtc, weekday, sections };
}

/** Sections named (each once, in the canonical order), or all of them when not given; an empty list names none (refused). */
export function checkSections(field: string, sections: readonly string[] | null | undefined): ReportSection[] {
  if (sections == null) return [...REPORT_SECTIONS];
  if (!sections.length) throw badInput(field, 'name at least one section, or leave it out for all');
  sections.forEach((s, i) => { if (!REPORT_SECTIONS.includes(s as ReportSection)) throw badInput(`${field}[${i}]`, `must be one of ${REPORT_SECTIONS.join(', ')}`); });
  return REPORT_SECTIONS.filter((s) => sections.includes(s));
}

/**
 * The newest period of the schedule that has ended by `nowMs`: DAILY, the 24 hours before the latest
 * `hourUtc`; WEEKLY, the 7 days before the latest `weekday` at `hourUtc`.
 */
export function lastPeriod(s: Pick<ReportSchedule, 'cadence' | 'hourUtc' | 'weekday'>, nowMs: number): { from: string; to: string } {
  const day = Math.floor(nowMs / DAY_MS) * DAY_MS;
  let end = day + s.hourUtc * 3_600_000;
  if (end > nowMs) end -= DAY_MS;
  if (s.cadence === 'WEEKLY') {
    // 1970-01-01 was a Thursday (ISO weekday 4).
    const weekdayOf = (ms: number) => ((Math.floor(ms / DAY_MS) + 3) % 7) + 1;
    while (weekdayOf(end) !== s.weekday) end -= DAY_MS;
  }
  const length = s.cadence === 'WEEKLY' ? 7 * DAY_MS : DAY_MS;
  return { from: new Date(end - length).toISOString(), to: new Date(end).toISOString() };
}

export function scheduleNode(id: string, props: Record<string, unknown>): NodeInput {
  return { id: reportScheduleId(id), kind: 'ReportSchedule', namespace: REGISTRY_NAMESPACE, name: id, props };
}

export function toSchedule(n: GraphNode): ReportSchedule {
  const p = n.props;
  const by = p.createdBy as { name?: string | null; role?: string } | undefined;
  return {
    id: n.name, name: String(p.title ?? n.name), cadence: p.cadence as Cadence, hourUtc: Number(p.hourUtc),
    weekday: typeof p.weekday === 'number' ? p.weekday : null, sections: (p.sections as ReportSection[] | undefined) ?? [...REPORT_SECTIONS],
    enabled: p.enabled !== false, createdAt: n.createdAt, createdBy: by ? (by.name ?? by.role ?? null) : null, deleted: !!n.validTo,
  };
}
