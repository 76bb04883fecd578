import { describe, expect, it } from 'vitest';
import { lineageChanges, relationOf } from './lineage-changes.js';
import type { EdgeKind, NodeKind } from './model.js';

const T = (h: number) => `2026-03-01T${String(h).padStart(2, '0')}:00:00.000Z`;
const job = 'job:ns:daily';
const node = (id: string, kind: NodeKind, name: string) => ({ id, kind, name });
const ds = (name: string) => node(`dataset:ns:${name}`, 'Dataset', name);
/** The node whose history is told, with its own validity. */
const selfNode = (id: string, kind: NodeKind, validTo: string | null = null, gaps: { from: string; to: string }[] = []) => ({ ...node(id, kind, id.split(':').pop()!), validTo, gaps });
const daily = selfNode(job, 'Job');
const edge = (kind: EdgeKind, from: string, to: string, validFrom: string, validTo: string | null = null, gaps: { from: string; to: string }[] = []) => ({ kind, from, to, validFrom, validTo, gaps });
const show = (changes: ReturnType<typeof lineageChanges<{ id: string; kind: NodeKind; name: string }>>) => changes.map((c) => `${c.at.slice(11, 13)} ${c.change} ${c.relation} ${c.node.name}`);

describe('lineageChanges', () => {
  it('lists what a job started and stopped reading and writing, and read again, newest first; what it had from the start is not a change', () => {
    const items = [
      { edge: edge('INPUT_TO', 'dataset:ns:a', job, T(1)), node: ds('a') },
      { edge: edge('INPUT_TO', 'dataset:ns:b', job, T(1), null, [{ from: T(2), to: T(4) }]), node: ds('b') },
      { edge: edge('INPUT_TO', 'dataset:ns:c', job, T(3), T(5)), node: ds('c') },
      { edge: edge('OUTPUT', job, 'dataset:ns:out', T(1)), node: ds('out') },
    ];
    expect(show(lineageChanges(daily, items))).toEqual(['05 STOPPED READS c', '04 AGAIN READS b', '03 STARTED READS c', '02 STOPPED READS b']);
    // since an earlier time, what it had at first started then
    expect(show(lineageChanges(daily, items, T(0))).slice(-3)).toEqual(['01 STARTED READS a', '01 STARTED READS b', '01 STARTED WRITES out']);
    // since a later time, only what changed after it
    expect(show(lineageChanges(daily, items, T(3)))).toEqual(['05 STOPPED READS c', '04 AGAIN READS b']);
  });

  it('tells when the node itself was dropped and created again, and dropped for good', () => {
    const orders = selfNode('dataset:ns:orders', 'Dataset', T(9), [{ from: T(2), to: T(4) }]);
    const items = [{ edge: edge('INPUT_TO', orders.id, job, T(1)), node: node(job, 'Job', 'daily') }];
    expect(show(lineageChanges(orders, items))).toEqual(['09 STOPPED ITSELF orders', '04 AGAIN ITSELF orders', '02 STOPPED ITSELF orders']);
  });

  it('counts a job\'s first run whole: what it named by its end is not a change, unless a time is given', () => {
    const items = [
      { edge: edge('INPUT_TO', 'dataset:ns:a', job, T(1)), node: ds('a') },
      { edge: edge('OUTPUT', job, 'dataset:ns:out', T(2)), node: ds('out') },
      { edge: edge('OUTPUT', job, 'dataset:ns:more', T(4)), node: ds('more') },
    ];
    expect(show(lineageChanges(daily, items))).toEqual(['04 STARTED WRITES more', '02 STARTED WRITES out']);
    expect(show(lineageChanges(daily, items, undefined, T(2)))).toEqual(['04 STARTED WRITES more']);
    expect(show(lineageChanges(daily, items, undefined, null))).toEqual(['04 STARTED WRITES more', '02 STARTED WRITES out']);
    expect(show(lineageChanges(daily, items, T(1), T(2)))).toEqual(['04 STARTED WRITES more', '02 STARTED WRITES out']);
  });

  it('tells a dataset\'s side of the edges, and its columns; not a feature group\'s features', () => {
    const self = 'dataset:ns:orders';
    expect(relationOf(self, { kind: 'INPUT_TO', from: self, to: job })).toBe('READ_BY');
    expect(relationOf(self, { kind: 'OUTPUT', from: job, to: self })).toBe('WRITTEN_BY');
    expect(relationOf(self, { kind: 'HAS_FIELD', from: self, to: 'field:ns:orders#id' })).toBe('COLUMN');
    expect(relationOf(self, { kind: 'DERIVES', from: self, to: 'x' })).toBeNull();
    const items = [
      { edge: edge('HAS_FIELD', self, 'field:ns:orders#id', T(1)), node: node('field:ns:orders#id', 'Field', 'orders#id') },
      { edge: edge('HAS_FIELD', self, 'field:ns:orders#email', T(1), null, [{ from: T(3), to: T(5) }]), node: node('field:ns:orders#email', 'Field', 'orders#email') },
      { edge: edge('HAS_FIELD', self, 'feature:ns:orders#x', T(2), T(3)), node: node('feature:ns:orders#x', 'Feature', 'orders#x') },
    ];
    expect(show(lineageChanges(selfNode(self, 'Dataset'), items))).toEqual(['05 AGAIN COLUMN orders#email', '03 STOPPED COLUMN orders#email']);
  });
});
