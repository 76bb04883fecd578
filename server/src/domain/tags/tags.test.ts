import { describe, expect, it } from 'vitest';
import { checkTagName, facetTags, nodeTagOf, taggedEdge } from './tags.js';

describe('tag names', () => {
  it('takes letters of any script, digits and a few signs, and names the field otherwise', () => {
    for (const ok of ['PII', 'gold', 'owner:@data-team', 'tier 1', '敏感数据', 'a', 'x'.repeat(100)]) expect(checkTagName('tag', ok)).toBe(ok);
    for (const bad of ['', ' PII', 'PII ', '-x', 'a\u0000b', 'x'.repeat(101), 'semi;colon', 7]) {
      expect(() => checkTagName('tag', bad)).toThrow(/^tag: must be 1-100 characters/);
    }
  });
});

describe('OpenLineage tags facet', () => {
  it('makes a tag of a key, or of key:value when the value says more than yes; keeps source and field', () => {
    expect(facetTags({
      tags: {
        tags: [
          { key: 'pii', value: 'true', source: 'DBT CORE' },
          { key: 'pii', value: 'TRUE', field: 'email' },
          { key: 'owner', value: '@ana' },
          { key: 'env', value: 'production', source: '' },
          { key: 'flag', value: true },
          { key: 'pii', value: 'true' }, // the same tag again: once
        ],
      },
    })).toEqual([
      { name: 'pii', source: 'INTEGRATION', field: null },
      { name: 'pii', source: 'INTEGRATION', field: 'email' },
      { name: 'owner:@ana', source: 'INTEGRATION', field: null },
      { name: 'env:production', source: 'INTEGRATION', field: null },
      { name: 'flag', source: 'INTEGRATION', field: null },
    ]);
  });

  it('skips what cannot be a tag and never throws on an odd facet', () => {
    for (const facets of [null, undefined, {}, { tags: null }, { tags: { tags: 'x' } }, { tags: { tags: [null, 5, { key: 3 }, { key: '' }, { key: 'x;y' }] } }]) {
      expect(facetTags(facets as never)).toEqual([]);
    }
    expect(facetTags({ tags: { tags: Array.from({ length: 500 }, (_, i) => ({ key: `t${i}` })) } })).toHaveLength(100);
  });
});

describe('TAGGED edges', () => {
  it("records who put a person's tag on and when; an emitter's only its source, so replays in any order agree", () => {
    const user = taggedEdge('dataset:a:b', 'PII', '2026-12-06T00:00:00.000Z', { source: 'USER', actor: 'ana', role: 'editor' }, true);
    expect(user).toMatchObject({ kind: 'TAGGED', to: 'tag:registry:PII', validTo: null, props: { source: 'USER', at: '2026-12-06T00:00:00.000Z', actor: 'ana', role: 'editor' } });
    expect(taggedEdge('dataset:a:b', 'PII', '2026-12-06T00:00:00.000Z', { source: 'USER' }, false).validTo).toBe('2026-12-06T00:00:00.000Z');
    const emitted = taggedEdge('dataset:a:b', 'PII', '2026-12-07T00:00:00.000Z', { source: 'SPARK' }, undefined);
    expect(emitted.props).toEqual({ source: 'SPARK' });
    expect('validTo' in emitted).toBe(false);
    expect(nodeTagOf({ ...emitted, props: emitted.props!, validFrom: '2026-12-07T00:00:00.000Z', validTo: null }))
      .toEqual({ name: 'PII', source: 'SPARK', at: '2026-12-07T00:00:00.000Z', actor: null, role: null, validTo: null });
  });
});
