import type { EdgeInput, NodeInput, NodeKind, Props } from '../model.js';
import { nodeId } from '../ids.js';
import type { WriteBatch } from '../ports/GraphStore.js';
import { parseEventTime, type DatasetRef, type OpenLineageEvent } from './event.schema.js';
import type { EventKind } from './validate.js';

/** Dataset kinds a producer may declare with the custom `loom_kind` dataset facet. */
const DECLARABLE_KINDS: readonly NodeKind[] = ['Model', 'FeatureGroup'];

/**
 * Map one validated event to an idempotent graph write. Facets become one prop each
 * (`facets.<name>`), so facets from START, RUNNING and COMPLETE accumulate in any order, and
 * run lifecycle times are kept per event type (`at.<eventType>`), from which the state is derived.
 */
export function mapEvent(event: OpenLineageEvent, kind: EventKind): WriteBatch {
  const at = new Date(parseEventTime(event.eventTime)).toISOString();
  const b = new BatchBuilder(at);
  if (kind === 'DatasetEvent') {
    b.dataset(event.dataset!);
    return b.build();
  }
  const job = event.job!;
  const jobId = b.node('Job', job.namespace, job.name, facetProps(job.facets));
  for (const input of event.inputs ?? []) b.edge('INPUT_TO', b.dataset(input), jobId);
  for (const output of event.outputs ?? []) b.edge('OUTPUT', jobId, b.dataset(output));
  if (kind === 'RunEvent') mapRun(b, event, jobId, at);
  return b.build();
}

function mapRun(b: BatchBuilder, event: OpenLineageEvent, jobId: string, at: string): void {
  const job = event.job!;
  const run = event.run!;
  const runProps: Props = { ...facetProps(run.facets), runId: run.runId, jobId };
  if (event.eventType) runProps[`at.${event.eventType}`] = at;
  if (event.producer) runProps.producer = event.producer;
  const runId = b.node('Run', job.namespace, run.runId, runProps);
  b.edge('RUN_OF', runId, jobId);
  for (const input of event.inputs ?? []) b.edge('READ_BY', nodeId('Dataset', input.namespace, input.name), runId);
  for (const output of event.outputs ?? []) b.edge('WROTE', runId, nodeId('Dataset', output.namespace, output.name));
  const parent = parentOf(run.facets);
  if (parent) {
    const parentJob = b.node('Job', parent.namespace, parent.name, {});
    const parentRun = b.node('Run', parent.namespace, parent.runId, { runId: parent.runId, jobId: parentJob });
    b.edge('RUN_OF', parentRun, parentJob);
    b.edge('PARENT_OF', parentRun, runId);
  }
}

function parentOf(facets: Record<string, unknown> | null | undefined): { namespace: string; name: string; runId: string } | null {
  const p = facets?.parent as { job?: { namespace?: unknown; name?: unknown }; run?: { runId?: unknown } } | undefined;
  const [namespace, name, runId] = [p?.job?.namespace, p?.job?.name, p?.run?.runId];
  if (typeof namespace !== 'string' || typeof name !== 'string' || typeof runId !== 'string' || !namespace || !name || !runId) return null;
  return { namespace, name, runId };
}

/** Datasets keep the id `dataset:ns:name` whatever kind a producer declares, so every reference meets one node. */
function declaredKind(d: DatasetRef): NodeKind | null {
  const declared = (d.facets?.loom_kind as { kind?: unknown } | undefined)?.kind;
  return DECLARABLE_KINDS.includes(declared as NodeKind) ? (declared as NodeKind) : null;
}

/** `{schema: {...}, dataSource: {...}}` → `{'facets.schema': {...}, ...}`; a `_deleted: true` facet becomes a tombstone (null). */
function facetProps(facets: Record<string, unknown> | null | undefined, prefix = 'facets'): Props {
  const props: Props = {};
  for (const [name, value] of Object.entries(facets ?? {})) {
    if (value === null || value === undefined) continue;
    const deleted = typeof value === 'object' && (value as { _deleted?: unknown })._deleted === true;
    props[`${prefix}.${name}`] = deleted ? null : value;
  }
  return props;
}

class BatchBuilder {
  private readonly nodes: NodeInput[] = [];
  private readonly edges: EdgeInput[] = [];
  private readonly namespaces = new Set<string>();
  constructor(private readonly at: string) {}

  node(kind: NodeKind, namespace: string, name: string, props: Props, opts: { idKind?: NodeKind; kindIsDefault?: boolean } = {}): string {
    const id = nodeId(opts.idKind ?? kind, namespace, name);
    const kindIsDefault = opts.kindIsDefault ?? false;
    this.nodes.push({ id, kind, namespace, name, props, at: this.at, kindIsDefault });
    if (kind !== 'Run') this.edge('CONTAINS', this.namespace(namespace), id);
    return id;
  }

  dataset(d: DatasetRef): string {
    const props = { ...facetProps(d.facets), ...facetProps(d.inputFacets, 'inputFacets'), ...facetProps(d.outputFacets, 'outputFacets') };
    const declared = declaredKind(d);
    return this.node(declared ?? 'Dataset', d.namespace, d.name, props, { idKind: 'Dataset', kindIsDefault: !declared });
  }

  edge(kind: EdgeInput['kind'], from: string, to: string): void {
    this.edges.push({ kind, from, to, validFrom: this.at });
  }

  private namespace(ns: string): string {
    const id = nodeId('Namespace', ns, ns);
    if (!this.namespaces.has(ns)) {
      this.namespaces.add(ns);
      this.nodes.push({ id, kind: 'Namespace', namespace: ns, name: ns, props: {}, at: this.at });
    }
    return id;
  }

  build(): WriteBatch {
    return { nodes: this.nodes, edges: this.edges };
  }
}
