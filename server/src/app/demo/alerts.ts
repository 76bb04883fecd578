/**
 * The demo's alert rules: an LLM error rate over the last day (the demo's 30 traces hold 3 failed
 * calls, so it fires at the workers' first evaluation), failed pipeline runs, an idle GPU during a
 * training run, an overheating GPU, and the daily customer features going stale. Written through the alert service as an admin would.
 */
import type { Services } from '../services.js';
import type { AlertRuleInput } from '../../domain/alerts/rules.js';
import { featureGroupId } from '../../domain/features/groups.js';
import { DEMO_FEATURE_GROUP } from './features.js';

export const DEMO_ALERT_RULES: AlertRuleInput[] = [
  {
    name: 'churn-explainer LLM error rate', description: 'More than 5% of the LLM calls of churn-explainer failed over the last day',
    source: 'TRACES', service: 'churn-explainer', measure: 'ERROR_RATE', llmOnly: true, op: 'GT', threshold: 0.05, windowSeconds: 86_400, severity: 'CRITICAL',
  },
  {
    name: 'Idle GPU on a training run', description: 'A GPU under 10% utilisation for 10 minutes: the run waits on data or is stuck',
    source: 'GPU', metric: 'utilization', aggregation: 'AVG', op: 'LT', threshold: 10, windowSeconds: 600, forSeconds: 600, severity: 'WARNING',
  },
  {
    name: 'Failed pipeline runs', description: 'A run of a data pipeline job failed in the last hour (the alert links to the job: its lineage shows what it feeds)',
    source: 'RUNS', measure: 'FAILED_RUNS', op: 'GT', threshold: 0, windowSeconds: 3600, severity: 'WARNING',
  },
  {
    name: 'Customer features not refreshed', description: 'No values of features.customer_churn_features with an event time in the last day: the daily feature pipeline has stopped',
    source: 'FEATURES', measure: 'FEATURE_VALUES', labels: [{ key: 'group', value: featureGroupId(DEMO_FEATURE_GROUP.namespace, DEMO_FEATURE_GROUP.name) }],
    op: 'LT', threshold: 1, windowSeconds: 86_400, alertOnNoData: true, severity: 'WARNING',
  },
  {
    name: 'GPU overheating', source: 'GPU', metric: 'temperature', aggregation: 'MAX', op: 'GT', threshold: 85, windowSeconds: 300, forSeconds: 120, severity: 'CRITICAL',
  },
];

/** Creates the rules the tenant does not have by name yet (seeding again after an interrupted start adds none twice). */
export async function seedAlertRules(services: Services, tenant: string): Promise<void> {
  const have = new Set((await services.alerts.list(tenant)).map((r) => r.name));
  for (const rule of DEMO_ALERT_RULES) if (!have.has(rule.name)) await services.alerts.create({ tenant, role: 'admin', name: 'demo' }, rule);
}
