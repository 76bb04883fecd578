import type { GraphStore } from '../ports/GraphStore.js';
import { LoomError, badInput } from '../errors.js';
import { mapEvent } from './mapper.js';
import { validateEvent, type EventKind } from './validate.js';

export interface IngestResult { kind: EventKind; nodes: number; edges: number }
export interface BatchFailure { index: number; reason: string; field?: string; retriable: boolean }
export interface BatchResult { received: number; successful: number; failed: BatchFailure[] }

export const MAX_BATCH_EVENTS = 10_000;

/** Validates OpenLineage events and writes each as one atomic, idempotent graph batch. */
export class LineageIngestService {
  constructor(private readonly graph: GraphStore) {}

  async ingest(tenant: string, body: unknown): Promise<IngestResult> {
    const { event, kind } = validateEvent(body);
    const batch = mapEvent(event, kind);
    await this.graph.write(tenant, batch);
    return { kind, nodes: batch.nodes.length, edges: batch.edges.length };
  }

  /**
   * The spec's batch endpoint: every event stands alone (partial success). Valid events are
   * submitted together, so the store can commit them in one group; an invalid one fails alone.
   */
  async ingestBatch(tenant: string, body: unknown): Promise<BatchResult> {
    if (!Array.isArray(body)) throw badInput('(body)', 'must be a JSON array of OpenLineage events');
    if (body.length > MAX_BATCH_EVENTS) throw badInput('(body)', `at most ${MAX_BATCH_EVENTS} events per batch; split it`);
    const settled = await Promise.allSettled(body.map((event) => this.ingest(tenant, event)));
    const failed: BatchFailure[] = [];
    settled.forEach((s, index) => {
      if (s.status === 'fulfilled') return;
      const err = s.reason;
      if (err instanceof LoomError) {
        failed.push({ index, reason: err.message, ...(err.field ? { field: err.field } : {}), retriable: err.code === 'UNAVAILABLE' });
      } else {
        failed.push({ index, reason: 'Server error', retriable: true });
      }
    });
    return { received: body.length, successful: body.length - failed.length, failed };
  }
}
