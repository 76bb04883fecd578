import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../server/src/app/services.js';
import type { OtlpIngestResult } from '../../server/src/domain/telemetry/otlp.types.js';
import { bearerAuth } from '../../server/src/api/http/auth.js';
import { httpError, logServerError } from '../../server/src/api/errors.js';
import { LoomError } from '../../server/src/domain/errors.js';
import { decodeMetrics, encodeResponse, encodeStatus, jsonResponse, type Signal } from './otlp.codec.js';
import { traceSpanReader } from './otlp.wire.js';
import { WireError } from './protobuf-wire.js';

/**
 * OTLP/HTTP receivers (https://opentelemetry.io/docs/specs/otlp/#otlphttp), thin: authenticate,
 * decode protobuf or JSON (gzip via the server's request decompression), hand the OTLP/JSON form
 * to the domain, answer in the request's encoding. 200 with partial_success when some items were
 * rejected; every 4xx/5xx body is a google.rpc.Status (protobuf or JSON, as the request was):
 * 400 undecodable, 401/403 key, 413 over the body limit (decoded bytes), 415 other content types,
 * 429 + Retry-After beyond `maxConcurrent` exports in flight, 503 + Retry-After when storage is saturated.
 */
export interface OtlpRouteOptions { maxConcurrent: number }

const PROTOBUF = new Set(['application/x-protobuf', 'application/protobuf']);
const mediaType = (req: FastifyRequest) => String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
const isProtobuf = (req: FastifyRequest) => PROTOBUF.has(mediaType(req));

/** google.rpc.Code for an HTTP status (OTLP/gRPC's statuses start from it too). */
export const GRPC_CODE: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 413: 8, 415: 3, 429: 8, 500: 13, 503: 14 };

export function registerOtlpRoutes(app: FastifyInstance, services: Services, opts: OtlpRouteOptions): void {
  app.register(async (scope) => {
    scope.addContentTypeParser([...PROTOBUF], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.addHook('onRequest', bearerAuth(services, { write: true }));
    scope.addHook('onRequest', concurrencyLimit(opts.maxConcurrent));
    scope.addHook('onRequest', async (req, reply) => {
      const type = mediaType(req);
      if (type !== 'application/json' && !PROTOBUF.has(type)) {
        return reply.code(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: `Content-Type ${type || '(none)'}: send application/x-protobuf or application/json` });
      }
    });
    scope.addHook('onSend', async (req, reply, payload) => (reply.statusCode >= 400 ? statusBody(req, reply, payload) : payload));
    scope.setErrorHandler((err: FastifyError, req, reply) => sendError(req, reply, err));

    const handler = (signal: Signal) => async (req: FastifyRequest, reply: FastifyReply) => {
      let request: unknown = req.body;
      if (isProtobuf(req)) {
        const body = (req.body as Buffer | undefined) ?? Buffer.alloc(0);
        // Trace exports are read from their bytes as the ingest takes their spans (otlp.wire.ts), metrics decoded here.
        if (signal === 'traces') request = traceSpanReader(body);
        else {
          try {
            request = decodeMetrics(body);
          } catch (e) {
            return undecodable(reply, signal, e);
          }
        }
      }
      const tenant = req.principal!.tenant;
      let result: OtlpIngestResult;
      try {
        result = await ingestWithinQuota(services, tenant, signal, request);
      } catch (err) {
        if (err instanceof WireError) return undecodable(reply, signal, err);
        return sendError(req, reply, err);
      }
      if (isProtobuf(req)) return reply.code(200).type('application/x-protobuf').send(Buffer.from(encodeResponse(signal, result)));
      return reply.code(200).type('application/json').send(jsonResponse(signal, result));
    };
    scope.post('/v1/traces', handler('traces'));
    scope.post('/v1/metrics', handler('metrics'));
  });
}

/** A protobuf body that is not an export request: 400. */
function undecodable(reply: FastifyReply, signal: Signal, e: unknown) {
  return reply.code(400).send({
    code: 'BAD_USER_INPUT', message: `cannot decode the protobuf body as an Export${signal === 'traces' ? 'Trace' : 'Metrics'}ServiceRequest: ${(e as Error).message}`,
  });
}

/**
 * At most `max` exports in flight, a tenant's at most half of them; beyond, 429 at once (before the body
 * is read), so memory stays bounded. A slot is held until the answer, its body's reading included (at
 * most LOOM_REQUEST_TIMEOUT_SECONDS): a tenant's slow or stalled clients hold its own half, never the
 * slots other tenants' exporters need.
 */
function concurrencyLimit(max: number) {
  const perTenant = Math.max(1, Math.floor(max / 2));
  let inFlight = 0;
  const tenants = new Map<string, number>();
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const tenant = req.principal!.tenant;
    const mine = tenants.get(tenant) ?? 0;
    if (inFlight >= max || mine >= perTenant) {
      const busy = mine >= perTenant ? `${mine} exports of this tenant` : `${inFlight} exports`;
      return reply.code(429).header('retry-after', '1').send({ code: 'UNAVAILABLE', message: `${busy} in progress; retry shortly` });
    }
    inFlight++;
    tenants.set(tenant, mine + 1);
    reply.raw.once('close', () => {
      inFlight--;
      const left = (tenants.get(tenant) ?? 1) - 1;
      if (left > 0) tenants.set(tenant, left);
      else tenants.delete(tenant);
    });
  };
}

function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown) {
  if (err instanceof LoomError || !(err as FastifyError).statusCode || (err as FastifyError).statusCode! >= 500) {
    const { status, body, retryAfter } = httpError(err);
    logServerError(req.log, err, status, 'otlp export failed');
    if (retryAfter) reply.header('retry-after', String(retryAfter));
    return reply.code((err as { statusCode?: number }).statusCode ?? status).send(body);
  }
  // Fastify's own 4xx: body too large, invalid JSON, bad gzip stream...
  const e = err as FastifyError;
  return reply.code(e.statusCode!).send({ code: e.code, message: e.message });
}

/** Any error body (ours, Fastify's, the auth hook's) as a google.rpc.Status in the request's encoding. */
function statusBody(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  let message = `HTTP ${reply.statusCode}`;
  if (typeof payload === 'string') {
    try {
      const parsed = JSON.parse(payload) as { message?: unknown };
      if (typeof parsed.message === 'string') message = parsed.message;
    } catch { /* not JSON: keep the status line */ }
  }
  const code = GRPC_CODE[reply.statusCode] ?? 2;
  if (isProtobuf(req)) {
    reply.header('content-type', 'application/x-protobuf');
    return Buffer.from(encodeStatus(code, message));
  }
  reply.header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify({ code, message });
}

/**
 * An export of a tenant within its ingest quota (IngestLimits): refused with RATE_LIMITED (429 +
 * Retry-After; over gRPC UNAVAILABLE, which exporters retry) while the tenant's bucket is empty, its
 * stored spans or points charged after. OTLP/HTTP and OTLP/gRPC alike.
 */
export async function ingestWithinQuota(services: Services, tenant: string, signal: Signal, request: unknown): Promise<OtlpIngestResult> {
  return services.ingestLimits.within(tenant, signal === 'traces' ? 'spans' : 'metricPoints',
    () => (signal === 'traces' ? services.traceIngest.ingest(tenant, request) : services.metricsIngest.ingest(tenant, request)), (r) => r.accepted);
}
