import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { OtlpIngestResult } from './otlp.types.js';
import type { PriceTable } from './prices.js';
import { toSpanRows } from './spans.js';
import { TraceRollup, type RollupOptions } from './trace-rollup.js';

/**
 * OTLP trace exports (in their OTLP/JSON form) → spans in ClickHouse, summaries in the `traces`
 * table and Trace nodes in the graph. Answers only once all of it is committed (an acknowledged
 * export is durable); bad spans are rejected alone (partial success).
 */
export class TraceIngestService {
  private readonly rollup: TraceRollup;

  constructor(graph: GraphStore, private readonly analytics: Analytics, private readonly prices: PriceTable, rollup?: RollupOptions) {
    this.rollup = new TraceRollup(graph, analytics, rollup);
  }

  async ingest(tenant: string, request: unknown): Promise<OtlpIngestResult> {
    this.rollup.checkCapacity();
    const batch = toSpanRows(tenant, request, this.prices);
    if (batch.rows.length) {
      await this.analytics.insert('spans', batch.rows);
      await this.rollup.refresh(tenant, batch.rows);
    }
    if (!batch.rejected) return { rejected: 0 };
    const more = batch.rejected > batch.errors.length ? ` (first ${batch.errors.length} shown)` : '';
    return { rejected: batch.rejected, errorMessage: `${batch.rejected} span(s) rejected${more}: ${batch.errors.join('; ')}` };
  }
}
