import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { LoomError, type ErrorCode } from '../domain/errors.js';

/** The one place error codes become HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413, RATE_LIMITED: 429, UNAVAILABLE: 503,
};

export interface ErrorBody { code: string; message: string; field?: string }

export function httpError(err: unknown): { status: number; body: ErrorBody; retryAfter?: number } {
  if (err instanceof LoomError) {
    return { status: HTTP_STATUS[err.code], body: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) }, retryAfter: err.retryAfterSeconds };
  }
  // Fastify's own 4xx: invalid JSON, body too large, unsupported media type...
  const statusCode = (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const code = statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_USER_INPUT';
    return { status: statusCode, body: { code, message: (err as Error).message, field: '(body)' } };
  }
  return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } };
}

/**
 * Logs a request that failed on the server's side (`status` 5xx). A refusal Loom chose (UNAVAILABLE:
 * saturated, a store unreachable, the disk nearly full) is a warning with its reason, not an error with
 * a stack: exporters retry it, and each retry would log a stack again.
 */
export function logServerError(log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void }, err: unknown, status: number, what: string): void {
  if (status < 500) return;
  if (err instanceof LoomError && err.code === 'UNAVAILABLE') log.warn({ reason: err.message }, `${what}: refused (unavailable)`);
  else log.error({ err }, what);
}

/** Apollo's own codes for a request the client got wrong: passed on as they are, never masked as the server's fault. */
const CLIENT_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/** GraphQL: LoomErrors keep their code (and field, and when to retry); the client's mistakes pass; anything else is masked. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, log: (err: unknown) => void): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof LoomError) {
    const extensions = { code: original.code, ...(original.field ? { field: original.field } : {}), ...(original.retryAfterSeconds ? { retryAfterSeconds: original.retryAfterSeconds } : {}) };
    return { ...formatted, message: original.message, extensions };
  }
  const code = formatted.extensions?.code;
  if (!original || typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
  log(original);
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Answers a REST request that failed: the status, body and Retry-After of `err` (httpError), logged
 * when it is the server's fault; `shape` gives the body another API's form (Feast's `{ detail }`).
 */
export function replyWithError(
  req: { log: Parameters<typeof logServerError>[0] }, reply: { header(name: string, value: string): unknown; code(status: number): { send(body: unknown): unknown } },
  err: unknown, what: string, shape: (body: ErrorBody) => unknown = (body) => body,
) {
  const { status, body, retryAfter } = httpError(err);
  logServerError(req.log, err, status, what);
  if (retryAfter) reply.header('retry-after', String(retryAfter));
  return reply.code(status).send(shape(body));
}

/**
 * An Apollo plugin: an answer with no data because Loom refused it for now (saturated, over a quota, a
 * store unreachable, the disk nearly full) is HTTP 503 or 429 with Retry-After, as every other API
 * answers overload, instead of a 200 a client's retry logic does not see. An answer with some data stays 200.
 */
export const overloadStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        const refused = errors?.filter((e) => e.extensions?.code === 'UNAVAILABLE' || e.extensions?.code === 'RATE_LIMITED') ?? [];
        if (!refused.length || refused.length !== errors!.length || (data && Object.values(data).some((v) => v !== null))) return;
        response.http.status = refused.some((e) => e.extensions!.code === 'UNAVAILABLE') ? 503 : 429;
        const wait = Math.max(1, ...refused.map((e) => Number(e.extensions!.retryAfterSeconds) || 1));
        response.http.headers.set('retry-after', String(wait));
      },
    };
  },
};
