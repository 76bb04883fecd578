/**
 * "Group by namespace" by itself (pure): a lineage answer drawn with more than AUTO_GROUP_ABOVE nodes is
 * grouped (clusters.ts) unless the user chose otherwise for this root. The choice is in the URL like
 * every view option (`group=1` / `group=0`, viewState.ts); opening another root clears it.
 */
import { MORE_NODE_KIND, type LineageData } from '../graph/elements.js';

/**
 * Above this many nodes an answer is grouped unless the user says otherwise. Layout and first draw grow
 * with the nodes drawn: a 2,000-node lineage takes ~0.9–1.1 s from navigation to drawn in headless
 * Chromium (bench/RESULTS.md, `--only ui`), with ELK given up for a plain layered layout above 300 nodes
 * (graph/layout.ts ELK_MAX_NODES) and edges drawn without arrows (graph/elements.ts BULK_EDGES_ABOVE).
 * Grouped, such an answer draws one cluster per kind and namespace (usually tens, not thousands) and
 * reads as its systems. At 300 or fewer nodes the graph still reads node by node: nothing changes there.
 */
export const AUTO_GROUP_ABOVE = 300;

export interface Grouping {
  /** Whether the view is drawn grouped by namespace. */
  grouped: boolean;
  /** The answer's node count when it was grouped by itself (the user made no choice), else null. */
  auto: number | null;
}

/** The user's choice (null: none for this root) wins; without one, answers of more than `above` nodes are grouped. */
export function groupingFor(choice: boolean | null, answerNodes: number, above = AUTO_GROUP_ABOVE): Grouping {
  if (choice !== null) return { grouped: choice, auto: null };
  return answerNodes > above ? { grouped: true, auto: answerNodes } : { grouped: false, auto: null };
}

/** The nodes an answer draws, the root included, "N more" placeholders not (they are not lineage). */
export function answerSize(answer: LineageData | null): number {
  if (!answer) return 0;
  let count = 1;
  for (const { node } of answer.nodes) if (node.kind !== MORE_NODE_KIND && node.id !== answer.root.id) count++;
  return count;
}
