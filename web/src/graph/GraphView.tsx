import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { ROOT_CLASS, type GraphElements } from './elements.js';
import { LayoutClient } from './layoutClient.js';
import { applyPositions, patchGraph } from './patch.js';
import { graphStylesheet } from './style.js';

interface Props {
  elements: GraphElements | null;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

/** Owns ONE Cytoscape instance for its whole life; new elements are laid out in a worker, then patched in. */
export function GraphView({ elements, selectedId, onSelect }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const layoutRef = useRef<LayoutClient | null>(null);
  const onSelectRef = useRef(onSelect);
  const selectedRef = useRef(selectedId);
  const [layingOut, setLayingOut] = useState(false);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  onSelectRef.current = onSelect;
  selectedRef.current = selectedId;

  useEffect(() => {
    const cy = cytoscape({
      container: containerRef.current,
      style: graphStylesheet(),
      minZoom: 0.1,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cy.on('tap', 'node', (event) => onSelectRef.current(event.target.id()));
    cy.on('tap', (event) => {
      if (event.target === cy) onSelectRef.current(null);
    });
    const layout = new LayoutClient();
    cyRef.current = cy;
    layoutRef.current = layout;
    window.__loomCy = cy;
    return () => {
      layout.dispose();
      cy.destroy();
      if (window.__loomCy === cy) delete window.__loomCy;
      cyRef.current = null;
      layoutRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    const layout = layoutRef.current;
    if (!cy || !layout) return;
    if (!elements) {
      cy.elements().remove();
      setLayingOut(false);
      return;
    }
    let current = true;
    setLayingOut(true);
    layout.layout(elements).then(
      (positions) => {
        if (!current) return;
        const hadNodes = cy.nodes().nonempty();
        patchGraph(cy, elements, positions);
        applyPositions(cy, positions, rootOf(elements), hadNodes);
        selectOnly(cy, selectedRef.current);
        setLayoutError(null);
        setLayingOut(false);
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
  }, [elements]);

  useEffect(() => {
    if (cyRef.current) selectOnly(cyRef.current, selectedId);
  }, [selectedId]);

  return (
    <div className="graph-view">
      <div ref={containerRef} className="graph-canvas" data-testid="graph-container" />
      {layingOut && <div className="graph-status">Laying out…</div>}
      {layoutError && <div className="banner error" role="alert">{layoutError}</div>}
    </div>
  );
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
