/** The `worker` role's only HTTP surface: /healthz, /readyz (graph, analytics, queue) and /metrics. */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { readiness } from '../api/http/readiness.js';

export function createWorkerHttpServer(logger: FastifyBaseLogger, checks: Record<string, () => Promise<void>>, registry: Registry): FastifyInstance {
  const app: FastifyInstance = Fastify({ loggerInstance: logger, logController: new LogController({ disableRequestLogging: true }) });
  app.get('/healthz', async () => ({ status: 'ok', role: 'worker' }));
  app.get('/readyz', async (_req, reply) => {
    const { ready, body } = await readiness(checks);
    return reply.code(ready ? 200 : 503).send(body);
  });
  app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  return app;
}
