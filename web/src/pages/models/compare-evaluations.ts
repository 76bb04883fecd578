/** Pure helpers of the evaluation comparison. */

/** Metrics where lower is better (by name); all others: higher is better. */
const LOWER_IS_BETTER = /(loss|error|latency|_ms$|cost|perplexity)/i;

/** The index of the best value of a metric across evaluations (null when fewer than two values or all equal). */
export function bestIndex(key: string, values: readonly (number | null)[]): number | null {
  const present = values.map((v, i) => [v, i] as const).filter((x): x is readonly [number, number] => x[0] !== null);
  if (present.length < 2 || present.every(([v]) => v === present[0][0])) return null;
  const lower = LOWER_IS_BETTER.test(key);
  return present.reduce((best, x) => ((lower ? x[0] < best[0] : x[0] > best[0]) ? x : best))[1];
}

/** The score shown beside a prediction: correctness for classification, else an LLM judgement if any, else ROUGE-L. */
export function headlineScore(scores: Record<string, unknown> | null): { key: string; value: number } | null {
  if (!scores) return null;
  const judge = Object.keys(scores).filter((k) => k.startsWith('judge.')).sort()[0];
  const key = ['correct', judge, 'rougeL'].find((k) => k && typeof scores[k] === 'number');
  return key ? { key, value: scores[key] as number } : null;
}

/** The selection kept in the URL: `compare=<id>,<id>`. */
export const parseSelection = (param: string | null): string[] => (param ? param.split(',').filter(Boolean) : []);
