/**
 * Registered model `churn-classifier`: three versions from the experiment's runs, a promotion gate
 * (holdout AUC >= 0.80 from an evaluation, guarding Production and the `champion` alias), their
 * evaluations, the stage history v1 Production → Archived when v2 is promoted, v3 in Staging, the
 * aliases, and a refused promotion of v3 (its holdout AUC 0.792 fails the gate).
 *
 * The story is told in chapters, one per version; chapter k runs only while version k+1 does not
 * exist, and every step in it is a no-op when already done, so an interrupted seed resumes.
 */
import type { Services } from '../services.js';
import type { Actor } from '../../domain/registry/actor.js';
import type { ModelView } from '../../domain/registry/model-views.js';
import { modelVersionId } from '../../domain/ids.js';
import { LoomError } from '../../domain/errors.js';
import { DEMO_MODEL, OL_EVAL_RUN, people, RUNS, VALIDATION_SET } from './common.js';

export const GATE_AUC = 0.8;

interface Chapter {
  version: number; runId: string; modelUri: string; description: string;
  holdout: { auc: number; f1: number; precision: number; recall: number; logloss: number; evalRun?: string };
  steps: (models: Models, tenant: string) => Promise<void>;
}

type Models = Services['registry']['models'];
const move = (models: Models, who: Actor, version: number, stage: 'Staging' | 'Production', reason: string, archive = false) =>
  models.transition(who, { name: DEMO_MODEL, version, stage, reason, archiveExistingVersions: archive });

const CHAPTERS: Chapter[] = [
  {
    version: 1, runId: RUNS.baseline, modelUri: 's3://models/churn/xgboost/v6', description: 'Baseline, depth 4, February CRM snapshot.',
    holdout: { auc: 0.812, f1: 0.583, precision: 0.641, recall: 0.535, logloss: 0.421 },
    steps: async (models, tenant) => {
      const { lead } = actors(tenant);
      await setGateOnce(models, tenant);
      await move(models, lead, 1, 'Staging', 'baseline ready for shadow scoring');
      await move(models, lead, 1, 'Production', 'first churn model in production');
      await models.setAlias(lead, { name: DEMO_MODEL, alias: 'champion', version: 1, reason: 'first production model' });
    },
  },
  {
    version: 2, runId: RUNS.champion, modelUri: 's3://models/churn/xgboost/v7', description: 'Depth 6, eta 0.1, trained by the train_churn_model pipeline on churn/train.',
    holdout: { auc: 0.847, f1: 0.624, precision: 0.668, recall: 0.586, logloss: 0.368, evalRun: OL_EVAL_RUN },
    steps: async (models, tenant) => {
      const { lead } = actors(tenant);
      await move(models, lead, 2, 'Staging', 'holdout AUC 0.847 vs 0.812');
      await move(models, lead, 2, 'Production', 'beats v1 by 3.5 AUC points on the March holdout', true);
      await models.setAlias(lead, { name: DEMO_MODEL, alias: 'champion', version: 2, reason: 'v2 promoted to Production' });
    },
  },
  {
    version: 3, runId: RUNS.challenger, modelUri: 's3://models/churn/xgboost/v8', description: 'Depth 10 on GPUs; overfits after round ~210.',
    holdout: { auc: 0.792, f1: 0.601, precision: 0.612, recall: 0.590, logloss: 0.402 },
    steps: async (models, tenant) => {
      const { scientist, ci } = actors(tenant);
      await move(models, scientist, 3, 'Staging', 'candidate from the GPU depth sweep');
      await models.setAlias(scientist, { name: DEMO_MODEL, alias: 'challenger', version: 3, reason: 'A/B candidate against the champion' });
      const view = await models.require(tenant, DEMO_MODEL);
      if (!view.events.some((e) => e.outcome === 'REJECTED')) await refusedPromotion(models, ci);
    },
  },
];

const actors = (tenant: string) => ({ scientist: people.scientist(tenant), lead: people.lead(tenant), ci: people.ci(tenant) });

async function setGateOnce(models: Models, tenant: string): Promise<void> {
  if ((await models.require(tenant, DEMO_MODEL)).gates.length) return;
  await models.setGates(people.lead(tenant), {
    name: DEMO_MODEL, reason: 'ML review: no model reaches customers below 0.80 holdout AUC',
    gates: [{ kind: 'METRIC_THRESHOLD', metric: 'auc', source: 'EVALUATION', op: 'GTE', threshold: GATE_AUC, stages: ['Production'], aliases: ['champion'] }],
  });
}

/** The release pipeline tries v3 → Production; the gate refuses it and the refusal is recorded in the history. */
async function refusedPromotion(models: Models, ci: Actor): Promise<void> {
  try {
    await models.transition(ci, { name: DEMO_MODEL, version: 3, stage: 'Production', reason: 'nightly release: challenger has the best train AUC', archiveExistingVersions: true });
  } catch (e) {
    if (e instanceof LoomError && e.code === 'CONFLICT') return;
    throw e;
  }
  throw new Error('demo seed: the promotion gate let version 3 into Production');
}

export async function seedModels(services: Services, tenant: string): Promise<void> {
  const { models } = services.registry;
  if (!(await models.view(tenant, DEMO_MODEL))) {
    await models.createModel(people.scientist(tenant), { name: DEMO_MODEL, description: 'Predicts which customers cancel within 30 days (XGBoost on customer_churn_features).', tags: [{ key: 'team', value: 'churn-ml' }, { key: 'task', value: 'binary-classification' }] });
  }
  for (const chapter of CHAPTERS) {
    const view = await models.require(tenant, DEMO_MODEL);
    if (view.versions.some((v) => v.version === chapter.version + 1)) continue;
    await registerVersion(services, tenant, view, chapter);
    await chapter.steps(models, tenant);
  }
}

async function registerVersion(services: Services, tenant: string, view: ModelView, c: Chapter): Promise<void> {
  const { models, evaluations } = services.registry;
  const scientist = people.scientist(tenant);
  if (!view.versions.some((v) => v.version === c.version)) {
    await models.register(scientist, { name: DEMO_MODEL, version: c.version, runId: c.runId, modelUri: c.modelUri, flavor: 'xgboost', description: c.description, signature: SIGNATURE });
  }
  if ((await evaluations.of(tenant, modelVersionId(DEMO_MODEL, c.version))).length) return;
  const { evalRun, ...metrics } = c.holdout;
  await evaluations.record(people.ci(tenant), {
    name: 'holdout-2026-03', model: { name: DEMO_MODEL, version: c.version }, dataset: VALIDATION_SET, runId: evalRun ?? null,
    metrics: Object.entries(metrics).map(([key, value]) => ({ key, value })),
  });
}

const SIGNATURE = {
  inputs: [
    { name: 'tenure_months', type: 'double' }, { name: 'mrr_usd', type: 'double' }, { name: 'plan_tier', type: 'string' },
    { name: 'sessions_30d', type: 'long' }, { name: 'support_tickets_90d', type: 'long' }, { name: 'days_since_last_login', type: 'long' },
  ],
  outputs: [{ name: 'churn_probability', type: 'double' }],
};
