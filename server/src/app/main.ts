import { mkdir } from 'node:fs/promises';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { createLogger } from './logger.js';
import { openAnalyticsStore, openGraph, openIngestLog, openJobQueue, openLauncher, openRateBuckets } from './adapters.js';
import { createServices } from './services.js';
import { availableBytes, DiskSpaceGuard, guardWrites } from './disk-space.js';
import { seedIfEmpty } from './seed.js';
import { loadPlugins, PluginError } from '../plugins/plugins.js';
import { createHttpServer } from '../api/http/server.js';
import { startOtlpGrpc, type OtlpGrpcServer } from '../../../ingest/otlp/otlp.grpc.js';
import { createWorkerHttpServer } from '../workers/health.server.js';
import { createQueueMetrics } from '../workers/queue-metrics.js';
import { WorkerManager } from '../workers/worker-manager.js';
import { registerTrainingWorkers } from '../workers/training.workers.js';
import { registerAlertWorkers } from '../workers/alerts.workers.js';
import { registerReportWorkers } from '../workers/reports.workers.js';
import { registerJudgingWorkers } from '../workers/judging.workers.js';
import { registerWebhookWorkers } from '../workers/webhooks.workers.js';
import { OpenAiJudge } from '../judges/OpenAiJudge.js';
import { AnthropicJudge } from '../judges/AnthropicJudge.js';
import { SmtpMailer } from '../mail/SmtpMailer.js';
import { TrainingRunner } from '../domain/training/training.runner.js';
import type { JobQueue } from '../domain/ports/JobQueue.js';
import type { GraphStore } from '../domain/ports/GraphStore.js';
import type { Analytics } from '../domain/ports/Analytics.js';
import type { IngestLog } from '../domain/ports/IngestLog.js';
import type { TrainingLauncher } from '../domain/ports/TrainingLauncher.js';
import type { Logger } from 'pino';

import type { Services } from './services.js';

/** `grpcAddress`: host:port of OTLP/gRPC, null when off. */
export interface RunningLoom { url: string; grpcAddress: string | null; demoKey: string | null; services: Services; close(): Promise<void> }

/**
 * The composition root: config → adapters → services → HTTP and workers, by role: `all` (API,
 * ingest and workers in one process), `api`/`ingest` (HTTP, enqueueing only), `worker` (workers,
 * with /healthz, /readyz and /metrics only). Returns a handle for graceful shutdown.
 */
export async function startLoom(env: Record<string, string | undefined>): Promise<RunningLoom> {
  const cfg = loadConfig(env);
  const log = createLogger(cfg.log.level);
  // Before any store opens: a plugin that cannot load stops Loom saying what to fix.
  const plugins = await loadPlugins(cfg.plugins, { cwd: process.cwd(), log }).catch((err: unknown) => {
    throw err instanceof PluginError ? new ConfigError(`Invalid configuration:\n  LOOM_PLUGINS: ${err.message}`) : err;
  });
  if (cfg.plugins.length) log.info({ plugins: plugins.describe('').map((p) => `${p.name}@${p.version ?? '?'}`) }, 'plugins loaded');
  await mkdir(cfg.dataDir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    throw new ConfigError(`LOOM_DATA_DIR=${cfg.dataDir}: cannot be made a directory (${err.code ?? err.message}${err.code === 'EEXIST' || err.code === 'ENOTDIR' ? ': a file is in the way' : ''}). Give a directory Loom may write`);
  });
  const graph = await openGraph(cfg.graph);
  const analytics = await openAnalyticsStore(cfg.analytics).catch(async (err) => {
    await graph.close();
    throw err;
  });
  const ingestLog = await openIngestLog(cfg).catch(async (err) => {
    await analytics.close();
    await graph.close();
    throw err;
  });
  // Redis away: BullMQ reports each failed reconnection (several a second); one line every 30 s says it, with how many.
  let queueErrors = 0;
  let queueErrorLogged = 0;
  const queue = openJobQueue(cfg.queue, (err, where) => {
    queueErrors++;
    if (Date.now() - queueErrorLogged < 30_000) return;
    log.warn({ err: err instanceof Error ? err.message : String(err), where, errors: queueErrors }, 'job queue error (is Redis reachable at LOOM_REDIS_URL?)');
    queueErrors = 0;
    queueErrorLogged = Date.now();
  });
  const launcher = openLauncher(cfg.training);
  const disk = guardedStores(cfg, log, { graph, analytics, ingestLog });
  let quotaWarnedAt = -Infinity;
  const rateBuckets = openRateBuckets(cfg.queue, cfg.role, (err) => {
    if (performance.now() - quotaWarnedAt < 30_000) return;
    quotaWarnedAt = performance.now();
    log.warn({ err }, 'ingest quotas: Redis did not answer; until it does, each Loom process enforces the quotas on what it receives');
  });
  const mailer = cfg.smtp ? new SmtpMailer(cfg.smtp) : null;
  const services = createServices(disk.graph, disk.analytics, {
    extensions: plugins, mailer, queue,
    telemetry: {
      ...cfg.telemetry, spanTtlDays: cfg.analytics.spanTtlDays,
      metricTtlDays: cfg.analytics.metricTtlDays, metricRollupTtlDays: cfg.analytics.metricRollupTtlDays,
    },
    // A job's history can stay in memory only when this process is the graph's one writer.
    lineageIngest: { historyCacheJobs: cfg.graph.engine === 'embedded' ? 10_000 : 0 },
    training: { queue, launcher, defaultQuota: cfg.training.defaultQuota },
    ingestLimits: { rates: cfg.ingestLimits, buckets: rateBuckets },
    judging: { queue, judge: cfg.judge ? new (cfg.judge.api === 'anthropic' ? AnthropicJudge : OpenAiJudge)(cfg.judge) : null, concurrency: cfg.judge?.concurrency },
    ingestLog: disk.ingestLog ? {
      // Up to 1,000 events a transaction: on a 1M-node graph each one's join over the Node table (new
      // edges) then serves more events (`--only ingest --nodes 1000000`: 432 events/s in chunks of
      // 500, 557 in chunks of 1,000). A read waits for the backlog of its tenant: up to 2,000 events
      // when ingest runs flat out (~2 s on an empty store, ~4 s at 1M nodes). An event waits up to
      // LOOM_INGEST_LINGER_MS (100) for more before an idle writer takes it (a reader of the tenant's
      // events cuts it): 16 single-event clients then go in ~15-25% faster than with each transaction
      // taking what arrived during the last one (session 20).
      log: disk.ingestLog, maxBacklog: 2_000, applyChunk: 1_000, roomWaitMs: 2_000, lingerMs: cfg.ingest.lingerMs,
      onDropped: (err, tenant, _event, where) => log.error({ err, tenant }, `lineage ingest: an answered event could not be written to the ${where} and was left out of it`),
      onRetry: (err) => log.warn({ err }, 'lineage ingest: the graph cannot take answered events now; retrying'),
    } : undefined,
    onTraceSummaryError: (err) => log.warn({ err }, 'trace summaries: a cycle failed; retrying'),
    onTraceSummaryDropped: (err, tenant, traceId) => log.error({ err, tenant, traceId }, 'trace summaries: the stores refused this trace\'s summary for good; it is left without one (its spans are kept)'),
  });
  const recovered = await services.lineageLog?.recover();
  if (recovered) log.info({ events: recovered }, 'lineage ingest: wrote the events answered before the last stop that were not yet in the graph');
  if (cfg.role !== 'worker') {
    const taken = await services.traceIngest.start();
    if (taken) log.info({ traces: taken }, 'trace summaries: re-summarising traces a stopped process left unsummarised');
  }
  const demoKey = cfg.seed.demo ? await seedIfEmpty(services, { dataDir: cfg.dataDir, demoKey: cfg.seed.demoKey }, log) : null;
  const workerMetrics = new Registry();
  /** Set once close() begins: /readyz answers 503 from then on. */
  let closing: Promise<void> | undefined;
  let app: FastifyInstance;
  if (cfg.role === 'worker') {
    collectDefaultMetrics({ register: workerMetrics, prefix: 'loom_' });
    app = createWorkerHttpServer(log, { graph: () => graph.ping(), analytics: () => analytics.ping(), queue: () => queue.ping() }, workerMetrics);
  } else {
    ({ app } = await createHttpServer(cfg, services, log, { diskFree: () => availableBytes(cfg.dataDir), stopping: () => closing !== undefined }));
    // The workers' metrics join the server's on the one /metrics.
    if (cfg.role === 'all') app.addHook('onSend', async (req, _reply, payload) => (req.routeOptions.url === '/metrics' && typeof payload === 'string' ? payload + await workerMetrics.metrics() : payload));
  }
  /** Stops serving (in-flight requests drain), then closes what the server used, in order. */
  const stopServing = async () => {
    await app.close(); // stops accepting, drains in-flight requests (Apollo drain plugin)
    await services.lineageLog?.close(); // writes the answered lineage events to the graph
    await services.traceIngest.close(); // writes the summaries of the exports answered
    await queue.close();
    await rateBuckets.close();
    await mailer?.close();
    await launcher.close(); // runs already launched go on (a Job, a detached local process) and are followed again at the next start
    await graph.close(); // commits queued writes, checkpoints
    await analytics.close();
  };
  await app.listen({ host: cfg.http.host, port: cfg.http.port }).catch(async (err: NodeJS.ErrnoException) => {
    await stopServing(); // the data directory is left free for the next start
    if (err.code === 'ENOTFOUND' || err.code === 'EADDRNOTAVAIL' || err.code === 'EAI_AGAIN') {
      throw new ConfigError(`LOOM_HOST=${cfg.http.host}: not an address of this machine (${err.code}). Use 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or one of its addresses`);
    }
    if (err.code !== 'EADDRINUSE' && err.code !== 'EACCES') throw err;
    throw new ConfigError(err.code === 'EADDRINUSE'
      ? `LOOM_PORT=${cfg.http.port}: ${cfg.http.host}:${cfg.http.port} is already in use (another Loom?). Stop what listens there, or choose another LOOM_PORT`
      : `LOOM_PORT=${cfg.http.port}: not allowed to listen on ${cfg.http.host}:${cfg.http.port}. Choose a port above 1023, or run with the right to bind it`);
  });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : cfg.http.port;
  const shownHost = cfg.http.host === '0.0.0.0' ? '127.0.0.1' : cfg.http.host; // where a client on this machine reaches it
  const url = `http://${shownHost}:${port}`;
  let grpc: OtlpGrpcServer | null = null;
  if (cfg.role !== 'worker' && cfg.grpc.port !== null) {
    grpc = await startOtlpGrpc(services, { host: cfg.http.host, port: cfg.grpc.port, maxConcurrent: cfg.telemetry.otlpMaxConcurrent, maxMessageBytes: cfg.http.bodyLimitBytes, log })
      .catch(async (err: Error) => {
        await stopServing();
        throw /EADDRINUSE|address already in use/i.test(err.message)
          ? new ConfigError(`LOOM_OTLP_GRPC_PORT=${cfg.grpc.port}: ${cfg.http.host}:${cfg.grpc.port} is already in use (another Loom, or an OTel Collector?). Stop what listens there, choose another LOOM_OTLP_GRPC_PORT, or set it to off`)
          : err;
      });
  }
  const grpcAddress = grpc ? `${shownHost}:${grpc.port}` : null;
  const workers = cfg.role === 'all' || cfg.role === 'worker' ? startWorkers(cfg, services, queue, launcher, workerMetrics, url, log) : null;
  if (workers) {
    // Webhook deliveries pending when Loom last stopped (the in-process queue forgets them) are sent now.
    const resent = await services.registry.webhooks.recover(await services.tenancy.listTenants()).catch((err: unknown) => {
      log.warn({ err }, 'webhooks: could not read the deliveries pending at the last stop; they are not sent');
      return 0;
    });
    if (resent) log.info({ deliveries: resent }, 'webhooks: sending the deliveries pending at the last stop');
  }
  log.info({ url, otlpGrpc: grpcAddress, graph: cfg.graph.engine, analytics: cfg.analytics.engine, role: cfg.role, queue: queue.kind, training: launcher.kind }, 'loom is listening');
  return {
    url,
    grpcAddress,
    demoKey,
    services,
    close() {
      closing ??= (async () => {
        await workers?.stop(); // takes no new jobs; running ones finish or go back to the queue
        await grpc?.close(); // OTLP/gRPC exports in flight finish
        await stopServing();
        log.info('loom stopped');
      })();
      return closing;
    },
  };
}

function startWorkers(cfg: Config, services: Services, queue: JobQueue, launcher: TrainingLauncher, registry: Registry, url: string, log: Logger): WorkerManager {
  const manager = new WorkerManager(queue, createQueueMetrics(registry, queue), log);
  const runner = new TrainingRunner(services.graph, services.training!, launcher, {
    loomUrl: cfg.training.loomUrl ?? url,
    // Each launched run gets its own editor key, passed to the training command as LOOM_API_KEY, and
    // revoked when the run ends.
    mintKey: (tenant, runId, key) => services.tenancy.createApiKey(tenant, 'editor', key, { name: `training run ${runId}`, createdBy: 'training', runId }),
    revokeKeys: (tenant, ids) => services.tenancy.revokeRunKeys(tenant, ids),
    listTenants: () => services.tenancy.listTenants(),
    runPods: services.runPods,
  });
  registerTrainingWorkers(manager, runner, { maxRuns: cfg.training.maxRuns }, log);
  if (cfg.alerts.intervalMs !== null) registerAlertWorkers(manager, queue, services.alerts, cfg.alerts.intervalMs, registry, log);
  if (cfg.reports.intervalMs !== null) registerReportWorkers(manager, queue, services.reports, cfg.reports.intervalMs, log);
  if (services.judging) registerJudgingWorkers(manager, services.judging);
  registerWebhookWorkers(manager, services.registry.webhooks);
  return manager;
}

/**
 * The stores whose files live under the data directory, with their writes refused while its disk is
 * nearly full (see disk-space.ts): the embedded graph, chDB, the ingest log. A Neo4j or ClickHouse
 * server guards its own disk. LOOM_MIN_FREE_DISK_MB=0 turns the guard off.
 */
function guardedStores<S extends { graph: GraphStore; analytics: Analytics; ingestLog: IngestLog | null }>(cfg: Config, log: Logger, stores: S): S {
  if (cfg.minFreeDiskBytes <= 0) return stores;
  const guard = new DiskSpaceGuard(cfg.dataDir, cfg.minFreeDiskBytes, {
    onChange: (low, freeBytes) => (low
      ? log.error({ freeBytes, dir: cfg.dataDir }, 'disk almost full: writes are refused (503) until space is freed under the data directory or LOOM_MIN_FREE_DISK_MB is lowered')
      : log.info({ freeBytes, dir: cfg.dataDir }, 'disk space recovered: writes accepted again')),
  });
  return {
    ...stores,
    graph: cfg.graph.engine === 'embedded' ? guardWrites(stores.graph, ['write'], guard) : stores.graph,
    analytics: cfg.analytics.engine === 'chdb' ? guardWrites(stores.analytics, ['insert'], guard) : stores.analytics,
    ingestLog: stores.ingestLog && guardWrites(stores.ingestLog, ['append'], guard),
  };
}
