import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { OtlpIngestResult } from './otlp.types.js';
import type { PriceTable } from './prices.js';
import { toSpanRows } from './spans.js';
import { summaryFields } from './trace-summary-rows.js';
import { TraceRollup, type RollupOptions, type SummaryStats } from './trace-rollup.js';

/**
 * OTLP trace exports (in their OTLP/JSON form) → spans in ClickHouse; then, off the answer, summaries
 * in the `traces` table and Trace nodes in the graph (TraceRollup). Answers once the spans are
 * committed (an acknowledged export is durable, and its summaries follow within about `lingerMs`,
 * or after a restart); bad spans are rejected alone (partial success).
 */
export class TraceIngestService {
  private readonly rollup: TraceRollup;

  /** `retentionDays`: how long the store keeps spans (0 for ever); older spans are refused, not answered as stored. */
  constructor(graph: GraphStore, private readonly analytics: Analytics, private readonly prices: PriceTable, rollup?: Partial<RollupOptions>, private readonly retentionDays = 0) {
    this.rollup = new TraceRollup(graph, analytics, rollup);
  }

  async ingest(tenant: string, request: unknown): Promise<OtlpIngestResult> {
    this.rollup.checkCapacity();
    const { written, accepted, rejected, errors } = this.write(tenant, request);
    await written;
    if (!rejected) return { accepted, rejected: 0 };
    const more = rejected > errors.length ? ` (first ${errors.length} shown)` : '';
    return { accepted, rejected, errorMessage: `${rejected} span(s) rejected${more}: ${errors.join('; ')}` };
  }

  /**
   * The export's span rows, stamped and handed to the store; once they are committed, the rollup gets
   * their summary fields. Only those are kept while the INSERT waits: the rows themselves (their
   * attributes, resource, events) are let go once the store has taken them, so the many exports
   * waiting at once do not keep every span alive through the young generation's collections.
   */
  private write(tenant: string, request: unknown): { written: Promise<void>; accepted: number; rejected: number; errors: string[] } {
    const { rows, rejected, errors } = toSpanRows(tenant, request, this.prices, { days: this.retentionDays });
    if (!rows.length) return { written: Promise.resolve(), accepted: 0, rejected, errors };
    const stamp = this.rollup.stamp();
    try {
      const [at, by] = [String(stamp), this.rollup.instance];
      for (const row of rows) {
        row.ingested_at = at;
        row.ingested_by = by;
      }
      const slim = rows.map(summaryFields);
      const written = this.analytics.insert('spans', rows).then(() => this.rollup.add(tenant, slim, stamp)).finally(() => this.rollup.release(stamp));
      return { written, accepted: rows.length, rejected, errors };
    } catch (err) {
      this.rollup.release(stamp);
      throw err;
    }
  }

  /** At start-up: takes over summaries stopped processes did not write, then keeps watch (see TraceRollup.start). */
  start(): Promise<number> {
    return this.rollup.start();
  }

  /** How far the summaries are behind the answers (for /metrics). */
  summaryStats(): SummaryStats {
    return this.rollup.stats();
  }

  /** Resolves once the summaries of every export answered so far are written. */
  settled(): Promise<void> {
    return this.rollup.settled();
  }

  /** Refuses new exports; writes the summaries of those answered. */
  close(): Promise<void> {
    return this.rollup.close();
  }
}
