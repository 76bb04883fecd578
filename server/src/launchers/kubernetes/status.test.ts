import { describe, expect, it } from 'vitest';
import { runState, type KJob, type KPod } from './status.js';

const NOW = '2026-05-01T00:00:10.000Z';
type Conditions = NonNullable<NonNullable<KJob['status']>['conditions']>;
const job = (conditions: Conditions = []): KJob => ({ metadata: { creationTimestamp: '2026-05-01T00:00:00Z' }, status: { conditions } });
const pod = (name: string, created: string, state: Record<string, unknown>, phase = 'Running', conditions: unknown[] = []): KPod =>
  ({ metadata: { name, creationTimestamp: created }, status: { phase, conditions: conditions as never, containerStatuses: [{ name: 'train', state: state as never }] } });

describe('Kubernetes Job/pod status → training state', () => {
  it('maps each stage of a run', () => {
    expect(runState(job(), [], NOW)).toMatchObject({ state: 'QUEUED', reason: 'Pending', at: '2026-05-01T00:00:00.000Z' });
    expect(runState(job(), [pod('p', '2026-05-01T00:00:01Z', { waiting: { reason: 'ContainerCreating' } }, 'Pending')], NOW)).toMatchObject({ state: 'QUEUED', reason: 'ContainerCreating' });
    expect(runState(job(), [pod('p', '2026-05-01T00:00:01Z', {}, 'Pending', [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'no GPU' }])], NOW))
      .toMatchObject({ state: 'QUEUED', reason: 'Unschedulable', message: 'no GPU' });
    expect(runState(job(), [pod('p', '2026-05-01T00:00:01Z', { running: { startedAt: '2026-05-01T00:00:02Z' } })], NOW)).toEqual({ state: 'RUNNING', reason: 'Running', message: null, at: '2026-05-01T00:00:02.000Z' });
    expect(runState(job([{ type: 'Complete', status: 'True', lastTransitionTime: '2026-05-01T00:00:09Z' }]), [], NOW)).toMatchObject({ state: 'SUCCEEDED', at: '2026-05-01T00:00:09.000Z' });
  });

  it('names the cause of a failure: OOMKilled on the last attempt, the deadline, an exit code', () => {
    const oom = pod('p2', '2026-05-01T00:00:05Z', { terminated: { exitCode: 137, reason: 'OOMKilled' } }, 'Failed');
    const err = pod('p1', '2026-05-01T00:00:01Z', { terminated: { exitCode: 1, reason: 'Error' } }, 'Failed');
    const backoff = job([{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'limit', lastTransitionTime: '2026-05-01T00:00:08Z' }]);
    expect(runState(backoff, [oom, err], NOW)).toMatchObject({ state: 'FAILED', reason: 'OOMKilled' });
    expect(runState(backoff, [err], NOW)).toMatchObject({ state: 'FAILED', reason: 'Error', message: 'exit code 1; no retries left (limit)' });
    expect(runState(job([{ type: 'Failed', status: 'True', reason: 'DeadlineExceeded', message: 'too long' }]), [oom], NOW)).toMatchObject({ state: 'FAILED', reason: 'DeadlineExceeded', message: 'too long' });
    // A failed attempt with retries left: still running, the cause said.
    expect(runState(job(), [err], NOW)).toMatchObject({ state: 'RUNNING', reason: 'Retrying', message: 'attempt 1 failed: Error (exit code 1)' });
    // The newest pod decides while the Job has no condition.
    expect(runState(job(), [err, pod('p3', '2026-05-01T00:00:06Z', { running: {} })], NOW)).toMatchObject({ state: 'RUNNING', reason: 'Running' });
  });

  it('a run of several workers runs once every worker does; until then the first one waiting says why', () => {
    const worker = (i: number, name: string, created: string, state: Record<string, unknown>, phase = 'Running', conditions: unknown[] = []): KPod => {
      const p = pod(name, created, state, phase, conditions);
      return { ...p, metadata: { ...p.metadata, annotations: { 'batch.kubernetes.io/job-completion-index': String(i) } } };
    };
    const run0 = worker(0, 'w0', '2026-05-01T00:00:01Z', { running: { startedAt: '2026-05-01T00:00:02Z' } });
    const pending1 = worker(1, 'w1', '2026-05-01T00:00:01Z', {}, 'Pending', [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'no GPU' }]);
    expect(runState(job(), [run0], NOW, 3)).toMatchObject({ state: 'QUEUED', reason: 'Pending', message: '1 of 3 workers running; worker 1: waiting for the Job controller to create a pod' });
    expect(runState(job(), [run0, pending1], NOW, 2)).toMatchObject({ state: 'QUEUED', reason: 'Unschedulable', message: '1 of 2 workers running; worker 1: no GPU' });
    const run1 = worker(1, 'w1b', '2026-05-01T00:00:03Z', { running: { startedAt: '2026-05-01T00:00:04Z' } });
    expect(runState(job(), [run0, pending1, run1], NOW, 2)).toEqual({ state: 'RUNNING', reason: 'Running', message: '2 workers running', at: '2026-05-01T00:00:04.000Z' });
    // One worker failed with retries left: the run is retrying it, and says which.
    const failed1 = worker(1, 'w1c', '2026-05-01T00:00:05Z', { terminated: { exitCode: 2, reason: 'Error' } }, 'Failed');
    expect(runState(job(), [run0, failed1], NOW, 2)).toMatchObject({ state: 'RUNNING', reason: 'Retrying', message: 'worker 1: attempt 1 failed: Error (exit code 2)' });
    const backoff = job([{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'limit', lastTransitionTime: '2026-05-01T00:00:08Z' }]);
    expect(runState(backoff, [run0, failed1], NOW, 2)).toMatchObject({ state: 'FAILED', reason: 'Error', message: 'worker 1: exit code 2; no retries left (limit)' });
    // Worker 0 done, worker 1 still going: running; the Job's Complete condition ends it.
    const done0 = worker(0, 'w0', '2026-05-01T00:00:01Z', { terminated: { exitCode: 0, reason: 'Completed' } }, 'Succeeded');
    expect(runState(job(), [done0, run1], NOW, 2)).toMatchObject({ state: 'RUNNING', reason: 'Running' });
  });
});
