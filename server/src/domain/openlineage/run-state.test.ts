import { describe, expect, it } from 'vitest';
import { runState } from './run-state.js';

describe('run state from event times', () => {
  it('is RUNNING once started and terminal once a terminal event was seen, in any arrival order', () => {
    expect(runState({})).toEqual({ state: 'NEW', startedAt: null, endedAt: null });
    expect(runState({ 'at.START': 't1' }).state).toBe('RUNNING');
    expect(runState({ 'at.START': 't1', 'at.RUNNING': 't2', 'at.COMPLETE': 't3' })).toEqual({ state: 'COMPLETED', startedAt: 't1', endedAt: 't3' });
    // a RUNNING event that arrives after COMPLETE (later event time even) does not reopen the run
    expect(runState({ 'at.COMPLETE': 't3', 'at.RUNNING': 't4' }).state).toBe('COMPLETED');
    expect(runState({ 'at.START': 't1', 'at.FAIL': 't2' }).state).toBe('FAILED');
    expect(runState({ 'at.FAIL': 't2', 'at.ABORT': 't5' })).toMatchObject({ state: 'ABORTED', endedAt: 't5' });
    expect(runState({ 'at.OTHER': 't1' }).state).toBe('OTHER');
  });
});
