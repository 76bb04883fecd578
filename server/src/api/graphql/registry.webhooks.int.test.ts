import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok } from './registry.testkit.js';

interface Received { headers: Record<string, string>; body: string; status: number }

/** A real receiver that fails the first `failFirst` attempts of every delivery with 503. */
function receiver(failFirst: number) {
  const got: Received[] = [];
  const attempts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const id = String(req.headers['x-loom-delivery']);
      const n = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, n);
      const status = n <= failFirst ? 503 : 204;
      got.push({ headers: req.headers as Record<string, string>, body, status });
      res.writeHead(status).end();
    });
  });
  return { got, server, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks` };
}

const SECRET = 'test-signing-secret-0001';
const verify = (r: Received) => {
  const expected = `sha256=${createHmac('sha256', SECRET).update(`${r.headers['x-loom-timestamp']}.${r.body}`).digest('hex')}`;
  return r.headers['x-loom-signature'] === expected;
};

describe('registry webhooks: signed, retried, per tenant', () => {
  let loom: TestLoom;
  const hook = receiver(2);
  let rivalKey: string;
  let editorKey: string;
  let webhookId: string;

  beforeAll(async () => {
    await new Promise<void>((r) => hook.server.listen(0, '127.0.0.1', r));
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    editorKey = await loom.services.tenancy.createApiKey('demo', 'editor');
  });
  afterAll(async () => {
    await loom?.close();
    await new Promise((r) => hook.server.close(r));
  });

  it('subscribes admins only, and never shows the secret again', async () => {
    const create = 'mutation ($url: String!, $secret: String) { createWebhook(input: {url: $url, secret: $secret}) { secret webhook { id url events secretHint } } }';
    expect((await fails(loom, create, { url: hook.url() }, editorKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await fails(loom, create, { url: 'ftp://example.com/x' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    const none = 'mutation ($url: String!) { createWebhook(input: {url: $url, events: []}) { webhook { id } } }'; // left out is every event; empty names none
    expect((await fails(loom, none, { url: hook.url() })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events' });
    const { createWebhook } = await ok(loom, create, { url: hook.url(), secret: SECRET });
    webhookId = createWebhook.webhook.id;
    expect(createWebhook).toMatchObject({ secret: SECRET, webhook: { url: hook.url(), secretHint: '…0001' } });
    expect(createWebhook.webhook.events).toContain('MODEL_VERSION_STAGE_CHANGED');
    const node = await ok(loom, 'query ($id: ID!) { node(id: $id) { props } }', { id: `webhook:registry:${webhookId}` });
    expect(JSON.stringify(node.node.props)).not.toContain(SECRET);
  });

  it('delivers registry events signed with HMAC-SHA256, retrying after failures', async () => {
    await ok(loom, 'mutation { registerModelVersion(input: {name: "hooked", modelUri: "s3://m/hooked/1"}) { version } }');
    await ok(loom, 'mutation { transitionModelVersionStage(input: {name: "hooked", version: 1, stage: Staging, reason: "ready"}) { stage } }');
    await ok(loom, 'mutation { setModelAlias(input: {name: "hooked", alias: "champion", version: 1}) { version } }');
    // The rival's registry events never reach demo's webhook.
    await ok(loom, 'mutation { registerModelVersion(input: {name: "hooked", modelUri: "s3://rival/1"}) { version } }', {}, rivalKey);
    await loom.services.registry.webhooks.idle();

    const delivered = hook.got.filter((r) => r.status === 204);
    expect(delivered.map((r) => r.headers['x-loom-event']).sort()).toEqual(['MODEL_ALIAS_CHANGED', 'MODEL_VERSION_REGISTERED', 'MODEL_VERSION_STAGE_CHANGED']);
    expect(hook.got).toHaveLength(9); // every delivery failed twice before it went through
    for (const r of hook.got) expect(verify(r)).toBe(true);
    for (const d of delivered) {
      const tries = hook.got.filter((r) => r.headers['x-loom-delivery'] === d.headers['x-loom-delivery']);
      expect(tries.map((r) => r.body)).toEqual([d.body, d.body, d.body]);
    }
    const stage = JSON.parse(delivered.find((r) => r.headers['x-loom-event'] === 'MODEL_VERSION_STAGE_CHANGED')!.body);
    expect(stage).toMatchObject({ event: 'MODEL_VERSION_STAGE_CHANGED', tenant: 'demo', webhook: webhookId, data: { model: 'hooked', version: 1, from: 'None', to: 'Staging', reason: 'ready' } });
    expect(JSON.stringify(hook.got.map((r) => r.body))).not.toContain('rival');
    const { webhooks } = await ok(loom, '{ webhooks { id deliveries { event ok attempts status } } }');
    expect(webhooks[0].deliveries).toHaveLength(3);
    expect(webhooks[0].deliveries.every((d: any) => d.ok && d.attempts === 3 && d.status === 204)).toBe(true);
    const tampered = { ...delivered[0], body: delivered[0].body.replace('hooked', 'hacked') };
    expect(verify(tampered)).toBe(false);
  });

  it('sends a test at once, signed, without retries, to admins of its tenant only; listed with the deliveries', async () => {
    const TEST = 'mutation ($id: ID!) { testWebhook(id: $id) { id event ok attempts status } }';
    const before = hook.got.length;
    // This receiver fails every delivery's first two attempts: the test shows its first answer.
    const first = (await ok(loom, TEST, { id: webhookId })).testWebhook;
    expect(first).toMatchObject({ event: 'WEBHOOK_TEST', ok: false, attempts: 1, status: 503 });
    const sent = hook.got.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].headers['x-loom-event']).toBe('WEBHOOK_TEST');
    expect(sent[0].headers['x-loom-delivery']).toBe(first.id);
    expect(verify(sent[0])).toBe(true);
    expect(JSON.parse(sent[0].body)).toMatchObject({ event: 'WEBHOOK_TEST', tenant: 'demo', webhook: webhookId, data: { events: expect.arrayContaining(['MODEL_VERSION_REGISTERED']) } });
    const { webhooks } = await ok(loom, '{ webhooks { id deliveries { id event ok } } }');
    expect(webhooks[0].deliveries[0]).toEqual({ id: first.id, event: 'WEBHOOK_TEST', ok: false });
    expect((await fails(loom, TEST, { id: webhookId }, editorKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await fails(loom, TEST, { id: webhookId }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect(hook.got.length).toBe(before + 1);
  });

  it("shows its URL (a credential itself, as a Slack webhook's) to admins only, whatever they read it through", async () => {
    const id = `webhook:registry:${webhookId}`;
    const read = (key: string) => ok(loom, 'query ($id: ID!) { node(id: $id) { id } search(text: "", kinds: [Webhook], first: 50) { id } all: search(text: "webhook", first: 50) { id } }', { id }, key);
    expect(await read(loom.key)).toMatchObject({ node: { id }, search: expect.arrayContaining([{ id }]) });
    for (const key of [editorKey, await loom.services.tenancy.createApiKey('demo', 'viewer')]) {
      const seen = await read(key);
      expect([seen.node, seen.search, seen.all.filter((n: { id: string }) => n.id.startsWith('webhook:'))]).toEqual([null, [], []]);
    }
  });

  it('still delivers when the analytics store refuses to record deliveries (a ClickHouse server away, a full disk)', async () => {
    const store = loom.services.analytics as unknown as { command(sql: string): Promise<void> };
    await store.command('DROP TABLE webhook_deliveries');
    try {
      const before = hook.got.length;
      await ok(loom, 'mutation { registerModelVersion(input: {name: "hooked", modelUri: "s3://m/hooked/2"}) { version } }');
      await loom.services.registry.webhooks.idle();
      const sent = hook.got.slice(before);
      expect(sent.map((r) => [r.headers['x-loom-event'], r.status])).toEqual([['MODEL_VERSION_REGISTERED', 503], ['MODEL_VERSION_REGISTERED', 503], ['MODEL_VERSION_REGISTERED', 204]]);
      expect(new Set(sent.map((r) => r.headers['x-loom-delivery'])).size).toBe(1); // made once, its three attempts
    } finally {
      await store.command(readFileSync(new URL('../../../../schema/clickhouse/011_webhook_deliveries.sql', import.meta.url), 'utf8').replace(/^--.*$/gm, '').replace(/;\s*$/, ''));
    }
  });

  it('stops sending once the webhook is deleted', async () => {
    await ok(loom, 'mutation ($id: ID!) { deleteWebhook(id: $id) { deletedAt } }', { id: webhookId });
    const before = hook.got.length;
    await ok(loom, 'mutation { transitionModelVersionStage(input: {name: "hooked", version: 1, stage: Archived}) { stage } }');
    await loom.services.registry.webhooks.idle();
    expect(hook.got.length).toBe(before);
    expect((await ok(loom, '{ webhooks { id } }')).webhooks).toEqual([]);
    expect((await fails(loom, 'mutation ($id: ID!) { deleteWebhook(id: $id) { id } }', { id: webhookId })).extensions?.code).toBe('NOT_FOUND');
  });

  it("stops retrying a delivery under way once its webhook is deleted", async () => {
    const failing = receiver(1_000);
    await new Promise<void>((r) => failing.server.listen(0, '127.0.0.1', r));
    try {
      const made = await ok(loom, 'mutation ($url: String!) { createWebhook(input: {url: $url}) { webhook { id } } }', { url: failing.url() });
      await ok(loom, 'mutation { registerModelVersion(input: {name: "hooked", modelUri: "s3://m/hooked/3"}) { version } }');
      for (let i = 0; i < 100 && failing.got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(failing.got.length).toBe(1); // the first attempt, refused; the next one waits for its backoff
      await ok(loom, 'mutation ($id: ID!) { deleteWebhook(id: $id) { deletedAt } }', { id: made.createWebhook.webhook.id });
      await loom.services.registry.webhooks.idle();
      expect(failing.got.length).toBe(1);
    } finally {
      await new Promise((r) => failing.server.close(r));
    }
  });
});
