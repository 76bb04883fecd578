import { z } from 'zod';
import path from 'node:path';
import { cpuMillis } from '../domain/training/spec.js';
import { TRAINING_PRIORITIES, type TrainingPriority } from '../domain/ports/TrainingLauncher.js';

/** `LOW=a,NORMAL=b,HIGH=c` (any of them) → the PriorityClass of each training priority; null when malformed. */
function priorityClasses(v: string): Partial<Record<TrainingPriority, string>> | null {
  const out: Partial<Record<TrainingPriority, string>> = {};
  for (const pair of v.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [priority, name, ...rest] = pair.split('=').map((s) => s.trim());
    if (rest.length || !(TRAINING_PRIORITIES as readonly string[]).includes(priority) || !/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(name ?? '') || out[priority as TrainingPriority]) return null;
    out[priority as TrainingPriority] = name;
  }
  return out;
}

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/** A URL of one of `schemes` (`z.string().url()` took `localhost:7687`, the scheme being `localhost:`). */
const urlOf = (schemes: readonly string[], example: string) => z.string().refine((v) => {
  try {
    return schemes.includes(new URL(v).protocol.slice(0, -1));
  } catch {
    return false;
  }
}, `must be a URL starting ${schemes.map((x) => `${x}://`).join(', ')}, e.g. ${example}`);
/** A port: digits only (Number(" ") is 0, which meant any free port). */
const port = z.string().trim().regex(/^\d+$/, 'must be a port number, 0-65535').transform(Number).pipe(z.number().int().min(0).max(65535));

/** Every LOOM_* variable Loom reads. Parsed once, in the composition root; slices are passed down. */
const ALERT_INTERVAL = 'must be 1-3600 seconds or "off"';
const REPORT_INTERVAL = 'must be 10-3600 seconds or "off"';
const EnvSchema = z.object({
  LOOM_ROLE: z.enum(['all', 'api', 'ingest', 'worker']).default('all'),
  LOOM_HOST: z.string().default('127.0.0.1'),
  LOOM_PORT: port.default(4000),
  LOOM_DATA_DIR: z.string().default('./.loom'),
  LOOM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOOM_GRAPH: z.enum(['embedded', 'neo4j']).default('embedded'),
  LOOM_NEO4J_URL: urlOf(['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'], 'neo4j://neo4j:7687').optional(),
  LOOM_NEO4J_USER: z.string().default('neo4j'),
  LOOM_NEO4J_PASSWORD: z.string().default(''),
  LOOM_NEO4J_DATABASE: z.string().default('neo4j'),
  LOOM_KUZU_BUFFER_MB: z.coerce.number().int().min(64).default(1024),
  LOOM_CLICKHOUSE_URL: urlOf(['http', 'https'], 'http://clickhouse:8123').optional(),
  LOOM_CLICKHOUSE_USER: z.string().default('default'),
  LOOM_CLICKHOUSE_PASSWORD: z.string().default(''),
  LOOM_CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier').default('loom'),
  LOOM_REDIS_URL: urlOf(['redis', 'rediss'], 'redis://redis:6379').optional(),
  LOOM_INGEST_ACK: z.enum(['logged', 'committed']).optional(),
  LOOM_INGEST_LINGER_MS: z.coerce.number().int().min(0).max(10_000).default(100),
  LOOM_MIN_FREE_DISK_MB: z.coerce.number().int().min(0).default(256),
  LOOM_SEED_DEMO: bool.default(true),
  LOOM_DEMO_KEY: z.string().min(16).optional(),
  LOOM_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(8 * 1024 * 1024),
  LOOM_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  LOOM_GRAPHQL_IDE: bool.default(true),
  LOOM_SPAN_TTL_DAYS: z.coerce.number().int().min(0).default(30),
  LOOM_METRIC_TTL_DAYS: z.coerce.number().int().min(0).default(30),
  LOOM_METRIC_ROLLUP_TTL_DAYS: z.coerce.number().int().min(0).default(400),
  LOOM_LINEAGE_EVENT_TTL_DAYS: z.coerce.number().int().min(0).default(0),
  LOOM_LLM_PRICES: z.string().optional(),
  LOOM_OTLP_MAX_CONCURRENT: z.coerce.number().int().min(1).default(32),
  LOOM_OTLP_GRPC_PORT: z.union([z.literal('off'), port], { message: 'must be a port (0-65535) or "off"' }).optional(),
  LOOM_ALERT_INTERVAL_SECONDS: z.union([z.literal('off'), z.coerce.number().int().min(1, ALERT_INTERVAL).max(3600, ALERT_INTERVAL)], { message: ALERT_INTERVAL }).default(30),
  LOOM_REPORT_INTERVAL_SECONDS: z.union([z.literal('off'), z.coerce.number().int().min(10, REPORT_INTERVAL).max(3600, REPORT_INTERVAL)], { message: REPORT_INTERVAL }).default(60),
  LOOM_JUDGE_URL: z.string().url("must be the base URL of the judge's API, e.g. https://api.openai.com/v1 (OpenAI-compatible) or https://api.anthropic.com/v1").optional(),
  LOOM_JUDGE_API: z.enum(['openai', 'anthropic']).default('openai'),
  LOOM_JUDGE_API_KEY: z.string().min(1).optional(),
  LOOM_JUDGE_MODEL: z.string().min(1).max(200).optional(),
  LOOM_JUDGE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  LOOM_SMTP_URL: z.string().regex(/^smtps?:\/\/[^/\s]+\/?$/, 'must be smtp://[user:password@]host[:port] (STARTTLS when offered) or smtps://… (TLS)').optional(),
  LOOM_SMTP_FROM: z.string().min(3).max(300).regex(/@/, 'must be the sender of the emails Loom sends, e.g. "Loom <loom@example.com>"').optional(),
  LOOM_INSTANCE: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be 1-100 of letters, digits, "_", "." or "-"').optional(),
  LOOM_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 of letters, digits, "_" or "-"').default('loom'),
  LOOM_QUEUE_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
  LOOM_QUEUE_STALLED_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  LOOM_TRAINING: z.enum(['local', 'kubernetes']).default('local'),
  LOOM_TRAINING_LOOM_URL: z.string().url().optional(),
  LOOM_TRAINING_MAX_RUNS: z.coerce.number().int().min(1).max(100_000).default(500),
  LOOM_TRAINING_QUOTA_GPU: z.coerce.number().int().min(0).optional(),
  LOOM_TENANT_EVENTS_PER_S: z.coerce.number().int().min(1).optional(),
  LOOM_TENANT_SPANS_PER_S: z.coerce.number().int().min(1).optional(),
  LOOM_TENANT_POINTS_PER_S: z.coerce.number().int().min(1).optional(),
  LOOM_TRAINING_QUOTA_CPU: z.string().refine((v) => cpuMillis(v) !== null, 'must be a CPU quantity such as "64" or "500m"').optional(),
  LOOM_K8S_KUBECONFIG: z.string().optional(),
  LOOM_PLUGINS: z.string().optional(),
  LOOM_K8S_NAMESPACE_PREFIX: z.string().regex(/^[a-z0-9][-a-z0-9]{0,30}$/, 'must be lower-case letters, digits and "-", at most 31').default('loom-tenant-'),
  LOOM_K8S_TTL_SECONDS: z.coerce.number().int().min(0).default(7 * 24 * 3600),
  LOOM_K8S_IMAGE_PULL_GRACE_SECONDS: z.coerce.number().int().min(0).default(120),
  LOOM_K8S_TRAINING_SERVICE_ACCOUNT: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a service account name').optional(),
  LOOM_K8S_PRIORITY_CLASSES: z.string().refine((v) => priorityClasses(v) !== null, 'must be PRIORITY=class pairs such as "LOW=loom-training-low,HIGH=loom-training-high" (priorities LOW, NORMAL, HIGH; classes DNS names)').optional(),
  LOOM_K8S_KUEUE_QUEUE: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be the name of a Kueue LocalQueue (a DNS label)').optional(),
});

export interface Config {
  role: 'all' | 'api' | 'ingest' | 'worker';
  http: { host: string; port: number; bodyLimitBytes: number; requestTimeoutMs: number; graphqlIde: boolean };
  /** OTLP/gRPC's port (0: any free one), null when off. */
  grpc: { port: number | null };
  /** How often the workers evaluate the alert rules (ms), null when off. */
  alerts: { intervalMs: number | null };
  /** How often the workers look for report schedules whose period has ended (null: never; reports are then made on demand only). */
  reports: { intervalMs: number | null };
  /** The LLM judge evaluations may be graded by (an OpenAI-compatible chat completions API, or Anthropic's Messages API); null: none configured. */
  judge: { api: 'openai' | 'anthropic'; url: string; apiKey: string | null; model: string; concurrency: number } | null;
  /** The SMTP server email destinations (webhooks with a mailto: URL) are sent through; null: none, and none can be added. */
  smtp: { url: string; from: string } | null;
  log: { level: string };
  dataDir: string;
  /** Writes to the stores under dataDir are refused while its disk has less free (0: never). */
  minFreeDiskBytes: number;
  graph:
    | { engine: 'embedded'; path: string; bufferPoolBytes: number }
    | { engine: 'neo4j'; url: string; user: string; password: string; database: string };
  analytics:
    | { engine: 'chdb'; path: string; database: string; spanTtlDays?: number; metricTtlDays?: number; metricRollupTtlDays?: number; lineageEventTtlDays?: number }
    | { engine: 'clickhouse'; url: string; user: string; password: string; database: string; spanTtlDays?: number; metricTtlDays?: number; metricRollupTtlDays?: number; lineageEventTtlDays?: number };
  /**
   * OTLP receivers and LLM tracing: a price table file over the defaults, exports handled at once (more
   * get 429), and this process's name for the progress of its trace summaries (unset: host and pid).
   */
  telemetry: { llmPricesFile?: string; otlpMaxConcurrent: number; instance?: string };
  /** Default per-tenant ingest rates a second (null: no limit); a tenant's own override them (`tenant quota`). */
  ingestLimits: { lineageEvents: number | null; spans: number | null; metricPoints: number | null };
  redisUrl?: string;
  /**
   * When a lineage event is answered: `logged` once it is in the ingest log on disk (the graph takes
   * answered events in large groups; this process's reads wait for them), `committed` once it is in
   * the graph. Default: `logged` on the embedded graph (one process, its data directory kept);
   * `committed` on Neo4j, where separate api and ingest processes (often pods without a lasting
   * disk) cannot wait for one another's log.
   */
  ingest: { ack: 'logged' | 'committed'; logDir: string; lingerMs: number };
  /** The job queue: in-process (default) or BullMQ on LOOM_REDIS_URL. */
  queue:
    | { engine: 'in-process' }
    | { engine: 'bullmq'; url: string; prefix: string; lockMs: number; stalledIntervalMs: number };
  /** Training dispatch: the launcher, where training commands reach Loom, default quotas. */
  training: {
    launcher: 'local' | 'kubernetes';
    /** LOOM_URL for training commands; unset: this server's own URL (local launcher). */
    loomUrl?: string;
    localDir: string;
    maxRuns: number;
    defaultQuota: { gpu: number | null; cpuMillis: number | null };
    /** kueueQueue: the Kueue LocalQueue (in each tenant namespace) training Jobs are submitted to, suspended until Kueue admits them. */
    kubernetes: { kubeconfig?: string; namespacePrefix: string; ttlSeconds: number; imagePullGraceMs: number; serviceAccountName?: string; kueueQueue?: string;
      /** The PriorityClass of each training priority (LOOM_K8S_PRIORITY_CLASSES); none: the cluster's default class. */
      priorityClasses: Partial<Record<TrainingPriority, string>> };
  };
  seed: { demo: boolean; demoKey?: string };
  /** Plugin modules to load at start, in order (paths relative to the directory Loom starts in, or package names): server/src/plugins. */
  plugins: string[];
}

/** The default judge model: OpenAI's small one; for Anthropic, named by the operator (Claude's model names change faster than a default could follow). */
/** Where email destinations' messages go: both variables or neither. */
function smtpConfig(e: { LOOM_SMTP_URL?: string; LOOM_SMTP_FROM?: string }): { url: string; from: string } | null {
  if (!e.LOOM_SMTP_URL) return null;
  if (!e.LOOM_SMTP_FROM) throw new ConfigError('Invalid configuration:\n  LOOM_SMTP_FROM: required with LOOM_SMTP_URL (the sender of the emails Loom sends, e.g. "Loom <loom@example.com>")');
  return { url: e.LOOM_SMTP_URL, from: e.LOOM_SMTP_FROM };
}

function judgeModel(e: { LOOM_JUDGE_API: 'openai' | 'anthropic'; LOOM_JUDGE_MODEL?: string }): string {
  if (e.LOOM_JUDGE_MODEL) return e.LOOM_JUDGE_MODEL;
  if (e.LOOM_JUDGE_API === 'openai') return 'gpt-4o-mini';
  throw new ConfigError('Invalid configuration:\n  LOOM_JUDGE_MODEL: required with LOOM_JUDGE_API=anthropic (the Claude model to judge with, as the Messages API names it)');
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parse `env` (defaults to nothing: callers pass process.env explicitly). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const picked = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('LOOM_') && v !== ''));
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}=${JSON.stringify(picked[String(i.path[0])])}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nFix these LOOM_* environment variables and start again.`);
  }
  const e = parsed.data;
  if (e.LOOM_GRAPH === 'neo4j' && !e.LOOM_NEO4J_URL) {
    throw new ConfigError('Invalid configuration:\n  LOOM_NEO4J_URL: required when LOOM_GRAPH=neo4j (e.g. neo4j://localhost:7687)');
  }
  if (e.LOOM_ROLE !== 'all' && e.LOOM_GRAPH === 'embedded') {
    throw new ConfigError(`Invalid configuration:\n  LOOM_ROLE=${e.LOOM_ROLE}: separate roles need LOOM_GRAPH=neo4j (an embedded graph opens in one process only); use LOOM_ROLE=all`);
  }
  if (e.LOOM_ROLE !== 'all' && !e.LOOM_REDIS_URL) {
    throw new ConfigError(`Invalid configuration:\n  LOOM_ROLE=${e.LOOM_ROLE}: separate roles share their job queue through Redis; set LOOM_REDIS_URL (e.g. redis://redis:6379)`);
  }
  if ((e.LOOM_TRAINING === 'kubernetes' || e.LOOM_ROLE === 'worker') && !e.LOOM_TRAINING_LOOM_URL) {
    throw new ConfigError('Invalid configuration:\n  LOOM_TRAINING_LOOM_URL: required with LOOM_TRAINING=kubernetes or LOOM_ROLE=worker (the URL training commands reach Loom\'s API at, e.g. http://loom-api.loom.svc:4000)');
  }
  // Raw metric points expire first: the 1-minute rollup must outlive them (0 keeps forever).
  if (e.LOOM_METRIC_ROLLUP_TTL_DAYS !== 0 && (e.LOOM_METRIC_TTL_DAYS === 0 || e.LOOM_METRIC_ROLLUP_TTL_DAYS < e.LOOM_METRIC_TTL_DAYS)) {
    throw new ConfigError(`Invalid configuration:\n  LOOM_METRIC_ROLLUP_TTL_DAYS=${e.LOOM_METRIC_ROLLUP_TTL_DAYS}: must be at least LOOM_METRIC_TTL_DAYS (${e.LOOM_METRIC_TTL_DAYS}), or 0 to keep the rollup forever`);
  }
  const metricTtl = { metricTtlDays: e.LOOM_METRIC_TTL_DAYS, metricRollupTtlDays: e.LOOM_METRIC_ROLLUP_TTL_DAYS, lineageEventTtlDays: e.LOOM_LINEAGE_EVENT_TTL_DAYS };
  const dataDir = path.resolve(e.LOOM_DATA_DIR);
  return {
    role: e.LOOM_ROLE,
    http: { host: e.LOOM_HOST, port: e.LOOM_PORT, bodyLimitBytes: e.LOOM_BODY_LIMIT_BYTES, requestTimeoutMs: e.LOOM_REQUEST_TIMEOUT_SECONDS * 1000, graphqlIde: e.LOOM_GRAPHQL_IDE },
    // OTLP/gRPC on its well-known port, or on any free one beside an HTTP port chosen the same way (tests, benches).
    grpc: { port: e.LOOM_OTLP_GRPC_PORT === 'off' ? null : e.LOOM_OTLP_GRPC_PORT ?? (e.LOOM_PORT === 0 ? 0 : 4317) },
    alerts: { intervalMs: e.LOOM_ALERT_INTERVAL_SECONDS === 'off' ? null : e.LOOM_ALERT_INTERVAL_SECONDS * 1000 },
    reports: { intervalMs: e.LOOM_REPORT_INTERVAL_SECONDS === 'off' ? null : e.LOOM_REPORT_INTERVAL_SECONDS * 1000 },
    smtp: smtpConfig(e),
    judge: e.LOOM_JUDGE_URL ? { api: e.LOOM_JUDGE_API, url: e.LOOM_JUDGE_URL, apiKey: e.LOOM_JUDGE_API_KEY ?? null, model: judgeModel(e), concurrency: e.LOOM_JUDGE_CONCURRENCY } : null,
    log: { level: e.LOOM_LOG_LEVEL },
    dataDir,
    minFreeDiskBytes: e.LOOM_MIN_FREE_DISK_MB * 1024 * 1024,
    graph: e.LOOM_GRAPH === 'neo4j'
      ? { engine: 'neo4j', url: e.LOOM_NEO4J_URL!, user: e.LOOM_NEO4J_USER, password: e.LOOM_NEO4J_PASSWORD, database: e.LOOM_NEO4J_DATABASE }
      : { engine: 'embedded', path: path.join(dataDir, 'graph.kuzu'), bufferPoolBytes: e.LOOM_KUZU_BUFFER_MB * 1024 * 1024 },
    analytics: e.LOOM_CLICKHOUSE_URL
      ? { engine: 'clickhouse', url: e.LOOM_CLICKHOUSE_URL, user: e.LOOM_CLICKHOUSE_USER, password: e.LOOM_CLICKHOUSE_PASSWORD, database: e.LOOM_CLICKHOUSE_DATABASE, spanTtlDays: e.LOOM_SPAN_TTL_DAYS, ...metricTtl }
      : { engine: 'chdb', path: path.join(dataDir, 'chdb'), database: e.LOOM_CLICKHOUSE_DATABASE, spanTtlDays: e.LOOM_SPAN_TTL_DAYS, ...metricTtl },
    telemetry: { llmPricesFile: e.LOOM_LLM_PRICES ? path.resolve(e.LOOM_LLM_PRICES) : undefined, otlpMaxConcurrent: e.LOOM_OTLP_MAX_CONCURRENT, instance: e.LOOM_INSTANCE },
    ingestLimits: { lineageEvents: e.LOOM_TENANT_EVENTS_PER_S ?? null, spans: e.LOOM_TENANT_SPANS_PER_S ?? null, metricPoints: e.LOOM_TENANT_POINTS_PER_S ?? null },
    redisUrl: e.LOOM_REDIS_URL,
    ingest: { ack: e.LOOM_INGEST_ACK ?? (e.LOOM_GRAPH === 'embedded' ? 'logged' : 'committed'), logDir: path.join(dataDir, 'ingest-log'), lingerMs: e.LOOM_INGEST_LINGER_MS },
    queue: e.LOOM_REDIS_URL
      ? { engine: 'bullmq', url: e.LOOM_REDIS_URL, prefix: e.LOOM_QUEUE_PREFIX, lockMs: e.LOOM_QUEUE_LOCK_MS, stalledIntervalMs: e.LOOM_QUEUE_STALLED_INTERVAL_MS }
      : { engine: 'in-process' },
    training: {
      launcher: e.LOOM_TRAINING,
      loomUrl: e.LOOM_TRAINING_LOOM_URL,
      localDir: path.join(dataDir, 'training'),
      maxRuns: e.LOOM_TRAINING_MAX_RUNS,
      defaultQuota: { gpu: e.LOOM_TRAINING_QUOTA_GPU ?? null, cpuMillis: e.LOOM_TRAINING_QUOTA_CPU ? cpuMillis(e.LOOM_TRAINING_QUOTA_CPU) : null },
      kubernetes: {
        kubeconfig: e.LOOM_K8S_KUBECONFIG ? path.resolve(e.LOOM_K8S_KUBECONFIG) : undefined, namespacePrefix: e.LOOM_K8S_NAMESPACE_PREFIX,
        ttlSeconds: e.LOOM_K8S_TTL_SECONDS, imagePullGraceMs: e.LOOM_K8S_IMAGE_PULL_GRACE_SECONDS * 1000, serviceAccountName: e.LOOM_K8S_TRAINING_SERVICE_ACCOUNT,
        kueueQueue: e.LOOM_K8S_KUEUE_QUEUE, priorityClasses: priorityClasses(e.LOOM_K8S_PRIORITY_CLASSES ?? '') ?? {},
      },
    },
    seed: { demo: e.LOOM_SEED_DEMO, demoKey: e.LOOM_DEMO_KEY },
    plugins: (e.LOOM_PLUGINS ?? '').split(',').map((p) => p.trim()).filter(Boolean),
  };
}
