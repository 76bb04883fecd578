import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canWrite, type Principal } from '../../domain/tenancy/tenancy.service.js';
import { readers } from '../../domain/openlineage/visible-graph.js';
import type { Services } from '../../app/services.js';

declare module 'fastify' {
  /** `client`: which API key sent the request (a digest of it), for read-your-writes (visibleGraph). */
  interface FastifyRequest { principal?: Principal; client?: string }
}

/** What an `Authorization` value gives: the principal and its key, or why not (`missing`: the hint when there is no Bearer key). */
export async function bearerPrincipal(services: Services, header: string, opts: { write: boolean; missing: string }):
  Promise<{ principal: Principal; key: string } | { refused: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string }> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const principal = match ? await services.tenancy.authenticate(match[1]) : null;
  if (!principal) return { refused: 'UNAUTHENTICATED', message: match ? 'Unknown or revoked API key' : opts.missing };
  if (opts.write && !canWrite(principal)) return { refused: 'FORBIDDEN', message: `role ${principal.role} may not write` };
  return { principal, key: match![1] };
}

/** Resolve `Authorization: Bearer <key>` to a tenant and role; 401 without a valid key, 403 for writes by a viewer. */
/** `shape`: the refusal's body as the API answers errors (Feast's FastAPI `{ detail }`); Loom's `{ code, message }` by default. */
export function bearerAuth(services: Services, opts: { write: boolean; shape?: (body: { code: string; message: string }) => object }) {
  const shape = opts.shape ?? ((body) => body);
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const got = await bearerPrincipal(services, req.headers.authorization ?? '', { write: opts.write, missing: 'Send an API key as `Authorization: Bearer <key>`' });
    if ('refused' in got) {
      if (got.refused === 'FORBIDDEN') return reply.code(403).send(shape({ code: 'FORBIDDEN', message: got.message }));
      return reply.code(401).header('www-authenticate', 'Bearer realm="loom"').send(shape({ code: 'UNAUTHENTICATED', message: got.message }));
    }
    req.principal = got.principal;
    req.client = createHash('sha256').update(got.key).digest('base64url').slice(0, 22);
    const context = readers.getStore(); // set per request by the server (createHttpServer)
    if (context) context.reader = req.client;
  };
}
