/** The closed set of error codes Loom exposes; mapped to HTTP and GraphQL in one place (api/errors.ts). */
export type ErrorCode =
  | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'UNAVAILABLE' | 'PAYLOAD_TOO_LARGE'
  /** A tenant sent more than its ingest quota allows (retry after `retryAfterSeconds`). */
  | 'RATE_LIMITED';

export class LoomError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Path of the offending field, e.g. `run.runId`, for BAD_USER_INPUT. */
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'LoomError';
  }
}

export const badInput = (field: string, reason: string) => new LoomError('BAD_USER_INPUT', `${field}: ${reason}`, field);
export const notFound = (what: string) => new LoomError('NOT_FOUND', `${what} not found`);
export const unavailable = (why: string, retryAfterSeconds = 1) => new LoomError('UNAVAILABLE', why, undefined, retryAfterSeconds);
/** A refusal for now (the store busy, down or out of room): worth trying the same work again later. */
export const isUnavailable = (err: unknown) => err instanceof LoomError && err.code === 'UNAVAILABLE';

/**
 * Which of some writes, made one by one after their group failed, were refused for their own data (index
 * and error). Throws instead when the store was unavailable for one or refused every one: that is the
 * store's trouble, not one item's, and they are all tried again later (the writes are idempotent).
 */
export function refusedAlone(results: PromiseSettledResult<unknown>[]): [number, unknown][] {
  const refused = results.flatMap((r, i): [number, unknown][] => (r.status === 'rejected' ? [[i, r.reason]] : []));
  const down = refused.find(([, err]) => isUnavailable(err));
  if (down || (refused.length && refused.length === results.length)) throw (down ?? refused[0])[1];
  return refused;
}

export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
