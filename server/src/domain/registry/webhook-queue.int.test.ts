/**
 * Webhook deliveries across a stop: one still being attempted when Loom stops is made by the next Loom
 * (the same delivery id, which receivers de-duplicate on), on BullMQ (a real redis-server: the job goes
 * back to the queue) and on the in-process queue (which forgets it: the delivery's PENDING record brings
 * it back), and the deliveries recorded before the stop are listed after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLoom, type RunningLoom } from '../../app/main.js';
import { startRedis, type TestRedis } from '../../queue/redis.testkit.js';
import { until } from '../../queue/jobqueue.contract.js';

const KEY = 'demo-key-for-webhook-queue-tests-01';
const gql = async (loom: RunningLoom, query: string) => {
  const res = await fetch(`${loom.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ query }) });
  const body = await res.json() as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

describe('webhook deliveries across a stop', () => {
  let redis: TestRedis;
  let receiver: Server;
  let url = '';
  /** Requests seen; while `hold` is set, each is left unanswered until the receiver closes. */
  const seen: { delivery: string; event: string }[] = [];
  let hold = false;
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      seen.push({ delivery: String(req.headers['x-loom-delivery']), event: String(req.headers['x-loom-event']) });
      if (hold) held.push(res);
      else res.writeHead(204).end();
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  }, 60_000);
  afterAll(async () => {
    for (const res of held) res.destroy();
    await new Promise((r) => receiver.close(r));
    await redis?.stop();
  });

  it.each(['bullmq', 'in-process'] as const)('on the %s queue, a delivery interrupted by a stop is made by the next Loom, the same delivery; outcomes outlive the restart', async (queue) => {
    seen.length = 0;
    hold = false;
    const dir = mkdtempSync(path.join(tmpdir(), 'loom-webhook-queue-'));
    const env = {
      LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'error', LOOM_DEMO_KEY: KEY, ...(queue === 'bullmq' ? { LOOM_REDIS_URL: redis.url, LOOM_QUEUE_PREFIX: `q${Date.now()}` } : {}),
      LOOM_ALERT_INTERVAL_SECONDS: 'off', LOOM_REPORT_INTERVAL_SECONDS: 'off', LOOM_OTLP_GRPC_PORT: 'off',
    };
    const first = await startLoom(env);
    let hookId = '';
    try {
      hookId = (await gql(first, `mutation { createWebhook(input: {url: "${url}", events: ["MODEL_VERSION_REGISTERED"]}) { webhook { id } } }`)).createWebhook.webhook.id;
      await gql(first, 'mutation { registerModelVersion(input: {name: "queued", modelUri: "s3://m/q/1"}) { version } }');
      await first.services.registry.webhooks.idle(); // delivered and recorded by the first Loom
      hold = true;
      await gql(first, 'mutation { registerModelVersion(input: {name: "queued", modelUri: "s3://m/q/2"}) { version } }');
      await until(() => seen.length === 2, 20_000, 'the second delivery\'s first attempt');
    } finally {
      await first.close(); // that attempt is still waiting for its answer
    }
    hold = false;
    const second = await startLoom(env);
    try {
      await until(() => seen.length >= 3, 30_000, 'the delivery made again');
      expect(seen.map((s) => s.delivery)).toEqual([seen[0].delivery, seen[1].delivery, seen[1].delivery]);
      expect(seen[0].delivery).not.toBe(seen[1].delivery);
      const deliveries = async () => (await gql(second, '{ webhooks { id deliveries { id event state ok attempts status } } }')).webhooks.find((h: any) => h.id === hookId).deliveries;
      await until(async () => (await deliveries()).length === 2, 20_000, 'the delivery recorded');
      // Newest first: the one made by the second Loom, then the one the first recorded before it stopped.
      expect(await deliveries()).toEqual([
        { id: seen[1].delivery, event: 'MODEL_VERSION_REGISTERED', state: 'DELIVERED', ok: true, attempts: 1, status: 204 },
        { id: seen[0].delivery, event: 'MODEL_VERSION_REGISTERED', state: 'DELIVERED', ok: true, attempts: 1, status: 204 },
      ]);
    } finally {
      await second.close();
      for (const res of held.splice(0)) res.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
