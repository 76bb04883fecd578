import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import { unavailable } from '../errors.js';
import { linkTargets, TRACE_SUMMARY_SQL, traceGraphBatch, traceNodeId, traceRow, type TraceSummary } from './trace-summary.js';
import { summariseRows } from './trace-summary-rows.js';
import type { SpanRow } from './spans.js';

interface Waiter { resolve: () => void; reject: (err: unknown) => void }
/** Per trace named since the last cycle: the span rows of the exports that named it. */
interface TenantWork { rows: Map<string, SpanRow[]>; waiters: Waiter[] }

export interface RollupOptions {
  /** Traces waiting for their summary beyond which exports are refused (UNAVAILABLE). */
  maxPendingTraces: number;
  /** Trace ids per summary query. */
  chunk: number;
}

const DEFAULTS: RollupOptions = { maxPendingTraces: 50_000, chunk: 2_000 };
const MAX_KNOWN = 100_000;
/**
 * Traces named by earlier cycles, remembered (least recently named evicted) so that a later export of
 * one reads its summary back from all its stored spans. Far above the traces two overlapping cycles
 * can hold (2 × maxPendingTraces), so a trace is never forgotten while its first summary is being written.
 */
const MAX_SEEN = 500_000;

/**
 * Keeps the per-trace summaries (the `traces` table and the Trace nodes) in step with the spans.
 * Group commit again: every export whose spans are committed names its traces here; one refresh
 * cycle at a time re-reads the summaries of all traces named since the last cycle from the
 * deduplicated spans, writes them to ClickHouse and the graph, and then answers every export it
 * covered. Cycles never overlap, so a later summary is always computed over at least as many spans
 * as an earlier one and also written after it.
 */
export class TraceRollup {
  private pending = new Map<string, TenantWork>();
  private pendingCount = 0;
  private running: Promise<void> | null = null;
  private lastVersion = 0;
  private readonly known = new Map<string, Set<string>>();
  private knownCount = 0;
  /** `tenant\u0000traceId` of the traces earlier cycles summarised, oldest first. */
  private readonly seen = new Map<string, true>();

  constructor(private readonly graph: GraphStore, private readonly analytics: Analytics, private readonly opts: RollupOptions = DEFAULTS) {}

  /** Fail fast (before spans are written) when the summaries cannot keep up. */
  checkCapacity(): void {
    if (this.pendingCount >= this.opts.maxPendingTraces) {
      throw unavailable(`trace summaries are behind (${this.pendingCount} traces waiting); retry shortly`, 1);
    }
  }

  /** Resolves once a cycle that started after this call has written the summaries of the traces of `rows` (committed spans). */
  refresh(tenant: string, rows: readonly SpanRow[]): Promise<void> {
    let work = this.pending.get(tenant);
    if (!work) this.pending.set(tenant, (work = { rows: new Map(), waiters: [] }));
    const target = work;
    for (const row of rows) {
      const list = target.rows.get(row.trace_id);
      if (list) list.push(row);
      else {
        target.rows.set(row.trace_id, [row]);
        this.pendingCount++;
      }
    }
    const done = new Promise<void>((resolve, reject) => target.waiters.push({ resolve, reject }));
    this.kick();
    return done;
  }

  private kick(): void {
    this.running ??= this.loop().finally(() => {
      this.running = null;
      if (this.pending.size) this.kick();
    });
  }

  /**
   * Reads run one at a time, writes one at a time and in cycle order; a cycle's read overlaps the
   * previous cycle's writes (its spans were committed before that cycle's read began, so its
   * summaries cover at least as much).
   */
  private async loop(): Promise<void> {
    let writes: Promise<void> = Promise.resolve();
    while (this.pending.size) {
      const batch = this.pending;
      this.pending = new Map();
      for (const [tenant, work] of batch) {
        const read = this.summarise(tenant, work.rows);
        const previous = writes;
        writes = (async () => {
          await previous;
          try {
            await this.write(tenant, await read);
            for (const w of work.waiters) w.resolve();
          } catch (err) {
            for (const w of work.waiters) w.reject(err);
          } finally {
            this.pendingCount -= work.rows.size;
          }
        })();
        await read.catch(() => undefined);
      }
    }
    await writes;
  }

  /**
   * The summaries of a cycle. A trace no earlier cycle named and the graph has no node for is new:
   * every span it has came with this cycle's exports, so it is summarised from them. Any other
   * trace is read back from its deduplicated stored spans. Which traces a cycle names is settled
   * before its first await (cycles are taken in order), so a later export of a new trace always
   * reads back, and its summary is written after this one.
   */
  private async summarise(tenant: string, rows: Map<string, SpanRow[]>): Promise<TraceSummary[]> {
    const candidates: string[] = [];
    const old: string[] = [];
    for (const id of rows.keys()) {
      const key = `${tenant}\u0000${id}`;
      (this.seen.delete(key) ? old : candidates).push(id);
      this.seen.set(key, true);
    }
    for (const key of this.seen.keys()) {
      if (this.seen.size <= MAX_SEEN) break;
      this.seen.delete(key);
    }
    const nodes = candidates.length ? await this.graph.getNodes(tenant, candidates.map(traceNodeId)) : [];
    const fresh = candidates.filter((_, i) => nodes[i] === null);
    old.push(...candidates.filter((_, i) => nodes[i] !== null));
    const summaries = fresh.flatMap((id) => summariseRows(id, rows.get(id)!) ?? []);
    return old.length ? [...summaries, ...await this.read(tenant, old)] : summaries;
  }

  private async read(tenant: string, ids: string[]): Promise<TraceSummary[]> {
    const out: TraceSummary[] = [];
    for (let i = 0; i < ids.length; i += this.opts.chunk) {
      out.push(...await this.analytics.query<TraceSummary>(tenant, TRACE_SUMMARY_SQL, { ids: ids.slice(i, i + this.opts.chunk) }));
    }
    return out;
  }

  /** The `traces` rows and the Trace nodes with their links, at once; the cycle waits for both. */
  private async write(tenant: string, summaries: TraceSummary[]): Promise<void> {
    if (!summaries.length) return;
    const version = this.nextVersion();
    const writeGraph = async () => {
      const existing = await this.existing(tenant, summaries.flatMap((s) => linkTargets(s).map((t) => t.from)));
      await this.graph.write(tenant, traceGraphBatch(summaries, existing));
    };
    await Promise.all([this.analytics.insert('traces', summaries.map((s) => traceRow(tenant, s, version))), writeGraph()]);
  }

  /** Which of `ids` exist. Nodes are never hard-deleted, so a node seen once is remembered (bounded). */
  private async existing(tenant: string, ids: string[]): Promise<Set<string>> {
    const known = this.known.get(tenant) ?? new Set<string>();
    const unknown = [...new Set(ids)].filter((id) => !known.has(id));
    if (unknown.length) {
      const found = await this.graph.getNodes(tenant, unknown);
      if (this.knownCount > MAX_KNOWN) { this.known.clear(); known.clear(); this.knownCount = 0; }
      for (const n of found) if (n && !known.has(n.id)) { known.add(n.id); this.knownCount++; }
      this.known.set(tenant, known);
    }
    return new Set(ids.filter((id) => known.has(id)));
  }

  /** Microseconds since the epoch, strictly increasing: the `traces` row version. */
  private nextVersion(): string {
    this.lastVersion = Math.max(this.lastVersion + 1, Date.now() * 1000);
    return String(this.lastVersion);
  }
}
