import type { NodeKind } from './model.js';

/** Stable public id of a node: `kind:namespace:name` (kind lower-cased). */
export function nodeId(kind: NodeKind, namespace: string, name: string): string {
  return `${kind.toLowerCase()}:${namespace}:${name}`;
}

/** Id of a version node: `<id of the versioned node>@version`. */
export function versionId(baseId: string, version: string): string {
  return `${baseId}@${version}`;
}
