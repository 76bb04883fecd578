/**
 * A feature group's definition as graph writes: the FeatureGroup node (the definition of record), a
 * Feature node per feature (group HAS_FIELD feature), each source dataset (the group's, and those
 * features name of their own) FEEDS the group, each source field DERIVES the features computed from it (as the columnLineage facet's field → field edges, so
 * column lineage walks from a dataset's fields into features). What a new definition no longer has is
 * ended, not deleted: dropped features get `deletedAt` and their edges a `validTo`.
 */
import type { EdgeInput, NodeInput, Props } from '../model.js';
import type { WriteBatch } from '../ports/GraphStore.js';
import { nodeId } from '../ids.js';
import { featureGroupId, featureId, featureSource, type DatasetName, type FeatureGroup, type FeatureGroupDefinition, type FeatureSpec } from './groups.js';

const datasetId = (d: DatasetName) => nodeId('Dataset', d.namespace, d.name);
const fieldId = (dataset: DatasetName, field: string) => nodeId('Field', dataset.namespace, `${dataset.name}#${field}`);

/** The datasets that feed a definition: its source and the features' own, by node id. */
export function sourcesOf(def: { source: DatasetName | null; features: FeatureSpec[] }): Map<string, DatasetName> {
  const out = new Map<string, DatasetName>();
  for (const d of [def.source, ...def.features.map((f) => f.source)]) if (d) out.set(datasetId(d), { namespace: d.namespace, name: d.name });
  return out;
}

function derivation(f: FeatureSpec, field: string): Props {
  const subtype = !f.transformation && f.sourceFields.length === 1 && field === f.name ? 'IDENTITY' : 'TRANSFORMATION';
  return { type: 'DIRECT', transformations: [{ type: 'DIRECT', subtype, description: f.transformation ?? '', masking: false }] };
}

/**
 * The writes of one definition: `groupProps` on the group node, `previous` the stored definition
 * (whose features, sources and source fields not kept are ended). The sources exist (checked by the caller).
 */
export function definitionBatch(def: FeatureGroupDefinition, previous: FeatureGroup | null, groupProps: Props, at: string): WriteBatch {
  const group = featureGroupId(def.namespace, def.name);
  const nsId = nodeId('Namespace', def.namespace, def.namespace);
  const nodes: NodeInput[] = [
    { id: nsId, kind: 'Namespace', namespace: def.namespace, name: def.namespace, props: {}, at },
    { id: group, kind: 'FeatureGroup', namespace: def.namespace, name: def.name, props: groupProps, at },
  ];
  const edges: EdgeInput[] = [{ kind: 'CONTAINS', from: nsId, to: group, validFrom: at }];
  const derives = new Set<string>();
  for (const f of def.features) {
    const id = featureId(def.namespace, def.name, f.name);
    nodes.push({
      id, kind: 'Feature', namespace: def.namespace, name: `${def.name}#${f.name}`, at,
      props: { group, feature: f.name, type: f.type, dimension: f.dimension, description: f.description, transformation: f.transformation, restoredAt: at },
    });
    edges.push({ kind: 'HAS_FIELD', from: group, to: id, validFrom: at, validTo: null });
    const source = featureSource(def, f);
    if (!source) continue;
    for (const field of f.sourceFields) {
      const fid = fieldId(source, field);
      derives.add(`${fid}\u0000${id}`);
      nodes.push({ id: fid, kind: 'Field', namespace: source.namespace, name: `${source.name}#${field}`, props: { dataset: datasetId(source), field }, at });
      edges.push({ kind: 'HAS_FIELD', from: datasetId(source), to: fid, validFrom: at });
      edges.push({ kind: 'DERIVES', from: fid, to: id, props: derivation(f, field), validFrom: at, validTo: null });
    }
  }
  const sources = sourcesOf(def);
  for (const id of sources.keys()) edges.push({ kind: 'FEEDS', from: id, to: group, validFrom: at, validTo: null });
  if (!previous) return { nodes, edges };
  // What the previous definition had and this one does not.
  const kept = new Set(def.features.map((f) => f.name));
  for (const id of sourcesOf(previous).keys()) if (!sources.has(id)) edges.push({ kind: 'FEEDS', from: id, to: group, validFrom: at, validTo: at });
  for (const f of previous.features) {
    const id = featureId(def.namespace, def.name, f.name);
    if (!kept.has(f.name)) {
      nodes.push({ id, kind: 'Feature', namespace: def.namespace, name: `${def.name}#${f.name}`, props: { deletedAt: at }, at });
      edges.push({ kind: 'HAS_FIELD', from: group, to: id, validFrom: at, validTo: at });
    }
    const source = featureSource(previous, f);
    for (const field of source ? f.sourceFields : []) {
      const fid = fieldId(source!, field);
      if (!derives.has(`${fid}\u0000${id}`)) edges.push({ kind: 'DERIVES', from: fid, to: id, validFrom: at, validTo: at });
    }
  }
  return { nodes, edges };
}
