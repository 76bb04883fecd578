import { describe, expect, it } from 'vitest';
import { selectedOf, selectsAny } from './selection.js';
import { infoOf } from './selection.testkit.js';

const DETAILS = new Set(['props', 'createdAt']);
const selects = (query: string) => selectsAny(infoOf(query), ['nodes', 'node'], DETAILS);

describe('selectsAny', () => {
  it('finds a field at the path, directly, through aliases, fragments and inline fragments', () => {
    expect(selects('{ lineage(nodeId: "x") { nodes { node { id props } } } }')).toBe(true);
    expect(selects('{ lineage(nodeId: "x") { n: nodes { d: node { c: createdAt } } } }')).toBe(true);
    expect(selects('query { lineage(nodeId: "x") { ...L } } fragment L on Lineage { nodes { node { ...N } } } fragment N on GraphNode { props }')).toBe(true);
    expect(selects('{ lineage(nodeId: "x") { nodes { node { ... on GraphNode { createdAt } } } } }')).toBe(true);
    expect(selects('{ lineage(nodeId: "x") { nodes { node { props @include(if: false) } } } }')).toBe(true); // directives not evaluated
  });

  it('does not find it elsewhere: other fields, another path, the root', () => {
    expect(selects('{ lineage(nodeId: "x") { nodes { distance node { id kind namespace name validTo } } } }')).toBe(false);
    expect(selects('{ lineage(nodeId: "x") { root { props createdAt } nodes { node { id } } } }')).toBe(false);
    expect(selects('{ lineage(nodeId: "x") { nodes { node { neighbours { items { node { props } } } } } } }')).toBe(false);
    expect(selects('query { lineage(nodeId: "x") { ...L } } fragment L on Lineage { nodes { distance } } fragment N on GraphNode { props }')).toBe(false);
  });
});

describe('selectedOf', () => {
  it('gives which of the fields are selected, gathered across fragments and repeated paths', () => {
    const of = (query: string) => [...selectedOf(infoOf(query), ['nodes', 'node'], DETAILS)].sort();
    expect(of('{ lineage(nodeId: "x") { nodes { node { id } } } }')).toEqual([]);
    expect(of('{ lineage(nodeId: "x") { nodes { node { props } } } }')).toEqual(['props']);
    expect(of('query { lineage(nodeId: "x") { nodes { node { props } } ...L } } fragment L on Lineage { nodes { node { ... on GraphNode { createdAt } } } }')).toEqual(['createdAt', 'props']);
  });
});
