import { z } from 'zod';
import path from 'node:path';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every LOOM_* variable Loom reads. Parsed once, in the composition root; slices are passed down. */
const EnvSchema = z.object({
  LOOM_ROLE: z.enum(['all', 'api', 'ingest', 'worker']).default('all'),
  LOOM_HOST: z.string().default('127.0.0.1'),
  LOOM_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOOM_DATA_DIR: z.string().default('./.loom'),
  LOOM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOOM_GRAPH: z.enum(['embedded', 'neo4j']).default('embedded'),
  LOOM_NEO4J_URL: z.string().url().optional(),
  LOOM_NEO4J_USER: z.string().default('neo4j'),
  LOOM_NEO4J_PASSWORD: z.string().default(''),
  LOOM_NEO4J_DATABASE: z.string().default('neo4j'),
  LOOM_KUZU_BUFFER_MB: z.coerce.number().int().min(64).default(1024),
  LOOM_CLICKHOUSE_URL: z.string().url().optional(),
  LOOM_CLICKHOUSE_USER: z.string().default('default'),
  LOOM_CLICKHOUSE_PASSWORD: z.string().default(''),
  LOOM_CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier').default('loom'),
  LOOM_REDIS_URL: z.string().url().optional(),
  LOOM_SEED_DEMO: bool.default(true),
  LOOM_DEMO_KEY: z.string().min(16).optional(),
  LOOM_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(8 * 1024 * 1024),
  LOOM_GRAPHQL_IDE: bool.default(true),
  LOOM_SPAN_TTL_DAYS: z.coerce.number().int().min(0).default(30),
  LOOM_METRIC_TTL_DAYS: z.coerce.number().int().min(0).default(30),
  LOOM_METRIC_ROLLUP_TTL_DAYS: z.coerce.number().int().min(0).default(400),
  LOOM_LLM_PRICES: z.string().optional(),
  LOOM_OTLP_MAX_CONCURRENT: z.coerce.number().int().min(1).default(32),
});

export interface Config {
  role: 'all' | 'api' | 'ingest' | 'worker';
  http: { host: string; port: number; bodyLimitBytes: number; graphqlIde: boolean };
  log: { level: string };
  dataDir: string;
  graph:
    | { engine: 'embedded'; path: string; bufferPoolBytes: number }
    | { engine: 'neo4j'; url: string; user: string; password: string; database: string };
  analytics:
    | { engine: 'chdb'; path: string; database: string; spanTtlDays?: number; metricTtlDays?: number; metricRollupTtlDays?: number }
    | { engine: 'clickhouse'; url: string; user: string; password: string; database: string; spanTtlDays?: number; metricTtlDays?: number; metricRollupTtlDays?: number };
  /** OTLP receivers and LLM tracing: a price table file over the defaults, exports handled at once (more get 429). */
  telemetry: { llmPricesFile?: string; otlpMaxConcurrent: number };
  redisUrl?: string;
  seed: { demo: boolean; demoKey?: string };
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
  // Raw metric points expire first: the 1-minute rollup must outlive them (0 keeps forever).
  if (e.LOOM_METRIC_ROLLUP_TTL_DAYS !== 0 && (e.LOOM_METRIC_TTL_DAYS === 0 || e.LOOM_METRIC_ROLLUP_TTL_DAYS < e.LOOM_METRIC_TTL_DAYS)) {
    throw new ConfigError(`Invalid configuration:\n  LOOM_METRIC_ROLLUP_TTL_DAYS=${e.LOOM_METRIC_ROLLUP_TTL_DAYS}: must be at least LOOM_METRIC_TTL_DAYS (${e.LOOM_METRIC_TTL_DAYS}), or 0 to keep the rollup forever`);
  }
  const metricTtl = { metricTtlDays: e.LOOM_METRIC_TTL_DAYS, metricRollupTtlDays: e.LOOM_METRIC_ROLLUP_TTL_DAYS };
  const dataDir = path.resolve(e.LOOM_DATA_DIR);
  return {
    role: e.LOOM_ROLE,
    http: { host: e.LOOM_HOST, port: e.LOOM_PORT, bodyLimitBytes: e.LOOM_BODY_LIMIT_BYTES, graphqlIde: e.LOOM_GRAPHQL_IDE },
    log: { level: e.LOOM_LOG_LEVEL },
    dataDir,
    graph: e.LOOM_GRAPH === 'neo4j'
      ? { engine: 'neo4j', url: e.LOOM_NEO4J_URL!, user: e.LOOM_NEO4J_USER, password: e.LOOM_NEO4J_PASSWORD, database: e.LOOM_NEO4J_DATABASE }
      : { engine: 'embedded', path: path.join(dataDir, 'graph.kuzu'), bufferPoolBytes: e.LOOM_KUZU_BUFFER_MB * 1024 * 1024 },
    analytics: e.LOOM_CLICKHOUSE_URL
      ? { engine: 'clickhouse', url: e.LOOM_CLICKHOUSE_URL, user: e.LOOM_CLICKHOUSE_USER, password: e.LOOM_CLICKHOUSE_PASSWORD, database: e.LOOM_CLICKHOUSE_DATABASE, spanTtlDays: e.LOOM_SPAN_TTL_DAYS, ...metricTtl }
      : { engine: 'chdb', path: path.join(dataDir, 'chdb'), database: e.LOOM_CLICKHOUSE_DATABASE, spanTtlDays: e.LOOM_SPAN_TTL_DAYS, ...metricTtl },
    telemetry: { llmPricesFile: e.LOOM_LLM_PRICES ? path.resolve(e.LOOM_LLM_PRICES) : undefined, otlpMaxConcurrent: e.LOOM_OTLP_MAX_CONCURRENT },
    redisUrl: e.LOOM_REDIS_URL,
    seed: { demo: e.LOOM_SEED_DEMO, demoKey: e.LOOM_DEMO_KEY },
  };
}
