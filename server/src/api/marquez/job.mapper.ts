import type { GraphNode } from '../../domain/model.js';
import { runState } from '../../domain/openlineage/run-state.js';
import type { DatasetId, Facets, Job, JobData, JobVersion, Run } from './marquez.types.js';
import { versionIdOf } from './dataset.mapper.js';
import { facetsOf, iso, obj, str } from './values.js';
import { nameUuid, versionUuid } from './versions.js';

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

/** A run, with what it ran and the dataset versions it read and wrote (edges RAN, READ_BY, WROTE). */
export function toRun(run: GraphNode, io: { jobVersion: GraphNode | null; inputs: GraphNode[]; outputs: GraphNode[] }): Run {
  const { state, startedAt, endedAt } = runState(run.props);
  const facets = facetsOf(run.props);
  const nominal = obj(facets.nominalTime);
  const jv = io.jobVersion;
  return {
    id: str(run.props.runId) ?? run.name, createdAt: run.createdAt, updatedAt: run.updatedAt,
    nominalStartTime: iso(nominal.nominalStartTime), nominalEndTime: iso(nominal.nominalEndTime),
    // OpenLineage's OTHER event type does not move a run out of NEW in Marquez.
    state: state === 'OTHER' ? 'NEW' : state, startedAt, endedAt,
    durationMs: startedAt && endedAt ? Math.max(0, Date.parse(endedAt) - Date.parse(startedAt)) : null,
    args: {},
    jobVersion: jv ? { namespace: jv.namespace, name: jv.name, version: versionUuid(str(jv.props.jobId) ?? '', str(jv.props.version)) } : null,
    inputDatasetVersions: io.inputs.map((d) => ({ datasetVersionId: versionIdOf(d), facets: {} })),
    outputDatasetVersions: io.outputs.map((d) => ({ datasetVersionId: versionIdOf(d), facets: {} })),
    context: {}, facets,
  };
}

export interface JobParts {
  inputs: DatasetId[]; outputs: DatasetId[];
  /** Newest first. */
  runs: Run[];
  current: GraphNode | null;
}

export function toJobData(job: GraphNode, parts: Pick<JobParts, 'inputs' | 'outputs' | 'runs'>): JobData {
  const facets = facetsOf(job.props);
  const latestRun = parts.runs[0] ?? null;
  const parent = latestRun ? parentJobOf(latestRun.facets) : null;
  const simpleName = parent && job.name.startsWith(`${parent.name}.`) ? job.name.slice(parent.name.length + 1) : job.name;
  return {
    id: { namespace: job.namespace, name: job.name }, type: jobType(facets), name: job.name, simpleName,
    parentJobName: parent?.name ?? null, parentJobUuid: parent ? nameUuid(`job:${parent.namespace}:${parent.name}`) : null,
    createdAt: job.createdAt, updatedAt: job.updatedAt, namespace: job.namespace, inputs: parts.inputs, outputs: parts.outputs,
    location: str(obj(facets.sourceCodeLocation).url), description: str(obj(facets.documentation).description), latestRun,
  };
}

export function toJob(job: GraphNode, parts: JobParts): Job {
  const facets = facetsOf(job.props);
  return {
    ...toJobData(job, parts), context: contextOf(facets), latestRuns: parts.runs, facets,
    currentVersion: parts.current ? versionUuid(job.id, str(parts.current.props.version)) : null,
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

/** Marquez's deprecated job context: the SQL, when the sql facet gives it. */
function contextOf(facets: Facets): Record<string, string> {
  const sql = str(obj(facets.sql).query);
  return sql ? { sql } : {};
}
