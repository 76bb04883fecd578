/**
 * A run's state from its Job and pods, as the Kubernetes API reports them. Pure.
 *
 * Job conditions decide the end: Complete → SUCCEEDED; Failed → FAILED with the cause (OOMKilled
 * or the container's reason when the last attempt says so, else the Job's: DeadlineExceeded,
 * BackoffLimitExceeded). Before that the newest pod tells: a running container → RUNNING; a
 * failed attempt with retries left → RUNNING (Retrying); waiting (ImagePullBackOff,
 * ContainerCreating...), unschedulable or pending → QUEUED with that reason.
 * A run of several workers (an Indexed Job) is RUNNING once every worker's newest pod runs (or has
 * finished), Retrying while one is being retried, and until then QUEUED with the reason of the first
 * worker that does not run yet (the message says which, and how many run).
 */
import type { TrainingState } from '../../domain/ports/TrainingLauncher.js';
import { COMPLETION_INDEX, CONTAINER, KUEUE_QUEUE_LABEL } from './names.js';

type Time = string | Date | undefined | null;
interface Condition { type?: string; status?: string; reason?: string; message?: string; lastTransitionTime?: Time }
interface ContainerState { waiting?: { reason?: string; message?: string }; running?: { startedAt?: Time }; terminated?: { exitCode?: number; reason?: string; message?: string; finishedAt?: Time } }
export interface KJob { metadata?: { name?: string; uid?: string; resourceVersion?: string; creationTimestamp?: Time; labels?: Record<string, string> }; spec?: { suspend?: boolean }; status?: { conditions?: Condition[]; startTime?: Time; completionTime?: Time } }
export interface KPod { metadata?: { name?: string; resourceVersion?: string; creationTimestamp?: Time; labels?: Record<string, string>; annotations?: Record<string, string> }; status?: { phase?: string; conditions?: Condition[]; containerStatuses?: { name?: string; state?: ContainerState; lastState?: ContainerState }[] } }

export interface K8sState { state: TrainingState; reason: string; message: string | null; at: string }

/** Waiting reasons that mean the image cannot be pulled. */
export const IMAGE_PULL_ERRORS = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
/** Of those, the ones retrying cannot fix. */
export const FATAL_IMAGE_ERRORS = new Set(['InvalidImageName', 'ErrImageNeverPull']);

export const iso = (t: Time, fallback: string): string => (t ? new Date(t).toISOString() : fallback);

const created = (p: KPod) => (p.metadata?.creationTimestamp ? new Date(p.metadata.creationTimestamp).getTime() : 0);

/** The run's pods, oldest first (one per attempt). */
export function byCreation(pods: KPod[]): KPod[] {
  return [...pods].sort((a, b) => created(a) - created(b) || String(a.metadata?.name).localeCompare(String(b.metadata?.name)));
}

/** The worker a pod runs: its Indexed Job completion index (0 in a Job of one pod). */
export function podIndex(p: KPod): number {
  const n = Number(p.metadata?.annotations?.[COMPLETION_INDEX] ?? p.metadata?.labels?.[COMPLETION_INDEX] ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

function container(p: KPod) {
  const list = p.status?.containerStatuses ?? [];
  return list.find((c) => c.name === CONTAINER) ?? list[0];
}

/** How an attempt ended, from the newest pod that has a terminated container. */
function lastTermination(pods: KPod[]): { reason: string; message: string; pod: KPod } | null {
  for (const p of byCreation(pods).reverse()) {
    const c = container(p);
    const t = c?.state?.terminated ?? c?.lastState?.terminated;
    if (t && (t.exitCode ?? 0) !== 0) {
      const reason = t.reason ?? 'Error';
      return { pod: p, reason, message: reason === 'OOMKilled' ? `container ${CONTAINER} ran out of memory (exit code ${t.exitCode ?? 137})` : `exit code ${t.exitCode}${t.message ? `: ${t.message}` : ''}` };
    }
  }
  return null;
}

export function runState(job: KJob, pods: KPod[], now: string, workers = 1): K8sState {
  const cond = (type: string) => job.status?.conditions?.find((c) => c.type === type && c.status === 'True');
  const complete = cond('Complete');
  if (complete) return { state: 'SUCCEEDED', reason: 'Completed', message: null, at: iso(complete.lastTransitionTime ?? job.status?.completionTime, now) };
  const failed = cond('Failed');
  if (failed) {
    const at = iso(failed.lastTransitionTime, now);
    const jobReason = failed.reason ?? 'Failed';
    const last = lastTermination(pods);
    const worker = last && workers > 1 ? `worker ${podIndex(last.pod)}: ` : '';
    if (jobReason === 'BackoffLimitExceeded' && last) return { state: 'FAILED', reason: last.reason, message: `${worker}${last.message}; no retries left (${failed.message ?? jobReason})`, at };
    return { state: 'FAILED', reason: jobReason, message: failed.message ?? null, at };
  }
  if (job.spec?.suspend) {
    const queue = job.metadata?.labels?.[KUEUE_QUEUE_LABEL];
    return { state: 'QUEUED', reason: 'Suspended', message: queue ? `waiting for Kueue to admit it (queue ${queue})` : null, at: now };
  }
  if (workers <= 1) return workerState(job, pods, now);
  const states = Array.from({ length: workers }, (_, i) => workerState(job, pods.filter((p) => podIndex(p) === i), now));
  const retrying = states.findIndex((w) => w.reason === 'Retrying');
  if (retrying >= 0) return { ...states[retrying], message: `worker ${retrying}: ${states[retrying].message}` };
  const running = states.filter((w) => w.state === 'RUNNING').length;
  if (running === workers) {
    const at = states.map((w) => w.at).sort().at(-1)!;
    return states.every((w) => w.reason === 'Completing') ? { state: 'RUNNING', reason: 'Completing', message: null, at } : { state: 'RUNNING', reason: 'Running', message: `${workers} workers running`, at };
  }
  const first = states.findIndex((w) => w.state !== 'RUNNING');
  const w = states[first];
  return { ...w, message: `${running} of ${workers} workers running; worker ${first}: ${w.message ?? w.reason}` };
}

/** One worker's state from its pods (one per attempt), the newest telling. */
function workerState(job: KJob, pods: KPod[], now: string): K8sState {
  const newest = byCreation(pods).at(-1);
  if (!newest) return { state: 'QUEUED', reason: 'Pending', message: 'waiting for the Job controller to create a pod', at: iso(job.metadata?.creationTimestamp, now) };
  const c = container(newest);
  if (c?.state?.running) return { state: 'RUNNING', reason: 'Running', message: null, at: iso(c.state.running.startedAt, now) };
  const phase = newest.status?.phase;
  // Exited 0: done, waiting for the Job's Complete condition (not a failed attempt).
  if (phase === 'Succeeded' || (c?.state?.terminated && (c.state.terminated.exitCode ?? 1) === 0)) return { state: 'RUNNING', reason: 'Completing', message: null, at: now };
  if (phase === 'Failed' || c?.state?.terminated) {
    const last = lastTermination(pods);
    return { state: 'RUNNING', reason: 'Retrying', message: last ? `attempt ${pods.length} failed: ${last.reason} (${last.message})` : `attempt ${pods.length} failed`, at: now };
  }
  if (c?.state?.waiting?.reason) return { state: 'QUEUED', reason: c.state.waiting.reason, message: c.state.waiting.message ?? null, at: now };
  const unschedulable = newest.status?.conditions?.find((x) => x.type === 'PodScheduled' && x.status === 'False');
  if (unschedulable) return { state: 'QUEUED', reason: unschedulable.reason ?? 'Unschedulable', message: unschedulable.message ?? null, at: iso(unschedulable.lastTransitionTime, now) };
  return { state: 'QUEUED', reason: 'Pending', message: null, at: iso(newest.metadata?.creationTimestamp, now) };
}
