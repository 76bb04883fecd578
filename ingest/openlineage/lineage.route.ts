import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/src/app/services.js';
import type { Metrics } from '../../server/src/api/http/metrics.js';
import { bearerAuth } from '../../server/src/api/http/auth.js';
import { httpError } from '../../server/src/api/errors.js';

/**
 * `POST /api/v1/lineage`: one OpenLineage event, as Marquez accepts it (201, empty body).
 * Thin: authenticate, validate + write through the domain service, answer.
 */
export function registerLineageRoutes(app: FastifyInstance, services: Services, metrics: Metrics): void {
  app.post('/api/v1/lineage', { preHandler: bearerAuth(services, { write: true }) }, async (req, reply) => {
    try {
      const result = await services.lineageIngest.ingest(req.principal!.tenant, req.body);
      metrics.ingestedEvents.inc({ kind: result.kind, outcome: 'accepted' });
      return reply.code(201).send();
    } catch (err) {
      const { status, body, retryAfter } = httpError(err);
      metrics.ingestedEvents.inc({ kind: 'unknown', outcome: status < 500 ? 'rejected' : 'failed' });
      if (status >= 500) req.log.error({ err }, 'lineage ingest failed');
      if (retryAfter) reply.header('retry-after', String(retryAfter));
      return reply.code(status).send(body);
    }
  });
}
