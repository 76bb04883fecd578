import type { NodeKind } from './model.js';
import { badInput } from './errors.js';

/** Whether text can be part of a node id (see checked). */
export const nameable = (...parts: string[]) => parts.every((p) => !p.includes('\u0000'));

/**
 * An id as the graph can hold it: the embedded graph ends a string at a NUL character, so an id with one
 * would be stored cut short, and its edges would miss it (a lineage event answered, then left out of the
 * graph). Every id is built here, so input that names a node with a NUL is refused where it is built:
 * before a lineage event is answered, as a GraphQL BAD_USER_INPUT.
 */
function checked(id: string): string {
  if (!nameable(id)) throw badInput('identifier', `${JSON.stringify(id)}: must not contain the NUL character (\\u0000)`);
  return id;
}

/** Stable public id of a node: `kind:namespace:name` (kind lower-cased). */
export function nodeId(kind: NodeKind, namespace: string, name: string): string {
  return checked(`${kind.toLowerCase()}:${namespace}:${name}`);
}

/** Id of a version node: `<id of the versioned node>@version`. */
export function versionId(baseId: string, version: string): string {
  return checked(`${baseId}@${version}`);
}

/**
 * Id of a Run node: OpenLineage run ids are globally unique UUIDs, so a run is keyed by its id alone
 * (not by its job's namespace). A trace (`loom.run.id`), a registry version's source run and a
 * training request all name the same Run node that OpenLineage events create.
 */
export function runNodeId(runId: string): string {
  return checked(`run:${runId}`);
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

/** One registry history entry of a model or prompt, numbered per subject: `registryevent:registry:model/<name>#000042`. */
export function registryEventId(subject: 'model' | 'prompt', name: string, seq: number): string {
  return nodeId('RegistryEvent', REGISTRY_NAMESPACE, `${subject}/${name}#${String(seq).padStart(6, '0')}`);
}

/** A webhook subscription: `webhook:registry:<id>`. */
export function webhookId(id: string): string {
  return nodeId('Webhook', REGISTRY_NAMESPACE, id);
}

/** An evaluation result: `evaluation:registry:<id>`. */
export function evaluationId(id: string): string {
  return nodeId('Evaluation', REGISTRY_NAMESPACE, id);
}

/** Training requests and their runs live in the reserved `training` namespace of their tenant. */
export const TRAINING_NAMESPACE = 'training';

/** A training request: `trainingrequest:training:<requestId>` (its run is `run:<uuid derived from the request id>`). */
export function trainingRequestId(requestId: string): string {
  return nodeId('TrainingRequest', TRAINING_NAMESPACE, requestId);
}

/** A tenant's training account (quotas; DISPATCHED edges to its queued and running runs): `tenant:training:<tenant>`. */
export function trainingAccountId(tenant: string): string {
  return nodeId('Tenant', TRAINING_NAMESPACE, tenant);
}
