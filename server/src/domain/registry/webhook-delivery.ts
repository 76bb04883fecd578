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
/** A pause between attempts that ends early when `signal` aborts (a stopping server does not wait out a minute's backoff). */
const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
  const timer = setTimeout(done, ms).unref();
  signal?.addEventListener('abort', done, { once: true });
  function done() { clearTimeout(timer); signal?.removeEventListener('abort', done); resolve(); }
});

/** The delay before attempt `attempt + 1`: exponential with jitter, or the receiver's Retry-After, capped. */
export function backoff(policy: RetryPolicy, attempt: number, retryAfter: string | null, random = Math.random): number {
  const asked = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : null;
  const exp = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, asked ?? exp * (0.75 + random() * 0.5));
}

/** One attempt's outcome: `final` (delivered, or refused for good) ends the attempts; `retryAfter`: what the receiver asked. */
interface Attempt { status: number | null; ok: boolean; error: string | null; final: boolean; retryAfter?: string | null }

/**
 * Whether a delivery is still wanted, asked before each retry: a destination deleted meanwhile gets
 * no more attempts (its deletion says "stop sending"). Absent: always.
 */
export type StillWanted = () => Promise<boolean>;

/** The attempts of one delivery, whatever carries it: up to the policy's number, backing off between, stopped by `signal` or when no longer wanted. */
async function attempts(policy: RetryPolicy, signal: AbortSignal | undefined, attempt: () => Promise<Attempt>, wanted?: StillWanted): Promise<DeliveryResult> {
  let last: DeliveryResult = { ok: false, attempts: 0, status: null, error: null };
  for (let n = 1; n <= policy.maxAttempts; n++) {
    if (signal?.aborted) return { ...last, error: 'cancelled' };
    if (n > 1 && wanted && !(await wanted())) return { ...last, error: `${last.error ?? `HTTP ${last.status}`}; not sent again: the destination was deleted` };
    const a = await attempt();
    last = { ok: a.ok, attempts: n, status: a.status, error: a.error };
    if (a.ok || a.final) return last;
    if (n < policy.maxAttempts) await sleep(backoff(policy, n, a.retryAfter ?? null), signal);
  }
  return last;
}

export function deliver(d: Delivery, policy: RetryPolicy = DEFAULT_RETRY, signal?: AbortSignal, wanted?: StillWanted): Promise<DeliveryResult> {
  return attempts(policy, signal, async () => {
    const timestamp = Math.floor(Date.now() / 1000);
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
      const ok = res.status >= 200 && res.status < 300;
      return { ok, status: res.status, error: null, final: !retryable(res.status), retryAfter: res.headers.get('retry-after') };
    } catch (e) {
      return { ok: false, status: null, error: e instanceof Error ? e.message : String(e), final: false };
    }
  }, wanted);
}

/**
 * One email delivery (a `mailto:` destination): sent again, backing off as a webhook is, when the SMTP
 * server could not be reached or answered 4xx (try later); a 5xx refusal (no such mailbox) is final.
 */
export function deliverEmail(mailer: Mailer, message: MailMessage, policy: RetryPolicy = DEFAULT_RETRY, signal?: AbortSignal, wanted?: StillWanted): Promise<DeliveryResult> {
  return attempts(policy, signal, async () => {
    const sent = await mailer.send(message);
    return { ok: sent.ok, status: sent.status, error: sent.error, final: sent.permanent };
  }, wanted);
}
