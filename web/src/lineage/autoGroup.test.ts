import { describe, expect, it } from 'vitest';
import { AUTO_GROUP_ABOVE, answerSize, groupingFor } from './autoGroup.js';

const node = (id: string, kind = 'Dataset') => ({ id, kind, namespace: 'ns', name: id });

describe('groupingFor', () => {
  it('groups an answer of more than AUTO_GROUP_ABOVE nodes by itself, and says how many', () => {
    expect(AUTO_GROUP_ABOVE).toBe(300);
    expect(groupingFor(null, 301)).toEqual({ grouped: true, auto: 301 });
    expect(groupingFor(null, 2000)).toEqual({ grouped: true, auto: 2000 });
  });

  it('changes nothing at the threshold or below', () => {
    expect(groupingFor(null, 300)).toEqual({ grouped: false, auto: null });
    expect(groupingFor(null, 0)).toEqual({ grouped: false, auto: null });
  });

  it("follows the user's choice whatever the size", () => {
    expect(groupingFor(false, 2000)).toEqual({ grouped: false, auto: null });
    expect(groupingFor(true, 2000)).toEqual({ grouped: true, auto: null });
    expect(groupingFor(true, 5)).toEqual({ grouped: true, auto: null });
    expect(groupingFor(null, 11, 10)).toEqual({ grouped: true, auto: 11 });
  });
});

describe('answerSize', () => {
  it('counts the root and the nodes, not "N more" placeholders', () => {
    expect(answerSize(null)).toBe(0);
    expect(answerSize({ root: node('r', 'Job'), nodes: [], edges: [] })).toBe(1);
    expect(answerSize({
      root: node('r', 'Job'),
      nodes: [
        { node: node('a'), distance: 1 }, { node: node('b'), distance: 1 }, { node: node('r', 'Job'), distance: 0 },
        { node: { id: 'hub:down:r', kind: 'More', namespace: '', name: '40' }, distance: 1 },
      ],
      edges: [],
    })).toBe(3);
  });
});
