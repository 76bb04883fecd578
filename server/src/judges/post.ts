/**
 * One JSON POST to a judge model's API, tried again when worth it: a 429, a 5xx that says "busy"
 * (500, 502, 503, 504, Anthropic's 529), 408/409, a timeout or a dropped connection (4 attempts, backoff
 * doubling from 500 ms, a Retry-After honoured up to 20 s). Any other refusal throws at once, with
 * the API's own words.
 */
export interface PostOptions { timeoutMs?: number; attempts?: number; backoffMs?: number }

const RETRIED = new Set([408, 409, 429, 500, 502, 503, 504, 529]);

/** The answer's body text (status 2xx). */
export async function postJson(endpoint: string, headers: Record<string, string>, body: unknown, opts: PostOptions = {}): Promise<string> {
  const attempts = opts.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    let wait = (opts.backoffMs ?? 500) * 2 ** (attempt - 1);
    try {
      const res = await fetch(endpoint, {
        method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000),
      });
      const text = await res.text();
      if (res.ok) return text;
      if (!RETRIED.has(res.status) || attempt >= attempts) throw new JudgeRefusal(`the judge at ${endpoint} answered ${res.status}: ${text.slice(0, 300)}`);
      const after = Number(res.headers.get('retry-after'));
      if (Number.isFinite(after) && after > 0) wait = Math.min(after * 1000, 20_000);
    } catch (err) {
      if (err instanceof JudgeRefusal) throw err;
      if (attempt >= attempts) throw new Error(`the judge at ${endpoint} could not be reached: ${(err as Error).message}`);
    }
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** An answer the judge's API gave that trying again will not change. */
export class JudgeRefusal extends Error {}
