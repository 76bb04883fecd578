import type { GraphStore } from '../ports/GraphStore.js';
import { mapEvent } from './mapper.js';
import { validateEvent, type EventKind } from './validate.js';

export interface IngestResult { kind: EventKind; nodes: number; edges: number }

/** Validates an OpenLineage event and writes it as one atomic, idempotent graph batch. */
export class LineageIngestService {
  constructor(private readonly graph: GraphStore) {}

  async ingest(tenant: string, body: unknown): Promise<IngestResult> {
    const { event, kind } = validateEvent(body);
    const batch = mapEvent(event, kind);
    await this.graph.write(tenant, batch);
    return { kind, nodes: batch.nodes.length, edges: batch.edges.length };
  }
}
