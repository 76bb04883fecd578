import { describe, expect, it } from 'vitest';
import { asOfToInput, filterHistory, inputToAsOf, latestRejection, maxSeq, stageSummary } from './model-view.js';

describe('as-of dates', () => {
  it('round-trips a local datetime input through an ISO instant', () => {
    const iso = inputToAsOf('2026-03-01T10:30');
    expect(iso).toBe(new Date(2026, 2, 1, 10, 30).toISOString());
    expect(asOfToInput(iso)).toBe('2026-03-01T10:30');
  });

  it('treats empty and invalid values as "now"', () => {
    expect(inputToAsOf('')).toBeNull();
    expect(inputToAsOf('not a date')).toBeNull();
    expect(asOfToInput(null)).toBe('');
    expect(asOfToInput('garbage')).toBe('');
  });
});

describe('stageSummary', () => {
  it('lists the stages in order with the highest version in each', () => {
    expect(stageSummary([{ version: 2, stage: 'Staging' }, { version: 5, stage: 'Production' }, { version: 3, stage: 'Staging' }, { version: 1, stage: 'Archived' }])).toEqual([
      { stage: 'Production', version: 5 }, { stage: 'Staging', version: 3 }, { stage: 'Archived', version: 1 },
    ]);
    expect(stageSummary([])).toEqual([]);
  });
});

const H = [
  { type: 'STAGE_TRANSITION', outcome: 'REJECTED', version: 2, seq: 4 },
  { type: 'ALIAS_SET', outcome: 'APPLIED', version: 1, seq: 3 },
  { type: 'GATES_SET', outcome: 'APPLIED', version: null, seq: 2 },
  { type: 'STAGE_TRANSITION', outcome: 'APPLIED', version: 2, seq: 1 },
  { type: 'VERSION_REGISTERED', outcome: 'APPLIED', version: 2, seq: null },
];

describe('history', () => {
  it('filters by kind and version', () => {
    expect(filterHistory(H, 'all')).toHaveLength(5);
    expect(filterHistory(H, 'stages').map((e) => e.type)).toEqual(['STAGE_TRANSITION', 'STAGE_TRANSITION', 'VERSION_REGISTERED']);
    expect(filterHistory(H, 'aliases')).toEqual([H[1]]);
    expect(filterHistory(H, 'gates')).toEqual([H[2]]);
    expect(filterHistory(H, 'rejected')).toEqual([H[0]]);
    expect(filterHistory(H, 'all', 1)).toEqual([H[1]]);
    expect(filterHistory([{ type: 'LABEL_REMOVED', outcome: 'APPLIED' }], 'aliases')).toHaveLength(1);
  });

  it('finds the refused attempt only while it is the newest of its kind for the version', () => {
    expect(latestRejection(H, 2, ['STAGE_TRANSITION'])).toBe(H[0]);
    expect(latestRejection(H.slice(1), 2, ['STAGE_TRANSITION'])).toBeNull();
    expect(latestRejection(H, 1, ['ALIAS_SET'])).toBeNull();
  });

  it('ignores a refusal recorded before the attempt being reported', () => {
    expect(maxSeq(H)).toBe(4);
    expect(maxSeq([])).toBe(-1);
    expect(latestRejection(H, 2, ['STAGE_TRANSITION'], 3)).toBe(H[0]);
    expect(latestRejection(H, 2, ['STAGE_TRANSITION'], 4)).toBeNull();
  });
});
