/**
 * The one wrapper every queue processor runs in: the queue's retry policy (from the registry in
 * domain/ports/JobQueue.ts, applied by the adapter), metrics, logs, a hook for jobs that failed
 * for good, and graceful shutdown (take no new jobs, hand running ones back, then return).
 */
import type { Logger } from 'pino';
import { PermanentJobError, type JobProcessor, type JobQueue, type QueueName, type WorkOptions } from '../domain/ports/JobQueue.js';
import type { QueueMetrics } from './queue-metrics.js';

export class WorkerManager {
  private stopping: Promise<void> | undefined;
  /** Work started beside the queues (recovery at start): stop() waits for it, so it never outlives the stores it reads. */
  private readonly background = new Set<Promise<unknown>>();
  /** Timers started by every(): stop() cancels them and waits for a tick in progress. */
  private readonly timers: { cancel: () => void; running: () => Promise<void> }[] = [];

  constructor(private readonly queue: JobQueue, private readonly metrics: QueueMetrics, private readonly log: Logger) {}

  register<Q extends QueueName>(name: Q, processor: JobProcessor<Q>, opts: WorkOptions<Q> = {}): void {
    const { jobs, duration, active } = this.metrics;
    this.queue.work(name, async (data, job) => {
      const end = duration.startTimer({ queue: name });
      active.inc({ queue: name });
      try {
        await processor(data, job);
        jobs.inc({ queue: name, outcome: 'completed' });
      } catch (err) {
        const outcome = job.signal.aborted ? 'returned' : job.attempt < job.maxAttempts && !(err instanceof PermanentJobError) ? 'retried' : 'failed';
        jobs.inc({ queue: name, outcome });
        if (outcome === 'retried') this.log.warn({ err, queue: name, jobId: job.id, attempt: job.attempt, maxAttempts: job.maxAttempts }, 'job failed; it will be retried');
        throw err;
      } finally {
        active.dec({ queue: name });
        end();
      }
    }, {
      ...opts,
      onFailed: async (data, job, error) => {
        this.log.error({ err: error, queue: name, jobId: job.id, attempt: job.attempt }, 'job failed for good');
        await opts.onFailed?.(data, job, error);
      },
    });
  }

  /** Runs `work` beside the queues; stop() waits for it to settle (its errors are the caller's to handle). */
  runBeside(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => this.background.delete(settled));
    this.background.add(settled);
  }

  /**
   * Calls `tick` at every multiple of `intervalMs` of the wall clock until stop(), so processes sharing
   * a queue tick together (a tick still running is not overlapped: the next boundary after it is).
   */
  every(intervalMs: number, tick: () => Promise<void>): void {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const schedule = () => {
      if (this.stopping) return;
      timer = setTimeout(() => {
        running = tick().finally(schedule);
      }, intervalMs - (Date.now() % intervalMs));
      timer.unref();
    };
    this.timers.push({ cancel: () => clearTimeout(timer), running: () => running });
    schedule();
  }

  /** Graceful shutdown of this process's workers (idempotent). */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const t of this.timers) t.cancel();
      await Promise.all(this.timers.map((t) => t.running()));
      await this.queue.stopWorkers();
      await Promise.all(this.background);
      this.log.info('workers stopped');
    })();
    return this.stopping;
  }
}
