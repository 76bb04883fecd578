/**
 * Step 3 of the graph pipeline: bring the one long-lived Cytoscape instance to `elements`, by id.
 * Elements that stay keep their identity (and selection); only what changed is touched.
 */
import type { Core, ElementDefinition, SingularElementReturnValue } from 'cytoscape';
import type { GraphElements } from './elements.js';
import type { Positions } from './layout.js';
import { VIEWPORT_DEFAULTS, viewportFor } from './viewport.js';

export interface PatchResult { added: number; removed: number; updated: number }

export function patchGraph(cy: Core, elements: GraphElements, positions: Positions): PatchResult {
  const wanted = new Set<string>();
  for (const element of [...elements.nodes, ...elements.edges]) wanted.add(element.data.id);
  const result: PatchResult = { added: 0, removed: 0, updated: 0 };
  const additions: ElementDefinition[] = [];

  cy.batch(() => {
    // One pass over what is drawn (a lookup per id would build a collection per element: slow on big graphs).
    const gone = cy.elements().filter((element) => !wanted.has(element.id()));
    result.removed = gone.length;
    if (gone.nonempty()) cy.remove(gone);
    const drawn = new Map<string, SingularElementReturnValue>();
    cy.elements().forEach((element) => {
      drawn.set(element.id(), element);
    });

    for (const node of elements.nodes) {
      const existing = drawn.get(node.data.id);
      if (!existing) {
        additions.push({ ...node, data: { ...node.data }, position: { ...(positions[node.data.id] ?? { x: 0, y: 0 }) } });
      } else if (update(existing, node.data, node.classes)) {
        result.updated++;
      }
    }
    for (const edge of elements.edges) {
      const existing = drawn.get(edge.data.id);
      if (!existing) additions.push({ ...edge, data: { ...edge.data } });
      else if (update(existing, null, edge.classes)) result.updated++;
    }
    // One add for all: far cheaper than one call per element on big graphs.
    if (additions.length) cy.add(additions);
    result.added = additions.length;
  });
  return result;
}

/** Touches an element only when its data or classes differ: every change costs a style pass. */
function update(element: SingularElementReturnValue, data: Record<string, unknown> | null, classes: string): boolean {
  let changed = false;
  if (data && Object.entries(data).some(([key, value]) => element.data(key) !== value)) {
    element.data(data);
    changed = true;
  }
  if ((element.classes() as unknown as string[]).join(' ') !== classes) {
    element.classes(classes);
    changed = true;
  }
  return changed;
}

/**
 * Moves nodes to their computed positions (animated when nodes were already on screen) and frames the
 * graph. On a first draw the nodes were added at their positions: only the viewport is set (a preset
 * layout would touch every node again).
 */
export function applyPositions(cy: Core, positions: Positions, focusId: string | null, animate: boolean): void {
  const { zoom, pan } = viewportFor(positions, focusId, { width: cy.width(), height: cy.height(), ...VIEWPORT_DEFAULTS });
  if (!animate) {
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const p = positions[node.id()];
        if (p && (node.position('x') !== p.x || node.position('y') !== p.y)) node.position(p);
      });
    });
    cy.viewport({ zoom, pan });
    return;
  }
  cy.layout({ name: 'preset', positions, fit: false, zoom, pan, animate, animationDuration: 300 }).run();
}
