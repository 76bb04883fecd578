import { describe, expect, it } from 'vitest';
import { toElements, type LineageData } from './elements.js';
import { COLUMN_STEP, ROW_STEP } from './layered.js';
import { placeNew } from './place.js';

const n = (id: string) => ({ node: { id, kind: 'Dataset', namespace: 'ns', name: id }, distance: 1 });
const base: LineageData = {
  root: { id: 'r', kind: 'Job', namespace: 'ns', name: 'r' },
  nodes: [n('a'), n('x')],
  edges: [{ kind: 'INPUT_TO', from: 'a', to: 'r' }, { kind: 'OUTPUT', from: 'r', to: 'x' }],
};
const known = { a: { x: 0, y: 0 }, r: { x: COLUMN_STEP, y: 0 }, x: { x: 2 * COLUMN_STEP, y: 0 } };

describe('placeNew', () => {
  it('keeps drawn nodes exactly where they are', () => {
    const grown = toElements({ ...base, nodes: [...base.nodes, n('x2')], edges: [...base.edges, { kind: 'OUTPUT', from: 'r', to: 'x2' }] });
    const p = placeNew(grown, known);
    expect(p.a).toEqual(known.a);
    expect(p.r).toEqual(known.r);
    expect(p.x).toEqual(known.x);
  });

  it('puts downstream additions right of their anchor and upstream ones left, in the nearest free rows', () => {
    const grown = toElements({
      ...base,
      nodes: [...base.nodes, n('x2'), n('x3'), n('up')],
      edges: [...base.edges, { kind: 'OUTPUT', from: 'r', to: 'x2' }, { kind: 'OUTPUT', from: 'r', to: 'x3' }, { kind: 'INPUT_TO', from: 'up', to: 'a' }],
    });
    const p = placeNew(grown, known);
    expect(p.x2.x).toBe(2 * COLUMN_STEP);
    expect(p.x3.x).toBe(2 * COLUMN_STEP);
    expect([p.x2.y, p.x3.y].sort((u, v) => u - v)).toEqual([-ROW_STEP, ROW_STEP]); // row 0 is taken by x
    expect(p.up).toEqual({ x: -COLUMN_STEP, y: 0 });
  });

  it('chains through new nodes and places unconnected ones below everything', () => {
    const grown = toElements({
      ...base,
      nodes: [...base.nodes, n('x2'), n('x3'), n('lonely')],
      edges: [...base.edges, { kind: 'OUTPUT', from: 'x2', to: 'x3' }, { kind: 'OUTPUT', from: 'x', to: 'x2' }],
    });
    const p = placeNew(grown, known);
    expect(p.x3.x).toBe(p.x2.x + COLUMN_STEP);
    expect(p.lonely.y).toBeGreaterThan(0);
    expect(Object.keys(p)).toHaveLength(6);
  });

  it('never puts a new node on one drawn off the column grid (a cluster the full layout placed between columns)', () => {
    const off = { ...known, x: { x: 2.5 * COLUMN_STEP + 5, y: 0 } }; // in the next column's bucket, half a column from the slot
    const grown = toElements({ ...base, nodes: [...base.nodes, n('x2')], edges: [...base.edges, { kind: 'OUTPUT', from: 'r', to: 'x2' }] });
    const p = placeNew(grown, off);
    expect(Math.abs(p.x2.x - off.x.x) >= COLUMN_STEP * 0.9 || Math.abs(p.x2.y - off.x.y) >= ROW_STEP * 0.9).toBe(true);
  });
});
