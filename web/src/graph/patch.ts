/**
 * Step 3 of the graph pipeline: bring the one long-lived Cytoscape instance to `elements`, by id.
 * Elements that stay keep their identity (and selection); only what changed is touched.
 */
import type { Core } from 'cytoscape';
import type { GraphElements } from './elements.js';
import type { Positions } from './layout.js';
import { VIEWPORT_DEFAULTS, viewportFor } from './viewport.js';

export interface PatchResult { added: number; removed: number; updated: number }

export function patchGraph(cy: Core, elements: GraphElements, positions: Positions): PatchResult {
  const wanted = new Set<string>();
  for (const element of [...elements.nodes, ...elements.edges]) wanted.add(element.data.id);
  const result: PatchResult = { added: 0, removed: 0, updated: 0 };

  cy.batch(() => {
    const gone = cy.elements().filter((element) => !wanted.has(element.id()));
    result.removed = gone.length;
    cy.remove(gone);

    for (const node of elements.nodes) {
      const existing = cy.getElementById(node.data.id);
      if (existing.nonempty()) {
        existing.data(node.data);
        existing.classes(node.classes);
        result.updated++;
      } else {
        cy.add({ ...node, data: { ...node.data }, position: { ...(positions[node.data.id] ?? { x: 0, y: 0 }) } });
        result.added++;
      }
    }
    for (const edge of elements.edges) {
      const existing = cy.getElementById(edge.data.id);
      if (existing.nonempty()) {
        existing.classes(edge.classes);
        result.updated++;
      } else {
        cy.add({ ...edge, data: { ...edge.data } });
        result.added++;
      }
    }
  });
  return result;
}

/** Moves nodes to their computed positions (animated when nodes were already on screen) and frames the graph. */
export function applyPositions(cy: Core, positions: Positions, focusId: string | null, animate: boolean): void {
  const { zoom, pan } = viewportFor(positions, focusId, { width: cy.width(), height: cy.height(), ...VIEWPORT_DEFAULTS });
  cy.layout({ name: 'preset', positions, fit: false, zoom, pan, animate, animationDuration: 300 }).run();
}
