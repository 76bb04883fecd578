/**
 * How an evaluation changes a rule's alerts (Alert nodes, RAISED and CONCERNS edges) and what it
 * notifies, decided from what was read; the service (alerts.service.ts) does the reading and writing.
 */
import { createHash } from 'node:crypto';
import type { EdgeInput, GraphNode, NodeInput } from '../model.js';
import { nodeId, REGISTRY_NAMESPACE } from '../ids.js';
import { alertRuleId, type AlertOp, type AlertRule, type AlertSeverity, type AlertSource } from './rules.js';
import type { SignalRow } from './queries.js';
import { decide, type AlertState } from './state.js';

export type AlertEvent = 'ALERT_FIRING' | 'ALERT_RESOLVED';

export interface Alert {
  id: string;
  ruleId: string;
  ruleName: string;
  source: AlertSource;
  severity: AlertSeverity;
  /** The series: its labels (a metric's labels and `service.name`; a GPU's uuid, namespace, pod, host...; a service). */
  labels: Record<string, string>;
  state: AlertState;
  /** The series' value at the last evaluation that saw it. */
  value: number | null;
  /** It fires (or fired) because the series stopped reporting (rules with alertOnNoData). */
  noData: boolean;
  op: AlertOp;
  threshold: number;
  pendingSince: string;
  firedAt: string | null;
  /** When it was RESOLVED or CANCELLED. */
  closedAt: string | null;
  /** Why it closed: NO_LONGER_BREAKING, NO_DATA (no sample in the window), RULE_DISABLED, RULE_DELETED. */
  closeReason: string | null;
  lastEvaluatedAt: string;
  /** When ALERT_FIRING was sent for it; null while its rule's silence kept it back (it is sent once the silence ends, if it still fires). */
  notifiedAt: string | null;
  /** The node the alert is about (CONCERNS): the run (GPU rules) or the job (RUNS rules); null when none is known. */
  subjectId: string | null;
}

const alertId = (name: string) => nodeId('Alert', REGISTRY_NAMESPACE, name);
/** A series key in a node name: short, and never with a character a name may not hold. */
const keyHash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);

export function toAlert(n: GraphNode): Alert {
  const p = n.props as Record<string, any>;
  return {
    id: n.name, ruleId: p.ruleId, ruleName: p.ruleName, source: p.source, severity: p.severity, labels: p.labels ?? {}, state: p.state,
    value: typeof p.value === 'number' ? p.value : null, noData: p.noData === true, op: p.op, threshold: Number(p.threshold), pendingSince: p.pendingSince, firedAt: p.firedAt ?? null,
    closedAt: p.closedAt ?? null, closeReason: p.closeReason ?? null, lastEvaluatedAt: p.lastEvaluatedAt,
    subjectId: p.subjectId ?? null,
    // `notified` is false while a silence holds the alert back (the store keeps no null props); alerts stored
    // before it was recorded were notified when they fired.
    notifiedAt: p.notified === false ? null : p.notifiedAt ?? p.firedAt ?? null,
  };
}

/** The graph writes and notifications an evaluation decided. */
export interface Changes { nodes: NodeInput[]; edges: EdgeInput[]; notes: { event: AlertEvent; rule: AlertRule; alert: Record<string, unknown> }[] }

export const emptyChanges = (): Changes => ({ nodes: [], edges: [], notes: [] });

function note(event: AlertEvent, rule: AlertRule, alert: Record<string, unknown>): Changes['notes'][number] {
  const { key: _key, samples: _samples, notified: _notified, ...shown } = alert;
  return { event, rule, alert: shown };
}

/**
 * What one evaluation of a rule changes: each series (read now, read in the window before for
 * alertOnNoData, or with an open alert) decided against its open alert (state.ts). `subjectOf`: the
 * node an alert of a series is about (its run, its job), null when none.
 */
export async function ruleChanges(
  rule: AlertRule, read: { rows: SignalRow[]; before: SignalRow[]; open: Map<string, GraphNode> }, nowMs: number,
  subjectOf: ((labels: Record<string, string>) => Promise<string | null>) | null,
): Promise<Changes> {
  const at = new Date(nowMs).toISOString();
  const open = read.open;
  const values = new Map(read.rows.map((r) => [r.a_key, r]));
  const before = new Map(read.before.map((r) => [r.a_key, r]));
  const changes = emptyChanges();
  const silenced = rule.silencedUntil !== null && Date.parse(rule.silencedUntil) > nowMs;
  for (const key of new Set([...values.keys(), ...open.keys(), ...before.keys()])) {
    const row = values.get(key);
    const labels = (row ?? before.get(key))?.a_labels;
    const value = row === undefined ? undefined : Number(row.a_value);
    const node = open.get(key);
    const current = node ? toAlert(node) : undefined;
    const d = decide(rule, current && (current.state === 'PENDING' || current.state === 'FIRING') ? { state: current.state, pendingSince: current.pendingSince } : undefined, value, nowMs, rule.alertOnNoData);
    if (d.action === 'none') continue;
    if (d.action === 'open') {
      const name = `${rule.id}/${keyHash(key)}/${nowMs}`;
      const subjectId = subjectOf ? await subjectOf(labels!) : null;
      const props = {
        ruleId: rule.id, ruleName: rule.name, source: rule.source, severity: rule.severity, key, labels, state: d.state, value, noData: !row,
        samples: row ? Number(row.a_samples) : 0, op: rule.op, threshold: rule.threshold, pendingSince: at, firedAt: d.state === 'FIRING' ? at : null,
        closedAt: null, closeReason: null, lastEvaluatedAt: at, subjectId,
        notified: d.state === 'FIRING' && !silenced, notifiedAt: d.state === 'FIRING' && !silenced ? at : null,
      };
      changes.nodes.push({ id: alertId(name), kind: 'Alert', namespace: REGISTRY_NAMESPACE, name, props, at });
      changes.edges.push({ kind: 'RAISED', from: alertRuleId(rule.id), to: alertId(name), validFrom: at });
      if (subjectId) changes.edges.push({ kind: 'CONCERNS', from: alertId(name), to: subjectId, validFrom: at });
      if (props.notified) changes.notes.push(note('ALERT_FIRING', rule, { ...props, id: name }));
      continue;
    }
    const alert = current!;
    if (d.action === 'update') {
      // Firing and not sent yet (it just fired, or a silence kept it back): sent unless silenced now.
      const send = (d.fire || alert.state === 'FIRING') && !alert.notifiedAt && !silenced;
      const props = {
        ...(row ? { value: value! } : {}), noData: !row, samples: row ? Number(row.a_samples) : 0, lastEvaluatedAt: at,
        ...(d.fire ? { state: 'FIRING', firedAt: at, notified: send } : {}),
        ...(send ? { notified: true, notifiedAt: at } : {}),
      };
      changes.nodes.push({ id: node!.id, kind: 'Alert', namespace: REGISTRY_NAMESPACE, name: node!.name, props, at });
      if (send) changes.notes.push(note('ALERT_FIRING', rule, { ...alert, ...props }));
      continue;
    }
    closeAlert(changes, rule, node!, d.state, row === undefined ? 'NO_DATA' : 'NO_LONGER_BREAKING', at, value);
  }
  return changes;
}

/** Closes an open alert: RESOLVED (notified when its firing was) or CANCELLED (hidden: it never fired); its RAISED edge ends. */
export function closeAlert(changes: Changes, rule: AlertRule, node: GraphNode, state: 'RESOLVED' | 'CANCELLED', reason: string, at: string, value?: number): void {
  const props = {
    state, closedAt: at, closeReason: reason, lastEvaluatedAt: at, ...(value === undefined ? {} : { value }), ...(state === 'CANCELLED' ? { deletedAt: at } : {}),
  };
  changes.nodes.push({ id: node.id, kind: 'Alert', namespace: REGISTRY_NAMESPACE, name: node.name, props, at });
  changes.edges.push({ kind: 'RAISED', from: alertRuleId(rule.id), to: node.id, validTo: at });
  const alert = toAlert(node);
  if (state === 'RESOLVED' && alert.notifiedAt) changes.notes.push(note('ALERT_RESOLVED', rule, { ...alert, ...props }));
}

export interface Notification { event: AlertEvent; data: Record<string, unknown> }

/**
 * The notifications of the changes: one per rule and event with every alert of it (`{ rule, alerts }`),
 * so 64 GPUs going idle together are one message, not 64.
 */
export function notifications(changes: Changes): Notification[] {
  const groups = new Map<string, { event: AlertEvent; rule: AlertRule; alerts: Record<string, unknown>[] }>();
  for (const n of changes.notes) {
    const key = `${n.event} ${n.rule.id}`;
    const group = groups.get(key) ?? { event: n.event, rule: n.rule, alerts: [] };
    group.alerts.push(n.alert);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ event, rule, alerts }) => ({
    event, data: { rule: { id: rule.id, name: rule.name, source: rule.source, severity: rule.severity, metric: rule.metric, measure: rule.measure }, alerts },
  }));
}
