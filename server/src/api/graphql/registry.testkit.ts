/** Small helpers for the registry integration tests (GraphQL on a real Loom). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestLoom } from '../../testing/harness.js';

export interface GqlError { message: string; extensions?: { code?: string; field?: string } }

/** Run a GraphQL operation that must succeed; returns its data. */
export async function ok<T = any>(loom: TestLoom, query: string, variables: Record<string, unknown> = {}, key?: string): Promise<T> {
  const res = await loom.gql<T>(query, variables, key);
  if (res.errors?.length || !res.data) throw new Error(`GraphQL failed (${res.status}): ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** Run a GraphQL operation that must fail; returns its first error. */
export async function fails(loom: TestLoom, query: string, variables: Record<string, unknown> = {}, key?: string): Promise<GqlError> {
  const res = await loom.gql(query, variables, key);
  if (!res.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(res.data)}`);
  return res.errors[0] as GqlError;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A time strictly between what happened before and what happens after (history times have millisecond resolution). */
export async function instant(): Promise<string> {
  await sleep(5);
  const t = new Date().toISOString();
  await sleep(5);
  return t;
}

/** A webhook receiver keeping what it got (listen on `server` before use). */
export function webhookReceiver() {
  const got: { headers: Record<string, string>; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => { got.push({ headers: req.headers as Record<string, string>, body }); res.writeHead(204).end(); });
  });
  return { got, server, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}
