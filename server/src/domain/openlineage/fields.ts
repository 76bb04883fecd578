import type { Props } from '../model.js';
import type { DatasetRef } from './event.schema.js';

export interface FieldSpec { name: string; props: Props }
export interface FieldRef { namespace: string; dataset: string; field: string }
export interface FieldDerivation { from: FieldRef; to: { field: string | null }; props: Props }

const MAX_FIELDS = 5_000;

/** Schema facet fields, nested ones flattened as `parent.child`. Bounded: a schema of 100k columns is cut at MAX_FIELDS. */
export function schemaFields(d: DatasetRef): FieldSpec[] {
  const schema = d.facets?.schema as { fields?: unknown } | undefined;
  const out: FieldSpec[] = [];
  const walk = (fields: unknown, prefix: string, depth: number) => {
    if (!Array.isArray(fields) || depth > 8) return;
    for (const f of fields) {
      if (out.length >= MAX_FIELDS) return;
      const field = f as { name?: unknown; type?: unknown; description?: unknown; fields?: unknown };
      if (typeof field?.name !== 'string' || !field.name) continue;
      const name = prefix + field.name;
      out.push({ name, props: { type: typeof field.type === 'string' ? field.type : null, description: typeof field.description === 'string' ? field.description : null } });
      walk(field.fields, `${name}.`, depth + 1);
    }
  };
  walk(schema?.fields, '', 0);
  return out;
}

interface InputField { namespace?: unknown; name?: unknown; field?: unknown; transformations?: unknown }

/**
 * The columnLineage facet of an output dataset as derivations: per output field, each input field
 * with its transformations (DIRECT/INDIRECT, IDENTITY/TRANSFORMATION/AGGREGATION/FILTER/JOIN...);
 * `dataset` entries (dataset-wide INDIRECT dependencies) have `to.field` null. The legacy
 * per-field `transformationType`/`transformationDescription` is kept when no transformations are given.
 */
export function columnDerivations(d: DatasetRef): FieldDerivation[] {
  const facet = d.facets?.columnLineage as { fields?: Record<string, unknown>; dataset?: unknown } | undefined;
  if (!facet || typeof facet !== 'object') return [];
  const out: FieldDerivation[] = [];
  for (const [outField, spec] of Object.entries(facet.fields ?? {})) {
    const s = spec as { inputFields?: unknown; transformationType?: unknown; transformationDescription?: unknown };
    for (const input of asInputs(s?.inputFields)) {
      out.push({ from: input.ref, to: { field: outField }, props: transformationProps(input.raw.transformations, s) });
    }
  }
  for (const input of asInputs(facet.dataset)) {
    out.push({ from: input.ref, to: { field: null }, props: transformationProps(input.raw.transformations, {}) });
  }
  return out.slice(0, MAX_FIELDS * 4);
}

function asInputs(list: unknown): { ref: FieldRef; raw: InputField }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw: InputField) =>
    typeof raw?.namespace === 'string' && typeof raw.name === 'string' && typeof raw.field === 'string' && raw.namespace && raw.name && raw.field
      ? [{ ref: { namespace: raw.namespace, dataset: raw.name, field: raw.field }, raw }]
      : []);
}

function transformationProps(transformations: unknown, legacy: { transformationType?: unknown; transformationDescription?: unknown }): Props {
  const list = Array.isArray(transformations)
    ? transformations.filter((t) => t && typeof t === 'object').map((t) => {
      const x = t as Record<string, unknown>;
      return { type: x.type ?? null, subtype: x.subtype ?? null, description: x.description || null, masking: x.masking === true };
    })
    : [];
  if (list.length === 0 && typeof legacy.transformationType === 'string') {
    list.push({ type: legacy.transformationType, subtype: null, description: (legacy.transformationDescription as string) || null, masking: false });
  }
  const direct = list.some((t) => t.type === 'DIRECT');
  return { transformations: list, type: list.length ? (direct ? 'DIRECT' : 'INDIRECT') : null };
}
