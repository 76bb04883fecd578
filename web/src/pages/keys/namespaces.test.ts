import { describe, expect, it } from 'vitest';
import { namespaceSuggestions, parseNamespaces } from './namespaces.js';

describe('parseNamespaces', () => {
  it('splits on commas, trims, drops empty items and repeats', () => {
    expect(parseNamespaces(' team-a, team-a-staging ,,team-a, ')).toEqual(['team-a', 'team-a-staging']);
    expect(parseNamespaces('postgres://db:5432')).toEqual(['postgres://db:5432']);
  });
  it('names none for an empty or blank text: the whole tenant', () => {
    expect(parseNamespaces('')).toEqual([]);
    expect(parseNamespaces(' , ')).toEqual([]);
  });
});

describe('namespaceSuggestions', () => {
  const known = ['team-a', 'team-b', 'team-c'];
  it('offers every known namespace before the first comma', () => {
    expect(namespaceSuggestions('', known)).toEqual(known);
    expect(namespaceSuggestions('te', known)).toEqual(known);
  });
  it('keeps what is typed before the last comma as typed, and leaves out the namespaces listed there', () => {
    expect(namespaceSuggestions('team-a, te', known)).toEqual(['team-a, team-b', 'team-a, team-c']);
    expect(namespaceSuggestions('team-b,', known)).toEqual(['team-b,team-a', 'team-b,team-c']);
    expect(namespaceSuggestions('team-a,  team-c,  ', [...known, 'team-a'])).toEqual(['team-a,  team-c,  team-b']);
  });
});
