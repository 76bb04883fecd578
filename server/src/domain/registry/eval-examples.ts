/** The examples and LLM judgements of a computed evaluation, checked (pure): each failure names the field. */
import { badInput } from '../errors.js';
import { checkKey, checkText } from './validate.js';

export const EVALUATION_TASKS = ['CLASSIFICATION', 'GENERATION'] as const;
export type EvaluationTask = (typeof EVALUATION_TASKS)[number];

export const MAX_EXAMPLES = 10_000;
const MAX_JUDGEMENTS = 50_000;
const MAX_TEXT = 20_000;

export interface ExampleInput { id: string; prediction: string; reference: string; input?: string | null }
/** A judge's score of one example on one criterion (correctness, relevance, faithfulness...), 0..1. */
export interface JudgementInput { exampleId: string; criterion: string; score: number; judge?: string | null; rationale?: string | null }

export interface Example { id: string; prediction: string; reference: string; input: string }
export interface Judgement { criterion: string; score: number; judge: string | null; rationale: string | null }

export function checkExamples(examples: ExampleInput[], judgements: JudgementInput[] | null | undefined): { examples: Example[]; judgements: Map<string, Judgement[]> } {
  if (!Array.isArray(examples) || examples.length === 0) throw badInput('input.examples', 'give at least one example');
  if (examples.length > MAX_EXAMPLES) throw badInput('input.examples', `at most ${MAX_EXAMPLES} per evaluation (got ${examples.length})`);
  const ids = new Set<string>();
  const checked = examples.map((e, i) => {
    const id = checkText(`input.examples[${i}].id`, e?.id, 200);
    if (!id) throw badInput(`input.examples[${i}].id`, 'required');
    if (ids.has(id)) throw badInput(`input.examples[${i}].id`, `${id} is listed twice`);
    ids.add(id);
    const text = (field: string, v: unknown, required: boolean) => {
      if (v == null && !required) return '';
      if (typeof v !== 'string') throw badInput(`input.examples[${i}].${field}`, 'must be a string');
      return checkText(`input.examples[${i}].${field}`, v, MAX_TEXT)!;
    };
    return { id, prediction: text('prediction', e.prediction, true), reference: text('reference', e.reference, true), input: text('input', e.input, false) };
  });
  const byExample = new Map<string, Judgement[]>();
  const list = judgements ?? [];
  if (list.length > MAX_JUDGEMENTS) throw badInput('input.judgements', `at most ${MAX_JUDGEMENTS} per evaluation (got ${list.length})`);
  list.forEach((j, i) => {
    const at = `input.judgements[${i}]`;
    if (!ids.has(j?.exampleId)) throw badInput(`${at}.exampleId`, `${JSON.stringify(j?.exampleId)} is not the id of an example`);
    checkKey(`${at}.criterion`, j.criterion);
    if (typeof j.score !== 'number' || !Number.isFinite(j.score) || j.score < 0 || j.score > 1) throw badInput(`${at}.score`, 'must be a number 0..1 (scale a 1-5 grade: (g - 1) / 4)');
    const mine = byExample.get(j.exampleId) ?? [];
    if (mine.some((x) => x.criterion === j.criterion)) throw badInput(`${at}.criterion`, `example ${j.exampleId} is already judged on ${j.criterion}`);
    mine.push({ criterion: j.criterion, score: j.score, judge: checkText(`${at}.judge`, j.judge, 200) ?? null, rationale: checkText(`${at}.rationale`, j.rationale, 5000) ?? null });
    byExample.set(j.exampleId, mine);
  });
  return { examples: checked, judgements: byExample };
}

/** Each criterion's mean score over the examples judged on it, as the metrics `judge.<criterion>`. */
export function judgementMeans(perExample: Iterable<readonly Pick<Judgement, 'criterion' | 'score'>[]>): Record<string, number> {
  const scores = new Map<string, number[]>();
  for (const list of perExample) for (const j of list) scores.set(j.criterion, [...(scores.get(j.criterion) ?? []), j.score]);
  return Object.fromEntries([...scores].map(([c, xs]) => [`judge.${c}`, xs.reduce((a, b) => a + b, 0) / xs.length]));
}
