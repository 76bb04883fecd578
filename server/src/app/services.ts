import { hostname } from 'node:os';
import type { GraphStore } from '../domain/ports/GraphStore.js';
import type { Analytics } from '../domain/ports/Analytics.js';
import type { Mailer } from '../domain/ports/Mailer.js';
import { TenancyService } from '../domain/tenancy/tenancy.service.js';
import { FeatureServices } from '../domain/features/feature-services.js';
import { ReportService } from '../domain/reports/reports.service.js';
import { IngestLimits, type IngestRates } from '../domain/tenancy/ingest-limits.js';
import type { RateBuckets } from '../domain/ports/RateBuckets.js';
import { MemoryRateBuckets } from '../quotas/MemoryRateBuckets.js';
import { LineageService } from '../domain/lineage.service.js';
import { LineageIngestService, type LineageIngestOptions } from '../domain/openlineage/lineage-ingest.service.js';
import { LineageEventArchive } from '../domain/openlineage/event-archive.js';
import { changeImpact, schemaChangeData, SchemaChangeWatch } from '../domain/openlineage/schema-changes.js';
import { LoggedLineageIngest, type LoggedIngestOptions } from '../domain/openlineage/logged-ingest.js';
import { readers, visibleGraph } from '../domain/openlineage/visible-graph.js';
import type { IngestLog } from '../domain/ports/IngestLog.js';
import { createRegistry, type Registry } from '../domain/registry/index.js';
import { TraceIngestService } from '../domain/telemetry/trace-ingest.service.js';
import { TraceQueryService } from '../domain/telemetry/trace-query.service.js';
import { loadPriceTable } from '../domain/telemetry/prices.js';
import { MetricsIngestService } from '../domain/telemetry/metrics-ingest.service.js';
import { MetricsQueryService } from '../domain/telemetry/metrics-query.service.js';
import { RunPods } from '../domain/telemetry/run-pods.js';
import { GpuQueryService } from '../domain/telemetry/gpu-query.service.js';
import type { Config } from '../config/config.js';
import type { JobQueue } from '../domain/ports/JobQueue.js';
import type { TrainingLauncher } from '../domain/ports/TrainingLauncher.js';
import { TrainingService } from '../domain/training/training.service.js';
import { TrainingQuotas, type Quota } from '../domain/training/quota.js';
import { AlertService, type AlertOptions } from '../domain/alerts/alerts.service.js';
import { FeatureStore } from '../domain/features/features.service.js';
import { ImpactUsageService } from '../domain/impact-usage.js';
import { TagService } from '../domain/tags/tags.service.js';
import { CurationService } from '../domain/curation/curation.js';
import { SourceService } from '../domain/sources.js';
import { EvaluationJudging } from '../domain/registry/judging.service.js';
import type { Judge } from '../domain/ports/Judge.js';
import { NO_EXTENSIONS, type Extensions } from '../domain/ports/Extensions.js';

/** The domain services, built once by the composition root over the chosen adapters. */
export interface Services {
  /** The graph as every reader sees it: with an ingest log, reads wait for the events answered before them (visibleGraph). */
  graph: GraphStore;
  analytics: Analytics;
  tenancy: TenancyService;
  lineage: LineageService;
  /** Writes each event to the graph before it answers (seeding and demo data; the HTTP receivers without an ingest log). */
  lineageIngest: LineageIngestService;
  /** Answers once an event is in the ingest log (the HTTP receivers); null without one. */
  lineageLog: LoggedLineageIngest | null;
  /** Every OpenLineage event taken in, as received (Marquez's event list). */
  lineageEvents: LineageEventArchive;
  /** Experiment tracking, model and prompt registries, evaluations, webhooks. */
  registry: Registry;
  /** OTLP trace exports → spans, trace summaries, Trace nodes. */
  traceIngest: TraceIngestService;
  /** Trace lists, span trees, LLM usage. */
  traces: TraceQueryService;
  /** OTLP metric exports → metric points, GPU points (rollups follow in ClickHouse). */
  metricsIngest: MetricsIngestService;
  /** Metric series, downsampled (raw points or the 1-minute rollup). */
  metrics: MetricsQueryService;
  /** GPU series per run and per GPU, GPU-hours and utilisation per run. */
  gpu: GpuQueryService;
  /** Where runs ran, by pod: the archive and the training runner write it, the GPU list reads it. */
  runPods: RunPods;
  /** Training requests dispatched to the workers; null where no queue and launcher are wired (e.g. the CLI). */
  training: TrainingService | null;
  /** Per-tenant GPU/CPU quotas of training. */
  trainingQuotas: TrainingQuotas;
  /** Per-tenant ingest rates (OpenLineage events, spans, metric points a second). */
  ingestLimits: IngestLimits;
  /** Alert rules, their evaluation (by the workers) and the alerts they raise. */
  alerts: AlertService;
  reports: ReportService;
  featureServices: FeatureServices;
  /** Feature groups, their values (upserts), online and point-in-time reads. */
  features: FeatureStore;
  /** Tags on datasets, fields, jobs, models...: defined, put on, taken off, followed downstream. */
  tags: TagService;
  /** Descriptions and owners people set on datasets, jobs, models... (beside their emitters' facets). */
  curation: CurationService;
  /** Marquez's data sources (`/api/v1/sources`). */
  sources: SourceService;
  /** The traffic and GPU-hours behind an impact analysis's model versions, prompt versions and runs. */
  impactUsage: ImpactUsageService;
  /** Evaluations graded by an LLM judge, through the queue; null where no queue is wired (e.g. the CLI). */
  judging: EvaluationJudging | null;
  /** What the loaded plugins add (facets read at ingest, promotion gates, webhook formats). */
  extensions: Extensions;
}

/** Settings the services read (a slice of the config; defaults when not given). */
export interface ServiceOptions {
  /** Default per-tenant ingest rates (tenants may have their own: `tenant quota`), and where their buckets live (this process by default). */
  ingestLimits?: { rates: IngestRates; buckets: RateBuckets };
  /**
   * `spanTtlDays`, `metricTtlDays`, `metricRollupTtlDays`: how long the analytics store keeps spans,
   * raw metric points and their 1-minute rollup (0 for ever); what it would drop at once is refused at ingest.
   */
  telemetry?: Pick<Config['telemetry'], 'llmPricesFile'> & Partial<Pick<Config['telemetry'], 'instance'>>
    & { spanTtlDays?: number; metricTtlDays?: number; metricRollupTtlDays?: number };
  /** A trace summary cycle failed (it is tried again). */
  onTraceSummaryError?: (err: unknown) => void;
  /** A trace left without a summary: the stores refused it alone, for good. */
  onTraceSummaryDropped?: (err: unknown, tenant: string, traceId: string) => void;
  lineageIngest?: LineageIngestOptions;
  /** Answer lineage events once they are in this log (LoggedLineageIngest). */
  ingestLog?: { log: IngestLog } & LoggedIngestOptions;
  training?: { queue: JobQueue; launcher: TrainingLauncher; defaultQuota?: Quota };
  alerts?: AlertOptions;
  /** The queue judging requests go through, and the judge (null: none configured, requests are refused saying how to set one). */
  judging?: { queue: JobQueue; judge: Judge | null; concurrency?: number };
  /** The loaded plugins (none by default). */
  extensions?: Extensions;
  /** Sends email destinations' messages (null or left out: none can be added). */
  mailer?: Mailer | null;
  /** Where webhook deliveries wait for a worker (`webhooks.deliver`); left out: delivered in this process's background. */
  queue?: JobQueue;
}

/** How far and how many a TAGS alert rule counts downstream of its tag's carriers. */
const TAG_ALERT_DEPTH = 10;
const TAG_ALERT_LIMIT = 2000;

export function createServices(raw: GraphStore, analytics: Analytics, opts: ServiceOptions = {}): Services {
  // The archive's reads wait, as the graph's do, for the events answered before them (the log is made after it).
  let archived = (_tenant: string) => Promise.resolve();
  const runPods = new RunPods(analytics, (tenant) => archived(tenant));
  const lineageEvents = new LineageEventArchive(analytics, (tenant) => archived(tenant), runPods);
  // Schema changes are found by the graph writer and sent with what the dataset feeds (schema-changes.ts).
  const schemaChanges = new SchemaChangeWatch(raw, (tenant) => registry.webhooks.subscribed(tenant, 'DATASET_SCHEMA_CHANGED'), (tenant, change) => {
    registry.webhooks.notifyWith(tenant, 'DATASET_SCHEMA_CHANGED', async () => schemaChangeData(change, await changeImpact(rawLineage, impactUsage, tenant, change.datasetId)));
  });
  const extensions = opts.extensions ?? NO_EXTENSIONS;
  const lineageIngest = new LineageIngestService(raw, opts.lineageIngest, lineageEvents, schemaChanges, extensions);
  const lineageLog = opts.ingestLog ? new LoggedLineageIngest(lineageIngest, opts.ingestLog.log, opts.ingestLog, lineageEvents) : null;
  if (lineageLog) archived = (tenant) => lineageLog.archived(tenant, readers.getStore()?.reader);
  const graph = lineageLog ? visibleGraph(raw, (tenant) => lineageLog.visible(tenant, readers.getStore()?.reader)) : raw;
  const tenancy = new TenancyService(raw);
  const registry = createRegistry(graph, analytics, { webhookGraph: raw, extensions, mailer: opts.mailer, queue: opts.queue });
  const gpu = new GpuQueryService(graph, analytics, runPods, opts.telemetry?.metricTtlDays ?? 0);
  const impactUsage = new ImpactUsageService(analytics, gpu);
  const tags = new TagService(graph);
  // Read from the raw graph, which holds the change by then (the visible one would wait for the writer reporting it).
  const rawLineage = new LineageService(raw);
  const traces = new TraceQueryService(analytics);
  const features = new FeatureStore(graph, analytics);
  const alerts = new AlertService(graph, analytics, registry.webhooks.notify, () => tenancy.listTenants(), {
    ...opts.alerts,
    runsInPods: (tenant, pods) => gpu.runsInPods(tenant, pods),
    untaggedDownstream: async (tenant, tag) => {
      const reach = await tags.reach(tenant, tag, TAG_ALERT_DEPTH, TAG_ALERT_LIMIT);
      return reach && reach.reached.length;
    },
  });
  return {
    graph,
    analytics,
    // API keys and tenants are never written through the ingest log: authenticating waits for nothing.
    tenancy,
    ingestLimits: new IngestLimits(raw, opts.ingestLimits?.buckets ?? new MemoryRateBuckets(), opts.ingestLimits?.rates),
    lineage: new LineageService(graph),
    lineageIngest,
    lineageLog,
    lineageEvents,
    registry,
    traceIngest: new TraceIngestService(graph, analytics, loadPriceTable(opts.telemetry?.llmPricesFile), {
      instance: opts.telemetry?.instance ?? `${hostname()}-${process.pid}`, onError: opts.onTraceSummaryError, onDropped: opts.onTraceSummaryDropped,
    }, opts.telemetry?.spanTtlDays),
    traces,
    metricsIngest: new MetricsIngestService(graph, analytics, {
      rawDays: opts.telemetry?.metricTtlDays ?? 0, rollupDays: opts.telemetry?.metricRollupTtlDays ?? 0,
    }),
    metrics: new MetricsQueryService(analytics),
    gpu,
    runPods,
    impactUsage,
    alerts,
    features,
    featureServices: new FeatureServices(graph, features),
    reports: new ReportService({ graph, analytics, traces, alerts, archived: (tenant) => archived(tenant) }, (tenant, data) => registry.webhooks.notify(tenant, 'REPORT_READY', data), () => tenancy.listTenants()),
    tags,
    curation: new CurationService(graph),
    sources: new SourceService(graph),
    judging: opts.judging ? new EvaluationJudging(graph, analytics, opts.judging.queue, opts.judging.judge, opts.judging.concurrency) : null,
    extensions,
    ...trainingServices(graph, opts.training),
  };
}

function trainingServices(graph: GraphStore, opts: ServiceOptions['training']): Pick<Services, 'training' | 'trainingQuotas'> {
  const trainingQuotas = new TrainingQuotas(graph, opts?.defaultQuota);
  return { trainingQuotas, training: opts ? new TrainingService(graph, opts.queue, opts.launcher, trainingQuotas) : null };
}
