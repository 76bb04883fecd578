import { NodeDetailsDocument } from '../api/documents.js';
import { useQuery } from '../api/useQuery.js';
import { KindBadge } from '../KindBadge.js';
import { PropsList } from './PropsList.js';

interface Props {
  nodeId: string | null;
  rootId: string | null;
  onOpenLineage: (id: string) => void;
}

/** Everything Loom knows about the selected node, fetched fresh with `node(id)`. */
export function DetailsPanel({ nodeId, rootId, onOpenLineage }: Props) {
  const { data, loading, error } = useQuery(NodeDetailsDocument, nodeId ? { id: nodeId } : null);
  const node = data?.node?.id === nodeId ? data.node : null;

  return (
    <aside className="details" data-testid="details-panel" aria-busy={loading}>
      {!nodeId && <p className="muted empty">Click a node in the graph to see its details.</p>}
      {nodeId && error && <p className="error" role="alert">{error}</p>}
      {nodeId && !error && !node && (loading ? <p className="muted">Loading…</p> : <p className="muted">Node {nodeId} was not found.</p>)}
      {nodeId && node && (
        <>
          <header>
            <KindBadge kind={node.kind} />
            <h2 data-testid="details-name">{node.name}</h2>
          </header>
          <button type="button" onClick={() => onOpenLineage(node.id)} disabled={node.id === rootId}>
            Open lineage from here
          </button>
          <dl className="facts">
            <dt>Kind</dt><dd>{node.kind}</dd>
            <dt>Id</dt><dd className="mono">{node.id}</dd>
            <dt>Namespace</dt><dd>{node.namespace}</dd>
            <dt>Name</dt><dd>{node.name}</dd>
            <dt>Created</dt><dd><Time iso={node.createdAt} /></dd>
            <dt>Updated</dt><dd><Time iso={node.updatedAt} /></dd>
          </dl>
          <h3>Properties</h3>
          <PropsList props={node.props} />
        </>
      )}
    </aside>
  );
}

function Time({ iso }: { iso: string }) {
  const date = new Date(iso);
  return <time dateTime={iso} title={iso}>{Number.isNaN(date.getTime()) ? iso : date.toLocaleString()}</time>;
}
