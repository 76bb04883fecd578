import { describe, expect, it } from 'vitest';
import { readiness } from './readiness.js';

describe('readiness', () => {
  it('reports each engine, and one that never answers as not ready within the deadline', async () => {
    const started = Date.now();
    const r = await readiness({ graph: async () => {}, analytics: () => new Promise<void>(() => {}), queue: async () => { throw new Error('redis down'); } }, 50);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(r).toEqual({ ready: false, body: { status: 'unavailable', graph: 'ok', analytics: 'error: Error: no answer within 0.05 s', queue: 'error: Error: redis down' } });
    expect(await readiness({ graph: async () => {} })).toEqual({ ready: true, body: { status: 'ready', graph: 'ok' } });
  });
});
