/**
 * The view in other tools' formats (pure): GraphML (yEd, Gephi, Cytoscape desktop), DOT (Graphviz) and
 * the edges as CSV (spreadsheets, audits). As in the JSON export (export.ts, `viewGraph`), "N more"
 * placeholders are not data: they and their edges are left out. Clusters (group by namespace) are drawn nodes and stay:
 * kind `Cluster`, name `<count> <kind>`, and in GraphML how many nodes they hold (`members`).
 */
import { CLUSTER_KIND, ROOT_CLASS, type GraphElements } from './elements.js';
import { roundCoordinate, viewGraph } from './export.js';
import type { Positions } from './layout.js';

/** Node attributes declared as GraphML keys (id `n_<name>`), in the order they are written. */
const NODE_KEYS = [['kind', 'string'], ['namespace', 'string'], ['name', 'string'], ['distance', 'int'], ['members', 'int'], ['x', 'double'], ['y', 'double']] as const;
type NodeKey = (typeof NODE_KEYS)[number][0];

/** A directed GraphML graph: Loom ids as node ids, the kind, namespace, name, distance and drawn position of each node, the kind of each edge. */
export function toGraphML(elements: GraphElements, positions: Positions): string {
  const { nodes, edges } = viewGraph(elements);
  const data = (key: string, value: string | number | null | undefined) => (value === undefined || value === null ? '' : `<data key="${key}">${xmlEscape(String(value))}</data>`);
  const node = ({ data: d }: GraphElements['nodes'][number]) => {
    const values: Record<NodeKey, string | number | null | undefined> = {
      kind: d.kind, namespace: d.namespace, name: d.name, distance: d.distance,
      members: d.kind === CLUSTER_KIND ? d.hidden : undefined, x: roundCoordinate(positions[d.id]?.x), y: roundCoordinate(positions[d.id]?.y),
    };
    return `    <node id="${xmlEscape(d.id)}">${NODE_KEYS.map(([key]) => data(`n_${key}`, values[key])).join('')}</node>`;
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    '  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <graph id="lineage" edgedefault="directed">',
    ...nodes.map(node),
    ...edges.map(({ data: e }) => `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">${data('e_kind', e.kind)}</edge>`),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** Characters XML 1.0 does not allow in a document (C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF). */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
  // As character references, so that parsers do not normalise them (to spaces in attributes, CR to LF in text).
  '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/** Text safe in XML content and in attribute values: forbidden characters dropped, markup and whitespace escaped. */
export function xmlEscape(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c]);
}

/** A Graphviz digraph laid out left to right: nodes labelled with name and kind (namespace as tooltip), edges with their kind. */
export function toDot(elements: GraphElements): string {
  const { nodes, edges } = viewGraph(elements);
  const node = ({ data: d, classes }: GraphElements['nodes'][number]) => {
    const style = d.kind === CLUSTER_KIND ? ', style="rounded,dashed"' : classes.split(' ').includes(ROOT_CLASS) ? ', penwidth=2' : '';
    return `  ${dotQuote(d.id)} [label=${dotQuote(`${d.name}\n${d.kind}`)}, tooltip=${dotQuote(d.namespace)}${style}];`;
  };
  return [
    'digraph lineage {',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
    ...nodes.map(node),
    ...edges.map(({ data: e }) => `  ${dotQuote(e.source)} -> ${dotQuote(e.target)} [label=${dotQuote(e.kind)}];`),
    '}',
    '',
  ].join('\n');
}

/** A DOT quoted string: backslashes and quotes escaped, line breaks as `\n`, other control characters dropped. */
export function dotQuote(text: string): string {
  const escaped = text.replace(XML_FORBIDDEN, '').replace(/[\\"]/g, '\\$&').replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, ' ');
  return `"${escaped}"`;
}

export const EDGE_CSV_HEADER = ['from_id', 'from_kind', 'from_namespace', 'from_name', 'edge_kind', 'to_id', 'to_kind', 'to_namespace', 'to_name'] as const;

/** One CSV row per edge (RFC 4180, CRLF line ends): both ends' id, kind, namespace and name, and the edge's kind. */
export function toEdgeCsv(elements: GraphElements): string {
  const { nodes, edges } = viewGraph(elements);
  const byId = new Map(nodes.map((n) => [n.data.id, n.data]));
  const end = (id: string) => {
    const n = byId.get(id);
    return [id, n?.kind ?? '', n?.namespace ?? '', n?.name ?? ''];
  };
  const rows = [[...EDGE_CSV_HEADER], ...edges.map(({ data: e }) => [...end(e.source), e.kind, ...end(e.target)])];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * One CSV field: a leading `=`, `+`, `-`, `@`, tab or CR gets an apostrophe so that a spreadsheet does
 * not run it as a formula (CSV injection); then quoted if it holds a comma, quote, CR or LF, inner quotes doubled.
 */
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
