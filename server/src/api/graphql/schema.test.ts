import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getIntrospectionQuery, parse, validate } from 'graphql';
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

  it('lets IDEs introspect, but not 300 levels deep nor 150 times in one operation (a 36 MB answer)', async () => {
    const schema = await loomSchema();
    expect(validate(schema, parse(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true })), [depthLimit(12)])).toEqual([]);
    const deep = parse(`{ __type(name: "Query") { ${'ofType { '.repeat(300)}name${' }'.repeat(300)} } }`);
    expect(validate(schema, deep, [depthLimit(12)]).map((e) => e.message)).toEqual(['Introspection depth 302 exceeds the limit of 20']);
    const many = parse(`{ ${Array.from({ length: 150 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`);
    expect(validate(schema, many, [depthLimit(12)]).map((e) => e.message)).toEqual(['150 introspection fields (__schema, __type) exceed the limit of 3 in one operation']);
  });
});
