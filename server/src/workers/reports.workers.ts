/**
 * Automated reports: at every multiple of `intervalMs` each worker process enqueues the tick's job
 * (`reports.run`, id = the tick's number), and one worker makes every tenant's reports whose period has
 * ended (ReportService.runDue; a report's id names its period, so none is made twice).
 */
import type { Logger } from 'pino';
import type { JobQueue } from '../domain/ports/JobQueue.js';
import type { ReportService } from '../domain/reports/reports.service.js';
import type { WorkerManager } from './worker-manager.js';

export function registerReportWorkers(manager: WorkerManager, queue: JobQueue, reports: ReportService, intervalMs: number, log: Logger): void {
  manager.register('reports.run', async () => {
    const s = await reports.runDue();
    if (s.errors) log.warn(s, 'reports: some could not be made; the next tick tries again');
    else if (s.reports) log.info(s, 'reports made');
  });
  manager.every(intervalMs, async () => {
    const tick = Math.floor(Date.now() / intervalMs);
    await queue.add('reports.run', `tick-${tick}`, { tick }).catch((err) => log.warn({ err }, 'reports: could not enqueue a run; the next tick tries again'));
  });
}
