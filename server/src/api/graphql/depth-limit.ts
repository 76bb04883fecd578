import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql';

/** An IDE's introspection query nests `ofType` about ten levels under `__schema`; 300 levels are an attack. */
export const INTROSPECTION_DEPTH = 20;
/** Introspection fields (`__schema`, `__type`) one operation may ask for: aliasing one 150 times built a 36 MB answer. */
export const INTROSPECTION_FIELDS = 3;

/**
 * Reject operations nested deeper than `max` selection levels (fragments followed, cycles cut).
 * Introspection (`__schema`, `__type`) is counted apart: its shape is fixed and IDEs need it deeper than
 * `max`, so it has its own depth and count limits.
 */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const introspection: number[] = [];
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const depthOf = (node: ASTNode, seen: Set<string>): number => {
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(node.name.value);
        if (!frag || seen.has(node.name.value)) return 0;
        return depthOf(frag.selectionSet, new Set(seen).add(node.name.value));
      }
      if (node.kind === Kind.FIELD) {
        if (node.name.value.startsWith('__')) {
          if (node.selectionSet) introspection.push(1 + depthOf(node.selectionSet, seen));
          return 0;
        }
        return node.selectionSet ? 1 + depthOf(node.selectionSet, seen) : 1;
      }
      if (node.kind === Kind.INLINE_FRAGMENT || node.kind === Kind.OPERATION_DEFINITION || node.kind === Kind.FRAGMENT_DEFINITION) return depthOf(node.selectionSet, seen);
      if (node.kind === Kind.SELECTION_SET) return Math.max(0, ...node.selections.map((s) => depthOf(s, seen)));
      return 0;
    };
    return {
      OperationDefinition(op) {
        introspection.length = 0;
        const depth = depthOf(op, new Set());
        if (depth > max) context.reportError(new GraphQLError(`Query depth ${depth} exceeds the limit of ${max}`, { nodes: [op] }));
        const deepest = Math.max(0, ...introspection);
        if (deepest > INTROSPECTION_DEPTH) context.reportError(new GraphQLError(`Introspection depth ${deepest} exceeds the limit of ${INTROSPECTION_DEPTH}`, { nodes: [op] }));
        if (introspection.length > INTROSPECTION_FIELDS) context.reportError(new GraphQLError(`${introspection.length} introspection fields (__schema, __type) exceed the limit of ${INTROSPECTION_FIELDS} in one operation`, { nodes: [op] }));
      },
    };
  };
}
