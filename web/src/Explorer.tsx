import type { Core } from 'cytoscape';
import { useCallback, useMemo, useState } from 'react';
import { DetailsPanel } from './details/DetailsPanel.js';
import { GraphView } from './graph/GraphView.js';
import { markExpandStart } from './graph/perf.js';
import { defineMessages, useT } from './i18n/i18n.js';
import { ExplorerBanners } from './lineage/ExplorerBanners.js';
import { ExportButtons } from './lineage/ExportButtons.js';
import { collapse, expand, loadMore, parseMoreNodeId, type HopDirection } from './lineage/explore.js';
import { hubNodeId, parseHubNodeId, showMoreOfHub } from './lineage/hubs.js';
import { parseClusterNodeId } from './lineage/clusters.js';
import { ImpactView } from './lineage/ImpactView.js';
import { kindCounts } from './lineage/kindCounts.js';
import { KindFilter } from './lineage/KindFilter.js';
import { LineageControls } from './lineage/LineageControls.js';
import { NodeActions } from './lineage/NodeActions.js';
import { useExplorerGraph } from './lineage/useExplorerGraph.js';
import { parseViewState, viewStateQuery, type ViewState } from './lineage/viewState.js';
import { SearchBox } from './search/SearchBox.js';
import { StartHere } from './lineage/StartHere.js';
import { useQueryParams } from './shell/router.js';
import { useQuery } from './api/useQuery.js';
import { TagOverlayDocument } from './api/documents.js';
import { markTag } from './lineage/tagOverlay.js';
import { TagHighlight } from './lineage/TagHighlight.js';

const M = defineMessages(
  { more: '{n} more', cluster: '{n} × {kind} · {namespace}' },
  { more: '还有 {n} 个', cluster: '{n} 个 {kind} · {namespace}' },
);

/** The lineage explorer: search, controls, the graph (or impact table), details. All view state is in the URL. */
export function Explorer() {
  const t = useT(M);
  const [query, setQuery] = useQueryParams();
  const search = query.toString();
  const state = useMemo(() => parseViewState(new URLSearchParams(search)), [search]);
  const update = useCallback((changes: Partial<ViewState>, push = false) => setQuery(viewStateQuery(changes), { push }), [setQuery]);
  const labels = useMemo(() => ({
    moreLabel: (n: number) => t('more', { n }),
    clusterLabel: (n: number, kind: string, namespace: string) => t('cluster', { n, kind, namespace: shortNamespace(namespace) }),
  }), [t]);
  const graph = useExplorerGraph(state, labels);
  const [cy, setCy] = useState<Core | null>(null);
  // A highlighted tag: who carries it, and what is downstream of them without it (tagReach).
  const overlay = useQuery(TagOverlayDocument, state.tag ? { tag: state.tag } : null);
  const marks = useMemo(() => ({
    carriers: new Set(overlay.data?.tagged?.items.map((n) => n.id) ?? []),
    reached: new Set(overlay.data?.tagReach?.reached.map((r) => r.node.id) ?? []),
  }), [overlay.data]);
  const elements = useMemo(() => (state.tag ? markTag(graph.elements, marks.carriers, marks.reached) : graph.elements), [state.tag, graph.elements, marks]);
  const drawnIds = useMemo(() => new Set(graph.elements?.nodes.map((n) => n.data.id) ?? []), [graph.elements]);
  const tagCounts = state.tag && overlay.data ? {
    carriers: [...marks.carriers].filter((id) => drawnIds.has(id)).length,
    reached: [...marks.reached].filter((id) => drawnIds.has(id)).length,
    partial: (overlay.data.tagReach?.isPartial ?? false) || (overlay.data.tagged?.total ?? 0) > marks.carriers.size,
  } : null;

  // The user's grouping choice holds for one root: another root is grouped by itself until they choose (autoGroup.ts).
  const groupChoiceFor = (root: string) => (root === state.node ? state.grouped : null);
  const open = (id: string, view = state.view === 'impact' ? 'graph' as const : state.view) =>
    update({ node: id, selected: id, expansions: [], hubs: [], opened: [], grouped: groupChoiceFor(id), view }, true);
  const onExpand = (direction: HopDirection) => {
    if (!state.selected) return;
    markExpandStart();
    update({ expansions: expand(state.expansions, state.selected, direction) });
  };
  const onCollapse = () => state.selected && update({ expansions: collapse(state.expansions, state.selected, null, graph.baseIds, graph.expansions.loaded) });
  const onMore = (id: string) => {
    const cluster = parseClusterNodeId(id);
    if (cluster) return update({ opened: [...state.opened, cluster.key] });
    const hub = parseHubNodeId(id);
    if (hub) return update({ hubs: showMoreOfHub(state.hubs, hub.anchor, hub.direction) });
    const spec = parseMoreNodeId(id);
    if (!spec) return;
    markExpandStart();
    update({ expansions: loadMore(state.expansions, spec.anchor, spec.direction) });
  };
  const selectedNode = state.selected ? graph.merged?.nodes.find((n) => n.node.id === state.selected)?.node ?? (graph.result?.root.id === state.selected ? graph.result.root : null) : null;
  const expanded = (d: HopDirection) => state.expansions.some((s) => s.anchor === state.selected && s.direction === d);
  // A hub of the answer pages that side already (its "N more" node, hubs.ts).
  const paged = (d: HopDirection) => !!state.selected && !!graph.merged?.nodes.some((n) => n.node.id === hubNodeId(state.selected!, d));

  return (
    <div className="explorer">
      <header className="toolbar">
        <SearchBox onPick={(hit) => open(hit.id)} />
        <LineageControls state={state} grouping={graph.grouping} onChange={(changes) => update(changes, 'view' in changes || 'asOf' in changes)} />
      </header>
      {state.view !== 'impact' && state.node && (
        <div className="subbar">
          <NodeActions
            node={selectedNode}
            isRoot={state.selected === state.node}
            canExpand={state.view === 'graph'}
            expanded={{ UPSTREAM: expanded('UPSTREAM'), DOWNSTREAM: expanded('DOWNSTREAM') }}
            paged={{ UPSTREAM: paged('UPSTREAM'), DOWNSTREAM: paged('DOWNSTREAM') }}
            onExpand={onExpand}
            onCollapse={onCollapse}
            onColumns={() => state.selected && open(state.selected, 'columns')}
            onImpact={() => state.selected && update({ node: state.selected, view: 'impact', expansions: [], grouped: groupChoiceFor(state.selected) }, true)}
            onFocus={() => state.selected && open(state.selected)}
          />
          {graph.merged && <KindFilter counts={kindCounts(graph.merged)} selected={state.kinds} onChange={(kinds) => update({ kinds })} />}
          <TagHighlight tag={state.tag} onChange={(tag) => update({ tag })} counts={tagCounts} />
          <ExportButtons cy={cy} elements={graph.elements} rootName={graph.result?.root.name ?? null} />
        </div>
      )}
      <main className="graph-area">
        {state.view === 'impact' ? (
          <ImpactView nodeId={state.node} asOf={state.asOf} onOpen={(id) => open(id, 'graph')} />
        ) : (
          <>
            <GraphView elements={state.node ? elements : null} layoutKey={graph.layoutKey} selectedId={state.selected}
              onSelect={(id) => update({ selected: id })} onMore={onMore} onReady={setCy} />
            <ExplorerBanners state={state} graph={graph} />
            {!state.node && <StartHere onOpen={(id) => open(id)} />}
          </>
        )}
      </main>
      <DetailsPanel nodeId={state.selected} rootId={state.node} asOf={state.asOf} onOpenLineage={(id) => open(id)} onSelect={(id) => update({ selected: id }, true)} onLifecycleChanged={graph.reload} />
    </div>
  );
}

/** `hive://metastore.data.internal:9083` → `metastore.data.internal`: what tells namespaces apart in a small label. */
function shortNamespace(ns: string): string {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:]+)/i.exec(ns);
  return host ? host[1] : ns;
}
