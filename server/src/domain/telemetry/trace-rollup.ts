import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import { unavailable } from '../errors.js';
import { linkTargets, TRACE_SUMMARY_SQL, traceGraphBatch, traceRow, type TraceSummary } from './trace-summary.js';

interface Waiter { resolve: () => void; reject: (err: unknown) => void }
interface TenantWork { ids: Set<string>; waiters: Waiter[] }

export interface RollupOptions {
  /** Traces waiting for their summary beyond which exports are refused (UNAVAILABLE). */
  maxPendingTraces: number;
  /** Trace ids per summary query. */
  chunk: number;
}

const DEFAULTS: RollupOptions = { maxPendingTraces: 50_000, chunk: 2_000 };
const MAX_KNOWN = 100_000;

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

  constructor(private readonly graph: GraphStore, private readonly analytics: Analytics, private readonly opts: RollupOptions = DEFAULTS) {}

  /** Fail fast (before spans are written) when the summaries cannot keep up. */
  checkCapacity(): void {
    if (this.pendingCount >= this.opts.maxPendingTraces) {
      throw unavailable(`trace summaries are behind (${this.pendingCount} traces waiting); retry shortly`, 1);
    }
  }

  /** Resolves once a cycle that started after this call has written the summaries of `traceIds`. */
  refresh(tenant: string, traceIds: Iterable<string>): Promise<void> {
    let work = this.pending.get(tenant);
    if (!work) this.pending.set(tenant, (work = { ids: new Set(), waiters: [] }));
    const target = work;
    for (const id of traceIds) {
      if (!target.ids.has(id)) this.pendingCount++;
      target.ids.add(id);
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
        const read = this.read(tenant, [...work.ids]);
        const previous = writes;
        writes = (async () => {
          await previous;
          try {
            await this.write(tenant, await read);
            for (const w of work.waiters) w.resolve();
          } catch (err) {
            for (const w of work.waiters) w.reject(err);
          } finally {
            this.pendingCount -= work.ids.size;
          }
        })();
        await read.catch(() => undefined);
      }
    }
    await writes;
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
