import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SummaryStats } from '../../domain/telemetry/trace-rollup.js';
import type { LineageBacklog } from '../../domain/openlineage/logged-ingest.js';

/**
 * Prometheus metrics for one server instance (own registry: tests start several servers per process).
 * `disk`: the free space of the data directory's disk (read at scrape time) and the minimum under which
 * writes are refused.
 */
export function createMetrics(traceSummaries: () => SummaryStats, lineageBacklog: () => LineageBacklog, disk?: { free: () => number; min: number }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'loom_' });
  /** A gauge read at scrape time. */
  const gauge = (name: string, help: string, read: () => number) => new Gauge({ name, help, registers: [registry], collect() { this.set(read()); } });
  // Trace summaries follow the OTLP answers (TraceRollup): how far behind they are.
  gauge('loom_trace_summaries_waiting', 'Traces whose summary (traces row, Trace node) is not written yet', () => traceSummaries().waiting);
  gauge('loom_trace_summaries_lag_seconds', 'Age of the oldest answered export whose summaries are not written yet (0: none)', () => traceSummaries().lagMs / 1000);
  gauge('loom_trace_summary_failures', 'Summary cycles failed in a row (retried with backoff)', () => traceSummaries().failures);
  gauge('loom_trace_summaries_dropped', 'Traces left without a summary since start: the stores refused it alone, for good (each is logged as an error)', () => traceSummaries().dropped);
  // Lineage events answered from the ingest log follow into the graph (LoggedLineageIngest).
  gauge('loom_lineage_events_waiting', 'Answered OpenLineage events not yet in the graph', () => lineageBacklog().waiting);
  gauge('loom_lineage_lag_seconds', 'How long the oldest answered OpenLineage event not yet in the graph has waited (0: none)', () => lineageBacklog().lagMs / 1000);
  // Should stay 0: an event is validated and placed before it is answered. Alert on any increase.
  gauge('loom_lineage_events_dropped', 'Answered OpenLineage events the graph or the event archive refused for good since start (each is logged as an error)', () => lineageBacklog().dropped);
  if (disk) {
    // Alert on free < 2 × min, say, before writes are refused (app/disk-space.ts).
    gauge('loom_data_disk_free_bytes', "Bytes free on the data directory's disk", disk.free);
    gauge('loom_data_disk_min_free_bytes', 'Free bytes under which writes are refused (LOOM_MIN_FREE_DISK_MB; 0: never)', () => disk.min);
  }
  return {
    registry,
    httpDuration: new Histogram({
      name: 'loom_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10], registers: [registry],
    }),
    ingestedEvents: new Counter({
      name: 'loom_openlineage_events_total', help: 'OpenLineage events by outcome', labelNames: ['kind', 'outcome'], registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
