import { NodeDetailsDocument } from '../api/documents.js';
import { useQuery } from '../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../i18n/i18n.js';
import { KindBadge } from '../KindBadge.js';
import { kindDetails } from './kinds/index.js';
import { NodeAlerts } from '../pages/alerts/NodeAlerts.js';
import { PropsList } from './PropsList.js';
import { NodeTags, TAGGABLE } from './tags/NodeTags.js';
import { About } from './about/About.js';
import { Lifecycle } from './about/Lifecycle.js';
import { PluginProps } from './plugins/PluginProps.js';
import { PastView } from '../ViewerBadge.js';
import { goneAt } from '../lineage/validity.js';

const M = defineMessages(
  {
    pick: 'Click a node in the graph to see its details.', loading: 'Loading…', notFound: 'Node {id} was not found.', open: 'Open lineage from here',
    kind: 'Kind', id: 'Id', namespace: 'Namespace', name: 'Name', created: 'Created', updated: 'Updated', props: 'All properties',
    pastNotYet: 'On {asOf} it did not exist yet (first seen {created}).', pastGone: 'On {asOf} it did not exist (gone from {from}{until}).',
    pastUntil: ' until {to}', pastThere: 'On {asOf} it existed.', pastNow: 'What follows is as it is now; to change it, go back to the present (Now).',
  },
  {
    pick: '点击图中的节点查看详情。', loading: '加载中…', notFound: '未找到节点 {id}。', open: '从此节点打开血缘',
    kind: '类型', id: 'Id', namespace: '命名空间', name: '名称', created: '创建时间', updated: '更新时间', props: '全部属性',
    pastNotYet: '{asOf} 时它尚不存在（首次出现于 {created}）。', pastGone: '{asOf} 时它不存在（自 {from}{until} 消失）。',
    pastUntil: '至 {to}', pastThere: '{asOf} 时它存在。', pastNow: '以下为其当前状态；如需修改，请回到当前视图（点击“现在”）。',
  },
);

interface Props {
  nodeId: string | null;
  rootId: string | null;
  onOpenLineage: (id: string) => void;
  /** Show another node's details, keeping the map as it is (a tag's, from a node's tag chips). */
  onSelect?: (id: string) => void;
  /** The map's `as of` time: the panel says whether the node existed then, and offers no change. */
  asOf?: string | null;
  /** The node was deleted or restored here: what the map draws changes too. */
  onLifecycleChanged?: () => void;
}

/** Everything Loom knows about the selected node, fetched fresh with `node(id)`; kind-specific sections below the facts. */
export function DetailsPanel({ nodeId, rootId, onOpenLineage, onSelect, asOf = null, onLifecycleChanged }: Props) {
  const t = useT(M);
  const { dateTime } = useFormat();
  const { data, loading, error, reload } = useQuery(NodeDetailsDocument, nodeId && !nodeId.startsWith('more:') ? { id: nodeId } : null);
  const node = data?.node?.id === nodeId ? data.node : null;
  const Section = node ? kindDetails(node.kind) : null;

  return (
    <aside className="details" data-testid="details-panel" aria-busy={loading}>
      {!nodeId && <p className="muted empty">{t('pick')}</p>}
      {nodeId && error && <p className="error" role="alert">{error}</p>}
      {nodeId && !error && !node && (loading ? <p className="muted">{t('loading')}</p> : <p className="muted">{t('notFound', { id: nodeId })}</p>)}
      {nodeId && node && (
        <PastView.Provider value={asOf !== null}>
          <header>
            <KindBadge kind={node.kind} />
            <h2 data-testid="details-name">{node.name}</h2>
          </header>
          {asOf && <PastNotice node={node} asOf={asOf} />}
          {/* A tag has no lineage of its own: its panel lists what carries it and highlights them on the map. */}
          <button type="button" onClick={() => onOpenLineage(node.id)} disabled={node.id === rootId || node.kind === 'Tag'} data-testid="details-open-lineage">
            {t('open')}
          </button>
          <Lifecycle key={`life-${node.id}`} node={node} onChanged={() => { reload(); onLifecycleChanged?.(); }} />
          <dl className="facts">
            <dt>{t('kind')}</dt><dd><KindBadge kind={node.kind} /></dd>
            <dt>{t('id')}</dt><dd className="mono">{node.id}</dd>
            <dt>{t('namespace')}</dt><dd>{node.namespace}</dd>
            <dt>{t('name')}</dt><dd>{node.name}</dd>
            <dt>{t('created')}</dt><dd><time dateTime={node.createdAt} title={node.createdAt}>{dateTime(node.createdAt)}</time></dd>
            <dt>{t('updated')}</dt><dd><time dateTime={node.updatedAt} title={node.updatedAt}>{dateTime(node.updatedAt)}</time></dd>
          </dl>
          {TAGGABLE.has(node.kind) && <About key={`about-${node.id}`} nodeId={node.id} />}
          {TAGGABLE.has(node.kind) && <NodeTags key={`tags-${node.id}`} nodeId={node.id} onOpen={onSelect ?? onOpenLineage} />}
          <NodeAlerts key={`alerts-${node.id}`} nodeId={node.id} compact />
          <PluginProps props={node.props} />
          {Section && <Section key={node.id} node={node} onOpenLineage={onOpenLineage} />}
          <details className="all-props">
            <summary>{t('props')}</summary>
            <PropsList props={node.props} />
          </details>
        </PastView.Provider>
      )}
    </aside>
  );
}

/** Whether the node existed at the map's `as of` time (its first sighting, end and gaps); what the panel shows is its current state. */
function PastNotice({ node, asOf }: { node: { createdAt: string; validTo?: string | null; gaps?: readonly { from: string; to: string }[] }; asOf: string }) {
  const t = useT(M);
  const { dateTime } = useFormat();
  const at = dateTime(asOf);
  const gone = goneAt(node, asOf);
  const existence = new Date(asOf).toISOString() < node.createdAt
    ? t('pastNotYet', { asOf: at, created: dateTime(node.createdAt) })
    : gone ? t('pastGone', { asOf: at, from: dateTime(gone.from), until: gone.to ? t('pastUntil', { to: dateTime(gone.to) }) : '' }) : t('pastThere', { asOf: at });
  return <p className="banner info details-past" data-testid="details-past">{existence} {t('pastNow')}</p>;
}
