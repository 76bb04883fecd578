import type { DatasetRename } from './batch-builder.js';
import { RawJson, type Analytics } from '../ports/Analytics.js';
import { nodeId } from '../ids.js';
import { eventRunPods, type RunPods, type RunPodsOf } from '../telemetry/run-pods.js';

/** DateTime64(3)'s range (1900 to 2299): an event time outside it is kept at the nearest end. */
const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(2299, 11, 31, 23, 59, 59, 999);

export type SortDirection = 'asc' | 'desc';

export interface EventListQuery {
  /** Events strictly before this time (epoch ms), and at or after `after` (Marquez's bounds). */
  before: number | null;
  after: number | null;
  direction: SortDirection;
  limit: number;
  offset: number;
  /** Only the events of this run (run.runId), of this job (job.namespace and job.name), of this dataset (an input, an output, a DatasetEvent's). */
  runId?: string | null;
  job?: { namespace: string; name: string } | null;
  dataset?: { namespace: string; name: string } | null;
}

export interface EventList { events: unknown[]; totalCount: number }

/**
 * An event to archive: as received (`body`, or `json`, its serialised text), its eventTime as an ISO-8601
 * instant (`at`), and what it is filed under (`refs`, else read from `body`).
 */
export interface ArchivedEvent { body?: unknown; json?: string; refs?: EventRefs; at: string }

const RANGE = `tenant_id = {tenant:String} AND event_time >= {after:DateTime64(3, 'UTC')} AND event_time < {before:DateTime64(3, 'UTC')}`;
/** RANGE, and the run, the job and the dataset the query names. */
const where = (q: EventListQuery) => RANGE + (q.runId ? ' AND run_id = {runId:String}' : '')
  + (q.job ? ' AND job_namespace = {jobNamespace:String} AND job_name = {jobName:String}' : '') + (q.dataset ? ' AND has(datasets, {dataset:String})' : '');
/** How `datasets` names a dataset. */
const datasetKey = (namespace: string, name: string) => `${namespace}:${name}`;

/**
 * The keys of one page first (FINAL collapses an event archived twice), then the bodies of that page
 * alone: the bodies are the bulk of the table, and sorting them all to return a page read every one.
 */
export const pageSql = (q: EventListQuery) => {
  const order = q.direction === 'asc' ? 'event_time ASC, event_hash ASC' : 'event_time DESC, event_hash DESC';
  return `SELECT body FROM lineage_events
PREWHERE tenant_id = {tenant:String} AND (event_time, event_hash) IN (
  SELECT event_time, event_hash FROM lineage_events FINAL WHERE ${where(q)}
  ORDER BY ${order} LIMIT {limit:UInt32} OFFSET {offset:UInt32}
)
ORDER BY ${order}
LIMIT 1 BY event_time, event_hash`;
};

export const countSql = (q: EventListQuery) => `SELECT count() AS n FROM lineage_events FINAL WHERE ${where(q)}`;

/** The query parameters of pageSql and countSql. */
export function listParams(q: EventListQuery): Record<string, unknown> {
  return {
    after: at(q.after ?? MIN_MS), before: at(q.before ?? MAX_MS), limit: q.limit, offset: q.offset,
    ...(q.runId ? { runId: q.runId } : {}), ...(q.job ? { jobNamespace: q.job.namespace, jobName: q.job.name } : {}),
    ...(q.dataset ? { dataset: datasetKey(q.dataset.namespace, q.dataset.name) } : {}),
  };
}

type Ref = { namespace?: unknown; name?: unknown } | null | undefined;
export interface EventRefs {
  run_id: string; job_namespace: string; job_name: string; datasets: string[];
  /** Where the run ran, when the event's `k8s` run facet says (telemetry/run-pods.ts): not a column of the archive. */
  pods?: Omit<RunPodsOf, 'runId'>;
}

/**
 * What the archive files an event under besides its time: its run, its job and its datasets, when it
 * names them; with `rename` (plugins renaming datasets), under the names the graph knows them by too.
 */
export function eventRefs(body: unknown, rename?: DatasetRename): EventRefs {
  const e = body as { run?: { runId?: unknown } | null; job?: Ref; inputs?: unknown; outputs?: unknown; dataset?: Ref };
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const refs = [...(Array.isArray(e.inputs) ? e.inputs : []), ...(Array.isArray(e.outputs) ? e.outputs : []), e.dataset] as Ref[];
  const datasets = new Set<string>();
  for (const d of refs) {
    if (!text(d?.namespace) || !text(d?.name)) continue;
    datasets.add(datasetKey(text(d?.namespace), text(d?.name)));
    if (!rename) continue;
    const r = rename({ namespace: d!.namespace as string, name: d!.name as string });
    datasets.add(datasetKey(r.namespace.trim(), r.name.trim()));
  }
  const pods = eventRunPods(body);
  return { run_id: text(e.run?.runId), job_namespace: text(e.job?.namespace), job_name: text(e.job?.name), datasets: [...datasets], ...(pods ? { pods } : {}) };
}

/**
 * The ids of the jobs and datasets `events` name (newest first as given), each once: a job, then its
 * outputs, then its inputs, event after event, datasets as `rename` names them (plugins renaming datasets).
 * Names that cannot be an id (a NUL) are left out.
 */
export function namedNodeIds(events: readonly unknown[], rename: DatasetRename = (ref) => ref): string[] {
  const ids = new Set<string>();
  const add = (kind: 'Job' | 'Dataset', ref: Ref) => {
    if (typeof ref?.namespace !== 'string' || typeof ref.name !== 'string' || !ref.namespace.trim() || !ref.name.trim()) return;
    const named = kind === 'Dataset' ? rename({ namespace: ref.namespace, name: ref.name }) : { namespace: ref.namespace, name: ref.name };
    try { ids.add(nodeId(kind, named.namespace.trim(), named.name.trim())); } catch { /* not an id: nothing to show */ }
  };
  for (const body of events) {
    const e = body as { job?: Ref; inputs?: unknown; outputs?: unknown; dataset?: Ref };
    add('Job', e.job);
    for (const d of [...(Array.isArray(e.outputs) ? e.outputs : []), e.dataset, ...(Array.isArray(e.inputs) ? e.inputs : [])] as Ref[]) add('Dataset', d);
  }
  return [...ids];
}

/**
 * `ms` within [MIN_MS, max] as DateTime64(3) text in UTC (`2024-01-31 12:00:00.000`, what query
 * parameters parse); events are kept below MAX_MS, so a bound at MAX_MS is past them all.
 */
const at = (ms: number, max = MAX_MS) => new Date(Math.min(max, Math.max(MIN_MS, ms))).toISOString().replace('T', ' ').slice(0, -1);

/**
 * Every OpenLineage event taken in, as it was received, in the analytics store's `lineage_events`
 * (schema/clickhouse/005_lineage_events.sql): what Marquez lists at GET /api/v1/events/lineage, and
 * what an emitter's owner reads to see what their emitter really sent. LineageIngestService archives
 * the events it answers for before it answers; LoggedLineageIngest archives the events answered from its
 * log in groups, and reads wait for those of their tenant (or their key) answered before them. The same
 * event archived twice (an emitter's retry, a replay after a crash) is listed once.
 */
export class LineageEventArchive {
  /**
   * `visible`: resolves once the events answered for the tenant are in the graph (and so here); reads wait for it.
   * `runPods`: where the events' runs ran (their `k8s` run facets) is stored there with them.
   */
  constructor(
    private readonly analytics: Analytics,
    private readonly visible: (tenant: string) => Promise<void> = () => Promise.resolve(),
    private readonly runPods?: RunPods,
  ) {}

  /**
   * Resolves once the events are stored (the analytics store's group commit). The body goes in as a
   * JSON object that the String column takes as its text (input_format_json_read_objects_as_strings):
   * not escaped into a string again, and not serialised again when its text is at hand (the ingest
   * log's). Serialising 1,500 corpus events took 72-103 ms of the main thread; 3,000 went in with
   * 186-259 ms of CPU as objects, 362-585 ms as strings (1,000 an INSERT).
   */
  async record(tenant: string, events: readonly ArchivedEvent[]): Promise<void> {
    if (!events.length) return;
    const placed: RunPodsOf[] = [];
    const rows = events.map((e) => {
      const { pods, ...refs } = e.refs ?? eventRefs(e.body);
      if (pods && refs.run_id) placed.push({ runId: refs.run_id, ...pods });
      return { tenant_id: tenant, event_time: at(Date.parse(e.at), MAX_MS - 1), body: e.json === undefined ? e.body : new RawJson(e.json), ...refs };
    });
    await Promise.all([this.analytics.insert('lineage_events', rows), placed.length ? this.runPods?.record(tenant, placed) : null]);
  }

  /** The tenant's newest `limit` events, newest first (no count of them all). */
  async newest(tenant: string, limit: number): Promise<unknown[]> {
    await this.visible(tenant);
    const q: EventListQuery = { after: null, before: null, direction: 'desc', limit, offset: 0 };
    return (await this.analytics.query<{ body: string }>(tenant, pageSql(q), listParams(q))).map((r) => JSON.parse(r.body) as unknown);
  }

  /** The tenant's events in [after, before) (of one run or job, if named), by event time in `direction`, a page at a time, and how many there are. */
  async list(tenant: string, q: EventListQuery): Promise<EventList> {
    await this.visible(tenant);
    const params = listParams(q);
    const [rows, [count]] = await Promise.all([
      this.analytics.query<{ body: string }>(tenant, pageSql(q), params),
      this.analytics.query<{ n: string | number }>(tenant, countSql(q), params),
    ]);
    return { events: rows.map((r) => JSON.parse(r.body) as unknown), totalCount: Number(count?.n ?? 0) };
  }
}
