/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How a series' samples in the window become one value */
export type AlertAggregation =
  | 'AVG'
  | 'LAST'
  | 'MAX'
  | 'MIN'
  | 'SUM';

/** TRACES: what is measured of a service's spans in the window: error rate (0..1), latency quantiles (ms), LLM cost (USD), LLM tokens, span count. RUNS: how many of a job's runs had a FAIL, ABORT, COMPLETE or START event in the window. FEATURES (values with an event time in the window): values written per group, null rate (0..1) and mean of a numeric feature per group and feature */
export type AlertMeasure =
  | 'ABORTED_RUNS'
  | 'COMPLETED_RUNS'
  | 'COST_USD'
  | 'COUNT'
  | 'ERROR_RATE'
  | 'FAILED_RUNS'
  | 'FEATURE_MEAN'
  | 'FEATURE_NULL_RATE'
  | 'FEATURE_VALUES'
  | 'LATENCY_P50_MS'
  | 'LATENCY_P95_MS'
  | 'LATENCY_P99_MS'
  | 'STARTED_RUNS'
  | 'TOKENS'
  | 'UNTAGGED_DOWNSTREAM';

/** value > threshold (GT), >= (GTE), < (LT), <= (LTE) */
export type AlertOp =
  | 'GT'
  | 'GTE'
  | 'LT'
  | 'LTE';

export type AlertRuleInput = {
  /** METRIC, GPU (default AVG) */
  aggregation?: AlertAggregation | null | undefined;
  /** A series that reported in the window before and has no sample in this one breaks the rule, until it reports again (an exporter or a service gone silent). Default false */
  alertOnNoData?: boolean | null | undefined;
  description?: string | null | undefined;
  /** How long the rule must be broken before the alert fires: 0 to 86,400 (default 0) */
  forSeconds?: number | null | undefined;
  /** METRIC: point or resource labels; GPU: among namespace, pod, container, host, gpu_uuid, gpu_model; RUNS: among job_namespace, job_name; FEATURES: among group, feature (group: the group's node id). All must match */
  labels?: Array<LabelMatcher> | null | undefined;
  /** TRACES: LLM calls only (default true) */
  llmOnly?: boolean | null | undefined;
  /** TRACES, RUNS (required): one of the source's measures */
  measure?: AlertMeasure | null | undefined;
  /** METRIC: an OTLP metric name (gauge or sum); GPU: one of utilization, encoder_utilization, decoder_utilization, memory_utilization, memory_copy_utilization, memory_used, memory_free, memory_total, power, energy, temperature, memory_temperature, sm_clock, memory_clock, sm_active, sm_occupancy, gr_engine_active, dram_active, tensor_active, fp16_active, fp32_active, fp64_active, pcie_tx_bytes, pcie_rx_bytes, nvlink_tx_bytes, nvlink_rx_bytes, xid_error */
  metric?: string | null | undefined;
  /** At most 200 characters */
  name: string;
  op: AlertOp;
  /** METRIC, TRACES: this service only */
  service?: string | null | undefined;
  /** Default WARNING */
  severity?: AlertSeverity | null | undefined;
  source: AlertSource;
  threshold: number;
  /** The window each evaluation reads: 60 to 86,400 (default 300) */
  windowSeconds?: number | null | undefined;
};

export type AlertSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

/** METRIC: an OTLP gauge or sum, per series; GPU: a GPU metric, per GPU and pod; TRACES: spans, per service; RUNS: OpenLineage runs, per job; FEATURES: feature store values, per group (FEATURE_VALUES) or per group and feature */
export type AlertSource =
  | 'FEATURES'
  | 'GPU'
  | 'METRIC'
  | 'RUNS'
  | 'TAGS'
  | 'TRACES';

/** PENDING: breaking the rule for less than its forSeconds; FIRING; RESOLVED: no longer breaking it */
export type AlertState =
  | 'FIRING'
  | 'PENDING'
  | 'RESOLVED';

export type ChangeOutcome =
  | 'APPLIED'
  | 'REJECTED';

export type Comparison =
  | 'GT'
  | 'GTE'
  | 'LT'
  | 'LTE';

export type CreateWebhookInput = {
  description?: string | null | undefined;
  /** Event types to send; all when omitted */
  events?: Array<string> | null | undefined;
  /** LOOM (default): the signed JSON envelope; SLACK: a Slack incoming-webhook message `{ text }`, one line per event (Mattermost and Teams take it too); EMAIL: plain text mail, the first line the subject (what a mailto: URL takes, and the default for one); or a format a loaded plugin offers (`webhookFormats`) */
  format?: string | null | undefined;
  /** INFO, WARNING or CRITICAL: of the alert events (ALERT_FIRING, ALERT_RESOLVED), only those of rules this severe or more (e.g. CRITICAL for a pager); all when omitted */
  minSeverity?: string | null | undefined;
  /** The HMAC-SHA256 signing secret (16-200 characters); generated when omitted and returned once */
  secret?: string | null | undefined;
  /** An http(s) URL; or mailto:<address>[,<address>…] (up to 20) to send the events as email, when Loom has an SMTP server (LOOM_SMTP_URL) */
  url: string;
};

/** Why a lineage answer is partial */
export type CutReason =
  | 'DEADLINE'
  | 'NODE_LIMIT';

export type DeleteModelAliasInput = {
  actor?: string | null | undefined;
  alias: string;
  name: string;
  reason?: string | null | undefined;
};

export type DiffOp =
  | 'ADDED'
  | 'EQUAL'
  | 'REMOVED';

/** UPSTREAM follows data back to its sources; DOWNSTREAM to its consumers */
export type Direction =
  | 'BOTH'
  | 'DOWNSTREAM'
  | 'UPSTREAM';

/** An entity at a time (a row of a training set) */
export type EntityAtInput = {
  at: string;
  entityId: string;
};

export type EnvVarInput = {
  name: string;
  value: string;
};

/** A prompt or model version's production LLM calls to evaluate */
export type EvaluateTracesInput = {
  /** Default: 7 days before `to` */
  from?: string | null | undefined;
  /** The newest calls first: 1..1000 (default 200) */
  limit?: number | null | undefined;
  /** Or the model version (loom.model.name/version) */
  model?: VersionRefInput | null | undefined;
  name?: string | null | undefined;
  /** The prompt version (its calls name it: loom.prompt.name/version, traceloop.prompt.*) */
  prompt?: VersionRefInput | null | undefined;
  /** Only this service's calls */
  service?: string | null | undefined;
  /** Default: now */
  to?: string | null | undefined;
};

/** What a version changed: a feature added or dropped, a kept feature's description, source fields, transformation or own source; the group's description, source, TTL or owner */
export type FeatureDefinitionChangeKind =
  | 'DESCRIPTION'
  | 'FEATURE_ADDED'
  | 'FEATURE_DESCRIPTION'
  | 'FEATURE_DROPPED'
  | 'FEATURE_SOURCE'
  | 'FEATURE_SOURCE_FIELDS'
  | 'FEATURE_TRANSFORMATION'
  | 'OWNER'
  | 'SOURCE'
  | 'TTL';

/** Great Expectations' expect_column_values_to_not_be_null (NOT_NULL), _to_be_between (BETWEEN), _to_be_in_set (IN_SET), expect_column_mean_to_be_between (MEAN_BETWEEN) */
export type FeatureExpectationKind =
  | 'BETWEEN'
  | 'IN_SET'
  | 'MEAN_BETWEEN'
  | 'NOT_NULL';

/** Features of one group (all of them when `features` is left out) */
export type FeatureSelectionInput = {
  features?: Array<string> | null | undefined;
  name: string;
  namespace: string;
};

export type FeatureServiceInput = {
  description?: string | null | undefined;
  /** Feast references view:feature, a view being a group's name or <namespace>/<name>; one entity key */
  features: Array<string>;
  /** 1-200 letters, digits, "_", "-" or "." */
  name: string;
};

/** INT64 (exact: a number, or a string of digits beyond 2^53), FLOAT64, STRING, BOOL, FLOAT_VECTOR (an embedding of `dimension` numbers) */
export type FeatureType =
  | 'BOOL'
  | 'FLOAT64'
  | 'FLOAT_VECTOR'
  | 'INT64'
  | 'STRING';

/** PRESENT; NULL: written as null; NOT_FOUND: no value at or before the time; EXPIRED: the latest value is older than the group's ttlSeconds */
export type FeatureValueStatus =
  | 'EXPIRED'
  | 'NOT_FOUND'
  | 'NULL'
  | 'PRESENT';

/** One promotion gate; it guards entering the stages and moving the aliases it names */
export type GateInput = {
  aliases?: Array<string> | null | undefined;
  /** UPSTREAM_QUALITY: hops upstream through writer runs (1 = the data the source run read; default 3, at most 5) */
  depth?: number | null | undefined;
  kind: GateKind;
  /** METRIC_THRESHOLD: the metric key */
  metric?: string | null | undefined;
  op?: Comparison | null | undefined;
  /** PLUGIN: what the gate is asked with (at most 10,000 characters of JSON) */
  params?: unknown;
  /** PLUGIN: the name of a gate a loaded plugin offers (`plugins { promotionGates { name } }`) */
  plugin?: string | null | undefined;
  /** METRIC_THRESHOLD: EVALUATION (default) or RUN */
  source?: MetricSource | null | undefined;
  stages?: Array<ModelStage> | null | undefined;
  threshold?: number | null | undefined;
};

export type GateKind =
  /** A metric of the version (its source run's last value, or its latest evaluation) must compare to a threshold */
  | 'METRIC_THRESHOLD'
  /** A gate a plugin offers (`plugins { promotionGates }`), asked with params; it fails closed: an error, a timeout or a plugin no longer loaded blocks the change */
  | 'PLUGIN'
  /** No failing data quality assertion on the dataset versions the source run read, and upstream of them (depth hops of writer runs) */
  | 'UPSTREAM_QUALITY';

/** A GPU metric normalised from DCGM exporter or OTel hw.* names. Units: UTILIZATION %, ENCODER_UTILIZATION %, DECODER_UTILIZATION %, MEMORY_UTILIZATION %, MEMORY_COPY_UTILIZATION %, MEMORY_USED By, MEMORY_FREE By, MEMORY_TOTAL By, POWER W, ENERGY J, TEMPERATURE Cel, MEMORY_TEMPERATURE Cel, SM_CLOCK MHz, MEMORY_CLOCK MHz, SM_ACTIVE 1, SM_OCCUPANCY 1, GR_ENGINE_ACTIVE 1, DRAM_ACTIVE 1, TENSOR_ACTIVE 1, FP16_ACTIVE 1, FP32_ACTIVE 1, FP64_ACTIVE 1, PCIE_TX_BYTES By/s, PCIE_RX_BYTES By/s, NVLINK_TX_BYTES By/s, NVLINK_RX_BYTES By/s, XID_ERROR 1 */
export type GpuMetric =
  | 'DECODER_UTILIZATION'
  | 'DRAM_ACTIVE'
  | 'ENCODER_UTILIZATION'
  | 'ENERGY'
  | 'FP16_ACTIVE'
  | 'FP32_ACTIVE'
  | 'FP64_ACTIVE'
  | 'GR_ENGINE_ACTIVE'
  | 'MEMORY_CLOCK'
  | 'MEMORY_COPY_UTILIZATION'
  | 'MEMORY_FREE'
  | 'MEMORY_TEMPERATURE'
  | 'MEMORY_TOTAL'
  | 'MEMORY_USED'
  | 'MEMORY_UTILIZATION'
  | 'NVLINK_RX_BYTES'
  | 'NVLINK_TX_BYTES'
  | 'PCIE_RX_BYTES'
  | 'PCIE_TX_BYTES'
  | 'POWER'
  | 'SM_ACTIVE'
  | 'SM_CLOCK'
  | 'SM_OCCUPANCY'
  | 'TEMPERATURE'
  | 'TENSOR_ACTIVE'
  | 'UTILIZATION'
  | 'XID_ERROR';

export type HistoryEventType =
  | 'ALIAS_DELETED'
  | 'ALIAS_SET'
  | 'GATES_SET'
  | 'LABEL_REMOVED'
  | 'LABEL_SET'
  | 'STAGE_TRANSITION'
  | 'VERSION_REGISTERED';

/** A label (resource or point attribute) that must equal a value */
export type LabelMatcher = {
  key: string;
  value: string;
};

/** STARTED (after the node was first seen), STOPPED, AGAIN (after a gap) */
export type LineageChangeKind =
  | 'AGAIN'
  | 'STARTED'
  | 'STOPPED';

/** What the other node is to this one: a job READS and WRITES datasets; a dataset is READ_BY and WRITTEN_BY jobs and has each COLUMN; ITSELF: the node itself, STOPPED when dropped (or deleted), AGAIN when created again */
export type LineageRelation =
  | 'COLUMN'
  | 'ITSELF'
  | 'READS'
  | 'READ_BY'
  | 'WRITES'
  | 'WRITTEN_BY';

/** How llmUsage groups LLM calls (MODEL: the requested model, else the response model) */
export type LlmUsageGroup =
  | 'MODEL'
  | 'PROMPT_VERSION'
  | 'TIME_BUCKET';

export type MetricSource =
  | 'EVALUATION'
  | 'RUN';

export type ModelStage =
  | 'Archived'
  | 'None'
  | 'Production'
  | 'Staging';

/** The kind of a node in the graph */
export type NodeKind =
  | 'Alert'
  | 'AlertRule'
  | 'ApiKey'
  | 'Dataset'
  | 'DatasetVersion'
  | 'Evaluation'
  | 'Experiment'
  | 'Feature'
  | 'FeatureGroup'
  | 'FeatureService'
  | 'Field'
  | 'Job'
  | 'JobVersion'
  | 'Model'
  | 'ModelVersion'
  | 'Namespace'
  | 'Prompt'
  | 'PromptVersion'
  | 'QualityResult'
  | 'QualityRule'
  | 'RegistryEvent'
  | 'Report'
  | 'ReportSchedule'
  | 'Run'
  | 'Source'
  | 'Tag'
  | 'Tenant'
  | 'Trace'
  | 'TrainingRequest'
  | 'Webhook';

export type OwnerInput = {
  name: string;
  type?: string | null | undefined;
};

export type PromptType =
  | 'CHAT'
  | 'TEXT';

export type RemovePromptLabelInput = {
  actor?: string | null | undefined;
  label: string;
  name: string;
  reason?: string | null | undefined;
};

/** DAILY: the 24 hours before hourUtc; WEEKLY: the 7 days before weekday at hourUtc */
export type ReportCadence =
  | 'DAILY'
  | 'WEEKLY';

export type ReportScheduleInput = {
  cadence: ReportCadence;
  /** updateReportSchedule: pause (false) or resume (true); left out, unchanged */
  enabled?: boolean | null | undefined;
  /** The hour (UTC) a period ends and its report is made, 0..23 (default 6) */
  hourUtc?: number | null | undefined;
  /** At most 200 characters */
  name: string;
  /** Default: all */
  sections?: Array<ReportSection> | null | undefined;
  /** WEEKLY only: 1 (Monday) .. 7 (Sunday) (default 1) */
  weekday?: number | null | undefined;
};

/** LINEAGE: OpenLineage events, runs and their outcomes by job, datasets new in the period; QUALITY: feature groups' data quality checks; MODELS: versions registered, stage changes, refused promotions, alias moves; LLM: calls, tokens, cost and latency by model, against the period before; GPU: GPU-hours and mean utilisation by pod; ALERTS: alerts fired and resolved, by rule */
export type ReportSection =
  | 'ALERTS'
  | 'GPU'
  | 'LINEAGE'
  | 'LLM'
  | 'MODELS'
  | 'QUALITY';

export type RequestTrainingInput = {
  args?: Array<string> | null | undefined;
  /** Entrypoint; required by the local launcher */
  command?: Array<string> | null | undefined;
  /** Environment (plain values: stored with the request, visible to the tenant). LOOM_URL, LOOM_API_KEY and LOOM_RUN_ID are set by Loom */
  env?: Array<EnvVarInput> | null | undefined;
  /** Experiment the run is tracked in (created when missing) */
  experiment?: string | null | undefined;
  /** Container image (Kubernetes); the local launcher runs `command` on the Loom host instead */
  image: string;
  inputs?: TrainingInputsInput | null | undefined;
  name?: string | null | undefined;
  /** Default NORMAL */
  priority?: TrainingPriority | null | undefined;
  /** Idempotency key: sending the same request id again returns the same run and launches nothing more. Generated when omitted */
  requestId?: string | null | undefined;
  resources?: TrainingResourcesInput | null | undefined;
  /** Retries of the command after a failure (0..20), counted over all workers; default 0 */
  retries?: number | null | undefined;
  /** Limit on the whole run in seconds, retries included; default 86400 */
  timeoutSeconds?: number | null | undefined;
  /** Workers the command runs as at once (1..64), each with `resources`; default 1. More than one is a distributed run (on Kubernetes an Indexed Job and a headless Service): each worker gets MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK (as PyTorch reads them), PET_NNODES, PET_NODE_RANK, PET_MASTER_ADDR, PET_MASTER_PORT (for torchrun), LOOM_WORKERS, LOOM_WORKER_INDEX. The quota counts every worker */
  workers?: number | null | undefined;
};

/** Derived from the run's START/RUNNING/COMPLETE/FAIL/ABORT times, whoever reported them (this API, OpenLineage, a training launcher) */
export type RunStatus =
  | 'ABORTED'
  | 'COMPLETED'
  | 'FAILED'
  | 'NEW'
  | 'OTHER'
  | 'RUNNING';

/** Where a downsampled series was read: raw points, or the 1-minute rollup (steps of whole minutes, over the whole minutes of the range; kept longer; a point sent twice counts twice) */
export type SeriesSource =
  | 'RAW'
  | 'ROLLUP_1M';

export type SetModelAliasInput = {
  actor?: string | null | undefined;
  /** e.g. champion, challenger (lower-case; latest and v<n> are reserved) */
  alias: string;
  name: string;
  reason?: string | null | undefined;
  version: number;
};

export type SetPromotionGatesInput = {
  actor?: string | null | undefined;
  /** Replaces the configuration; [] removes every gate */
  gates: Array<GateInput>;
  name: string;
  reason?: string | null | undefined;
};

export type SetPromptLabelInput = {
  actor?: string | null | undefined;
  label: string;
  name: string;
  reason?: string | null | undefined;
  version: number;
};

/** Every given field must match */
export type TraceFilter = {
  /** Traces that started at or after */
  from?: string | null | undefined;
  /** A model one of its LLM calls requested or was answered by */
  model?: string | null | undefined;
  promptName?: string | null | undefined;
  promptVersion?: string | null | undefined;
  /** service.name of the root span */
  service?: string | null | undefined;
  status?: TraceStatus | null | undefined;
  /** Traces that started before */
  to?: string | null | undefined;
};

/** ERROR: at least one span of the trace has status ERROR; OK: none has */
export type TraceStatus =
  | 'ERROR'
  | 'OK';

export type TrainingInputsInput = {
  /** Dataset (or dataset version) node ids the run reads */
  datasets?: Array<string> | null | undefined;
  /** Feature group node ids the run reads */
  featureGroups?: Array<string> | null | undefined;
};

/** How urgent a run is. On Kubernetes each priority is a PriorityClass (LOOM_K8S_PRIORITY_CLASSES): higher runs are started first and may preempt lower ones (by the scheduler, or by Kueue when it queues the Jobs). With either launcher, runs waiting for a worker (LOOM_TRAINING_MAX_RUNS) are launched HIGH first, then NORMAL, then LOW, each in request order */
export type TrainingPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL';

export type TrainingResourcesInput = {
  /** CPU request as a Kubernetes quantity ("500m", "4"); default "1" */
  cpu?: string | null | undefined;
  /** GPUs (`nvidia.com/gpu`); default 0 */
  gpu?: number | null | undefined;
  /** GPU model, scheduled through the node label nvidia.com/gpu.product (e.g. "NVIDIA-A100-SXM4-80GB") */
  gpuType?: string | null | undefined;
  /** Memory request and limit ("512Mi", "16Gi"); default "2Gi" */
  memory?: string | null | undefined;
};

/** QUEUED until the command runs; SUCCEEDED, FAILED and CANCELLED are final */
export type TrainingState =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type TransitionStageInput = {
  actor?: string | null | undefined;
  /** Archive the versions now in the target stage (Staging or Production). Production holds one version: without this, promoting over another is a CONFLICT */
  archiveExistingVersions?: boolean;
  name: string;
  /** Why (recorded in history) */
  reason?: string | null | undefined;
  stage: ModelStage;
  version: number;
};

export type VersionRefInput = {
  name: string;
  version: number;
};

export type SearchNodesQueryVariables = Exact<{
  text: string;
  kinds?: Array<NodeKind> | NodeKind | null | undefined;
  first: number;
}>;


export type SearchNodesQuery = { search: Array<{ id: string, kind: NodeKind, namespace: string, name: string }> };

export type LineageQueryVariables = Exact<{
  nodeId: string | number;
  direction: Direction;
  depth: number;
  limit: number;
  asOf?: string | null | undefined;
}>;


export type LineageQuery = { lineage: { isPartial: boolean, root: { id: string, kind: NodeKind, namespace: string, name: string, validTo: string | null, gaps: Array<{ from: string, to: string }> }, nodes: Array<{ distance: number, node: { id: string, kind: NodeKind, namespace: string, name: string } }>, edges: Array<{ kind: string, from: string, to: string }>, cut: { reason: CutReason, depth: number } | null } | null };

export type HopAsOfQueryVariables = Exact<{
  nodeId: string | number;
  direction: Direction;
  limit: number;
  asOf?: string | null | undefined;
}>;


export type HopAsOfQuery = { lineage: { isPartial: boolean, root: { id: string, kind: NodeKind, namespace: string, name: string, validTo: string | null, gaps: Array<{ from: string, to: string }> }, nodes: Array<{ distance: number, node: { id: string, kind: NodeKind, namespace: string, name: string } }>, edges: Array<{ kind: string, from: string, to: string }>, cut: { reason: CutReason, depth: number } | null } | null, lineageCount: { byDistance: Array<{ distance: number, count: number }> } | null };

export type ColumnLineageQueryVariables = Exact<{
  nodeId: string | number;
  direction: Direction;
  depth: number;
  limit: number;
  asOf?: string | null | undefined;
}>;


export type ColumnLineageQuery = { columnLineage: { isPartial: boolean, root: { id: string, kind: NodeKind, namespace: string, name: string, validTo: string | null, gaps: Array<{ from: string, to: string }> }, nodes: Array<{ distance: number, node: { id: string, kind: NodeKind, namespace: string, name: string } }>, edges: Array<{ kind: string, from: string, to: string }>, cut: { reason: CutReason, depth: number } | null } | null };

export type LineageResultFragment = { isPartial: boolean, root: { id: string, kind: NodeKind, namespace: string, name: string, validTo: string | null, gaps: Array<{ from: string, to: string }> }, nodes: Array<{ distance: number, node: { id: string, kind: NodeKind, namespace: string, name: string } }>, edges: Array<{ kind: string, from: string, to: string }>, cut: { reason: CutReason, depth: number } | null };

export type NeighboursQueryVariables = Exact<{
  id: string | number;
  direction: Direction;
  first: number;
  offset: number;
}>;


export type NeighboursQuery = { node: { neighbours: { total: number, items: Array<{ node: { id: string, kind: NodeKind, namespace: string, name: string }, edge: { kind: string, from: string, to: string } }> } } | null };

export type ImpactUsageQueryVariables = Exact<{
  nodeId: string | number;
  depth: number;
  asOf?: string | null | undefined;
}>;


export type ImpactUsageQuery = { impact: { usage: { windowDays: number, modelVersions: number, promptVersions: number, llmCalls: number, llmErrors: number, llmTokens: number, llmCostUsd: number, trainingRuns: number, gpuHours: number, gpuRunsRead: number } } | null };

export type ImpactQueryVariables = Exact<{
  nodeId: string | number;
  depth: number;
  asOf?: string | null | undefined;
}>;


export type ImpactQuery = { impact: { total: number, isPartial: boolean, cut: { reason: CutReason, depth: number } | null, root: { id: string, kind: NodeKind, name: string }, groups: Array<{ kind: NodeKind, distance: number, count: number, nodes: Array<{ node: { id: string, kind: NodeKind, namespace: string, name: string } }> }> } | null };

export type NodeDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeDetailsQuery = { node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, validTo: string | null, gaps: Array<{ from: string, to: string }> } | null };

export type DeleteNodeMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteNodeMutation = { deleteNode: { id: string, validTo: string | null } };

export type RestoreNodeMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreNodeMutation = { restoreNode: { id: string, validTo: string | null } };

export type SchemaChangesQueryVariables = Exact<{
  nodeId: string | number;
  first: number;
}>;


export type SchemaChangesQuery = { schemaChanges: Array<{ at: string, fromVersion: string, toVersion: string, added: Array<{ name: string, type: string | null }>, removed: Array<{ name: string, type: string | null }>, changed: Array<{ name: string, from: string | null, to: string | null }> }> | null };

export type ReceivedEventsQueryVariables = Exact<{
  runId?: string | number | null | undefined;
  jobNamespace?: string | null | undefined;
  jobName?: string | null | undefined;
  datasetNamespace?: string | null | undefined;
  datasetName?: string | null | undefined;
  first: number;
}>;


export type ReceivedEventsQuery = { lineageEvents: { totalCount: number, events: Array<unknown> } };

export type RelationPageFragment = { total: number, items: Array<{ edge: { kind: string, from: string, to: string, props: unknown, validFrom: string, validTo: string | null }, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, tags: Array<{ name: string }> } }> };

export type NodeRelationsQueryVariables = Exact<{
  id: string | number;
  first: number;
}>;


export type NodeRelationsQuery = { node: { id: string, fields: { total: number, items: Array<{ edge: { kind: string, from: string, to: string, props: unknown, validFrom: string, validTo: string | null }, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, tags: Array<{ name: string }> } }> }, versions: { total: number, items: Array<{ edge: { kind: string, from: string, to: string, props: unknown, validFrom: string, validTo: string | null }, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, tags: Array<{ name: string }> } }> }, owner: { total: number, items: Array<{ edge: { kind: string, from: string, to: string, props: unknown, validFrom: string, validTo: string | null }, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, tags: Array<{ name: string }> } }> }, readBy: { total: number, items: Array<{ edge: { kind: string, from: string, to: string, props: unknown, validFrom: string, validTo: string | null }, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, tags: Array<{ name: string }> } }> }, runs: { total: number, items: Array<{ edge: { kind: string, from: string, to: string, props: unknown, validFrom: string, validTo: string | null }, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, tags: Array<{ name: string }> } }> }, inputs: { total: number, items: Array<{ edge: { kind: string, from: string, to: string, props: unknown, validFrom: string, validTo: string | null }, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, tags: Array<{ name: string }> } }> }, outputs: { total: number, items: Array<{ edge: { kind: string, from: string, to: string, props: unknown, validFrom: string, validTo: string | null }, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, tags: Array<{ name: string }> } }> }, derivedFrom: { total: number, items: Array<{ edge: { kind: string, from: string, to: string, props: unknown, validFrom: string, validTo: string | null }, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, tags: Array<{ name: string }> } }> }, derives: { total: number, items: Array<{ edge: { kind: string, from: string, to: string, props: unknown, validFrom: string, validTo: string | null }, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, tags: Array<{ name: string }> } }> } } | null };

export type DatasetColumnsQueryVariables = Exact<{
  id: string | number;
  first: number;
}>;


export type DatasetColumnsQuery = { node: { id: string, neighbours: { items: Array<{ edge: { validTo: string | null, gaps: Array<{ from: string, to: string }> }, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string, tags: Array<{ name: string }> } }> } } | null };

export type LineageChangesQueryVariables = Exact<{
  id: string | number;
  first: number;
}>;


export type LineageChangesQuery = { lineageChanges: { total: number, isPartial: boolean, items: Array<{ at: string, change: LineageChangeKind, relation: LineageRelation, node: { id: string, kind: NodeKind, name: string } }> } | null };

export type NodeAboutQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeAboutQuery = { node: { id: string, description: { text: string, source: string, setAt: string | null, setBy: { name: string | null, role: string } | null } | null, owners: { source: string, setAt: string | null, items: Array<{ name: string, type: string | null }>, setBy: { name: string | null, role: string } | null } } | null };

export type DescribeNodeMutationVariables = Exact<{
  id: string | number;
  description?: string | null | undefined;
}>;


export type DescribeNodeMutation = { describeNode: { id: string } };

export type SetOwnersMutationVariables = Exact<{
  id: string | number;
  owners: Array<OwnerInput> | OwnerInput;
}>;


export type SetOwnersMutation = { setOwners: { id: string } };

export type NodeTagsQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeTagsQuery = { node: { id: string, tags: Array<{ name: string, source: string, at: string, actor: { name: string | null, role: string } | null }> } | null, tags: { items: Array<{ name: string }> } };

export type TagNodeMutationVariables = Exact<{
  id: string | number;
  tag: string;
}>;


export type TagNodeMutation = { tagNode: { id: string } };

export type UntagNodeMutationVariables = Exact<{
  id: string | number;
  tag: string;
}>;


export type UntagNodeMutation = { untagNode: { id: string } };

export type TagListQueryVariables = Exact<{ [key: string]: never; }>;


export type TagListQuery = { tags: { items: Array<{ name: string }> } };

export type TagOverlayQueryVariables = Exact<{
  tag: string;
}>;


export type TagOverlayQuery = { tagged: { total: number, items: Array<{ id: string }> } | null, tagReach: { isPartial: boolean, reached: Array<{ node: { id: string } }> } | null };

export type TagDetailsQueryVariables = Exact<{
  tag: string;
}>;


export type TagDetailsQuery = { tagged: { total: number, items: Array<{ id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string }> } | null, tagReach: { isPartial: boolean, reached: Array<{ distance: number, from: string, node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string } }> } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { tenant: string, role: string } };

export type RecentlyActiveQueryVariables = Exact<{
  first: number;
}>;


export type RecentlyActiveQuery = { recentlyActive: Array<{ id: string, kind: NodeKind, namespace: string, name: string, updatedAt: string }> };

export type AlertsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AlertsPageQuery = { alerts: Array<{ id: string, ruleId: string, ruleName: string, source: AlertSource, severity: AlertSeverity, labels: unknown, state: AlertState, value: number | null, noData: boolean, op: AlertOp, threshold: number, pendingSince: string, firedAt: string | null, subjectId: string | null }>, alertRules: Array<{ id: string, name: string, description: string | null, source: AlertSource, metric: string | null, service: string | null, aggregation: AlertAggregation | null, measure: AlertMeasure | null, llmOnly: boolean, alertOnNoData: boolean, op: AlertOp, threshold: number, windowSeconds: number, forSeconds: number, severity: AlertSeverity, enabled: boolean, silencedUntil: string | null, createdAt: string, createdBy: string | null, lastEvaluatedAt: string | null, lastSeries: number | null, lastTruncated: boolean, lastError: string | null, labels: Array<{ key: string, value: string }> }> };

export type AlertHistoryQueryVariables = Exact<{
  ruleId: string | number;
}>;


export type AlertHistoryQuery = { alerts: Array<{ id: string, source: AlertSource, labels: unknown, state: AlertState, value: number | null, noData: boolean, pendingSince: string, firedAt: string | null, closedAt: string | null, closeReason: string | null, subjectId: string | null }> };

export type PreviewAlertRuleQueryVariables = Exact<{
  input: AlertRuleInput;
}>;


export type PreviewAlertRuleQuery = { previewAlertRule: { from: string, to: string, truncated: boolean, series: Array<{ labels: unknown, value: number | null, samples: number, breaching: boolean }> } };

export type CreateAlertRuleMutationVariables = Exact<{
  input: AlertRuleInput;
}>;


export type CreateAlertRuleMutation = { createAlertRule: { id: string, name: string } };

export type SetAlertRuleEnabledMutationVariables = Exact<{
  id: string | number;
  enabled: boolean;
}>;


export type SetAlertRuleEnabledMutation = { setAlertRuleEnabled: { id: string, enabled: boolean } };

export type DeleteAlertRuleMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteAlertRuleMutation = { deleteAlertRule: { id: string, deletedAt: string | null } };

export type NodeAlertsQueryVariables = Exact<{
  nodeId: string | number;
}>;


export type NodeAlertsQuery = { alerts: Array<{ id: string, ruleName: string, severity: AlertSeverity, labels: unknown, state: AlertState, value: number | null, noData: boolean, op: AlertOp, threshold: number, pendingSince: string, firedAt: string | null, closedAt: string | null }> };

export type UpdateAlertRuleMutationVariables = Exact<{
  id: string | number;
  input: AlertRuleInput;
}>;


export type UpdateAlertRuleMutation = { updateAlertRule: { id: string, name: string } };

export type SilenceAlertRuleMutationVariables = Exact<{
  id: string | number;
  minutes: number;
}>;


export type SilenceAlertRuleMutation = { silenceAlertRule: { id: string, silencedUntil: string | null } };

export type WebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksQuery = { webhookFormats: Array<string>, webhooks: Array<{ id: string, url: string, events: Array<string>, format: string, minSeverity: string | null, description: string | null, secretHint: string, createdAt: string, deliveries: Array<{ id: string, event: string, state: string, ok: boolean, attempts: number, status: number | null, error: string | null, at: string }> }> };

export type CreateWebhookMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;


export type CreateWebhookMutation = { createWebhook: { secret: string, webhook: { id: string, url: string, format: string } } };

export type TestWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type TestWebhookMutation = { testWebhook: { id: string, ok: boolean, status: number | null, error: string | null } };

export type DeleteWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWebhookMutation = { deleteWebhook: { id: string, deletedAt: string | null } };

export type FeatureGroupsQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type FeatureGroupsQuery = { featureGroups: Array<{ id: string, namespace: string, name: string, description: string | null, entity: string, version: number, definedAt: string, sources: Array<{ id: string, namespace: string, name: string }>, features: Array<{ name: string }>, stats: { entities: number, lastEventTime: string | null } }> };

export type FeatureGroupQueryVariables = Exact<{
  namespace: string;
  name: string;
}>;


export type FeatureGroupQuery = { featureGroup: { id: string, namespace: string, name: string, description: string | null, entity: string, version: number, definedAt: string, owner: string | null, ttlSeconds: number | null, definedBy: { name: string | null, role: string } | null, source: { id: string, namespace: string, name: string } | null, sources: Array<{ id: string, namespace: string, name: string }>, features: Array<{ id: string, name: string, type: FeatureType, dimension: number | null, description: string | null, sourceFields: Array<string>, transformation: string | null, source: { id: string, name: string } | null }>, stats: { entities: number, values: number, firstEventTime: string | null, lastEventTime: string | null, lastWrittenAt: string | null }, featureStats: Array<{ feature: string, entities: number, nulls: number, min: number | null, max: number | null, mean: number | null, distinctStrings: number | null, lastEventTime: string | null }>, validation: { at: string, success: boolean, results: Array<{ success: boolean, observed: number | null, evaluated: number, expectation: { kind: FeatureExpectationKind, feature: string, min: number | null, max: number | null, values: Array<string> | null, mostly: number } }> } | null, validations: Array<{ at: string, success: boolean, validatedBy: { name: string | null, role: string } | null, results: Array<{ success: boolean }> }> } | null };

export type FeatureGroupDefinitionsQueryVariables = Exact<{
  namespace: string;
  name: string;
  asOf?: string | null | undefined;
}>;


export type FeatureGroupDefinitionsQuery = { featureGroup: { id: string, definitions: Array<{ version: number, definedAt: string, droppedAt: string | null, definedBy: { name: string | null, role: string } | null, droppedBy: { name: string | null, role: string } | null, features: Array<{ name: string, type: FeatureType, dimension: number | null, sourceFields: Array<string> }>, changes: Array<{ kind: FeatureDefinitionChangeKind, feature: string | null, before: string | null, after: string | null }> | null }> } | null };

export type OnlineFeaturesQueryVariables = Exact<{
  entityIds: Array<string> | string;
  features: Array<FeatureSelectionInput> | FeatureSelectionInput;
}>;


export type OnlineFeaturesQuery = { onlineFeatures: Array<{ entityId: string, at: string, values: Array<{ feature: string, value: unknown, eventTime: string | null, status: FeatureValueStatus }> }> };

export type PointInTimeFeaturesQueryVariables = Exact<{
  rows: Array<EntityAtInput> | EntityAtInput;
  features: Array<FeatureSelectionInput> | FeatureSelectionInput;
}>;


export type PointInTimeFeaturesQuery = { pointInTimeFeatures: Array<{ entityId: string, at: string, values: Array<{ feature: string, value: unknown, eventTime: string | null, status: FeatureValueStatus }> }> };

export type ValidateFeatureGroupMutationVariables = Exact<{
  namespace: string;
  name: string;
}>;


export type ValidateFeatureGroupMutation = { validateFeatureGroup: { id: string, validation: { at: string, success: boolean } | null } };

export type FeatureGroupDefinedQueryVariables = Exact<{
  namespace: string;
  name: string;
}>;


export type FeatureGroupDefinedQuery = { featureGroup: { id: string, version: number, definedAt: string, definedBy: { name: string | null, role: string } | null } | null };

export type FeatureServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type FeatureServicesQuery = { featureServices: Array<{ id: string, name: string, description: string | null, entity: string, definedAt: string, definedBy: string | null, features: Array<{ namespace: string, group: string, feature: string }> }> };

export type DefineFeatureServiceMutationVariables = Exact<{
  input: FeatureServiceInput;
}>;


export type DefineFeatureServiceMutation = { defineFeatureService: { id: string, name: string } };

export type DropFeatureServiceMutationVariables = Exact<{
  name: string;
}>;


export type DropFeatureServiceMutation = { dropFeatureService: { id: string } };

export type GpuDevicesQueryVariables = Exact<{
  from?: string | null | undefined;
  limit: number;
}>;


export type GpuDevicesQuery = { gpus: Array<{ gpuUuid: string, host: string, model: string, gpuIndex: string, pods: Array<string>, firstSeen: string, lastSeen: string, runs: Array<{ runId: string, name: string, pod: string, startedAt: string | null, endedAt: string | null }> }> };

export type RunGpuSeriesQueryVariables = Exact<{
  runId: string;
  metrics?: Array<GpuMetric> | GpuMetric | null | undefined;
  to?: string | null | undefined;
  maxPoints?: number | null | undefined;
}>;


export type RunGpuSeriesQuery = { runGpuSeries: { stepSeconds: number, source: SeriesSource, from: string, to: string, truncated: boolean, placement: { namespace: string, pods: Array<string>, startedAt: string | null, endedAt: string | null } | null, series: Array<{ gpuUuid: string, metric: GpuMetric, unit: string, namespace: string, pod: string, host: string, model: string, gpuIndex: string, points: Array<{ time: string, avg: number, min: number, max: number }> }> } };

export type GpuSeriesQueryVariables = Exact<{
  gpuUuid: string;
  metrics?: Array<GpuMetric> | GpuMetric | null | undefined;
  from?: string | null | undefined;
  maxPoints?: number | null | undefined;
}>;


export type GpuSeriesQuery = { gpuSeries: { stepSeconds: number, source: SeriesSource, from: string, to: string, truncated: boolean, series: Array<{ gpuUuid: string, metric: GpuMetric, unit: string, namespace: string, pod: string, host: string, model: string, gpuIndex: string, points: Array<{ time: string, avg: number, min: number, max: number }> }> } };

export type RunGpuSummaryQueryVariables = Exact<{
  runId: string;
}>;


export type RunGpuSummaryQuery = { runGpuSummary: { runId: string, gpuCount: number, gpuHours: number, meanUtilization: number | null, maxMemoryUsedBytes: number | null, meanPowerWatts: number | null, energyKwh: number | null, placement: { namespace: string, pods: Array<string>, startedAt: string | null, endedAt: string | null } | null, gpus: Array<{ gpuUuid: string, host: string, model: string, pod: string, hours: number, meanUtilization: number | null, maxMemoryUsedBytes: number | null, meanPowerWatts: number | null }> } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, prefix: string, role: string, name: string | null, createdAt: string, createdBy: string | null, runId: string | null, revokedAt: string | null, revokedBy: string | null, lastUsedAt: string | null, expiresAt: string | null, current: boolean, namespaces: Array<string> | null }> };

export type CreateApiKeyMutationVariables = Exact<{
  role: string;
  name?: string | null | undefined;
  expiresInDays?: number | null | undefined;
  namespaces?: Array<string> | string | null | undefined;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, prefix: string, role: string, expiresAt: string | null, namespaces: Array<string> | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type RegisteredModelsQueryVariables = Exact<{
  first: number;
  offset: number;
  search?: string | null | undefined;
}>;


export type RegisteredModelsQuery = { registeredModels: Array<{ id: string, name: string, description: string | null, versionCount: number, aliases: Array<{ alias: string, version: number, since: string }>, latestVersions: Array<{ version: number, stage: ModelStage, stageSince: string }> }> };

export type RegisteredModelQueryVariables = Exact<{
  name: string;
  asOf?: string | null | undefined;
}>;


export type RegisteredModelQuery = { registeredModel: { id: string, name: string, description: string | null, asOf: string | null, versionCount: number, tags: Array<{ key: string, value: string | null }>, aliases: Array<{ alias: string, version: number, since: string }>, gates: Array<{ index: number, kind: GateKind, stages: Array<ModelStage>, aliases: Array<string>, metric: string | null, source: MetricSource | null, op: Comparison | null, threshold: number | null, depth: number | null, plugin: string | null, params: unknown }>, latestVersions: Array<{ version: number, stage: ModelStage, stageSince: string }>, versions: Array<{ id: string, version: number, stage: ModelStage, stageSince: string, aliases: Array<string>, modelUri: string, flavor: string | null, description: string | null, runId: string | null, registeredAt: string, registeredBy: { name: string | null, role: string } | null, tags: Array<{ key: string, value: string | null }> }>, history: Array<{ seq: number | null, type: HistoryEventType, version: number | null, at: string, fromStage: ModelStage | null, toStage: ModelStage | null, pointer: string | null, previousVersion: number | null, reason: string | null, outcome: ChangeOutcome, rejectionCode: string | null, rejectionMessage: string | null, actor: { name: string | null, role: string }, gates: Array<{ gate: number, kind: GateKind, passed: boolean, detail: string }> }> } | null };

export type TransitionStageMutationVariables = Exact<{
  input: TransitionStageInput;
}>;


export type TransitionStageMutation = { transitionModelVersionStage: { version: number, stage: ModelStage, stageSince: string } };

export type SetModelAliasMutationVariables = Exact<{
  input: SetModelAliasInput;
}>;


export type SetModelAliasMutation = { setModelAlias: { version: number, aliases: Array<string> } };

export type DeleteModelAliasMutationVariables = Exact<{
  input: DeleteModelAliasInput;
}>;


export type DeleteModelAliasMutation = { deleteModelAlias: { name: string } };

export type ModelSummaryQueryVariables = Exact<{
  name: string;
}>;


export type ModelSummaryQuery = { registeredModel: { versionCount: number, aliases: Array<{ alias: string, version: number }>, latestVersions: Array<{ version: number, stage: ModelStage }> } | null };

export type ModelVersionSummaryQueryVariables = Exact<{
  name: string;
  version: number;
}>;


export type ModelVersionSummaryQuery = { modelVersion: { version: number, stage: ModelStage, stageSince: string, aliases: Array<string>, modelUri: string, flavor: string | null, runId: string | null, evaluations: Array<{ id: string, name: string, evaluatedAt: string, metrics: Array<{ key: string, value: number }> }> } | null };

export type ModelEvaluationsQueryVariables = Exact<{
  name: string;
}>;


export type ModelEvaluationsQuery = { registeredModel: { versions: Array<{ version: number, evaluations: Array<{ id: string, name: string, evaluatedAt: string, task: string | null, examples: number, metrics: Array<{ key: string, value: number }>, judging: { state: string, judged: number, total: number, unreadable: number, error: string | null } | null }> }> } | null };

export type PromptEvaluationsQueryVariables = Exact<{
  name: string;
}>;


export type PromptEvaluationsQuery = { prompt: { versions: Array<{ version: number, evaluations: Array<{ id: string, name: string, evaluatedAt: string, task: string | null, examples: number, metrics: Array<{ key: string, value: number }>, judging: { state: string, judged: number, total: number, unreadable: number, error: string | null } | null }> }> } | null };

export type CompareEvaluationsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  onlyDiffering: boolean;
}>;


export type CompareEvaluationsQuery = { compareEvaluations: { total: number, metrics: Array<{ key: string, values: Array<number | null> }>, examples: Array<{ exampleId: string, input: string, reference: string, predictions: Array<string | null>, scores: Array<unknown> }> } };

export type JudgeEvaluationMutationVariables = Exact<{
  id: string | number;
  criteria: Array<string> | string;
}>;


export type JudgeEvaluationMutation = { judgeEvaluation: { id: string, judging: { state: string, judged: number, total: number } | null } };

export type EvaluateTracesMutationVariables = Exact<{
  input: EvaluateTracesInput;
  criteria?: Array<string> | string | null | undefined;
}>;


export type EvaluateTracesMutation = { evaluateTraces: { id: string, examples: number, judging: { state: string, total: number } | null } };

export type SetPromotionGatesMutationVariables = Exact<{
  input: SetPromotionGatesInput;
}>;


export type SetPromotionGatesMutation = { setPromotionGates: { id: string, gates: Array<{ index: number }> } };

export type PluginGatesQueryVariables = Exact<{ [key: string]: never; }>;


export type PluginGatesQuery = { plugins: Array<{ name: string, promotionGates: Array<{ name: string, description: string | null }> }> };

export type PluginsQueryVariables = Exact<{ [key: string]: never; }>;


export type PluginsQuery = { plugins: Array<{ name: string, version: string | null, module: string, renamesDatasets: boolean, facets: Array<{ facet: string, owners: Array<string> }>, promotionGates: Array<{ name: string, description: string | null }>, webhookFormats: Array<{ name: string, description: string | null }>, errors: { count: number, lastAt: string | null, lastMessage: string | null }, usage: { calls: number, totalMs: number, slowestMs: number } }> };

export type PromptsQueryVariables = Exact<{
  first: number;
  offset: number;
  search?: string | null | undefined;
}>;


export type PromptsQuery = { prompts: Array<{ id: string, name: string, description: string | null, versionCount: number, createdAt: string, labels: Array<{ label: string, version: number, since: string }> }> };

export type PromptQueryVariables = Exact<{
  name: string;
}>;


export type PromptQuery = { prompt: { id: string, name: string, description: string | null, versionCount: number, tags: Array<{ key: string, value: string | null }>, labels: Array<{ label: string, version: number, since: string }>, versions: Array<{ id: string, version: number, type: PromptType, text: string | null, commitMessage: string | null, config: unknown, labels: Array<string>, createdAt: string, modelVersionId: string | null, messages: Array<{ role: string, content: string }> | null, createdBy: { name: string | null, role: string } | null, variables: Array<{ name: string, required: boolean, default: string | null, description: string | null }> }>, history: Array<{ seq: number | null, type: HistoryEventType, version: number | null, at: string, pointer: string | null, previousVersion: number | null, reason: string | null, outcome: ChangeOutcome, rejectionCode: string | null, rejectionMessage: string | null, actor: { name: string | null, role: string } }> } | null };

export type PromptByLabelQueryVariables = Exact<{
  name: string;
  label: string;
}>;


export type PromptByLabelQuery = { promptVersion: { version: number, labels: Array<string>, commitMessage: string | null } };

export type RenderPromptQueryVariables = Exact<{
  name: string;
  version: number;
  variables: unknown;
}>;


export type RenderPromptQuery = { renderPrompt: { type: PromptType, text: string | null, config: unknown, messages: Array<{ role: string, content: string }> | null } };

export type DiffPromptVersionsQueryVariables = Exact<{
  name: string;
  from: number;
  to: number;
}>;


export type DiffPromptVersionsQuery = { diffPromptVersions: { typeChanged: boolean, variablesAdded: Array<string>, variablesRemoved: Array<string>, configChanges: Array<{ key: string, from: unknown, to: unknown }>, lines: Array<{ op: DiffOp, text: string }> } };

export type PromptSummaryQueryVariables = Exact<{
  name: string;
}>;


export type PromptSummaryQuery = { prompt: { versionCount: number, labels: Array<{ label: string, version: number }> } | null };

export type PromptVersionSummaryQueryVariables = Exact<{
  name: string;
  version: number;
}>;


export type PromptVersionSummaryQuery = { promptVersion: { version: number, type: PromptType, labels: Array<string>, commitMessage: string | null, variables: Array<{ name: string }> } };

export type SetPromptLabelMutationVariables = Exact<{
  input: SetPromptLabelInput;
}>;


export type SetPromptLabelMutation = { setPromptLabel: { version: number, labels: Array<string> } };

export type RemovePromptLabelMutationVariables = Exact<{
  input: RemovePromptLabelInput;
}>;


export type RemovePromptLabelMutation = { removePromptLabel: { name: string } };

export type ReportContentFieldsFragment = { from: string, to: string, sections: Array<ReportSection>, lineage: { events: number, runs: number, completedRuns: number, failedRuns: number, abortedRuns: number, jobs: number, datasets: number, failingJobs: Array<{ namespace: string, name: string, failedRuns: number, completedRuns: number }>, newDatasets: { count: number, first: Array<string> } } | null, quality: { checks: number, failedChecks: number, groups: Array<{ id: string, name: string, checks: number, failedChecks: number, latestPassed: boolean }> } | null, models: { aliasChanges: number, registered: { count: number, first: Array<{ model: string, version: number, at: string }> }, stageChanges: { count: number, first: Array<{ model: string, version: number | null, from: string | null, to: string | null, at: string, actor: string | null }> }, refused: { count: number, first: Array<{ model: string, version: number | null, to: string | null, at: string, reason: string }> } } | null, llm: { calls: number, inputTokens: number, outputTokens: number, costUsd: number, previous: { calls: number, costUsd: number }, byModel: Array<{ model: string, calls: number, totalTokens: number, costUsd: number, latencyP50Ms: number, latencyP99Ms: number }> } | null, gpu: { gpuHours: number, gpus: number, byPod: Array<{ namespace: string, pod: string, gpus: number, gpuHours: number, meanUtilization: number | null }> } | null, alerts: { fired: number, resolved: number, firingAtEnd: number, byRule: Array<{ rule: string, severity: string, fired: number }> } | null };

export type ReportSchedulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportSchedulesQuery = { reportSchedules: Array<{ id: string, name: string, cadence: ReportCadence, hourUtc: number, weekday: number | null, sections: Array<ReportSection>, enabled: boolean, createdAt: string, createdBy: string | null }> };

export type ScheduleReportsQueryVariables = Exact<{
  id: string | number;
}>;


export type ScheduleReportsQuery = { reportSchedule: { id: string, reports: Array<{ id: string, name: string, from: string, to: string, generatedAt: string }> } };

export type ReportQueryVariables = Exact<{
  id: string | number;
}>;


export type ReportQuery = { report: { id: string, name: string, from: string, to: string, generatedAt: string, content: { from: string, to: string, sections: Array<ReportSection>, lineage: { events: number, runs: number, completedRuns: number, failedRuns: number, abortedRuns: number, jobs: number, datasets: number, failingJobs: Array<{ namespace: string, name: string, failedRuns: number, completedRuns: number }>, newDatasets: { count: number, first: Array<string> } } | null, quality: { checks: number, failedChecks: number, groups: Array<{ id: string, name: string, checks: number, failedChecks: number, latestPassed: boolean }> } | null, models: { aliasChanges: number, registered: { count: number, first: Array<{ model: string, version: number, at: string }> }, stageChanges: { count: number, first: Array<{ model: string, version: number | null, from: string | null, to: string | null, at: string, actor: string | null }> }, refused: { count: number, first: Array<{ model: string, version: number | null, to: string | null, at: string, reason: string }> } } | null, llm: { calls: number, inputTokens: number, outputTokens: number, costUsd: number, previous: { calls: number, costUsd: number }, byModel: Array<{ model: string, calls: number, totalTokens: number, costUsd: number, latencyP50Ms: number, latencyP99Ms: number }> } | null, gpu: { gpuHours: number, gpus: number, byPod: Array<{ namespace: string, pod: string, gpus: number, gpuHours: number, meanUtilization: number | null }> } | null, alerts: { fired: number, resolved: number, firingAtEnd: number, byRule: Array<{ rule: string, severity: string, fired: number }> } | null } } };

export type ComposeReportQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type ComposeReportQuery = { composeReport: { from: string, to: string, sections: Array<ReportSection>, lineage: { events: number, runs: number, completedRuns: number, failedRuns: number, abortedRuns: number, jobs: number, datasets: number, failingJobs: Array<{ namespace: string, name: string, failedRuns: number, completedRuns: number }>, newDatasets: { count: number, first: Array<string> } } | null, quality: { checks: number, failedChecks: number, groups: Array<{ id: string, name: string, checks: number, failedChecks: number, latestPassed: boolean }> } | null, models: { aliasChanges: number, registered: { count: number, first: Array<{ model: string, version: number, at: string }> }, stageChanges: { count: number, first: Array<{ model: string, version: number | null, from: string | null, to: string | null, at: string, actor: string | null }> }, refused: { count: number, first: Array<{ model: string, version: number | null, to: string | null, at: string, reason: string }> } } | null, llm: { calls: number, inputTokens: number, outputTokens: number, costUsd: number, previous: { calls: number, costUsd: number }, byModel: Array<{ model: string, calls: number, totalTokens: number, costUsd: number, latencyP50Ms: number, latencyP99Ms: number }> } | null, gpu: { gpuHours: number, gpus: number, byPod: Array<{ namespace: string, pod: string, gpus: number, gpuHours: number, meanUtilization: number | null }> } | null, alerts: { fired: number, resolved: number, firingAtEnd: number, byRule: Array<{ rule: string, severity: string, fired: number }> } | null } };

export type CreateReportScheduleMutationVariables = Exact<{
  input: ReportScheduleInput;
}>;


export type CreateReportScheduleMutation = { createReportSchedule: { id: string, name: string } };

export type UpdateReportScheduleMutationVariables = Exact<{
  id: string | number;
  input: ReportScheduleInput;
}>;


export type UpdateReportScheduleMutation = { updateReportSchedule: { id: string, enabled: boolean } };

export type DeleteReportScheduleMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteReportScheduleMutation = { deleteReportSchedule: { id: string, deleted: boolean } };

export type RunReportScheduleMutationVariables = Exact<{
  id: string | number;
}>;


export type RunReportScheduleMutation = { runReportSchedule: { id: string, name: string, from: string, to: string } };

export type RunListQueryVariables = Exact<{
  experiment?: string | null | undefined;
  statuses?: Array<RunStatus> | RunStatus | null | undefined;
  text?: string | null | undefined;
  first: number;
  offset: number;
}>;


export type RunListQuery = { runs: { total: number, truncated: boolean, items: Array<{ id: string, runId: string, name: string | null, experiment: string | null, status: RunStatus, startedAt: string | null, endedAt: string | null, latestMetrics: Array<{ key: string, value: number }> }> } };

export type ExperimentNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type ExperimentNamesQuery = { experiments: Array<{ id: string, name: string }> };

export type RunDetailQueryVariables = Exact<{
  runId: string;
  maxPoints: number;
}>;


export type RunDetailQuery = { trackedRun: { id: string, runId: string, name: string | null, experiment: string | null, status: RunStatus, startedAt: string | null, endedAt: string | null, note: string | null, props: unknown, params: Array<{ key: string, value: string | null }>, tags: Array<{ key: string, value: string | null }>, artifacts: Array<{ path: string, uri: string, type: string | null, sizeBytes: number | null, loggedAt: string }>, latestMetrics: Array<{ key: string, value: number, step: number, count: number, min: number, max: number }>, metricHistory: Array<{ runId: string, key: string, total: number, points: Array<{ step: number, value: number }> }> } | null };

export type RunTrainingQueryVariables = Exact<{
  runId: string;
}>;


export type RunTrainingQuery = { trainingRun: { runId: string, state: TrainingState } | null };

export type SetRunNoteMutationVariables = Exact<{
  runId: string;
  note: string;
}>;


export type SetRunNoteMutation = { setRunNote: { runId: string, note: string | null } };

export type CompareRunsQueryVariables = Exact<{
  runIds: Array<string> | string;
  maxPoints: number;
}>;


export type CompareRunsQuery = { compareRuns: { runs: Array<{ id: string, runId: string, name: string | null, experiment: string | null, status: RunStatus }>, params: Array<{ key: string, values: Array<string | null>, differs: boolean }>, metrics: Array<{ runId: string, key: string, total: number, points: Array<{ step: number, value: number }> }> } };

export type RunSectionQueryVariables = Exact<{
  runId: string;
}>;


export type RunSectionQuery = { trackedRun: { runId: string, name: string | null, experiment: string | null, status: RunStatus, startedAt: string | null, endedAt: string | null, params: Array<{ key: string, value: string | null }>, latestMetrics: Array<{ key: string, value: number, step: number }> } | null };

export type ExperimentSectionQueryVariables = Exact<{
  name: string;
}>;


export type ExperimentSectionQuery = { experiment: { name: string, description: string | null, tags: Array<{ key: string, value: string | null }>, runs: { total: number, items: Array<{ runId: string, name: string | null, status: RunStatus }> } } | null };

export type TraceSummaryFieldsFragment = { traceId: string, rootSpanName: string, service: string, start: string, durationMs: number, spanCount: number, llmCalls: number, error: boolean, errorCount: number, inputTokens: number, outputTokens: number, costUsd: number, models: Array<string>, prompts: Array<{ name: string, version: string }> };

export type TracesQueryVariables = Exact<{
  filter?: TraceFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type TracesQuery = { traces: { edges: Array<{ cursor: string, node: { traceId: string, rootSpanName: string, service: string, start: string, durationMs: number, spanCount: number, llmCalls: number, error: boolean, errorCount: number, inputTokens: number, outputTokens: number, costUsd: number, models: Array<string>, prompts: Array<{ name: string, version: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TraceQueryVariables = Exact<{
  traceId: string | number;
}>;


export type TraceQuery = { trace: { truncated: boolean, summary: { end: string, runIds: Array<string>, traceId: string, rootSpanName: string, service: string, start: string, durationMs: number, spanCount: number, llmCalls: number, error: boolean, errorCount: number, inputTokens: number, outputTokens: number, costUsd: number, models: Array<string>, modelVersions: Array<{ name: string, version: string }>, node: { id: string } | null, prompts: Array<{ name: string, version: string }> }, spans: Array<{ spanId: string, parentSpanId: string | null, name: string, kind: string, service: string, scope: string, depth: number, childCount: number, start: string, startOffsetMs: number, durationMs: number, statusCode: string, statusMessage: string, runId: string | null, llm: { operation: string, provider: string, requestModel: string, responseModel: string, inputTokens: number, outputTokens: number, totalTokens: number, costUsd: number, promptName: string, promptVersion: string } | null }> } | null };

export type SpanDetailsQueryVariables = Exact<{
  traceId: string | number;
  spanIds: Array<string | number> | string | number;
}>;


export type SpanDetailsQuery = { spanDetails: Array<{ spanId: string, attributes: unknown, resourceAttributes: unknown, events: Array<{ name: string, time: string, attributes: unknown }>, links: Array<{ traceId: string, spanId: string, attributes: unknown }> }> };

export type LlmUsageQueryVariables = Exact<{
  groupBy: LlmUsageGroup;
  from?: string | null | undefined;
  to?: string | null | undefined;
  service?: string | null | undefined;
}>;


export type LlmUsageQuery = { llmUsage: Array<{ model: string | null, promptName: string | null, promptVersion: string | null, calls: number, inputTokens: number, outputTokens: number, totalTokens: number, costUsd: number, latencyP50Ms: number, latencyP99Ms: number }> };

export type TrainingRunsQueryVariables = Exact<{
  activeOnly: boolean;
  first: number;
  offset: number;
}>;


export type TrainingRunsQuery = { trainingRuns: { total: number, items: Array<{ id: string, runId: string, name: string | null, experiment: string | null, state: TrainingState, reason: string | null, requestedAt: string, stateChangedAt: string | null, image: string, workers: number, resources: { cpu: string, memory: string, gpu: number, gpuType: string | null } }> } };

export type TrainingQuotaQueryVariables = Exact<{ [key: string]: never; }>;


export type TrainingQuotaQuery = { trainingQuota: { gpu: number | null, cpu: string | null, usedGpu: number, usedCpu: string, activeRuns: number } };

export type TrainingRunDetailQueryVariables = Exact<{
  runId: string;
  tailLines: number;
  worker: number;
}>;


export type TrainingRunDetailQuery = { trainingRun: { id: string, runId: string, requestId: string, name: string | null, experiment: string | null, state: TrainingState, reason: string | null, message: string | null, stateChangedAt: string | null, requestedAt: string, cancelRequestedAt: string | null, image: string, command: Array<string>, args: Array<string>, workers: number, retries: number, timeoutSeconds: number, priority: TrainingPriority, datasets: Array<string>, featureGroups: Array<string>, logs: string, env: Array<{ name: string, value: string }>, resources: { cpu: string, memory: string, gpu: number, gpuType: string | null }, placement: { launcher: string, namespace: string | null, job: string, pods: Array<string> } | null } | null };

export type RequestTrainingMutationVariables = Exact<{
  input: RequestTrainingInput;
}>;


export type RequestTrainingMutation = { requestTraining: { runId: string, state: TrainingState } };

export type CancelTrainingMutationVariables = Exact<{
  runId: string;
}>;


export type CancelTrainingMutation = { cancelTraining: { runId: string, state: TrainingState, reason: string | null } };

export type TrainingSectionQueryVariables = Exact<{
  runId: string;
}>;


export type TrainingSectionQuery = { trainingRun: { runId: string, state: TrainingState, reason: string | null, image: string, requestedAt: string, resources: { cpu: string, memory: string, gpu: number, gpuType: string | null } } | null };

export type SearchDatasetsQueryVariables = Exact<{
  text: string;
  kinds?: Array<NodeKind> | NodeKind | null | undefined;
}>;


export type SearchDatasetsQuery = { search: Array<{ id: string, kind: NodeKind, namespace: string, name: string }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const LineageResultFragmentDoc = new TypedDocumentString(`
    fragment LineageResult on Lineage {
  root {
    id
    kind
    namespace
    name
    validTo
    gaps {
      from
      to
    }
  }
  nodes {
    distance
    node {
      id
      kind
      namespace
      name
    }
  }
  edges {
    kind
    from
    to
  }
  isPartial
  cut {
    reason
    depth
  }
}
    `, {"fragmentName":"LineageResult"}) as unknown as TypedDocumentString<LineageResultFragment, unknown>;
export const RelationPageFragmentDoc = new TypedDocumentString(`
    fragment RelationPage on NeighbourPage {
  total
  items {
    edge {
      kind
      from
      to
      props
      validFrom
      validTo
    }
    node {
      id
      kind
      namespace
      name
      props
      createdAt
      updatedAt
      tags {
        name
      }
    }
  }
}
    `, {"fragmentName":"RelationPage"}) as unknown as TypedDocumentString<RelationPageFragment, unknown>;
export const ReportContentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReportContentFields on ReportContent {
  from
  to
  sections
  lineage {
    events
    runs
    completedRuns
    failedRuns
    abortedRuns
    jobs
    datasets
    failingJobs {
      namespace
      name
      failedRuns
      completedRuns
    }
    newDatasets {
      count
      first
    }
  }
  quality {
    checks
    failedChecks
    groups {
      id
      name
      checks
      failedChecks
      latestPassed
    }
  }
  models {
    registered {
      count
      first {
        model
        version
        at
      }
    }
    stageChanges {
      count
      first {
        model
        version
        from
        to
        at
        actor
      }
    }
    refused {
      count
      first {
        model
        version
        to
        at
        reason
      }
    }
    aliasChanges
  }
  llm {
    calls
    inputTokens
    outputTokens
    costUsd
    previous {
      calls
      costUsd
    }
    byModel {
      model
      calls
      totalTokens
      costUsd
      latencyP50Ms
      latencyP99Ms
    }
  }
  gpu {
    gpuHours
    gpus
    byPod {
      namespace
      pod
      gpus
      gpuHours
      meanUtilization
    }
  }
  alerts {
    fired
    resolved
    firingAtEnd
    byRule {
      rule
      severity
      fired
    }
  }
}
    `, {"fragmentName":"ReportContentFields"}) as unknown as TypedDocumentString<ReportContentFieldsFragment, unknown>;
export const TraceSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment TraceSummaryFields on TraceSummary {
  traceId
  rootSpanName
  service
  start
  durationMs
  spanCount
  llmCalls
  error
  errorCount
  inputTokens
  outputTokens
  costUsd
  models
  prompts {
    name
    version
  }
}
    `, {"fragmentName":"TraceSummaryFields"}) as unknown as TypedDocumentString<TraceSummaryFieldsFragment, unknown>;
export const SearchNodesDocument = new TypedDocumentString(`
    query SearchNodes($text: String!, $kinds: [NodeKind!], $first: Int!) {
  search(text: $text, kinds: $kinds, first: $first) {
    id
    kind
    namespace
    name
  }
}
    `) as unknown as TypedDocumentString<SearchNodesQuery, SearchNodesQueryVariables>;
export const LineageDocument = new TypedDocumentString(`
    query Lineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!, $asOf: DateTime) {
  lineage(
    nodeId: $nodeId
    direction: $direction
    depth: $depth
    limit: $limit
    asOf: $asOf
  ) {
    ...LineageResult
  }
}
    fragment LineageResult on Lineage {
  root {
    id
    kind
    namespace
    name
    validTo
    gaps {
      from
      to
    }
  }
  nodes {
    distance
    node {
      id
      kind
      namespace
      name
    }
  }
  edges {
    kind
    from
    to
  }
  isPartial
  cut {
    reason
    depth
  }
}`) as unknown as TypedDocumentString<LineageQuery, LineageQueryVariables>;
export const HopAsOfDocument = new TypedDocumentString(`
    query HopAsOf($nodeId: ID!, $direction: Direction!, $limit: Int!, $asOf: DateTime) {
  lineage(
    nodeId: $nodeId
    direction: $direction
    depth: 1
    limit: $limit
    asOf: $asOf
  ) {
    ...LineageResult
  }
  lineageCount(nodeId: $nodeId, direction: $direction, depth: 1, asOf: $asOf) {
    byDistance {
      distance
      count
    }
  }
}
    fragment LineageResult on Lineage {
  root {
    id
    kind
    namespace
    name
    validTo
    gaps {
      from
      to
    }
  }
  nodes {
    distance
    node {
      id
      kind
      namespace
      name
    }
  }
  edges {
    kind
    from
    to
  }
  isPartial
  cut {
    reason
    depth
  }
}`) as unknown as TypedDocumentString<HopAsOfQuery, HopAsOfQueryVariables>;
export const ColumnLineageDocument = new TypedDocumentString(`
    query ColumnLineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!, $asOf: DateTime) {
  columnLineage(
    nodeId: $nodeId
    direction: $direction
    depth: $depth
    limit: $limit
    asOf: $asOf
  ) {
    ...LineageResult
  }
}
    fragment LineageResult on Lineage {
  root {
    id
    kind
    namespace
    name
    validTo
    gaps {
      from
      to
    }
  }
  nodes {
    distance
    node {
      id
      kind
      namespace
      name
    }
  }
  edges {
    kind
    from
    to
  }
  isPartial
  cut {
    reason
    depth
  }
}`) as unknown as TypedDocumentString<ColumnLineageQuery, ColumnLineageQueryVariables>;
export const NeighboursDocument = new TypedDocumentString(`
    query Neighbours($id: ID!, $direction: Direction!, $first: Int!, $offset: Int!) {
  node(id: $id) {
    ... on GraphNode {
      neighbours(
        direction: $direction
        first: $first
        offset: $offset
        lineageOnly: true
      ) {
        total
        items {
          node {
            id
            kind
            namespace
            name
          }
          edge {
            kind
            from
            to
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NeighboursQuery, NeighboursQueryVariables>;
export const ImpactUsageDocument = new TypedDocumentString(`
    query ImpactUsage($nodeId: ID!, $depth: Int!, $asOf: DateTime) {
  impact(nodeId: $nodeId, depth: $depth, asOf: $asOf) {
    usage {
      windowDays
      modelVersions
      promptVersions
      llmCalls
      llmErrors
      llmTokens
      llmCostUsd
      trainingRuns
      gpuHours
      gpuRunsRead
    }
  }
}
    `) as unknown as TypedDocumentString<ImpactUsageQuery, ImpactUsageQueryVariables>;
export const ImpactDocument = new TypedDocumentString(`
    query Impact($nodeId: ID!, $depth: Int!, $asOf: DateTime) {
  impact(nodeId: $nodeId, depth: $depth, asOf: $asOf) {
    total
    isPartial
    cut {
      reason
      depth
    }
    root {
      id
      kind
      name
    }
    groups {
      kind
      distance
      count
      nodes {
        node {
          id
          kind
          namespace
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImpactQuery, ImpactQueryVariables>;
export const NodeDetailsDocument = new TypedDocumentString(`
    query NodeDetails($id: ID!) {
  node(id: $id) {
    id
    kind
    namespace
    name
    props
    createdAt
    updatedAt
    validTo
    gaps {
      from
      to
    }
  }
}
    `) as unknown as TypedDocumentString<NodeDetailsQuery, NodeDetailsQueryVariables>;
export const DeleteNodeDocument = new TypedDocumentString(`
    mutation DeleteNode($id: ID!) {
  deleteNode(nodeId: $id) {
    id
    validTo
  }
}
    `) as unknown as TypedDocumentString<DeleteNodeMutation, DeleteNodeMutationVariables>;
export const RestoreNodeDocument = new TypedDocumentString(`
    mutation RestoreNode($id: ID!) {
  restoreNode(nodeId: $id) {
    id
    validTo
  }
}
    `) as unknown as TypedDocumentString<RestoreNodeMutation, RestoreNodeMutationVariables>;
export const SchemaChangesDocument = new TypedDocumentString(`
    query SchemaChanges($nodeId: ID!, $first: Int!) {
  schemaChanges(nodeId: $nodeId, first: $first) {
    at
    fromVersion
    toVersion
    added {
      name
      type
    }
    removed {
      name
      type
    }
    changed {
      name
      from
      to
    }
  }
}
    `) as unknown as TypedDocumentString<SchemaChangesQuery, SchemaChangesQueryVariables>;
export const ReceivedEventsDocument = new TypedDocumentString(`
    query ReceivedEvents($runId: ID, $jobNamespace: String, $jobName: String, $datasetNamespace: String, $datasetName: String, $first: Int!) {
  lineageEvents(
    runId: $runId
    jobNamespace: $jobNamespace
    jobName: $jobName
    datasetNamespace: $datasetNamespace
    datasetName: $datasetName
    first: $first
  ) {
    totalCount
    events
  }
}
    `) as unknown as TypedDocumentString<ReceivedEventsQuery, ReceivedEventsQueryVariables>;
export const NodeRelationsDocument = new TypedDocumentString(`
    query NodeRelations($id: ID!, $first: Int!) {
  node(id: $id) {
    ... on GraphNode {
      id
      fields: neighbours(
        direction: DOWNSTREAM
        edgeKinds: ["HAS_FIELD"]
        first: $first
      ) {
        ...RelationPage
      }
      versions: neighbours(
        direction: DOWNSTREAM
        edgeKinds: ["HAS_VERSION"]
        first: $first
      ) {
        ...RelationPage
      }
      owner: neighbours(
        direction: UPSTREAM
        edgeKinds: ["HAS_VERSION", "HAS_FIELD"]
        first: 1
      ) {
        ...RelationPage
      }
      readBy: neighbours(direction: DOWNSTREAM, edgeKinds: ["READ_BY"], first: $first) {
        ...RelationPage
      }
      runs: neighbours(
        direction: UPSTREAM
        edgeKinds: ["WROTE", "RAN", "RUN_OF"]
        first: $first
      ) {
        ...RelationPage
      }
      inputs: neighbours(direction: UPSTREAM, edgeKinds: ["INPUT_TO"], first: $first) {
        ...RelationPage
      }
      outputs: neighbours(direction: DOWNSTREAM, edgeKinds: ["OUTPUT"], first: $first) {
        ...RelationPage
      }
      derivedFrom: neighbours(
        direction: UPSTREAM
        edgeKinds: ["DERIVES"]
        first: $first
      ) {
        ...RelationPage
      }
      derives: neighbours(
        direction: DOWNSTREAM
        edgeKinds: ["DERIVES"]
        first: $first
      ) {
        ...RelationPage
      }
    }
  }
}
    fragment RelationPage on NeighbourPage {
  total
  items {
    edge {
      kind
      from
      to
      props
      validFrom
      validTo
    }
    node {
      id
      kind
      namespace
      name
      props
      createdAt
      updatedAt
      tags {
        name
      }
    }
  }
}`) as unknown as TypedDocumentString<NodeRelationsQuery, NodeRelationsQueryVariables>;
export const DatasetColumnsDocument = new TypedDocumentString(`
    query DatasetColumns($id: ID!, $first: Int!) {
  node(id: $id) {
    ... on GraphNode {
      id
      neighbours(
        direction: DOWNSTREAM
        first: $first
        edgeKinds: ["HAS_FIELD"]
        ended: true
      ) {
        items {
          edge {
            validTo
            gaps {
              from
              to
            }
          }
          node {
            id
            kind
            namespace
            name
            props
            createdAt
            updatedAt
            tags {
              name
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DatasetColumnsQuery, DatasetColumnsQueryVariables>;
export const LineageChangesDocument = new TypedDocumentString(`
    query LineageChanges($id: ID!, $first: Int!) {
  lineageChanges(nodeId: $id, first: $first) {
    total
    isPartial
    items {
      at
      change
      relation
      node {
        id
        kind
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LineageChangesQuery, LineageChangesQueryVariables>;
export const NodeAboutDocument = new TypedDocumentString(`
    query NodeAbout($id: ID!) {
  node(id: $id) {
    ... on GraphNode {
      id
      description {
        text
        source
        setBy {
          name
          role
        }
        setAt
      }
      owners {
        items {
          name
          type
        }
        source
        setBy {
          name
          role
        }
        setAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NodeAboutQuery, NodeAboutQueryVariables>;
export const DescribeNodeDocument = new TypedDocumentString(`
    mutation DescribeNode($id: ID!, $description: String) {
  describeNode(nodeId: $id, description: $description) {
    id
  }
}
    `) as unknown as TypedDocumentString<DescribeNodeMutation, DescribeNodeMutationVariables>;
export const SetOwnersDocument = new TypedDocumentString(`
    mutation SetOwners($id: ID!, $owners: [OwnerInput!]!) {
  setOwners(nodeId: $id, owners: $owners) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetOwnersMutation, SetOwnersMutationVariables>;
export const NodeTagsDocument = new TypedDocumentString(`
    query NodeTags($id: ID!) {
  node(id: $id) {
    ... on GraphNode {
      id
      tags {
        name
        source
        at
        actor {
          name
          role
        }
      }
    }
  }
  tags(first: 1000) {
    items {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<NodeTagsQuery, NodeTagsQueryVariables>;
export const TagNodeDocument = new TypedDocumentString(`
    mutation TagNode($id: ID!, $tag: String!) {
  tagNode(nodeId: $id, tag: $tag) {
    id
  }
}
    `) as unknown as TypedDocumentString<TagNodeMutation, TagNodeMutationVariables>;
export const UntagNodeDocument = new TypedDocumentString(`
    mutation UntagNode($id: ID!, $tag: String!) {
  untagNode(nodeId: $id, tag: $tag) {
    id
  }
}
    `) as unknown as TypedDocumentString<UntagNodeMutation, UntagNodeMutationVariables>;
export const TagListDocument = new TypedDocumentString(`
    query TagList {
  tags(first: 1000) {
    items {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<TagListQuery, TagListQueryVariables>;
export const TagOverlayDocument = new TypedDocumentString(`
    query TagOverlay($tag: String!) {
  tagged(tag: $tag, first: 500) {
    total
    items {
      id
    }
  }
  tagReach(tag: $tag, depth: 10, first: 2000) {
    isPartial
    reached {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TagOverlayQuery, TagOverlayQueryVariables>;
export const TagDetailsDocument = new TypedDocumentString(`
    query TagDetails($tag: String!) {
  tagged(tag: $tag, first: 200) {
    total
    items {
      id
      kind
      namespace
      name
      props
      createdAt
      updatedAt
    }
  }
  tagReach(tag: $tag, depth: 5, first: 200) {
    isPartial
    reached {
      distance
      from
      node {
        id
        kind
        namespace
        name
        props
        createdAt
        updatedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TagDetailsQuery, TagDetailsQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    tenant
    role
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const RecentlyActiveDocument = new TypedDocumentString(`
    query RecentlyActive($first: Int!) {
  recentlyActive(first: $first) {
    id
    kind
    namespace
    name
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<RecentlyActiveQuery, RecentlyActiveQueryVariables>;
export const AlertsPageDocument = new TypedDocumentString(`
    query AlertsPage {
  alerts(states: [PENDING, FIRING]) {
    id
    ruleId
    ruleName
    source
    severity
    labels
    state
    value
    noData
    op
    threshold
    pendingSince
    firedAt
    subjectId
  }
  alertRules {
    id
    name
    description
    source
    metric
    labels {
      key
      value
    }
    service
    aggregation
    measure
    llmOnly
    alertOnNoData
    op
    threshold
    windowSeconds
    forSeconds
    severity
    enabled
    silencedUntil
    createdAt
    createdBy
    lastEvaluatedAt
    lastSeries
    lastTruncated
    lastError
  }
}
    `) as unknown as TypedDocumentString<AlertsPageQuery, AlertsPageQueryVariables>;
export const AlertHistoryDocument = new TypedDocumentString(`
    query AlertHistory($ruleId: ID!) {
  alerts(ruleId: $ruleId, states: [FIRING, RESOLVED], first: 50) {
    id
    source
    labels
    state
    value
    noData
    pendingSince
    firedAt
    closedAt
    closeReason
    subjectId
  }
}
    `) as unknown as TypedDocumentString<AlertHistoryQuery, AlertHistoryQueryVariables>;
export const PreviewAlertRuleDocument = new TypedDocumentString(`
    query PreviewAlertRule($input: AlertRuleInput!) {
  previewAlertRule(input: $input) {
    from
    to
    truncated
    series {
      labels
      value
      samples
      breaching
    }
  }
}
    `) as unknown as TypedDocumentString<PreviewAlertRuleQuery, PreviewAlertRuleQueryVariables>;
export const CreateAlertRuleDocument = new TypedDocumentString(`
    mutation CreateAlertRule($input: AlertRuleInput!) {
  createAlertRule(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateAlertRuleMutation, CreateAlertRuleMutationVariables>;
export const SetAlertRuleEnabledDocument = new TypedDocumentString(`
    mutation SetAlertRuleEnabled($id: ID!, $enabled: Boolean!) {
  setAlertRuleEnabled(id: $id, enabled: $enabled) {
    id
    enabled
  }
}
    `) as unknown as TypedDocumentString<SetAlertRuleEnabledMutation, SetAlertRuleEnabledMutationVariables>;
export const DeleteAlertRuleDocument = new TypedDocumentString(`
    mutation DeleteAlertRule($id: ID!) {
  deleteAlertRule(id: $id) {
    id
    deletedAt
  }
}
    `) as unknown as TypedDocumentString<DeleteAlertRuleMutation, DeleteAlertRuleMutationVariables>;
export const NodeAlertsDocument = new TypedDocumentString(`
    query NodeAlerts($nodeId: ID!) {
  alerts(nodeId: $nodeId, states: [PENDING, FIRING, RESOLVED], first: 20) {
    id
    ruleName
    severity
    labels
    state
    value
    noData
    op
    threshold
    pendingSince
    firedAt
    closedAt
  }
}
    `) as unknown as TypedDocumentString<NodeAlertsQuery, NodeAlertsQueryVariables>;
export const UpdateAlertRuleDocument = new TypedDocumentString(`
    mutation UpdateAlertRule($id: ID!, $input: AlertRuleInput!) {
  updateAlertRule(id: $id, input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<UpdateAlertRuleMutation, UpdateAlertRuleMutationVariables>;
export const SilenceAlertRuleDocument = new TypedDocumentString(`
    mutation SilenceAlertRule($id: ID!, $minutes: Int!) {
  silenceAlertRule(id: $id, minutes: $minutes) {
    id
    silencedUntil
  }
}
    `) as unknown as TypedDocumentString<SilenceAlertRuleMutation, SilenceAlertRuleMutationVariables>;
export const WebhooksDocument = new TypedDocumentString(`
    query Webhooks {
  webhookFormats
  webhooks {
    id
    url
    events
    format
    minSeverity
    description
    secretHint
    createdAt
    deliveries {
      id
      event
      state
      ok
      attempts
      status
      error
      at
    }
  }
}
    `) as unknown as TypedDocumentString<WebhooksQuery, WebhooksQueryVariables>;
export const CreateWebhookDocument = new TypedDocumentString(`
    mutation CreateWebhook($input: CreateWebhookInput!) {
  createWebhook(input: $input) {
    secret
    webhook {
      id
      url
      format
    }
  }
}
    `) as unknown as TypedDocumentString<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const TestWebhookDocument = new TypedDocumentString(`
    mutation TestWebhook($id: ID!) {
  testWebhook(id: $id) {
    id
    ok
    status
    error
  }
}
    `) as unknown as TypedDocumentString<TestWebhookMutation, TestWebhookMutationVariables>;
export const DeleteWebhookDocument = new TypedDocumentString(`
    mutation DeleteWebhook($id: ID!) {
  deleteWebhook(id: $id) {
    id
    deletedAt
  }
}
    `) as unknown as TypedDocumentString<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const FeatureGroupsDocument = new TypedDocumentString(`
    query FeatureGroups($search: String) {
  featureGroups(search: $search, first: 500) {
    id
    namespace
    name
    description
    entity
    version
    definedAt
    sources {
      id
      namespace
      name
    }
    features {
      name
    }
    stats {
      entities
      lastEventTime
    }
  }
}
    `) as unknown as TypedDocumentString<FeatureGroupsQuery, FeatureGroupsQueryVariables>;
export const FeatureGroupDocument = new TypedDocumentString(`
    query FeatureGroup($namespace: String!, $name: String!) {
  featureGroup(namespace: $namespace, name: $name) {
    id
    namespace
    name
    description
    entity
    version
    definedAt
    owner
    ttlSeconds
    definedBy {
      name
      role
    }
    source {
      id
      namespace
      name
    }
    sources {
      id
      namespace
      name
    }
    features {
      id
      name
      type
      dimension
      description
      sourceFields
      transformation
      source {
        id
        name
      }
    }
    stats {
      entities
      values
      firstEventTime
      lastEventTime
      lastWrittenAt
    }
    featureStats {
      feature
      entities
      nulls
      min
      max
      mean
      distinctStrings
      lastEventTime
    }
    validation {
      at
      success
      results {
        expectation {
          kind
          feature
          min
          max
          values
          mostly
        }
        success
        observed
        evaluated
      }
    }
    validations(first: 10) {
      at
      success
      validatedBy {
        name
        role
      }
      results {
        success
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FeatureGroupQuery, FeatureGroupQueryVariables>;
export const FeatureGroupDefinitionsDocument = new TypedDocumentString(`
    query FeatureGroupDefinitions($namespace: String!, $name: String!, $asOf: DateTime) {
  featureGroup(namespace: $namespace, name: $name) {
    id
    definitions(first: 50, asOf: $asOf) {
      version
      definedAt
      definedBy {
        name
        role
      }
      droppedAt
      droppedBy {
        name
        role
      }
      features {
        name
        type
        dimension
        sourceFields
      }
      changes {
        kind
        feature
        before
        after
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FeatureGroupDefinitionsQuery, FeatureGroupDefinitionsQueryVariables>;
export const OnlineFeaturesDocument = new TypedDocumentString(`
    query OnlineFeatures($entityIds: [String!]!, $features: [FeatureSelectionInput!]!) {
  onlineFeatures(entityIds: $entityIds, features: $features) {
    entityId
    at
    values {
      feature
      value
      eventTime
      status
    }
  }
}
    `) as unknown as TypedDocumentString<OnlineFeaturesQuery, OnlineFeaturesQueryVariables>;
export const PointInTimeFeaturesDocument = new TypedDocumentString(`
    query PointInTimeFeatures($rows: [EntityAtInput!]!, $features: [FeatureSelectionInput!]!) {
  pointInTimeFeatures(rows: $rows, features: $features) {
    entityId
    at
    values {
      feature
      value
      eventTime
      status
    }
  }
}
    `) as unknown as TypedDocumentString<PointInTimeFeaturesQuery, PointInTimeFeaturesQueryVariables>;
export const ValidateFeatureGroupDocument = new TypedDocumentString(`
    mutation ValidateFeatureGroup($namespace: String!, $name: String!) {
  validateFeatureGroup(namespace: $namespace, name: $name) {
    id
    validation {
      at
      success
    }
  }
}
    `) as unknown as TypedDocumentString<ValidateFeatureGroupMutation, ValidateFeatureGroupMutationVariables>;
export const FeatureGroupDefinedDocument = new TypedDocumentString(`
    query FeatureGroupDefined($namespace: String!, $name: String!) {
  featureGroup(namespace: $namespace, name: $name) {
    id
    version
    definedAt
    definedBy {
      name
      role
    }
  }
}
    `) as unknown as TypedDocumentString<FeatureGroupDefinedQuery, FeatureGroupDefinedQueryVariables>;
export const FeatureServicesDocument = new TypedDocumentString(`
    query FeatureServices {
  featureServices {
    id
    name
    description
    entity
    definedAt
    definedBy
    features {
      namespace
      group
      feature
    }
  }
}
    `) as unknown as TypedDocumentString<FeatureServicesQuery, FeatureServicesQueryVariables>;
export const DefineFeatureServiceDocument = new TypedDocumentString(`
    mutation DefineFeatureService($input: FeatureServiceInput!) {
  defineFeatureService(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<DefineFeatureServiceMutation, DefineFeatureServiceMutationVariables>;
export const DropFeatureServiceDocument = new TypedDocumentString(`
    mutation DropFeatureService($name: String!) {
  dropFeatureService(name: $name) {
    id
  }
}
    `) as unknown as TypedDocumentString<DropFeatureServiceMutation, DropFeatureServiceMutationVariables>;
export const GpuDevicesDocument = new TypedDocumentString(`
    query GpuDevices($from: DateTime, $limit: Int!) {
  gpus(from: $from, limit: $limit) {
    gpuUuid
    host
    model
    gpuIndex
    pods
    runs {
      runId
      name
      pod
      startedAt
      endedAt
    }
    firstSeen
    lastSeen
  }
}
    `) as unknown as TypedDocumentString<GpuDevicesQuery, GpuDevicesQueryVariables>;
export const RunGpuSeriesDocument = new TypedDocumentString(`
    query RunGpuSeries($runId: String!, $metrics: [GpuMetric!], $to: DateTime, $maxPoints: Int) {
  runGpuSeries(runId: $runId, metrics: $metrics, to: $to, maxPoints: $maxPoints) {
    stepSeconds
    source
    from
    to
    truncated
    placement {
      namespace
      pods
      startedAt
      endedAt
    }
    series {
      gpuUuid
      metric
      unit
      namespace
      pod
      host
      model
      gpuIndex
      points {
        time
        avg
        min
        max
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RunGpuSeriesQuery, RunGpuSeriesQueryVariables>;
export const GpuSeriesDocument = new TypedDocumentString(`
    query GpuSeries($gpuUuid: String!, $metrics: [GpuMetric!], $from: DateTime, $maxPoints: Int) {
  gpuSeries(
    gpuUuid: $gpuUuid
    metrics: $metrics
    from: $from
    maxPoints: $maxPoints
  ) {
    stepSeconds
    source
    from
    to
    truncated
    series {
      gpuUuid
      metric
      unit
      namespace
      pod
      host
      model
      gpuIndex
      points {
        time
        avg
        min
        max
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GpuSeriesQuery, GpuSeriesQueryVariables>;
export const RunGpuSummaryDocument = new TypedDocumentString(`
    query RunGpuSummary($runId: String!) {
  runGpuSummary(runId: $runId) {
    runId
    gpuCount
    gpuHours
    meanUtilization
    maxMemoryUsedBytes
    meanPowerWatts
    energyKwh
    placement {
      namespace
      pods
      startedAt
      endedAt
    }
    gpus {
      gpuUuid
      host
      model
      pod
      hours
      meanUtilization
      maxMemoryUsedBytes
      meanPowerWatts
    }
  }
}
    `) as unknown as TypedDocumentString<RunGpuSummaryQuery, RunGpuSummaryQueryVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  apiKeys {
    id
    prefix
    role
    name
    createdAt
    createdBy
    runId
    revokedAt
    revokedBy
    lastUsedAt
    expiresAt
    current
    namespaces
  }
}
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($role: String!, $name: String, $expiresInDays: Int, $namespaces: [String!]) {
  createApiKey(
    role: $role
    name: $name
    expiresInDays: $expiresInDays
    namespaces: $namespaces
  ) {
    key
    apiKey {
      id
      prefix
      role
      expiresAt
      namespaces
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const RegisteredModelsDocument = new TypedDocumentString(`
    query RegisteredModels($first: Int!, $offset: Int!, $search: String) {
  registeredModels(first: $first, offset: $offset, search: $search) {
    id
    name
    description
    versionCount
    aliases {
      alias
      version
      since
    }
    latestVersions {
      version
      stage
      stageSince
    }
  }
}
    `) as unknown as TypedDocumentString<RegisteredModelsQuery, RegisteredModelsQueryVariables>;
export const RegisteredModelDocument = new TypedDocumentString(`
    query RegisteredModel($name: String!, $asOf: DateTime) {
  registeredModel(name: $name, asOf: $asOf) {
    id
    name
    description
    asOf
    versionCount
    tags {
      key
      value
    }
    aliases {
      alias
      version
      since
    }
    gates {
      index
      kind
      stages
      aliases
      metric
      source
      op
      threshold
      depth
      plugin
      params
    }
    latestVersions {
      version
      stage
      stageSince
    }
    versions(first: 200) {
      id
      version
      stage
      stageSince
      aliases
      modelUri
      flavor
      description
      runId
      registeredAt
      registeredBy {
        name
        role
      }
      tags {
        key
        value
      }
    }
    history(first: 200) {
      seq
      type
      version
      at
      actor {
        name
        role
      }
      fromStage
      toStage
      pointer
      previousVersion
      reason
      outcome
      rejectionCode
      rejectionMessage
      gates {
        gate
        kind
        passed
        detail
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RegisteredModelQuery, RegisteredModelQueryVariables>;
export const TransitionStageDocument = new TypedDocumentString(`
    mutation TransitionStage($input: TransitionStageInput!) {
  transitionModelVersionStage(input: $input) {
    version
    stage
    stageSince
  }
}
    `) as unknown as TypedDocumentString<TransitionStageMutation, TransitionStageMutationVariables>;
export const SetModelAliasDocument = new TypedDocumentString(`
    mutation SetModelAlias($input: SetModelAliasInput!) {
  setModelAlias(input: $input) {
    version
    aliases
  }
}
    `) as unknown as TypedDocumentString<SetModelAliasMutation, SetModelAliasMutationVariables>;
export const DeleteModelAliasDocument = new TypedDocumentString(`
    mutation DeleteModelAlias($input: DeleteModelAliasInput!) {
  deleteModelAlias(input: $input) {
    name
  }
}
    `) as unknown as TypedDocumentString<DeleteModelAliasMutation, DeleteModelAliasMutationVariables>;
export const ModelSummaryDocument = new TypedDocumentString(`
    query ModelSummary($name: String!) {
  registeredModel(name: $name) {
    versionCount
    aliases {
      alias
      version
    }
    latestVersions {
      version
      stage
    }
  }
}
    `) as unknown as TypedDocumentString<ModelSummaryQuery, ModelSummaryQueryVariables>;
export const ModelVersionSummaryDocument = new TypedDocumentString(`
    query ModelVersionSummary($name: String!, $version: Int!) {
  modelVersion(name: $name, version: $version) {
    version
    stage
    stageSince
    aliases
    modelUri
    flavor
    runId
    evaluations {
      id
      name
      evaluatedAt
      metrics {
        key
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ModelVersionSummaryQuery, ModelVersionSummaryQueryVariables>;
export const ModelEvaluationsDocument = new TypedDocumentString(`
    query ModelEvaluations($name: String!) {
  registeredModel(name: $name) {
    versions(first: 100) {
      version
      evaluations {
        id
        name
        evaluatedAt
        task
        examples
        metrics {
          key
          value
        }
        judging {
          state
          judged
          total
          unreadable
          error
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ModelEvaluationsQuery, ModelEvaluationsQueryVariables>;
export const PromptEvaluationsDocument = new TypedDocumentString(`
    query PromptEvaluations($name: String!) {
  prompt(name: $name) {
    versions(first: 100) {
      version
      evaluations {
        id
        name
        evaluatedAt
        task
        examples
        metrics {
          key
          value
        }
        judging {
          state
          judged
          total
          unreadable
          error
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PromptEvaluationsQuery, PromptEvaluationsQueryVariables>;
export const CompareEvaluationsDocument = new TypedDocumentString(`
    query CompareEvaluations($ids: [ID!]!, $onlyDiffering: Boolean!) {
  compareEvaluations(
    evaluationIds: $ids
    onlyDiffering: $onlyDiffering
    first: 200
  ) {
    total
    metrics {
      key
      values
    }
    examples {
      exampleId
      input
      reference
      predictions
      scores
    }
  }
}
    `) as unknown as TypedDocumentString<CompareEvaluationsQuery, CompareEvaluationsQueryVariables>;
export const JudgeEvaluationDocument = new TypedDocumentString(`
    mutation JudgeEvaluation($id: ID!, $criteria: [String!]!) {
  judgeEvaluation(evaluationId: $id, criteria: $criteria) {
    id
    judging {
      state
      judged
      total
    }
  }
}
    `) as unknown as TypedDocumentString<JudgeEvaluationMutation, JudgeEvaluationMutationVariables>;
export const EvaluateTracesDocument = new TypedDocumentString(`
    mutation EvaluateTraces($input: EvaluateTracesInput!, $criteria: [String!]) {
  evaluateTraces(input: $input, criteria: $criteria) {
    id
    examples
    judging {
      state
      total
    }
  }
}
    `) as unknown as TypedDocumentString<EvaluateTracesMutation, EvaluateTracesMutationVariables>;
export const SetPromotionGatesDocument = new TypedDocumentString(`
    mutation SetPromotionGates($input: SetPromotionGatesInput!) {
  setPromotionGates(input: $input) {
    id
    gates {
      index
    }
  }
}
    `) as unknown as TypedDocumentString<SetPromotionGatesMutation, SetPromotionGatesMutationVariables>;
export const PluginGatesDocument = new TypedDocumentString(`
    query PluginGates {
  plugins {
    name
    promotionGates {
      name
      description
    }
  }
}
    `) as unknown as TypedDocumentString<PluginGatesQuery, PluginGatesQueryVariables>;
export const PluginsDocument = new TypedDocumentString(`
    query Plugins {
  plugins {
    name
    version
    module
    renamesDatasets
    facets {
      facet
      owners
    }
    promotionGates {
      name
      description
    }
    webhookFormats {
      name
      description
    }
    errors {
      count
      lastAt
      lastMessage
    }
    usage {
      calls
      totalMs
      slowestMs
    }
  }
}
    `) as unknown as TypedDocumentString<PluginsQuery, PluginsQueryVariables>;
export const PromptsDocument = new TypedDocumentString(`
    query Prompts($first: Int!, $offset: Int!, $search: String) {
  prompts(first: $first, offset: $offset, search: $search) {
    id
    name
    description
    versionCount
    createdAt
    labels {
      label
      version
      since
    }
  }
}
    `) as unknown as TypedDocumentString<PromptsQuery, PromptsQueryVariables>;
export const PromptDocument = new TypedDocumentString(`
    query Prompt($name: String!) {
  prompt(name: $name) {
    id
    name
    description
    versionCount
    tags {
      key
      value
    }
    labels {
      label
      version
      since
    }
    versions(first: 200) {
      id
      version
      type
      text
      messages {
        role
        content
      }
      commitMessage
      config
      labels
      createdAt
      createdBy {
        name
        role
      }
      modelVersionId
      variables {
        name
        required
        default
        description
      }
    }
    history(first: 200) {
      seq
      type
      version
      at
      actor {
        name
        role
      }
      pointer
      previousVersion
      reason
      outcome
      rejectionCode
      rejectionMessage
    }
  }
}
    `) as unknown as TypedDocumentString<PromptQuery, PromptQueryVariables>;
export const PromptByLabelDocument = new TypedDocumentString(`
    query PromptByLabel($name: String!, $label: String!) {
  promptVersion(name: $name, label: $label) {
    version
    labels
    commitMessage
  }
}
    `) as unknown as TypedDocumentString<PromptByLabelQuery, PromptByLabelQueryVariables>;
export const RenderPromptDocument = new TypedDocumentString(`
    query RenderPrompt($name: String!, $version: Int!, $variables: JSON!) {
  renderPrompt(name: $name, version: $version, variables: $variables) {
    type
    text
    messages {
      role
      content
    }
    config
  }
}
    `) as unknown as TypedDocumentString<RenderPromptQuery, RenderPromptQueryVariables>;
export const DiffPromptVersionsDocument = new TypedDocumentString(`
    query DiffPromptVersions($name: String!, $from: Int!, $to: Int!) {
  diffPromptVersions(name: $name, from: $from, to: $to) {
    typeChanged
    variablesAdded
    variablesRemoved
    configChanges {
      key
      from
      to
    }
    lines {
      op
      text
    }
  }
}
    `) as unknown as TypedDocumentString<DiffPromptVersionsQuery, DiffPromptVersionsQueryVariables>;
export const PromptSummaryDocument = new TypedDocumentString(`
    query PromptSummary($name: String!) {
  prompt(name: $name) {
    versionCount
    labels {
      label
      version
    }
  }
}
    `) as unknown as TypedDocumentString<PromptSummaryQuery, PromptSummaryQueryVariables>;
export const PromptVersionSummaryDocument = new TypedDocumentString(`
    query PromptVersionSummary($name: String!, $version: Int!) {
  promptVersion(name: $name, version: $version) {
    version
    type
    labels
    commitMessage
    variables {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PromptVersionSummaryQuery, PromptVersionSummaryQueryVariables>;
export const SetPromptLabelDocument = new TypedDocumentString(`
    mutation SetPromptLabel($input: SetPromptLabelInput!) {
  setPromptLabel(input: $input) {
    version
    labels
  }
}
    `) as unknown as TypedDocumentString<SetPromptLabelMutation, SetPromptLabelMutationVariables>;
export const RemovePromptLabelDocument = new TypedDocumentString(`
    mutation RemovePromptLabel($input: RemovePromptLabelInput!) {
  removePromptLabel(input: $input) {
    name
  }
}
    `) as unknown as TypedDocumentString<RemovePromptLabelMutation, RemovePromptLabelMutationVariables>;
export const ReportSchedulesDocument = new TypedDocumentString(`
    query ReportSchedules {
  reportSchedules {
    id
    name
    cadence
    hourUtc
    weekday
    sections
    enabled
    createdAt
    createdBy
  }
}
    `) as unknown as TypedDocumentString<ReportSchedulesQuery, ReportSchedulesQueryVariables>;
export const ScheduleReportsDocument = new TypedDocumentString(`
    query ScheduleReports($id: ID!) {
  reportSchedule(id: $id) {
    id
    reports(first: 30) {
      id
      name
      from
      to
      generatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ScheduleReportsQuery, ScheduleReportsQueryVariables>;
export const ReportDocument = new TypedDocumentString(`
    query Report($id: ID!) {
  report(id: $id) {
    id
    name
    from
    to
    generatedAt
    content {
      ...ReportContentFields
    }
  }
}
    fragment ReportContentFields on ReportContent {
  from
  to
  sections
  lineage {
    events
    runs
    completedRuns
    failedRuns
    abortedRuns
    jobs
    datasets
    failingJobs {
      namespace
      name
      failedRuns
      completedRuns
    }
    newDatasets {
      count
      first
    }
  }
  quality {
    checks
    failedChecks
    groups {
      id
      name
      checks
      failedChecks
      latestPassed
    }
  }
  models {
    registered {
      count
      first {
        model
        version
        at
      }
    }
    stageChanges {
      count
      first {
        model
        version
        from
        to
        at
        actor
      }
    }
    refused {
      count
      first {
        model
        version
        to
        at
        reason
      }
    }
    aliasChanges
  }
  llm {
    calls
    inputTokens
    outputTokens
    costUsd
    previous {
      calls
      costUsd
    }
    byModel {
      model
      calls
      totalTokens
      costUsd
      latencyP50Ms
      latencyP99Ms
    }
  }
  gpu {
    gpuHours
    gpus
    byPod {
      namespace
      pod
      gpus
      gpuHours
      meanUtilization
    }
  }
  alerts {
    fired
    resolved
    firingAtEnd
    byRule {
      rule
      severity
      fired
    }
  }
}`) as unknown as TypedDocumentString<ReportQuery, ReportQueryVariables>;
export const ComposeReportDocument = new TypedDocumentString(`
    query ComposeReport($from: DateTime!, $to: DateTime!) {
  composeReport(from: $from, to: $to) {
    ...ReportContentFields
  }
}
    fragment ReportContentFields on ReportContent {
  from
  to
  sections
  lineage {
    events
    runs
    completedRuns
    failedRuns
    abortedRuns
    jobs
    datasets
    failingJobs {
      namespace
      name
      failedRuns
      completedRuns
    }
    newDatasets {
      count
      first
    }
  }
  quality {
    checks
    failedChecks
    groups {
      id
      name
      checks
      failedChecks
      latestPassed
    }
  }
  models {
    registered {
      count
      first {
        model
        version
        at
      }
    }
    stageChanges {
      count
      first {
        model
        version
        from
        to
        at
        actor
      }
    }
    refused {
      count
      first {
        model
        version
        to
        at
        reason
      }
    }
    aliasChanges
  }
  llm {
    calls
    inputTokens
    outputTokens
    costUsd
    previous {
      calls
      costUsd
    }
    byModel {
      model
      calls
      totalTokens
      costUsd
      latencyP50Ms
      latencyP99Ms
    }
  }
  gpu {
    gpuHours
    gpus
    byPod {
      namespace
      pod
      gpus
      gpuHours
      meanUtilization
    }
  }
  alerts {
    fired
    resolved
    firingAtEnd
    byRule {
      rule
      severity
      fired
    }
  }
}`) as unknown as TypedDocumentString<ComposeReportQuery, ComposeReportQueryVariables>;
export const CreateReportScheduleDocument = new TypedDocumentString(`
    mutation CreateReportSchedule($input: ReportScheduleInput!) {
  createReportSchedule(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateReportScheduleMutation, CreateReportScheduleMutationVariables>;
export const UpdateReportScheduleDocument = new TypedDocumentString(`
    mutation UpdateReportSchedule($id: ID!, $input: ReportScheduleInput!) {
  updateReportSchedule(id: $id, input: $input) {
    id
    enabled
  }
}
    `) as unknown as TypedDocumentString<UpdateReportScheduleMutation, UpdateReportScheduleMutationVariables>;
export const DeleteReportScheduleDocument = new TypedDocumentString(`
    mutation DeleteReportSchedule($id: ID!) {
  deleteReportSchedule(id: $id) {
    id
    deleted
  }
}
    `) as unknown as TypedDocumentString<DeleteReportScheduleMutation, DeleteReportScheduleMutationVariables>;
export const RunReportScheduleDocument = new TypedDocumentString(`
    mutation RunReportSchedule($id: ID!) {
  runReportSchedule(id: $id) {
    id
    name
    from
    to
  }
}
    `) as unknown as TypedDocumentString<RunReportScheduleMutation, RunReportScheduleMutationVariables>;
export const RunListDocument = new TypedDocumentString(`
    query RunList($experiment: String, $statuses: [RunStatus!], $text: String, $first: Int!, $offset: Int!) {
  runs(
    experiment: $experiment
    statuses: $statuses
    text: $text
    first: $first
    offset: $offset
  ) {
    total
    truncated
    items {
      id
      runId
      name
      experiment
      status
      startedAt
      endedAt
      latestMetrics {
        key
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RunListQuery, RunListQueryVariables>;
export const ExperimentNamesDocument = new TypedDocumentString(`
    query ExperimentNames {
  experiments(first: 500) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ExperimentNamesQuery, ExperimentNamesQueryVariables>;
export const RunDetailDocument = new TypedDocumentString(`
    query RunDetail($runId: String!, $maxPoints: Int!) {
  trackedRun(runId: $runId) {
    id
    runId
    name
    experiment
    status
    startedAt
    endedAt
    note
    params {
      key
      value
    }
    tags {
      key
      value
    }
    artifacts {
      path
      uri
      type
      sizeBytes
      loggedAt
    }
    latestMetrics {
      key
      value
      step
      count
      min
      max
    }
    metricHistory(maxPoints: $maxPoints) {
      runId
      key
      total
      points {
        step
        value
      }
    }
    props
  }
}
    `) as unknown as TypedDocumentString<RunDetailQuery, RunDetailQueryVariables>;
export const RunTrainingDocument = new TypedDocumentString(`
    query RunTraining($runId: String!) {
  trainingRun(runId: $runId) {
    runId
    state
  }
}
    `) as unknown as TypedDocumentString<RunTrainingQuery, RunTrainingQueryVariables>;
export const SetRunNoteDocument = new TypedDocumentString(`
    mutation SetRunNote($runId: String!, $note: String!) {
  setRunNote(runId: $runId, note: $note) {
    runId
    note
  }
}
    `) as unknown as TypedDocumentString<SetRunNoteMutation, SetRunNoteMutationVariables>;
export const CompareRunsDocument = new TypedDocumentString(`
    query CompareRuns($runIds: [String!]!, $maxPoints: Int!) {
  compareRuns(runIds: $runIds, maxPoints: $maxPoints) {
    runs {
      id
      runId
      name
      experiment
      status
    }
    params {
      key
      values
      differs
    }
    metrics {
      runId
      key
      total
      points {
        step
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CompareRunsQuery, CompareRunsQueryVariables>;
export const RunSectionDocument = new TypedDocumentString(`
    query RunSection($runId: String!) {
  trackedRun(runId: $runId) {
    runId
    name
    experiment
    status
    startedAt
    endedAt
    params {
      key
      value
    }
    latestMetrics {
      key
      value
      step
    }
  }
}
    `) as unknown as TypedDocumentString<RunSectionQuery, RunSectionQueryVariables>;
export const ExperimentSectionDocument = new TypedDocumentString(`
    query ExperimentSection($name: String!) {
  experiment(name: $name) {
    name
    description
    tags {
      key
      value
    }
    runs(first: 5) {
      total
      items {
        runId
        name
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentSectionQuery, ExperimentSectionQueryVariables>;
export const TracesDocument = new TypedDocumentString(`
    query Traces($filter: TraceFilter, $first: Int!, $after: String) {
  traces(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...TraceSummaryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment TraceSummaryFields on TraceSummary {
  traceId
  rootSpanName
  service
  start
  durationMs
  spanCount
  llmCalls
  error
  errorCount
  inputTokens
  outputTokens
  costUsd
  models
  prompts {
    name
    version
  }
}`) as unknown as TypedDocumentString<TracesQuery, TracesQueryVariables>;
export const TraceDocument = new TypedDocumentString(`
    query Trace($traceId: ID!) {
  trace(traceId: $traceId) {
    truncated
    summary {
      ...TraceSummaryFields
      end
      runIds
      modelVersions {
        name
        version
      }
      node {
        id
      }
    }
    spans {
      spanId
      parentSpanId
      name
      kind
      service
      scope
      depth
      childCount
      start
      startOffsetMs
      durationMs
      statusCode
      statusMessage
      runId
      llm {
        operation
        provider
        requestModel
        responseModel
        inputTokens
        outputTokens
        totalTokens
        costUsd
        promptName
        promptVersion
      }
    }
  }
}
    fragment TraceSummaryFields on TraceSummary {
  traceId
  rootSpanName
  service
  start
  durationMs
  spanCount
  llmCalls
  error
  errorCount
  inputTokens
  outputTokens
  costUsd
  models
  prompts {
    name
    version
  }
}`) as unknown as TypedDocumentString<TraceQuery, TraceQueryVariables>;
export const SpanDetailsDocument = new TypedDocumentString(`
    query SpanDetails($traceId: ID!, $spanIds: [ID!]!) {
  spanDetails(traceId: $traceId, spanIds: $spanIds) {
    spanId
    attributes
    resourceAttributes
    events {
      name
      time
      attributes
    }
    links {
      traceId
      spanId
      attributes
    }
  }
}
    `) as unknown as TypedDocumentString<SpanDetailsQuery, SpanDetailsQueryVariables>;
export const LlmUsageDocument = new TypedDocumentString(`
    query LlmUsage($groupBy: LlmUsageGroup!, $from: DateTime, $to: DateTime, $service: String) {
  llmUsage(groupBy: $groupBy, from: $from, to: $to, service: $service) {
    model
    promptName
    promptVersion
    calls
    inputTokens
    outputTokens
    totalTokens
    costUsd
    latencyP50Ms
    latencyP99Ms
  }
}
    `) as unknown as TypedDocumentString<LlmUsageQuery, LlmUsageQueryVariables>;
export const TrainingRunsDocument = new TypedDocumentString(`
    query TrainingRuns($activeOnly: Boolean!, $first: Int!, $offset: Int!) {
  trainingRuns(activeOnly: $activeOnly, first: $first, offset: $offset) {
    total
    items {
      id
      runId
      name
      experiment
      state
      reason
      requestedAt
      stateChangedAt
      image
      resources {
        cpu
        memory
        gpu
        gpuType
      }
      workers
    }
  }
}
    `) as unknown as TypedDocumentString<TrainingRunsQuery, TrainingRunsQueryVariables>;
export const TrainingQuotaDocument = new TypedDocumentString(`
    query TrainingQuota {
  trainingQuota {
    gpu
    cpu
    usedGpu
    usedCpu
    activeRuns
  }
}
    `) as unknown as TypedDocumentString<TrainingQuotaQuery, TrainingQuotaQueryVariables>;
export const TrainingRunDetailDocument = new TypedDocumentString(`
    query TrainingRunDetail($runId: String!, $tailLines: Int!, $worker: Int!) {
  trainingRun(runId: $runId) {
    id
    runId
    requestId
    name
    experiment
    state
    reason
    message
    stateChangedAt
    requestedAt
    cancelRequestedAt
    image
    command
    args
    env {
      name
      value
    }
    resources {
      cpu
      memory
      gpu
      gpuType
    }
    workers
    retries
    timeoutSeconds
    priority
    datasets
    featureGroups
    placement {
      launcher
      namespace
      job
      pods
    }
    logs(tailLines: $tailLines, worker: $worker)
  }
}
    `) as unknown as TypedDocumentString<TrainingRunDetailQuery, TrainingRunDetailQueryVariables>;
export const RequestTrainingDocument = new TypedDocumentString(`
    mutation RequestTraining($input: RequestTrainingInput!) {
  requestTraining(input: $input) {
    runId
    state
  }
}
    `) as unknown as TypedDocumentString<RequestTrainingMutation, RequestTrainingMutationVariables>;
export const CancelTrainingDocument = new TypedDocumentString(`
    mutation CancelTraining($runId: String!) {
  cancelTraining(runId: $runId) {
    runId
    state
    reason
  }
}
    `) as unknown as TypedDocumentString<CancelTrainingMutation, CancelTrainingMutationVariables>;
export const TrainingSectionDocument = new TypedDocumentString(`
    query TrainingSection($runId: String!) {
  trainingRun(runId: $runId) {
    runId
    state
    reason
    image
    resources {
      cpu
      memory
      gpu
      gpuType
    }
    requestedAt
  }
}
    `) as unknown as TypedDocumentString<TrainingSectionQuery, TrainingSectionQueryVariables>;
export const SearchDatasetsDocument = new TypedDocumentString(`
    query SearchDatasets($text: String!, $kinds: [NodeKind!]) {
  search(text: $text, kinds: $kinds, first: 8) {
    id
    kind
    namespace
    name
  }
}
    `) as unknown as TypedDocumentString<SearchDatasetsQuery, SearchDatasetsQueryVariables>;