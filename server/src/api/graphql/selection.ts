import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Which of `fields` the query selects at `path` below the field being resolved, through fragments and
 * inline fragments. Directives (@include, @skip) are not evaluated: a field they might leave out counts
 * as selected, which only costs the reads it would have saved.
 */
export function selectedOf<F extends string>(info: GraphQLResolveInfo, path: readonly string[], fields: ReadonlySet<F>): Set<F> {
  const found = new Set<F>();
  const names = fields as ReadonlySet<string>;
  const walk = (set: SelectionSetNode | undefined, depth: number): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, depth);
      else if (s.kind === Kind.FRAGMENT_SPREAD) walk(info.fragments[s.name.value]?.selectionSet, depth);
      else if (depth === path.length) { if (names.has(s.name.value)) found.add(s.name.value as F); }
      else if (s.name.value === path[depth]) walk(s.selectionSet, depth + 1);
    }
  };
  for (const n of info.fieldNodes) walk(n.selectionSet, 0);
  return found;
}

/** Whether the query selects any of `fields` at `path` (see selectedOf). */
export function selectsAny(info: GraphQLResolveInfo, path: readonly string[], fields: ReadonlySet<string>): boolean {
  return selectedOf(info, path, fields).size > 0;
}
