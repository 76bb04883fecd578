import { describe, expect, it } from 'vitest';
import { spreadTimes, trainingCurves, type CurveSpec } from './curves.js';

const base: CurveSpec = { rounds: 400, points: 50, trainLoss: 0.31, valLoss: 0.37, trainAuc: 0.9, valAuc: 0.85, pace: 0.2, seed: 7 };
const byKey = (spec: CurveSpec) => Object.fromEntries(trainingCurves(spec).map((s) => [s.key, s]));

describe('trainingCurves', () => {
  it('gives four series of `points` points on increasing steps ending at the last round', () => {
    const curves = trainingCurves(base);
    expect(curves.map((c) => c.key)).toEqual(['train_logloss', 'val_logloss', 'train_auc', 'val_auc']);
    for (const c of curves) {
      expect(c.values).toHaveLength(50);
      expect(c.steps[0]).toBe(8);
      expect(c.steps.at(-1)).toBe(400);
      expect(c.steps.every((s, i) => i === 0 || s > c.steps[i - 1])).toBe(true);
    }
  });

  it('falls in loss and rises in AUC towards the given floors and ceilings', () => {
    const c = byKey(base);
    expect(c.train_logloss.values[0]).toBeGreaterThan(0.6);
    expect(c.train_logloss.values.at(-1)).toBeCloseTo(0.31, 1);
    expect(c.val_auc.values[0]).toBeLessThan(0.7);
    expect(c.val_auc.values.at(-1)).toBeCloseTo(0.85, 1);
    expect(c.val_logloss.values.at(-1)!).toBeGreaterThan(c.train_logloss.values.at(-1)!);
  });

  it('turns validation back after overfitFrom while training keeps improving', () => {
    const c = byKey({ ...base, overfitFrom: 0.4, overfit: 0.08 });
    const best = Math.min(...c.val_logloss.values);
    expect(c.val_logloss.values.at(-1)! - best).toBeGreaterThan(0.05);
    expect(Math.max(...c.val_auc.values) - c.val_auc.values.at(-1)!).toBeGreaterThan(0.02);
    expect(c.train_logloss.values.at(-1)).toBeLessThan(c.train_logloss.values[25]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(trainingCurves(base)).toEqual(trainingCurves(base));
    expect(trainingCurves({ ...base, seed: 8 })[0].values).not.toEqual(trainingCurves(base)[0].values);
  });
});

describe('spreadTimes', () => {
  it('spreads points strictly inside the window', () => {
    expect(spreadTimes(3, 0, 400)).toEqual([100, 200, 300]);
  });
});
