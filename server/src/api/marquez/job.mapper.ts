import type { GraphNode } from '../../domain/model.js';
import { runState } from '../../domain/openlineage/run-state.js';
import { SUMMARY_PROPS } from '../../domain/openlineage/mapper.js';
import type { DatasetId, Facets, Job, JobData, JobVersion, Run, VersionId } from './marquez.types.js';
import { nodeId } from '../../domain/ids.js';
import { facetsOf, iso, obj, str } from './values.js';
import { nameUuid, versionUuid } from './versions.js';
import { userDescription } from '../../domain/curation/curation.js';
import { MARQUEZ_ARGS_FACET, MARQUEZ_CONTEXT_FACET } from '../../domain/openlineage/marquez-writes.js';

/** BATCH unless the jobType facet says STREAMING (Marquez's JobType has no other value an event can ask for). */
export function jobType(facets: Facets): 'BATCH' | 'STREAM' {
  return str(obj(facets.jobType).processingType)?.toUpperCase() === 'STREAMING' ? 'STREAM' : 'BATCH';
}

/** The parent job named by a run's parent facet. */
export function parentJobOf(runFacets: Facets): DatasetId | null {
  const job = obj(obj(runFacets.parent).job);
  const [namespace, name] = [str(job.namespace), str(job.name)];
  return namespace && name ? { namespace, name } : null;
}

/** What a run ran, read and wrote: Marquez's version ids. */
export interface RunLinks { jobVersion: VersionId | null; inputs: VersionId[]; outputs: VersionId[] }

/** A run, with what it ran and the dataset versions it read and wrote (its RAN, READ_BY and WROTE edges, or the links ingest kept on it). */
export function toRun(run: GraphNode, links: RunLinks): Run {
  const { state, startedAt, endedAt } = runState(run.props);
  const facets = facetsOf(run.props);
  const nominal = obj(facets.nominalTime);
  return {
    id: runIdOf(run), createdAt: run.createdAt, updatedAt: run.updatedAt,
    nominalStartTime: iso(nominal.nominalStartTime), nominalEndTime: iso(nominal.nominalEndTime),
    // OpenLineage's OTHER event type does not move a run out of NEW in Marquez.
    state: state === 'OTHER' ? 'NEW' : state, startedAt, endedAt,
    durationMs: startedAt && endedAt ? Math.max(0, Date.parse(endedAt) - Date.parse(startedAt)) : null,
    args: argsOf(facets), jobVersion: links.jobVersion,
    inputDatasetVersions: links.inputs.map((datasetVersionId) => ({ datasetVersionId, facets: {} })),
    outputDatasetVersions: links.outputs.map((datasetVersionId) => ({ datasetVersionId, facets: {} })),
    context: {}, facets,
  };
}

/** A run's Marquez `args` (kept by POST .../runs as a run facet), as text, as Marquez answers them. */
function argsOf(facets: Facets): Record<string, string> {
  const args = obj(obj(facets[MARQUEZ_ARGS_FACET]).args);
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

/** A run node's OpenLineage run id. */
export const runIdOf = (run: GraphNode): string => str(run.props.runId) ?? run.name;

/** A job version node's Marquez id. */
export const jobVersionIdOf = (jv: GraphNode): VersionId => ({ namespace: jv.namespace, name: jv.name, version: versionUuid(str(jv.props.jobId) ?? '', str(jv.props.version)) });

/** The links ingest kept on a run (mapper.ts, SUMMARY_PROPS), in the order its edges are read (by node id); null when not kept. */
export function keptRunLinks(run: GraphNode): RunLinks | null {
  if (run.props[SUMMARY_PROPS.runLinks] !== true) return null;
  const link = (v: unknown, kind: 'Job' | 'Dataset'): VersionId | null => {
    const l = obj(v);
    const [namespace, name] = [str(l.namespace), str(l.name)];
    return namespace && name ? { namespace, name, version: versionUuid(nodeId(kind, namespace, name), str(l.version)) } : null;
  };
  const list = (prefix: string) => {
    const kept = Object.keys(run.props).filter((k) => k.startsWith(prefix)).sort().map((k) => obj(run.props[k]));
    // A dataset an event named without a version (a COMPLETE not repeating its START's schema) is the version another named.
    const versioned = new Set(kept.filter((l) => str(l.version)).map((l) => `${str(l.namespace)}\u0000${str(l.name)}`));
    return kept.filter((l) => str(l.version) || !versioned.has(`${str(l.namespace)}\u0000${str(l.name)}`))
      .flatMap((l) => { const id = link(l, 'Dataset'); return id ? [id] : []; });
  };
  return { jobVersion: link(run.props[SUMMARY_PROPS.ran], 'Job'), inputs: list(SUMMARY_PROPS.readPrefix), outputs: list(SUMMARY_PROPS.wrotePrefix) };
}

export interface JobParts {
  inputs: DatasetId[]; outputs: DatasetId[];
  /** Newest first. */
  runs: Run[];
  /** The current version's version string (null when it has none), or null for a job no event versioned yet. */
  current: { version: string | null } | null;
}

/** What ingest keeps on a job node (mapper.ts, SUMMARY_PROPS): its current version with what it reads and writes; null when not kept. */
export function keptCurrentVersion(job: GraphNode): { version: string; inputs: DatasetId[]; outputs: DatasetId[] } | null {
  const kept = obj(job.props[SUMMARY_PROPS.currentVersion]);
  const version = str(kept.version);
  const ids = (v: unknown) => (Array.isArray(v) ? v.map(obj).map((d) => ({ namespace: str(d.namespace), name: str(d.name) })) : null);
  const [inputs, outputs] = [ids(kept.inputs), ids(kept.outputs)];
  if (!version || !inputs || !outputs) return null;
  const valid = (list: { namespace: string | null; name: string | null }[]): list is DatasetId[] => list.every((d) => d.namespace && d.name);
  return valid(inputs) && valid(outputs) ? { version, inputs, outputs } : null;
}

/** The id of the job's run whose START is newest, as ingest keeps it; null when not kept. */
export const keptLatestRun = (job: GraphNode): string | null => str(job.props[SUMMARY_PROPS.latestRun]);

export function toJobData(job: GraphNode, parts: Pick<JobParts, 'inputs' | 'outputs' | 'runs'>): JobData {
  const facets = facetsOf(job.props);
  const latestRun = parts.runs[0] ?? null;
  const parent = latestRun ? parentJobOf(latestRun.facets) : null;
  const simpleName = parent && job.name.startsWith(`${parent.name}.`) ? job.name.slice(parent.name.length + 1) : job.name;
  return {
    id: { namespace: job.namespace, name: job.name }, type: jobType(facets), name: job.name, simpleName,
    parentJobName: parent?.name ?? null, parentJobUuid: parent ? nameUuid(`job:${parent.namespace}:${parent.name}`) : null,
    createdAt: job.createdAt, updatedAt: job.updatedAt, namespace: job.namespace, inputs: parts.inputs, outputs: parts.outputs,
    location: str(obj(facets.sourceCodeLocation).url), description: userDescription(job.props) ?? str(obj(facets.documentation).description), latestRun,
  };
}

export function toJob(job: GraphNode, parts: JobParts): Job {
  const facets = facetsOf(job.props);
  return {
    ...toJobData(job, parts), context: contextOf(facets), latestRuns: parts.runs, facets,
    currentVersion: parts.current ? versionUuid(job.id, parts.current.version) : null,
  };
}

export function toJobVersion(version: GraphNode, parts: { inputs: DatasetId[]; outputs: DatasetId[]; latestRun: Run | null }): JobVersion {
  const facets = facetsOf(version.props);
  const uuid = versionUuid(str(version.props.jobId) ?? '', str(version.props.version));
  return {
    id: { namespace: version.namespace, name: version.name, version: uuid }, name: version.name, version: uuid,
    createdAt: version.createdAt, namespace: version.namespace, inputs: parts.inputs, outputs: parts.outputs,
    location: str(obj(facets.sourceCodeLocation).url), context: contextOf(facets), latestRun: parts.latestRun, facets,
  };
}

/** Marquez's deprecated job context: what its write API was given (MARQUEZ_CONTEXT_FACET), and the SQL when the sql facet gives it. */
function contextOf(facets: Facets): Record<string, string> {
  const kept = obj(obj(facets[MARQUEZ_CONTEXT_FACET]).context);
  const context: Record<string, string> = Object.fromEntries(Object.entries(kept).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const sql = str(obj(facets.sql).query);
  return sql ? { ...context, sql } : context;
}
