/**
 * Every GraphQL query and mutation of the schema, called with arguments generated from their declared
 * types (NUL, lone surrogates, 3,000-character strings, extreme numbers, odd JSON), from a fixed seed:
 * each answers data or a typed error (BAD_USER_INPUT, NOT_FOUND...), never INTERNAL_SERVER_ERROR.
 * requestTraining is left out: a valid call would launch a training process.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSchema, getNamedType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLOutputType,
} from 'graphql';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';

const schema = buildSchema(readFileSync(new URL('../../../../schema/schema.graphql', import.meta.url), 'utf8'));
const ROUNDS = 4;
const SKIPPED = new Set(['requestTraining']);
const TYPED = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'UNAVAILABLE']);

function random(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

const STRINGS = ['', 'x', 'a\u0000b', '\ud800', 'x'.repeat(3000), 'churn-classifier', 'demo', 'dataset:food_delivery:public.orders', "'", '\\', '%', '2026-01-01T00:00:00Z', 'Production', '{{x}}'];
const INTS = [0, -1, 1, 2_147_483_647, -2_147_483_648, 5, 100];
const FLOATS = [0, -1, 1e308, 0.5, 1e-300];

/** A value of type `t` (null only where the type allows it: GraphQL itself refuses the others). */
function value(t: GraphQLInputType, r: ReturnType<typeof random>, depth = 0, nullable = true): unknown {
  if (isNonNullType(t)) return value(t.ofType, r, depth, false);
  if (nullable && r.next() < 0.08) return null;
  if (isListType(t)) return depth > 3 ? [] : Array.from({ length: r.pick([0, 1, 2, 3]) }, () => value(t.ofType, r, depth + 1));
  if (isEnumType(t)) return r.pick(t.getValues()).name;
  if (isInputObjectType(t)) {
    const o: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) if (isNonNullType(f.type) || r.next() < 0.6) o[f.name] = value(f.type, r, depth + 1);
    return o;
  }
  if (!isScalarType(t)) return null;
  switch (t.name) {
    case 'Int': return r.pick(INTS);
    case 'Float': return r.pick(FLOATS);
    case 'Boolean': return r.next() < 0.5;
    case 'DateTime': return r.pick(['2026-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '2999-12-31T00:00:00Z', new Date().toISOString()]);
    case 'JSON': case 'JSONObject': return r.pick([{}, { a: 1 }, [], 'x', 1, { deep: { x: [1, { y: null }] } }]);
    default: return r.pick(STRINGS);
  }
}

/** A selection of the result's fields without required arguments, three levels deep. */
function selection(t: GraphQLOutputType, depth: number): string {
  const n = getNamedType(t);
  if (!isObjectType(n) && !isInterfaceType(n)) return isScalarType(n) || isEnumType(n) ? '' : '{ __typename }';
  if (depth > 2) return '{ __typename }';
  const fields = Object.values(n.getFields()).filter((f: GraphQLField<unknown, unknown>) => f.args.every((a) => !isNonNullType(a.type)));
  return `{ __typename ${fields.slice(0, 12).map((f) => `${f.name} ${selection(f.type, depth + 1)}`).join(' ')} }`;
}

describe('GraphQL arguments generated from their types', () => {
  let loom: TestLoom;
  beforeAll(async () => { loom = await startTestLoom(); });
  afterAll(() => loom?.close());

  it('answers every query and mutation with data or a typed error, never INTERNAL_SERVER_ERROR', async () => {
    const r = random(20261205);
    const fields = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ['query', f] as const),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ['mutation', f] as const),
    ].filter(([, f]) => !SKIPPED.has(f.name));
    const internal: string[] = [];
    const outcomes = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [kind, f] of fields) {
        const vars = Object.fromEntries(f.args.map((a) => [a.name, value(a.type, r)]));
        const defs = f.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
        const args = f.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const query = `${kind}${defs ? ` (${defs})` : ''} { ${f.name}${args ? `(${args})` : ''} ${selection(f.type, 0)} }`;
        const res = await loom.gql(query, vars);
        const code = res.errors?.length ? res.errors[0].extensions?.code : 'OK';
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
        if (res.status >= 500 || (res.errors ?? []).some((e) => !TYPED.has(e.extensions?.code))) {
          internal.push(`${f.name}: ${JSON.stringify(res.errors).slice(0, 300)} for ${JSON.stringify(vars).slice(0, 300)}`);
        }
      }
    }
    expect(internal).toEqual([]);
    // not vacuous: some calls returned data, some were refused for their arguments
    expect(outcomes.get('OK')).toBeGreaterThan(20);
    expect(outcomes.get('BAD_USER_INPUT')).toBeGreaterThan(20);
  });
});
