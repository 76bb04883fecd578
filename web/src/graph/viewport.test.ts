import { describe, expect, it } from 'vitest';
import { BOX_WIDTH } from './layout.js';
import { VIEWPORT_DEFAULTS, viewportFor } from './viewport.js';

const screen = { width: 1000, height: 600, ...VIEWPORT_DEFAULTS };
const toScreen = ({ zoom, pan }: { zoom: number; pan: { x: number; y: number } }, p: { x: number; y: number }) => ({
  x: p.x * zoom + pan.x,
  y: p.y * zoom + pan.y,
});

describe('viewportFor', () => {
  it('centres a small graph without zooming in past the maximum', () => {
    const positions = { a: { x: 0, y: 0 }, b: { x: 200, y: 0 } };
    const view = viewportFor(positions, 'a', screen);
    expect(view.zoom).toBe(VIEWPORT_DEFAULTS.maxZoom);
    const a = toScreen(view, positions.a);
    const b = toScreen(view, positions.b);
    expect((a.x + b.x) / 2).toBeCloseTo(500);
  });

  it('fits a medium graph entirely', () => {
    const positions = { a: { x: 0, y: 0 }, b: { x: 1000, y: 0 } };
    const view = viewportFor(positions, 'a', screen);
    expect(view.zoom).toBeGreaterThan(VIEWPORT_DEFAULTS.minZoom);
    expect(view.zoom).toBeLessThan(1);
    expect(toScreen(view, positions.a).x - (BOX_WIDTH / 2) * view.zoom).toBeCloseTo(screen.padding);
  });

  it('keeps labels readable on a wide graph and centres the focus node horizontally', () => {
    const positions = { a: { x: 0, y: 0 }, root: { x: 2000, y: 0 }, c: { x: 4000, y: 0 } };
    const view = viewportFor(positions, 'root', screen);
    expect(view.zoom).toBe(VIEWPORT_DEFAULTS.minZoom);
    expect(toScreen(view, positions.root).x).toBeCloseTo(500);
  });

  it('keeps a focus node at the far end of a wide graph in view', () => {
    const positions = { root: { x: 0, y: 0 }, b: { x: 2000, y: 0 }, c: { x: 4000, y: 0 } };
    const view = viewportFor(positions, 'root', screen);
    const root = toScreen(view, positions.root);
    expect(root.x - (BOX_WIDTH / 2) * view.zoom).toBeCloseTo(screen.padding);
    expect(toScreen(view, positions.b).x).toBeGreaterThan(root.x);
  });

  it('copes with an empty graph', () => {
    expect(viewportFor({}, null, screen)).toEqual({ zoom: 1, pan: { x: 500, y: 300 } });
  });
});
