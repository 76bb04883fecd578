import type { IngestLog } from '../ports/IngestLog.js';
import { isUnavailable, refusedAlone, unavailable } from '../errors.js';
import { SerialLoop } from '../serial-loop.js';
import { cuttableWait } from '../cuttable-wait.js';
import { batchEvents, batchResult, fulfilled, settle, type BatchResult, type IngestResult, type LineageIngestService, type LineageReceiver, type PlacedEvent } from './lineage-ingest.service.js';
import { eventRefs, type ArchivedEvent, type EventRefs, type LineageEventArchive } from './event-archive.js';

export interface LoggedIngestOptions {
  /** Events answered but not yet in the graph beyond which a new one waits for room (and after `roomWaitMs`, 503). */
  maxBacklog: number;
  /** Most events written to the graph at once. */
  applyChunk: number;
  /**
   * How long after its answer an event may wait for more before an idle graph writer takes it (cut
   * short by a reader waiting for it, a full chunk, or shutdown); events that waited that long while
   * the writer was busy go at once. Fewer, larger transactions: each costs the same statements and
   * COMMIT whatever it holds.
   */
  lingerMs: number;
  roomWaitMs: number;
  /**
   * An answered event the graph or the archive (`where`) refused for good (a bug: it passed validation);
   * it is left out of that store and reported here.
   */
  onDropped: (err: unknown, tenant: string, event: unknown, where: 'graph' | 'archive') => void;
  /** The graph could not take a group now (overload); it is tried again. */
  onRetry: (err: unknown) => void;
}

/**
 * An answered event on its way to the graph and the archive. `json`: the event serialised, as the log
 * has it (the archive stores that text); `body`: the event itself, kept only where there is no `json`
 * (events read back from the log): a parsed event is a tree of many small objects, and hundreds of
 * them waiting at once made every young-generation collection copy them; `refs`: what the archive
 * files it under. `answeredAt`: epoch ms.
 */
interface Queued { seq: number; tenant: string; writer?: string; body?: unknown; json?: string; refs?: EventRefs; placed: PlacedEvent | null; answeredAt: number }

/** The event as received (parsed again from its text, for the rare event placed again or dropped). */
const eventOf = (q: Queued): unknown => (q.json === undefined ? q.body : JSON.parse(q.json));

const RETRY_MS = [50, 200, 1_000, 5_000];
/** Chunks handed to the graph at once. */
const PIPELINE = 2;
/**
 * The archive takes answered events up to this many an INSERT, at most this long after they were
 * answered (sooner when a reader waits for them). An INSERT costs ~10 ms of CPU whatever it holds: one
 * per graph group (~40 events in a 16-client stream) took 3,000 events' archiving from ~0.25 s to ~1 s.
 */
const ARCHIVE_BATCH = 5_000;
const ARCHIVE_LINGER_MS = 200;
/** Events answered but not archived, as a multiple of the graph's backlog (the archive lingers, the graph does not). */
const ARCHIVE_BACKLOG = 4;
/** Failures of a group, not for want of the store, after which its events are tried alone (archiveAlone). */
const ARCHIVE_TRIES = 3;
/** What /metrics reports of the answered events on their way to the graph and the archive. */
export interface LineageBacklog { waiting: number; lagMs: number; dropped: number }

const summary = (p: PlacedEvent): IngestResult => ({ kind: p.kind, nodes: p.batch.nodes.length, edges: p.batch.edges.length });

/**
 * OpenLineage ingest that answers once an event is in the ingest log (on disk), not once it is in
 * the graph: the graph then takes the answered events in large groups. A 16-client closed loop of
 * single events otherwise commits ~8 events a transaction, and a transaction's fixed cost is about
 * four events' worth; written hundreds at a time the same events go in at the batch endpoint's rate.
 * Reads stay exact: `visible(tenant)` resolves once every event answered for the tenant before the
 * call is in the graph, and every read of the graph waits for it (visibleGraph). Events are
 * validated and mapped before they are answered, so a bad one still gets its 400 and is not logged.
 * After a crash, `recover()` writes the events the log holds beyond its applied mark (writes are
 * idempotent, so one written twice changes nothing).
 * With an archive, the answered events go there too, in large groups of their own (archiveLoop), and
 * the log's mark is the lower of the two: what is in both the graph and the archive.
 */
export class LoggedLineageIngest implements LineageReceiver {
  private readonly queue: Queued[] = [];
  /** Events given room (room()) and on their way into the log. */
  private reserved = 0;
  /** Every event up to this sequence number is in the graph (or was dropped). */
  private appliedSeq = 0;
  /** The last answered event of each tenant, and of each writer of a tenant (`tenant\0writer`). */
  private readonly answered = new Map<string, number>();
  private visibleWaiters: { seq: number; resolve: () => void }[] = [];
  private roomWaiters: (() => void)[] = [];
  private readonly applying = new SerialLoop(() => this.apply(), () => this.queue.length > this.taken && !this.stalled && !this.closed);
  /** Queued events handed to the graph (the first ones of the queue). */
  private taken = 0;
  /** Set when shutting down left events unwritten: nothing more is marked (the next start writes them). */
  private stalled = false;
  private closed = false;
  /** Answered events not yet in the archive, in order; every event up to `archivedSeq` is in it. */
  private unarchived: Queued[] = [];
  private archivedSeq = 0;
  private archiveWaiters: { seq: number; resolve: () => void }[] = [];
  private readonly archiving = new SerialLoop(() => this.archiveLoop(), () => this.unarchived.length > 0 && !this.archiveStalled);
  private archiveStalled = false;
  private cutArchiveWait: (() => void) | null = null;
  private cutGraphWait: (() => void) | null = null;
  /** Answered events the graph or the archive refused for good (onDropped). */
  private dropped = 0;

  constructor(
    private readonly direct: LineageIngestService,
    private readonly log: IngestLog,
    private readonly opts: LoggedIngestOptions,
    private readonly archive: LineageEventArchive | null = null,
  ) {}

  /** At start, before serving: writes the events answered but not yet in the graph when the process stopped. Returns how many. */
  async recover(): Promise<number> {
    const pending = this.log.unapplied();
    if (pending.length === 0) return 0;
    this.appliedSeq = this.archivedSeq = pending[0].seq - 1;
    this.enqueue(pending.map((r) => ({ seq: r.seq, tenant: r.tenant, body: r.event, placed: null, answeredAt: Date.now() })), false);
    await Promise.all([...new Set(pending.map((r) => r.tenant))].map((t) => this.visible(t)));
    return pending.length;
  }

  /** One event: answered once it is in the log. `writer`: who sent it (visible()). */
  async ingest(tenant: string, body: unknown, writer?: string, namespaces?: readonly string[]): Promise<IngestResult> {
    const placed = namespaces ? fulfilled((await this.direct.placeScoped(tenant, [body], namespaces))[0]) : this.direct.place(tenant, body);
    await this.room(1);
    const json = JSON.stringify(body); // once, for the log and the archive
    const [seq] = await this.appended([{ tenant, event: body, json }]);
    this.enqueue([{ seq, tenant, writer, json, refs: placed.refs ?? this.refsOf(body), placed, answeredAt: Date.now() }]);
    return summary(placed);
  }

  /** The spec's batch: every valid event is logged (together), every invalid one answered with its reason. */
  async ingestBatch(tenant: string, body: unknown, writer?: string, namespaces?: readonly string[]): Promise<BatchResult> {
    const events = batchEvents(body);
    const placed = namespaces ? await this.direct.placeScoped(tenant, events, namespaces) : events.map((e) => settle(() => this.direct.place(tenant, e)));
    const valid = placed.flatMap((s, i) => (s.status === 'fulfilled' ? [{ body: events[i], placed: s.value }] : []));
    if (valid.length) {
      await this.room(valid.length);
      const entries = valid.map((v) => ({ tenant, event: v.body, json: JSON.stringify(v.body) }));
      const seqs = await this.appended(entries);
      this.enqueue(valid.map((v, i) => ({ seq: seqs[i], tenant, writer, json: entries[i].json, refs: v.placed.refs ?? this.refsOf(v.body), placed: v.placed, answeredAt: Date.now() })));
    }
    return batchResult(placed);
  }

  /**
   * Resolves once the events answered so far are in the graph: those `reader` sent (read-your-writes:
   * another client's reads do not wait for a backfill), or without a reader every one of the tenant's.
   */
  visible(tenant: string, reader?: string): Promise<void> {
    const seq = this.answered.get(reader === undefined ? tenant : `${tenant}\u0000${reader}`) ?? 0;
    if (seq <= this.appliedSeq) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.visibleWaiters.push({ seq, resolve }));
    this.cutGraphWait?.();
    return done;
  }

  /** Resolves once the events answered so far are in the archive: those `reader` sent, or without a reader every one of the tenant's. */
  archived(tenant: string, reader?: string): Promise<void> {
    const seq = this.answered.get(reader === undefined ? tenant : `${tenant}\u0000${reader}`) ?? 0;
    if (!this.archive || seq <= this.archivedSeq) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.archiveWaiters.push({ seq, resolve }));
    this.cutArchiveWait?.();
    return done;
  }

  /** What the archive files an event under, taken now so the event itself need not wait for the archive. */
  private refsOf(body: unknown): EventRefs | undefined {
    return this.archive ? eventRefs(body) : undefined;
  }

  /** Answered events not yet in the graph, how long the oldest has waited, and how many the graph or the archive refused for good since start (for /metrics). */
  stats(): LineageBacklog {
    return { waiting: this.queue.length, lagMs: this.queue.length ? Date.now() - this.queue[0].answeredAt : 0, dropped: this.dropped };
  }

  /** Writes every answered event to the graph and the archive, then closes the log. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.roomWaiters.splice(0)) w();
    this.cutGraphWait?.();
    this.cutArchiveWait?.();
    await Promise.all([this.applying.idle(), this.archiving.idle()]);
    await this.log.close();
  }

  /** Room in the backlog for `n` more events, taken at once (a batch larger than the backlog goes when it is empty). */
  private async room(n: number): Promise<void> {
    const backlog = () => this.queue.length + this.reserved;
    const unarchived = () => this.unarchived.length + this.reserved;
    const fits = () => (backlog() === 0 && unarchived() === 0) || (backlog() + n <= this.opts.maxBacklog && unarchived() + n <= this.opts.maxBacklog * ARCHIVE_BACKLOG);
    const deadline = performance.now() + this.opts.roomWaitMs;
    while (!fits()) {
      if (this.closed) throw unavailable('the lineage ingest is shutting down', 5);
      const left = deadline - performance.now();
      if (left <= 0) throw unavailable(`the lineage ingest is saturated (${backlog()} events waiting for the graph, ${unarchived()} for the archive); retry shortly`, 1);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.roomWaiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
    this.reserved += n;
  }

  /** Appends events given room; their room passes to the queue (enqueue), or back when the log refuses them. */
  private async appended(entries: { tenant: string; event: unknown; json: string }[]): Promise<number[]> {
    try {
      return await this.log.append(entries);
    } catch (err) {
      this.reserved -= entries.length;
      throw err;
    }
  }

  /** `reserved`: the items had room (room()). */
  private enqueue(items: Queued[], reserved = true): void {
    if (reserved) this.reserved -= items.length;
    for (const q of items) {
      this.queue.push(q);
      if (this.archive) this.unarchived.push(q);
      for (const key of q.writer === undefined ? [q.tenant] : [q.tenant, `${q.tenant}\u0000${q.writer}`]) {
        this.answered.set(key, Math.max(this.answered.get(key) ?? 0, q.seq));
      }
    }
    if (this.queue.length - this.taken >= this.opts.applyChunk) this.cutGraphWait?.();
    this.applying.kick();
    this.archiving.kick();
  }

  /**
   * A chunk at a time, the next one handed to the graph while the one before commits (the store then
   * has the next group ready as soon as a transaction ends, instead of waiting for this loop). A
   * chunk the graph cannot take now is tried again; the mark moves in order and never past an event
   * not written.
   */
  private async apply(): Promise<void> {
    const inFlight: Promise<void>[] = [];
    const more = () => this.queue.length > this.taken && !this.stalled;
    while (more() || inFlight.length) {
      // Idle: events the writer took none of yet wait at most lingerMs from their answer (a busy writer's backlog goes at once).
      const linger = inFlight.length ? 0 : this.opts.lingerMs - (Date.now() - this.queue[this.taken].answeredAt);
      if (linger > 0 && !this.closed && !this.visibleWaiters.length && this.queue.length - this.taken < this.opts.applyChunk) {
        await cuttableWait(linger, (cut) => (this.cutGraphWait = cut));
      }
      if (more() && inFlight.length < PIPELINE) {
        const chunk = this.queue.slice(this.taken, this.taken + this.opts.applyChunk);
        this.taken += chunk.length;
        const before = inFlight.at(-1);
        inFlight.push(this.writeAll(chunk).then(async (written) => {
          await before;
          if (!written) this.stalled = true;
          if (!this.stalled) this.mark(chunk.length);
        }));
        continue;
      }
      await inFlight.shift();
    }
  }

  /** Writes a chunk, again and again for the events the graph cannot take now; false when shutting down before they went in. */
  private async writeAll(chunk: Queued[]): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      const retry = await this.write(chunk);
      if (retry.length === 0) return true;
      // Shutting down with the graph refusing: the log keeps them (the mark stays before them) for the next start.
      if (this.closed) return false;
      this.opts.onRetry(retry[0].err);
      for (const r of retry) r.item.placed = null; // placed again: its batch gained history edges in the failed write
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      chunk = retry.map((r) => r.item);
    }
  }

  /** The first `n` queued events are in the graph. */
  private mark(n: number): void {
    const done = this.queue.splice(0, n);
    this.taken -= n;
    this.appliedSeq = Math.max(this.appliedSeq, done[done.length - 1].seq);
    this.markLog();
    this.visibleWaiters = this.visibleWaiters.filter((w) => (w.seq <= this.appliedSeq ? (w.resolve(), false) : true));
  }

  /** The log may let go of what is in the graph and, with an archive, in the archive too. */
  private markLog(): void {
    this.log.applied(this.archive ? Math.min(this.appliedSeq, this.archivedSeq) : this.appliedSeq);
    for (const w of this.roomWaiters.splice(0)) w();
  }

  /**
   * Answered events into the archive, up to ARCHIVE_BATCH an INSERT, ARCHIVE_LINGER_MS after they come
   * (at once when a reader waits, the batch is full or the ingest closes). A failure is tried again;
   * when shutting down the log keeps what is not archived for the next start.
   */
  private async archiveLoop(): Promise<void> {
    let lastError: unknown = null;
    for (let failures = 0; this.unarchived.length > 0;) {
      const wait = failures ? RETRY_MS[Math.min(failures, RETRY_MS.length) - 1]
        : this.closed || this.archiveWaiters.length || this.unarchived.length >= ARCHIVE_BATCH ? 0 : ARCHIVE_LINGER_MS;
      if (wait) await this.archiveWait(wait);
      const batch = this.unarchived.slice(0, ARCHIVE_BATCH);
      try {
        await (failures >= ARCHIVE_TRIES && !isUnavailable(lastError) ? this.archiveAlone(batch) : this.archiveBatch(batch));
      } catch (err) {
        lastError = err;
        if (this.closed) {
          this.archiveStalled = true;
          return;
        }
        failures++;
        this.opts.onRetry(err);
        continue;
      }
      failures = 0;
      this.unarchived.splice(0, batch.length);
      this.archivedSeq = batch[batch.length - 1].seq;
      this.markLog();
      this.archiveWaiters = this.archiveWaiters.filter((w) => (w.seq <= this.archivedSeq ? (w.resolve(), false) : true));
    }
  }

  private drop(err: unknown, q: Queued, where: 'graph' | 'archive'): void {
    this.dropped++;
    this.opts.onDropped(err, q.tenant, eventOf(q), where);
  }

  /**
   * After a group failed ARCHIVE_TRIES times on something other than the store being unavailable: each
   * event recorded alone (the store still groups them, and retries each alone when the group fails), and
   * those the archive refuses while it takes others are left out of it and reported, so that one event the
   * store cannot take does not hold every later one back (the backlog would then refuse all lineage ingest).
   */
  private async archiveAlone(batch: Queued[]): Promise<void> {
    const refused = refusedAlone(await Promise.allSettled(batch.map((q) => this.archiveBatch([q]))));
    for (const [i, err] of refused) this.drop(err, batch[i], 'archive');
  }

  /** One group commit: a record per tenant, side by side (the analytics store puts them in one INSERT). */
  private async archiveBatch(batch: Queued[]): Promise<void> {
    const byTenant = new Map<string, ArchivedEvent[]>();
    for (const q of batch) {
      const placed = settle(() => (q.placed ??= this.direct.place(q.tenant, eventOf(q))));
      if (placed.status === 'rejected') continue; // it cannot be placed, and the graph drops it too (onDropped)
      const event: ArchivedEvent = { body: q.body, json: q.json, refs: q.refs ?? placed.value.refs, at: placed.value.at };
      const mine = byTenant.get(q.tenant);
      if (mine) mine.push(event);
      else byTenant.set(q.tenant, [event]);
    }
    await Promise.all([...byTenant].map(([tenant, events]) => this.archive!.record(tenant, events)));
  }

  /** Waits `ms`, or less when a reader starts waiting for the archive or the ingest closes. */
  private archiveWait(ms: number): Promise<void> {
    return cuttableWait(ms, (cut) => (this.cutArchiveWait = cut));
  }

  /** One write per tenant, side by side (the store groups them); returns the events to try again. */
  private async write(chunk: Queued[]): Promise<{ item: Queued; err: unknown }[]> {
    const byTenant = new Map<string, Queued[]>();
    for (const q of chunk) {
      const mine = byTenant.get(q.tenant);
      if (mine) mine.push(q);
      else byTenant.set(q.tenant, [q]);
    }
    const retry: { item: Queued; err: unknown }[] = [];
    await Promise.all([...byTenant].map(async ([tenant, items]) => {
      const results = await this.direct.writePlaced(tenant, items.map((q) => settle(() => (q.placed ??= this.direct.place(tenant, eventOf(q))))));
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') return;
        if (isUnavailable(r.reason)) retry.push({ item: items[i], err: r.reason });
        else this.drop(r.reason, items[i], 'graph');
      });
    }));
    return retry;
  }
}
