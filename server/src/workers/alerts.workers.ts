/**
 * Alert evaluation: at every multiple of `intervalMs` each worker process enqueues the tick's job
 * (`alerts.evaluate`, id = the tick's number), and one worker evaluates every tenant's rules. Several
 * processes sharing a queue enqueue the same id together, so one of them evaluates the tick.
 * Metrics beside the queue's own (loom_queue_jobs_total and loom_queue_job_duration_seconds for
 * `alerts.evaluate`): alerts fired and resolved, rules that could not be evaluated.
 */
import { Counter, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { JobQueue } from '../domain/ports/JobQueue.js';
import type { AlertService } from '../domain/alerts/alerts.service.js';
import type { WorkerManager } from './worker-manager.js';

export function registerAlertWorkers(manager: WorkerManager, queue: JobQueue, alerts: AlertService, intervalMs: number, registry: Registry, log: Logger): void {
  const transitions = new Counter({ name: 'loom_alerts_total', help: 'Alerts that started firing or resolved, by transition', labelNames: ['transition'], registers: [registry] });
  const errors = new Counter({ name: 'loom_alert_rule_errors_total', help: 'Rule evaluations (or whole tenants) that failed; the rule shows why (lastError)', registers: [registry] });
  manager.register('alerts.evaluate', async () => {
    const s = await alerts.evaluateAll();
    transitions.inc({ transition: 'fired' }, s.fired);
    transitions.inc({ transition: 'resolved' }, s.resolved);
    errors.inc(s.errors);
    if (s.errors) log.warn(s, 'alerts: some rules could not be evaluated (each rule\'s lastError says why); the next tick tries again');
    else if (s.fired || s.resolved) log.info(s, 'alerts evaluated');
  });
  manager.every(intervalMs, async () => {
    const tick = Math.floor(Date.now() / intervalMs);
    await queue.add('alerts.evaluate', `tick-${tick}`, { tick }).catch((err) => log.warn({ err }, 'alerts: could not enqueue an evaluation; the next tick tries again'));
  });
}
