/**
 * Feast's feature server API (what `feast serve` answers), so model services written against a Feast
 * feature server read Loom's feature store unchanged: `POST /get-online-features`, `POST /push`,
 * `GET /health`. Bearer key → tenant (a viewer may read, an editor or admin push). Errors are
 * FastAPI's `{ detail }` (Feast's server is FastAPI), with Loom's `code` and `field` beside it.
 * The mapping is domain/features/feast.ts.
 */
import { actorFrom, requireWrite } from '../../domain/registry/actor.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../app/services.js';
import { bearerAuth } from '../http/auth.js';
import { replyWithError } from '../errors.js';
import { asFeastField, onlineResponse, planOnline, pushRows, type OnlineRequest, type PushRequest } from '../../domain/features/feast.js';
import { badInput } from '../../domain/errors.js';

export function registerFeastRoutes(app: FastifyInstance, services: Services): void {
  const groups = (tenant: string, refs: unknown) => services.features.groupsForViews(tenant, refs);

  app.get('/health', async () => ({ status: 'ok' }));

  app.post('/get-online-features', { preHandler: bearerAuth(services, { write: false, shape: fastApi }), errorHandler: fail }, async (req, reply) => {
    try {
      const tenant = req.principal!.tenant;
      let body = req.body as OnlineRequest;
      if (body && typeof body === 'object' && body.feature_service !== undefined && body.feature_service !== null) {
        // Feast's FeatureService: its features, answered as if listed.
        if (body.features !== undefined && body.features !== null) throw badInput('feature_service', 'give features or feature_service, not both');
        body = { ...body, features: await services.featureServices.references(tenant, body.feature_service, 'feature_service') };
      }
      const plan = planOnline(body, await groups(tenant, body?.features));
      const byGroup = new Map<string, { namespace: string; name: string; features: string[] }>();
      for (const c of plan.columns) {
        const sel = byGroup.get(c.group.id) ?? { namespace: c.group.namespace, name: c.group.name, features: [] };
        sel.features.push(c.feature);
        byGroup.set(c.group.id, sel);
      }
      const vectors = await services.features.online(tenant, plan.entityIds, [...byGroup.values()]).catch((err) => { throw asFeastField(err, plan); });
      return onlineResponse(plan, vectors);
    } catch (err) {
      return fail(err, req, reply);
    }
  });

  app.post('/push', { preHandler: bearerAuth(services, { write: true, shape: fastApi }), errorHandler: fail }, async (req, reply) => {
    try {
      const { tenant } = req.principal!;
      requireWrite(actorFrom(req.principal!), 'push features'); // who may, before what is pushed is read
      const body = req.body as PushRequest;
      const { group, rows, timeColumn } = pushRows(body, await groups(tenant, body?.push_source_name));
      await services.features.write(actorFrom(req.principal!), { namespace: group.namespace, name: group.name, rows })
        .catch((err) => { throw asFeastField(err, { entityKey: group.entity, timeColumn }); });
      return reply.code(200).send(null);
    } catch (err) {
      return fail(err, req, reply);
    }
  });
}

/** An error as FastAPI answers it (`detail`), Loom's code and field beside it. */
const fastApi = <B extends { message: string }>(body: B) => ({ detail: body.message, ...body });

/** Every refusal of these routes in that shape: the handlers', the body parser's (invalid JSON), the key's. */
function fail(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  return replyWithError(req, reply, err, 'feature server request failed', fastApi);
}
