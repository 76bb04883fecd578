/**
 * Experiment `churn-training`: four XGBoost runs with params, tags, notes, artifacts and curves.
 * The OpenLineage training run of events.ndjson is adopted by its run id (its lineage, dataset →
 * run, is already there); the GPU challenger also reports OpenLineage events, with the `k8s` run
 * facet its GPU series are joined by. Re-running is harmless (adoption and logging are idempotent).
 */
import { readFile } from 'node:fs/promises';
import type { Services } from '../services.js';
import type { KeyValue } from '../../domain/registry/tracking.service.js';
import { spreadTimes, trainingCurves, type CurveSpec } from './curves.js';
import { DEMO_EVENTS, DEMO_EXPERIMENT, GPU_PLACEMENT, HOUR_MS, MIN_MS, people, RUNS } from './common.js';
import { challengerRunEvents } from './lineage-events.js';

interface DemoRun {
  runId: string; name: string; startMs: number; endMs: number; status: 'COMPLETED' | 'FAILED' | null;
  params: Record<string, string>; tags: Record<string, string>; curve: Omit<CurveSpec, 'points' | 'seed'> & { points?: number };
  note?: string;
  /** The model artifact the run wrote (the OpenLineage output's size for the pipeline's runs). */
  model?: { uri: string; bytes: number };
}

const kv = (o: Record<string, string>): KeyValue[] => Object.entries(o).map(([key, value]) => ({ key, value }));
const xgb = (maxDepth: number, eta: number, rounds: number, extra: Record<string, string> = {}) => ({
  max_depth: String(maxDepth), eta: String(eta), n_estimators: String(rounds), objective: 'binary:logistic', eval_metric: 'logloss,auc', ...extra,
});

/** The four runs; the challenger's window is relative to `now` (its GPU series must be recent). */
export function demoRuns(now: number): DemoRun[] {
  const challengerStart = Math.floor((now - 30 * HOUR_MS) / MIN_MS) * MIN_MS;
  return [
    {
      runId: RUNS.baseline, name: 'xgb-baseline-depth4', startMs: Date.parse('2026-02-26T14:05:00Z'), endMs: Date.parse('2026-02-26T14:31:40Z'), status: 'COMPLETED',
      params: xgb(4, 0.3, 200, { subsample: '1.0', tree_method: 'hist' }), tags: { team: 'churn-ml', purpose: 'baseline', data_snapshot: '2026-02-15' },
      curve: { rounds: 200, trainLoss: 0.392, valLoss: 0.418, trainAuc: 0.842, valAuc: 0.814, pace: 0.15 },
      note: 'Baseline on the February CRM snapshot (before the churn_etl pipeline existed).', model: { uri: 's3://models/churn/xgboost/v6', bytes: 9_730_114 },
    },
    {
      runId: RUNS.champion, name: 'xgb-depth6-eta0.1', startMs: Date.parse('2026-03-03T09:30:00.125Z'), endMs: Date.parse('2026-03-03T10:47:22.918Z'), status: null,
      params: xgb(6, 0.1, 400, { subsample: '0.8', colsample_bytree: '0.8', tree_method: 'hist' }), tags: { team: 'churn-ml', purpose: 'weekly-retrain', git_commit: '4f2c9e1' },
      curve: { rounds: 400, trainLoss: 0.305, valLoss: 0.366, trainAuc: 0.903, valAuc: 0.849, pace: 0.18 },
      note: 'Trained by the train_churn_model job on churn/train (OpenLineage run); scored in evaluate_churn_model.', model: { uri: 's3://models/churn/xgboost/v7', bytes: 18_402_331 },
    },
    {
      runId: RUNS.failed, name: 'xgb-depth12-cpu', startMs: Date.parse('2026-03-04T08:15:00Z'), endMs: Date.parse('2026-03-04T08:52:13Z'), status: 'FAILED',
      params: xgb(12, 0.05, 800, { subsample: '0.7', tree_method: 'exact' }), tags: { team: 'churn-ml', purpose: 'depth-sweep' },
      curve: { rounds: 240, points: 18, trainLoss: 0.22, valLoss: 0.35, trainAuc: 0.93, valAuc: 0.83, pace: 0.35 },
      note: 'OOMKilled at round 240 of 800 (32 GiB limit): the exact tree method at depth 12 does not fit. Retry on the GPU pool.',
    },
    {
      runId: RUNS.challenger, name: 'xgb-depth10-gpu', startMs: challengerStart, endMs: challengerStart + 75 * MIN_MS, status: null,
      params: xgb(10, 0.05, 600, { subsample: '0.7', colsample_bytree: '0.7', tree_method: 'hist', device: 'cuda' }),
      tags: { team: 'churn-ml', purpose: 'depth-sweep', accelerator: 'nvidia-a100', k8s_pod: GPU_PLACEMENT.pod },
      curve: { rounds: 600, trainLoss: 0.171, valLoss: 0.352, trainAuc: 0.962, valAuc: 0.838, pace: 0.12, overfitFrom: 0.35, overfit: 0.07 },
      note: 'Deeper trees on 2x A100: best validation loss near round 210, then it overfits (see val_logloss).', model: { uri: 's3://models/churn/xgboost/v8', bytes: 41_877_912 },
    },
  ];
}

export async function seedExperiments(services: Services, tenant: string, now: number): Promise<void> {
  const { tracking } = services.registry;
  const actor = people.scientist(tenant);
  if (!(await tracking.getExperiment(tenant, DEMO_EXPERIMENT))) {
    await tracking.createExperiment(actor, {
      name: DEMO_EXPERIMENT, description: 'Gradient-boosted churn classifier on customer_churn_features: depth and learning-rate sweep.',
      tags: kv({ team: 'churn-ml', objective: 'val_auc' }),
    });
  }
  const runs = demoRuns(now);
  const challenger = runs.find((r) => r.runId === RUNS.challenger)!;
  const story = (await readFile(DEMO_EVENTS, 'utf8')).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  for (const event of challengerRunEvents(story, RUNS.challenger, challenger.startMs, challenger.endMs)) await services.lineageIngest.ingest(tenant, event);
  for (const [i, run] of runs.entries()) await seedRun(services, tenant, run, i + 1);
}

async function seedRun(services: Services, tenant: string, run: DemoRun, seed: number): Promise<void> {
  const { tracking } = services.registry;
  const actor = people.scientist(tenant);
  await tracking.createRun(actor, { experiment: DEMO_EXPERIMENT, runId: run.runId, name: run.name, startTime: new Date(run.startMs), params: kv(run.params), tags: kv(run.tags) });
  const curves = trainingCurves({ points: 50, ...run.curve, seed });
  const times = spreadTimes(curves[0].steps.length, run.startMs, run.endMs);
  await tracking.logBatch(actor, run.runId, { series: curves.map((c) => ({ key: c.key, values: c.values, steps: c.steps, timestampsMs: times })) });
  if (run.note) await tracking.setNote(actor, run.runId, run.note);
  if (run.model) await tracking.logArtifacts(actor, run.runId, [{ path: 'model', uri: run.model.uri, type: 'xgboost', sizeBytes: run.model.bytes }]);
  if (run.status) await tracking.setStatus(actor, run.runId, run.status, new Date(run.endMs));
}
