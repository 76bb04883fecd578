import { describe, expect, it } from 'vitest';
import { appliedUntil, configAt, pointersAt, pointersByVersion, stagesAt, type RegistryEvent } from './history.js';

let seq = 0;
const ev = (at: string, e: Partial<RegistryEvent>): RegistryEvent => ({
  id: `e${++seq}`, seq, type: 'STAGE_TRANSITION', subject: 'model', name: 'm', version: 1, fromStage: null, toStage: null, pointer: null,
  previousVersion: null, actor: null, role: 'admin', reason: null, at, outcome: 'APPLIED', rejection: null, gates: [], cause: null, config: null, ...e,
});

const T = (h: number) => `2026-03-01T${String(h).padStart(2, '0')}:00:00.000Z`;
const events = [
  ev(T(1), { version: 1, toStage: 'Staging' }),
  ev(T(2), { version: 1, toStage: 'Production' }),
  ev(T(2), { type: 'ALIAS_SET', version: 1, pointer: 'champion' }),
  ev(T(3), { version: 2, toStage: 'Production', outcome: 'REJECTED' }),
  ev(T(4), { version: 2, toStage: 'Production' }),
  ev(T(4), { version: 1, toStage: 'Archived' }),
  ev(T(5), { type: 'ALIAS_SET', version: 2, pointer: 'champion' }),
  ev(T(6), { type: 'ALIAS_DELETED', version: 2, pointer: 'champion' }),
  ev(T(6), { type: 'GATES_SET', version: null, config: [{ kind: 'UPSTREAM_QUALITY' }] }),
];

describe('registry history replay', () => {
  it('gives each version its stage at any time, ignoring refused changes', () => {
    expect(stagesAt(events, T(0)).size).toBe(0);
    expect(Object.fromEntries([...stagesAt(events, T(3))].map(([v, s]) => [v, s.stage]))).toEqual({ 1: 'Production' });
    expect(Object.fromEntries([...stagesAt(events)].map(([v, s]) => [v, s.stage]))).toEqual({ 1: 'Archived', 2: 'Production' });
    expect(stagesAt(events, T(3)).get(1)!.since).toBe(T(2));
  });

  it('moves and removes aliases over time', () => {
    expect([...pointersAt(events, T(2))]).toEqual([['champion', { version: 1, since: T(2) }]]);
    expect(pointersAt(events, T(5)).get('champion')!.version).toBe(2);
    expect(pointersAt(events).size).toBe(0);
    expect([...pointersByVersion(new Map([['b', { version: 1 }], ['a', { version: 1 }], ['c', { version: 2 }]]))]).toEqual([[1, ['a', 'b']], [2, ['c']]]);
  });

  it('orders by sequence, not by arrival, and keeps the gate configuration in force', () => {
    expect(appliedUntil([...events].reverse()).map((e) => e.seq)).toEqual(events.filter((e) => e.outcome === 'APPLIED').map((e) => e.seq));
    expect(configAt(events, T(5))).toEqual([]);
    expect(configAt(events)).toEqual([{ kind: 'UPSTREAM_QUALITY' }]);
  });
});
