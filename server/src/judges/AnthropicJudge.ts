/**
 * The LLM judge over Anthropic's Messages API (`LOOM_JUDGE_API=anthropic`, `LOOM_JUDGE_URL`:
 * `https://api.anthropic.com/v1`, or a gateway speaking it). The system messages become the
 * `system` prompt; temperature 0. The Messages API has no JSON mode: the judge prompt asks for JSON
 * only, and readVerdict takes it (a fenced block too). Retries as post.ts says (its 529 "overloaded" too).
 */
import type { Judge, JudgeAnswer, JudgeRequest } from '../domain/ports/Judge.js';
import { JudgeRefusal, postJson } from './post.js';
import type { JudgeOptions } from './OpenAiJudge.js';

/** The API version every request names (the Messages API's stable one). */
export const ANTHROPIC_VERSION = '2023-06-01';
/** A verdict is one short JSON object: room for it and a long rationale. */
const MAX_TOKENS = 1024;

export class AnthropicJudge implements Judge {
  readonly defaultModel: string;
  private readonly endpoint: string;

  constructor(private readonly opts: JudgeOptions) {
    this.defaultModel = opts.model;
    this.endpoint = `${opts.url.replace(/\/+$/, '')}/messages`;
  }

  async complete(request: JudgeRequest): Promise<JudgeAnswer> {
    const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n\n');
    const messages = request.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.content }));
    const text = await postJson(this.endpoint, { 'anthropic-version': ANTHROPIC_VERSION, ...(this.opts.apiKey ? { 'x-api-key': this.opts.apiKey } : {}) },
      { model: request.model, max_tokens: MAX_TOKENS, temperature: 0, ...(system ? { system } : {}), messages }, this.opts);
    const body = JSON.parse(text) as { content?: { type?: unknown; text?: unknown }[]; usage?: { input_tokens?: unknown; output_tokens?: unknown } };
    const parts = (body.content ?? []).filter((c) => c.type === 'text' && typeof c.text === 'string').map((c) => c.text as string);
    if (!parts.length) throw new JudgeRefusal(`the judge's answer has no text content: ${text.slice(0, 300)}`);
    const n = (v: unknown) => (typeof v === 'number' ? v : 0);
    return { content: parts.join(''), tokens: n(body.usage?.input_tokens) + n(body.usage?.output_tokens) };
  }
}
