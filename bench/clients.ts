/** Small load helpers the benches share: GraphQL over HTTP with a key, N clients over a work list, sequential timings. */

/** A GraphQL call with the key as a Bearer token; fails on any error. */
export async function gql(url: string, key: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (!res.ok || body.errors) throw new Error(`GraphQL ${res.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** `clients` workers taking the items in order until none is left; the wall time in ms. */
export async function pool<T>(items: T[], clients: number, work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => { while (next < items.length) await work(items[next++]); }));
  return performance.now() - t0;
}

/** `n` calls one after the other; each one's time in ms. */
export async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}
