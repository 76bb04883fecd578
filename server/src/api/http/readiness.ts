import { withTimeout } from '../../domain/with-timeout.js';

/** How long /readyz waits for an engine's ping: an engine that does not answer is not ready. */
export const READY_TIMEOUT_MS = 5_000;

/**
 * Each engine's ping, with a deadline: `ok`, or why not. An engine whose calls hang (an embedded engine
 * whose threads are all stuck) is reported as not answering instead of leaving /readyz itself hanging.
 */
export async function readiness(checks: Record<string, () => Promise<void>>, timeoutMs = READY_TIMEOUT_MS): Promise<{ ready: boolean; body: Record<string, string> }> {
  const names = Object.keys(checks);
  const results = await Promise.allSettled(names.map((n) => withTimeout(checks[n](), timeoutMs, () => new Error(`no answer within ${timeoutMs / 1000} s`))));
  const body: Record<string, string> = {};
  results.forEach((r, i) => { body[names[i]] = r.status === 'fulfilled' ? 'ok' : `error: ${String(r.reason)}`; });
  const ready = results.every((r) => r.status === 'fulfilled');
  return { ready, body: { status: ready ? 'ready' : 'unavailable', ...body } };
}
