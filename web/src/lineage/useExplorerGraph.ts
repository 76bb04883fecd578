import { useMemo, useRef } from 'react';
import { ColumnLineageDocument, LineageDocument } from '../api/documents.js';
import { useQuery } from '../api/useQuery.js';
import { toElements, type ElementOptions, type GraphElements, type LineageData } from '../graph/elements.js';
import type { LineageResultFragment } from '../gql/graphql.js';
import { filterKinds, mergeExpansions } from './explore.js';
import { foldHubs } from './hubs.js';
import { clusterByNamespace } from './clusters.js';
import { answerSize, groupingFor, type Grouping } from './autoGroup.js';
import { EXPANSION_PAGE, useExpansions, type ExpansionsState } from './useExpansions.js';
import type { ViewState } from './viewState.js';

/** Most nodes a base lineage query returns (the server allows 5,000). */
export const LINEAGE_LIMIT = 2500;
export const COLUMN_LIMIT = 1000;
const NO_EXPANSIONS: ViewState['expansions'] = [];
const NO_HUBS: ViewState['hubs'] = [];

export interface ExplorerGraph {
  result: LineageResultFragment | null;
  /** Base and expansions merged, before the kind filter. */
  merged: LineageData | null;
  elements: GraphElements | null;
  /** Changes when the base query changes: the graph is then laid out again from scratch. */
  layoutKey: string;
  loading: boolean;
  error: string | null;
  notFound: boolean;
  expansions: ExpansionsState;
  /** Nodes of the base answer (collapse never removes those). */
  baseIds: ReadonlySet<string>;
  /** Whether the drawn graph is grouped by namespace, and whether by itself (autoGroup.ts). */
  grouping: Grouping;
  /** Ask the base lineage again (a node of it deleted or restored from the details panel). */
  reload: () => void;
}

/** The graph of the view: the base lineage (table or column level) with expansions merged and kinds filtered. */
export function useExplorerGraph(state: ViewState, labels: Pick<ElementOptions, 'moreLabel' | 'clusterLabel'>): ExplorerGraph {
  const columns = state.view === 'columns';
  const variables = state.node && state.view !== 'impact'
    ? { nodeId: state.node, direction: state.direction, depth: state.depth, limit: columns ? COLUMN_LIMIT : LINEAGE_LIMIT, asOf: state.asOf }
    : null;
  const table = useQuery(LineageDocument, columns ? null : variables);
  const column = useQuery(ColumnLineageDocument, columns ? variables : null);
  const base = columns ? column : table;
  const result = (columns ? column.data?.columnLineage : table.data?.lineage) ?? null;
  const specs = columns ? NO_EXPANSIONS : state.expansions;
  const expansions = useExpansions(result ? specs : [], state.asOf);

  // Hubs of the base answer show a page of their leaves; expansions then add what was asked for.
  const hubs = columns ? NO_HUBS : state.hubs;
  const fold = !columns && !state.showAll;
  // What the answer draws at first (no hub page turned) decides the grouping: turning a page does not regroup.
  const initial = useMemo(() => (result && fold ? foldHubs(result, NO_HUBS) : result), [result, fold]);
  const folded = useMemo(() => (result && fold && hubs.length ? foldHubs(result, hubs) : initial), [result, hubs, fold, initial]);
  const merged = useMemo(() => (folded ? mergeExpansions(folded, specs, expansions.loaded, EXPANSION_PAGE) : null), [folded, specs, expansions.loaded]);
  const kindsKey = state.kinds.join(',');
  // Grouped by namespace as the user chose, else by itself when the answer is large (autoGroup.ts); never in columns view.
  const size = useMemo(() => answerSize(initial), [initial]);
  const grouping = columns ? { grouped: state.grouped === true, auto: null } : groupingFor(state.grouped, size);
  const grouped = grouping.grouped && !columns;
  // Clusters last, of what the kind filter leaves (the root always drawn as itself).
  const openedKey = state.opened.join(',');
  const elements = useMemo(() => {
    if (!merged) return null;
    const shown = filterKinds(merged, new Set(kindsKey.split(',').filter(Boolean)));
    return toElements(grouped ? clusterByNamespace(shown, new Set(openedKey.split(',').filter(Boolean))) : shown, labels);
  }, [merged, kindsKey, labels, grouped, openedKey]);
  const baseIds = useMemo(() => new Set(result ? [result.root.id, ...result.nodes.map((n) => n.node.id)] : []), [result]);
  // While a new base query runs, the last answer stays drawn as it was: laying it out again under the
  // new key would be wasted work (and delay the new drawing behind it in the layout worker).
  // The grouping shown beside the checkbox is the drawn graph's, too.
  const drawn = useRef({ elements, layoutKey: '', grouping });
  if (!base.loading) drawn.current = { elements, grouping, layoutKey: JSON.stringify([state.node, state.direction, state.depth, state.asOf, state.view, kindsKey, state.showAll, grouped]) };
  return {
    result, merged, baseIds, expansions, reload: base.reload,
    elements: drawn.current.elements,
    layoutKey: drawn.current.layoutKey,
    grouping: drawn.current.grouping,
    loading: base.loading || expansions.loading,
    error: base.error ?? expansions.error,
    notFound: Boolean(variables && !base.loading && !base.error && (columns ? column.data : table.data) && !result),
  };
}
