import { describe, expect, it } from 'vitest';
import { withQuery } from './router.js';

describe('withQuery', () => {
  it('sets, replaces and removes parameters, keeping the path', () => {
    expect(withQuery('/lineage?node=a&depth=3', { depth: 5, asOf: '2026-01-01' })).toBe('/lineage?node=a&depth=5&asOf=2026-01-01');
    expect(withQuery('/lineage?node=a&depth=3', { depth: null })).toBe('/lineage?node=a');
    expect(withQuery('/runs', { compare: '' })).toBe('/runs');
    expect(withQuery('/runs', { q: 'a b&c' })).toBe('/runs?q=a+b%26c');
  });
});
