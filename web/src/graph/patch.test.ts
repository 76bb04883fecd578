import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { toElements, type LineageData } from './elements.js';
import { patchGraph } from './patch.js';

const n = (name: string, kind = 'Dataset') => ({ id: `${kind.toLowerCase()}:ns:${name}`, kind, namespace: 'ns', name });
const [a, job, b, c] = [n('a'), n('j', 'Job'), n('b'), n('c')];
const first: LineageData = {
  root: a,
  nodes: [{ node: job, distance: 1 }, { node: b, distance: 2 }],
  edges: [{ kind: 'INPUT_TO', from: a.id, to: job.id }, { kind: 'OUTPUT', from: job.id, to: b.id }],
};
const second: LineageData = {
  root: job,
  nodes: [{ node: a, distance: 1 }, { node: c, distance: 1 }],
  edges: [{ kind: 'INPUT_TO', from: a.id, to: job.id }, { kind: 'OUTPUT', from: job.id, to: c.id }],
};
const positions = { [a.id]: { x: 0, y: 0 }, [job.id]: { x: 100, y: 0 }, [b.id]: { x: 200, y: 0 }, [c.id]: { x: 200, y: 50 } };

describe('patchGraph (headless Cytoscape)', () => {
  it('adds, removes and updates by id, keeping the elements that stay', () => {
    const cy = cytoscape({ headless: true });
    expect(patchGraph(cy, toElements(first), positions)).toEqual({ added: 5, removed: 0, updated: 0 });
    expect(cy.getElementById(b.id).position()).toEqual({ x: 200, y: 0 });
    const keptNode = cy.getElementById(a.id);
    const keptEdge = cy.getElementById(`INPUT_TO:${a.id}->${job.id}`);
    keptNode.select();

    // a and job changed distance and root class; the kept edge is unchanged, so it is not touched.
    expect(patchGraph(cy, toElements(second), positions)).toEqual({ added: 2, removed: 2, updated: 2 });
    expect(patchGraph(cy, toElements(second), positions)).toEqual({ added: 0, removed: 0, updated: 0 });
    expect(cy.nodes().map((node) => node.id()).sort()).toEqual([a.id, c.id, job.id].sort());
    expect(cy.edges().map((edge) => edge.id()).sort()).toEqual([`INPUT_TO:${a.id}->${job.id}`, `OUTPUT:${job.id}->${c.id}`]);
    expect(cy.getElementById(a.id)).toBe(keptNode);
    expect(cy.getElementById(keptEdge.id()).same(keptEdge)).toBe(true);
    expect(keptNode.selected()).toBe(true);
    expect(keptNode.data('distance')).toBe(1);
    expect(keptNode.hasClass('root')).toBe(false);
    expect(cy.getElementById(job.id).hasClass('root')).toBe(true);
    cy.destroy();
  });
});
