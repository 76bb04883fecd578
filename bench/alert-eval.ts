/**
 * One alert rule's evaluation, timed: the whole of AlertService.evaluateTenant (the rule's ClickHouse
 * read, its open alerts, one graph write updating them) against the rule's read alone on the raw
 * engine, alternating. The tenant's other rules (the demo's) are deleted first.
 */
import type { Emit } from './run.js';
import { pct } from './stats.js';
import type { AlertService } from '../server/src/domain/alerts/alerts.service.js';
import type { AlertRuleInput } from '../server/src/domain/alerts/rules.js';
import type { Analytics } from '../server/src/domain/ports/Analytics.js';
import { signalQuery } from '../server/src/domain/alerts/queries.js';
import { msToNs } from '../server/src/domain/telemetry/metrics-range.js';

export async function alertEvaluationBench(
  alerts: AlertService, analytics: Analytics, rule: AlertRuleInput, o: { bench: string; series: number; n: number; times: number; nowMs?: number }, emit: Emit,
): Promise<void> {
  const actor = { tenant: 'demo', role: 'admin' as const, name: 'bench' };
  for (const r of await alerts.list('demo')) await alerts.delete(actor, r.id);
  const created = await alerts.create(actor, rule);
  const first = await alerts.evaluateTenant('demo');
  if (first.series !== o.series || first.errors) throw new Error(`${o.bench}: the rule read ${first.series} series (expected ${o.series}), ${first.errors} errors`);
  const evals: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < o.times; i++) {
    const now = o.nowMs ?? Date.now();
    const q = signalQuery(created, msToNs(now - created.windowSeconds * 1000), msToNs(now), 501);
    let t = performance.now();
    await analytics.query('demo', q.sql, q.params);
    raw.push(performance.now() - t);
    t = performance.now();
    await alerts.evaluateTenant('demo');
    evals.push(performance.now() - t);
  }
  await alerts.delete(actor, created.id);
  emit({ bench: o.bench, metric: 'p50_ms', value: pct(evals, 50), raw_engine: pct(raw, 50), n: o.n });
  emit({ bench: o.bench, metric: 'p99_ms', value: pct(evals, 99), raw_engine: pct(raw, 99), n: o.n });
}
