/**
 * The demo's computed evaluations: `churn-classifier` v2 (Production) and v3 (Staging) scored by
 * `ci/model-release` on the same 200 holdout customers (the feature group's entities; the reference is
 * whether each is churning), as `holdout-2026-03-labels` (CLASSIFICATION). v3 misses more churners,
 * so the side-by-side view shows where the two versions disagree.
 */
import type { Services } from '../services.js';
import { modelVersionId } from '../../domain/ids.js';
import { DEMO_MODEL, people, seeded, VALIDATION_SET } from './common.js';
import { demoCustomerChurns } from './features.js';

export const DEMO_LABEL_EVALUATION = 'holdout-2026-03-labels';
const EVALUATED_AT = '2026-03-05T09:00:00.000Z';
const CUSTOMERS = 200;
/** Per version: how often it misses a churner, and how often it flags a customer who stays. */
const ERRORS: Record<number, { missed: number; falseAlarm: number }> = { 2: { missed: 0.15, falseAlarm: 0.05 }, 3: { missed: 0.35, falseAlarm: 0.08 } };

export async function seedEvaluations(services: Services, tenant: string): Promise<void> {
  const { evaluations } = services.registry;
  for (const [version, err] of Object.entries(ERRORS).map(([v, e]) => [Number(v), e] as const)) {
    const existing = await evaluations.of(tenant, modelVersionId(DEMO_MODEL, version));
    if (existing.some((e) => e.name === DEMO_LABEL_EVALUATION)) continue;
    const rnd = seeded(1000 + version);
    const examples = Array.from({ length: CUSTOMERS }, (_, c) => {
      const churns = demoCustomerChurns(c);
      const wrong = rnd() < (churns ? err.missed : err.falseAlarm);
      const reference = churns ? 'churn' : 'stay';
      return { id: String(10_001 + c), reference, prediction: wrong ? (churns ? 'stay' : 'churn') : reference };
    });
    await evaluations.evaluate(people.ci(tenant), { name: DEMO_LABEL_EVALUATION, model: { name: DEMO_MODEL, version }, dataset: VALIDATION_SET, task: 'CLASSIFICATION', examples, evaluatedAt: EVALUATED_AT });
  }
}
