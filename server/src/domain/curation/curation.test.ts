import { describe, expect, it } from 'vitest';
import { CURATED_PROPS, descriptionOf, ownersOf } from './curation.js';

const by = { actor: 'ana', role: 'editor', at: '2026-12-06T00:00:00.000Z' };

describe("a node's description and owners", () => {
  it("prefer what a person set, and fall back to the emitter's facets", () => {
    const facets = { 'facets.documentation': { description: 'from dbt' }, 'facets.ownership': { owners: [{ name: 'team:x', type: 'MAINTAINER' }, { name: '' }, 5] } };
    expect(descriptionOf(facets)).toEqual({ value: 'from dbt', source: 'EMITTER', by: null });
    expect(ownersOf(facets)).toEqual({ value: [{ name: 'team:x', type: 'MAINTAINER' }], source: 'EMITTER', by: null });
    const mine = { ...facets, [CURATED_PROPS.description]: 'mine', [CURATED_PROPS.describedBy]: by, [CURATED_PROPS.owners]: [{ name: 'ana', type: null }], [CURATED_PROPS.ownersBy]: by };
    expect(descriptionOf(mine)).toEqual({ value: 'mine', source: 'USER', by });
    expect(ownersOf(mine)).toEqual({ value: [{ name: 'ana', type: null }], source: 'USER', by });
    // Cleared (null) by a person: the emitter's again.
    expect(descriptionOf({ ...facets, [CURATED_PROPS.description]: null })?.source).toBe('EMITTER');
    expect(ownersOf({ ...facets, [CURATED_PROPS.owners]: null }).source).toBe('EMITTER');
  });

  it('are empty when nobody said anything, and never throw on odd facets', () => {
    expect(descriptionOf({})).toBeNull();
    expect(ownersOf({})).toEqual({ value: [], source: 'EMITTER', by: null });
    expect(descriptionOf({ 'facets.documentation': 'text' })).toBeNull();
    expect(ownersOf({ 'facets.ownership': { owners: 'x' } }).value).toEqual([]);
  });
});
