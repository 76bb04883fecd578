import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canWrite, type Principal } from '../../domain/tenancy/tenancy.service.js';
import { readers } from '../../domain/openlineage/visible-graph.js';
import type { Services } from '../../app/services.js';

declare module 'fastify' {
  /** `client`: which API key sent the request (a digest of it), for read-your-writes (visibleGraph). */
  interface FastifyRequest { principal?: Principal; client?: string }
}

/** Resolve `Authorization: Bearer <key>` to a tenant and role; 401 without a valid key, 403 for writes by a viewer. */
export function bearerAuth(services: Services, opts: { write: boolean }) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match ? await services.tenancy.authenticate(match[1]) : null;
    if (!principal) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="loom"').send({
        code: 'UNAUTHENTICATED', message: match ? 'Unknown or revoked API key' : 'Send an API key as `Authorization: Bearer <key>`',
      });
    }
    if (opts.write && !canWrite(principal)) {
      return reply.code(403).send({ code: 'FORBIDDEN', message: `role ${principal.role} may not write` });
    }
    req.principal = principal;
    req.client = createHash('sha256').update(match![1]).digest('base64url').slice(0, 22);
    const context = readers.getStore(); // set per request by the server (createHttpServer)
    if (context) context.reader = req.client;
  };
}
