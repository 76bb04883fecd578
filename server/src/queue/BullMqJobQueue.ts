/**
 * JobQueue on Redis with BullMQ (`LOOM_REDIS_URL`): jobs survive restarts and are shared by every
 * worker process. A worker that dies mid-job loses its lock; after `lockMs` another worker's
 * stalled check puts the job back and it runs again (the processor must be idempotent).
 */
import { withTimeout } from '../domain/with-timeout.js';
import { setMaxListeners } from 'node:events';
import { Queue, Worker, UnrecoverableError, WaitingError, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import {
  checkPriority, PermanentJobError, queuePolicies, type AddOptions, type JobProcessor, type JobQueue, type QueueCounts, type QueueName, type QueuePayloads, type QueuePolicies,
  type PolicyOverrides, type WorkOptions,
} from '../domain/ports/JobQueue.js';

export interface BullMqOptions {
  url: string;
  /** Key prefix in Redis (several Looms can share a Redis). */
  prefix?: string;
  /** How long a job's lock lasts without renewal: a dead worker's job runs again after about this long. */
  lockMs?: number;
  /** How often workers look for jobs whose worker died. */
  stalledIntervalMs?: number;
  /** How often a job may be recovered from a dead worker before it fails. */
  maxStalledCount?: number;
  /** Enqueueing waits at most this long for Redis (then fails: the API answers 503). */
  addTimeoutMs?: number;
  /** Overrides of the registry's retry policy and concurrency. */
  policies?: PolicyOverrides;
  onError?: (err: unknown, where: string) => void;
}

interface Running { worker: Worker; connection: Redis; abort: AbortController }

export class BullMqJobQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers = new Map<QueueName, Running>();
  private readonly onError: (err: unknown, where: string) => void;
  private readonly policies: QueuePolicies;

  constructor(private readonly opts: BullMqOptions) {
    this.onError = opts.onError ?? (() => undefined);
    this.policies = queuePolicies(opts.policies);
    this.connection = this.redis('producer', { maxRetriesPerRequest: 2 });
  }

  private redis(where: string, extra: { maxRetriesPerRequest: number | null }): Redis {
    const r = new Redis(this.opts.url, { ...extra, lazyConnect: false });
    r.on('error', (err) => this.onError(err, `redis ${where}`));
    return r;
  }

  private queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.opts.prefix });
      q.on('error', (err) => this.onError(err, `queue ${name}`));
      this.queues.set(name, q);
    }
    return q;
  }

  async add<Q extends QueueName>(queue: Q, jobId: string, data: QueuePayloads[Q], opts: AddOptions = {}): Promise<{ added: boolean }> {
    const policy = this.policies[queue];
    const priority = checkPriority(opts.priority);
    const q = this.queue(queue);
    const work = (async () => {
      // BullMQ ignores an add whose id exists; the look-up only tells the caller which case it was.
      const existing = await q.getJob(jobId);
      await q.add(queue, data, {
        jobId, attempts: policy.attempts, backoff: { type: 'exponential', delay: policy.backoffMs }, ...(priority ? { priority } : {}),
        // Finished jobs leave Redis: their outcome is recorded by the processor (e.g. on the Run node).
        removeOnComplete: true, removeOnFail: true,
      });
      return { added: !existing };
    })();
    return redisTimeout(work, this.opts.addTimeoutMs ?? 5_000, `enqueueing ${queue}`);
  }

  work<Q extends QueueName>(queue: Q, processor: JobProcessor<Q>, opts: WorkOptions<Q> = {}): void {
    if (this.workers.has(queue)) throw new Error(`queue ${queue} already has a worker`);
    const policy = this.policies[queue];
    const abort = new AbortController();
    setMaxListeners(0, abort.signal); // one listener per running job
    const connection = this.redis(`worker ${queue}`, { maxRetriesPerRequest: null });
    const worker = new Worker(queue, async (job: Job, token?: string) => {
      const signal = abort.signal;
      if (signal.aborted) return returnJob(job, token, this.onError);
      const info = { id: String(job.id), queue, attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? policy.attempts };
      try {
        await processor(job.data as QueuePayloads[Q], { ...info, signal });
      } catch (err) {
        if (signal.aborted) return returnJob(job, token, this.onError);
        const error = err instanceof Error ? err : new Error(String(err));
        const permanent = error instanceof PermanentJobError;
        if (permanent || info.attempt >= info.maxAttempts) {
          await opts.onFailed?.(job.data as QueuePayloads[Q], info, error).catch((e) => this.onError(e, `onFailed of ${queue}`));
        }
        throw permanent ? new UnrecoverableError(error.message) : error;
      }
    }, {
      connection, prefix: this.opts.prefix,
      concurrency: opts.concurrency ?? policy.concurrency,
      lockDuration: this.opts.lockMs ?? 30_000,
      stalledInterval: this.opts.stalledIntervalMs ?? 30_000,
      maxStalledCount: this.opts.maxStalledCount ?? 3,
    });
    worker.on('error', (err) => this.onError(err, `worker ${queue}`));
    this.workers.set(queue, { worker, connection, abort });
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const c = await this.queue(queue).getJobCounts('wait', 'prioritized', 'active', 'delayed');
    return { waiting: (c.wait ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0 };
  }

  async ping(): Promise<void> {
    await redisTimeout(this.connection.ping(), 2_000, 'redis ping');
  }

  async stopWorkers(): Promise<void> {
    await Promise.all([...this.workers.values()].map(async ({ worker, connection, abort }) => {
      await worker.pause(true); // take no new job
      abort.abort(); // running jobs return themselves to the queue
      await worker.close(); // waits for them
      connection.disconnect();
    }));
    this.workers.clear();
  }

  async close(): Promise<void> {
    await this.stopWorkers();
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    this.connection.disconnect();
  }
}

/** Shutting down: hand the job back untouched (not a failed attempt). */
async function returnJob(job: Job, token: string | undefined, onError: (err: unknown, where: string) => void): Promise<never> {
  await job.moveToWait(token).catch((e) => onError(e, `returning job ${job.id}`));
  throw new WaitingError();
}

function redisTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return withTimeout(p, ms, () => new Error(`${what} timed out after ${ms} ms (is Redis reachable?)`));
}
