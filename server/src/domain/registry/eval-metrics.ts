/**
 * Evaluation metrics computed from predictions and references (pure), as the reference tools compute them:
 * - classification: accuracy; precision, recall and F1 per label and macro-averaged over the labels
 *   seen in references or predictions (scikit-learn's `average="macro"`, 0 where undefined);
 * - generation: exact match (after trimming); corpus BLEU-4 as sacrebleu's `corpus_bleu` defaults
 *   (13a tokenisation, case-sensitive, `exp` smoothing), reported 0..1; ROUGE-1, ROUGE-2 and ROUGE-L
 *   F-measures as Google's `rouge-score` (lower-cased, non-alphanumerics as spaces, no stemming),
 *   averaged over examples.
 * Per example: `correct` (classification), or `exact_match`, `rouge1`, `rouge2`, `rougeL`, `bleu`
 * (sentence BLEU with the same smoothing).
 */

import type { Example as CheckedExample } from './eval-examples.js';

/** What the metrics read of an example. */
export type Example = Pick<CheckedExample, 'prediction' | 'reference'>;

export interface Computed {
  /** Metric key → value (0..1). */
  metrics: Record<string, number>;
  /** Per example, aligned with the input: score key → value. */
  scores: Record<string, number>[];
}

export function classificationMetrics(examples: readonly Example[]): Computed {
  const labels = [...new Set(examples.flatMap((e) => [e.reference, e.prediction]))].sort();
  const scores = examples.map((e) => ({ correct: e.prediction === e.reference ? 1 : 0 }));
  const metrics: Record<string, number> = { accuracy: mean(scores.map((s) => s.correct)) };
  let p = 0; let r = 0; let f = 0;
  for (const label of labels) {
    const tp = examples.filter((e) => e.prediction === label && e.reference === label).length;
    const predicted = examples.filter((e) => e.prediction === label).length;
    const actual = examples.filter((e) => e.reference === label).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    p += precision; r += recall; f += f1;
  }
  metrics.precision_macro = labels.length ? p / labels.length : 0;
  metrics.recall_macro = labels.length ? r / labels.length : 0;
  metrics.f1_macro = labels.length ? f / labels.length : 0;
  return { metrics, scores };
}

export function generationMetrics(examples: readonly Example[]): Computed {
  const scores = examples.map((e) => {
    const r1 = rougeN(e.prediction, e.reference, 1);
    const r2 = rougeN(e.prediction, e.reference, 2);
    return {
      exact_match: e.prediction.trim() === e.reference.trim() ? 1 : 0,
      rouge1: r1, rouge2: r2, rougeL: rougeL(e.prediction, e.reference),
      bleu: bleu([e.prediction], [e.reference]),
    };
  });
  return {
    metrics: {
      exact_match: mean(scores.map((s) => s.exact_match)),
      bleu: bleu(examples.map((e) => e.prediction), examples.map((e) => e.reference)),
      rouge1: mean(scores.map((s) => s.rouge1)), rouge2: mean(scores.map((s) => s.rouge2)), rougeL: mean(scores.map((s) => s.rougeL)),
    },
    scores,
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** sacrebleu's 13a tokeniser (mteval-v13a): punctuation split from words, digits' separators kept. */
export function tokenize13a(text: string): string[] {
  let s = ` ${text} `;
  s = s.replace(/<skipped>/g, '').replace(/-\n/g, '').replace(/\n/g, ' ');
  s = s.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  s = s.replace(/([{-~[-` -&(-+:-@/])/g, ' $1 ');
  s = s.replace(/([^0-9])([.,])/g, '$1 $2 ');
  s = s.replace(/([.,])([^0-9])/g, ' $1 $2');
  s = s.replace(/([0-9])(-)/g, '$1 $2 ');
  return s.split(/\s+/).filter(Boolean);
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join('\u0001');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Corpus BLEU-4 of hypotheses against one reference each (sacrebleu's defaults), 0..1. */
export function bleu(hypotheses: readonly string[], references: readonly string[]): number {
  const correct = [0, 0, 0, 0];
  const total = [0, 0, 0, 0];
  let sysLen = 0; let refLen = 0;
  hypotheses.forEach((h, i) => {
    const hyp = tokenize13a(h);
    const ref = tokenize13a(references[i]);
    sysLen += hyp.length; refLen += ref.length;
    for (let n = 1; n <= 4; n++) {
      const hg = ngrams(hyp, n);
      const rg = ngrams(ref, n);
      for (const [g, c] of hg) correct[n - 1] += Math.min(c, rg.get(g) ?? 0);
      total[n - 1] += Math.max(0, hyp.length - n + 1);
    }
  });
  if (sysLen === 0) return 0;
  let smooth = 1;
  let logSum = 0;
  for (let n = 0; n < 4; n++) {
    if (total[n] === 0) return 0;
    let p: number;
    if (correct[n] === 0) {
      smooth *= 2;
      p = 1 / (smooth * total[n]);
    } else p = correct[n] / total[n];
    logSum += Math.log(p);
  }
  const bp = sysLen < refLen ? Math.exp(1 - refLen / sysLen) : 1;
  return bp * Math.exp(logSum / 4);
}

/** rouge-score's default tokeniser: lower-case, anything but a-z and 0-9 is a separator. */
export function rougeTokens(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
}

function fMeasure(overlap: number, predicted: number, reference: number): number {
  const precision = predicted ? overlap / predicted : 0;
  const recall = reference ? overlap / reference : 0;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

export function rougeN(prediction: string, reference: string, n: number): number {
  const p = ngrams(rougeTokens(prediction), n);
  const r = ngrams(rougeTokens(reference), n);
  let overlap = 0;
  for (const [g, c] of p) overlap += Math.min(c, r.get(g) ?? 0);
  const count = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return fMeasure(overlap, count(p), count(r));
}

export function rougeL(prediction: string, reference: string): number {
  const p = rougeTokens(prediction);
  const r = rougeTokens(reference);
  return fMeasure(lcs(p, r), p.length, r.length);
}

/** Length of the longest common subsequence (two rows of the table). */
function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    prev = row;
  }
  return prev[b.length];
}
