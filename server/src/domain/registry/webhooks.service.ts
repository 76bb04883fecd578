/**
 * Webhook subscriptions per tenant and the dispatch of registry events to them. The subscription
 * (URL, events) is a Webhook node in the tenant; its signing secret is kept in the system scope,
 * which no API key can read, so the generic `node` query never shows it. A `mailto:` URL is an email
 * destination (format EMAIL), sent through the Mailer when an SMTP server is configured.
 *
 * Delivery starts after the change is committed: one job per webhook and event on the job queue
 * (`webhooks.deliver`), which a worker runs (bounded retries inside, see webhook-delivery.ts), so with
 * BullMQ a delivery outlives the process that made the change, and one a stopping worker abandoned is
 * run again (the same delivery id: receivers de-duplicate on it). Without a queue (the CLI), in the
 * background of this process. Each outcome is recorded in the analytics store (`webhook_deliveries`),
 * so every process lists the same recent deliveries.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { GraphStore } from '../ports/GraphStore.js';
import type { GraphNode } from '../model.js';
import { REGISTRY_NAMESPACE, webhookId } from '../ids.js';
import { badInput, notFound } from '../errors.js';
import { SYSTEM_TENANT } from '../tenancy/tenancy.service.js';
import { actorProps, requireAdmin, type Actor } from './actor.js';
import { checkText } from './validate.js';
import { deliver, deliverEmail, DEFAULT_RETRY, type DeliveryResult, type RetryPolicy, type StillWanted } from './webhook-delivery.js';
import { EMAIL_FORMAT, emailText, slackText, WEBHOOK_FORMATS } from './webhook-format.js';
import { NO_EXTENSIONS, type Extensions, type WebhookEnvelope } from '../ports/Extensions.js';
import type { Mailer } from '../ports/Mailer.js';
import type { Analytics } from '../ports/Analytics.js';
import type { JobQueue, QueuePayloads } from '../ports/JobQueue.js';
import { ALERT_SEVERITIES } from '../alerts/rules.js';
import {
  DELIVERIES_SQL, LIST_DELIVERIES, PENDING_SQL, RECOVER_WITHIN_MS, outcomeRow, pendingJob, pendingRow, toRecord, type DeliveryRecord, type StoredDelivery,
} from './webhook-records.js';

export const WEBHOOK_EVENTS = [
  'MODEL_VERSION_REGISTERED', 'MODEL_VERSION_STAGE_CHANGED', 'MODEL_ALIAS_CHANGED', 'PROMPT_VERSION_CREATED', 'PROMPT_LABEL_CHANGED',
  // an alert rule's alert started firing / resolved (domain/alerts)
  'ALERT_FIRING', 'ALERT_RESOLVED',
  // a dataset's writer reported a schema other than the graph's (domain/openlineage/schema-changes.ts)
  'DATASET_SCHEMA_CHANGED',
  // a report schedule's report of a period was made (domain/reports)
  'REPORT_READY',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What `test` sends: no webhook subscribes to it. */
const TEST_EVENT = 'WEBHOOK_TEST';
export type Notify = (tenant: string, event: WebhookEvent, data: Record<string, unknown>) => void;

const CACHE_MS = 30_000;
const MAX_WEBHOOKS = 100;
const MAX_RECIPIENTS = 20;
const secretNodeId = (tenant: string, id: string) => `webhooksecret::${tenant}/${id}`;
/** An address as a mail server takes it in an envelope: local@domain.tld, without spaces, brackets or separators. */
const ADDRESS = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\].]+$/;
/** The recipients of a `mailto:` URL (comma-separated, as RFC 6068 writes several). */
const recipients = (url: URL) => decodeURIComponent(url.pathname).split(',').map((a) => a.trim()).filter(Boolean);

export class WebhookService {
  private readonly cache = new Map<string, { hooks: GraphNode[]; until: number }>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly stop = new AbortController();

  constructor(
    private readonly graph: GraphStore, private readonly analytics: Analytics, private readonly policy: RetryPolicy = DEFAULT_RETRY,
    private readonly extensions: Extensions = NO_EXTENSIONS, private readonly mailer: Mailer | null = null,
    private readonly queue: JobQueue | null = null,
  ) {}

  /** LOOM, SLACK, EMAIL (with an SMTP server) and the formats plugins offer. */
  formats(): string[] {
    return [...WEBHOOK_FORMATS, ...(this.mailer ? [EMAIL_FORMAT] : []), ...this.extensions.webhookFormatNames()];
  }

  /** `minSeverity`: the alerts it takes (ALERT_FIRING, ALERT_RESOLVED) are those of rules this severe or more; other events unaffected. */
  async create(actor: Actor, input: { url: string; events?: string[] | null; secret?: string | null; description?: string | null; format?: string | null; minSeverity?: string | null }): Promise<{ webhook: GraphNode; secret: string }> {
    requireAdmin(actor, 'manage webhooks');
    const URL_RULE = 'must be an absolute http(s) URL, or mailto:<address>[,<address>…] for email';
    let url: URL;
    try { url = new URL(input.url); } catch { throw badInput('input.url', URL_RULE); }
    if (url.protocol === 'mailto:') url = this.emailDestination(url, input.format);
    else if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput('input.url', URL_RULE);
    else if (input.format === EMAIL_FORMAT) throw badInput('input.format', 'EMAIL takes a mailto: URL');
    // Left out: every event; an empty list would subscribe to none (a destination muted is deleted or filtered by severity).
    if (input.events && !input.events.length) throw badInput('input.events', 'name at least one event, or leave it out for all');
    const events = input.events?.length ? input.events : [...WEBHOOK_EVENTS];
    events.forEach((e, i) => { if (!WEBHOOK_EVENTS.includes(e as WebhookEvent)) throw badInput(`input.events[${i}]`, `must be one of ${WEBHOOK_EVENTS.join(', ')}`); });
    const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
    if (secret.length < 16 || secret.length > 200) throw badInput('input.secret', 'must be 16-200 characters');
    const format = url.protocol === 'mailto:' ? EMAIL_FORMAT : input.format ?? 'LOOM';
    if (!this.formats().includes(format)) throw badInput('input.format', `must be one of ${this.formats().join(', ')}`);
    const minSeverity = input.minSeverity ?? null;
    if (minSeverity !== null && !(ALERT_SEVERITIES as readonly string[]).includes(minSeverity)) throw badInput('input.minSeverity', `must be one of ${ALERT_SEVERITIES.join(', ')}`);
    if ((await this.list(actor.tenant)).length >= MAX_WEBHOOKS) throw badInput('input.url', `a tenant has at most ${MAX_WEBHOOKS} webhooks`);
    const id = randomUUID();
    const props = { url: url.toString(), events, format, minSeverity, description: checkText('input.description', input.description, 1000) ?? null, secretHint: `…${secret.slice(-4)}`, createdBy: actorProps(actor) };
    // The secret first: a webhook is never visible without the secret to sign with.
    await this.graph.write(SYSTEM_TENANT, { nodes: [{ id: secretNodeId(actor.tenant, id), kind: 'Webhook', namespace: actor.tenant, name: id, props: { secret } }], edges: [] });
    await this.graph.write(actor.tenant, { nodes: [{ id: webhookId(id), kind: 'Webhook', namespace: REGISTRY_NAMESPACE, name: id, props }], edges: [] });
    this.cache.delete(actor.tenant);
    return { webhook: (await this.graph.getNodes(actor.tenant, [webhookId(id)]))[0]!, secret };
  }

  /** A `mailto:` URL checked (an SMTP server configured; 1-20 addresses) and written plainly (`mailto:a@x.org,b@y.org`). */
  private emailDestination(url: URL, format: string | null | undefined): URL {
    if (!this.mailer) throw badInput('input.url', 'email needs an SMTP server: set LOOM_SMTP_URL (and LOOM_SMTP_FROM) where Loom runs, then add the address again');
    if (format && format !== EMAIL_FORMAT) throw badInput('input.format', 'a mailto: URL takes EMAIL');
    if (url.search || url.hash) throw badInput('input.url', 'a mailto: URL names its addresses only (no ?subject= or #)');
    const to = recipients(url);
    if (to.length === 0 || to.length > MAX_RECIPIENTS) throw badInput('input.url', `must name 1 to ${MAX_RECIPIENTS} addresses, comma-separated`);
    const bad = to.find((a) => !ADDRESS.test(a));
    if (bad !== undefined) throw badInput('input.url', `${JSON.stringify(bad)} is not an email address`);
    return new URL(`mailto:${to.join(',')}`);
  }

  /** The tenant's webhook `id` as it is now; null when there is none or it was deleted. */
  private async live(tenant: string, id: string): Promise<GraphNode | null> {
    const [hook] = await this.graph.getNodes(tenant, [webhookId(id)]);
    return hook && hook.kind === 'Webhook' && !hook.validTo ? hook : null;
  }

  /** Ends the subscription (a tombstone: its history stays readable by id). */
  async delete(actor: Actor, id: string): Promise<GraphNode> {
    requireAdmin(actor, 'manage webhooks');
    const hook = await this.live(actor.tenant, id);
    if (!hook) throw notFound(`webhook ${id}`);
    await this.graph.write(actor.tenant, { nodes: [{ id: hook.id, kind: 'Webhook', namespace: REGISTRY_NAMESPACE, name: hook.name, props: { deletedAt: new Date().toISOString(), deletedBy: actorProps(actor) } }], edges: [] });
    this.cache.delete(actor.tenant);
    return (await this.graph.getNodes(actor.tenant, [hook.id]))[0]!;
  }

  async list(tenant: string): Promise<GraphNode[]> {
    const cached = this.cache.get(tenant);
    if (cached && cached.until > performance.now()) return cached.hooks;
    const hooks = (await this.graph.search(tenant, { text: '', kinds: ['Webhook'], limit: MAX_WEBHOOKS })).filter((h) => !h.validTo);
    this.cache.set(tenant, { hooks, until: performance.now() + CACHE_MS });
    return hooks;
  }

  /** Whether any webhook of the tenant takes `event` (from the cached list: no read most of the time). */
  async subscribed(tenant: string, event: WebhookEvent): Promise<boolean> {
    return (await this.list(tenant)).some((h) => (h.props.events as string[]).includes(event));
  }

  /** Recent deliveries of one webhook, newest first (the last 20, from every process). */
  async deliveries(tenant: string, id: string): Promise<DeliveryRecord[]> {
    const rows = await this.analytics.query<StoredDelivery>(tenant, DELIVERIES_SQL, { hook: id, limit: LIST_DELIVERIES });
    return rows.map((r) => toRecord(id, r));
  }

  /**
   * At a start (a process that runs the workers): the tenants' deliveries still PENDING from the last
   * day, queued again (the same delivery ids: a job still waiting or running is not doubled). The
   * in-process queue forgets its jobs at a stop; BullMQ keeps them, and this finds nothing more. Returns how many.
   */
  async recover(tenants: readonly string[]): Promise<number> {
    let n = 0;
    for (const tenant of tenants) {
      const rows = await this.analytics.query<{ webhook_id: string; delivery_id: string; event: string; payload: string }>(tenant, PENDING_SQL, { since: Date.now() - RECOVER_WITHIN_MS });
      for (const r of rows) {
        await this.enqueue(pendingJob(tenant, r));
        n++;
      }
    }
    return n;
  }

  /**
   * Send a test event to one webhook now (admin), once, without retries, so the person asking sees what
   * the destination answered (a Slack channel, a mailbox, a receiver's signature check); recorded with
   * its other deliveries.
   */
  async test(actor: Actor, id: string): Promise<DeliveryRecord> {
    requireAdmin(actor, 'test webhooks');
    const hook = await this.live(actor.tenant, id);
    if (!hook) throw notFound(`webhook ${id}`);
    const data = { actor: actor.name ?? actor.role, events: hook.props.events };
    const job = { tenant: actor.tenant, webhookId: hook.name, deliveryId: randomUUID(), event: TEST_EVENT, occurredAt: new Date().toISOString(), data };
    return (await this.deliverJob(job, AbortSignal.any([this.stop.signal, AbortSignal.timeout(60_000)]), { ...this.policy, maxAttempts: 1 }))!;
  }

  /** Send an event to every subscribed webhook of the tenant, in the background. */
  readonly notify: Notify = (tenant, event, data) => this.notifyWith(tenant, event, async () => data);

  /**
   * As notify, the data built only if a webhook takes the event (for data that costs a read, such as
   * an impact analysis), as part of the delivery (idle() waits for it).
   */
  readonly notifyWith = (tenant: string, event: WebhookEvent, build: () => Promise<Record<string, unknown>>): void => {
    const work = this.dispatch(tenant, event, build).catch(() => undefined);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  };

  private async dispatch(tenant: string, event: WebhookEvent, build: () => Promise<Record<string, unknown>>): Promise<void> {
    const subscribed = (await this.list(tenant)).filter((h) => (h.props.events as string[]).includes(event));
    if (!subscribed.length) return;
    const data = await build();
    const hooks = subscribed.filter((h) => takesAlert(h, event, data));
    if (!hooks.length) return;
    const occurredAt = new Date().toISOString();
    const jobs: QueuePayloads['webhooks.deliver'][] = hooks.map((hook) => ({ tenant, webhookId: hook.name, deliveryId: randomUUID(), event, occurredAt, data }));
    // Recorded first: a delivery the queue then loses (the in-process one, at a stop) is sent at the next start (recover).
    await this.record(jobs.map(pendingRow));
    await Promise.all(jobs.map((job) => this.enqueue(job)));
  }

  private async enqueue(job: QueuePayloads['webhooks.deliver']): Promise<void> {
    if (this.queue) await this.queue.add('webhooks.deliver', job.deliveryId, job);
    else await this.deliverJob(job, this.stop.signal);
  }

  /**
   * One delivery (a `webhooks.deliver` job): the webhook as it is now (none: deleted since, nothing
   * sent), its body in its format, sent with retries, the outcome recorded. `signal`: stop retrying
   * (a worker shutting down; the job goes back to the queue and runs again, the same delivery).
   */
  async deliverJob(job: QueuePayloads['webhooks.deliver'], signal: AbortSignal, policy: RetryPolicy = this.policy): Promise<DeliveryRecord | null> {
    const { tenant, webhookId: name, deliveryId: id, event } = job;
    // Read, not taken from this process's cached list: a worker's may predate a webhook another process just made.
    const hook = await this.live(tenant, name);
    const [secretNode] = hook ? await this.graph.getNodes(SYSTEM_TENANT, [secretNodeId(tenant, name)]) : [];
    const secret = secretNode?.props.secret;
    if (!hook || typeof secret !== 'string') {
      // Deleted since the event: nothing is sent, and the delivery is no longer pending.
      await this.record([outcomeRow(job, { ok: false, attempts: 0, status: null, error: 'not sent: the webhook was deleted' }, Date.now())]);
      return null;
    }
    const envelope: WebhookEnvelope = { id, event, tenant, occurredAt: job.occurredAt, webhook: name, data: job.data };
    let result: DeliveryResult;
    // Before each retry: deleted meanwhile (here or by another process), it is sent no more.
    const wanted = async () => (await this.live(tenant, name)) !== null;
    try {
      const format = String(hook.props.format ?? 'LOOM');
      if (format === EMAIL_FORMAT) result = await this.email(hook, envelope, policy, signal, wanted);
      else result = await deliver({ id, url: String(hook.props.url), secret, event, ...await this.body(format, envelope) }, policy, signal, wanted);
    } catch (err) {
      // A plugin's format failed (or is no longer loaded): nothing was sent; the delivery says why.
      result = { ok: false, attempts: 0, status: null, error: err instanceof Error ? err.message : String(err) };
    }
    if (signal.aborted && !result.ok) throw new Error('stopped while delivering: the delivery runs again');
    const row = outcomeRow(job, result, Date.now());
    await this.record([row]);
    return { ...result, id, webhookId: name, event, at: String(row.at), state: result.ok ? 'DELIVERED' : 'FAILED' };
  }

  /**
   * Records deliveries, and never stops one for it: an analytics store that refuses the write (a full
   * disk, a ClickHouse server away) must not keep alerts from their destinations, nor have a delivery
   * made twice because its outcome could not be written. Such a delivery is missing from the list (and
   * one whose PENDING record stays may be sent again at the next start: receivers de-duplicate on its id).
   */
  private async record(rows: Record<string, unknown>[]): Promise<void> {
    await this.analytics.insert('webhook_deliveries', rows).catch(() => undefined);
  }

  /** An email destination's message, sent (and sent again) as a webhook's POST would be. */
  private async email(hook: GraphNode, e: WebhookEnvelope, policy: RetryPolicy, signal: AbortSignal, wanted: StillWanted): Promise<DeliveryResult> {
    if (!this.mailer) return { ok: false, attempts: 0, status: null, error: 'not sent: no SMTP server is configured (LOOM_SMTP_URL)' };
    const { subject, text } = emailText(e.event, e.tenant, e.data, hook.name);
    const to = recipients(new URL(String(hook.props.url)));
    return deliverEmail(this.mailer, { to, subject, text, headers: { 'X-Loom-Event': e.event, 'X-Loom-Delivery': e.id } }, policy, signal, wanted);
  }

  private async body(format: string, envelope: WebhookEnvelope): Promise<{ body: string; contentType?: string; headers?: Record<string, string> }> {
    if (format === 'LOOM') return { body: JSON.stringify(envelope) };
    if (format === 'SLACK') return { body: JSON.stringify({ text: slackText(envelope.event, envelope.tenant, envelope.data) }) };
    return this.extensions.formatWebhook(format, envelope);
  }

  /** Resolves when every delivery started so far has finished (or given up), queued ones included. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
    if (!this.queue) return;
    for (;;) {
      const c = await this.queue.counts('webhooks.deliver');
      if (c.waiting + c.active + c.delayed === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stop retrying (shutdown). */
  close(): void {
    this.stop.abort();
  }
}

/** Whether a webhook takes this event's alerts: any event but ALERT_*, or a rule at least as severe as its `minSeverity`. */
export function takesAlert(hook: Pick<GraphNode, 'props'>, event: string, data: Record<string, unknown>): boolean {
  const min = hook.props.minSeverity;
  if (typeof min !== 'string' || (event !== 'ALERT_FIRING' && event !== 'ALERT_RESOLVED')) return true;
  const rank = (s: unknown) => (ALERT_SEVERITIES as readonly unknown[]).indexOf(s);
  return rank((data.rule as { severity?: unknown } | undefined)?.severity) >= rank(min);
}
