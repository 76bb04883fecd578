/**
 * A bound on what one GraphQL operation may ask for, before any of it runs: every field costs 1, and a
 * field given a page size (`first`, `limit`) costs that many times what is selected under it, so aliases
 * and nesting multiply as the work does (three levels of `neighbours(first: 500)` are 500³ rows; forty
 * aliased `lineage(limit: 5000)` walks are 200,000 nodes). Over MAX_COST the operation is refused
 * (BAD_USER_INPUT, HTTP 400), with its cost, before it holds the graph's readers and stalls every other
 * request. Variables are known here (an Apollo plugin, not a validation rule), so the cost is the one
 * asked for. The walk reads the schema's types by shape, not by class, so it works with whichever copy
 * of `graphql` built the schema.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode, type ValueNode } from 'graphql';

/** The web app's largest reads (a 2,500-node lineage with its fields, ~75,000) fit several times over. */
export const MAX_COST = 500_000;
/** At most this many fields in one operation, aliases and fragments counted (its size, whatever it costs). */
export const MAX_FIELDS = 2_000;

const PAGE_ARGS = new Set(['first', 'limit']);
/** A 400, as a query that does not validate is. */
const REFUSED = { code: 'BAD_USER_INPUT', field: 'query', http: { status: 400 } };

interface TypeLike { name?: string; ofType?: TypeLike; getFields?: () => Record<string, { type: TypeLike; args: readonly { name: string; defaultValue?: unknown }[] }> }
const named = (t: TypeLike): TypeLike => (t.ofType ? named(t.ofType) : t);

function intOf(v: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!v) return undefined;
  if (v.kind === Kind.INT) return Number(v.value);
  if (v.kind === Kind.VARIABLE) return typeof variables[v.name.value] === 'number' ? (variables[v.name.value] as number) : undefined;
  return undefined;
}

/** The operation's cost and how many fields it selects (fragments expanded, cycles cut). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): { cost: number; fields: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!op || op.kind !== Kind.OPERATION_DEFINITION) return { cost: 0, fields: 0 };
  const root = (op.operation === 'mutation' ? schema.getMutationType() : op.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType()) as TypeLike | null | undefined;
  let fields = 0;
  const walk = (set: SelectionSetNode, parent: TypeLike | undefined, seen: ReadonlySet<string>): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (fields > MAX_FIELDS) return cost;
      if (sel.kind === Kind.FIELD) {
        fields++;
        const def = sel.name.value.startsWith('__') ? undefined : parent?.getFields?.()[sel.name.value];
        const child = sel.selectionSet ? walk(sel.selectionSet, def && named(def.type), seen) : 0;
        const size = def?.args.filter((a) => PAGE_ARGS.has(a.name))
          .map((a) => intOf(sel.arguments?.find((x) => x.name.value === a.name)?.value, variables) ?? (typeof a.defaultValue === 'number' ? a.defaultValue : undefined))
          .find((n): n is number => n !== undefined && n > 0);
        cost += size === undefined ? 1 + child : 1 + size * Math.max(1, child);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        cost += walk(sel.selectionSet, sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as TypeLike | undefined) : parent, seen);
      } else {
        const frag = fragments.get(sel.name.value);
        if (frag && !seen.has(frag.name.value)) cost += walk(frag.selectionSet, schema.getType(frag.typeCondition.name.value) as TypeLike | undefined, new Set(seen).add(frag.name.value));
      }
    }
    return cost;
  };
  const cost = walk(op.selectionSet, root ?? undefined, new Set());
  return { cost, fields };
}

export function costLimitPlugin(schema: GraphQLSchema, max = MAX_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const { cost, fields } = operationCost(schema, document, request.operationName, request.variables ?? {});
          if (fields > MAX_FIELDS) throw new GraphQLError(`query: more than ${MAX_FIELDS} fields (aliases and fragments counted); ask for fewer`, { extensions: REFUSED });
          if (cost > max) {
            throw new GraphQLError(`query: it would cost ${cost} (at most ${max}): every field counts 1, and a page size (first, limit) multiplies what is selected under it; ask for smaller pages, fewer aliases or less nesting`, { extensions: REFUSED });
          }
        },
      };
    },
  };
}
