import { mkdir } from 'node:fs/promises';
import { loadConfig } from '../config/config.js';
import { createLogger } from './logger.js';
import { openAnalyticsStore, openGraph } from './adapters.js';
import { createServices } from './services.js';
import { seedIfEmpty } from './seed.js';
import { createHttpServer } from '../api/http/server.js';

import type { Services } from './services.js';

export interface RunningLoom { url: string; demoKey: string | null; services: Services; close(): Promise<void> }

/** The composition root: config → adapters → services → HTTP. Returns a handle for graceful shutdown. */
export async function startLoom(env: Record<string, string | undefined>): Promise<RunningLoom> {
  const cfg = loadConfig(env);
  const log = createLogger(cfg.log.level);
  await mkdir(cfg.dataDir, { recursive: true });
  const graph = await openGraph(cfg.graph);
  const analytics = await openAnalyticsStore(cfg.analytics).catch(async (err) => {
    await graph.close();
    throw err;
  });
  const services = createServices(graph, analytics, {
    telemetry: cfg.telemetry,
    // A job's history can stay in memory only when this process is the graph's one writer.
    lineageIngest: { historyCacheJobs: cfg.graph.engine === 'embedded' ? 10_000 : 0 },
  });
  const demoKey = cfg.seed.demo ? await seedIfEmpty(services, { dataDir: cfg.dataDir, demoKey: cfg.seed.demoKey }, log) : null;
  const { app } = await createHttpServer(cfg, services, log);
  await app.listen({ host: cfg.http.host, port: cfg.http.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : cfg.http.port;
  const url = `http://${cfg.http.host === '0.0.0.0' ? '127.0.0.1' : cfg.http.host}:${port}`;
  log.info({ url, graph: cfg.graph.engine, analytics: cfg.analytics.engine, role: cfg.role }, 'loom is listening');
  let closing: Promise<void> | undefined;
  return {
    url,
    demoKey,
    services,
    close() {
      closing ??= (async () => {
        await app.close(); // stops accepting, drains in-flight requests (Apollo drain plugin)
        await graph.close(); // commits queued writes, checkpoints
        await analytics.close();
        log.info('loom stopped');
      })();
      return closing;
    },
  };
}
