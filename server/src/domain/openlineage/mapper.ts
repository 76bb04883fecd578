import type { Props } from '../model.js';
import { runNodeId, versionId } from '../ids.js';
import type { WriteBatch } from '../ports/GraphStore.js';
import { parseEventTime, type DatasetRef, type OpenLineageEvent } from './event.schema.js';
import type { EventKind } from './validate.js';
import { BatchBuilder } from './batch-builder.js';
import { definingJobProps, facetProps, jobVersion } from './facets.js';
import { columnDerivations } from './fields.js';
import { WRITTEN_AT_PROP } from './edge-history.js';
import type { Extensions, FacetOwner } from '../ports/Extensions.js';

/** The plugins reading this event's facets, and the tenant it goes to (see ports/Extensions.ts). */
export interface FacetReaders { extensions: Extensions; tenant: string }

const TERMINAL = new Set(['COMPLETE', 'FAIL', 'ABORT']);

/**
 * Summaries kept on nodes at ingest, so that views of many nodes (a Marquez lineage graph, a job list)
 * need no neighbour reads (Marquez keeps the same in its tables). Each is one prop whose newest
 * event time wins in the store, so any arrival order gives the same value:
 * - a job's `currentVersion`: what its newest versioned event (terminal run event or JobEvent)
 *   defined, `{version, inputs, outputs}` (inputs and outputs as {namespace, name});
 * - a job's `latestRun`: the id of the run whose START is newest;
 * - a dataset's `lastModifiedAt`: the time of the newest COMPLETE event that named it an output;
 * - a dataset's `writtenVersion`: the version (string) of the newest event that defined it as a
 *   writer: a run's output with a version, or a DatasetEvent (readers' views of their inputs left
 *   out: schema-changes.ts compares a writer's schema with it);
 * - a dataset's `schemaBy`: who gave the schema facet it holds (`facets.schema`, newest by event time
 *   like it), `writer` (a run's output, a DatasetEvent) or `reader` (a run's input): where a reader's
 *   view (maybe pruned or stale) is the newest, Marquez's dataset views take the written version's
 *   schema instead, as Marquez shows its current version's;
 * - a run's links (its RAN, READ_BY and WROTE edges) as {namespace, name, version}: `links.ran`, the
 *   job version its newest terminal event ran, and one key per dataset (version) it read or wrote,
 *   `links.read.<node id>` and `links.wrote.<node id>` (keys accumulate over the run's events, as its
 *   edges do); `links` marks a run whose links are kept.
 * Nodes written before these existed lack them: readers fall back to the neighbour reads.
 */
export const SUMMARY_PROPS = {
  currentVersion: 'currentVersion', latestRun: 'latestRun', lastModifiedAt: 'lastModifiedAt', writtenVersion: 'writtenVersion', schemaBy: 'schemaBy',
  runLinks: 'links', ran: 'links.ran', readPrefix: 'links.read.', wrotePrefix: 'links.wrote.',
} as const;
/** What a kept run link names: a dataset or job, and its version string (null: a dataset read or written without one). */
export interface KeptLink { namespace: string; name: string; version: string | null }
/** A dataset an event reads or writes, as placed: its node id, its version's node id and version string (null: none), its name. */
export interface PlacedDataset { id: string; version: string | null; versionName: string | null; namespace: string; name: string }

/** A job's current version as kept on the job (SUMMARY_PROPS.currentVersion). */
export function currentVersionProps(version: string, inputs: readonly PlacedDataset[], outputs: readonly PlacedDataset[]): Props {
  const named = (list: readonly PlacedDataset[]) => list.map((d) => ({ namespace: d.namespace, name: d.name }));
  return { [SUMMARY_PROPS.currentVersion]: { version, inputs: named(inputs), outputs: named(outputs) } };
}

/** A run's links as kept on the run (SUMMARY_PROPS): the job version it ran (null: none), what it read and wrote. */
export function runLinkProps(job: { namespace: string; name: string }, jobVersion: string | null, inputs: readonly PlacedDataset[], outputs: readonly PlacedDataset[]): Props {
  const props: Props = { [SUMMARY_PROPS.runLinks]: true };
  if (jobVersion) props[SUMMARY_PROPS.ran] = { namespace: job.namespace, name: job.name, version: jobVersion } satisfies KeptLink;
  const link = (d: PlacedDataset): KeptLink => ({ namespace: d.namespace, name: d.name, version: d.versionName });
  for (const i of inputs) props[`${SUMMARY_PROPS.readPrefix}${i.version ?? i.id}`] = link(i);
  for (const o of outputs) props[`${SUMMARY_PROPS.wrotePrefix}${o.version ?? o.id}`] = link(o);
  return props;
}

/**
 * Map one validated event to an idempotent graph write. Facets become one prop each
 * (`facets.<name>`), merged per key by event time in the store, so facets from START, RUNNING and
 * COMPLETE accumulate in any order; run lifecycle times are kept per event type (`at.<eventType>`),
 * from which the run state is derived (see run-state.ts).
 */
export function mapEvent(event: OpenLineageEvent, kind: EventKind, readers?: FacetReaders): WriteBatch {
  const at = new Date(parseEventTime(event.eventTime)).toISOString();
  const ext = readers?.extensions;
  const b = new BatchBuilder(at, ext?.renamesDatasets ? (ref) => ext.datasetName(readers!.tenant, ref) : undefined);
  const extend = ext?.readsFacets ? pluginFacets(b, event, readers!) : () => undefined;
  const dataset = (d: DatasetRef, by: 'writer' | 'reader') => {
    const placed = b.dataset(d);
    if (d.facets?.schema) b.addProps(placed.id, { [SUMMARY_PROPS.schemaBy]: by });
    extend('dataset', placed.id, placed.namespace, placed.name, d.facets);
    return placed;
  };
  if (kind === 'DatasetEvent') {
    const d = event.dataset!;
    const placed = dataset(d, 'writer');
    written(b, placed);
    columnLineage(b, d, placed);
    return b.build();
  }
  const job = event.job!;
  const jobId = b.node('Job', job.namespace, job.name, facetProps(job.facets));
  b.tagsOf(jobId, job.facets);
  extend('job', jobId, job.namespace, job.name, job.facets);
  const placed = (by: 'writer' | 'reader') => (d: DatasetRef): PlacedRef => ({ ref: d, ...dataset(d, by) });
  const inputs = (event.inputs ?? []).map(placed('reader'));
  const outputs = (event.outputs ?? []).map(placed('writer'));
  for (const i of inputs) b.edge('INPUT_TO', i.id, jobId);
  for (const o of outputs) {
    b.edge('OUTPUT', jobId, o.id);
    columnLineage(b, o.ref, o);
    if (kind === 'RunEvent' && event.eventType === 'COMPLETE') b.addProps(o.id, { [SUMMARY_PROPS.lastModifiedAt]: b.at });
    written(b, o);
  }
  const versioned = kind === 'JobEvent' || TERMINAL.has(event.eventType ?? '');
  const jobVersion = versioned ? versionJob(b, event, jobId, inputs, outputs) : null;
  if (kind === 'RunEvent') extend('run', mapRun(b, event, jobId, jobVersion, inputs, outputs), job.namespace, event.run!.runId, event.run!.facets);
  return b.build();
}

type Extend = (owner: FacetOwner, id: string, namespace: string, name: string, facets: Record<string, unknown> | null | undefined) => void;

/** Hands a node's facets to the plugins reading them and adds what they made of them to the batch. */
function pluginFacets(b: BatchBuilder, event: OpenLineageEvent, { extensions, tenant }: FacetReaders): Extend {
  return (owner, id, namespace, name, facets) => {
    if (!facets) return;
    const made = extensions.facets({ tenant, owner, namespace, name, eventType: event.eventType ?? null, eventTime: b.at }, facets);
    if (made.length) b.contribute(id, owner === 'dataset' ? { namespace, name } : null, made);
  };
}

type PlacedRef = PlacedDataset & { ref: DatasetRef };

/** A dataset this event writes: its version is the newest a writer gave (`writtenVersion`), and the version was written now (edge-history.ts). */
function written(b: BatchBuilder, d: { id: string; version: string | null; versionName: string | null }): void {
  if (!d.version || !d.versionName) return;
  b.addProps(d.id, { [SUMMARY_PROPS.writtenVersion]: d.versionName });
  b.addProps(d.version, { [WRITTEN_AT_PROP]: b.at });
}

/** The job's version this event defines: its node id and version string. */
function versionJob(b: BatchBuilder, event: OpenLineageEvent, jobId: string, inputRefs: PlacedRef[], outputRefs: PlacedRef[]): { id: string; version: string } {
  const job = event.job!;
  const [inputs, outputs] = [inputRefs.map((i) => i.id), outputRefs.map((o) => o.id)];
  const version = jobVersion(job.facets, inputs, outputs);
  const vid = b.node('JobVersion', job.namespace, job.name, { version, jobId, inputs, outputs, ...definingJobProps(job.facets) }, { id: versionId(jobId, version) });
  b.edge('HAS_VERSION', jobId, vid);
  b.addProps(jobId, currentVersionProps(version, inputRefs, outputRefs));
  return { id: vid, version };
}

/** The run's part of the batch; returns the run's node id. */
function mapRun(b: BatchBuilder, event: OpenLineageEvent, jobId: string, jobVersion: { id: string; version: string } | null, inputs: PlacedRef[], outputs: PlacedRef[]): string {
  const job = event.job!;
  const run = event.run!;
  const jobVersionId = jobVersion?.id ?? null;
  const props: Props = { ...facetProps(run.facets), runId: run.runId, jobId, ...runLinkProps(job, jobVersion?.version ?? null, inputs, outputs) };
  if (event.eventType) props[`at.${event.eventType}`] = b.at;
  if (event.producer) props.producer = event.producer;
  const runId = b.node('Run', job.namespace, run.runId, props, { id: runNodeId(run.runId) });
  b.edge('RUN_OF', runId, jobId);
  b.tagsOf(runId, run.facets);
  if (event.eventType === 'START') b.addProps(jobId, { [SUMMARY_PROPS.latestRun]: runId });
  if (jobVersionId) b.edge('RAN', runId, jobVersionId);
  // A run reads and writes specific versions; where the event defines none, the dataset itself.
  for (const i of inputs) b.edge('READ_BY', i.version ?? i.id, runId);
  for (const o of outputs) b.edge('WROTE', runId, o.version ?? o.id);
  const parent = parentOf(run.facets);
  if (parent) {
    const parentJob = b.node('Job', parent.namespace, parent.name, {});
    const parentRun = b.node('Run', parent.namespace, parent.runId, { runId: parent.runId, jobId: parentJob, [SUMMARY_PROPS.runLinks]: true }, { id: runNodeId(parent.runId) });
    b.edge('RUN_OF', parentRun, parentJob);
    b.edge('PARENT_OF', parentRun, runId);
  }
  return runId;
}

/** The columnLineage facet of an output (`placed`: as the graph names it): field → field edges, and field → dataset for dataset-wide dependencies. */
function columnLineage(b: BatchBuilder, output: DatasetRef, placed: { id: string; namespace: string; name: string }): void {
  const outId = placed.id;
  for (const d of columnDerivations(output)) {
    const from = b.fieldOfUnseenDataset(d.from);
    const to = d.to.field === null ? outId : b.field({ namespace: placed.namespace, dataset: placed.name, field: d.to.field });
    if (d.to.field !== null) b.edge('HAS_FIELD', outId, to);
    b.edge('DERIVES', from, to, d.props);
  }
}

export function parentOf(facets: Record<string, unknown> | null | undefined): { namespace: string; name: string; runId: string } | null {
  const p = facets?.parent as { job?: { namespace?: unknown; name?: unknown }; run?: { runId?: unknown } } | undefined;
  const [namespace, name, runId] = [p?.job?.namespace, p?.job?.name, p?.run?.runId];
  if (typeof namespace !== 'string' || typeof name !== 'string' || typeof runId !== 'string' || !namespace || !name || !runId) return null;
  return { namespace, name, runId };
}
