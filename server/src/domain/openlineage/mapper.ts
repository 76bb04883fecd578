import type { Props } from '../model.js';
import { nodeId, runNodeId, versionId } from '../ids.js';
import type { WriteBatch } from '../ports/GraphStore.js';
import { parseEventTime, type DatasetRef, type OpenLineageEvent } from './event.schema.js';
import type { EventKind } from './validate.js';
import { BatchBuilder } from './batch-builder.js';
import { definingJobProps, facetProps, jobVersion } from './facets.js';
import { columnDerivations } from './fields.js';

const TERMINAL = new Set(['COMPLETE', 'FAIL', 'ABORT']);

/**
 * Map one validated event to an idempotent graph write. Facets become one prop each
 * (`facets.<name>`), merged per key by event time in the store, so facets from START, RUNNING and
 * COMPLETE accumulate in any order; run lifecycle times are kept per event type (`at.<eventType>`),
 * from which the run state is derived (see run-state.ts).
 */
export function mapEvent(event: OpenLineageEvent, kind: EventKind): WriteBatch {
  const at = new Date(parseEventTime(event.eventTime)).toISOString();
  const b = new BatchBuilder(at);
  if (kind === 'DatasetEvent') {
    const d = event.dataset!;
    b.dataset(d);
    columnLineage(b, d);
    return b.build();
  }
  const job = event.job!;
  const jobId = b.node('Job', job.namespace, job.name, facetProps(job.facets));
  const inputs = (event.inputs ?? []).map((d) => ({ ref: d, ...b.dataset(d) }));
  const outputs = (event.outputs ?? []).map((d) => ({ ref: d, ...b.dataset(d) }));
  for (const i of inputs) b.edge('INPUT_TO', i.id, jobId);
  for (const o of outputs) {
    b.edge('OUTPUT', jobId, o.id);
    columnLineage(b, o.ref);
  }
  const versioned = kind === 'JobEvent' || TERMINAL.has(event.eventType ?? '');
  const jobVersionId = versioned ? versionJob(b, event, jobId, inputs.map((i) => i.id), outputs.map((o) => o.id)) : null;
  if (kind === 'RunEvent') mapRun(b, event, jobId, jobVersionId, inputs, outputs);
  return b.build();
}

function versionJob(b: BatchBuilder, event: OpenLineageEvent, jobId: string, inputs: string[], outputs: string[]): string {
  const job = event.job!;
  const version = jobVersion(job.facets, inputs, outputs);
  const vid = b.node('JobVersion', job.namespace, job.name, { version, jobId, inputs, outputs, ...definingJobProps(job.facets) }, { id: versionId(jobId, version) });
  b.edge('HAS_VERSION', jobId, vid);
  return vid;
}

type Placed = { id: string; version: string | null };

function mapRun(b: BatchBuilder, event: OpenLineageEvent, jobId: string, jobVersionId: string | null, inputs: Placed[], outputs: Placed[]): void {
  const job = event.job!;
  const run = event.run!;
  const props: Props = { ...facetProps(run.facets), runId: run.runId, jobId };
  if (event.eventType) props[`at.${event.eventType}`] = b.at;
  if (event.producer) props.producer = event.producer;
  const runId = b.node('Run', job.namespace, run.runId, props, { id: runNodeId(run.runId) });
  b.edge('RUN_OF', runId, jobId);
  if (jobVersionId) b.edge('RAN', runId, jobVersionId);
  // A run reads and writes specific versions; where the event defines none, the dataset itself.
  for (const i of inputs) b.edge('READ_BY', i.version ?? i.id, runId);
  for (const o of outputs) b.edge('WROTE', runId, o.version ?? o.id);
  const parent = parentOf(run.facets);
  if (parent) {
    const parentJob = b.node('Job', parent.namespace, parent.name, {});
    const parentRun = b.node('Run', parent.namespace, parent.runId, { runId: parent.runId, jobId: parentJob }, { id: runNodeId(parent.runId) });
    b.edge('RUN_OF', parentRun, parentJob);
    b.edge('PARENT_OF', parentRun, runId);
  }
}

/** The columnLineage facet of an output: field → field edges, and field → dataset for dataset-wide dependencies. */
function columnLineage(b: BatchBuilder, output: DatasetRef): void {
  const outId = nodeId('Dataset', output.namespace, output.name);
  for (const d of columnDerivations(output)) {
    const from = b.fieldOfUnseenDataset(d.from);
    const to = d.to.field === null ? outId : b.field({ namespace: output.namespace, dataset: output.name, field: d.to.field });
    if (d.to.field !== null) b.edge('HAS_FIELD', outId, to);
    b.edge('DERIVES', from, to, d.props);
  }
}

function parentOf(facets: Record<string, unknown> | null | undefined): { namespace: string; name: string; runId: string } | null {
  const p = facets?.parent as { job?: { namespace?: unknown; name?: unknown }; run?: { runId?: unknown } } | undefined;
  const [namespace, name, runId] = [p?.job?.namespace, p?.job?.name, p?.run?.runId];
  if (typeof namespace !== 'string' || typeof name !== 'string' || typeof runId !== 'string' || !namespace || !name || !runId) return null;
  return { namespace, name, runId };
}
