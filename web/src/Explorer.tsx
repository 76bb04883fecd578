import { useMemo, useState } from 'react';
import { LineageDocument } from './api/documents.js';
import { useQuery } from './api/useQuery.js';
import { DetailsPanel } from './details/DetailsPanel.js';
import type { Direction } from './gql/graphql.js';
import { toElements } from './graph/elements.js';
import { GraphView } from './graph/GraphView.js';
import { LineageControls } from './lineage/LineageControls.js';
import { SearchBox } from './search/SearchBox.js';
import { ViewerBadge } from './ViewerBadge.js';

const LINEAGE_LIMIT = 500;

/** The main screen: search in the header, the lineage graph in the middle, details on the right. */
export function Explorer({ onSignOut }: { onSignOut: () => void }) {
  const [rootId, setRootId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [direction, setDirection] = useState<Direction>('BOTH');
  const [depth, setDepth] = useState(3);
  const lineage = useQuery(
    LineageDocument,
    rootId ? { nodeId: rootId, direction, depth, limit: LINEAGE_LIMIT } : null,
  );
  const result = lineage.data?.lineage ?? null;
  const elements = useMemo(() => (result ? toElements(result) : null), [result]);

  const openLineage = (id: string) => {
    setRootId(id);
    setSelectedId(id);
  };

  return (
    <div className="explorer">
      <header className="top-bar">
        <span className="brand">Loom</span>
        <SearchBox onPick={(hit) => openLineage(hit.id)} />
        <LineageControls direction={direction} depth={depth} onDirection={setDirection} onDepth={setDepth} />
        <ViewerBadge />
        <button type="button" className="link" onClick={onSignOut}>Sign out</button>
      </header>
      <main className="graph-area">
        <GraphView elements={elements} selectedId={selectedId} onSelect={setSelectedId} />
        <div className="banners">
          {lineage.loading && <div className="banner info" data-testid="loading">Loading lineage…</div>}
          {lineage.error && <div className="banner error" role="alert">{lineage.error}</div>}
          {result?.isPartial && (
            <div className="banner warning" data-testid="truncated-banner">
              {result.cut?.reason === 'DEADLINE'
                ? `The lineage took too long: complete up to ${result.cut.depth} hops only. Lower the depth or pick a direction.`
                : `Showing the first ${LINEAGE_LIMIT} nodes only (complete up to ${result.cut?.depth ?? 0} hops): the lineage is larger. Lower the depth or pick a direction.`}
            </div>
          )}
          {rootId && lineage.data && !result && !lineage.loading && (
            <div className="banner error" role="alert">No node with id {rootId}.</div>
          )}
        </div>
        {!rootId && <p className="graph-empty">Search for a dataset, job or model to see its lineage.</p>}
      </main>
      <DetailsPanel nodeId={selectedId} rootId={rootId} onOpenLineage={openLineage} />
    </div>
  );
}
