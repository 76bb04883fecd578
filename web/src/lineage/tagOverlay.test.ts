import { describe, expect, it } from 'vitest';
import { markTag, TAG_CARRIER_CLASS, TAG_REACHED_CLASS } from './tagOverlay.js';
import { parseViewState, viewStateQuery } from './viewState.js';
import type { GraphElements } from '../graph/elements.js';

const node = (id: string, classes: string) => ({ data: { id, label: id, kind: 'Field' }, classes }) as unknown as GraphElements['nodes'][number];

describe('a highlighted tag on the map', () => {
  it("adds the carriers' and the reached nodes' classes, keeping the others", () => {
    const elements: GraphElements = { nodes: [node('a', 'kind-Field root'), node('b', ''), node('c', 'kind-Field')], edges: [] };
    const marked = markTag(elements, new Set(['a']), new Set(['b', 'x']))!;
    expect(marked.nodes.map((n) => n.classes)).toEqual([`kind-Field root ${TAG_CARRIER_CLASS}`, TAG_REACHED_CLASS, 'kind-Field']);
    expect(marked.nodes[2]).toBe(elements.nodes[2]); // untouched nodes are the same objects (nothing to patch)
    expect(markTag(elements, new Set(), new Set())).toBe(elements);
    expect(markTag(null, new Set(['a']), new Set())).toBeNull();
  });

  it('is in the URL', () => {
    expect(parseViewState(new URLSearchParams('node=x&tag=PII')).tag).toBe('PII');
    expect(parseViewState(new URLSearchParams('node=x')).tag).toBeNull();
    expect(viewStateQuery({ tag: '敏感' })).toEqual({ tag: '敏感' });
    expect(viewStateQuery({ tag: null })).toEqual({ tag: null });
  });
});
