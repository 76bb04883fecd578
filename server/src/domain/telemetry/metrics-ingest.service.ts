import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { OtlpExportMetricsRequest, OtlpIngestResult } from './otlp.types.js';
import { toMetricRows, type MetricRetention } from './metrics-points.js';

/**
 * OTLP metric exports (in their OTLP/JSON form) → `metric_points` and, for GPU metrics, the typed
 * `gpu_metrics` table; the 1-minute rollups follow through materialized views. Answers only once
 * the rows are committed (an acknowledged export is durable); bad points are rejected alone
 * (partial success). The graph is not written: GPU series meet runs at read time, through the
 * pod and namespace a Run node records (see gpu-placement.ts).
 */
export class MetricsIngestService {
  // The graph is part of the constructor so every telemetry service is built alike; reads use it (GpuQueryService).
  /** `retention`: the days the analytics store keeps points (see MetricRetention); none keeps every point. */
  constructor(_graph: GraphStore, private readonly analytics: Analytics, private readonly retention?: Omit<MetricRetention, 'now'>) {}

  async ingest(tenant: string, request: OtlpExportMetricsRequest | unknown): Promise<OtlpIngestResult> {
    const batch = toMetricRows(tenant, request, this.retention);
    // Both tables are committed before the answer. If one insert fails the export fails and the
    // exporter retries: the raw tables collapse the repeated points (ReplacingMergeTree).
    await Promise.all([
      batch.points.length ? this.analytics.insert('metric_points', batch.points) : undefined,
      batch.gpu.length ? this.analytics.insert('gpu_metrics', batch.gpu) : undefined,
    ]);
    const messages: string[] = [];
    if (batch.rejected) {
      const more = batch.rejected > batch.errors.length ? ` (first ${batch.errors.length} shown)` : '';
      messages.push(`${batch.rejected} data point(s) rejected${more}: ${batch.errors.join('; ')}`);
    }
    // Accepted, but a warning (the spec lets partial_success carry one with nothing rejected): these
    // points will be read only at one-minute resolution.
    if (batch.rollupOnly) {
      messages.push(`${batch.rollupOnly} data point(s) older than the raw-point retention (${this.retention?.rawDays} days, LOOM_METRIC_TTL_DAYS) are kept only in the 1-minute rollup`);
    }
    const accepted = batch.points.length;
    return messages.length ? { accepted, rejected: batch.rejected, errorMessage: messages.join('. ') } : { accepted, rejected: 0 };
  }
}
