import { describe, expect, it } from 'vitest';
import { summariseImpact } from './impact.js';
import { kindCounts, toggleKind } from './kindCounts.js';
import { fromLocalInput, toLocalInput } from './timeTravel.js';

describe('summariseImpact', () => {
  it('totals per kind (most first) and a kind × distance matrix', () => {
    const s = summariseImpact([
      { kind: 'Job', distance: 1, count: 2 }, { kind: 'Dataset', distance: 2, count: 3 }, { kind: 'Job', distance: 3, count: 2 }, { kind: 'Model', distance: 4, count: 1 },
    ]);
    expect(s.byKind).toEqual([{ kind: 'Job', count: 4 }, { kind: 'Dataset', count: 3 }, { kind: 'Model', count: 1 }]);
    expect(s.distances).toEqual([1, 2, 3, 4]);
    expect(s.matrix.get('Job')?.get(3)).toBe(2);
    expect(summariseImpact([])).toEqual({ byKind: [], distances: [], matrix: new Map() });
  });
});

describe('kindCounts', () => {
  it('counts the root and nodes per kind, not placeholders', () => {
    const data = {
      root: { id: 'r', kind: 'Job', namespace: '', name: 'r' },
      nodes: [
        { node: { id: 'a', kind: 'Dataset', namespace: '', name: 'a' }, distance: 1 },
        { node: { id: 'b', kind: 'Dataset', namespace: '', name: 'b' }, distance: 1 },
        { node: { id: 'more:down:a', kind: 'More', namespace: '', name: '5' }, distance: 2 },
      ],
      edges: [],
    };
    expect(kindCounts(data)).toEqual([{ kind: 'Dataset', count: 2 }, { kind: 'Job', count: 1 }]);
    expect(toggleKind(['Job'], 'Dataset')).toEqual(['Dataset', 'Job']);
    expect(toggleKind(['Dataset', 'Job'], 'Job')).toEqual(['Dataset']);
  });
});

describe('time travel input', () => {
  it('converts between local wall-clock inputs and UTC instants', () => {
    expect(toLocalInput('2026-03-03T10:30:00.000Z', -480)).toBe('2026-03-03T18:30'); // UTC+8
    expect(fromLocalInput('2026-03-03T18:30', -480)).toBe('2026-03-03T10:30:00.000Z');
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow', 0)).toBeNull();
    const now = '2026-05-01T12:00:00.000Z';
    expect(fromLocalInput(toLocalInput(now))).toBe(now); // the browser's own zone
  });
});
