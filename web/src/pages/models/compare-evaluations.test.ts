import { describe, expect, it } from 'vitest';
import { bestIndex, headlineScore, parseSelection } from './compare-evaluations.js';

describe('evaluation comparison helpers', () => {
  it('finds the best value, higher or lower by the metric\'s name', () => {
    expect(bestIndex('rougeL', [0.4, 0.7, null])).toBe(1);
    expect(bestIndex('latency_p50_ms', [420, 380])).toBe(1);
    expect(bestIndex('val_loss', [0.2, 0.3])).toBe(0);
    expect(bestIndex('accuracy', [0.9, 0.9])).toBeNull();
    expect(bestIndex('accuracy', [0.9, null])).toBeNull();
  });
  it('picks the score to show beside a prediction', () => {
    expect(headlineScore({ correct: 1 })).toEqual({ key: 'correct', value: 1 });
    expect(headlineScore({ rougeL: 0.5, 'judge.relevance': 0.2, 'judge.correctness': 1 })).toEqual({ key: 'judge.correctness', value: 1 });
    expect(headlineScore({ rougeL: 0.5, exact_match: 0 })).toEqual({ key: 'rougeL', value: 0.5 });
    expect(headlineScore(null)).toBeNull();
  });
  it('reads the selection from the URL', () => {
    expect(parseSelection('a,b,')).toEqual(['a', 'b']);
    expect(parseSelection(null)).toEqual([]);
  });
});
