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
});
