import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../server/src/app/services.js';
import type { Metrics } from '../../server/src/api/http/metrics.js';
import { bearerAuth } from '../../server/src/api/http/auth.js';
import { replyWithError } from '../../server/src/api/errors.js';
import type { LineageReceiver } from '../../server/src/domain/openlineage/lineage-ingest.service.js';

/**
 * OpenLineage receivers, thin: authenticate, hand the body to the domain service, answer.
 * `POST /api/v1/lineage`: one event, as Marquez accepts it (201, empty body).
 * `POST /api/v1/lineage/batch`: the spec's batch (200 with per-event results, partial success).
 */
export function registerLineageRoutes(app: FastifyInstance, services: Services, metrics: Metrics): void {
  const auth = { preHandler: bearerAuth(services, { write: true }) };
  // Answered once in the ingest log where there is one (LOOM_INGEST_ACK=logged), else once in the graph.
  const ingest: LineageReceiver = services.lineageLog ?? services.lineageIngest;

  // Within the tenant's quota of events a second (IngestLimits): 429 + Retry-After beyond it, before anything is read.
  const limits = services.ingestLimits;
  app.post('/api/v1/lineage', auth, async (req, reply) => {
    try {
      const tenant = req.principal!.tenant;
      const result = await limits.within(tenant, 'lineageEvents', () => ingest.ingest(tenant, req.body, req.client, req.principal!.namespaces), () => 1);
      metrics.ingestedEvents.inc({ kind: result.kind, outcome: 'accepted' });
      return reply.code(201).send();
    } catch (err) {
      metrics.ingestedEvents.inc({ kind: 'unknown', outcome: 'rejected' });
      return sendError(req, reply, err);
    }
  });

  app.post('/api/v1/lineage/batch', auth, async (req, reply) => {
    try {
      const tenant = req.principal!.tenant;
      const r = await limits.within(tenant, 'lineageEvents', () => ingest.ingestBatch(tenant, req.body, req.client, req.principal!.namespaces), (x) => x.successful, Array.isArray(req.body) ? req.body.length : 1);
      metrics.ingestedEvents.inc({ kind: 'batch', outcome: 'accepted' }, r.successful);
      metrics.ingestedEvents.inc({ kind: 'batch', outcome: 'rejected' }, r.failed.length);
      const retriable = r.failed.filter((f) => f.retriable).length;
      return reply.code(200).send({
        status: r.failed.length === 0 ? 'success' : 'partial_success',
        summary: { received: r.received, successful: r.successful, failed: r.failed.length, retriable, non_retriable: r.failed.length - retriable },
        failed_events: r.failed,
      });
    } catch (err) {
      return sendError(req, reply, err);
    }
  });
}

function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown) {
  return replyWithError(req, reply, err, 'lineage ingest failed');
}
