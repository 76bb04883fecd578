/** The JSON shapes of Marquez's REST API (openapi.yml, and Marquez's models where the document is silent). */
export type Facets = Record<string, unknown>;
export interface DatasetId { namespace: string; name: string }
export interface VersionId extends DatasetId { version: string }

export interface Namespace { name: string; createdAt: string; updatedAt: string; ownerName: string; description: string | null; isHidden: boolean }

export interface Field { name: string; type: string | null; tags: string[]; description: string | null }

/** What the lineage graph carries for a dataset (Marquez's DatasetData). */
export interface DatasetData {
  id: DatasetId; type: 'DB_TABLE' | 'STREAM'; name: string; physicalName: string; createdAt: string; updatedAt: string;
  namespace: string; sourceName: string; fields: Field[]; tags: string[]; lastModifiedAt: string | null;
  lastLifecycleState: string | null; description: string | null;
}
export interface Dataset extends DatasetData { facets: Facets; currentVersion: string; deleted: boolean }

export interface DatasetVersion {
  id: VersionId; type: 'DB_TABLE' | 'STREAM'; name: string; physicalName: string; createdAt: string; version: string;
  namespace: string; sourceName: string; fields: Field[]; tags: string[]; lifecycleState: string | null;
  description: string | null; createdByRun: Run | null; facets: Facets;
}

export type RunState = 'NEW' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'ABORTED';
export interface IoVersion { datasetVersionId: VersionId; facets: Facets }
export interface Run {
  id: string; createdAt: string; updatedAt: string; nominalStartTime: string | null; nominalEndTime: string | null;
  state: RunState; startedAt: string | null; endedAt: string | null; durationMs: number | null; args: Record<string, string>;
  jobVersion: VersionId | null; inputDatasetVersions: IoVersion[]; outputDatasetVersions: IoVersion[];
  context: Record<string, string>; facets: Facets;
}

/** One run of Marquez's upstream run lineage (its UpstreamRunLineage: JobSummary, RunSummary, InputDatasetVersionSummary). */
export interface UpstreamRun {
  job: { namespace: string; name: string; version: string | null };
  run: { id: string; start: string | null; end: string | null; status: RunState };
  inputs: (VersionId & { producedByRunId: string | null })[];
}

/** What the lineage graph carries for a job (Marquez's JobData). */
export interface JobData {
  id: DatasetId; type: 'BATCH' | 'STREAM' | 'SERVICE'; name: string; simpleName: string; parentJobName: string | null;
  parentJobUuid: string | null; createdAt: string; updatedAt: string; namespace: string; inputs: DatasetId[];
  outputs: DatasetId[]; location: string | null; description: string | null; latestRun: Run | null;
}
export interface Job extends JobData { context: Record<string, string>; latestRuns: Run[]; facets: Facets; currentVersion: string | null }

export interface JobVersion {
  id: VersionId; name: string; version: string; createdAt: string; namespace: string; inputs: DatasetId[];
  outputs: DatasetId[]; location: string | null; context: Record<string, string>; latestRun: Run | null; facets: Facets;
}

export interface Edge { origin: string; destination: string }
export interface GraphNode { id: string; type: 'DATASET' | 'JOB' | 'DATASET_FIELD'; data: unknown; inEdges: Edge[]; outEdges: Edge[] }

export interface InputField {
  namespace: string; dataset: string; datasetVersion: string | null; field: string;
  transformationDescription: string | null; transformationType: string | null; transformations: unknown[];
}
export interface ColumnData {
  namespace: string; dataset: string; datasetVersion: string | null; field: string; fieldType: string | null;
  transformationDescription: string | null; transformationType: string | null; inputFields: InputField[];
}

export interface SearchResult { type: 'DATASET' | 'JOB'; name: string; updatedAt: string; namespace: string; nodeId: string }
