/**
 * Stable positions when the graph grows (pure): nodes already drawn keep their positions; each new node
 * goes in the column next to a drawn neighbour (right of it when downstream, left when upstream), in the
 * free row nearest to that neighbour. No global layout runs, so an expansion costs microseconds per node.
 */
import type { GraphElements } from './elements.js';
import { COLUMN_STEP, ROW_STEP } from './layered.js';
import type { Position, Positions } from './layout.js';

/**
 * Slots taken, bucketed by column (x rounded to the column step). A slot is free when no drawn node is
 * nearer than a column and a row: the full layout's positions need not sit on this grid (clusters are
 * placed off it), so the columns either side are looked at too, by distance, not by bucket alone.
 */
class Occupancy {
  private readonly columns = new Map<number, Position[]>();
  add(p: Position): void {
    const key = Math.round(p.x / COLUMN_STEP);
    (this.columns.get(key) ?? this.columns.set(key, []).get(key)!).push(p);
  }
  isFree(p: Position): boolean {
    const key = Math.round(p.x / COLUMN_STEP);
    for (const k of [key - 1, key, key + 1]) {
      for (const q of this.columns.get(k) ?? []) {
        if (Math.abs(q.x - p.x) < COLUMN_STEP * 0.9 && Math.abs(q.y - p.y) < ROW_STEP * 0.9) return false;
      }
    }
    return true;
  }
}

/** Rows nearest first: 0, +1, −1, +2, −2… steps from the anchor. */
function* nearestRows(): Generator<number> {
  yield 0;
  for (let k = 1; ; k++) {
    yield k;
    yield -k;
  }
}

/** Positions for every node of `elements`: `known` ones unchanged, the others placed next to a neighbour. */
export function placeNew(elements: GraphElements, known: Positions): Positions {
  const positions: Positions = {};
  const occupied = new Occupancy();
  for (const node of elements.nodes) {
    const p = known[node.data.id];
    if (p) {
      positions[node.data.id] = p;
      occupied.add(p);
    }
  }
  const links = new Map<string, Array<{ other: string; side: 1 | -1 }>>();
  const link = (id: string, other: string, side: 1 | -1) => (links.get(id) ?? links.set(id, []).get(id)!).push({ other, side });
  for (const { source, target } of elements.edges.map((e) => e.data)) {
    link(target, source, 1); // the target sits right of its source
    link(source, target, -1);
  }
  let pending = elements.nodes.map((n) => n.data.id).filter((id) => !positions[id]);
  // Place in waves: a node whose neighbour was placed in this wave can be placed in the next one.
  while (pending.length) {
    const left: string[] = [];
    for (const id of pending) {
      const anchor = (links.get(id) ?? []).find((l) => positions[l.other]);
      if (!anchor) left.push(id);
      else positions[id] = freeSlot(occupied, positions[anchor.other], anchor.side);
    }
    if (left.length === pending.length) {
      // Not connected to anything drawn: below everything.
      const bottom = Math.max(0, ...Object.values(positions).map((p) => p.y)) + ROW_STEP;
      positions[left[0]] = freeSlot(occupied, { x: 0, y: bottom }, 0);
      left.shift();
    }
    pending = left;
  }
  return positions;
}

function freeSlot(occupied: Occupancy, anchor: Position, side: 1 | -1 | 0): Position {
  const x = anchor.x + side * COLUMN_STEP;
  for (const k of nearestRows()) {
    const slot = { x, y: anchor.y + k * ROW_STEP };
    if (occupied.isFree(slot)) {
      occupied.add(slot);
      return slot;
    }
  }
  throw new Error('unreachable');
}
