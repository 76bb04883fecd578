/** What the model registry writes and checks: node shapes and input rules (pure). */
import type { GraphNode, NodeInput } from '../model.js';
import { modelVersionId, REGISTRY_NAMESPACE, registeredModelId } from '../ids.js';
import { LoomError, badInput } from '../errors.js';
import { actorProps, type Actor } from './actor.js';
import type { GateOutcome } from './history.js';
import { checkLabel, checkText, tagProps } from './validate.js';

export interface RegisterInput {
  name: string; version?: number | null; runId?: string | null; modelUri: string; flavor?: string | null;
  signature?: unknown; description?: string | null; tags?: { key: string; value?: string | null }[] | null;
}

const RESERVED_ALIAS = /^(latest|v\d+)$/;
const MAX_SIGNATURE_BYTES = 100_000;

/** A registered version's node (the registry's write, and the shape benchmarks seed). */
export function modelVersionNode(model: string, version: number, props: Record<string, unknown>, at: string, actor: Actor): NodeInput {
  return {
    id: modelVersionId(model, version), kind: 'ModelVersion', namespace: REGISTRY_NAMESPACE, name: `${model}@${version}`, at,
    props: { ...props, model, version, registeredAt: at, registeredBy: actorProps(actor) },
  };
}

/** The node of a model registered by the change being built (written by SubjectChange.batch). */
export function newModelNode(name: string): GraphNode {
  const now = new Date().toISOString();
  return { id: registeredModelId(name), kind: 'Model', namespace: REGISTRY_NAMESPACE, name, props: {}, createdAt: now, updatedAt: now, validTo: null };
}

export function checkAlias(alias: string, field = 'input.alias'): string {
  checkLabel(field, alias);
  if (RESERVED_ALIAS.test(alias)) throw badInput(field, `${alias} is reserved (latest and v<number> name versions already)`);
  return alias;
}

export function versionProps(input: RegisterInput) {
  if (typeof input.modelUri !== 'string' || !/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(input.modelUri) || input.modelUri.length > 2000) {
    throw badInput('input.modelUri', 'must be a URI with a scheme, such as s3://bucket/model or runs:/<run>/model');
  }
  if (input.signature !== undefined && input.signature !== null && JSON.stringify(input.signature).length > MAX_SIGNATURE_BYTES) {
    throw badInput('input.signature', `must be at most ${MAX_SIGNATURE_BYTES} bytes of JSON`);
  }
  return {
    modelUri: input.modelUri, flavor: checkText('input.flavor', input.flavor, 100) ?? null, signature: input.signature ?? null,
    description: checkText('input.description', input.description, 5000) ?? null, ...tagProps('input.tags', input.tags),
  };
}

/** The error of a change the gates refused, with every failing gate's reason. */
export function blocked(what: string, gates: GateOutcome[]): LoomError {
  const failing = gates.filter((g) => !g.passed).map((g) => `gate ${g.gate} (${g.kind}): ${g.detail}`);
  return new LoomError('CONFLICT', `blocked by promotion gates, cannot ${what}: ${failing.join('; ')}`, 'gates');
}
