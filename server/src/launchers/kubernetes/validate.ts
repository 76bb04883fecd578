/**
 * Validate Kubernetes objects against the API's JSON schemas with kubernetes-models (offline).
 * Used on every manifest the Kubernetes launcher sends, and by the tests on every object of the
 * k8s/ overlays.
 */
import { Job } from 'kubernetes-models/batch/v1';
import { Secret, Service } from 'kubernetes-models/v1';

type Model = { validate(): void };
type ModelClass = new (data: never) => Model;

/** The kinds Loom itself creates, loaded up front (the launcher validates synchronously). */
const LAUNCHED: Record<string, ModelClass> = {
  'batch/v1/Job': Job as unknown as ModelClass, 'v1/Secret': Secret as unknown as ModelClass, 'v1/Service': Service as unknown as ModelClass,
};

const describeError = (what: string, err: unknown) => `${what}: ${(err as Error).message}`;

/** Validate one object Loom creates (Job, Secret, Service); throws with the schema's messages. */
export function validateLaunched(obj: { apiVersion: string; kind: string; metadata?: { name?: string } }): void {
  const Model = LAUNCHED[`${obj.apiVersion}/${obj.kind}`];
  if (!Model) throw new Error(`no schema loaded for ${obj.apiVersion} ${obj.kind}`);
  try {
    new Model(obj as never).validate();
  } catch (err) {
    throw new Error(describeError(`${obj.kind} ${obj.metadata?.name ?? '(no name)'}`, err));
  }
}

/** Validate any object of the built-in API groups (async: the group's models are imported on demand). Returns the problems found. */
export async function validateObject(obj: unknown): Promise<string[]> {
  const o = obj as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: string } };
  if (typeof o?.apiVersion !== 'string' || typeof o.kind !== 'string') return ['apiVersion and kind are required'];
  const name = `${o.apiVersion} ${o.kind} ${o.metadata?.name ?? '(no name)'}`;
  if (!o.metadata?.name) return [`${name}: metadata.name is required`];
  let mod: Record<string, unknown>;
  try {
    mod = await import(/* @vite-ignore */ `kubernetes-models/${o.apiVersion}`);
  } catch {
    return [`${name}: unknown apiVersion ${o.apiVersion}`];
  }
  const Model = mod[o.kind] as ModelClass | undefined;
  if (typeof Model !== 'function') return [`${name}: unknown kind ${o.kind} in ${o.apiVersion}`];
  try {
    new Model(o as never).validate();
    return [];
  } catch (err) {
    return [describeError(name, err)];
  }
}
