import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok } from './registry.testkit.js';
import { classificationMetrics, generationMetrics } from '../../domain/registry/eval-metrics.js';

const EVALUATE = 'mutation ($input: EvaluateInput!) { evaluate(input: $input) { id name task examples target metrics { key value } } }';
const COMPARE = `query ($ids: [ID!]!, $only: Boolean!) { compareEvaluations(evaluationIds: $ids, onlyDiffering: $only) {
  total evaluations { id target } metrics { key values } examples { exampleId input reference predictions scores } } }`;

const QUESTIONS = [
  { id: 'q1', input: 'Capital of France?', reference: 'Paris is the capital of France.' },
  { id: 'q2', input: 'Largest planet?', reference: 'Jupiter is the largest planet.' },
  { id: 'q3', input: 'Who wrote Hamlet?', reference: 'William Shakespeare wrote Hamlet.' },
  { id: 'q4', input: 'Boiling point of water at sea level?', reference: '100 degrees Celsius.' },
];
const V1 = ['Paris is the capital of France.', 'Saturn is the largest planet.', 'Shakespeare wrote it.', '100 degrees Celsius.'];
const V2 = ['Paris is the capital of France.', 'Jupiter is the largest planet.', 'William Shakespeare wrote Hamlet.', 'It boils at 90 degrees.'];
const examples = (answers: string[]) => QUESTIONS.map((q, i) => ({ ...q, prediction: answers[i] }));
const judge = (scores: number[]) => scores.map((score, i) => ({ exampleId: QUESTIONS[i].id, criterion: 'correctness', score, judge: 'gpt-4o', rationale: score ? 'matches' : 'wrong' }));
const metric = (e: any, key: string) => e.metrics.find((m: any) => m.key === key)?.value;

describe('computed evaluations: examples in, metrics out, side by side', () => {
  let loom: TestLoom;
  let rivalKey: string;
  let viewerKey: string;
  let first: any;
  let second: any;

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    viewerKey = await loom.services.tenancy.createApiKey('demo', 'viewer');
    for (const v of [1, 2]) await ok(loom, `mutation { registerModelVersion(input: {name: "qa-bot", modelUri: "s3://m/qa/${v}"}) { version } }`);
  }, 120_000);
  afterAll(async () => { await loom?.close(); });

  it('computes generation metrics and LLM judgements from the examples', async () => {
    first = (await ok(loom, EVALUATE, { input: { name: 'trivia-v1', model: { name: 'qa-bot', version: 1 }, task: 'GENERATION', examples: examples(V1), judgements: judge([1, 0, 0.75, 1]) } })).evaluate;
    second = (await ok(loom, EVALUATE, { input: { name: 'trivia-v1', model: { name: 'qa-bot', version: 2 }, task: 'GENERATION', examples: examples(V2), judgements: judge([1, 1, 1, 0]), metrics: [{ key: 'latency_p50_ms', value: 420 }] } })).evaluate;
    const expected = generationMetrics(examples(V1)).metrics;
    expect(first).toMatchObject({ name: 'trivia-v1', task: 'GENERATION', examples: 4, target: 'model:registry:qa-bot@1' });
    for (const [key, value] of Object.entries(expected)) expect(metric(first, key), key).toBeCloseTo(value, 10);
    expect(metric(first, 'exact_match')).toBe(0.5);
    expect(metric(first, 'judge.correctness')).toBeCloseTo(0.6875, 10);
    expect(metric(second, 'latency_p50_ms')).toBe(420);
    // The version's evaluations list it, as gates read it.
    const { modelVersion } = await ok(loom, '{ modelVersion(name: "qa-bot", version: 2) { evaluations { id task examples } } }');
    expect(modelVersion.evaluations).toEqual([{ id: second.id, task: 'GENERATION', examples: 4 }]);
  });

  it('computes classification metrics', async () => {
    const labels = [['churn', 'churn'], ['stay', 'churn'], ['stay', 'stay'], ['stay', 'stay'], ['churn', 'stay']];
    const input = { model: { name: 'qa-bot', version: 1 }, task: 'CLASSIFICATION', examples: labels.map(([prediction, reference], i) => ({ id: `c${i}`, prediction, reference })) };
    const { evaluate } = await ok(loom, EVALUATE, { input });
    const expected = classificationMetrics(input.examples).metrics;
    expect(Object.fromEntries(evaluate.metrics.map((m: any) => [m.key, m.value]))).toEqual(expected);
    expect(expected.accuracy).toBe(0.6);
  });

  it('compares two versions on the same examples, by example, and only where they differ', async () => {
    const all = (await ok(loom, COMPARE, { ids: [first.id, second.id], only: false })).compareEvaluations;
    expect(all.total).toBe(4);
    expect(all.evaluations.map((e: any) => e.target)).toEqual(['model:registry:qa-bot@1', 'model:registry:qa-bot@2']);
    expect(all.metrics.find((m: any) => m.key === 'latency_p50_ms').values).toEqual([null, 420]);
    expect(all.metrics.find((m: any) => m.key === 'judge.correctness').values).toEqual([0.6875, 0.75]);
    const diff = (await ok(loom, COMPARE, { ids: [first.id, second.id], only: true })).compareEvaluations;
    expect(diff.examples.map((x: any) => x.exampleId)).toEqual(['q2', 'q3', 'q4']);
    const q2 = diff.examples[0];
    expect(q2).toMatchObject({ input: 'Largest planet?', reference: QUESTIONS[1].reference, predictions: [V1[1], V2[1]] });
    expect(q2.scores[0]['judge.correctness']).toBe(0);
    expect(q2.scores[1]).toMatchObject({ exact_match: 1, rougeL: 1, 'judge.correctness': 1 });
  });

  it('refuses bad examples and judgements by name, storing nothing; viewers and other tenants are refused', async () => {
    const before = (await ok(loom, '{ modelVersion(name: "qa-bot", version: 1) { evaluations { id } } }')).modelVersion.evaluations.length;
    const bad: [Record<string, unknown>, string][] = [
      [{ examples: [] }, 'input.examples'],
      [{ examples: [...examples(V1), { id: 'q1', prediction: 'x', reference: 'y' }] }, 'input.examples[4].id'],
      [{ examples: [{ id: 'q1', prediction: 'x'.repeat(20_001), reference: 'y' }] }, 'input.examples[0].prediction'],
      [{ judgements: [{ exampleId: 'nope', criterion: 'correctness', score: 1 }] }, 'input.judgements[0].exampleId'],
      [{ judgements: [{ exampleId: 'q1', criterion: 'correctness', score: 4 }] }, 'input.judgements[0].score'],
      [{ judgements: [...judge([1, 1, 1, 1]), { exampleId: 'q1', criterion: 'correctness', score: 1 }] }, 'input.judgements[4].criterion'],
    ];
    for (const [over, field] of bad) {
      const err = await fails(loom, EVALUATE, { input: { model: { name: 'qa-bot', version: 1 }, task: 'GENERATION', examples: examples(V1), ...over } });
      expect(err.extensions?.code, field).toBe('BAD_USER_INPUT');
      expect(err.message.startsWith(`${field}:`), err.message).toBe(true);
    }
    expect((await fails(loom, EVALUATE, { input: { model: { name: 'qa-bot', version: 9 }, task: 'GENERATION', examples: examples(V1) } })).extensions?.code).toBe('NOT_FOUND');
    expect((await ok(loom, '{ modelVersion(name: "qa-bot", version: 1) { evaluations { id } } }')).modelVersion.evaluations).toHaveLength(before);
    expect((await fails(loom, EVALUATE, { input: { model: { name: 'qa-bot', version: 1 }, task: 'GENERATION', examples: examples(V1) } }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await ok(loom, COMPARE, { ids: [first.id], only: false }, viewerKey)).compareEvaluations.total).toBe(4);
    expect((await fails(loom, COMPARE, { ids: [first.id, second.id], only: false }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, EVALUATE, { input: { model: { name: 'qa-bot', version: 1 }, task: 'GENERATION', examples: examples(V1) } }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, COMPARE, { ids: [first.id, first.id], only: false })).message).toMatch(/^evaluationIds:/);
  });
});
