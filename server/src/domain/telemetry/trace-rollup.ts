import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import { isUnavailable, refusedAlone, unavailable } from '../errors.js';
import { linkTargets, TRACE_SUMMARY_SQL, traceGraphBatch, traceNodeId, traceRow, type TraceSummary } from './trace-summary.js';
import { summariseRows, type SummaryRow } from './trace-summary-rows.js';
import { cuttableWait } from '../cuttable-wait.js';
import { KnownNodes } from './known-nodes.js';

/** Per tenant, per trace named since the last cycle: the summary fields of its new span rows; `reread`: traces to read back whatever they came with. */
interface TenantWork { rows: Map<string, SummaryRow[]>; reread: Set<string> }

export interface RollupOptions {
  /** Traces waiting for their summary beyond which exports are refused (UNAVAILABLE). */
  maxPendingTraces: number;
  /** Trace ids per summary query. */
  chunk: number;
  /**
   * How long a cycle waits for more exports before it starts. Fewer, larger cycles are what make
   * the summaries cheap: each costs a `traces` INSERT (a part to merge) and a graph transaction.
   */
  lingerMs: number;
  /** This process's row in `trace_summary_progress`: distinct for every process sharing one ClickHouse. */
  instance: string;
  /** How often the progress is recorded when idle, and stopped processes' rows are looked for. */
  heartbeatMs: number;
  /** A row not recorded for this long is a stopped process's: its unwritten summaries are taken over. */
  staleMs: number;
  /** A cycle failed; its traces are tried again (read back from their stored spans). */
  onError?: (err: unknown) => void;
  /** A trace whose summary the stores refused alone, for good: it is left without one. */
  onDropped?: (err: unknown, tenant: string, traceId: string) => void;
}

/**
 * Traces waiting for their summary; age of the oldest export received and not summarised yet; cycles
 * failed in a row; traces left without a summary since start (refused alone, for good).
 */
export interface SummaryStats { waiting: number; lagMs: number; failures: number; dropped: number }

const ROLLUP_DEFAULTS: RollupOptions = {
  maxPendingTraces: 20_000, chunk: 2_000, lingerMs: 250, instance: 'loom', heartbeatMs: 15_000, staleMs: 60_000,
};
/**
 * Traces named by earlier cycles, remembered (least recently named evicted) so that a later export of
 * one reads its summary back from all its stored spans. Far above the traces pending at once
 * (maxPendingTraces), so a trace is never forgotten while its first summary is being written.
 */
const MAX_SEEN = 500_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/**
 * Failed cycles in a row, not for want of a store, after which each summary is written alone
 * (writeAlone): one trace the stores refuse must not hold back every tenant's summaries (and, once
 * they are far enough behind, every trace export). A cycle whose every summary is refused is the
 * stores' trouble, not one trace's: it is tried again.
 */
const ALONE_AFTER = 2;
/** How stale the recorded progress may get under load: a restart re-summarises at most about this much more. */
const PROGRESS_EVERY_MS = 5_000;
/** `trace_summary_progress` is not tenant data; its rows carry this in `tenant_id` (every analytics row names one). */
const SYSTEM_TENANT = '_loom';
const PROGRESS_SQL = `SELECT instance, toString(toUnixTimestamp64Milli(summarised_before)) AS ms, toString(toUnixTimestamp64Milli(recorded_at)) AS at,
  toString(toUnixTimestamp64Micro(recorded_at)) AS version FROM trace_summary_progress FINAL`;
/** `summarised_before` of an instance whose work another took over (2100-01-01). */
const END = 4_102_444_800_000;
/** The traces of the spans an instance received since a time. */
const RECOVER_SQL = `SELECT tenant_id, groupUniqArray(trace_id) AS ids FROM spans
WHERE ingested_at >= fromUnixTimestamp64Milli(toInt64({since:Int64}), 'UTC') AND ingested_by = {instance:String}
GROUP BY tenant_id`;

/**
 * Keeps the per-trace summaries (the `traces` table and the Trace nodes) in step with the spans,
 * after the exports are acknowledged: an export is answered once its spans are committed, and names
 * its traces here; one cycle at a time, every `lingerMs` at most, takes all traces named since the
 * last, computes their summaries (from the export's spans for a trace nobody summarised before, else
 * read back from all its deduplicated stored spans) and writes them to ClickHouse and the graph.
 * Cycles never overlap, so a later summary covers at least the spans of an earlier one, and is written
 * after it.
 *
 * Nothing is lost in a crash: every span row carries `ingested_at` (this process's clock, stamped before
 * its INSERT) and `ingested_by` (this process's name), and after each cycle the time before which every received span is summarised is
 * recorded (`trace_summary_progress`). `start()` re-summarises, from the stored spans, the traces of
 * spans received since then by this instance before it stopped, or by another that stopped for good.
 */
export class TraceRollup {
  private pending = new Map<string, TenantWork>();
  /** Traces in `pending`, and in the cycle being written. */
  private queued = 0;
  private inCycle = 0;
  /** Stamp of the oldest export a failed cycle dropped while closing (start() takes it over). */
  private failedBefore = Infinity;
  private progressAt = -Infinity;
  private heartbeat: NodeJS.Timeout | null = null;
  /** The oldest stamp among the exports of the cycle being written. */
  private cycleSince = Infinity;
  /** Stamps of the exports whose spans are being inserted, and of those taken by no cycle yet. */
  private readonly inflight = new Map<number, number>();
  /** The oldest stamp among the exports in `pending`. */
  private pendingSince = Infinity;
  private lastStamp = 0;
  private running: Promise<void> | null = null;
  private lastVersion = 0;
  private failures = 0;
  private lastError: unknown = null;
  private dropped = 0;
  private closed = false;
  /** Whether a start-up sweep (this instance's own unsummarised spans) has succeeded. */
  private started = false;
  /** Exports named so far, and how many of them the written cycles covered: `settled()` compares the two. */
  private added = 0;
  private covered = 0;
  private settle: { upTo: number; resolve: () => void }[] = [];
  private cutLinger: (() => void) | null = null;
  private readonly known: KnownNodes;
  /** `tenant\u0000traceId` of the traces earlier cycles summarised, oldest first. */
  private readonly seen = new Map<string, true>();
  private readonly opts: RollupOptions;

  constructor(private readonly graph: GraphStore, private readonly analytics: Analytics, opts: Partial<RollupOptions> = {}) {
    this.opts = { ...ROLLUP_DEFAULTS, ...opts };
    this.known = new KnownNodes(graph);
  }

  /** Fail fast (before spans are written) when the summaries cannot keep up. */
  checkCapacity(): void {
    if (this.closed) throw unavailable('the trace ingest is shutting down', 5);
    const waiting = this.queued + this.inCycle;
    if (waiting >= this.opts.maxPendingTraces) {
      throw unavailable(`trace summaries are behind (${waiting} traces waiting); retry shortly`, 1);
    }
  }

  /** This process's name: its spans' `ingested_by`. */
  get instance(): string {
    return this.opts.instance;
  }

  stats(): SummaryStats {
    return { waiting: this.queued + this.inCycle, lagMs: Math.max(0, Date.now() - this.summarisedBefore()), failures: this.failures, dropped: this.dropped };
  }

  /** The `ingested_at` (epoch ms) of an export about to be inserted; `release` it once it was added or failed. */
  stamp(): number {
    const at = (this.lastStamp = Math.max(this.lastStamp, Date.now()));
    this.inflight.set(at, (this.inflight.get(at) ?? 0) + 1);
    return at;
  }

  release(stamp: number): void {
    const n = this.inflight.get(stamp) ?? 0;
    if (n <= 1) this.inflight.delete(stamp);
    else this.inflight.set(stamp, n - 1);
  }

  /**
   * Names the traces of committed span rows (stamped `stamp`), given as their `summaryFields`; their
   * summaries follow in a later cycle.
   */
  add(tenant: string, rows: readonly SummaryRow[], stamp: number): void {
    const work = this.work(tenant);
    for (const r of rows) {
      const list = work.rows.get(r.trace_id);
      if (list) list.push(r);
      else {
        this.count(work, r.trace_id);
        work.rows.set(r.trace_id, [r]);
      }
    }
    this.pendingSince = Math.min(this.pendingSince, stamp);
    this.added++;
    this.kick();
  }

  /** Resolves once the summaries of every export named so far are written (or the store closed). */
  settled(): Promise<void> {
    if (this.covered >= this.added) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.settle.push({ upTo: this.added, resolve }));
    this.cutLinger?.();
    return done;
  }

  /**
   * At start-up, then every `heartbeatMs`: records this process's progress (it stays fresh while the
   * process lives), and takes over the summaries that stopped processes left unwritten. This
   * instance's own row at start-up, and any other instance's row not recorded for `staleMs`, name a
   * time since which some spans that instance received may lack their summary: the traces of those
   * spans are re-summarised from the stored spans (idempotent: taking one over twice costs only
   * work). This process's own progress is recorded as covering them before the other row is closed
   * (its time set to END), so a stop in between loses nothing. Returns how many traces it took over.
   */
  async start(): Promise<number> {
    let taken = 0;
    try {
      taken = await this.sweep(true);
      this.started = true;
    } catch (err) {
      // The store cannot be written now (say, its disk is nearly full): Loom still starts, to serve
      // reads, and the heartbeat does the start-up sweep again until it succeeds.
      this.opts.onError?.(err);
    }
    this.heartbeat ??= setInterval(() => {
      this.sweep(!this.started).then(() => { this.started = true; }, (err) => this.opts.onError?.(err));
    }, this.opts.heartbeatMs);
    this.heartbeat.unref();
    return taken;
  }

  private async sweep(starting: boolean): Promise<number> {
    if (this.closed) return 0;
    const rows = await this.analytics.query<{ instance: string; ms: string; at: string; version: string }>(SYSTEM_TENANT, PROGRESS_SQL);
    for (const r of rows) this.lastVersion = Math.max(this.lastVersion, Number(r.version)); // increasing even on a clock behind theirs
    const now = Date.now();
    const left = rows.filter((r) => Number(r.ms) < END && (r.instance === this.opts.instance ? starting : now - Number(r.at) > this.opts.staleMs));
    let n = 0;
    for (const r of left) {
      const since = Number(r.ms);
      for (const { tenant_id, ids } of await this.analytics.query<{ tenant_id: string; ids: string[] }>(SYSTEM_TENANT, RECOVER_SQL, { since, instance: r.instance })) {
        const work = this.work(tenant_id);
        for (const id of ids) {
          this.count(work, id);
          work.reread.add(id);
          n++;
        }
      }
      this.pendingSince = Math.min(this.pendingSince, since);
    }
    if (left.length) {
      this.added++;
      this.kick();
    }
    await this.recordProgress(this.summarisedBefore());
    const others = left.filter((r) => r.instance !== this.opts.instance);
    if (others.length) await this.recordProgress(END, others.map((r) => r.instance));
    return n;
  }

  /** Refuses new exports and writes the summaries of those already answered (a failure is left to `start()`, here or in another process). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.cutLinger?.();
    while (this.running) await this.running;
    for (const s of this.settle.splice(0)) s.resolve();
  }

  private work(tenant: string): TenantWork {
    let work = this.pending.get(tenant);
    if (!work) this.pending.set(tenant, (work = { rows: new Map(), reread: new Set() }));
    return work;
  }

  /** Counts a trace as waiting the first time it joins a tenant's pending work. */
  private count(work: TenantWork, id: string): void {
    if (!work.rows.has(id) && !work.reread.has(id)) this.queued++;
  }

  private kick(): void {
    this.running ??= this.loop().finally(() => {
      this.running = null;
      if (this.pending.size && !this.closed) this.kick();
    });
  }

  /** One cycle at a time: wait (linger, or back off after a failure), take everything pending, summarise it, write it. */
  private async loop(): Promise<void> {
    while (this.pending.size) {
      const wait = this.failures ? RETRY_MS[Math.min(this.failures, RETRY_MS.length) - 1] : this.settle.length ? 0 : this.opts.lingerMs;
      if (wait && !this.closed) await this.linger(wait);
      const batch = this.pending;
      const upTo = this.added;
      const since = (this.cycleSince = this.pendingSince);
      this.pending = new Map();
      this.pendingSince = Infinity;
      this.inCycle = this.queued;
      this.queued = 0;
      try {
        if (this.failures >= ALONE_AFTER && !isUnavailable(this.lastError)) {
          const all: [string, TraceSummary][] = [];
          for (const [tenant, work] of batch) for (const s of await this.summarise(tenant, work)) all.push([tenant, s]);
          await this.writeAlone(all);
        } else {
          for (const [tenant, work] of batch) await this.write(tenant, await this.summarise(tenant, work));
        }
        this.failures = 0;
        this.covered = upTo;
        this.cycleSince = Infinity; // written: no longer holds the progress back
        // At most every PROGRESS_EVERY_MS under load (each is an INSERT in the spans' lane), and whenever the work runs out.
        if (!this.pending.size || performance.now() - this.progressAt >= PROGRESS_EVERY_MS) {
          this.progressAt = performance.now();
          await this.recordProgress(this.summarisedBefore()).catch((err) => this.opts.onError?.(err));
        }
      } catch (err) {
        this.failures++;
        this.lastError = err;
        this.opts.onError?.(err);
        if (this.closed) {
          // Left to start() at the next start (or another process): the recorded progress stays before these exports.
          this.failedBefore = Math.min(this.failedBefore, since);
        } else {
          // Tried again, read back from the stored spans (a part of the cycle may have been written).
          for (const [tenant, work] of batch) {
            const again = this.work(tenant);
            for (const id of new Set([...work.rows.keys(), ...work.reread])) {
              this.count(again, id);
              again.reread.add(id);
            }
          }
          this.pendingSince = Math.min(this.pendingSince, since);
        }
      } finally {
        this.inCycle = 0;
        this.cycleSince = Infinity;
        const done = (w: { upTo: number }) => w.upTo <= this.covered || this.closed;
        for (const w of this.settle.filter(done)) w.resolve();
        this.settle = this.settle.filter((w) => !done(w));
      }
    }
  }

  private linger(ms: number): Promise<void> {
    return cuttableWait(ms, (cut) => (this.cutLinger = cut));
  }

  /** Every span stamped before this is summarised: the oldest export no written cycle covers yet, or now. */
  private summarisedBefore(): number {
    return Math.min(Date.now(), this.failedBefore, this.pendingSince, this.cycleSince, ...this.inflight.keys());
  }

  /** This instance's progress, or (END) the closing of other instances' rows. */
  private async recordProgress(before: number, instances = [this.opts.instance]): Promise<void> {
    await this.analytics.insert('trace_summary_progress', instances.map((instance) => ({
      tenant_id: SYSTEM_TENANT, instance, summarised_before: String(before), recorded_at: this.nextVersion(),
    })));
  }

  /**
   * The summaries of a cycle. A trace no earlier cycle named, that the graph has no node for and that
   * is not to be read back is new: every span it has came with this cycle's exports, so it is
   * summarised from them. Any other trace is read back from its deduplicated stored spans. Which
   * traces a cycle names is settled before its first await (cycles are taken in order), so a later
   * export of a new trace always reads back, and its summary is written after this one.
   */
  private async summarise(tenant: string, work: TenantWork): Promise<TraceSummary[]> {
    const candidates: string[] = [];
    const old: string[] = [];
    for (const id of new Set([...work.rows.keys(), ...work.reread])) {
      const key = `${tenant}\u0000${id}`;
      const named = this.seen.delete(key);
      this.seen.set(key, true);
      (named || work.reread.has(id) ? old : candidates).push(id);
    }
    for (const key of this.seen.keys()) {
      if (this.seen.size <= MAX_SEEN) break;
      this.seen.delete(key);
    }
    const nodes = candidates.length ? await this.graph.getNodes(tenant, candidates.map(traceNodeId)) : [];
    const fresh = candidates.filter((_, i) => nodes[i] === null);
    old.push(...candidates.filter((_, i) => nodes[i] !== null));
    const summaries = fresh.flatMap((id) => summariseRows(id, work.rows.get(id)!) ?? []);
    return old.length ? [...summaries, ...await this.read(tenant, old)] : summaries;
  }

  private async read(tenant: string, ids: string[]): Promise<TraceSummary[]> {
    const out: TraceSummary[] = [];
    for (let i = 0; i < ids.length; i += this.opts.chunk) {
      out.push(...await this.analytics.query<TraceSummary>(tenant, TRACE_SUMMARY_SQL, { ids: ids.slice(i, i + this.opts.chunk) }));
    }
    return out;
  }

  /** Each summary of a cycle (every tenant's) written on its own; those refused while others go in are left out and reported (refusedAlone). */
  private async writeAlone(summaries: [string, TraceSummary][]): Promise<void> {
    for (const [i, err] of refusedAlone(await Promise.allSettled(summaries.map(([tenant, s]) => this.write(tenant, [s]))))) {
      this.dropped++;
      this.opts.onDropped?.(err, summaries[i][0], summaries[i][1].trace_id);
    }
  }

  /** The `traces` rows and the Trace nodes with their links, at once; the cycle waits for both. */
  private async write(tenant: string, summaries: TraceSummary[]): Promise<void> {
    if (!summaries.length) return;
    const version = this.nextVersion();
    const writeGraph = async () => {
      const existing = await this.known.existing(tenant, summaries.flatMap((s) => linkTargets(s).map((t) => t.from)));
      await this.graph.write(tenant, traceGraphBatch(summaries, existing));
    };
    await Promise.all([this.analytics.insert('traces', summaries.map((s) => traceRow(tenant, s, version))), writeGraph()]);
  }

  /** Microseconds since the epoch, strictly increasing: the `traces` row version. */
  private nextVersion(): string {
    this.lastVersion = Math.max(this.lastVersion + 1, Date.now() * 1000);
    return String(this.lastVersion);
  }
}
