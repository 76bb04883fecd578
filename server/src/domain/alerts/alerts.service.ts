/**
 * Alerting: rules per tenant (AlertRule nodes), their evaluation over ClickHouse, and the alerts
 * they raise (Alert nodes), all in the graph, so an alert is a node like any other: a GPU alert is
 * linked to the training run it concerns, and its history stays (a closed alert's RAISED edge ends,
 * nothing is deleted).
 *
 * Evaluation: `evaluateAll` is run by a worker on a timer (workers/alerts.workers.ts). Each enabled
 * rule reads its window, each series' value is decided against the open alert of that series
 * (state.ts), and the changes of a tenant's rules are one graph write; FIRING and RESOLVED are then
 * sent to the tenant's webhooks (ALERT_FIRING, ALERT_RESOLVED: one per rule and event, `{ rule, alerts }`).
 * What an evaluation changes is decided in changes.ts. Within a process, a tenant's evaluations and
 * rule changes run one at a time.
 */
import { randomUUID } from 'node:crypto';
import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { GraphNode, Page } from '../model.js';
import type { Neighbour } from '../ports/GraphStore.js';
import { nameable, nodeId, runNodeId } from '../ids.js';
import { badInput, notFound } from '../errors.js';
import { KeyedLock } from '../keyed-lock.js';
import { actorProps, requireWrite, type Actor } from '../registry/actor.js';
import { msToNs } from '../telemetry/metrics-range.js';
import type { GpuDeviceRun } from '../telemetry/gpu-query.service.js';
import { alertRuleId, breaches, checkRule, MAX_RULES, ruleNode, toRule, type AlertRule, type AlertRuleInput } from './rules.js';
import { signalQuery, type SignalRow } from './queries.js';
import type { AlertState } from './state.js';
import { closeAlert, emptyChanges, notifications, ruleChanges, toAlert, type Alert, type AlertEvent, type Changes } from './changes.js';
import { tagId } from '../tags/tags.js';

/** `value` null: a series that reported in the window before and not in this one (rules with alertOnNoData). */
export interface PreviewSeries { labels: Record<string, string>; value: number | null; samples: number; breaching: boolean }
export interface Preview { from: string; to: string; series: PreviewSeries[]; truncated: boolean }
/** `errors`: rules (or whole tenants) that could not be evaluated; `failure`: the first tenant that failed whole, and why. */
export interface EvaluationSummary { tenants: number; rules: number; series: number; fired: number; resolved: number; errors: number; failure?: string }

export type AlertNotify = (tenant: string, event: AlertEvent, data: Record<string, unknown>) => void;

export interface AlertOptions {
  /** Series read per rule and evaluation (more are left out, and the rule says so). */
  maxSeries?: number;
  /** A TAGS rule's measure now: how many nodes lie downstream of the tag's carriers without it (null: no such tag). */
  untaggedDownstream?: (tenant: string, tag: string) => Promise<number | null>;
  /**
   * The runs that ran in pods (`namespace/pod`), with their windows (GpuQueryService.runsInPods): a GPU
   * alert on a pod is tied to the run still going in it, a training run Loom launched or any other.
   */
  runsInPods?: (tenant: string, pods: readonly string[]) => Promise<GpuDeviceRun[]>;
  /** The clock (tests). */
  now?: () => number;
}

const MAX_OPEN = 1000;
const ALERT_LIST_MAX = 1000;



export class AlertService {
  private readonly lock = new KeyedLock();
  private readonly maxSeries: number;
  private readonly now: () => number;
  private readonly untaggedDownstream: AlertOptions['untaggedDownstream'] | null;
  private readonly runsInPods: AlertOptions['runsInPods'] | null;

  constructor(
    private readonly graph: GraphStore,
    private readonly analytics: Analytics,
    private readonly notify: AlertNotify,
    private readonly tenants: () => Promise<string[]>,
    opts: AlertOptions = {},
  ) {
    this.maxSeries = opts.maxSeries ?? 500;
    this.untaggedDownstream = opts.untaggedDownstream ?? null;
    this.runsInPods = opts.runsInPods ?? null;
    this.now = opts.now ?? Date.now;
  }

  async create(actor: Actor, input: AlertRuleInput): Promise<AlertRule> {
    requireWrite(actor, 'create alert rules');
    const rule = checkRule(input);
    return this.lock.run(actor.tenant, async () => {
      if ((await this.list(actor.tenant)).length >= MAX_RULES) throw badInput('input.name', `a tenant has at most ${MAX_RULES} alert rules; delete one first`);
      const id = randomUUID();
      const { name, ...rest } = rule;
      await this.graph.write(actor.tenant, { nodes: [ruleNode(id, { ...rest, title: name, enabled: true, createdBy: actorProps(actor) })], edges: [] });
      return this.get(actor.tenant, id);
    });
  }

  /**
   * Replace a rule's definition (every field of `input`, as at creation). Its open alerts stay open and
   * are decided by the new definition at the next evaluation: one that no longer breaks it resolves, and
   * a series the rule no longer reads resolves for want of data.
   */
  async update(actor: Actor, id: string, input: AlertRuleInput): Promise<AlertRule> {
    requireWrite(actor, 'change alert rules');
    const rule = checkRule(input);
    return this.lock.run(actor.tenant, async () => {
      await this.live(actor.tenant, id);
      const { name, ...rest } = rule;
      await this.graph.write(actor.tenant, { nodes: [ruleNode(id, { ...rest, title: name, updatedBy: actorProps(actor) })], edges: [] });
      return this.get(actor.tenant, id);
    });
  }

  /** The tenant's rules (not deleted), by name. */
  async list(tenant: string): Promise<AlertRule[]> {
    const nodes = await this.graph.search(tenant, { text: '', kinds: ['AlertRule'], limit: MAX_RULES + 1 });
    return nodes.map(toRule).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /** One rule, deleted ones too (their alerts stay readable). Another tenant's id: NOT_FOUND. */
  async get(tenant: string, id: string): Promise<AlertRule> {
    if (typeof id !== 'string' || !id || id.includes('\u0000')) throw badInput('id', 'required');
    const [node] = await this.graph.getNodes(tenant, [alertRuleId(id)]);
    if (!node || node.kind !== 'AlertRule') throw notFound(`alert rule ${id}`);
    return toRule(node);
  }

  /** Pause or resume a rule. Pausing closes its open alerts (RESOLVED, RULE_DISABLED; notified when they were FIRING). */
  async setEnabled(actor: Actor, id: string, enabled: boolean): Promise<AlertRule> {
    requireWrite(actor, 'change alert rules');
    return this.lock.run(actor.tenant, async () => {
      const rule = await this.live(actor.tenant, id);
      const changes = enabled ? emptyChanges() : await this.closeAll(actor.tenant, rule, 'RULE_DISABLED');
      changes.nodes.push(ruleNode(rule.id, { enabled, ...(enabled ? {} : { disabledBy: actorProps(actor) }) }));
      await this.apply(actor.tenant, changes);
      return this.get(actor.tenant, id);
    });
  }

  /**
   * Silence a rule for `minutes` (1 to 10,080, a week; 0 ends the silence): its alerts are still
   * evaluated and recorded, but not sent. An alert that fired during the silence and still fires when
   * it ends is sent then; one resolved meanwhile is never sent. Resolutions of alerts already sent are sent.
   */
  async silence(actor: Actor, id: string, minutes: number): Promise<AlertRule> {
    requireWrite(actor, 'silence alert rules');
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 10_080) throw badInput('minutes', 'must be a whole number from 0 (end the silence) to 10,080 (a week)');
    return this.lock.run(actor.tenant, async () => {
      await this.live(actor.tenant, id);
      const silencedUntil = minutes ? new Date(this.now() + minutes * 60_000).toISOString() : null;
      await this.graph.write(actor.tenant, { nodes: [ruleNode(id, { silencedUntil, silencedBy: actorProps(actor) })], edges: [] });
      return this.get(actor.tenant, id);
    });
  }

  /** Delete a rule (a tombstone). Its open alerts close (RESOLVED, RULE_DELETED); its history stays readable by id. */
  async delete(actor: Actor, id: string): Promise<AlertRule> {
    requireWrite(actor, 'delete alert rules');
    return this.lock.run(actor.tenant, async () => {
      const rule = await this.live(actor.tenant, id);
      const changes = await this.closeAll(actor.tenant, rule, 'RULE_DELETED');
      changes.nodes.push(ruleNode(rule.id, { deletedAt: new Date(this.now()).toISOString(), deletedBy: actorProps(actor) }));
      await this.apply(actor.tenant, changes);
      return this.get(actor.tenant, id);
    });
  }

  /**
   * Alerts, newest first: of one rule, of one node (a run's GPU alerts, a job's failed runs), or of all the
   * tenant's rules; open ones (PENDING, FIRING) by default, closed ones too when `states` names them.
   * CANCELLED alerts are never listed.
   */
  async alerts(tenant: string, q: { ruleId?: string | null; nodeId?: string | null; states?: AlertState[] | null; first?: number | null } = {}): Promise<Alert[]> {
    const first = q.first ?? 100;
    if (!Number.isInteger(first) || first < 1 || first > ALERT_LIST_MAX) throw badInput('first', `must be 1..${ALERT_LIST_MAX}`);
    if (q.ruleId && q.nodeId) throw badInput('nodeId', 'give ruleId or nodeId, not both');
    const states = new Set<AlertState>(q.states?.length ? q.states : ['PENDING', 'FIRING']);
    const closed = states.has('RESOLVED');
    let pages: Page<Neighbour>[];
    if (q.nodeId) {
      // A run's or a job's alerts: their CONCERNS edges stay when they close.
      if (typeof q.nodeId !== 'string' || !q.nodeId.trim() || q.nodeId.includes('\u0000')) throw badInput('nodeId', 'required');
      pages = [await this.graph.neighbours(tenant, q.nodeId, { direction: 'UPSTREAM', edgeKinds: ['CONCERNS'], order: 'createdAt', limit: Math.min(ALERT_LIST_MAX, first * 4), offset: 0 })];
    } else {
      const rules = q.ruleId ? [await this.get(tenant, q.ruleId)] : await this.list(tenant);
      pages = await Promise.all(rules.map((r) => this.graph.neighbours(tenant, alertRuleId(r.id), {
        direction: 'DOWNSTREAM', edgeKinds: ['RAISED'], includeEnded: closed, order: 'createdAt', limit: first, offset: 0,
      })));
    }
    return pages.flatMap((p) => p.items.map((i) => i.node)).filter((n) => n.kind === 'Alert' && !n.validTo).map(toAlert)
      .filter((a) => states.has(a.state))
      .sort((a, b) => b.pendingSince.localeCompare(a.pendingSince) || b.id.localeCompare(a.id))
      .slice(0, first);
  }

  /** What a rule would see now, without writing anything: each series' value in the window and whether it breaks the threshold. */
  async preview(tenant: string, input: AlertRuleInput): Promise<Preview> {
    const rule = { ...checkRule(input), id: 'preview' } as AlertRule;
    const nowMs = this.now();
    const rows = await this.read(tenant, rule, nowMs);
    const current = rows.slice(0, this.maxSeries);
    const seen = new Set(current.map((r) => r.a_key));
    const silent = (await this.silentBefore(tenant, rule, nowMs)).filter((r) => !seen.has(r.a_key));
    return {
      from: new Date(nowMs - rule.windowSeconds * 1000).toISOString(), to: new Date(nowMs).toISOString(), truncated: rows.length > this.maxSeries,
      series: [
        ...current.map((r) => ({ labels: r.a_labels, value: Number(r.a_value), samples: Number(r.a_samples), breaching: breaches(rule, Number(r.a_value)) })),
        ...silent.map((r) => ({ labels: r.a_labels, value: null, samples: 0, breaching: true })),
      ],
    };
  }

  /** One evaluation of every tenant's enabled rules (the worker's tick). A tenant's failure does not stop the others. */
  async evaluateAll(): Promise<EvaluationSummary> {
    const total: EvaluationSummary = { tenants: 0, rules: 0, series: 0, fired: 0, resolved: 0, errors: 0 };
    for (const tenant of await this.tenants()) {
      let s: Omit<EvaluationSummary, 'tenants' | 'failure'>;
      try {
        s = await this.evaluateTenant(tenant);
      } catch (err) {
        total.errors++;
        total.failure ??= `${tenant}: ${err instanceof Error ? err.message : String(err)}`;
        continue;
      }
      if (!s.rules) continue;
      total.tenants++;
      for (const k of ['rules', 'series', 'fired', 'resolved', 'errors'] as const) total[k] += s[k];
    }
    return total;
  }

  /** One evaluation of a tenant's enabled rules: one graph write for all of them, then the notifications. */
  async evaluateTenant(tenant: string): Promise<Omit<EvaluationSummary, 'tenants' | 'failure'>> {
    return this.lock.run(tenant, async () => {
      const rules = (await this.list(tenant)).filter((r) => r.enabled);
      const summary = { rules: rules.length, series: 0, fired: 0, resolved: 0, errors: 0 };
      if (!rules.length) return summary;
      const nowMs = this.now();
      const at = new Date(nowMs).toISOString();
      const changes = emptyChanges();
      const inPod = new Map<string, Promise<string | null>>();
      const runOfPod = (labels: Record<string, string>) => {
        if (!labels.namespace || !labels.pod) return Promise.resolve(null);
        const pod = `${labels.namespace}/${labels.pod}`;
        if (!inPod.has(pod)) inPod.set(pod, this.runningIn(tenant, pod));
        return inPod.get(pod)!;
      };
      const jobOf = async (labels: Record<string, string>) => (nameable(labels.job_namespace ?? '', labels.job_name ?? '') ? nodeId('Job', labels.job_namespace!, labels.job_name!) : null);
      const groupOf = async (labels: Record<string, string>) => labels.group || null; // the group's node id
      const tagOf = async (labels: Record<string, string>) => (labels.tag ? tagId(labels.tag) : null);
      for (const rule of rules) {
        try {
          const rows = await this.read(tenant, rule, nowMs);
          const truncated = rows.length > this.maxSeries;
          const seen = rows.slice(0, this.maxSeries);
          const read = { rows: seen, before: await this.silentBefore(tenant, rule, nowMs), open: await this.open(tenant, rule.id) };
          const c = await ruleChanges(rule, read, nowMs, rule.source === 'GPU' ? runOfPod : rule.source === 'RUNS' ? jobOf : rule.source === 'FEATURES' ? groupOf : rule.source === 'TAGS' ? tagOf : null);
          changes.nodes.push(...c.nodes, ruleNode(rule.id, { lastEvaluatedAt: at, lastSeries: seen.length, lastTruncated: truncated, lastError: null }));
          changes.edges.push(...c.edges);
          changes.notes.push(...c.notes);
          summary.series += seen.length;
        } catch (err) {
          summary.errors++;
          changes.nodes.push(ruleNode(rule.id, { lastEvaluatedAt: at, lastError: err instanceof Error ? err.message.slice(0, 1000) : String(err) }));
        }
      }
      await this.apply(tenant, changes);
      summary.fired = changes.notes.filter((n) => n.event === 'ALERT_FIRING').length;
      summary.resolved = changes.notes.length - summary.fired;
      return summary;
    });
  }

  /** Rules with alertOnNoData: the series of the window before this one (those missing from this one have gone silent). */
  private async silentBefore(tenant: string, rule: AlertRule, nowMs: number): Promise<SignalRow[]> {
    return rule.alertOnNoData ? (await this.read(tenant, rule, nowMs - rule.windowSeconds * 1000)).slice(0, this.maxSeries) : [];
  }

  private async read(tenant: string, rule: AlertRule, nowMs: number): Promise<SignalRow[]> {
    if (rule.source === 'TAGS') return this.readTag(tenant, rule);
    const q = signalQuery(rule, msToNs(nowMs - rule.windowSeconds * 1000), msToNs(nowMs), this.maxSeries + 1);
    return this.analytics.query<SignalRow>(tenant, q.sql, q.params);
  }

  /** A TAGS rule's one series: its tag, valued by the graph now (none while the tag does not exist). */
  private async readTag(tenant: string, rule: AlertRule): Promise<SignalRow[]> {
    const tag = rule.labels.find((l) => l.key === 'tag')!.value;
    if (!this.untaggedDownstream) throw new Error('TAGS rules are not evaluated here (no tag reach wired)');
    const value = await this.untaggedDownstream(tenant, tag);
    return value === null ? [] : [{ a_key: `tag=${tag}`, a_labels: { tag }, a_value: value, a_samples: 1 }];
  }

  private async live(tenant: string, id: string): Promise<AlertRule> {
    const rule = await this.get(tenant, id);
    if (rule.deletedAt) throw notFound(`alert rule ${id}`);
    return rule;
  }

  /** The rule's open alerts by series key. */
  private async open(tenant: string, ruleId: string): Promise<Map<string, GraphNode>> {
    const page = await this.graph.neighbours(tenant, alertRuleId(ruleId), { direction: 'DOWNSTREAM', edgeKinds: ['RAISED'], limit: MAX_OPEN, offset: 0 });
    const open = page.items.filter((i) => i.node.kind === 'Alert' && (i.node.props.state === 'PENDING' || i.node.props.state === 'FIRING'));
    return new Map(open.map((i) => [String(i.node.props.key), i.node]));
  }

  private async closeAll(tenant: string, rule: AlertRule, reason: string): Promise<Changes> {
    const changes = emptyChanges();
    const at = new Date(this.now()).toISOString();
    for (const node of (await this.open(tenant, rule.id)).values()) {
      closeAlert(changes, rule, node, node.props.state === 'FIRING' ? 'RESOLVED' : 'CANCELLED', reason, at);
    }
    return changes;
  }

  /** The run still going in a pod (`namespace/pod`), the newest of those known to have run there; null when none. */
  private async runningIn(tenant: string, pod: string): Promise<string | null> {
    const runs = this.runsInPods ? await this.runsInPods(tenant, [pod]) : [];
    const going = runs.find((r) => r.endedAt === null); // newest first
    return going ? runNodeId(going.runId) : null;
  }

  /** Writes the changes (one transaction), then sends their notifications: none for a change that was not stored. */
  private async apply(tenant: string, changes: Changes): Promise<void> {
    if (changes.nodes.length || changes.edges.length) await this.graph.write(tenant, { nodes: changes.nodes, edges: changes.edges });
    for (const n of notifications(changes)) this.notify(tenant, n.event, n.data);
  }
}

