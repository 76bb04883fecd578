/**
 * What an LLM judge is asked, and how its answer is read (pure). The judge grades one example on one
 * criterion from 1 to 5 with a one-sentence rationale, as JSON; the grade becomes a score 0..1
 * ((grade - 1) / 4), the scale of client-given judgements.
 */
import type { JudgeRequest } from '../ports/Judge.js';

/** What each well-known criterion means to the judge; any other name is judged by its name. */
export const CRITERIA: Record<string, string> = {
  correctness: 'Is the answer factually correct and consistent with the reference answer?',
  relevance: 'Does the answer address the question asked, without unrelated content?',
  faithfulness: 'Is every claim in the answer supported by the input (no invented facts)?',
  helpfulness: 'Would the answer help the person who asked, given the question?',
  coherence: 'Is the answer clear, well organised and easy to follow?',
  conciseness: 'Is the answer as short as it can be while still complete?',
};

export function judgeRequest(model: string, criterion: string, example: { input: string; prediction: string; reference: string }): JudgeRequest {
  const definition = CRITERIA[criterion] ?? `How well does the answer meet the criterion "${criterion}"?`;
  return {
    model,
    messages: [
      {
        role: 'system',
        content: 'You are an impartial evaluator of AI answers. Grade the answer on one criterion from 1 (worst) to 5 (best). '
          + 'Reply with a JSON object only: {"grade": <integer 1-5>, "rationale": "<one sentence>"}.',
      },
      {
        role: 'user',
        content: `Criterion: ${criterion}. ${definition}\n\n[Input]\n${example.input || '(none)'}\n\n[Reference answer]\n${example.reference || '(none)'}\n\n[Answer to grade]\n${example.prediction}`,
      },
    ],
  };
}

/** The grade as a score 0..1 and the rationale; an answer that is not the JSON asked for throws, naming what it got. */
export function readVerdict(content: string): { score: number; rationale: string | null } {
  const json = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`the judge did not answer JSON: ${JSON.stringify(content.slice(0, 200))}`);
  }
  const { grade, rationale } = (parsed ?? {}) as { grade?: unknown; rationale?: unknown };
  const g = typeof grade === 'string' ? Number(grade) : grade;
  if (typeof g !== 'number' || !Number.isInteger(g) || g < 1 || g > 5) throw new Error(`the judge's grade is not an integer 1-5: ${JSON.stringify(grade)}`);
  return { score: (g - 1) / 4, rationale: typeof rationale === 'string' ? rationale.slice(0, 5000) : null };
}
