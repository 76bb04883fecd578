/** Prometheus metrics of the job queues and their workers. */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { QUEUE_NAMES, type JobQueue } from '../domain/ports/JobQueue.js';

export function createQueueMetrics(registry: Registry, queue: JobQueue) {
  return {
    jobs: new Counter({
      name: 'loom_queue_jobs_total', help: 'Jobs processed, by queue and outcome (completed, retried, failed, returned at shutdown)',
      labelNames: ['queue', 'outcome'], registers: [registry],
    }),
    duration: new Histogram({
      name: 'loom_queue_job_duration_seconds', help: 'Time a job spent in its processor', labelNames: ['queue'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600, 3600, 86_400], registers: [registry],
    }),
    active: new Gauge({ name: 'loom_queue_jobs_running', help: 'Jobs this process is running', labelNames: ['queue'], registers: [registry] }),
    depth: new Gauge({
      name: 'loom_queue_jobs', help: 'Jobs in the queue by state (waiting, active, delayed), across workers', labelNames: ['queue', 'state'], registers: [registry],
      async collect() {
        for (const q of QUEUE_NAMES) {
          const c = await queue.counts(q).catch(() => null);
          if (c) for (const [state, n] of Object.entries(c)) this.set({ queue: q, state }, n);
        }
      },
    }),
  };
}
export type QueueMetrics = ReturnType<typeof createQueueMetrics>;
