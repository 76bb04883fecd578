/**
 * Automated reports: a tenant's schedules, the reports they made, and the workers' part (`runDue`):
 * at every tick, each enabled schedule whose latest period has ended and has no report yet gets one,
 * composed (compose.ts), kept as a Report node (RECORDED from its schedule; its id names the period, so
 * a period has one report however many workers run) and sent to the tenant's webhooks (REPORT_READY).
 * A schedule makes no report for periods that ended before it existed.
 */
import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../ports/GraphStore.js';
import type { GraphNode } from '../model.js';
import { REGISTRY_NAMESPACE } from '../ids.js';
import { badInput, notFound } from '../errors.js';
import { KeyedLock } from '../keyed-lock.js';
import { actorProps, requireWrite, type Actor } from '../registry/actor.js';
import { composeReport, type ComposeDeps, type ReportContent } from './compose.js';
import {
  checkSchedule, checkSections, lastPeriod, MAX_SCHEDULES, reportId, reportScheduleId, scheduleNode, toSchedule,
  type ReportSchedule, type ReportScheduleInput,
} from './schedules.js';

export interface Report { id: string; scheduleId: string | null; name: string; from: string; to: string; generatedAt: string; content: ReportContent }
export type ReportNotify = (tenant: string, data: Record<string, unknown>) => void;
export interface RunSummary { tenants: number; reports: number; errors: number; failure?: string }

/** The longest period an on-demand report may cover. */
const MAX_ADHOC_DAYS = 92;
const MAX_REPORTS_LISTED = 200;

export class ReportService {
  private readonly lock = new KeyedLock();
  private readonly now: () => number;

  constructor(
    private readonly deps: ComposeDeps,
    private readonly notify: ReportNotify,
    private readonly tenants: () => Promise<string[]>,
    opts: { now?: () => number } = {},
  ) {
    this.now = opts.now ?? Date.now;
  }

  private get graph(): GraphStore { return this.deps.graph; }

  async createSchedule(actor: Actor, input: ReportScheduleInput): Promise<ReportSchedule> {
    requireWrite(actor, 'create report schedules');
    const s = checkSchedule(input);
    return this.lock.run(actor.tenant, async () => {
      if ((await this.schedules(actor.tenant)).length >= MAX_SCHEDULES) throw badInput('input.name', `a tenant has at most ${MAX_SCHEDULES} report schedules; delete one first`);
      const id = randomUUID();
      const { name, ...rest } = s;
      await this.graph.write(actor.tenant, { nodes: [scheduleNode(id, { ...rest, title: name, enabled: true, createdBy: actorProps(actor) })], edges: [] });
      return this.schedule(actor.tenant, id);
    });
  }

  /** Replace a schedule's definition (its reports stay); `enabled` pauses or resumes it. */
  async updateSchedule(actor: Actor, id: string, input: ReportScheduleInput & { enabled?: boolean | null }): Promise<ReportSchedule> {
    requireWrite(actor, 'change report schedules');
    const s = checkSchedule(input);
    return this.lock.run(actor.tenant, async () => {
      await this.live(actor.tenant, id);
      const { name, ...rest } = s;
      const enabled = input.enabled ?? undefined;
      await this.graph.write(actor.tenant, { nodes: [scheduleNode(id, { ...rest, title: name, ...(enabled === undefined ? {} : { enabled }), updatedBy: actorProps(actor) })], edges: [] });
      return this.schedule(actor.tenant, id);
    });
  }

  /** Ends a schedule (its reports stay readable). */
  async deleteSchedule(actor: Actor, id: string): Promise<ReportSchedule> {
    requireWrite(actor, 'delete report schedules');
    return this.lock.run(actor.tenant, async () => {
      await this.live(actor.tenant, id);
      await this.graph.write(actor.tenant, { nodes: [scheduleNode(id, { deletedAt: new Date(this.now()).toISOString(), deletedBy: actorProps(actor) })], edges: [] });
      return this.schedule(actor.tenant, id);
    });
  }

  /** The tenant's schedules (not deleted), by name. */
  async schedules(tenant: string): Promise<ReportSchedule[]> {
    const nodes = await this.graph.search(tenant, { text: '', kinds: ['ReportSchedule'], limit: MAX_SCHEDULES + 1 });
    return nodes.filter((n) => !n.validTo).map(toSchedule).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /** One schedule, deleted ones too. Another tenant's id: NOT_FOUND. */
  async schedule(tenant: string, id: string): Promise<ReportSchedule> {
    if (typeof id !== 'string' || !id || id.includes('\u0000')) throw badInput('id', 'required');
    const [node] = await this.graph.getNodes(tenant, [reportScheduleId(id)]);
    if (!node || node.kind !== 'ReportSchedule') throw notFound(`report schedule ${id}`);
    return toSchedule(node);
  }

  /** A schedule's reports, newest period first. */
  async reports(tenant: string, scheduleId: string, first = 20): Promise<Report[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_REPORTS_LISTED) throw badInput('first', `must be 1..${MAX_REPORTS_LISTED}`);
    await this.schedule(tenant, scheduleId);
    // Newest made first (a schedule's reports are made in period order), however many years it holds.
    const page = await this.graph.neighbours(tenant, reportScheduleId(scheduleId), { direction: 'DOWNSTREAM', edgeKinds: ['RECORDED'], order: 'createdAt', limit: first, offset: 0 });
    return page.items.map((i) => i.node).filter((n) => n.kind === 'Report').map(toReport).sort((a, b) => b.to.localeCompare(a.to));
  }

  async report(tenant: string, id: string): Promise<Report> {
    if (typeof id !== 'string' || !id || id.includes('\u0000')) throw badInput('id', 'required');
    const [node] = await this.graph.getNodes(tenant, [id]);
    if (!node || node.kind !== 'Report') throw notFound(`report ${id}`);
    return toReport(node);
  }

  /** A report of any period, now, kept nowhere (what a schedule would say; any role may read it). */
  async compose(tenant: string, from: string, to: string, sections?: readonly string[] | null): Promise<ReportContent> {
    const f = Date.parse(from);
    const t = Date.parse(to);
    if (Number.isNaN(f)) throw badInput('from', 'must be a date-time');
    if (Number.isNaN(t)) throw badInput('to', 'must be a date-time');
    if (t <= f) throw badInput('to', 'must be after from');
    if (t - f > MAX_ADHOC_DAYS * 86_400_000) throw badInput('to', `a report covers at most ${MAX_ADHOC_DAYS} days`);
    return composeReport(this.deps, tenant, new Date(f).toISOString(), new Date(t).toISOString(), checkSections('sections', sections));
  }

  /**
   * Make the report of a schedule's latest ended period now (editors, admins): composed again when it
   * exists (replaced: the same id), and sent to the webhooks.
   */
  async runNow(actor: Actor, id: string): Promise<Report> {
    requireWrite(actor, 'run report schedules');
    const s = await this.live(actor.tenant, id);
    return this.make(actor.tenant, s, lastPeriod(s, this.now()));
  }

  /** The workers' tick: every tenant's due reports. A tenant that fails does not stop the others. */
  async runDue(): Promise<RunSummary> {
    const summary: RunSummary = { tenants: 0, reports: 0, errors: 0 };
    for (const tenant of await this.tenants()) {
      summary.tenants++;
      try {
        for (const s of await this.schedules(tenant)) {
          if (!s.enabled) continue;
          const period = lastPeriod(s, this.now());
          if (period.to <= s.createdAt) continue; // ended before the schedule existed
          const [done] = await this.graph.getNodes(tenant, [reportId(s.id, period.to)]);
          if (done) continue;
          try {
            await this.make(tenant, s, period);
            summary.reports++;
          } catch (err) {
            summary.errors++;
            summary.failure ??= `${tenant}/${s.name}: ${(err as Error).message}`;
          }
        }
      } catch (err) {
        summary.errors++;
        summary.failure ??= `${tenant}: ${(err as Error).message}`;
      }
    }
    return summary;
  }

  private async make(tenant: string, s: ReportSchedule, period: { from: string; to: string }): Promise<Report> {
    const content = await composeReport(this.deps, tenant, period.from, period.to, s.sections);
    const id = reportId(s.id, period.to);
    const generatedAt = new Date(this.now()).toISOString();
    const name = `${s.name} ${period.to.slice(0, 10)}`;
    await this.graph.write(tenant, {
      nodes: [{ id, kind: 'Report', namespace: REGISTRY_NAMESPACE, name, props: { scheduleId: s.id, title: s.name, from: period.from, to: period.to, generatedAt, content } }],
      edges: [{ kind: 'RECORDED', from: reportScheduleId(s.id), to: id }],
    });
    const report: Report = { id, scheduleId: s.id, name, from: period.from, to: period.to, generatedAt, content };
    this.notify(tenant, { report: { id, schedule: s.name, scheduleId: s.id, from: period.from, to: period.to }, content });
    return report;
  }

  private async live(tenant: string, id: string): Promise<ReportSchedule> {
    const s = await this.schedule(tenant, id);
    if (s.deleted) throw notFound(`report schedule ${id}`);
    return s;
  }
}

function toReport(n: GraphNode): Report {
  const p = n.props;
  return {
    id: n.id, scheduleId: typeof p.scheduleId === 'string' ? p.scheduleId : null, name: n.name,
    from: String(p.from), to: String(p.to), generatedAt: String(p.generatedAt), content: p.content as ReportContent,
  };
}
