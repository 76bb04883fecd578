/** Marks on the lineage map the nodes carrying a tag and those downstream of them without it (pure). */
import type { GraphElements } from '../graph/elements.js';

export const TAG_CARRIER_CLASS = 'tag-carrier';
export const TAG_REACHED_CLASS = 'tag-reached';

/** `elements` with the carriers' and the reached nodes' classes added (the same object when there is nothing to mark). */
export function markTag(elements: GraphElements | null, carriers: ReadonlySet<string>, reached: ReadonlySet<string>): GraphElements | null {
  if (!elements || (carriers.size === 0 && reached.size === 0)) return elements;
  return {
    ...elements,
    nodes: elements.nodes.map((n) => {
      const mark = carriers.has(n.data.id) ? TAG_CARRIER_CLASS : reached.has(n.data.id) ? TAG_REACHED_CLASS : null;
      return mark ? { ...n, classes: n.classes ? `${n.classes} ${mark}` : mark } : n;
    }),
  };
}
