/** The `worker` role's only HTTP surface: /healthz, /readyz (graph, analytics, queue) and /metrics. */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

export function createWorkerHttpServer(logger: FastifyBaseLogger, checks: Record<string, () => Promise<void>>, registry: Registry): FastifyInstance {
  const app: FastifyInstance = Fastify({ loggerInstance: logger, logController: new LogController({ disableRequestLogging: true }) });
  app.get('/healthz', async () => ({ status: 'ok', role: 'worker' }));
  app.get('/readyz', async (_req, reply) => {
    const names = Object.keys(checks);
    const results = await Promise.allSettled(names.map((n) => checks[n]()));
    const body: Record<string, string> = {};
    results.forEach((r, i) => { body[names[i]] = r.status === 'fulfilled' ? 'ok' : `error: ${String(r.reason)}`; });
    const ready = results.every((r) => r.status === 'fulfilled');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', ...body });
  });
  app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  return app;
}
