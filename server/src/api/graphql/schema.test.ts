import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { renderSdl } from '../emit-schema.js';
import { loomSchema } from './schema.js';
import { depthLimit } from './depth-limit.js';

describe('GraphQL schema', () => {
  it('is checked in as emitted from the code', async () => {
    const committed = readFileSync(new URL('../../../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(await renderSdl());
  });

  it('limits query depth, following fragments', async () => {
    const schema = await loomSchema();
    const ok = parse('{ search(text: "x") { id } }');
    expect(validate(schema, ok, [depthLimit(3)])).toEqual([]);
    const deep = parse('fragment F on GraphNode { neighbours { items { node { id } } } } { search(text: "x") { ...F } }');
    expect(validate(schema, deep, [depthLimit(3)])[0].message).toBe('Query depth 5 exceeds the limit of 3');
    const introspection = parse('{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }');
    expect(validate(schema, introspection, [depthLimit(3)])).toEqual([]);
  });
});
