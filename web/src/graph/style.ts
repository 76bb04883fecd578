import type { StylesheetJson } from 'cytoscape';
import { SHAPE_SIZE } from './layout.js';
import { BULK_CLASS, CLUSTER_CLASS, MORE_CLASS, MORE_NODE_KIND, ROOT_CLASS, edgeClass } from './elements.js';
import { TAG_CARRIER_CLASS, TAG_REACHED_CLASS } from '../lineage/tagOverlay.js';

const base: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: SHAPE_SIZE,
      height: SHAPE_SIZE,
      // Per kind through element data (kinds.ts): one rule to match, not one per kind (faster on big graphs).
      shape: 'data(shape)' as 'ellipse',
      'background-color': 'data(color)',
      'border-width': 1,
      'border-color': '#ffffff',
      label: 'data(label)',
      'font-size': 12,
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'min-zoomed-font-size': 6,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
    },
  },
  {
    selector: `node.${ROOT_CLASS}`,
    style: { 'border-width': 4, 'border-color': '#111827', 'font-weight': 'bold', 'underlay-color': '#fde68a', 'underlay-opacity': 0.9, 'underlay-padding': 8 },
  },
  {
    selector: `node.${MORE_CLASS}`,
    style: {
      shape: 'round-rectangle', width: 90, height: 26, 'background-color': '#eff6ff', 'border-width': 1, 'border-style': 'dashed',
      'border-color': '#2563eb', color: '#1d4ed8', 'font-weight': 'bold', 'text-valign': 'center', 'text-margin-y': 0, 'text-background-opacity': 0,
    },
  },
  {
    // A cluster: its kind's colour, a stack of them (double border), the count and namespace inside.
    selector: `node.${CLUSTER_CLASS}`,
    style: {
      shape: 'round-rectangle', width: 160, height: 34, 'background-color': 'data(color)', 'background-opacity': 0.25, 'border-width': 3,
      'border-style': 'double', 'border-color': 'data(color)', color: '#111827', 'font-weight': 'bold', 'font-size': 11,
      'text-valign': 'center', 'text-margin-y': 0, 'text-background-opacity': 0,
    },
  },
  // A highlighted tag (lineage/tagOverlay.ts): its carriers ringed teal, what is downstream of them untagged, red.
  { selector: `node.${TAG_CARRIER_CLASS}`, style: { 'outline-width': 4, 'outline-color': '#0d9488', 'outline-offset': 2, 'outline-opacity': 1 } },
  { selector: `node.${TAG_REACHED_CLASS}`, style: { 'outline-width': 4, 'outline-color': '#dc2626', 'outline-offset': 2, 'outline-opacity': 1, 'outline-style': 'dashed' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#e11d48' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      // Lineage has no parallel edges to fan out; straight edges skip bezier control points (big graphs draw faster).
      'curve-style': 'straight',
      'arrow-scale': 0.9,
    },
  },
  { selector: `edge.${BULK_CLASS}`, style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none' } },
  { selector: `edge.${edgeClass(MORE_NODE_KIND)}`, style: { 'line-style': 'dashed', 'line-color': '#93c5fd', 'target-arrow-color': '#93c5fd' } },
];

/** Cytoscape stylesheet: shared look (shape and colour per kind come from element data); root and selection rules last. */
export function graphStylesheet(): StylesheetJson {
  return base;
}
