/**
 * Feature groups: a named set of features about one kind of entity (a customer, a product...), with a
 * typed schema, the dataset they are computed from and, per feature, the fields of that dataset it
 * derives from (a feature computed from another dataset, as a group joining several tables has, names
 * its own `source`). The definition lives on the FeatureGroup node (props); each feature is also a Feature
 * node (group HAS_FIELD feature) and each source field DERIVES it, so column lineage reaches features
 * as it reaches dataset fields, and the source dataset FEEDS the group in table-level lineage.
 */
import type { GraphNode } from '../model.js';
import { nodeId } from '../ids.js';
import { badInput } from '../errors.js';
import { checkCount, checkText } from '../registry/validate.js';
import type { Expectation, ExpectationResult } from './expectations.js';

/**
 * Value types. INT64 and BOOL are stored exactly (Int64), FLOAT64 as a double, STRING as text (up to
 * MAX_STRING characters), FLOAT_VECTOR (an embedding) as float32s of the declared `dimension`.
 */
export const FEATURE_TYPES = ['INT64', 'FLOAT64', 'STRING', 'BOOL', 'FLOAT_VECTOR'] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

export const MAX_FEATURES = 500;
export const MAX_DIMENSION = 4096;
export const MAX_TTL_SECONDS = 10 * 365 * 86_400;
const FEATURE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

export interface FeatureSpec {
  name: string;
  type: FeatureType;
  description: string | null;
  /** FLOAT_VECTOR: the number of components; null otherwise. */
  dimension: number | null;
  /** Fields of its source dataset (its own `source`, else the group's) this feature is computed from. */
  sourceFields: string[];
  /** How it is computed from them (free text, e.g. "mean over 30 days"). */
  transformation: string | null;
  /** The dataset it is computed from when not the group's (null: the group's). */
  source: DatasetName | null;
}

export interface DatasetName { namespace: string; name: string }

export interface FeatureSpecInput {
  name: string;
  type: FeatureType;
  description?: string | null;
  dimension?: number | null;
  sourceFields?: string[] | null;
  transformation?: string | null;
  source?: DatasetName | null;
}

export interface FeatureGroupInput {
  namespace: string;
  name: string;
  description?: string | null;
  /** The entity key's name (e.g. `customer_id`): what a feature vector is looked up by. */
  entity: string;
  features: FeatureSpecInput[];
  /** The dataset the features are computed from (an existing dataset of the tenant). */
  source?: { namespace: string; name: string } | null;
  /** Values older than this (against the time of a read) are not served; null: always served. */
  ttlSeconds?: number | null;
  owner?: string | null;
}

export interface SourceDataset { id: string; namespace: string; name: string }

export interface FeatureGroup {
  id: string;
  namespace: string;
  name: string;
  description: string | null;
  entity: string;
  features: FeatureSpec[];
  /** The dataset the features are computed from. */
  source: SourceDataset | null;
  ttlSeconds: number | null;
  owner: string | null;
  /** 1 at creation, +1 at every definition that changed it. */
  version: number;
  definedAt: string;
  /** The data quality rules last validated, and that validation (validateFeatureGroup). */
  expectations: Expectation[];
  validation: { at: string; success: boolean; results: ExpectationResult[] } | null;
  /** Who defined this version: the name the caller gave and its key's role. */
  definedBy: { actor: string | null; role: string } | null;
  createdAt: string;
}

/** A checked definition: what `define` stores. */
export type FeatureGroupDefinition = Pick<FeatureGroup, 'namespace' | 'name' | 'description' | 'entity' | 'features' | 'ttlSeconds' | 'owner'> & {
  source: { namespace: string; name: string } | null;
};

/**
 * A group is a dataset (the table its values would be materialised in): its node keeps the dataset id
 * `dataset:<namespace>:<name>`, as a dataset an OpenLineage producer declares a FeatureGroup (the
 * `loom_kind` facet) does, so a training job's OpenLineage event that reads it, a training request and
 * Marquez's dataset API all meet this one node.
 */
export const featureGroupId = (namespace: string, name: string) => nodeId('Dataset', namespace, name);
export const featureId = (namespace: string, group: string, feature: string) => nodeId('Feature', namespace, `${group}#${feature}`);

export function checkFeatureGroup(input: FeatureGroupInput): FeatureGroupDefinition {
  const namespace = checkDatasetName('input.namespace', input.namespace);
  const name = checkDatasetName('input.name', input.name);
  const entity = checkFeatureName('input.entity', input.entity);
  if (!Array.isArray(input.features) || input.features.length === 0) throw badInput('input.features', 'at least one feature is required');
  checkCount('input.features', input.features, MAX_FEATURES);
  const seen = new Set<string>();
  const features = input.features.map((f, i) => {
    const spec = checkFeature(`input.features[${i}]`, f);
    if (seen.has(spec.name)) throw badInput(`input.features[${i}].name`, `${spec.name} is listed twice`);
    if (spec.name === entity) throw badInput(`input.features[${i}].name`, `${spec.name} is the entity key`);
    seen.add(spec.name);
    return spec;
  });
  const source = input.source == null ? null : {
    namespace: checkDatasetName('input.source.namespace', input.source.namespace),
    name: checkDatasetName('input.source.name', input.source.name),
  };
  if (source && source.namespace === namespace && source.name === name) throw badInput('input.source', 'a group cannot be computed from itself');
  features.forEach((f, i) => {
    if (f.source && f.source.namespace === namespace && f.source.name === name) throw badInput(`input.features[${i}].source`, 'a group cannot be computed from itself');
    if (!source && !f.source && f.sourceFields.length) throw badInput(`input.features[${i}].sourceFields`, 'name fields of a source dataset: give input.source, or the feature\'s own source');
  });
  const ttl = input.ttlSeconds ?? null;
  if (ttl !== null && (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS)) throw badInput('input.ttlSeconds', `must be an integer 1..${MAX_TTL_SECONDS} (10 years), or null for no limit`);
  return {
    namespace, name, entity, features, source, ttlSeconds: ttl,
    description: checkText('input.description', input.description, 5000) ?? null,
    owner: checkText('input.owner', input.owner, 200) ?? null,
  };
}

function checkFeature(field: string, f: FeatureSpecInput): FeatureSpec {
  const name = checkFeatureName(`${field}.name`, f.name);
  if (!FEATURE_TYPES.includes(f.type)) throw badInput(`${field}.type`, `must be one of ${FEATURE_TYPES.join(', ')}`);
  const dim = f.dimension ?? null;
  if (f.type === 'FLOAT_VECTOR' && (dim === null || !Number.isInteger(dim) || dim < 1 || dim > MAX_DIMENSION)) {
    throw badInput(`${field}.dimension`, `a FLOAT_VECTOR needs its dimension, an integer 1..${MAX_DIMENSION}`);
  }
  if (f.type !== 'FLOAT_VECTOR' && dim !== null) throw badInput(`${field}.dimension`, 'only a FLOAT_VECTOR has a dimension');
  checkCount(`${field}.sourceFields`, f.sourceFields, 100);
  const sourceFields = (f.sourceFields ?? []).map((s, i) => {
    const t = checkText(`${field}.sourceFields[${i}]`, s, 1000);
    if (!t) throw badInput(`${field}.sourceFields[${i}]`, 'must not be empty');
    return t;
  });
  return {
    name, type: f.type, dimension: dim, sourceFields: [...new Set(sourceFields)],
    description: checkText(`${field}.description`, f.description, 2000) ?? null,
    transformation: checkText(`${field}.transformation`, f.transformation, 2000) ?? null,
    source: f.source == null ? null : { namespace: checkDatasetName(`${field}.source.namespace`, f.source.namespace), name: checkDatasetName(`${field}.source.name`, f.source.name) },
  };
}

/** The dataset a feature is computed from: its own source, else its group's (null: none). */
export const featureSource = (group: { source: DatasetName | null }, f: FeatureSpec): DatasetName | null => f.source ?? group.source;

/**
 * A namespace or name as OpenLineage gives datasets theirs (`hive://metastore:9083`, `s3://bucket`,
 * `analytics.customers`): a group may be defined on a dataset an emitter reported, so any text of
 * 1-1000 characters without control characters.
 */
function checkDatasetName(field: string, value: string): string {
  if (typeof value !== 'string' || !value.trim()) throw badInput(field, 'required');
  // eslint-disable-next-line no-control-regex
  if (value.length > 1000 || /[\u0000-\u001f]/.test(value)) throw badInput(field, 'must be 1-1000 characters without control characters');
  return value;
}

function checkFeatureName(field: string, value: string): string {
  if (typeof value !== 'string' || !FEATURE_NAME.test(value)) throw badInput(field, 'must be 1-128 characters of letters, digits and "_", not starting with a digit');
  return value;
}

/**
 * What a new definition may change of the stored one: descriptions, sources, TTL and owner; features
 * added or dropped. Not the entity key, nor a kept feature's type or dimension: the values already
 * written are of that type (drop the feature, or define a new one under another name).
 */
export function checkEvolution(stored: FeatureGroup, next: FeatureGroupDefinition, dropped: readonly Pick<FeatureSpec, 'name' | 'type' | 'dimension'>[] = []): void {
  if (stored.entity !== next.entity) throw badInput('input.entity', `the group's entity key is ${stored.entity}; it cannot change (define a new group)`);
  next.features.forEach((f, i) => {
    // A feature dropped earlier keeps its values: defined again, they are served, so its type is the one they have.
    const old = stored.features.find((o) => o.name === f.name) ?? dropped.find((o) => o.name === f.name);
    if (old && (old.type !== f.type || (old.dimension ?? undefined) !== (f.dimension ?? undefined))) {
      const was = old.type === 'FLOAT_VECTOR' ? `FLOAT_VECTOR(${old.dimension})` : old.type;
      throw badInput(`input.features[${i}].type`, `${f.name} holds ${was} values; a feature's type cannot change, nor that of one dropped and defined again (use another name)`);
    }
  });
}

export function toFeatureGroup(node: GraphNode): FeatureGroup {
  const p = node.props;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: node.id, namespace: node.namespace, name: node.name,
    description: str(p.description), entity: String(p.entity ?? ''),
    // Features defined before they could name a source of their own have none.
    features: Array.isArray(p.features) ? (p.features as FeatureSpec[]).map((f) => ({ ...f, source: f.source ?? null })) : [],
    source: typeof p.source === 'string' && typeof p.sourceNamespace === 'string' && typeof p.sourceName === 'string'
      ? { id: p.source, namespace: p.sourceNamespace, name: p.sourceName } : null,
    ttlSeconds: typeof p.ttlSeconds === 'number' ? p.ttlSeconds : null, owner: str(p.owner),
    expectations: Array.isArray(p.expectations) ? (p.expectations as Expectation[]) : [],
    validation: (p.validation as FeatureGroup['validation']) ?? null,
    version: Number(p.version ?? 1), definedAt: String(p.definedAt ?? node.updatedAt), definedBy: (p.definedBy as FeatureGroup['definedBy']) ?? null,
    createdAt: node.createdAt,
  };
}

/**
 * Whether a FeatureGroup node is a group of the feature store now: defined (an OpenLineage dataset may
 * also declare the kind), not dropped since (`droppedAt`), and the dataset not dropped by its emitter.
 */
export function isDefinedGroup(node: GraphNode): boolean {
  const { definedAt, droppedAt } = node.props;
  return node.kind === 'FeatureGroup' && typeof definedAt === 'string' && !node.validTo && !(typeof droppedAt === 'string' && droppedAt >= definedAt);
}
