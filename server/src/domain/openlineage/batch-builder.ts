import type { EdgeInput, EdgeKind, NodeInput, NodeKind, Props } from '../model.js';
import { nodeId, versionId } from '../ids.js';
import type { WriteBatch } from '../ports/GraphStore.js';
import type { DatasetRef } from './event.schema.js';
import { datasetVersion, definingDatasetProps, facetProps, qualityProps } from './facets.js';
import { schemaFields, type FieldRef } from './fields.js';
import { facetTags, TAGGED_PROP, tagNode, taggedEdge } from '../tags/tags.js';
import type { DatasetName, FacetContribution } from '../ports/Extensions.js';

/** How the graph names a dataset an event names (plugins may rename: ports/Extensions.ts). */
export type DatasetRename = (ref: DatasetName) => DatasetName;
const sameName: DatasetRename = (ref) => ref;

/** Dataset kinds a producer may declare with the custom `loom_kind` dataset facet. */
const DECLARABLE_KINDS: readonly NodeKind[] = ['Model', 'FeatureGroup'];

/** Where a dataset's ALIAS edges (stored both ways) are also named: on a symlink's node, and on a renamed dataset's old node. */
export const ALIAS_PROPS = { aliasOf: 'aliasOf', renamedTo: 'renamedTo' } as const;

/** Collects the nodes and edges of one event, all stamped with the event time. */
export class BatchBuilder {
  private readonly nodes: NodeInput[] = [];
  private readonly edges: EdgeInput[] = [];
  private readonly namespaces = new Set<string>();
  /** The first write of each node in this batch (addProps merges into it). */
  private readonly byId = new Map<string, NodeInput>();
  constructor(readonly at: string, readonly rename: DatasetRename = sameName) {}

  node(kind: NodeKind, namespace: string, name: string, props: Props, opts: { idKind?: NodeKind; kindIsDefault?: boolean; id?: string } = {}): string {
    const id = opts.id ?? nodeId(opts.idKind ?? kind, namespace, name);
    const node: NodeInput = { id, kind, namespace, name, props, at: this.at, kindIsDefault: opts.kindIsDefault ?? false };
    this.nodes.push(node);
    if (!this.byId.has(id)) this.byId.set(id, node);
    if (kind !== 'Run' && kind !== 'DatasetVersion' && kind !== 'JobVersion' && kind !== 'Field') this.edge('CONTAINS', this.namespace(namespace), id);
    return id;
  }

  /**
   * A dataset with its fields, aliases (symlinks) and, when the event defines it, its version.
   * Datasets keep the id `dataset:ns:name` whatever kind a producer declares, so every reference meets one node.
   * Returns the dataset id, and the version's node id and version string (null when the event defines no version).
   */
  dataset(d: DatasetRef): { id: string; version: string | null; versionName: string | null; namespace: string; name: string } {
    const declared = declaredKind(d);
    const { namespace, name } = this.rename(d);
    const id = this.node(declared ?? 'Dataset', namespace, name, { ...facetProps(d.facets), ...this.lifecycle(d) }, { idKind: 'Dataset', kindIsDefault: !declared });
    const previous = previousIdentifier(d);
    const renamedFrom = previous && this.rename(previous);
    if (renamedFrom && nodeId('Dataset', renamedFrom.namespace, renamedFrom.name) !== id) {
      const old = this.node('Dataset', renamedFrom.namespace, renamedFrom.name, { deletedAt: this.at, [ALIAS_PROPS.renamedTo]: id }, { kindIsDefault: true });
      this.edge('ALIAS', old, id);
      this.edge('ALIAS', id, old);
    }
    for (const f of schemaFields(d)) this.edge('HAS_FIELD', id, this.field({ namespace, dataset: name, field: f.name }, f.props));
    const tags = facetTags(d.facets);
    if (tags.length) this.addProps(id, { [TAGGED_PROP]: true });
    for (const t of tags) {
      const on = t.field === null ? id : this.field({ namespace, dataset: name, field: t.field });
      if (t.field !== null) this.edge('HAS_FIELD', id, on);
      this.tag(on, t.name, t.source);
    }
    for (const alias of symlinks(d).map(this.rename)) {
      if (nodeId('Dataset', alias.namespace, alias.name) === id) continue; // the same dataset once renamed
      const aliasId = this.node('Dataset', alias.namespace, alias.name, { [ALIAS_PROPS.aliasOf]: id }, { kindIsDefault: true });
      this.edge('ALIAS', aliasId, id);
      this.edge('ALIAS', id, aliasId);
    }
    const version = datasetVersion(d);
    if (!version) return { id, version: null, versionName: null, namespace, name };
    const vid = this.node('DatasetVersion', namespace, name, { version, datasetId: id, ...definingDatasetProps(d), ...qualityProps(d) }, { id: versionId(id, version) });
    this.edge('HAS_VERSION', id, vid);
    return { id, version: vid, versionName: version, namespace, name };
  }

  /**
   * The lifecycleStateChange facet: DROP ends the dataset's validity (`deletedAt`); CREATE,
   * OVERWRITE, ALTER or TRUNCATE say it exists again (`restoredAt`). Nothing is deleted.
   */
  private lifecycle(d: DatasetRef): Props {
    const change = (d.facets?.lifecycleStateChange as { lifecycleStateChange?: unknown } | undefined)?.lifecycleStateChange;
    if (change === 'DROP') return { deletedAt: this.at };
    if (change === 'CREATE' || change === 'OVERWRITE' || change === 'ALTER' || change === 'TRUNCATE') return { restoredAt: this.at };
    return {};
  }

  /** A field node (and its dataset, as a default-kind node, when only column lineage names it). */
  field(ref: FieldRef, props: Props = {}): string {
    return this.node('Field', ref.namespace, `${ref.dataset}#${ref.field}`, { dataset: nodeId('Dataset', ref.namespace, ref.dataset), field: ref.field, ...props });
  }

  /** A field column lineage names (as the event names its dataset: renamed here). */
  fieldOfUnseenDataset(named: FieldRef): string {
    const { namespace, name } = this.rename({ namespace: named.namespace, name: named.dataset });
    const ref = { namespace, dataset: name, field: named.field };
    const ds = this.node('Dataset', ref.namespace, ref.dataset, {}, { kindIsDefault: true });
    const f = this.field(ref);
    this.edge('HAS_FIELD', ds, f);
    return f;
  }

  /** The tags facet of a job or run: its tags (domain/tags). */
  tagsOf(id: string, facets: Record<string, unknown> | null | undefined): void {
    for (const t of facetTags(facets)) this.tag(id, t.name, t.source);
  }

  /**
   * What plugins made of a node's facets (ports/Extensions.ts): their props under `plugin.<name>.`,
   * their tags (source `plugin:<name>`), a dataset's on its fields when they name one.
   */
  contribute(id: string, dataset: { namespace: string; name: string } | null, contributions: readonly FacetContribution[]): void {
    for (const c of contributions) {
      const props: Props = {};
      for (const [k, v] of Object.entries(c.props)) props[`plugin.${c.plugin}.${k}`] = v;
      if (dataset && c.tags.length) props[TAGGED_PROP] = true;
      this.addProps(id, props);
      for (const t of c.tags) {
        const on = t.field !== null && dataset ? this.field({ namespace: dataset.namespace, dataset: dataset.name, field: t.field }) : id;
        if (on !== id) this.edge('HAS_FIELD', id, on);
        this.tag(on, t.name, `plugin:${c.plugin}`);
      }
    }
  }

  /** An emitter's tag: a new one is current, one a person took off stays off. */
  private tag(on: string, name: string, source: string): void {
    this.nodes.push(tagNode(name, this.at));
    this.edges.push(taggedEdge(on, name, this.at, { source }, undefined));
  }

  /** More props for a node this batch already writes (same event time). */
  addProps(id: string, props: Props): void {
    const node = this.byId.get(id);
    if (!node) throw new Error(`addProps: ${id} is not in this batch`);
    node.props = { ...node.props, ...props };
  }

  edge(kind: EdgeKind, from: string, to: string, props?: Props): void {
    this.edges.push({ kind, from, to, validFrom: this.at, ...(props ? { props } : {}) });
  }

  private namespace(ns: string): string {
    const id = nodeId('Namespace', ns, ns);
    if (!this.namespaces.has(ns)) {
      this.namespaces.add(ns);
      this.nodes.push({ id, kind: 'Namespace', namespace: ns, name: ns, props: {}, at: this.at });
    }
    return id;
  }

  build(): WriteBatch {
    return { nodes: this.nodes, edges: this.edges };
  }
}

function declaredKind(d: DatasetRef): NodeKind | null {
  const declared = (d.facets?.loom_kind as { kind?: unknown } | undefined)?.kind;
  return DECLARABLE_KINDS.includes(declared as NodeKind) ? (declared as NodeKind) : null;
}

export function previousIdentifier(d: DatasetRef): { namespace: string; name: string } | null {
  const f = d.facets?.lifecycleStateChange as { lifecycleStateChange?: unknown; previousIdentifier?: { namespace?: unknown; name?: unknown } } | undefined;
  const prev = f?.lifecycleStateChange === 'RENAME' ? f.previousIdentifier : undefined;
  return typeof prev?.namespace === 'string' && typeof prev.name === 'string' && prev.namespace && prev.name ? { namespace: prev.namespace, name: prev.name } : null;
}

export function symlinks(d: DatasetRef): { namespace: string; name: string }[] {
  const ids = (d.facets?.symlinks as { identifiers?: unknown } | undefined)?.identifiers;
  if (!Array.isArray(ids)) return [];
  return ids.flatMap((x: { namespace?: unknown; name?: unknown }) =>
    typeof x?.namespace === 'string' && typeof x.name === 'string' && x.namespace && x.name && !(x.namespace === d.namespace && x.name === d.name)
      ? [{ namespace: x.namespace, name: x.name }] : []).slice(0, 50);
}
