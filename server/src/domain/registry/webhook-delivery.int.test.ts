import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { backoff, deliver, sign, type RetryPolicy } from './webhook-delivery.js';

const FAST: RetryPolicy = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 2000, timeoutMs: 300 };

describe('webhook delivery against a real HTTP server', () => {
  const seen: { path: string; headers: Record<string, string | string[] | undefined>; at: number }[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url!, headers: req.headers, at: Date.now() });
      req.resume();
      const n = seen.filter((s) => s.path === req.url).length;
      if (req.url === '/gone') return res.writeHead(410).end();
      if (req.url === '/slow' && n === 1) return void setTimeout(() => res.writeHead(200).end(), 1000);
      if (req.url === '/busy' && n === 1) return res.writeHead(429, { 'retry-after': '1' }).end();
      if (req.url === '/down') return res.writeHead(500).end();
      res.writeHead(200).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const d = (path: string) => ({ id: `d-${path}`, url: base + path, secret: 's3cr3t-s3cr3t-s3cr3t', event: 'E', body: '{"a":1}' });

  it('does not retry a permanent refusal', async () => {
    expect(await deliver(d('/gone'), FAST)).toEqual({ ok: false, attempts: 1, status: 410, error: null });
  });

  it('gives up after the bounded number of attempts', async () => {
    expect(await deliver(d('/down'), FAST)).toEqual({ ok: false, attempts: 4, status: 500, error: null });
  });

  it('retries a timed-out attempt, and honours Retry-After', async () => {
    expect(await deliver(d('/slow'), FAST)).toMatchObject({ ok: true, attempts: 2, status: 200 });
    expect(await deliver(d('/busy'), FAST)).toMatchObject({ ok: true, attempts: 2 });
    const busy = seen.filter((s) => s.path === '/busy');
    expect(busy[1].at - busy[0].at).toBeGreaterThanOrEqual(900);
  });

  it('stops at once when its job is stopped, not after the backoff (a stopping server waited out up to a minute)', async () => {
    const stop = new AbortController();
    const t0 = Date.now();
    const pending = deliver(d('/down'), { ...FAST, baseDelayMs: 30_000, maxDelayMs: 60_000 }, stop.signal);
    setTimeout(() => stop.abort(), 200);
    expect(await pending).toEqual({ ok: false, attempts: 1, status: 500, error: 'cancelled' });
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('signs each attempt over its timestamp and the body', async () => {
    await deliver(d('/ok'), FAST);
    const h = seen.find((s) => s.path === '/ok')!.headers;
    expect(h['x-loom-signature']).toBe(sign('s3cr3t-s3cr3t-s3cr3t', Number(h['x-loom-timestamp']), '{"a":1}'));
    expect(h['x-loom-delivery']).toBe('d-/ok');
  });

  it('backs off exponentially with jitter, capped', () => {
    const p = { ...FAST, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect(backoff(p, 1, null, () => 0.5)).toBe(1000);
    expect(backoff(p, 3, null, () => 0.5)).toBe(4000);
    expect(backoff(p, 5, null, () => 0.5)).toBe(5000);
    expect(backoff(p, 1, '3', () => 0.5)).toBe(3000);
  });
});
