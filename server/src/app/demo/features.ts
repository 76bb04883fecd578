/**
 * The demo's feature store: the Spark job `churn_feature_builder` of the lineage events writes the Hive
 * table `features.customer_churn_features` (declared a FeatureGroup by its `loom_kind` facet). Here the
 * team defines it as a feature group (entity `customer_id`, its typed features, computed from
 * `analytics.customers_clean`) and loads a daily snapshot of 200 customers for each of the last 7 days,
 * as the feature pipeline's writer would, so the page and the online and point-in-time reads have values,
 * and checks the team's data quality rules on them.
 */
import type { Services } from '../services.js';
import type { FeatureGroupInput } from '../../domain/features/groups.js';
import type { FeatureRowInput } from '../../domain/features/values.js';
import { seeded } from './common.js';
import type { Expectation } from '../../domain/features/expectations.js';

const HIVE = 'hive://metastore.data.internal:9083';
export const DEMO_FEATURE_GROUP = { namespace: HIVE, name: 'features.customer_churn_features' };
const ACTIVITY = { namespace: HIVE, name: 'analytics.customer_daily_activity' };
const CUSTOMERS = 200;
const DAYS = 7;
const DAY = 86_400_000;
const PLANS = ['basic', 'standard', 'premium'] as const;

export const DEMO_FEATURE_DEFINITION: FeatureGroupInput = {
  ...DEMO_FEATURE_GROUP,
  description: 'Daily customer features for churn prediction (Spark churn_feature_builder)',
  entity: 'customer_id', owner: 'team:churn-ml', ttlSeconds: 2 * 86_400,
  source: { namespace: HIVE, name: 'analytics.customers_clean' },
  features: [
    { name: 'tenure_days', type: 'INT64', sourceFields: ['tenure_days'], description: 'Days since sign-up' },
    { name: 'plan_tier', type: 'STRING', sourceFields: ['plan_tier'] },
    { name: 'mrr', type: 'FLOAT64', sourceFields: ['mrr'], description: 'Monthly recurring revenue (USD)' },
    { name: 'is_active', type: 'BOOL', sourceFields: ['is_active'] },
    // Computed from the daily activity table the Airflow DAG builds: a source of their own.
    { name: 'sessions_7d', type: 'INT64', source: ACTIVITY, sourceFields: ['sessions'], transformation: 'sum of daily sessions over 7 days' },
    { name: 'sessions_30d', type: 'INT64', source: ACTIVITY, sourceFields: ['sessions'], transformation: 'sum of daily sessions over 30 days' },
    { name: 'support_tickets_30d', type: 'INT64', source: ACTIVITY, sourceFields: ['support_tickets'], transformation: 'sum of support tickets over 30 days' },
    { name: 'days_since_last_active', type: 'INT64', source: ACTIVITY, sourceFields: ['activity_date'], transformation: 'days from the last activity_date to the snapshot' },
  ],
};

/** The team's data quality rules on the group (all pass on the demo's values). */
export const DEMO_EXPECTATIONS: Expectation[] = [
  { kind: 'NOT_NULL', feature: 'plan_tier' },
  { kind: 'IN_SET', feature: 'plan_tier', values: ['basic', 'standard', 'premium'] },
  { kind: 'BETWEEN', feature: 'mrr', min: 0, max: 500 },
  { kind: 'MEAN_BETWEEN', feature: 'sessions_7d', min: 1, max: 50 },
];

/** Whether demo customer `c` (0-based) is churning: the label the demo's classifier evaluations score against. */
export function demoCustomerChurns(c: number): boolean {
  const rnd = seeded(c + 1);
  rnd(); rnd(); // plan, sign-up
  return rnd() < 0.2;
}

/** One row per customer and day (00:00 UTC of each of the last DAYS days). */
export function demoFeatureRows(now: number): FeatureRowInput[] {
  const today = Math.floor(now / DAY) * DAY;
  const rows: FeatureRowInput[] = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    const rnd = seeded(c + 1);
    const plan = PLANS[Math.floor(rnd() * 3)];
    const signup = 30 + Math.floor(rnd() * 900);
    const engaged = rnd();
    const churning = engaged < 0.2; // as demoCustomerChurns
    const mrr = { basic: 19, standard: 49, premium: 99 }[plan] + Math.round(rnd() * 1000) / 100;
    for (let d = DAYS - 1; d >= 0; d--) {
      const tenure = signup + (DAYS - 1 - d);
      const sessions7 = Math.max(0, Math.round((churning ? 2 + d : 4 + engaged * 20) + rnd() * 3));
      rows.push({
        entityId: String(10_001 + c),
        eventTime: new Date(today - d * DAY),
        values: {
          tenure_days: tenure, plan_tier: plan, mrr,
          is_active: !(churning && d < 2), sessions_7d: sessions7, sessions_30d: sessions7 * 4 + Math.floor(rnd() * 6),
          support_tickets_30d: churning ? 2 + Math.floor(rnd() * 4) : Math.floor(rnd() * 2),
          days_since_last_active: churning ? DAYS - d : Math.floor(rnd() * 2),
        },
      });
    }
  }
  return rows;
}

/**
 * The group's first definition (its version 1, by another member of the team): the customers' own
 * features, served for a day; DEMO_FEATURE_DEFINITION then adds the activity features and serves two
 * days, so the group's definitions page has a change to show.
 */
export const DEMO_FEATURE_FIRST_DEFINITION: FeatureGroupInput = {
  ...DEMO_FEATURE_DEFINITION, ttlSeconds: 86_400,
  features: DEMO_FEATURE_DEFINITION.features.filter((f) => f.name !== 'support_tickets_30d' && f.name !== 'days_since_last_active'),
};

export async function seedFeatures(services: Services, tenant: string, now: number): Promise<void> {
  const actor = { tenant, role: 'editor' as const, name: 'priya.nair' };
  await services.features.define({ ...actor, name: 'marco.bianchi' }, DEMO_FEATURE_FIRST_DEFINITION);
  await services.features.define(actor, DEMO_FEATURE_DEFINITION);
  await services.features.write(actor, { ...DEMO_FEATURE_GROUP, rows: demoFeatureRows(now) });
  await services.features.validate(actor, DEMO_FEATURE_GROUP.namespace, DEMO_FEATURE_GROUP.name, DEMO_EXPECTATIONS);
}
