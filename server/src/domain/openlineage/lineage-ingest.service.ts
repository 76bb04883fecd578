import { NO_EXTENSIONS, type Extensions } from '../ports/Extensions.js';
import type { GraphStore, WriteBatch } from '../ports/GraphStore.js';
import { allNeighbours } from '../all-neighbours.js';
import { LoomError, badInput } from '../errors.js';
import { mapEvent } from './mapper.js';
import { checkScope, graphChecks } from './key-scope.js';
import { validateEvent, type EventKind } from './validate.js';
import { JOB_EDGE_KINDS, WRITTEN_AT_PROP, fieldHistory, jobHistory, type EdgeHistory } from './edge-history.js';
import { parseEventTime, type DatasetRef, type OpenLineageEvent } from './event.schema.js';
import { nodeId } from '../ids.js';
import { KeyedLock } from '../keyed-lock.js';
import { eventRefs, type EventRefs, type LineageEventArchive } from './event-archive.js';
import type { SchemaChangeWatch } from './schema-changes.js';

export interface IngestResult { kind: EventKind; nodes: number; edges: number }
export interface BatchFailure { index: number; reason: string; field?: string; retriable: boolean }
export interface BatchResult { received: number; successful: number; failed: BatchFailure[] }

export const MAX_BATCH_EVENTS = 10_000;

/** Most versions and edges one job's or dataset's history is read with from the store. */
const MAX_HISTORY = 20_000;

export interface LineageIngestOptions {
  /**
   * Keep each job's history, and each written dataset's, in memory between events (this many of
   * each; exact when this process is the only writer, as with the embedded graph). With several
   * ingest processes (Neo4j), 0: read them from the store each time.
   */
  historyCacheJobs: number;
}

/**
 * What the OpenLineage receivers call: LineageIngestService (answers after the graph commit, so every
 * reader sees the event at once and `writer` does not matter) or LoggedLineageIngest (answers from
 * the ingest log; `writer`, the sending API key, is whose reads wait for the event).
 */
export interface LineageReceiver {
  /** `namespaces`: those the sending key may write in (Principal.namespaces); an event writing elsewhere is refused (FORBIDDEN, naming the field). */
  ingest(tenant: string, body: unknown, writer?: string, namespaces?: readonly string[]): Promise<IngestResult>;
  ingestBatch(tenant: string, body: unknown, writer?: string, namespaces?: readonly string[]): Promise<BatchResult>;
}

/** An event validated and mapped to its graph write (LineageIngestService.place); `body`: the event as received. */
/** `refs`: what the archive files the event under, when plugins rename its datasets (else taken from the body). */
export interface PlacedEvent { kind: EventKind; batch: WriteBatch; at: string; jobKey: string | null; body: unknown; refs?: EventRefs }

/**
 * Validates OpenLineage events and writes each as one atomic, idempotent graph batch. The events of
 * one job are written under that job's lock, together with the edges whose validity the job's
 * history now implies, and the schema fields whose validity the histories of the datasets they write
 * imply (edge-history.ts): one write per event, nothing re-read while the histories are cached.
 */
export class LineageIngestService implements LineageReceiver {
  private readonly locks = new KeyedLock();
  private readonly histories = new Map<string, EdgeHistory>();
  /** Written datasets' field histories, by `tenant\0dataset id`; `loading`: those being read from the store. */
  private readonly fieldHistories = new Map<string, EdgeHistory>();
  private readonly loading = new Map<string, Promise<EdgeHistory>>();

  /**
   * `archive`: where the events this service answers for are kept as received (Marquez's event list);
   * none in tools that only build graphs. LoggedLineageIngest archives the events it answers itself.
   */
  constructor(
    private readonly graph: GraphStore,
    private readonly opts: LineageIngestOptions = { historyCacheJobs: 10_000 },
    private readonly archive: LineageEventArchive | null = null,
    /** Reports the schema changes the written events make (schema-changes.ts). */
    private readonly schemaChanges: SchemaChangeWatch | null = null,
    /** Plugins reading the events' facets (the same for every replay of an event: their handlers must be pure). */
    private readonly extensions: Extensions = NO_EXTENSIONS,
  ) {}

  async ingest(tenant: string, body: unknown, _writer?: string, namespaces?: readonly string[]): Promise<IngestResult> {
    const [result] = await this.ingestMany(tenant, [body], namespaces);
    return fulfilled(result);
  }

  /**
   * Validates and maps one event; throws BAD_USER_INPUT (naming the field) when it cannot be placed, and
   * FORBIDDEN when it writes outside `namespaces` (the sender's, when its key is limited to some).
   */
  place(tenant: string, body: unknown, namespaces?: readonly string[]): PlacedEvent {
    const { event, kind } = validateEvent(body);
    if (namespaces) checkScope(event, namespaces, this.named(tenant));
    const batch = mapEvent(event, kind, { extensions: this.extensions, tenant });
    const jobKey = event.job?.namespace && event.job.name ? `${tenant}\u0000${nodeId('Job', event.job.namespace, event.job.name)}` : null;
    const refs = this.extensions.renamesDatasets ? eventRefs(body, (ref) => this.extensions.datasetName(tenant, ref)) : undefined;
    return { kind, batch, at: new Date(parseEventTime(event.eventTime)).toISOString(), jobKey, body, ...(refs ? { refs } : {}) };
  }

  /**
   * Events of a key limited to namespaces (`namespaces`), placed: each also checked against the graph,
   * as `place` cannot: the runs it names (its own, its parent) must not be runs of a job outside them
   * (a team's emitter naming another team's run id would add its job, state and outputs to that run).
   * Each settles alone, in order. A run answered but not yet in the graph is not seen.
   */
  async placeScoped(tenant: string, bodies: readonly unknown[], namespaces: readonly string[]): Promise<PromiseSettledResult<PlacedEvent>[]> {
    const placed = bodies.map((body) => settle(() => this.place(tenant, body, namespaces)));
    const reads = placed.map((p) => (p.status === 'fulfilled' ? graphChecks(p.value.body as OpenLineageEvent, this.named(tenant)) : null));
    const ids = [...new Set(reads.flatMap((r) => r?.ids ?? []))];
    const found = new Map((ids.length ? await this.graph.getNodes(tenant, ids) : []).flatMap((n) => (n ? [[n.id, n] as const] : [])));
    return placed.map((p, i) => settle(() => {
      if (p.status === 'rejected') throw p.reason;
      reads[i]!.check(found, namespaces);
      return p.value;
    }));
  }

  /** A dataset as the graph names it (plugins may rename them). */
  private named(tenant: string): (d: DatasetRef) => { namespace: string; name: string } {
    return (d) => (this.extensions.renamesDatasets ? this.extensions.datasetName(tenant, d) : d);
  }

  /** Each event stands alone (its own result); events of one job share one history update. Answered once in the graph and the archive. */
  private async ingestMany(tenant: string, bodies: unknown[], namespaces?: readonly string[]): Promise<PromiseSettledResult<IngestResult>[]> {
    const placed = namespaces ? await this.placeScoped(tenant, bodies, namespaces) : bodies.map((body) => settle(() => this.place(tenant, body, namespaces)));
    const results = await this.writePlaced(tenant, placed);
    await this.archived(tenant, placed, results);
    return results;
  }

  /** Writes placed events (each its own result; one that could not be placed keeps its reason). Its batches gain the job history's edges. */
  async writePlaced(tenant: string, placed: readonly PromiseSettledResult<PlacedEvent>[]): Promise<PromiseSettledResult<IngestResult>[]> {
    const results: PromiseSettledResult<IngestResult>[] = new Array(placed.length);
    const changes = await this.schemaChangesOf(tenant, placed);
    let fields: Map<string, EdgeHistory>;
    try {
      fields = await this.writtenDatasets(tenant, placed);
    } catch (reason) {
      return placed.map((p) => (p.status === 'rejected' ? p : { status: 'rejected', reason }));
    }
    const byJob = new Map<string | null, { index: number; placed: PlacedEvent }[]>();
    placed.forEach((p, index) => {
      if (p.status === 'rejected') {
        results[index] = p;
        return;
      }
      const group = byJob.get(p.value.jobKey) ?? [];
      group.push({ index, placed: p.value });
      byJob.set(p.value.jobKey, group);
    });
    const write = async (group: { index: number; placed: PlacedEvent }[]) => {
      // Folded and submitted in one turn of the event loop: a dataset's field edges are submitted in the order its events were folded.
      const folded = this.foldFields(tenant, group, fields);
      const settled = await Promise.allSettled(group.map(({ placed }) => this.graph.write(tenant, placed.batch)));
      settled.forEach((s, i) => {
        const { index, placed } = group[i];
        results[index] = s.status === 'fulfilled'
          ? { status: 'fulfilled', value: { kind: placed.kind, nodes: placed.batch.nodes.length, edges: placed.batch.edges.length } }
          : s;
      });
      const ok = settled.every((s) => s.status === 'fulfilled');
      // It folded writes that did not all land: the next event reads the store again.
      if (!ok) for (const key of folded) this.fieldHistories.delete(key);
      return ok;
    };
    await Promise.all([...byJob].map(async ([jobKey, group]) => {
      if (!jobKey) return void (await write(group));
      let written: Promise<void> = Promise.resolve();
      await this.locks.run(jobKey, async () => {
        let history: EdgeHistory;
        try {
          history = await this.history(tenant, jobKey);
        } catch (reason) {
          for (const { index } of group) results[index] = { status: 'rejected', reason };
          return;
        }
        for (const { placed } of group) history.observe(placed.batch, placed.at);
        const changed = history.changedEdges();
        history.markStored(changed);
        // The last event carries them: the store commits writes in order, so every dataset they name exists by then.
        const last = group[group.length - 1].placed.batch;
        last.edges = [...last.edges, ...changed];
        written = write(group).then((ok) => {
          // It folded writes that did not all land: the next event reads the store again.
          if (!ok) this.histories.delete(jobKey);
        });
        // A store that commits in submit order keeps the job's writes in lock order once submitted.
        if (!this.graph.commitsInSubmitOrder) await written;
      });
      await written;
    }));
    changes?.watch.after(changes.pending, (i) => results[changes.index[i]].status === 'fulfilled');
    return results;
  }

  /** The schema changes the placed events would make (none read unless the tenant subscribed to them); never fails the write. */
  private async schemaChangesOf(tenant: string, placed: readonly PromiseSettledResult<PlacedEvent>[]) {
    const watch = this.schemaChanges;
    if (!watch) return null;
    const index = placed.flatMap((p, i) => (p.status === 'fulfilled' ? [i] : []));
    const pending = await watch.before(tenant, index.map((i) => (placed[i] as PromiseFulfilledResult<PlacedEvent>).value)).catch(() => null);
    return pending && { watch, pending, index };
  }

  /**
   * Archives the events the graph took; when the archive cannot take them, their results become its
   * error (UNAVAILABLE: the sender sends them again, and the graph's writes are idempotent).
   */
  private async archived(tenant: string, placed: readonly PromiseSettledResult<PlacedEvent>[], results: PromiseSettledResult<IngestResult>[]): Promise<void> {
    if (!this.archive) return;
    const written = placed.flatMap((p, i) => (p.status === 'fulfilled' && results[i].status === 'fulfilled' ? [i] : []));
    try {
      await this.archive.record(tenant, written.map((i) => (placed[i] as PromiseFulfilledResult<PlacedEvent>).value));
    } catch (reason) {
      for (const i of written) results[i] = { status: 'rejected', reason };
    }
  }

  /**
   * The field histories of the datasets these events give a schema as writers (only those can end a
   * column): cached, or read from the store, once however many events ask at the same time.
   */
  private async writtenDatasets(tenant: string, placed: readonly PromiseSettledResult<PlacedEvent>[]): Promise<Map<string, EdgeHistory>> {
    const ids = new Set<string>();
    for (const p of placed) {
      if (p.status !== 'fulfilled') continue;
      for (const n of p.value.batch.nodes) {
        if (n.kind === 'DatasetVersion' && typeof n.props?.[WRITTEN_AT_PROP] === 'string' && typeof n.props.datasetId === 'string' && n.props['facets.schema']) ids.add(n.props.datasetId);
      }
    }
    const out = new Map<string, EdgeHistory>();
    await Promise.all([...ids].map(async (id) => {
      const key = `${tenant}\u0000${id}`;
      const cached = this.fieldHistories.get(key);
      if (cached) {
        this.fieldHistories.delete(key); // re-inserted: the map's order is least recently used first
        this.fieldHistories.set(key, cached);
      }
      out.set(key, cached ?? await this.loadFields(tenant, id, key));
    }));
    return out;
  }

  private loadFields(tenant: string, datasetId: string, key: string): Promise<EdgeHistory> {
    let pending = this.loading.get(key);
    if (pending) return pending;
    pending = (async () => {
      const history = fieldHistory(datasetId);
      const [dataset] = await this.graph.getNodes(tenant, [datasetId]);
      if (dataset) {
        const [versions, edges] = await Promise.all([
          allNeighbours(this.graph, tenant, datasetId, { direction: 'DOWNSTREAM', edgeKinds: ['HAS_VERSION'] }, MAX_HISTORY),
          allNeighbours(this.graph, tenant, datasetId, { direction: 'DOWNSTREAM', edgeKinds: ['HAS_FIELD'], includeEnded: true }, MAX_HISTORY),
        ]);
        history.load(versions.map((n) => n.node), edges.map((n) => n.edge), dataset);
      }
      if (this.opts.historyCacheJobs > 0) {
        this.fieldHistories.set(key, history);
        if (this.fieldHistories.size > this.opts.historyCacheJobs) this.fieldHistories.delete(this.fieldHistories.keys().next().value!);
      }
      return history;
    })().finally(() => this.loading.delete(key));
    this.loading.set(key, pending);
    return pending;
  }

  /**
   * Folds a group's events into the field histories of the datasets they touch (those `loaded` for
   * this write, or cached: a reader's view adds its columns' edges) and adds the field edges whose
   * validity changed to the group's last event. Returns the histories' keys.
   */
  private foldFields(tenant: string, group: readonly { placed: PlacedEvent }[], loaded: ReadonlyMap<string, EdgeHistory>): string[] {
    if (!loaded.size && !this.fieldHistories.size) return [];
    const touched = new Map<string, EdgeHistory>();
    for (const { placed } of group) {
      const datasets = new Set<string>();
      for (const n of placed.batch.nodes) if (n.kind === 'DatasetVersion' && typeof n.props?.datasetId === 'string') datasets.add(n.props.datasetId);
      for (const e of placed.batch.edges) if (e.kind === 'HAS_FIELD') datasets.add(e.from);
      for (const id of datasets) {
        const key = `${tenant}\u0000${id}`;
        const history = loaded.get(key) ?? this.fieldHistories.get(key);
        if (!history) continue;
        history.observe(placed.batch, placed.at);
        touched.set(key, history);
      }
    }
    const changed = [...touched.values()].flatMap((h) => {
      const edges = h.changedEdges();
      h.markStored(edges);
      return edges;
    });
    if (changed.length) {
      const last = group[group.length - 1].placed.batch;
      last.edges = [...last.edges, ...changed];
    }
    return [...touched.keys()];
  }

  /** The job's history: cached, or read from the store (everything committed for the job so far; its lock is held). */
  private async history(tenant: string, jobKey: string): Promise<EdgeHistory> {
    const cached = this.histories.get(jobKey);
    if (cached) {
      this.histories.delete(jobKey); // re-inserted: the map's order is least recently used first
      this.histories.set(jobKey, cached);
      return cached;
    }
    const jobId = jobKey.slice(tenant.length + 1);
    const history = jobHistory(jobId);
    // A job the store has no node for has no history (a new job: most jobs on a fresh store); the
    // embedded store answers that from its key filter without a query.
    const [job] = await this.graph.getNodes(tenant, [jobId]);
    if (job) {
      const [versions, edges] = await Promise.all([
        allNeighbours(this.graph, tenant, jobId, { direction: 'DOWNSTREAM', edgeKinds: ['HAS_VERSION'] }, MAX_HISTORY),
        allNeighbours(this.graph, tenant, jobId, { direction: 'BOTH', edgeKinds: JOB_EDGE_KINDS, includeEnded: true }, MAX_HISTORY),
      ]);
      history.load(versions.map((n) => n.node), edges.map((n) => n.edge));
    }
    this.remember(jobKey, history);
    return history;
  }

  private remember(jobKey: string, history: EdgeHistory): void {
    if (this.opts.historyCacheJobs <= 0) return;
    this.histories.set(jobKey, history);
    if (this.histories.size > this.opts.historyCacheJobs) this.histories.delete(this.histories.keys().next().value!);
  }

  /**
   * The spec's batch endpoint: every event stands alone (partial success). Valid events are
   * submitted together, so the store can commit them in one group; an invalid one fails alone.
   */
  async ingestBatch(tenant: string, body: unknown, _writer?: string, namespaces?: readonly string[]): Promise<BatchResult> {
    return batchResult(await this.ingestMany(tenant, batchEvents(body), namespaces));
  }
}

/** A call's outcome as a settled promise's, without the promise. */
/** A settled result's value, or its reason thrown. */
export function fulfilled<T>(r: PromiseSettledResult<T>): T {
  if (r.status === 'rejected') throw r.reason;
  return r.value;
}

export function settle<T>(fn: () => T): PromiseSettledResult<T> {
  try {
    return { status: 'fulfilled', value: fn() };
  } catch (reason) {
    return { status: 'rejected', reason };
  }
}

/** The events of a batch body: a JSON array of at most MAX_BATCH_EVENTS. */
export function batchEvents(body: unknown): unknown[] {
  if (!Array.isArray(body)) throw badInput('(body)', 'must be a JSON array of OpenLineage events');
  if (body.length > MAX_BATCH_EVENTS) throw badInput('(body)', `at most ${MAX_BATCH_EVENTS} events per batch; split it`);
  return body;
}

/** The spec's batch answer from each event's outcome. */
export function batchResult(settled: readonly PromiseSettledResult<unknown>[]): BatchResult {
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
  return { received: settled.length, successful: settled.length - failed.length, failed };
}

