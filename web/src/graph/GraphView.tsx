import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { defineMessages, useT } from '../i18n/i18n.js';
import { MORE_CLASS, ROOT_CLASS, type GraphElements } from './elements.js';
import type { Positions } from './layout.js';
import { LayoutClient } from './layoutClient.js';
import { applyPositions, patchGraph } from './patch.js';
import { markDrawn, markStep, type DrawMode } from './perf.js';
import { placeNew } from './place.js';
import { graphStylesheet } from './style.js';

const M = defineMessages({ layingOut: 'Laying out…' }, { layingOut: '正在布局…' });

interface Props {
  elements: GraphElements | null;
  /** A new key lays the whole graph out again; the same key keeps drawn nodes where they are. */
  layoutKey: string;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** An "N more" node was tapped. */
  onMore: (id: string) => void;
  onReady?: (cy: Core | null) => void;
}

/** Owns ONE Cytoscape instance for its whole life; full layouts run in a worker, growth is placed next to its anchors. */
export function GraphView({ elements, layoutKey, selectedId, onSelect, onMore, onReady }: Props) {
  const t = useT(M);
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const layoutRef = useRef<LayoutClient | null>(null);
  const drawnKey = useRef<string | null>(null);
  const callbacks = useRef({ onSelect, onMore, selectedId });
  const [layingOut, setLayingOut] = useState(false);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  callbacks.current = { onSelect, onMore, selectedId };

  useEffect(() => {
    const cy = cytoscape({
      container: containerRef.current, style: graphStylesheet(), minZoom: 0.05, maxZoom: 3,
      boxSelectionEnabled: false, selectionType: 'single',
      // Big graphs stay smooth while panning and zooming: a bitmap of the last frame, edges hidden meanwhile.
      textureOnViewport: true, hideEdgesOnViewport: true, motionBlur: false,
    });
    cy.on('tap', 'node', (event) => {
      const id: string = event.target.id();
      if (event.target.hasClass(MORE_CLASS)) callbacks.current.onMore(id);
      else callbacks.current.onSelect(id);
    });
    cy.on('tap', (event) => {
      if (event.target === cy) callbacks.current.onSelect(null);
    });
    const layout = new LayoutClient();
    layout.warm();
    cyRef.current = cy;
    layoutRef.current = layout;
    window.__loomCy = cy;
    onReady?.(cy);
    return () => {
      onReady?.(null);
      layout.dispose();
      cy.destroy();
      if (window.__loomCy === cy) delete window.__loomCy;
      cyRef.current = null;
      layoutRef.current = null;
    };
    // onReady is read once: the instance lives as long as the component.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    const layout = layoutRef.current;
    if (!cy || !layout) return;
    if (!elements) {
      cy.elements().remove();
      drawnKey.current = null;
      setLayingOut(false);
      return;
    }
    let current = true;
    const draw = (positions: Positions, mode: DrawMode) => {
      const hadNodes = cy.nodes().nonempty();
      const before = new Set(cy.nodes().map((n) => n.id()));
      const patched = patchGraph(cy, elements, positions);
      if (mode === 'full') applyPositions(cy, positions, rootOf(elements), hadNodes);
      else revealNew(cy, before);
      selectOnly(cy, callbacks.current.selectedId);
      drawnKey.current = layoutKey;
      setLayoutError(null);
      setLayingOut(false);
      const done = () => markDrawn(mode, elements.nodes.length);
      if (mode === 'incremental' && patched.added + patched.removed === 0) done(); // nothing new to paint
      else afterRender(cy, done);
    };
    if (drawnKey.current === layoutKey && cy.nodes().nonempty()) {
      draw(placeNew(elements, currentPositions(cy)), 'incremental');
      return;
    }
    setLayingOut(true);
    markStep('layout-start');
    layout.layout(elements).then(
      (positions) => {
        markStep('layout-done');
        if (current) draw(positions, 'full');
      },
      (error: Error) => {
        if (!current) return;
        setLayoutError(error.message);
        setLayingOut(false);
      },
    );
    return () => {
      current = false;
    };
  }, [elements, layoutKey]);

  useEffect(() => {
    if (cyRef.current) selectOnly(cyRef.current, selectedId);
  }, [selectedId]);

  return (
    <div className="graph-view">
      <div ref={containerRef} className="graph-canvas" data-testid="graph-container" />
      {layingOut && <div className="graph-status" data-testid="laying-out">{t('layingOut')}</div>}
      {layoutError && <div className="banner error" role="alert">{layoutError}</div>}
    </div>
  );
}

function currentPositions(cy: Core): Positions {
  const positions: Positions = {};
  cy.nodes().forEach((node) => {
    positions[node.id()] = { ...node.position() };
  });
  return positions;
}

/** When none of the nodes just added is in view, centre the view on them (drawn nodes never move). */
function revealNew(cy: Core, before: ReadonlySet<string>): void {
  const added = cy.nodes().filter((n) => !before.has(n.id())).nodes();
  if (added.empty()) return;
  const view = cy.extent();
  const visible = added.map((n: NodeSingular) => n.position()).some((p) => p.x >= view.x1 && p.x <= view.x2 && p.y >= view.y1 && p.y <= view.y2);
  if (!visible) cy.animate({ center: { eles: added }, duration: 200 });
}

/** Runs `done` once Cytoscape has painted the current state. */
function afterRender(cy: Core, done: () => void): void {
  let fired = false;
  const once = () => {
    if (fired) return;
    fired = true;
    done();
  };
  cy.one('render', () => requestAnimationFrame(once));
  // A patch that changes nothing visible does not render again.
  setTimeout(once, 1000);
}

function selectOnly(cy: Core, id: string | null): void {
  cy.batch(() => {
    cy.$(':selected').unselect();
    if (id) cy.getElementById(id).select();
  });
}

function rootOf(elements: GraphElements): string | null {
  return elements.nodes.find((node) => node.classes.split(' ').includes(ROOT_CLASS))?.data.id ?? null;
}
