import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Reject operations nested deeper than `max` selection levels (fragments followed, cycles cut).
 * Introspection (`__schema`, `__type`) is exempt: its shape is fixed and IDEs need it.
 */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const depthOf = (node: ASTNode, seen: Set<string>): number => {
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(node.name.value);
        if (!frag || seen.has(node.name.value)) return 0;
        return depthOf(frag.selectionSet, new Set(seen).add(node.name.value));
      }
      if (node.kind === Kind.FIELD) {
        if (node.name.value.startsWith('__')) return 0;
        return node.selectionSet ? 1 + depthOf(node.selectionSet, seen) : 1;
      }
      if (node.kind === Kind.INLINE_FRAGMENT || node.kind === Kind.OPERATION_DEFINITION || node.kind === Kind.FRAGMENT_DEFINITION) return depthOf(node.selectionSet, seen);
      if (node.kind === Kind.SELECTION_SET) return Math.max(0, ...node.selections.map((s) => depthOf(s, seen)));
      return 0;
    };
    return {
      OperationDefinition(op) {
        const depth = depthOf(op, new Set());
        if (depth > max) context.reportError(new GraphQLError(`Query depth ${depth} exceeds the limit of ${max}`, { nodes: [op] }));
      },
    };
  };
}
