import type { TypedDocumentString } from '../gql/graphql.js';

/** The server rejected the API key (HTTP 401 or an UNAUTHENTICATED GraphQL error). */
export class UnauthorizedError extends Error {
  constructor() {
    super('The API key was rejected.');
    this.name = 'UnauthorizedError';
  }
}

/** Any other failure, with a message fit to show to a person. */
export class RequestError extends Error {
  /** `code`: the GraphQL error code (BAD_USER_INPUT, FORBIDDEN…); `field`: the input path a BAD_USER_INPUT names. */
  constructor(message: string, readonly code?: string, readonly field?: string) {
    super(message);
    this.name = 'RequestError';
  }
}

interface GraphQLErrorBody { message: string; extensions?: { code?: string; field?: string } }
interface GraphQLResponseBody<T> { data?: T | null; errors?: GraphQLErrorBody[] }

export type Execute = <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
) => Promise<TResult>;

export interface ClientOptions {
  endpoint?: string;
  apiKey: string;
  onUnauthorized: () => void;
  fetchFn?: typeof fetch;
}

/** A plain-fetch GraphQL client: POST JSON with `Authorization: Bearer <key>`. */
export function createClient(options: ClientOptions): Execute {
  const { endpoint = '/graphql', apiKey, onUnauthorized, fetchFn = fetch } = options;
  return async function execute<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TResult> {
    const query = document.toString();
    let response: Response;
    try {
      response = await fetchFn(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ query, variables, operationName: operationName(query) }),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new RequestError(`Cannot reach the Loom server (${(error as Error).message}).`);
    }
    if (response.status === 401) {
      onUnauthorized();
      throw new UnauthorizedError();
    }
    const body = await readBody<TResult>(response);
    const errors = body?.errors ?? [];
    if (errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      onUnauthorized();
      throw new UnauthorizedError();
    }
    if (errors.length > 0) {
      throw new RequestError(errors.map((e) => e.message).join('; '), errors[0].extensions?.code, errors[0].extensions?.field);
    }
    if (!response.ok || !body?.data) {
      throw new RequestError(`The server answered ${response.status} ${response.statusText}`.trim() + '.');
    }
    return body.data;
  };
}

async function readBody<T>(response: Response): Promise<GraphQLResponseBody<T> | null> {
  try {
    return (await response.json()) as GraphQLResponseBody<T>;
  } catch {
    return null;
  }
}

function operationName(query: string): string | undefined {
  return /\b(?:query|mutation|subscription)\s+(\w+)/.exec(query)?.[1];
}
