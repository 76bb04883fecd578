/**
 * Export of the current view (pure): the drawn nodes with their positions, the edges, and the view
 * parameters, as a JSON document another tool (or a later Loom) can read. "N more" placeholders are
 * not data: they are left out and their hidden counts listed instead. Clusters (group by namespace)
 * are drawn nodes and stay, as in every format (export-formats.ts): kind `Cluster`, with `members`.
 */
import { CLUSTER_CLASS, CLUSTER_KIND, MORE_CLASS, type GraphElements } from './elements.js';
import type { Positions } from './layout.js';

export const EXPORT_FORMAT = 'loom.lineage-view/v1';

export interface ViewExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  url: string;
  root: string | null;
  nodes: Array<{ id: string; kind: string; namespace: string; name: string; distance: number; x: number | null; y: number | null; members?: number }>;
  edges: Array<{ kind: string; from: string; to: string }>;
  hidden: Array<{ placeholder: string; count: number }>;
}

const placeholderIds = (elements: GraphElements) => new Set(elements.nodes.filter((n) => {
  const classes = n.classes.split(' ');
  return classes.includes(MORE_CLASS) && !classes.includes(CLUSTER_CLASS);
}).map((n) => n.data.id));

/** The drawn nodes and edges, less "N more" placeholders and the edges to them (every export's view). */
export function viewGraph(elements: GraphElements): GraphElements {
  const placeholders = placeholderIds(elements);
  return {
    nodes: elements.nodes.filter((n) => !placeholders.has(n.data.id)),
    edges: elements.edges.filter((e) => !placeholders.has(e.data.source) && !placeholders.has(e.data.target)),
  };
}

export function exportView(elements: GraphElements, positions: Positions, meta: { url: string; root: string | null; at: Date }): ViewExport {
  const placeholders = placeholderIds(elements);
  const { nodes, edges } = viewGraph(elements);
  return {
    format: EXPORT_FORMAT,
    exportedAt: meta.at.toISOString(),
    url: meta.url,
    root: meta.root,
    nodes: nodes.map(({ data }) => ({
      id: data.id, kind: data.kind, namespace: data.namespace, name: data.name, distance: data.distance,
      x: roundCoordinate(positions[data.id]?.x), y: roundCoordinate(positions[data.id]?.y),
      ...(data.kind === CLUSTER_KIND ? { members: data.hidden ?? 0 } : {}),
    })),
    edges: edges.map(({ data }) => ({ kind: data.kind, from: data.source, to: data.target })),
    hidden: elements.nodes.filter((n) => placeholders.has(n.data.id)).map((n) => ({ placeholder: n.data.id, count: n.data.hidden ?? 0 })),
  };
}

/** A drawn coordinate to one decimal (null when not drawn). */
export function roundCoordinate(v: number | undefined): number | null {
  return v === undefined ? null : Math.round(v * 10) / 10;
}

/** The file types the view is exported as (ExportButtons). */
export type ExportExt = 'png' | 'json' | 'graphml' | 'dot' | 'csv';

/** A file name for the view: `lineage-<root name>-<date>.<ext>`, safe on every file system. */
export function exportFileName(rootName: string | null, at: Date, ext: ExportExt): string {
  const safe = (rootName ?? 'view').replace(/[^\w.-]+/g, '_').slice(0, 80);
  return `lineage-${safe}-${at.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${ext}`;
}
