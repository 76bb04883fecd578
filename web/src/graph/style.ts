import type { StylesheetJson } from 'cytoscape';
import { KIND_STYLES } from '../kinds.js';
import { BOX_WIDTH, SHAPE_SIZE } from './layout.js';
import { ROOT_CLASS, nodeClass } from './elements.js';

const base: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: SHAPE_SIZE,
      height: SHAPE_SIZE,
      shape: 'ellipse',
      'background-color': '#6b7280',
      'border-width': 1,
      'border-color': '#ffffff',
      label: 'data(label)',
      'font-size': 12,
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': `${BOX_WIDTH - 10}px`,
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
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#e11d48' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      'arrow-scale': 0.9,
    },
  },
];

/** Cytoscape stylesheet: shared look, then one rule per kind (shape and colour from kinds.ts). */
export function graphStylesheet(): StylesheetJson {
  const perKind: StylesheetJson = Object.entries(KIND_STYLES).map(([kind, style]) => ({
    selector: `node.${nodeClass(kind)}`,
    style: { shape: style.shape, 'background-color': style.color },
  }));
  // Root and selection rules come last so they win over the per-kind rules.
  return [base[0], ...perKind, ...base.slice(1)];
}
