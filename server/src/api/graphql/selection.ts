import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query selects any of `fields` at `path` below the field being resolved, through
 * fragments and inline fragments. Directives (@include, @skip) are not evaluated: a field they
 * might leave out counts as selected, which only costs the reads it would have saved.
 */
export function selectsAny(info: GraphQLResolveInfo, path: readonly string[], fields: ReadonlySet<string>): boolean {
  const within = (set: SelectionSetNode | undefined, depth: number): boolean => (set?.selections ?? []).some((s) => {
    if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet, depth);
    if (s.kind === Kind.FRAGMENT_SPREAD) return within(info.fragments[s.name.value]?.selectionSet, depth);
    return depth === path.length ? fields.has(s.name.value) : s.name.value === path[depth] && within(s.selectionSet, depth + 1);
  });
  return info.fieldNodes.some((n) => within(n.selectionSet, 0));
}
