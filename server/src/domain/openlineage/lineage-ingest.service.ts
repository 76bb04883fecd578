import type { GraphStore, Neighbour, WriteBatch } from '../ports/GraphStore.js';
import { LoomError, badInput } from '../errors.js';
import { mapEvent } from './mapper.js';
import { validateEvent, type EventKind } from './validate.js';
import { JOB_EDGE_KINDS, JobHistory } from './job-edges.js';
import { parseEventTime } from './event.schema.js';
import { nodeId } from '../ids.js';
import { TrailingSingleFlight } from '../single-flight.js';
import type { EdgeKind } from '../model.js';

export interface IngestResult { kind: EventKind; nodes: number; edges: number }
export interface BatchFailure { index: number; reason: string; field?: string; retriable: boolean }
export interface BatchResult { received: number; successful: number; failed: BatchFailure[] }

export const MAX_BATCH_EVENTS = 10_000;

/** Most versions and job-level edges one job's history is read with from the store. */
const MAX_JOB_HISTORY = 20_000;

export interface LineageIngestOptions {
  /**
   * Keep each job's history in memory between events (exact when this process is the only writer,
   * as with the embedded graph). With several ingest processes (Neo4j), 0: read it from the store each time.
   */
  historyCacheJobs: number;
}

/**
 * Validates OpenLineage events and writes each as one atomic, idempotent graph batch; then brings
 * the validity of the job's dataset edges up to date from the job's whole history (job-edges.ts).
 */
export class LineageIngestService {
  /** One history update per job at a time; callers arriving meanwhile share the next one. */
  private readonly updates = new TrailingSingleFlight();
  /** Committed event batches per job not yet folded into its cached history. */
  private readonly pending = new Map<string, { batch: WriteBatch; at: string }[]>();
  private readonly histories = new Map<string, JobHistory>();

  constructor(private readonly graph: GraphStore, private readonly opts: LineageIngestOptions = { historyCacheJobs: 10_000 }) {}

  async ingest(tenant: string, body: unknown): Promise<IngestResult> {
    const { event, kind } = validateEvent(body);
    const batch = mapEvent(event, kind);
    await this.graph.write(tenant, batch);
    if (event.job?.namespace && event.job.name) {
      // Committed before the update starts, so the update (this one or the next) folds it in.
      const key = `${tenant}\u0000${nodeId('Job', event.job.namespace, event.job.name)}`;
      const list = this.pending.get(key) ?? [];
      list.push({ batch, at: new Date(parseEventTime(event.eventTime)).toISOString() });
      this.pending.set(key, list);
      await this.updates.run(key, () => this.updateJobEdges(tenant, key));
    }
    return { kind, nodes: batch.nodes.length, edges: batch.edges.length };
  }

  /** Fold the job's new events into its history (read from the store when not cached) and write the edges whose validity changed. */
  private async updateJobEdges(tenant: string, key: string): Promise<void> {
    const jobId = key.slice(tenant.length + 1);
    const observed = this.pending.get(key) ?? [];
    this.pending.delete(key);
    let history = this.histories.get(key);
    if (history) {
      this.histories.delete(key); // re-inserted below: the map's order is least recently used first
      for (const o of observed) history.observe(o.batch, o.at);
    } else {
      // Everything pending is committed, so the store's history already holds it.
      history = new JobHistory(jobId);
      const [versions, edges] = await Promise.all([
        this.allNeighbours(tenant, jobId, 'DOWNSTREAM', ['HAS_VERSION'], false),
        this.allNeighbours(tenant, jobId, 'BOTH', JOB_EDGE_KINDS, true),
      ]);
      history.load(versions.map((n) => n.node), edges.map((n) => n.edge));
    }
    const changed = history.changedEdges();
    // If this write fails the history is not cached again: the next event reads the store.
    if (changed.length) await this.graph.write(tenant, { nodes: [], edges: changed });
    history.markStored(changed);
    if (this.opts.historyCacheJobs > 0) {
      this.histories.set(key, history);
      if (this.histories.size > this.opts.historyCacheJobs) this.histories.delete(this.histories.keys().next().value!);
    }
  }

  private async allNeighbours(tenant: string, id: string, direction: 'DOWNSTREAM' | 'BOTH', edgeKinds: readonly EdgeKind[], includeEnded: boolean): Promise<Neighbour[]> {
    const out: Neighbour[] = [];
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
