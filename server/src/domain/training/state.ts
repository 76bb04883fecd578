/**
 * How a training run's state is kept on its Run node. Pure.
 *
 * Props: `trainingState` (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED), `trainingReason`,
 * `trainingMessage`, `trainingStateAt`; where it runs: `training.launcher`, `k8s.namespace`,
 * `k8s.job`, `k8s.pod` (the names GPU metrics are joined on, see telemetry/gpu-placement.ts).
 * The OpenLineage run state (openlineage/run-state.ts) keeps working: RUNNING sets `at.START`,
 * SUCCEEDED/FAILED/CANCELLED set `at.COMPLETE`/`at.FAIL`/`at.ABORT`.
 * A terminal state is final: nothing is written after it, so a run has exactly one outcome.
 */
import type { Props } from '../model.js';
import { isTerminal, TRAINING_STATES, type RunPlacement, type TrainingState, type TrainingStatus } from '../ports/TrainingLauncher.js';
import { runState } from '../openlineage/run-state.js';

const TERMINAL_EVENT: Partial<Record<TrainingState, string>> = { SUCCEEDED: 'COMPLETE', FAILED: 'FAIL', CANCELLED: 'ABORT' };

export interface TrainingRecord {
  state: TrainingState;
  reason: string | null;
  message: string | null;
  at: string | null;
  placement: RunPlacement | null;
}

export function trainingRecord(props: Props): TrainingRecord | null {
  const state = props.trainingState;
  if (typeof state !== 'string' || !(TRAINING_STATES as readonly string[]).includes(state)) return null;
  const str = (k: string) => (typeof props[k] === 'string' ? (props[k] as string) : null);
  const launcher = str('training.launcher');
  const pods = props['k8s.pod'];
  return {
    state: state as TrainingState,
    reason: str('trainingReason'),
    message: str('trainingMessage'),
    at: str('trainingStateAt'),
    placement: launcher === 'local' || launcher === 'kubernetes'
      ? {
        launcher, namespace: str(launcher === 'local' ? 'local.dir' : 'k8s.namespace'), job: str(launcher === 'local' ? 'runId' : 'k8s.job') ?? '',
        pods: Array.isArray(pods) ? pods.map(String) : typeof pods === 'string' ? [pods] : [],
      }
      : null,
  };
}

/** The time to write a change at: the status's own time, but always after the last state written (props merge by event time). */
function writeTime(props: Props, at: string): string {
  const prev = typeof props.trainingStateAt === 'string' ? Date.parse(props.trainingStateAt) : NaN;
  const t = Date.parse(at);
  return Number.isNaN(prev) || t > prev ? new Date(t).toISOString() : new Date(prev + 1).toISOString();
}

export function placementProps(p: RunPlacement): Props {
  const base: Props = { 'training.launcher': p.launcher };
  if (p.launcher === 'local') return { ...base, 'local.dir': p.namespace };
  return { ...base, 'k8s.namespace': p.namespace, 'k8s.job': p.job, ...(p.pods.length ? { 'k8s.pod': p.pods.length === 1 ? p.pods[0] : p.pods } : {}) };
}

/**
 * The props to write for a launcher status over what the Run node holds, and the event time to
 * write them at; null when nothing changes (same state, reason, message and pods: a distributed
 * run's message counts its running workers) or the run already ended.
 */
export function statusProps(props: Props, s: TrainingStatus): { props: Props; at: string } | null {
  const current = trainingRecord(props);
  if (current && isTerminal(current.state)) return null;
  const samePods = (current?.placement?.pods ?? []).join('\u0000') === s.placement.pods.join('\u0000');
  if (current && current.state === s.state && current.reason === s.reason && current.message === s.message && samePods && current.placement) return null;
  const at = writeTime(props, s.at);
  const out: Props = { trainingState: s.state, trainingReason: s.reason, trainingMessage: s.message, trainingStateAt: at, ...placementProps(s.placement) };
  const run = runState(props);
  const started = run.startedAt !== null;
  const ended = run.state === 'COMPLETED' || run.state === 'FAILED' || run.state === 'ABORTED';
  if (s.state === 'RUNNING' && !started) out['at.START'] = s.at;
  const event = TERMINAL_EVENT[s.state];
  if (event && !ended) out[`at.${event}`] = s.at;
  return { props: out, at };
}

/** A terminal state decided by Loom itself (cancelled before launch, dispatch failed for good). */
export function finalProps(props: Props, state: 'FAILED' | 'CANCELLED', reason: string, message: string | null, at: string): { props: Props; at: string } | null {
  const current = trainingRecord(props);
  if (current && isTerminal(current.state)) return null;
  const when = writeTime(props, at);
  const run = runState(props);
  const ended = run.state === 'COMPLETED' || run.state === 'FAILED' || run.state === 'ABORTED';
  return {
    props: { trainingState: state, trainingReason: reason, trainingMessage: message, trainingStateAt: when, ...(ended ? {} : { [`at.${TERMINAL_EVENT[state]}`]: at }) },
    at: when,
  };
}
