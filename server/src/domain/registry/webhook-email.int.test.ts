/**
 * Email destinations end to end: a Loom with an SMTP server (a stand-in of one: smtp.testkit.ts) sends
 * the events a `mailto:` webhook takes as plain-text mail, sends again what the server deferred, records
 * what it refused for good, and refuses destinations it cannot send to, naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { startSmtpStandIn, type SmtpStandIn } from '../../testing/smtp.testkit.js';
import { fails, ok } from '../../api/graphql/registry.testkit.js';
import { until } from '../../queue/jobqueue.contract.js';

const CREATE = 'mutation ($url: String!, $format: String) { createWebhook(input: {url: $url, events: ["MODEL_VERSION_REGISTERED"], format: $format}) { webhook { id url format } } }';
const DELIVERIES = '{ webhooks { id url deliveries { event state ok attempts status error } } }';
const register = (loom: TestLoom, v: number) => ok(loom, `mutation { registerModelVersion(input: {name: "churn", modelUri: "s3://m/churn/${v}"}) { version } }`);
/** A header of a received message, its folded lines joined (RFC 5322). */
const header = (data: string, name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(data.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim();

describe('email destinations (mailto: webhooks) through an SMTP server', () => {
  let smtp: SmtpStandIn;
  let loom: TestLoom;
  let first = '';
  const latest = async (id: string) => (await ok(loom, DELIVERIES)).webhooks.find((h: any) => h.id === id).deliveries as any[];
  /** The webhook's deliveries once none is PENDING any more. */
  const done = async (id: string, n: number) => {
    await until(async () => { const d = await latest(id); return d.length === n && d.every((x) => x.state !== 'PENDING'); }, 20_000, `${n} deliveries made`);
    return latest(id);
  };

  beforeAll(async () => {
    smtp = await startSmtpStandIn();
    loom = await startTestLoom({ LOOM_SMTP_URL: smtp.url, LOOM_SMTP_FROM: 'Loom <loom@example.test>' });
  }, 120_000);
  afterAll(async () => { await loom?.close(); await smtp?.close(); });

  it('sends an event as plain-text mail to every address of the destination', async () => {
    expect((await ok(loom, '{ webhookFormats }')).webhookFormats).toContain('EMAIL');
    const { webhook } = (await ok(loom, CREATE, { url: 'mailto:oncall@example.test, ML-Team@example.test' })).createWebhook;
    expect(webhook).toMatchObject({ url: 'mailto:oncall@example.test,ML-Team@example.test', format: 'EMAIL' });
    first = webhook.id;
    await register(loom, 1);
    await until(() => smtp.received.length === 1, 10_000);
    const [mail] = smtp.received;
    expect(mail.from).toBe('loom@example.test');
    expect(mail.to).toEqual(['oncall@example.test', 'ML-Team@example.test']);
    expect(header(mail.data, 'Subject')).toBe('[Loom] Model churn version 1 registered in demo');
    expect(header(mail.data, 'From')).toBe('Loom <loom@example.test>');
    expect(header(mail.data, 'X-Loom-Event')).toBe('MODEL_VERSION_REGISTERED');
    expect(header(mail.data, 'Content-Type')).toMatch(/^text\/plain/);
    expect(mail.data).toContain('Model churn version 1 registered in demo');
    expect(mail.data.replace(/=\r?\n/g, '')).toContain(`email destination ${webhook.id}`);
    expect(await done(first, 1)).toEqual([{ event: 'MODEL_VERSION_REGISTERED', state: 'DELIVERED', ok: true, attempts: 1, status: 250, error: null }]);
  });

  it('sends again what the server deferred (4xx), and records what it refused for good (5xx) without retrying', async () => {
    const gone = (await ok(loom, CREATE, { url: 'mailto:nobody@refused.test' })).createWebhook.webhook;
    smtp.busy = 1; // the next message is deferred once (the refused recipient's never reaches DATA)
    await register(loom, 2);
    const [refused] = await done(gone.id, 1);
    expect(refused).toMatchObject({ state: 'FAILED', ok: false, attempts: 1, status: 550 });
    expect(refused.error).toMatch(/no such mailbox|rejected/);
    expect((await done(first, 2))[0]).toEqual({ event: 'MODEL_VERSION_REGISTERED', state: 'DELIVERED', ok: true, attempts: 2, status: 250, error: null });
    expect(smtp.received).toHaveLength(2);
    expect(header(smtp.received[1].data, 'Subject')).toBe('[Loom] Model churn version 2 registered in demo');
  });

  it('sends a test mail at once, so an admin sees the mail server accepts it', async () => {
    const sent = (await ok(loom, 'mutation ($id: ID!) { testWebhook(id: $id) { event ok attempts status } }', { id: first })).testWebhook;
    expect(sent).toEqual({ event: 'WEBHOOK_TEST', ok: true, attempts: 1, status: 250 });
    const mail = smtp.received.at(-1)!;
    expect(header(mail.data, 'Subject')).toBe('[Loom] A test from Loom by demo for tenant demo: this destination gets MODEL_VERSION_REGISTERED');
    expect(mail.to).toEqual(['oncall@example.test', 'ML-Team@example.test']);
  });

  it('refuses destinations it cannot send to, naming the field', async () => {
    for (const [url, format, field, why] of [
      ['mailto:not-an-address', null, 'input.url', /not an email address/],
      ['mailto:a@example.test?subject=hi', null, 'input.url', /addresses only/],
      [`mailto:${Array.from({ length: 21 }, (_, i) => `u${i}@example.test`).join(',')}`, null, 'input.url', /1 to 20 addresses/],
      ['mailto:a@example.test', 'SLACK', 'input.format', /takes EMAIL/],
      ['https://hooks.example.test/x', 'EMAIL', 'input.format', /mailto/],
      ['ftp://example.test', null, 'input.url', /mailto:<address>/],
    ] as const) {
      const err = await fails(loom, CREATE, { url, format });
      expect([err.extensions?.code, err.extensions?.field], url).toEqual(['BAD_USER_INPUT', field]);
      expect(err.message).toMatch(why);
    }
  });
});
