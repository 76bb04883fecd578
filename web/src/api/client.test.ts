import { describe, expect, it, vi } from 'vitest';
import { NodeDetailsDocument } from './documents.js';
import { RequestError, UnauthorizedError, createClient } from './client.js';

const reply = (status: number, body: unknown) =>
  vi.fn<typeof fetch>(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('createClient', () => {
  it('POSTs the query, variables and operation name with the bearer key', async () => {
    const fetchFn = reply(200, { data: { node: null } });
    const execute = createClient({ apiKey: 'k1', onUnauthorized: vi.fn(), fetchFn });
    await expect(execute(NodeDetailsDocument, { id: 'dataset:ns:a' })).resolves.toEqual({ node: null });
    const [url, init] = fetchFn.mock.calls[0];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer k1');
    expect(JSON.parse(String(init?.body))).toMatchObject({ operationName: 'NodeDetails', variables: { id: 'dataset:ns:a' } });
  });

  it('reports a 401 (and an UNAUTHENTICATED error) as unauthorized', async () => {
    for (const fetchFn of [reply(401, {}), reply(200, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] })]) {
      const onUnauthorized = vi.fn();
      const execute = createClient({ apiKey: 'bad', onUnauthorized, fetchFn });
      await expect(execute(NodeDetailsDocument, { id: 'x' })).rejects.toBeInstanceOf(UnauthorizedError);
      expect(onUnauthorized).toHaveBeenCalledOnce();
    }
  });

  it('turns GraphQL errors and network failures into readable messages', async () => {
    const graphqlError = createClient({ apiKey: 'k', onUnauthorized: vi.fn(), fetchFn: reply(200, { errors: [{ message: 'depth must be 1..10', extensions: { code: 'BAD_USER_INPUT' } }] }) });
    await expect(graphqlError(NodeDetailsDocument, { id: 'x' })).rejects.toEqual(new RequestError('depth must be 1..10', 'BAD_USER_INPUT'));
    const withField = createClient({ apiKey: 'k', onUnauthorized: vi.fn(), fetchFn: reply(200, { errors: [{ message: 'input.image: required', extensions: { code: 'BAD_USER_INPUT', field: 'input.image' } }] }) });
    await expect(withField(NodeDetailsDocument, { id: 'x' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.image' });

    const down = createClient({ apiKey: 'k', onUnauthorized: vi.fn(), fetchFn: vi.fn<typeof fetch>(async () => { throw new TypeError('fetch failed'); }) });
    await expect(down(NodeDetailsDocument, { id: 'x' })).rejects.toThrow('Cannot reach the Loom server (fetch failed).');

    const broken = createClient({ apiKey: 'k', onUnauthorized: vi.fn(), fetchFn: vi.fn<typeof fetch>(async () => new Response('oops', { status: 502, statusText: 'Bad Gateway' })) });
    await expect(broken(NodeDetailsDocument, { id: 'x' })).rejects.toThrow('The server answered 502 Bad Gateway.');
  });
});
