import type { Analytics } from '../ports/Analytics.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { OtlpExportMetricsRequest, OtlpIngestResult } from './otlp.types.js';
import { toMetricRows } from './metrics-points.js';

/**
 * OTLP metric exports (in their OTLP/JSON form) → `metric_points` and, for GPU metrics, the typed
 * `gpu_metrics` table; the 1-minute rollups follow through materialized views. Answers only once
 * the rows are committed (an acknowledged export is durable); bad points are rejected alone
 * (partial success). The graph is not written: GPU series meet runs at read time, through the
 * pod and namespace a Run node records (see gpu-placement.ts).
 */
export class MetricsIngestService {
  // The graph is part of the constructor so every telemetry service is built alike; reads use it (GpuQueryService).
  constructor(_graph: GraphStore, private readonly analytics: Analytics) {}

  async ingest(tenant: string, request: OtlpExportMetricsRequest | unknown): Promise<OtlpIngestResult> {
    const batch = toMetricRows(tenant, request);
    // Both tables are committed before the answer. If one insert fails the export fails and the
    // exporter retries: the raw tables collapse the repeated points (ReplacingMergeTree).
    await Promise.all([
      batch.points.length ? this.analytics.insert('metric_points', batch.points) : undefined,
      batch.gpu.length ? this.analytics.insert('gpu_metrics', batch.gpu) : undefined,
    ]);
    if (!batch.rejected) return { rejected: 0 };
    const more = batch.rejected > batch.errors.length ? ` (first ${batch.errors.length} shown)` : '';
    return { rejected: batch.rejected, errorMessage: `${batch.rejected} data point(s) rejected${more}: ${batch.errors.join('; ')}` };
  }
}
