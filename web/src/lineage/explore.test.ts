import { describe, expect, it } from 'vitest';
import { toElements, type LineageData } from '../graph/elements.js';
import {
  collapse, expand, expansionKey, filterKinds, loadMore, mergeExpansions, moreNodeId, parseMoreNodeId, type ExpansionData, type ExpansionSpec,
} from './explore.js';

const node = (id: string, kind = 'Dataset') => ({ id, kind, namespace: 'ns', name: id });
const base: LineageData = {
  root: node('root', 'Job'),
  nodes: [{ node: node('in'), distance: 1 }, { node: node('out'), distance: 1 }],
  edges: [{ kind: 'INPUT_TO', from: 'in', to: 'root' }, { kind: 'OUTPUT', from: 'root', to: 'out' }],
};
const consumers = (anchor: string, n: number, total = n, prefix = 'job'): ExpansionData => ({
  items: Array.from({ length: n }, (_, i) => ({ node: node(`${prefix}${i}`, 'Job'), edge: { kind: 'INPUT_TO', from: anchor, to: `${prefix}${i}` } })),
  total,
});

describe('expansions', () => {
  it('expand adds a one-page expansion once; loadMore adds a page', () => {
    let specs = expand([], 'out', 'DOWNSTREAM');
    expect(expand(specs, 'out', 'DOWNSTREAM')).toEqual(specs);
    specs = loadMore(specs, 'out', 'DOWNSTREAM');
    expect(specs).toEqual([{ anchor: 'out', direction: 'DOWNSTREAM', pages: 2 }]);
  });

  it('merges one hop in, at anchor distance + 1, keeping the base untouched', () => {
    const specs: ExpansionSpec[] = [{ anchor: 'out', direction: 'DOWNSTREAM', pages: 1 }];
    const merged = mergeExpansions(base, specs, new Map([[expansionKey(specs[0]), consumers('out', 2)]]), 25);
    expect(merged.nodes.map((n) => [n.node.id, n.distance])).toEqual([['in', 1], ['out', 1], ['job0', 2], ['job1', 2]]);
    expect(merged.edges).toHaveLength(4);
    expect(base.nodes).toHaveLength(2);
  });

  it('shows a hub page by page with an "N more" node for the rest', () => {
    const spec: ExpansionSpec = { anchor: 'out', direction: 'DOWNSTREAM', pages: 1 };
    const loaded = new Map([[expansionKey(spec), consumers('out', 10, 300)]]);
    const merged = mergeExpansions(base, [spec], loaded, 4);
    const more = merged.nodes.find((n) => n.node.kind === 'More')!;
    expect(more.node).toMatchObject({ id: moreNodeId(spec), name: '296' });
    expect(merged.edges).toContainEqual({ kind: 'More', from: 'out', to: moreNodeId(spec) });
    expect(merged.nodes.filter((n) => n.node.id.startsWith('job'))).toHaveLength(4);
    // Two pages: 8 shown, 292 hidden.
    const two = mergeExpansions(base, [{ ...spec, pages: 2 }], loaded, 4);
    expect(two.nodes.find((n) => n.node.kind === 'More')!.node.name).toBe('292');
    expect(parseMoreNodeId(moreNodeId(spec))).toEqual({ anchor: 'out', direction: 'DOWNSTREAM' });
    expect(parseMoreNodeId('dataset:ns:x')).toBeNull();
    // Upstream placeholders point at the anchor.
    const up = { ...spec, direction: 'UPSTREAM' as const };
    const upMerged = mergeExpansions(base, [up], new Map([[expansionKey(up), consumers('in', 5, 9)]]), 5);
    expect(upMerged.edges).toContainEqual({ kind: 'More', from: moreNodeId(up), to: 'out' });
  });

  it('collapse removes the expansion and, transitively, expansions anchored on what it added', () => {
    const first: ExpansionSpec = { anchor: 'out', direction: 'DOWNSTREAM', pages: 1 };
    const second: ExpansionSpec = { anchor: 'job0', direction: 'DOWNSTREAM', pages: 1 };
    const third: ExpansionSpec = { anchor: 'in', direction: 'UPSTREAM', pages: 1 };
    const loaded = new Map([[expansionKey(first), consumers('out', 2)], [expansionKey(second), consumers('job0', 1, 1, 'next')], [expansionKey(third), consumers('in', 1, 1, 'src')]]);
    const baseIds = new Set(['root', 'in', 'out']);
    expect(collapse([first, second, third], 'out', null, baseIds, loaded)).toEqual([third]);
    expect(collapse([first, second, third], 'job0', 'DOWNSTREAM', baseIds, loaded)).toEqual([first, third]);
    expect(collapse([first, second, third], 'out', 'UPSTREAM', baseIds, loaded)).toEqual([first, second, third]);
  });

  it('does not let two expansions that add each other keep each other alive', () => {
    const first: ExpansionSpec = { anchor: 'out', direction: 'DOWNSTREAM', pages: 1 };
    const a: ExpansionSpec = { anchor: 'job0', direction: 'DOWNSTREAM', pages: 1 };
    const b: ExpansionSpec = { anchor: 'loop0', direction: 'DOWNSTREAM', pages: 1 };
    const loaded = new Map([
      [expansionKey(first), consumers('out', 1)], [expansionKey(a), consumers('job0', 1, 1, 'loop')], [expansionKey(b), consumers('loop0', 1)],
    ]);
    expect(collapse([first, a, b], 'out', null, new Set(['root', 'in', 'out']), loaded)).toEqual([]);
  });

  it('skips expansions whose anchor is not in the view or whose data has not arrived', () => {
    const spec: ExpansionSpec = { anchor: 'gone', direction: 'DOWNSTREAM', pages: 1 };
    expect(mergeExpansions(base, [spec], new Map([[expansionKey(spec), consumers('gone', 3)]]), 25).nodes).toHaveLength(2);
    expect(mergeExpansions(base, [{ ...spec, anchor: 'out' }], new Map(), 25).nodes).toHaveLength(2);
  });

  it('turns into elements with a labelled placeholder', () => {
    const spec: ExpansionSpec = { anchor: 'out', direction: 'DOWNSTREAM', pages: 1 };
    const merged = mergeExpansions(base, [spec], new Map([[expansionKey(spec), consumers('out', 3, 50)]]), 3);
    const more = toElements(merged, { moreLabel: (n) => `+${n}` }).nodes.find((n) => n.data.kind === 'More')!;
    expect(more).toMatchObject({ data: { label: '+47', hidden: 47 }, classes: 'kind-More more' });
  });
});

describe('filterKinds', () => {
  it('keeps the root, the chosen kinds and placeholders, and only edges between kept nodes', () => {
    const filtered = filterKinds(base, new Set(['Job']));
    expect(filtered.nodes).toEqual([]);
    expect(filtered.edges).toEqual([]);
    expect(filterKinds(base, new Set())).toBe(base);
    expect(filterKinds(base, new Set(['Dataset'])).edges).toHaveLength(2);
  });
});
