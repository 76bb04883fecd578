import { describe, expect, it } from 'vitest';
import { hopFromLineage } from './hop.js';

const n = (id: string) => ({ id, kind: 'Dataset', namespace: 'ns', name: id });

describe('hopFromLineage (time-travel expansion)', () => {
  const lineage = {
    nodes: [{ node: n('b'), distance: 1 }, { node: n('a'), distance: 1 }, { node: n('far'), distance: 2 }],
    edges: [{ kind: 'OUTPUT', from: 'j', to: 'b' }, { kind: 'OUTPUT', from: 'j', to: 'a' }, { kind: 'INPUT_TO', from: 'a', to: 'far' }],
    isPartial: false,
  };

  it('keeps only the one-hop neighbours with the edge to the anchor, in a stable order', () => {
    expect(hopFromLineage(lineage, 'j', 10)).toEqual({
      items: [{ node: n('a'), edge: { kind: 'OUTPUT', from: 'j', to: 'a' } }, { node: n('b'), edge: { kind: 'OUTPUT', from: 'j', to: 'b' } }],
      total: 2,
    });
  });

  it('cuts at the limit and, when the server cut too, promises more than it holds', () => {
    expect(hopFromLineage(lineage, 'j', 1)).toMatchObject({ total: 2 });
    expect(hopFromLineage(lineage, 'j', 1).items).toHaveLength(1);
    expect(hopFromLineage({ ...lineage, isPartial: true }, 'j', 10).total).toBe(3);
    // lineageCount's count of the hop gives a partial answer's total (it said one more than drawn: "1 more" for 1,975)
    expect(hopFromLineage({ ...lineage, isPartial: true }, 'j', 1, 2000).total).toBe(2000);
  });
});
