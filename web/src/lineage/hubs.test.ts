import { describe, expect, it } from 'vitest';
import type { LineageData } from '../graph/elements.js';
import { foldHubs, hubNodeId, parseHubNodeId, showMoreOfHub } from './hubs.js';

const node = (id: string, kind = 'Dataset') => ({ id, kind, namespace: 'ns', name: id });
/** root → job → 60 datasets, and job → shared → sink: 61 children of job, sink hangs beneath shared. */
function hub(leaves: number): LineageData {
  const ids = Array.from({ length: leaves }, (_, i) => `d${String(i).padStart(3, '0')}`);
  return {
    root: node('root'),
    nodes: [{ node: node('job', 'Job'), distance: 1 }, ...ids.map((id) => ({ node: node(id), distance: 2 })), { node: node('shared'), distance: 2 }, { node: node('sink'), distance: 3 }],
    edges: [
      { kind: 'INPUT_TO', from: 'root', to: 'job' },
      ...ids.map((id) => ({ kind: 'OUTPUT', from: 'job', to: id })),
      { kind: 'OUTPUT', from: 'job', to: 'shared' }, { kind: 'INPUT_TO', from: 'shared', to: 'sink' },
    ],
  };
}

describe('foldHubs', () => {
  it('shows a page of a hub’s children and one "N more" node; what hangs beneath a hidden child goes with it', () => {
    const folded = foldHubs(hub(60), [], 25);
    const ids = folded.nodes.map((n) => n.node.id);
    expect(ids).toContain('job');
    expect(ids).not.toContain('shared'); // sorted after d000…d059
    expect(ids).not.toContain('sink');
    expect(ids.filter((id) => /^d\d+$/.test(id))).toEqual(Array.from({ length: 25 }, (_, i) => `d${String(i).padStart(3, '0')}`));
    const more = folded.nodes.find((n) => n.node.id === hubNodeId('job', 'DOWNSTREAM'))!;
    expect(more).toMatchObject({ node: { kind: 'More', name: '36' }, distance: 2 });
    expect(folded.edges).toContainEqual({ kind: 'More', from: 'job', to: hubNodeId('job', 'DOWNSTREAM') });
    expect(folded.edges.some((e) => e.to === 'd030')).toBe(false);
  });

  it('shows more pages on request; what was shown stays shown', () => {
    const specs = showMoreOfHub([], 'job', 'DOWNSTREAM');
    expect(specs).toEqual([{ anchor: 'job', direction: 'DOWNSTREAM', pages: 2 }]);
    const two = foldHubs(hub(85), specs, 25);
    const leaves = two.nodes.filter((n) => /^d\d+$/.test(n.node.id)).map((n) => n.node.id);
    expect(leaves).toHaveLength(50);
    expect(leaves).toEqual(expect.arrayContaining(foldHubs(hub(85), [], 25).nodes.filter((n) => /^d\d+$/.test(n.node.id)).map((n) => n.node.id)));
    expect(two.nodes.find((n) => n.node.kind === 'More')!.node.name).toBe('36');
    // the last page: fewer left than are worth a tap → everything shown, no "more" node
    expect(foldHubs(hub(85), showMoreOfHub(specs, 'job', 'DOWNSTREAM'), 25).nodes.some((n) => n.node.kind === 'More')).toBe(false);
  });

  it('leaves small fan-outs alone and round-trips hub node ids', () => {
    expect(foldHubs(hub(30), [], 25)).toEqual(hub(30));
    expect(parseHubNodeId(hubNodeId('dataset:a:b', 'UPSTREAM'))).toEqual({ anchor: 'dataset:a:b', direction: 'UPSTREAM' });
    expect(parseHubNodeId('dataset:a:b')).toBeNull();
  });
});

describe('foldHubs on a read-by-many dataset', () => {
  it('folds the consumer jobs beyond the page together with the datasets only they write', () => {
    const jobs = Array.from({ length: 60 }, (_, i) => `j${String(i).padStart(2, '0')}`);
    const data: LineageData = {
      root: node('hub'),
      nodes: [...jobs.map((id) => ({ node: node(id, 'Job'), distance: 1 })), ...jobs.map((id) => ({ node: node(`out-${id}`), distance: 2 })),
        { node: node('joined'), distance: 2 }],
      edges: [...jobs.flatMap((id) => [{ kind: 'INPUT_TO', from: 'hub', to: id }, { kind: 'OUTPUT', from: id, to: `out-${id}` }]),
        // written by a shown and a hidden job: stays
        { kind: 'OUTPUT', from: 'j00', to: 'joined' }, { kind: 'OUTPUT', from: 'j59', to: 'joined' }],
    };
    const folded = foldHubs(data, [], 25);
    const ids = new Set([folded.root.id, ...folded.nodes.map((n) => n.node.id)]);
    expect(folded.nodes.filter((n) => n.node.kind === 'Job')).toHaveLength(25);
    expect(ids.has('out-j00')).toBe(true);
    expect(ids.has('out-j59')).toBe(false);
    expect(ids.has('joined')).toBe(true);
    expect(folded.nodes.find((n) => n.node.id === hubNodeId('hub', 'DOWNSTREAM'))!.node.name).toBe('35');
    expect(folded.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
  });
});
