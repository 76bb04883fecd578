import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { OtlpIngestResult } from './otlp.types.js';
import type { PriceTable } from './prices.js';
import { toSpanRows } from './spans.js';
import { TraceRollup, type RollupOptions, type SummaryStats } from './trace-rollup.js';

/**
 * OTLP trace exports (in their OTLP/JSON form) → spans in ClickHouse; then, off the answer, summaries
 * in the `traces` table and Trace nodes in the graph (TraceRollup). Answers once the spans are
 * committed (an acknowledged export is durable, and its summaries follow within about `lingerMs`,
 * or after a restart); bad spans are rejected alone (partial success).
 */
export class TraceIngestService {
  private readonly rollup: TraceRollup;

  constructor(graph: GraphStore, private readonly analytics: Analytics, private readonly prices: PriceTable, rollup?: Partial<RollupOptions>) {
    this.rollup = new TraceRollup(graph, analytics, rollup);
  }

  async ingest(tenant: string, request: unknown): Promise<OtlpIngestResult> {
    this.rollup.checkCapacity();
    const batch = toSpanRows(tenant, request, this.prices);
    if (batch.rows.length) {
      const stamp = this.rollup.stamp();
      try {
        const [at, by] = [String(stamp), this.rollup.instance];
        for (const row of batch.rows) {
          row.ingested_at = at;
          row.ingested_by = by;
        }
        await this.analytics.insert('spans', batch.rows);
        this.rollup.add(tenant, batch.rows, stamp);
      } finally {
        this.rollup.release(stamp);
      }
    }
    if (!batch.rejected) return { rejected: 0 };
    const more = batch.rejected > batch.errors.length ? ` (first ${batch.errors.length} shown)` : '';
    return { rejected: batch.rejected, errorMessage: `${batch.rejected} span(s) rejected${more}: ${batch.errors.join('; ')}` };
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
