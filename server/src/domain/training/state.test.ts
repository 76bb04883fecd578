import { describe, expect, it } from 'vitest';
import { finalProps, statusProps, trainingRecord } from './state.js';
import { runState } from '../openlineage/run-state.js';
import type { TrainingStatus } from '../ports/TrainingLauncher.js';
import type { Props } from '../model.js';

const placement = { launcher: 'kubernetes' as const, namespace: 'loom-tenant-demo', job: 'train-1', pods: ['train-1-abc'] };
const st = (state: TrainingStatus['state'], at: string, over: Partial<TrainingStatus> = {}): TrainingStatus => ({ state, reason: state, message: null, at, placement, ...over });
const queued: Props = { trainingState: 'QUEUED', trainingReason: 'Queued', trainingStateAt: '2026-05-01T00:00:00.000Z' };

describe('training state on the Run node', () => {
  it('RUNNING sets at.START and the pod props GPU metrics join on; SUCCEEDED sets at.COMPLETE', () => {
    const running = statusProps(queued, st('RUNNING', '2026-05-01T00:01:00.000Z'))!;
    expect(running.props).toMatchObject({ trainingState: 'RUNNING', 'at.START': '2026-05-01T00:01:00.000Z', 'k8s.namespace': 'loom-tenant-demo', 'k8s.pod': 'train-1-abc', 'k8s.job': 'train-1', 'training.launcher': 'kubernetes' });
    const props = { ...queued, ...running.props };
    expect(runState(props).state).toBe('RUNNING');
    const done = statusProps(props, st('SUCCEEDED', '2026-05-01T00:09:00.000Z', { placement: { ...placement, pods: ['train-1-abc', 'train-1-def'] } }))!;
    expect(done.props).toMatchObject({ trainingState: 'SUCCEEDED', 'at.COMPLETE': '2026-05-01T00:09:00.000Z', 'k8s.pod': ['train-1-abc', 'train-1-def'] });
    expect(done.props).not.toHaveProperty('at.START');
    const after = { ...props, ...done.props };
    expect(runState(after)).toMatchObject({ state: 'COMPLETED', startedAt: '2026-05-01T00:01:00.000Z', endedAt: '2026-05-01T00:09:00.000Z' });
    expect(trainingRecord(after)).toMatchObject({ state: 'SUCCEEDED', placement: { pods: ['train-1-abc', 'train-1-def'] } });
  });

  it('a terminal state is final: nothing is written after it (one outcome)', () => {
    const failed = { ...queued, ...statusProps(queued, st('FAILED', '2026-05-01T00:02:00.000Z', { reason: 'OOMKilled' }))!.props };
    expect(failed['at.FAIL']).toBe('2026-05-01T00:02:00.000Z');
    expect(statusProps(failed, st('SUCCEEDED', '2026-05-01T00:03:00.000Z'))).toBeNull();
    expect(statusProps(failed, st('RUNNING', '2026-05-01T00:03:00.000Z'))).toBeNull();
    expect(finalProps(failed, 'CANCELLED', 'Cancelled', null, '2026-05-01T00:04:00.000Z')).toBeNull();
  });

  it('the same status again writes nothing; a status older than the last one is written just after it (props merge by event time)', () => {
    const running = { ...queued, ...statusProps(queued, st('RUNNING', '2026-05-01T00:01:00.000Z'))!.props };
    expect(statusProps(running, st('RUNNING', '2026-05-01T00:05:00.000Z'))).toBeNull();
    const skewed = statusProps(running, st('FAILED', '2026-04-30T23:59:00.000Z'))!;
    expect(skewed.at).toBe('2026-05-01T00:01:00.001Z');
    expect(skewed.props['at.FAIL']).toBe('2026-04-30T23:59:00.000Z');
  });

  it('Loom\'s own ends (cancelled before launch, dispatch failed) keep the OpenLineage state readable', () => {
    const c = finalProps(queued, 'CANCELLED', 'Cancelled', 'cancelled before it was launched', '2026-05-01T00:00:05.000Z')!;
    expect(runState({ ...queued, ...c.props }).state).toBe('ABORTED');
    // A run whose command already reported its own end keeps that end.
    const ended = { ...queued, 'at.COMPLETE': '2026-05-01T00:00:04.000Z' };
    expect(finalProps(ended, 'FAILED', 'DispatchFailed', 'x', '2026-05-01T00:00:05.000Z')!.props).not.toHaveProperty('at.FAIL');
  });

  it('a local run records its directory, not Kubernetes props', () => {
    const local = { launcher: 'local' as const, namespace: '/data/training/demo/r1', job: 'r1', pods: [] };
    const p = statusProps({ ...queued, runId: 'r1' }, st('RUNNING', '2026-05-01T00:01:00.000Z', { placement: local }))!.props;
    expect(p).toMatchObject({ 'training.launcher': 'local', 'local.dir': '/data/training/demo/r1' });
    expect(Object.keys(p).filter((k) => k.startsWith('k8s.'))).toEqual([]);
    expect(trainingRecord({ ...queued, runId: 'r1', ...p })!.placement).toEqual(local);
  });
});
