import { describe, expect, it } from 'vitest';
import { lineageChanges, relationOf } from './lineage-history.js';

const T = (h: number) => `2026-03-01T${String(h).padStart(2, '0')}:00:00.000Z`;
const job = 'job:ns:daily';
const ds = (name: string) => ({ id: `dataset:ns:${name}`, kind: 'Dataset', name });

describe('lineageChanges', () => {
  it('lists what a job started and stopped reading and writing, and read again, newest first; what it had from the start is not a change', () => {
    const items = [
      { edge: { kind: 'INPUT_TO', from: 'dataset:ns:a', to: job, validFrom: T(1), validTo: null, gaps: [] }, node: ds('a') },
      { edge: { kind: 'INPUT_TO', from: 'dataset:ns:b', to: job, validFrom: T(1), validTo: null, gaps: [{ from: T(2), to: T(4) }] }, node: ds('b') },
      { edge: { kind: 'INPUT_TO', from: 'dataset:ns:c', to: job, validFrom: T(3), validTo: T(5), gaps: [] }, node: ds('c') },
      { edge: { kind: 'OUTPUT', from: job, to: 'dataset:ns:out', validFrom: T(1), validTo: null }, node: ds('out') },
    ];
    expect(lineageChanges(job, items).map((c) => `${c.at.slice(11, 13)} ${c.change} ${c.relation} ${c.other.name}`)).toEqual([
      '05 stopped reads c', '04 again reads b', '03 started reads c', '02 stopped reads b',
    ]);
  });

  it('tells a dataset\'s side of the edges, and its columns; not a feature group\'s features', () => {
    const self = 'dataset:ns:orders';
    expect(relationOf(self, { kind: 'INPUT_TO', from: self, to: job })).toBe('readBy');
    expect(relationOf(self, { kind: 'OUTPUT', from: job, to: self })).toBe('writtenBy');
    expect(relationOf(self, { kind: 'HAS_FIELD', from: self, to: 'field:ns:orders#id' })).toBe('column');
    expect(relationOf(self, { kind: 'DERIVES', from: self, to: 'x' })).toBeNull();
    const items = [
      { edge: { kind: 'HAS_FIELD', from: self, to: 'field:ns:orders#id', validFrom: T(1) }, node: { id: 'field:ns:orders#id', kind: 'Field', name: 'orders#id' } },
      { edge: { kind: 'HAS_FIELD', from: self, to: 'field:ns:orders#email', validFrom: T(1), gaps: [{ from: T(3), to: T(5) }] }, node: { id: 'field:ns:orders#email', kind: 'Field', name: 'orders#email' } },
      { edge: { kind: 'HAS_FIELD', from: self, to: 'feature:ns:orders#x', validFrom: T(2), validTo: T(3) }, node: { id: 'feature:ns:orders#x', kind: 'Feature', name: 'orders#x' } },
    ];
    expect(lineageChanges(self, items).map((c) => `${c.change} ${c.relation} ${c.other.name}`)).toEqual(['again column orders#email', 'stopped column orders#email']);
  });
});
