import { describe, expect, it } from 'vitest';
import { bleu, classificationMetrics, generationMetrics, rougeL, rougeN, tokenize13a } from './eval-metrics.js';

describe('evaluation metrics', () => {
  it('classification: accuracy and macro precision, recall, F1 (scikit-learn\'s macro average)', () => {
    const r = classificationMetrics([['a', 'a'], ['b', 'a'], ['b', 'b'], ['b', 'b']].map(([prediction, reference]) => ({ prediction, reference })));
    expect(r.metrics.accuracy).toBe(0.75);
    expect(r.metrics.precision_macro).toBeCloseTo((1 + 2 / 3) / 2, 10);
    expect(r.metrics.recall_macro).toBeCloseTo(0.75, 10);
    expect(r.metrics.f1_macro).toBeCloseTo((2 / 3 + 0.8) / 2, 10);
    expect(r.scores.map((s) => s.correct)).toEqual([1, 0, 1, 1]);
  });

  it('tokenises as sacrebleu 13a: punctuation apart, numbers kept whole', () => {
    expect(tokenize13a('The dog bit the man.')).toEqual(['The', 'dog', 'bit', 'the', 'man', '.']);
    expect(tokenize13a('It costs 1,000.50 (really)!')).toEqual(['It', 'costs', '1,000.50', '(', 'really', ')', '!']);
  });

  it('BLEU-4: 1 for identical text, the geometric mean of clipped n-gram precisions otherwise', () => {
    expect(bleu(['The dog bit the man.'], ['The dog bit the man.'])).toBeCloseTo(1, 10);
    // 1-4 gram precisions 5/6, 3/5, 2/4, 1/3; same length, no brevity penalty.
    expect(bleu(['the cat sat on the mat'], ['the cat sat on a mat'])).toBeCloseTo((5 / 6 * 3 / 5 * 2 / 4 * 1 / 3) ** 0.25, 10);
    // Shorter than the reference: every n-gram matches, the brevity penalty exp(1 - 6/4) alone.
    expect(bleu(['the cat sat on'], ['the cat sat on a mat'])).toBeCloseTo(Math.exp(1 - 6 / 4), 10);
    expect(bleu([''], ['x'])).toBe(0);
  });

  it('ROUGE-1, ROUGE-2, ROUGE-L F-measures (rouge-score\'s tokens: lower-case, alphanumerics)', () => {
    expect(rougeN('The cat sat on the mat.', 'the cat sat on a mat', 1)).toBeCloseTo(5 / 6, 10);
    expect(rougeN('the cat sat on the mat', 'the cat sat on a mat', 2)).toBeCloseTo(0.6, 10);
    expect(rougeL('the cat sat on the mat', 'the cat sat on a mat')).toBeCloseTo(5 / 6, 10);
    expect(rougeL('', 'x')).toBe(0);
  });

  it('generation: corpus metrics and per-example scores', () => {
    const r = generationMetrics([{ prediction: 'Paris', reference: ' Paris ' }, { prediction: 'the cat sat on the mat', reference: 'the cat sat on a mat' }]);
    expect(r.metrics.exact_match).toBe(0.5);
    expect(r.scores[0]).toMatchObject({ exact_match: 1, rouge1: 1, rougeL: 1 });
    expect(r.metrics.rouge1).toBeCloseTo((1 + 5 / 6) / 2, 10);
  });
});
