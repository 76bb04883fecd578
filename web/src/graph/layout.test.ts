import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { toElements, type LineageNodeData } from './elements.js';
import { BOX_WIDTH, SHAPE_SIZE, computeLayout, positionsFromElk, toElkGraph } from './layout.js';

const node = (name: string, kind = 'Dataset'): LineageNodeData => ({ id: `${kind.toLowerCase()}:ns:${name}`, kind, namespace: 'ns', name });
const a = node('raw.a');
const b = node('raw.b');
const job = node('join', 'Job');
const out = node('joined');
const model = node('model', 'Model');

// a ─┐
//    ├─> job ─> out ─> model
// b ─┘
const elements = toElements({
  root: out,
  nodes: [a, b, job, model].map((n) => ({ node: n, distance: 1 })),
  edges: [
    { kind: 'INPUT_TO', from: a.id, to: job.id },
    { kind: 'INPUT_TO', from: b.id, to: job.id },
    { kind: 'OUTPUT', from: job.id, to: out.id },
    { kind: 'INPUT_TO', from: out.id, to: model.id },
  ],
});

describe('toElkGraph', () => {
  it('builds a layered left-to-right ELK graph with one box per node and one edge per element edge', () => {
    const graph = toElkGraph(elements);
    expect(graph.layoutOptions).toMatchObject({ 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' });
    expect(graph.children?.map((c) => c.id)).toEqual([out.id, a.id, b.id, job.id, model.id]); // root, then by id
    expect(graph.children?.every((c) => c.width === BOX_WIDTH && (c.height ?? 0) > SHAPE_SIZE)).toBe(true);
    expect(graph.edges?.map((e) => [e.sources, e.targets])).toContainEqual([[a.id], [job.id]]);
  });

  it('leaves self-loops to Cytoscape', () => {
    const withLoop = { ...elements, edges: [...elements.edges, { ...elements.edges[0], data: { id: 'X:a->a', source: a.id, target: a.id, kind: 'X' } }] };
    expect(toElkGraph(withLoop).edges).toHaveLength(elements.edges.length);
  });
});

describe('positionsFromElk', () => {
  it('maps box corners to shape centres', () => {
    expect(positionsFromElk({ id: 'g', children: [{ id: 'n', x: 10, y: 20, width: 100, height: 60 }] })).toEqual({
      n: { x: 60, y: 20 + SHAPE_SIZE / 2 },
    });
  });
});

describe('computeLayout with ELK', () => {
  it('places every node, upstream to the left of downstream', async () => {
    const positions = await computeLayout(new ELK(), elements);
    expect(Object.keys(positions).sort()).toEqual([a.id, b.id, job.id, model.id, out.id].sort());
    expect(positions[a.id].x).toBeLessThan(positions[job.id].x);
    expect(positions[b.id].x).toBeLessThan(positions[job.id].x);
    expect(positions[job.id].x).toBeLessThan(positions[out.id].x);
    expect(positions[out.id].x).toBeLessThan(positions[model.id].x);
    // The two sources share a layer, one above the other, without overlapping.
    expect(positions[a.id].x).toBe(positions[b.id].x);
    expect(Math.abs(positions[a.id].y - positions[b.id].y)).toBeGreaterThanOrEqual(SHAPE_SIZE);
  });
});
