/**
 * The embedded default JobQueue: jobs live in this process's memory. Same semantics as the BullMQ
 * adapter (idempotent ids while a job is queued or running, per-queue attempts with exponential
 * backoff, concurrency, permanent failures, graceful stop that returns running jobs); not durable:
 * after a restart, owners re-enqueue what they still need (the training runner does at start).
 */
import { setMaxListeners } from 'node:events';
import {
  backoffDelay, checkPriority, PermanentJobError, queuePolicies, type AddOptions, type JobProcessor, type JobQueue, type QueueCounts, type QueueName, type QueuePayloads, type QueuePolicies,
  type PolicyOverrides, type WorkOptions,
} from '../domain/ports/JobQueue.js';

interface Entry { id: string; queue: QueueName; data: unknown; attempt: number; state: 'waiting' | 'delayed' | 'active'; priority: number; timer?: NodeJS.Timeout }
interface Worker { processor: JobProcessor<QueueName>; opts: WorkOptions<QueueName>; concurrency: number; active: number }

export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly jobs = new Map<string, Entry>();
  private readonly waiting = new Map<QueueName, Entry[]>();
  private readonly workers = new Map<QueueName, Worker>();
  private readonly running = new Set<Promise<void>>();
  private abort = abortController();
  private stopping = false;

  private readonly policies: QueuePolicies;
  private readonly onError: (err: unknown, where: string) => void;

  constructor(opts: { policies?: PolicyOverrides; onError?: (err: unknown, where: string) => void } = {}) {
    this.policies = queuePolicies(opts.policies);
    this.onError = opts.onError ?? (() => undefined);
  }

  async add<Q extends QueueName>(queue: Q, jobId: string, data: QueuePayloads[Q], opts: AddOptions = {}): Promise<{ added: boolean }> {
    const key = `${queue}\u0000${jobId}`;
    if (this.jobs.has(key)) return { added: false };
    const entry: Entry = { id: jobId, queue, data, attempt: 1, state: 'waiting', priority: checkPriority(opts.priority) };
    this.jobs.set(key, entry);
    this.enqueue(entry);
    return { added: true };
  }

  work<Q extends QueueName>(queue: Q, processor: JobProcessor<Q>, opts: WorkOptions<Q> = {}): void {
    if (this.workers.has(queue)) throw new Error(`queue ${queue} already has a worker`);
    this.stopping = false;
    if (this.abort.signal.aborted) this.abort = abortController();
    this.workers.set(queue, {
      processor: processor as JobProcessor<QueueName>, opts: opts as WorkOptions<QueueName>,
      concurrency: opts.concurrency ?? this.policies[queue].concurrency, active: 0,
    });
    this.pump(queue);
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const c = { waiting: 0, active: 0, delayed: 0 };
    for (const e of this.jobs.values()) if (e.queue === queue) c[e.state]++;
    return c;
  }

  async ping(): Promise<void> {}

  async stopWorkers(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    await Promise.allSettled([...this.running]);
    for (const e of this.jobs.values()) if (e.timer) clearTimeout(e.timer);
    this.workers.clear();
  }

  async close(): Promise<void> {
    await this.stopWorkers();
  }

  private enqueue(e: Entry): void {
    e.state = 'waiting';
    const list = this.waiting.get(e.queue) ?? [];
    // After every job of its priority or a more urgent one (none: 0, before all prioritized ones).
    const at = list.findIndex((x) => x.priority > e.priority);
    list.splice(at < 0 ? list.length : at, 0, e);
    this.waiting.set(e.queue, list);
    this.pump(e.queue);
  }

  private pump(queue: QueueName): void {
    const w = this.workers.get(queue);
    const list = this.waiting.get(queue);
    while (w && list?.length && !this.stopping && w.active < w.concurrency) {
      const e = list.shift()!;
      w.active++;
      const p = this.execute(w, e).finally(() => {
        w.active--;
        this.running.delete(p);
        this.pump(queue);
      });
      this.running.add(p);
    }
  }

  private async execute(w: Worker, e: Entry): Promise<void> {
    e.state = 'active';
    const policy = this.policies[e.queue];
    const signal = this.abort.signal;
    const info = { id: e.id, queue: e.queue, attempt: e.attempt, maxAttempts: policy.attempts };
    try {
      await w.processor(e.data as never, { ...info, signal });
      this.jobs.delete(`${e.queue}\u0000${e.id}`);
    } catch (err) {
      if (signal.aborted) {
        // Shutting down: the job goes back to the queue, its attempt not used.
        (this.waiting.get(e.queue) ?? []).unshift(e);
        e.state = 'waiting';
        return;
      }
      const error = err instanceof Error ? err : new Error(String(err));
      if (error instanceof PermanentJobError || e.attempt >= policy.attempts) {
        this.jobs.delete(`${e.queue}\u0000${e.id}`);
        await w.opts.onFailed?.(e.data as never, info, error).catch((hookErr) => this.onError(hookErr, `onFailed of ${e.queue}`));
        return;
      }
      e.attempt++;
      e.state = 'delayed';
      e.timer = setTimeout(() => { e.timer = undefined; this.enqueue(e); }, backoffDelay(policy, e.attempt));
    }
  }
}

/** One signal for every running job: as many listeners as jobs. */
function abortController(): AbortController {
  const c = new AbortController();
  setMaxListeners(0, c.signal);
  return c;
}
