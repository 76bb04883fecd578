import type { GraphNode } from '../../domain/model.js';
import type { Dataset, DatasetData, DatasetId, DatasetVersion, Facets, Field, Run } from './marquez.types.js';
import { versionUuid } from './versions.js';
import { SUMMARY_PROPS } from '../../domain/openlineage/mapper.js';
import { facetsOf, obj, str } from './values.js';
import { userDescription } from '../../domain/curation/curation.js';

/** Marquez's source name when a dataset has no dataSource facet. */
const DEFAULT_SOURCE = 'default';

/** The tags of a dataset and of its fields (by field name), as MarquezViews reads them. */
export interface DatasetTags { dataset: string[]; fields: ReadonlyMap<string, string[]> }
export const NO_TAGS: DatasetTags = { dataset: [], fields: new Map() };

/** Names of the top-level fields of the schema facet (nested ones are in the schema facet itself). */
export function fieldNames(facets: Facets): string[] {
  const fields = obj(facets.schema).fields;
  return Array.isArray(fields) ? fields.flatMap((f) => str(obj(f).name) ?? []) : [];
}

/** Top-level fields of the schema facet, with their tags. */
export function fieldsOf(facets: Facets, tags: DatasetTags = NO_TAGS): Field[] {
  const fields = obj(facets.schema).fields;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((f) => {
    const name = str(obj(f).name);
    return name ? [{ name, type: str(obj(f).type), tags: tags.fields.get(name) ?? [], description: str(obj(f).description) }] : [];
  });
}

/** STREAM when the datasetType facet says the data is a stream or a topic; DB_TABLE otherwise (as Marquez does for OpenLineage datasets). */
export function datasetType(facets: Facets): 'DB_TABLE' | 'STREAM' {
  const t = str(obj(facets.datasetType).datasetType)?.toUpperCase();
  return t === 'STREAM' || t === 'TOPIC' ? 'STREAM' : 'DB_TABLE';
}

/** When the dataset was last written by a completed run, as ingest keeps it (mapper.ts, SUMMARY_PROPS); undefined when not kept. */
export function keptLastModified(dataset: GraphNode): string | undefined {
  return str(dataset.props[SUMMARY_PROPS.lastModifiedAt]) ?? undefined;
}

export const datasetIdOf = (n: GraphNode): DatasetId => ({ namespace: n.namespace, name: n.name });

/** `written`: the facets of the version a writer gave, when its schema is to be shown rather than the dataset's (MarquezViews.writtenSchemas). */
function common(node: GraphNode, facets: Facets, tags: DatasetTags, written: Facets | null = null) {
  return {
    type: datasetType(facets), name: node.name, physicalName: node.name, namespace: node.namespace,
    sourceName: str(obj(facets.dataSource).name) ?? DEFAULT_SOURCE, fields: fieldsOf(written ?? facets, tags), tags: tags.dataset,
    description: userDescription(node.props) ?? str(obj(facets.documentation).description),
  };
}

export function toDatasetData(node: GraphNode, lastModifiedAt: string | null, tags: DatasetTags = NO_TAGS, written: Facets | null = null): DatasetData {
  const facets = facetsOf(node.props);
  return {
    id: datasetIdOf(node), ...common(node, facets, tags, written), createdAt: node.createdAt, updatedAt: node.updatedAt, lastModifiedAt,
    lastLifecycleState: str(obj(facets.lifecycleStateChange).lifecycleStateChange),
  };
}

/** `current`: the newest version node, or null when no event defined a version. */
export function toDataset(node: GraphNode, current: GraphNode | null, lastModifiedAt: string | null, tags: DatasetTags = NO_TAGS, written: Facets | null = null): Dataset {
  return {
    ...toDatasetData(node, lastModifiedAt, tags, written), facets: facetsOf(node.props),
    // Dropped (lifecycleStateChange DROP, or renamed away): Loom keeps it, readable, with an end of validity.
    currentVersion: versionUuid(node.id, current ? str(current.props.version) : null), deleted: node.validTo !== null,
  };
}

/**
 * A dataset version. `version` is a DatasetVersion node, or the dataset node itself standing for its
 * unversioned state (events that defined no version: Marquez would still have made one).
 */
export function toDatasetVersion(version: GraphNode, dataset: GraphNode, createdByRun: Run | null, tags: DatasetTags = NO_TAGS): DatasetVersion {
  const unversioned = version.id === dataset.id;
  const facets = facetsOf(version.props, ['facets.', 'quality.']);
  const uuid = versionUuid(dataset.id, unversioned ? null : str(version.props.version));
  return {
    id: { ...datasetIdOf(dataset), version: uuid }, ...common(dataset, facets, tags), createdAt: version.createdAt, version: uuid,
    lifecycleState: str(obj(facets.lifecycleStateChange).lifecycleStateChange), createdByRun, facets,
  };
}

/** The Marquez id of a dataset version node, or of a dataset node read or written without a version. */
export function versionIdOf(n: GraphNode) {
  const versioned = n.kind === 'DatasetVersion';
  const base = versioned ? str(n.props.datasetId) ?? n.id.slice(0, n.id.lastIndexOf('@')) : n.id;
  return { namespace: n.namespace, name: n.name, version: versionUuid(base, versioned ? str(n.props.version) : null) };
}
