/**
 * The demo's computed evaluations: `churn-classifier` v2 (Production) and v3 (Staging) scored by
 * `ci/model-release` on the same 200 holdout customers (the feature group's entities; the reference is
 * whether each is churning), as `holdout-2026-03-labels` (CLASSIFICATION). v3 misses more churners,
 * so the side-by-side view shows where the two versions disagree. And `churn-explainer` v2 (production)
 * and v3 (staging) scored on the same 8 golden explanations, `explainer-golden-set` (GENERATION, with a
 * reviewer's relevance judgements): v3's answers follow the references more closely.
 */
import type { Services } from '../services.js';
import { modelVersionId, promptVersionId } from '../../domain/ids.js';
import { DEMO_MODEL, DEMO_PROMPT, people, seeded, VALIDATION_SET } from './common.js';
import { demoCustomerChurns } from './features.js';

export const DEMO_LABEL_EVALUATION = 'holdout-2026-03-labels';
const EVALUATED_AT = '2026-03-05T09:00:00.000Z';
const CUSTOMERS = 200;
/** Per version: how often it misses a churner, and how often it flags a customer who stays. */
const ERRORS: Record<number, { missed: number; falseAlarm: number }> = { 2: { missed: 0.15, falseAlarm: 0.05 }, 3: { missed: 0.35, falseAlarm: 0.08 } };

export const DEMO_GOLDEN_SET = 'explainer-golden-set';
const GOLDEN: { id: string; input: string; reference: string; v2: string; v3: string; relevance: [number, number] }[] = [
  { id: 'g1', input: 'customer 10013, score 0.91, tickets 4, sessions falling', reference: 'High churn risk: support tickets rose to 4 while weekly sessions fell. Offer a support call.', v2: 'This customer may churn because of support tickets.', v3: 'High churn risk: 4 support tickets and falling sessions. Offer a support call.', relevance: [0.5, 1] },
  { id: 'g2', input: 'customer 10018, score 0.12, premium, active daily', reference: 'Low churn risk: a premium customer active every day. No action needed.', v2: 'Low churn risk: premium and active every day. No action needed.', v3: 'Low churn risk: a premium customer active every day. No action needed.', relevance: [1, 1] },
  { id: 'g3', input: 'customer 10031, score 0.77, inactive 5 days', reference: 'High churn risk: inactive for 5 days. Send a re-engagement email.', v2: 'The customer is inactive.', v3: 'High churn risk: inactive for 5 days. Send a re-engagement email.', relevance: [0.25, 1] },
  { id: 'g4', input: 'customer 10034, score 0.64, basic plan, price complaint', reference: 'Medium churn risk: a price complaint on the basic plan. Offer a discount.', v2: 'Medium churn risk because of a price complaint. Offer a discount.', v3: 'Medium churn risk: price complaint on the basic plan. Offer a 10% discount.', relevance: [0.75, 1] },
  { id: 'g5', input: 'customer 10052, score 0.08, tenure 900 days', reference: 'Low churn risk: a long-standing customer. No action needed.', v2: 'Low churn risk: a long-standing customer. No action needed.', v3: 'Low churn risk: loyal for 900 days. No action needed.', relevance: [1, 1] },
  { id: 'g6', input: 'customer 10077, score 0.88, two failed payments', reference: 'High churn risk: two failed payments. Ask them to update their card.', v2: 'High churn risk. Contact the customer.', v3: 'High churn risk: two failed payments. Ask them to update their card.', relevance: [0.5, 1] },
  { id: 'g7', input: 'customer 10090, score 0.45, standard plan, fewer sessions', reference: 'Medium churn risk: sessions are down on the standard plan. Suggest a feature tour.', v2: 'Medium churn risk: fewer sessions. Suggest a feature tour.', v3: 'Medium churn risk: sessions down. Suggest a tour of new features.', relevance: [0.75, 0.75] },
  { id: 'g8', input: 'customer 10101, score 0.95, cancellation page visited', reference: 'Very high churn risk: they visited the cancellation page. Call them today.', v2: 'Very high churn risk: they visited the cancellation page. Call them today.', v3: 'Very high churn risk: cancellation page visited. Call them today.', relevance: [1, 1] },
];

export async function seedEvaluations(services: Services, tenant: string): Promise<void> {
  await seedModelEvaluations(services, tenant);
  await seedPromptEvaluations(services, tenant);
}

async function seedPromptEvaluations(services: Services, tenant: string): Promise<void> {
  const { evaluations } = services.registry;
  for (const [version, key] of [[2, 'v2'], [3, 'v3']] as const) {
    if ((await evaluations.of(tenant, promptVersionId(DEMO_PROMPT, version))).some((e) => e.name === DEMO_GOLDEN_SET)) continue;
    await evaluations.evaluate(people.ci(tenant), {
      name: DEMO_GOLDEN_SET, prompt: { name: DEMO_PROMPT, version }, task: 'GENERATION', evaluatedAt: EVALUATED_AT,
      examples: GOLDEN.map((g) => ({ id: g.id, input: g.input, reference: g.reference, prediction: g[key] })),
      judgements: GOLDEN.map((g) => ({ exampleId: g.id, criterion: 'relevance', score: g.relevance[version - 2], judge: 'priya.nair (review)' })),
    });
  }
}

async function seedModelEvaluations(services: Services, tenant: string): Promise<void> {
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
