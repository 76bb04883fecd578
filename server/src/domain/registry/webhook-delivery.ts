/**
 * One webhook delivery: POST the JSON body signed with HMAC-SHA256, retried with exponential
 * backoff on network errors, timeouts, 408, 429 and 5xx (honouring Retry-After), a bounded number
 * of times; an email destination's message the same way (deliverEmail). Plain functions of their
 * input, so they can move onto the job queue as job processors.
 *
 * Headers: `X-Loom-Event`, `X-Loom-Delivery` (the same on every attempt: receivers de-duplicate on
 * it), `X-Loom-Timestamp` (unix seconds of the attempt) and `X-Loom-Signature: sha256=<hex>` over
 * `<timestamp>.<body>`, so a receiver can reject stale replays.
 */
import { createHmac } from 'node:crypto';
import type { MailMessage, Mailer } from '../ports/Mailer.js';

/** `contentType` (default JSON) and `headers`: what a plugin's webhook format asked for (never X-Loom-*). */
export interface Delivery { id: string; url: string; secret: string; event: string; body: string; contentType?: string; headers?: Record<string, string> }
export interface RetryPolicy { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; timeoutMs: number }
export interface DeliveryResult { ok: boolean; attempts: number; status: number | null; error: string | null }

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 60_000, timeoutMs: 10_000 };

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const retryable = (status: number) => status === 408 || status === 429 || status >= 500;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** The delay before attempt `attempt + 1`: exponential with jitter, or the receiver's Retry-After, capped. */
export function backoff(policy: RetryPolicy, attempt: number, retryAfter: string | null, random = Math.random): number {
  const asked = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : null;
  const exp = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, asked ?? exp * (0.75 + random() * 0.5));
}

export async function deliver(d: Delivery, policy: RetryPolicy = DEFAULT_RETRY, signal?: AbortSignal): Promise<DeliveryResult> {
  let last: DeliveryResult = { ok: false, attempts: 0, status: null, error: null };
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    if (signal?.aborted) return { ...last, error: 'cancelled' };
    const timestamp = Math.floor(Date.now() / 1000);
    let retryAfter: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        body: d.body,
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(policy.timeoutMs)]) : AbortSignal.timeout(policy.timeoutMs),
        headers: {
          ...d.headers,
          'content-type': d.contentType ?? 'application/json', 'user-agent': 'loom-webhooks/1',
          'x-loom-event': d.event, 'x-loom-delivery': d.id, 'x-loom-timestamp': String(timestamp), 'x-loom-signature': sign(d.secret, timestamp, d.body),
        },
      });
      await res.arrayBuffer().catch(() => undefined);
      last = { ok: res.status >= 200 && res.status < 300, attempts: attempt, status: res.status, error: null };
      if (last.ok || !retryable(res.status)) return last;
      retryAfter = res.headers.get('retry-after');
    } catch (e) {
      last = { ok: false, attempts: attempt, status: null, error: e instanceof Error ? e.message : String(e) };
    }
    if (attempt < policy.maxAttempts) await sleep(backoff(policy, attempt, retryAfter));
  }
  return last;
}

/**
 * One email delivery (a `mailto:` destination): sent again, backing off as a webhook is, when the SMTP
 * server could not be reached or answered 4xx (try later); a 5xx refusal (no such mailbox) is final.
 */
export async function deliverEmail(mailer: Mailer, message: MailMessage, policy: RetryPolicy = DEFAULT_RETRY, signal?: AbortSignal): Promise<DeliveryResult> {
  let last: DeliveryResult = { ok: false, attempts: 0, status: null, error: null };
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    if (signal?.aborted) return { ...last, error: 'cancelled' };
    const sent = await mailer.send(message);
    last = { ok: sent.ok, attempts: attempt, status: sent.status, error: sent.error };
    if (sent.ok || sent.permanent) return last;
    if (attempt < policy.maxAttempts) await sleep(backoff(policy, attempt, null));
  }
  return last;
}
