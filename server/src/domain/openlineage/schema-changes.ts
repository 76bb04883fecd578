/**
 * Schema change notifications: when an event says a dataset's schema is no longer what the graph
 * holds (a column added, dropped or retyped), the tenant's webhooks subscribed to
 * DATASET_SCHEMA_CHANGED hear of it once the event is in the graph, with the difference and what
 * the dataset feeds (the composition root adds the impact; see services.ts).
 *
 * Which schema counts: what the dataset's writers say (a run's outputs, or a DatasetEvent). A
 * reader's view of its inputs is left out: readers often report only the columns they read.
 * An event older than the dataset's last change in the graph is not compared (it does not replace
 * the newer schema either: props merge by event time). A dataset seen for the first time has no
 * change. Nothing is read or compared for a tenant with no such subscription.
 */
import type { GraphStore } from '../ports/GraphStore.js';
import type { Props } from '../model.js';
import type { PlacedEvent } from './lineage-ingest.service.js';
import { SUMMARY_PROPS } from './mapper.js';
import { versionId } from '../ids.js';
import { allNeighbours } from '../all-neighbours.js';
import type { LineageService } from '../lineage.service.js';
import type { ImpactUsageService } from '../impact-usage.js';

export interface SchemaField { name: string; type: string | null }
export interface SchemaDiff { added: SchemaField[]; removed: SchemaField[]; changed: { name: string; from: string | null; to: string | null }[] }
export interface SchemaChange extends SchemaDiff {
  datasetId: string;
  namespace: string;
  name: string;
  /** The event's time (ISO-8601). */
  at: string;
  /** The job whose run wrote the new schema (null for a DatasetEvent). */
  job: { namespace: string; name: string } | null;
  runId: string | null;
}

const MAX_FIELDS = 5_000;
/** How far and how wide a change's impact is read, and for how long at most. */
const IMPACT_DEPTH = 10;
const IMPACT_NODES = 5_000;
const IMPACT_DEADLINE_MS = 5_000;
const LISTED = 50;

/** Most versions of a dataset its schema history reads. */
const MAX_HISTORY_VERSIONS = 2_000;

/** A schema facet's fields, nested ones as `parent.child`, with their types. */
export function schemaFields(props: Props | undefined): Map<string, string | null> | null {
  const facet = props?.['facets.schema'] as { fields?: unknown } | undefined;
  if (!facet || !Array.isArray(facet.fields)) return null;
  const out = new Map<string, string | null>();
  const walk = (fields: unknown[], prefix: string) => {
    for (const f of fields) {
      if (out.size >= MAX_FIELDS || !f || typeof f !== 'object') continue;
      const { name, type, fields: nested } = f as { name?: unknown; type?: unknown; fields?: unknown };
      if (typeof name !== 'string' || !name) continue;
      out.set(prefix + name, typeof type === 'string' ? type : null);
      if (Array.isArray(nested) && nested.length) walk(nested, `${prefix}${name}.`);
    }
  };
  walk(facet.fields, '');
  return out;
}

/** What changed from `before` to `after`; null when nothing did. Types compare without case (VARCHAR = varchar). */
export function schemaDiff(before: Map<string, string | null>, after: Map<string, string | null>): SchemaDiff | null {
  const added: SchemaField[] = [];
  const removed: SchemaField[] = [];
  const changed: SchemaDiff['changed'] = [];
  for (const [name, type] of after) {
    if (!before.has(name)) added.push({ name, type });
    else if ((before.get(name) ?? '').toLowerCase() !== (type ?? '').toLowerCase()) changed.push({ name, from: before.get(name) ?? null, to: type });
  }
  for (const [name, type] of before) if (!after.has(name)) removed.push({ name, type });
  return added.length || removed.length || changed.length ? { added, removed, changed } : null;
}

/** The datasets an event's writer defines: a run's outputs (WROTE targets, a version standing for its dataset), or a DatasetEvent's dataset. */
function writtenDatasets(p: PlacedEvent): string[] {
  const { nodes, edges } = p.batch;
  if (p.kind === 'DatasetEvent') return nodes.filter((n) => n.kind === 'Dataset').map((n) => n.id);
  const versionOf = new Map(nodes.filter((n) => n.kind === 'DatasetVersion').map((n) => [n.id, String(n.props?.datasetId ?? '')]));
  return [...new Set(edges.filter((e) => e.kind === 'WROTE').map((e) => versionOf.get(e.to) ?? e.to))];
}

interface Seen { fields: Map<string, string | null>; at: string }
/** What `before` found: the changes each event makes, to report once its write succeeds. */
export interface PendingChanges { tenant: string; changes: { event: number; change: SchemaChange }[] }

export class SchemaChangeWatch {
  constructor(
    private readonly graph: GraphStore,
    /** Whether the tenant has a webhook subscribed to DATASET_SCHEMA_CHANGED (cached by the caller). */
    private readonly subscribed: (tenant: string) => Promise<boolean>,
    private readonly report: (tenant: string, change: SchemaChange) => void,
  ) {}

  /** Before `events` are written: the schema changes they make, against the graph and each other in order. */
  async before(tenant: string, events: readonly PlacedEvent[]): Promise<PendingChanges | null> {
    if (!events.length || !(await this.subscribed(tenant))) return null;
    const written = events.map((p) => writtenDatasets(p).flatMap((id) => {
      const node = p.batch.nodes.find((n) => n.id === id && n.kind === 'Dataset');
      const fields = schemaFields(node?.props);
      return node && fields ? [{ id, namespace: node.namespace, name: node.name, fields }] : [];
    }));
    const ids = [...new Set(written.flat().map((d) => d.id))];
    if (!ids.length) return null;
    const seen = await this.writtenSchemas(tenant, ids);
    const changes: PendingChanges['changes'] = [];
    written.forEach((datasets, event) => {
      const p = events[event];
      for (const d of datasets) {
        const prev = seen.get(d.id);
        if (prev && p.at < prev.at) continue; // older than what the graph holds
        seen.set(d.id, { fields: d.fields, at: p.at });
        const diff = prev && schemaDiff(prev.fields, d.fields);
        if (diff) changes.push({ event, change: { datasetId: d.id, namespace: d.namespace, name: d.name, at: p.at, ...writer(p), ...diff } });
      }
    });
    return changes.length ? { tenant, changes } : null;
  }

  /**
   * The schema each dataset's writers last gave it: its `writtenVersion`'s (a reader's view of it, which
   * the dataset's own schema facet also takes, is not a change), else the dataset's schema facet (a
   * dataset stored before writtenVersion existed); with the time it was last seen.
   */
  private async writtenSchemas(tenant: string, ids: string[]): Promise<Map<string, Seen>> {
    const stored = await this.graph.getNodes(tenant, ids);
    const versionIds = stored.map((n) => (n && typeof n.props[SUMMARY_PROPS.writtenVersion] === 'string' ? versionId(n.id, n.props[SUMMARY_PROPS.writtenVersion] as string) : null));
    const wanted = versionIds.filter((v): v is string => v !== null);
    const versions = new Map((wanted.length ? await this.graph.getNodes(tenant, wanted) : []).flatMap((v) => (v ? [[v.id, v] as const] : [])));
    const seen = new Map<string, Seen>();
    stored.forEach((node, i) => {
      if (!node) return;
      const version = versionIds[i] ? versions.get(versionIds[i]!) : undefined;
      const from = version ?? node;
      const fields = schemaFields(from.props);
      if (fields) seen.set(ids[i], { fields, at: from.updatedAt });
    });
    return seen;
  }

  /** After the write: reports the changes of the events written (`written(i)`: event i of `before`'s list is in the graph). */
  after(pending: PendingChanges | null, written: (event: number) => boolean): void {
    for (const { event, change } of pending?.changes ?? []) if (written(event)) this.report(pending!.tenant, change);
  }
}

function writer(p: PlacedEvent): Pick<SchemaChange, 'job' | 'runId'> {
  const run = p.batch.nodes.find((n) => n.kind === 'Run');
  const job = p.batch.nodes.find((n) => n.kind === 'Job');
  return { job: job && p.kind !== 'DatasetEvent' ? { namespace: job.namespace, name: job.name } : null, runId: typeof run?.props?.runId === 'string' ? run.props.runId : null };
}

/** What the dataset feeds, for a change's webhook: nodes downstream per kind, the model and prompt versions among them. */
export interface ChangeImpact {
  total: number;
  isPartial: boolean;
  byKind: Record<string, number>;
  modelVersions: string[];
  promptVersions: string[];
  /** LLM calls those versions served over the last 7 days, and the GPU-hours of the runs downstream (impact-usage.ts). */
  usage: { llmCalls: number; llmCostUsd: number; gpuHours: number } | null;
}

/** The DATASET_SCHEMA_CHANGED webhook's data. */
export function schemaChangeData(change: SchemaChange, impact: ChangeImpact | null): Record<string, unknown> {
  const { datasetId, namespace, name, ...rest } = change;
  return { dataset: { id: datasetId, namespace, name }, ...rest, impact };
}

/**
 * What a dataset feeds: downstream of it, per kind, the model and prompt versions, and what those
 * serve. Null when it cannot be read (the change is told without it).
 */
export async function changeImpact(lineage: LineageService, usage: ImpactUsageService, tenant: string, datasetId: string): Promise<ChangeImpact | null> {
  const impact = await lineage.impact(tenant, datasetId, IMPACT_DEPTH, IMPACT_NODES, { deadlineMs: IMPACT_DEADLINE_MS }).catch(() => null);
  if (!impact) return null;
  const byKind: Record<string, number> = {};
  for (const g of impact.groups) byKind[g.kind] = (byKind[g.kind] ?? 0) + g.count;
  const served = await usage.usage(tenant, impact.served, 7).catch(() => null);
  return {
    total: impact.total, isPartial: impact.isPartial, byKind,
    modelVersions: impact.served.modelVersions.slice(0, LISTED), promptVersions: impact.served.promptVersions.slice(0, LISTED),
    usage: served && { llmCalls: served.llmCalls, llmCostUsd: served.llmCostUsd, gpuHours: served.gpuHours },
  };
}

/** One change between two versions of a dataset (schemaHistory). */
export interface SchemaVersionChange extends SchemaDiff { at: string; fromVersion: string; toVersion: string }

/**
 * A dataset's schema as it changed, newest first: each version (the node OpenLineage ingest keeps
 * when what defines the dataset changes, as its writers and readers reported it) against the one
 * before it, at the time it was first seen.
 * Versions that changed other defining facets only are no schema change. A return to a schema seen
 * before is the older version seen again, not a new one: it is not listed.
 */
export async function schemaHistory(graph: GraphStore, tenant: string, datasetId: string, first: number): Promise<SchemaVersionChange[] | null> {
  const [dataset] = await graph.getNodes(tenant, [datasetId]);
  if (!dataset) return null;
  const versions = (await allNeighbours(graph, tenant, datasetId, { direction: 'DOWNSTREAM', edgeKinds: ['HAS_VERSION'], includeEnded: true }, MAX_HISTORY_VERSIONS))
    .map((i) => i.node).filter((n) => n.kind === 'DatasetVersion');
  versions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const out: SchemaVersionChange[] = [];
  let prev: { version: string; fields: Map<string, string | null> } | null = null;
  for (const v of versions) {
    const fields = schemaFields(v.props);
    if (!fields) continue;
    const version = String(v.props.version ?? v.id);
    const diff = prev && schemaDiff(prev.fields, fields);
    if (diff) out.push({ at: v.createdAt, fromVersion: prev!.version, toVersion: version, ...diff });
    prev = { version, fields };
  }
  return out.reverse().slice(0, first);
}
