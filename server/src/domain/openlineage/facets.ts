import { createHash } from 'node:crypto';
import type { Props } from '../model.js';
import type { DatasetRef } from './event.schema.js';

type Facets = Record<string, unknown> | null | undefined;

/** Dataset facets that define a dataset version: when one of these changes, there is a new version. */
// lifecycleStateChange is not one: it says what a write did (CREATE, OVERWRITE...), so a reader and a writer of the same data would disagree.
const DEFINING_DATASET_FACETS = ['schema', 'dataSource', 'storage', 'version', 'symlinks', 'documentation', 'ownership', 'datasetType', 'catalog'];
/** Job facets that define a job version (with the job's inputs and outputs). */
const DEFINING_JOB_FACETS = ['sourceCodeLocation', 'sourceCode', 'sql', 'jobType'];
/** Data quality facets, kept on the dataset version they describe. */
const QUALITY_FACETS = ['dataQualityMetrics', 'dataQualityAssertions', 'inputStatistics', 'outputStatistics'];

/** `{schema: {...}}` → `{'facets.schema': {...}}`; a `_deleted: true` facet becomes a tombstone (null). */
export function facetProps(facets: Facets, prefix = 'facets'): Props {
  const props: Props = {};
  for (const [name, value] of Object.entries(facets ?? {})) {
    if (value === null || value === undefined) continue;
    const deleted = typeof value === 'object' && (value as { _deleted?: unknown })._deleted === true;
    props[`${prefix}.${name}`] = deleted ? null : value;
  }
  return props;
}

/** The data quality facets of a dataset reference (from facets, inputFacets and outputFacets). */
export function qualityProps(d: DatasetRef): Props {
  const props: Props = {};
  for (const facets of [d.facets, d.inputFacets, d.outputFacets]) {
    for (const name of QUALITY_FACETS) if (facets?.[name]) props[`quality.${name}`] = facets[name];
  }
  return props;
}

/**
 * The version of a dataset as this event describes it: the `version` facet's `datasetVersion` when
 * the producer gives one, else a hash of the defining facets; null when the event defines nothing.
 */
export function datasetVersion(d: DatasetRef): string | null {
  const declared = (d.facets?.version as { datasetVersion?: unknown } | undefined)?.datasetVersion;
  if (typeof declared === 'string' && declared) return declared;
  return hashOf(pick(d.facets, DEFINING_DATASET_FACETS));
}

/** The version of a job: its defining facets plus the ids of what it reads and writes. */
export function jobVersion(facets: Facets, inputs: string[], outputs: string[]): string {
  return hashOf({ ...pick(facets, DEFINING_JOB_FACETS), inputs: [...inputs].sort(), outputs: [...outputs].sort() }) ?? 'empty';
}

/** The facets that define a dataset version, as props (a version node keeps these, not the volatile ones). */
export const definingDatasetProps = (d: DatasetRef): Props => facetProps(pick(d.facets, DEFINING_DATASET_FACETS));
/** The facets that define a job version, as props. */
export const definingJobProps = (facets: Facets): Props => facetProps(pick(facets, DEFINING_JOB_FACETS));

function pick(facets: Facets, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const v = facets?.[name];
    if (v && typeof v === 'object' && (v as { _deleted?: unknown })._deleted !== true) out[name] = v;
  }
  return out;
}

/** A short content hash over canonical JSON, ignoring `_producer`/`_schemaURL`; null for nothing. */
function hashOf(value: Record<string, unknown>): string | null {
  if (Object.keys(value).length === 0) return null;
  return createHash('sha256').update(canonical(value)).digest('hex').slice(0, 16);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([k]) => k !== '_producer' && k !== '_schemaURL').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}
