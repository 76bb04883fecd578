import type { NodeKind } from './model.js';

/** Stable public id of a node: `kind:namespace:name` (kind lower-cased). */
export function nodeId(kind: NodeKind, namespace: string, name: string): string {
  return `${kind.toLowerCase()}:${namespace}:${name}`;
}

/** Id of a version node: `<id of the versioned node>@version`. */
export function versionId(baseId: string, version: string): string {
  return `${baseId}@${version}`;
}

/**
 * Id of a Run node: OpenLineage run ids are globally unique UUIDs, so a run is keyed by its id alone
 * (not by its job's namespace). A trace (`loom.run.id`), a registry version's source run and a
 * training request all name the same Run node that OpenLineage events create.
 */
export function runNodeId(runId: string): string {
  return `run:${runId}`;
}

/** Registry objects live in the reserved `registry` namespace of their tenant. */
export const REGISTRY_NAMESPACE = 'registry';

/** A registered model (model registry) and one of its versions (`model:registry:<name>@<version>`). */
export function registeredModelId(name: string): string {
  return nodeId('Model', REGISTRY_NAMESPACE, name);
}
export function modelVersionId(model: string, version: string | number): string {
  return versionId(registeredModelId(model), String(version));
}

/** A prompt (prompt registry) and one of its immutable versions (`prompt:registry:<name>@<version>`). */
export function promptId(name: string): string {
  return nodeId('Prompt', REGISTRY_NAMESPACE, name);
}
export function promptVersionId(prompt: string, version: string | number): string {
  return versionId(promptId(prompt), String(version));
}

/** An experiment (experiment tracking): `experiment:registry:<name>`. */
export function experimentId(name: string): string {
  return nodeId('Experiment', REGISTRY_NAMESPACE, name);
}
