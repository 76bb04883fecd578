/**
 * The LLM judge over an OpenAI-compatible chat completions API (`LOOM_JUDGE_URL`: OpenAI's
 * `https://api.openai.com/v1`, Azure OpenAI's, vLLM's, Ollama's `/v1`...). JSON answers are asked for
 * (`response_format: json_object`, temperature 0). A 429, a 5xx, a timeout or a dropped connection is
 * tried again (4 attempts, its Retry-After honoured up to 20 s); any other refusal throws at once.
 */
import type { Judge, JudgeAnswer, JudgeRequest } from '../domain/ports/Judge.js';

export interface OpenAiJudgeOptions { url: string; apiKey: string | null; model: string; timeoutMs?: number; attempts?: number; backoffMs?: number }

const RETRIED = new Set([408, 409, 429, 500, 502, 503, 504]);

export class OpenAiJudge implements Judge {
  readonly defaultModel: string;
  private readonly endpoint: string;

  constructor(private readonly opts: OpenAiJudgeOptions) {
    this.defaultModel = opts.model;
    this.endpoint = `${opts.url.replace(/\/+$/, '')}/chat/completions`;
  }

  async complete(request: JudgeRequest): Promise<JudgeAnswer> {
    const attempts = this.opts.attempts ?? 4;
    for (let attempt = 1; ; attempt++) {
      let wait = (this.opts.backoffMs ?? 500) * 2 ** (attempt - 1);
      try {
        const res = await fetch(this.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {}) },
          body: JSON.stringify({ model: request.model, messages: request.messages, temperature: 0, response_format: { type: 'json_object' } }),
          signal: AbortSignal.timeout(this.opts.timeoutMs ?? 60_000),
        });
        const text = await res.text();
        if (res.ok) return answerOf(text);
        if (!RETRIED.has(res.status) || attempt >= attempts) throw new JudgeRefusal(`the judge at ${this.endpoint} answered ${res.status}: ${text.slice(0, 300)}`);
        const after = Number(res.headers.get('retry-after'));
        if (Number.isFinite(after) && after > 0) wait = Math.min(after * 1000, 20_000);
      } catch (err) {
        if (err instanceof JudgeRefusal || attempt >= attempts) throw err instanceof JudgeRefusal ? err : new Error(`the judge at ${this.endpoint} could not be reached: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

class JudgeRefusal extends Error {}

function answerOf(text: string): JudgeAnswer {
  const body = JSON.parse(text) as { choices?: { message?: { content?: unknown } }[]; usage?: { total_tokens?: unknown } };
  const content = body.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new JudgeRefusal(`the judge's answer has no choices[0].message.content: ${text.slice(0, 300)}`);
  return { content, tokens: typeof body.usage?.total_tokens === 'number' ? body.usage.total_tokens : 0 };
}
