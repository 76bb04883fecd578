/**
 * The demo story beyond the OpenLineage events (see seeds/demo/README.md): experiment runs,
 * the model and prompt registries, the feature store, LLM traces, GPU metrics and alert rules, written through the domain
 * services in dependency order (traces link to the registry versions, so those come first).
 */
import type { Logger } from 'pino';
import type { Services } from '../services.js';
import { seedExperiments } from './experiments.js';
import { seedModels } from './models.js';
import { seedPrompts } from './prompts.js';
import { seedGpuMetrics, seedTraces } from './telemetry.js';
import { seedAlertRules } from './alerts.js';
import { seedReports } from './reports.js';
import { seedFeatures } from './features.js';
import { seedEvaluations } from './evaluations.js';

const PARTS: [string, (services: Services, tenant: string, now: number) => Promise<void>][] = [
  ['experiment churn-training', seedExperiments],
  ['model churn-classifier', (s, t) => seedModels(s, t)],
  ['prompt churn-explainer', (s, t) => seedPrompts(s, t)],
  ['feature group customer_churn_features', seedFeatures],
  ['computed evaluations', (s, t) => seedEvaluations(s, t)],
  ['LLM traces', seedTraces],
  ['GPU metrics', seedGpuMetrics],
  ['alert rules', (s, t) => seedAlertRules(s, t)],
  // Last: a report sums up the parts above.
  ['report schedule', (s, t) => seedReports(s, t)],
];

/** Seeds every part; `now` anchors the recent parts (traces in the last day, the GPU run yesterday). */
export async function seedDemoStory(services: Services, tenant: string, log: Logger, now = Date.now()): Promise<void> {
  for (const [name, seed] of PARTS) {
    const started = performance.now();
    await seed(services, tenant, now);
    log.info({ part: name, ms: Math.round(performance.now() - started) }, 'demo story seeded');
  }
}
