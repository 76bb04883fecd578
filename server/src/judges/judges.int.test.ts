/**
 * The judge adapters against local stand-ins of their APIs (judge.testkit.ts): the judge prompt sent as
 * each API takes it, the verdict read back, an overloaded API tried again, a refusal thrown at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Judge } from '../domain/ports/Judge.js';
import { judgeRequest, readVerdict } from '../domain/registry/judge-prompt.js';
import { anthropicJudgeStandIn, openAiJudgeStandIn } from '../testing/judge.testkit.js';
import { AnthropicJudge } from './AnthropicJudge.js';
import { OpenAiJudge } from './OpenAiJudge.js';

const KEY = 'judge-key-0001';
const apis = [
  {
    name: 'OpenAI-compatible chat completions', standIn: openAiJudgeStandIn(KEY), make: (o: ConstructorParameters<typeof OpenAiJudge>[0]) => new OpenAiJudge(o),
    // JSON mode, the system prompt first among the messages
    shape: (sent: any) => expect(sent).toMatchObject({ response_format: { type: 'json_object' }, messages: [{ role: 'system' }, { role: 'user' }] }),
  },
  {
    name: "Anthropic's Messages API", standIn: anthropicJudgeStandIn(KEY), make: (o: ConstructorParameters<typeof AnthropicJudge>[0]) => new AnthropicJudge(o),
    // the system prompt apart, max_tokens, no OpenAI-only field
    shape: (sent: any) => {
      expect(sent.system).toMatch(/^You are an impartial evaluator/);
      expect(sent.messages).toEqual([{ role: 'user', content: expect.stringContaining('[Answer to grade]\nParis') }]);
      expect(sent.max_tokens).toBeGreaterThan(0);
      expect(sent).not.toHaveProperty('response_format');
    },
  },
];

for (const api of apis) {
  describe(`the LLM judge over ${api.name}`, () => {
    beforeAll(() => new Promise<void>((r) => api.standIn.server.listen(0, '127.0.0.1', r)));
    afterAll(() => new Promise<void>((r) => api.standIn.server.close(() => r())));
    const judge = (apiKey = KEY): Judge => api.make({ url: api.standIn.url(), apiKey, model: 'judge-small', backoffMs: 1 });

    it('sends the judge prompt, tries an overloaded API again, and reads the verdict and its tokens', async () => {
      const example = { input: 'Capital of France?', reference: 'Paris', prediction: 'Paris' };
      const answer = await judge().complete(judgeRequest('judge-small', 'correctness', example));
      expect(readVerdict(answer.content)).toEqual({ score: 1, rationale: 'matches the reference' });
      expect(answer.tokens).toBe(30);
      const wrong = await judge().complete(judgeRequest('judge-small', 'correctness', { ...example, prediction: 'Lyon' }));
      expect(readVerdict(wrong.content).score).toBe(0.25);
      expect(api.standIn.requests).toHaveLength(2); // the first call was refused as overloaded, then answered
      expect(api.standIn.requests[0]).toMatchObject({ model: 'judge-small', temperature: 0 });
      api.shape(api.standIn.requests[0]);
    });

    it('throws a refusal at once, with the API\'s words, and says when the API cannot be reached', async () => {
      const before = api.standIn.requests.length;
      await expect(judge('wrong-key').complete(judgeRequest('judge-small', 'relevance', { input: 'q', reference: 'a', prediction: 'a' })))
        .rejects.toThrow(/answered 401: .*bad key/);
      expect(api.standIn.requests.length).toBe(before);
      const gone = api.make({ url: 'http://127.0.0.1:9/v1', apiKey: KEY, model: 'm', attempts: 2, backoffMs: 1 });
      await expect(gone.complete(judgeRequest('m', 'relevance', { input: 'q', reference: 'a', prediction: 'a' }))).rejects.toThrow(/could not be reached/);
    });
  });
}
