/**
 * LLM as a judge, end to end on a real Loom: an evaluation's examples graded by a judge model through a
 * local stand-in of the OpenAI chat completions API or Anthropic's Messages API (the third-party
 * services here), run by the workers through the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok } from './registry.testkit.js';
import { until } from '../../queue/jobqueue.contract.js';
import { EvaluationJudging } from '../../domain/registry/judging.service.js';
import { InProcessJobQueue } from '../../queue/InProcessJobQueue.js';
import { anthropicJudgeStandIn, openAiJudgeStandIn } from '../../testing/judge.testkit.js';
import { emitter } from '../../../../ingest/otlp/otlp.testkit.js';

const KEY = 'sk-judge-test-0001';
const EVALUATE = 'mutation ($input: EvaluateInput!) { evaluate(input: $input) { id } }';
const JUDGE = 'mutation ($id: ID!, $c: [String!]!) { judgeEvaluation(evaluationId: $id, criteria: $c) { judging { state total model } } }';
const STATUS = 'query ($id: ID!) { evaluation(id: $id) { metrics { key value } judging { state judged total unreadable tokens error finishedAt } } }';

describe('LLM as a judge: examples graded through an OpenAI-compatible API by the workers', () => {
  const judge = openAiJudgeStandIn(KEY);
  let loom: TestLoom;
  let evaluationId: string;

  beforeAll(async () => {
    await new Promise<void>((r) => judge.server.listen(0, '127.0.0.1', r));
    loom = await startTestLoom({ LOOM_JUDGE_URL: judge.url(), LOOM_JUDGE_API_KEY: KEY, LOOM_JUDGE_MODEL: 'judge-mini' });
    await loom.services.tenancy.createTenant('rival');
    await ok(loom, 'mutation { registerModelVersion(input: {name: "qa-judged", modelUri: "s3://m/qa/1"}) { version } }');
    const examples = [
      { id: 'q1', input: 'Capital of France?', reference: 'Paris', prediction: 'Paris' },
      { id: 'q2', input: 'Largest planet?', reference: 'Jupiter', prediction: 'Saturn' },
      { id: 'q3', input: 'Author of Hamlet?', reference: 'Shakespeare', prediction: 'Shakespeare' },
      { id: 'q4', input: 'Speed of light?', reference: '299,792 km/s', prediction: 'GARBAGE' },
    ];
    const judgements = [{ exampleId: 'q1', criterion: 'relevance', score: 0, judge: 'a person' }];
    evaluationId = (await ok(loom, EVALUATE, { input: { model: { name: 'qa-judged', version: 1 }, task: 'GENERATION', examples, judgements } })).evaluate.id;
  }, 120_000);
  afterAll(async () => {
    await loom?.close();
    await new Promise((r) => judge.server.close(r));
  });

  it('grades every example on every criterion, retrying an overloaded judge, and records the means', async () => {
    const { judgeEvaluation } = await ok(loom, JUDGE, { id: evaluationId, c: ['correctness', 'relevance'] });
    expect(judgeEvaluation.judging).toMatchObject({ total: 8, model: 'judge-mini' });
    // queued, or already taken by a worker (they share the process: a fast one starts before the answer is read back)
    expect(['QUEUED', 'RUNNING']).toContain(judgeEvaluation.judging.state);
    let status: any;
    await until(async () => ((status = (await ok(loom, STATUS, { id: evaluationId })).evaluation).judging.state === 'DONE'), 30_000, 'judging done');
    // q4's answers are not a grade: left out. Grades 5, 2, 5 → scores 1, 0.25, 1.
    expect(status.judging).toMatchObject({ judged: 6, total: 8, unreadable: 2, tokens: 240, error: null });
    const metric = (k: string) => status.metrics.find((m: any) => m.key === k)?.value;
    expect(metric('judge.correctness')).toBeCloseTo(0.75, 10);
    expect(metric('judge.relevance')).toBeCloseTo(0.75, 10); // the judge's verdict replaced the person's 0 on q1
    expect(judge.requests).toHaveLength(8);
    expect(judge.requests[0]).toMatchObject({ model: 'judge-mini', temperature: 0, response_format: { type: 'json_object' } });
    const { compareEvaluations } = await ok(loom, 'query ($ids: [ID!]!) { compareEvaluations(evaluationIds: $ids) { examples { exampleId scores } } }', { ids: [evaluationId] });
    const scores = Object.fromEntries(compareEvaluations.examples.map((x: any) => [x.exampleId, x.scores[0]]));
    expect(scores.q2).toMatchObject({ 'judge.correctness': 0.25, 'judge.relevance': 0.25, exact_match: 0 });
    expect(scores.q4['judge.correctness']).toBeUndefined();
  });

  it("evaluates a prompt version on its production traffic: the recorded calls judged, the traces' measures, linked to the traces", async () => {
    await ok(loom, 'mutation { createPromptVersion(input: {name: "support-answer", template: {text: "Answer {{q}}"}}) { version } }');
    const sdk = emitter(loom.url, loom.key, 'proto', { 'service.name': 'support-bot' });
    const traceIds: string[] = [];
    const t0 = Date.now() - 1_000;
    for (let i = 0; i < 3; i++) {
      const span = sdk.tracer.startSpan('openai.chat', { startTime: t0 + i * 10, attributes: {
        'llm.request.type': 'chat', 'gen_ai.system': 'openai', 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.usage.prompt_tokens': 20, 'gen_ai.usage.completion_tokens': 10,
        'traceloop.prompt.key': 'support-answer', 'traceloop.prompt.version': 1,
        'gen_ai.prompt.0.role': 'user', 'gen_ai.prompt.0.content': `question ${i}`,
        // The third call's content was not recorded (content capture off): it cannot be judged.
        ...(i < 2 ? { 'gen_ai.completion.0.role': 'assistant', 'gen_ai.completion.0.content': `answer ${i}` } : {}),
      } });
      traceIds.push(span.spanContext().traceId);
      span.end(t0 + i * 10 + 5);
    }
    await sdk.flush();
    await sdk.close();
    await until(async () => (await loom.services.graph.getNodes('demo', traceIds.map((t) => `trace:${t}`))).every(Boolean), 15_000, 'trace nodes');
    const EVALUATE_TRACES = 'mutation ($input: EvaluateTracesInput!, $c: [String!]) { evaluateTraces(input: $input, criteria: $c) { id task examples metrics { key value } judging { state total } } }';
    const missing = await fails(loom, EVALUATE_TRACES, { input: { prompt: { name: 'support-answer', version: 1 }, service: 'nobody' } });
    expect(missing.message).toMatch(/^input\.prompt: no LLM call of support-answer version 1 with its answer recorded in the range \(0 without\): instrumentations record message content only when asked/);
    // limit counts examples, not the calls read: the newest call has no answer recorded (it said there was none in the range)
    const one = await ok(loom, EVALUATE_TRACES, { input: { name: 'newest recorded', prompt: { name: 'support-answer', version: 1 }, limit: 1 } });
    expect(one.evaluateTraces).toMatchObject({ examples: 1 });
    const before = judge.requests.length;
    const { evaluateTraces: e } = await ok(loom, EVALUATE_TRACES, { input: { name: 'support traffic', prompt: { name: 'support-answer', version: 1 } }, c: ['relevance'] });
    expect(e).toMatchObject({ task: 'TRACES', examples: 2, judging: { total: 2 } });
    expect(['QUEUED', 'RUNNING']).toContain(e.judging.state);
    expect(e.metrics.find((m: any) => m.key === 'tokens').value).toBe(30);
    expect(e.metrics.find((m: any) => m.key === 'error_rate').value).toBe(0);
    let status: any;
    await until(async () => ((status = (await ok(loom, STATUS, { id: e.id })).evaluation).judging.state === 'DONE'), 30_000, 'judging done');
    expect(status.metrics.find((m: any) => m.key === 'judge.relevance').value).toBe(0.25); // the stand-in grades 2 what differs from its (absent) reference
    expect(judge.requests.slice(before).map((r) => r.messages[1].content.split('[Answer to grade]\n')[1]).sort()).toEqual(['answer 0', 'answer 1']);
    // The evaluation is linked to the traces it read, and reads as examples by trace and span.
    const linked = await loom.services.graph.neighbours('demo', `trace:${traceIds[0]}`, { direction: 'UPSTREAM', edgeKinds: ['EVALUATES'], limit: 10, offset: 0 });
    expect(linked.items.map((n) => n.node.id)).toEqual([e.id]);
    const { compareEvaluations } = await ok(loom, 'query ($ids: [ID!]!) { compareEvaluations(evaluationIds: $ids) { examples { exampleId input predictions } } }', { ids: [e.id] });
    expect(compareEvaluations.examples.map((x: any) => x.input).sort()).toEqual(['user: question 0', 'user: question 1']);
    expect(compareEvaluations.examples[0].exampleId).toMatch(/^[0-9a-f]{32}\/[0-9a-f]{16}$/);
  });

  it('refuses viewers, other tenants, bad criteria, and says how to configure a judge when there is none', async () => {
    const viewer = await loom.services.tenancy.createApiKey('demo', 'viewer');
    const rival = await loom.services.tenancy.createApiKey('rival', 'admin');
    expect((await fails(loom, JUDGE, { id: evaluationId, c: ['correctness'] }, viewer)).extensions?.code).toBe('FORBIDDEN');
    expect((await fails(loom, JUDGE, { id: evaluationId, c: ['correctness'] }, rival)).extensions?.code).toBe('NOT_FOUND');
    expect((await ok(loom, STATUS, { id: evaluationId }, rival)).evaluation).toBeNull();
    expect((await fails(loom, JUDGE, { id: evaluationId, c: [] })).message).toMatch(/^criteria:/);
    expect((await fails(loom, JUDGE, { id: evaluationId, c: ['bad\ncriterion'] })).message).toMatch(/^criteria\[0\]:/);
    const queue = new InProcessJobQueue();
    const none = new EvaluationJudging(loom.services.graph, loom.services.analytics, queue, null);
    await expect(none.request({ tenant: 'demo', role: 'admin', name: null }, evaluationId, ['correctness'])).rejects.toThrow(/^model: no LLM judge is configured on this server: set LOOM_JUDGE_URL/);
    await queue.close();
  });
});

describe("LLM as a judge through Anthropic's Messages API (LOOM_JUDGE_API=anthropic)", () => {
  const judge = anthropicJudgeStandIn(KEY);
  let loom: TestLoom;
  beforeAll(async () => {
    await new Promise<void>((r) => judge.server.listen(0, '127.0.0.1', r));
    loom = await startTestLoom({ LOOM_JUDGE_URL: judge.url(), LOOM_JUDGE_API: 'anthropic', LOOM_JUDGE_API_KEY: KEY, LOOM_JUDGE_MODEL: 'claude-judge' });
  }, 120_000);
  afterAll(async () => {
    await loom?.close();
    await new Promise((r) => judge.server.close(r));
  });

  it('grades the examples with the Claude model named, and records the mean', async () => {
    await ok(loom, 'mutation { registerModelVersion(input: {name: "qa-claude", modelUri: "s3://m/qa/1"}) { version } }');
    const examples = [{ id: 'a', input: 'Capital of Italy?', reference: 'Rome', prediction: 'Rome' }, { id: 'b', input: 'Capital of Spain?', reference: 'Madrid', prediction: 'Seville' }];
    const { id } = (await ok(loom, EVALUATE, { input: { model: { name: 'qa-claude', version: 1 }, task: 'GENERATION', examples } })).evaluate;
    expect((await ok(loom, JUDGE, { id, c: ['correctness'] })).judgeEvaluation.judging).toMatchObject({ total: 2, model: 'claude-judge' });
    let status: any;
    await until(async () => ((status = (await ok(loom, STATUS, { id })).evaluation).judging.state === 'DONE'), 30_000, 'judging done');
    expect(status.judging).toMatchObject({ judged: 2, unreadable: 0, tokens: 60, error: null });
    expect(status.metrics.find((m: any) => m.key === 'judge.correctness').value).toBeCloseTo(0.625, 10); // grades 5 and 2
    expect(judge.requests.map((r) => [r.model, typeof r.system])).toEqual([['claude-judge', 'string'], ['claude-judge', 'string']]);
  });
});
