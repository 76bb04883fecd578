import { unavailable } from '../domain/errors.js';
import type { Config } from '../config/config.js';
import type { GraphStore } from '../domain/ports/GraphStore.js';
import type { Analytics } from '../domain/ports/Analytics.js';
import { KuzuGraphStore } from '../graph/kuzu/KuzuGraphStore.js';
import { Neo4jGraphStore } from '../graph/neo4j/Neo4jGraphStore.js';
import { openAnalytics } from '../analytics/ClickHouseAnalytics.js';
import type { JobQueue } from '../domain/ports/JobQueue.js';
import type { TrainingLauncher } from '../domain/ports/TrainingLauncher.js';
import { InProcessJobQueue } from '../queue/InProcessJobQueue.js';
import { BullMqJobQueue } from '../queue/BullMqJobQueue.js';
import { FileIngestLog } from '../queue/FileIngestLog.js';
import type { RateBuckets } from '../domain/ports/RateBuckets.js';
import { MemoryRateBuckets } from '../quotas/MemoryRateBuckets.js';
import { RedisRateBuckets } from '../quotas/RedisRateBuckets.js';
import type { IngestLog } from '../domain/ports/IngestLog.js';
import { LocalLauncher } from '../launchers/local/LocalLauncher.js';
import { KubernetesLauncher } from '../launchers/kubernetes/KubernetesLauncher.js';
import { KubeConfig } from '@kubernetes/client-node';

/** The only place that chooses adapters. */
export async function openGraph(cfg: Config['graph']): Promise<GraphStore> {
  if (cfg.engine === 'neo4j') {
    const store = new Neo4jGraphStore({ url: cfg.url, user: cfg.user, password: cfg.password, database: cfg.database });
    await store.init();
    return store;
  }
  try {
    const store = await KuzuGraphStore.open({ path: cfg.path, bufferPoolBytes: cfg.bufferPoolBytes });
    await store.init();
    return store;
  } catch (err) {
    // Kuzu's own words ("IO exception: Could not set lock on file") do not say what to do.
    if (!/could not set lock/i.test(String(err))) throw err;
    throw unavailable(`the embedded graph ${cfg.path} is open in another process: another Loom (or a \`loom\` command) is using this data directory. Stop it, or give this one another LOOM_DATA_DIR`);
  }
}

export async function openAnalyticsStore(cfg: Config['analytics']): Promise<Analytics> {
  const analytics = await openAnalytics(cfg);
  await analytics.migrate();
  return analytics;
}

/** The ingest log, where lineage events are answered from it (LOOM_INGEST_ACK=logged) and this process receives them. */
export async function openIngestLog(cfg: Config): Promise<IngestLog | null> {
  return cfg.ingest.ack === 'logged' && (cfg.role === 'all' || cfg.role === 'ingest') ? FileIngestLog.open(cfg.ingest.logDir) : null;
}

export function openJobQueue(cfg: Config['queue'], onError: (err: unknown, where: string) => void): JobQueue {
  return cfg.engine === 'bullmq'
    ? new BullMqJobQueue({ url: cfg.url, prefix: cfg.prefix, lockMs: cfg.lockMs, stalledIntervalMs: cfg.stalledIntervalMs, onError })
    : new InProcessJobQueue({ onError });
}

/**
 * Where the ingest quotas' token buckets live: in Redis when Loom has one (the processes of a
 * deployment then grant a tenant its rate together, not each of them), else in this process. A worker
 * takes no ingest. `onError`: Redis did not answer a take (the process's own bucket answered it).
 */
export function openRateBuckets(cfg: Config['queue'], role: Config['role'], onError: (err: unknown) => void): RateBuckets {
  return cfg.engine === 'bullmq' && role !== 'worker'
    ? new RedisRateBuckets({ url: cfg.url, prefix: cfg.prefix, onError })
    : new MemoryRateBuckets();
}

/** Kubernetes: LOOM_K8S_KUBECONFIG, else the default chain (KUBECONFIG, ~/.kube/config, in-cluster service account). */
export function openLauncher(cfg: Config['training']): TrainingLauncher {
  if (cfg.launcher === 'local') return new LocalLauncher({ dir: cfg.localDir });
  const kubeConfig = new KubeConfig();
  if (cfg.kubernetes.kubeconfig) kubeConfig.loadFromFile(cfg.kubernetes.kubeconfig);
  else kubeConfig.loadFromDefault();
  return new KubernetesLauncher({
    kubeConfig, namespacePrefix: cfg.kubernetes.namespacePrefix, loomUrl: cfg.loomUrl, ttlSecondsAfterFinished: cfg.kubernetes.ttlSeconds,
    imagePullGraceMs: cfg.kubernetes.imagePullGraceMs, serviceAccountName: cfg.kubernetes.serviceAccountName, kueueQueue: cfg.kubernetes.kueueQueue,
    priorityClasses: cfg.kubernetes.priorityClasses,
  });
}
