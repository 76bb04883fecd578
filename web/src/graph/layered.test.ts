import { describe, expect, it } from 'vitest';
import { lineageGraph } from '../../../seeds/synthetic/lineage-graph.js';
import { toElements, type LineageData } from './elements.js';
import { COLUMN_STEP, ROW_STEP, layeredLayout, longestPathLayers } from './layered.js';

const e = (source: string, target: string) => ({ source, target });

describe('longestPathLayers', () => {
  it('puts sources in layer 0 and every node one layer right of its furthest predecessor', () => {
    const layers = longestPathLayers(['a', 'b', 'c', 'd'], [e('a', 'b'), e('b', 'c'), e('a', 'c'), e('d', 'c')]);
    expect(Object.fromEntries(layers)).toEqual({ a: 0, b: 1, c: 2, d: 0 });
  });

  it('terminates on cycles and still places every node, ignoring self-loops and unknown ends', () => {
    const layers = longestPathLayers(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c'), e('c', 'b'), e('a', 'a'), e('a', 'zz')]);
    expect([...layers.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(layers.get('a')).toBe(0);
  });
});

describe('layeredLayout', () => {
  const node = (id: string) => ({ node: { id, kind: 'Dataset', namespace: 'ns', name: id }, distance: 1 });
  const data: LineageData = {
    root: { id: 'r', kind: 'Job', namespace: 'ns', name: 'r' },
    nodes: ['a', 'b', 'x', 'y'].map(node),
    edges: [{ kind: 'INPUT_TO', from: 'a', to: 'r' }, { kind: 'INPUT_TO', from: 'b', to: 'r' }, { kind: 'OUTPUT', from: 'r', to: 'x' }, { kind: 'OUTPUT', from: 'r', to: 'y' }],
  };

  it('places upstream left of downstream on a grid without overlaps', () => {
    const p = layeredLayout(toElements(data));
    expect(p.a.x).toBe(p.b.x);
    expect(p.r.x - p.a.x).toBe(COLUMN_STEP);
    expect(p.x.x - p.r.x).toBe(COLUMN_STEP);
    expect(Math.abs(p.a.y - p.b.y)).toBe(ROW_STEP);
    const seen = new Set(Object.values(p).map((q) => `${q.x},${q.y}`));
    expect(seen.size).toBe(5);
  });

  it('lays out 2,000 generated nodes in well under 100 ms (ELK needs seconds)', () => {
    const batches = [...lineageGraph({ nodes: 2000 })];
    const nodes = batches.flatMap((b) => b.nodes);
    const edges = batches.flatMap((b) => b.edges);
    const elements = toElements({ root: nodes[0], nodes: nodes.slice(1).map((n) => ({ node: n, distance: 1 })), edges });
    const t0 = performance.now();
    const positions = layeredLayout(elements);
    const ms = performance.now() - t0;
    expect(Object.keys(positions)).toHaveLength(2000);
    for (const edge of edges) expect(positions[edge.from].x).toBeLessThan(positions[edge.to].x);
    expect(ms).toBeLessThan(250);
  });
});
