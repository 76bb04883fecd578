/**
 * The LLM judge over an OpenAI-compatible chat completions API (`LOOM_JUDGE_URL`: OpenAI's
 * `https://api.openai.com/v1`, Azure OpenAI's, vLLM's, Ollama's `/v1`...). JSON answers are asked for
 * (`response_format: json_object`, temperature 0); retries as post.ts says.
 */
import type { Judge, JudgeAnswer, JudgeRequest } from '../domain/ports/Judge.js';
import { JudgeRefusal, postJson, type PostOptions } from './post.js';

export interface JudgeOptions extends PostOptions { url: string; apiKey: string | null; model: string }

export class OpenAiJudge implements Judge {
  readonly defaultModel: string;
  private readonly endpoint: string;

  constructor(private readonly opts: JudgeOptions) {
    this.defaultModel = opts.model;
    this.endpoint = `${opts.url.replace(/\/+$/, '')}/chat/completions`;
  }

  async complete(request: JudgeRequest): Promise<JudgeAnswer> {
    const text = await postJson(this.endpoint, this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {},
      { model: request.model, messages: request.messages, temperature: 0, response_format: { type: 'json_object' } }, this.opts);
    const body = JSON.parse(text) as { choices?: { message?: { content?: unknown } }[]; usage?: { total_tokens?: unknown } };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new JudgeRefusal(`the judge's answer has no choices[0].message.content: ${text.slice(0, 300)}`);
    return { content, tokens: typeof body.usage?.total_tokens === 'number' ? body.usage.total_tokens : 0 };
  }
}
