import type { GraphStore } from '../ports/GraphStore.js';
import { LoomError, badInput } from '../errors.js';
import { mapEvent } from './mapper.js';
import { validateEvent, type EventKind } from './validate.js';
import { JOB_EDGE_KINDS, jobEdges, type JobEdgeSeen, type JobVersionUse } from './job-edges.js';
import { nodeId } from '../ids.js';
import { TrailingSingleFlight } from '../single-flight.js';
import type { EdgeInput, GraphNode } from '../model.js';

export interface IngestResult { kind: EventKind; nodes: number; edges: number }
export interface BatchFailure { index: number; reason: string; field?: string; retriable: boolean }
export interface BatchResult { received: number; successful: number; failed: BatchFailure[] }

export const MAX_BATCH_EVENTS = 10_000;

/** Most versions and job-level edges one job's history is read with (beyond, the oldest by id are left out). */
const MAX_JOB_HISTORY = 5_000;

/**
 * Validates OpenLineage events and writes each as one atomic, idempotent graph batch; then brings
 * the validity of the job's dataset edges up to date from the job's whole history (job-edges.ts).
 */
export class LineageIngestService {
  /** One history recomputation per job at a time; callers arriving meanwhile share the next one. */
  private readonly recomputes = new TrailingSingleFlight();

  constructor(private readonly graph: GraphStore) {}

  async ingest(tenant: string, body: unknown): Promise<IngestResult> {
    const { event, kind } = validateEvent(body);
    const batch = mapEvent(event, kind);
    await this.graph.write(tenant, batch);
    // The event is committed before the recomputation starts, so the recomputation sees it.
    if (event.job?.namespace && event.job.name) {
      const jobId = nodeId('Job', event.job.namespace, event.job.name);
      await this.recomputes.run(`${tenant}\u0000${jobId}`, () => this.updateJobEdges(tenant, jobId));
    }
    return { kind, nodes: batch.nodes.length, edges: batch.edges.length };
  }

  /** Re-derive every INPUT_TO/OUTPUT edge of the job from its versions and edges; write only what changed. */
  private async updateJobEdges(tenant: string, jobId: string): Promise<void> {
    const [versions, edges] = await Promise.all([
      this.allNeighbours(tenant, jobId, 'DOWNSTREAM', ['HAS_VERSION'], false),
      this.allNeighbours(tenant, jobId, 'BOTH', JOB_EDGE_KINDS, true),
    ]);
    const uses: JobVersionUse[] = versions.filter((v) => v.node.kind === 'JobVersion').map(({ node }) => ({
      id: node.id, firstAt: node.createdAt, lastAt: node.updatedAt, inputs: ids(node.props.inputs), outputs: ids(node.props.outputs),
    }));
    const stored = new Map<string, { validFrom: string; validTo: string | null }>();
    const seen: JobEdgeSeen[] = [];
    for (const { edge } of edges) {
      if (edge.kind !== 'INPUT_TO' && edge.kind !== 'OUTPUT') continue;
      stored.set(`${edge.kind}|${edge.from}|${edge.to}`, edge);
      seen.push({ kind: edge.kind, dataset: edge.kind === 'INPUT_TO' ? edge.from : edge.to, validFrom: edge.validFrom });
    }
    const changed: EdgeInput[] = jobEdges(jobId, uses, seen).filter((e) => {
      const s = stored.get(`${e.kind}|${e.from}|${e.to}`);
      return !s || s.validFrom !== e.validFrom || (s.validTo ?? null) !== (e.validTo ?? null);
    });
    if (changed.length) await this.graph.write(tenant, { nodes: [], edges: changed });
  }

  private async allNeighbours(tenant: string, id: string, direction: 'DOWNSTREAM' | 'BOTH', edgeKinds: readonly EdgeInput['kind'][], includeEnded: boolean) {
    const out: { node: GraphNode; edge: { kind: string; from: string; to: string; validFrom: string; validTo: string | null } }[] = [];
    for (let offset = 0; offset < MAX_JOB_HISTORY; offset += 1000) {
      const page = await this.graph.neighbours(tenant, id, { direction, edgeKinds, limit: 1000, offset, includeEnded });
      out.push(...page.items);
      if (page.items.length < 1000) break;
    }
    return out;
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

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
