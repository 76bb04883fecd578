/**
 * Where to look after a layout (pure): fit the whole graph when labels stay readable; otherwise zoom to
 * the smallest readable level, show as much as possible and keep the focus node (the root) in view.
 */
import { BOX_WIDTH, LABEL_HEIGHT, SHAPE_SIZE, type Position, type Positions } from './layout.js';

export interface Viewport { zoom: number; pan: Position }
export interface ViewportOptions { width: number; height: number; padding: number; minZoom: number; maxZoom: number }

export const VIEWPORT_DEFAULTS = { padding: 40, minZoom: 0.6, maxZoom: 1.25 } as const;

export function viewportFor(positions: Positions, focusId: string | null, options: ViewportOptions): Viewport {
  const points = Object.values(positions);
  const { width, height, padding, minZoom, maxZoom } = options;
  if (points.length === 0) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };

  const x1 = Math.min(...points.map((p) => p.x)) - BOX_WIDTH / 2;
  const x2 = Math.max(...points.map((p) => p.x)) + BOX_WIDTH / 2;
  const y1 = Math.min(...points.map((p) => p.y)) - SHAPE_SIZE / 2;
  const y2 = Math.max(...points.map((p) => p.y)) + SHAPE_SIZE / 2 + LABEL_HEIGHT;
  const fit = Math.min((width - 2 * padding) / (x2 - x1), (height - 2 * padding) / (y2 - y1));
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit));

  // Centre the graph; when it does not fit, slide towards the focus node until that node is in view.
  const focus = (focusId && positions[focusId]) || { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
  const halfX = (width / 2 - padding) / zoom - BOX_WIDTH / 2;
  const halfY = (height / 2 - padding) / zoom - SHAPE_SIZE;
  const cx = clamp((x1 + x2) / 2, focus.x - halfX, focus.x + halfX);
  const cy = clamp((y1 + y2) / 2, focus.y - halfY, focus.y + halfY);
  return { zoom, pan: { x: width / 2 - cx * zoom, y: height / 2 - cy * zoom } };
}

function clamp(value: number, lo: number, hi: number): number {
  return lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, value));
}
