/**
 * The job queue: at-least-once background jobs with idempotent ids. Two adapters: an in-process
 * queue (the embedded default) and BullMQ on Redis (`LOOM_REDIS_URL`); both give the same
 * semantics (server/src/queue/jobqueue.contract.ts runs against each).
 *
 * The queues Loom has, their payloads and their retry policy are declared once here (the typed
 * registry); producers and processors name a queue and get its payload type.
 */

/** Every queue: its payload type. */
export interface QueuePayloads {
  /** Launch one training run and follow it to its end (one job per run, as long as the run). */
  'training.run': { tenant: string; runId: string };
  /** Stop a launched training run (delete the Kubernetes Job, kill the local process). */
  'training.cancel': { tenant: string; runId: string };
  /** One evaluation of every tenant's alert rules (one job per tick: processes sharing a queue evaluate a tick once). */
  'alerts.evaluate': { tick: number };
  /** Make the reports whose period has ended (one job per tick: processes sharing a queue make them once). */
  'reports.run': { tick: number };
  /** Grade an evaluation's examples with the LLM judge (one job per request). */
  'evaluations.judge': { tenant: string; evaluationId: string; requestedAt: string };
  /** Send one event to one webhook or email destination (one job per delivery; its id is the delivery's, the same on every attempt). */
  'webhooks.deliver': { tenant: string; webhookId: string; deliveryId: string; event: string; occurredAt: string; data: Record<string, unknown> };
}
export type QueueName = keyof QueuePayloads;

export interface QueuePolicy {
  /** Attempts before a job fails for good (1 = no retry). */
  attempts: number;
  /** Exponential backoff: the n-th retry waits `backoffMs * 2^(n-1)`. */
  backoffMs: number;
  /** Jobs of this queue one worker process runs at once. */
  concurrency: number;
}

/** The retry policy and concurrency of every queue (config may raise concurrency). */
export const QUEUES: Record<QueueName, QueuePolicy> = {
  // A training job lives as long as its run, mostly waiting on a watch: many at once.
  'training.run': { attempts: 8, backoffMs: 2_000, concurrency: 500 },
  'training.cancel': { attempts: 6, backoffMs: 1_000, concurrency: 10 },
  // A failed tick is not retried: the next one evaluates afresh.
  'alerts.evaluate': { attempts: 1, backoffMs: 1_000, concurrency: 1 },
  // Likewise: a report not made at one tick is made at the next (its period's id says whether it exists).
  'reports.run': { attempts: 1, backoffMs: 1_000, concurrency: 1 },
  // The judge client retries each call; a job retried resumes where it stopped (graded examples are kept).
  'evaluations.judge': { attempts: 3, backoffMs: 5_000, concurrency: 2 },
  // A delivery retries its own POST or email (backoff, Retry-After); the queue runs it again only when its
  // worker stopped or its outcome could not be recorded (receivers de-duplicate on the delivery id).
  'webhooks.deliver': { attempts: 3, backoffMs: 5_000, concurrency: 20 },
};
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/** What a processor knows about the job it runs. */
export interface JobInfo {
  id: string;
  queue: QueueName;
  /** 1 on the first run; retries count up (a job returned at shutdown or recovered from a dead worker keeps its number). */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the worker shuts down: stop, and the job goes back to the queue (not a failed attempt). */
  signal: AbortSignal;
}

export type JobProcessor<Q extends QueueName> = (data: QueuePayloads[Q], job: JobInfo) => Promise<void>;

export interface WorkOptions<Q extends QueueName> {
  concurrency?: number;
  /** Called once when a job has failed for good (attempts used up, or a PermanentJobError). */
  onFailed?: (data: QueuePayloads[Q], job: Omit<JobInfo, 'signal'>, error: Error) => Promise<void>;
}

/** Thrown by a processor when retrying cannot help: the job fails at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface QueueCounts { waiting: number; active: number; delayed: number }

/**
 * `priority`: 1 is taken first, then 2...; jobs of one priority in the order they were added. A job
 * without a priority goes before every prioritized one (BullMQ's order), so a queue's jobs either all
 * have one or none do.
 */
export interface AddOptions { priority?: number }
export const MAX_JOB_PRIORITY = 1000;

/** A job's priority as the adapters order by it: 0 for none, else 1..MAX_JOB_PRIORITY (anything else is a programming error). */
export function checkPriority(priority: number | undefined): number {
  if (priority === undefined) return 0;
  if (!Number.isInteger(priority) || priority < 1 || priority > MAX_JOB_PRIORITY) throw new Error(`job priority must be an integer 1..${MAX_JOB_PRIORITY}, got ${priority}`);
  return priority;
}

export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq';
  /**
   * Enqueue a job under a caller-chosen id. While a job with that id is waiting, delayed or
   * running, adding it again does nothing (`added: false`): a retried request never runs twice.
   */
  add<Q extends QueueName>(queue: Q, jobId: string, data: QueuePayloads[Q], opts?: AddOptions): Promise<{ added: boolean }>;
  /** Start processing a queue in this process (retries with the queue's backoff). */
  work<Q extends QueueName>(queue: Q, processor: JobProcessor<Q>, opts?: WorkOptions<Q>): void;
  counts(queue: QueueName): Promise<QueueCounts>;
  ping(): Promise<void>;
  /**
   * Graceful shutdown of the workers: take no new jobs, abort the running ones (their signal) and
   * wait until each finished or went back to the queue. Producers keep working.
   */
  stopWorkers(): Promise<void>;
  /** Stop workers, then close connections. */
  close(): Promise<void>;
}

/** The registry's policies with overrides (config, tests) applied. */
export type QueuePolicies = Record<QueueName, QueuePolicy>;
export type PolicyOverrides = Partial<Record<QueueName, Partial<QueuePolicy>>>;
export function queuePolicies(overrides: PolicyOverrides = {}): QueuePolicies {
  return Object.fromEntries(QUEUE_NAMES.map((q) => [q, { ...QUEUES[q], ...overrides[q] }])) as QueuePolicies;
}

/** Wait before retry `attempt` (the first retry is attempt 2). */
export function backoffDelay(policy: QueuePolicy, attempt: number): number {
  return policy.backoffMs * 2 ** Math.max(0, attempt - 2);
}
