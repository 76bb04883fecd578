/**
 * Believable XGBoost training curves (pure): logloss falling from ln 2 towards a floor, AUC rising
 * from chance towards a ceiling, small seeded noise, and — for a model that overfits — a validation
 * loss that turns back up and an AUC that sags after its best round.
 */
import { round, seeded } from './common.js';

export interface CurveSpec {
  /** Boosting rounds the run reached (steps run 1..rounds, one point per `rounds / points`). */
  rounds: number;
  points: number;
  /** Floors and ceilings at the last round (before any overfitting). */
  trainLoss: number; valLoss: number; trainAuc: number; valAuc: number;
  /** How fast it converges: the fraction of the rounds after which ~63% of the gain is made. */
  pace: number;
  /** From this fraction of the rounds, validation worsens by up to `overfit` (loss up, AUC down by half as much). */
  overfitFrom?: number; overfit?: number;
  seed: number;
}

export interface Series { key: string; steps: number[]; values: number[] }

const CHANCE_LOSS = Math.log(2);
const CHANCE_AUC = 0.5;

export function trainingCurves(spec: CurveSpec): Series[] {
  const noise = seeded(spec.seed);
  const jitter = (scale: number) => (noise() - 0.5) * 2 * scale;
  const steps = Array.from({ length: spec.points }, (_, i) => Math.max(1, Math.round(((i + 1) * spec.rounds) / spec.points)));
  const progress = steps.map((s) => 1 - Math.exp(-s / (spec.pace * spec.rounds)));
  const drift = steps.map((s) => {
    const from = (spec.overfitFrom ?? 1) * spec.rounds;
    return s <= from ? 0 : (spec.overfit ?? 0) * ((s - from) / (spec.rounds - from || 1)) ** 1.5;
  });
  const falling = (floor: number, i: number, extra = 0) => round(floor + (CHANCE_LOSS - floor) * (1 - progress[i]) + extra + jitter(0.004));
  const rising = (ceiling: number, i: number, extra = 0) => round(Math.min(0.999, CHANCE_AUC + 0.08 + (ceiling - CHANCE_AUC - 0.08) * progress[i] - extra + jitter(0.002)));
  return [
    { key: 'train_logloss', steps, values: steps.map((_, i) => falling(spec.trainLoss, i)) },
    { key: 'val_logloss', steps, values: steps.map((_, i) => falling(spec.valLoss, i, drift[i])) },
    { key: 'train_auc', steps, values: steps.map((_, i) => rising(spec.trainAuc, i)) },
    { key: 'val_auc', steps, values: steps.map((_, i) => rising(spec.valAuc, i, drift[i] / 2)) },
  ];
}

/** Point times spread evenly over a run's window (first point one interval after the start). */
export function spreadTimes(count: number, startMs: number, endMs: number): number[] {
  const every = (endMs - startMs) / (count + 1);
  return Array.from({ length: count }, (_, i) => Math.round(startMs + (i + 1) * every));
}
