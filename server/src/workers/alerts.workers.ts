/**
 * Alert evaluation: every `intervalMs` each worker process enqueues the tick's job
 * (`alerts.evaluate`, id = the tick's number), and one worker evaluates every tenant's rules. Several
 * processes sharing a queue enqueue the same id, so a tick is evaluated once while its job waits or
 * runs; their clocks differ by less than a tick in any sane deployment.
 */
import type { Logger } from 'pino';
import type { JobQueue } from '../domain/ports/JobQueue.js';
import type { AlertService } from '../domain/alerts/alerts.service.js';
import type { WorkerManager } from './worker-manager.js';

export function registerAlertWorkers(manager: WorkerManager, queue: JobQueue, alerts: AlertService, intervalMs: number, log: Logger): void {
  manager.register('alerts.evaluate', async () => {
    const s = await alerts.evaluateAll();
    if (s.fired || s.resolved || s.errors) log.info(s, 'alerts evaluated');
  });
  manager.every(intervalMs, async () => {
    const tick = Math.floor(Date.now() / intervalMs);
    await queue.add('alerts.evaluate', `tick-${tick}`, { tick }).catch((err) => log.warn({ err }, 'alerts: could not enqueue an evaluation; the next tick tries again'));
  });
}
