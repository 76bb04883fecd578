import { TagDetailsDocument } from '../../api/documents.js';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import type { KindDetailsProps } from '../kinds/types.js';
import { Loading, NodeList, Section } from '../lineage/parts.js';
import { useQueryParams } from '../../shell/router.js';

const M = defineMessages(
  {
    highlight: 'Highlight on the map', description: 'Description', tagged: 'Carried by', none: 'Nothing carries this tag now.', more: 'Showing {n} of {total}.',
    reach: 'Downstream, not tagged', reachNote: 'What lies downstream of the nodes carrying this tag (columns along field-level lineage, the rest along lineage, up to 5 hops) and does not carry it itself.',
    noReach: 'Nothing downstream lacks this tag.', partial: 'Partial: the walk was cut, there may be more.', hops: '{n} hop(s) from {from}',
  },
  {
    highlight: '在图中高亮', description: '描述', tagged: '带有此标签', none: '当前没有节点带有此标签。', more: '显示 {total} 个中的 {n} 个。',
    reach: '下游未标记', reachNote: '带有此标签的节点的下游（字段沿字段级血缘，其余沿血缘，最多 5 跳）中本身不带此标签的节点。',
    noReach: '下游没有缺少此标签的节点。', partial: '结果不完整：遍历被截断，可能还有更多。', hops: '距 {from} {n} 跳',
  },
);

/** A tag: its description, what carries it, and what lies downstream of those without carrying it (tagReach). */
export function TagDetails({ node, onOpenLineage }: KindDetailsProps) {
  const t = useT(M);
  const { data, loading, error } = useQuery(TagDetailsDocument, { tag: node.name });
  const [, setQuery] = useQueryParams();
  const description = (node.props as { description?: unknown } | null)?.description;
  if (error) return <p className="error" role="alert">{error}</p>;
  const reached = new Map(data?.tagReach?.reached.map((r) => [r.node.id, r]) ?? []);
  const names = new Map(data?.tagged?.items.map((n) => [n.id, n.name]) ?? []);
  return (
    <>
      <button type="button" onClick={() => setQuery({ tag: node.name }, { push: true })} data-testid="tag-highlight-on-map">{t('highlight')}</button>
      {typeof description === 'string' && (
        <Section title={t('description')}><p>{description}</p></Section>
      )}
      {!data ? (loading ? <Loading /> : null) : (
        <>
          <Section title={t('tagged')} count={data.tagged?.total ?? 0} testId="tag-carried-by">
            <NodeList nodes={data.tagged?.items ?? []} empty={t('none')} onOpen={onOpenLineage} />
            {data.tagged && data.tagged.total > data.tagged.items.length && <p className="muted small">{t('more', { n: data.tagged.items.length, total: data.tagged.total })}</p>}
          </Section>
          <Section title={t('reach')} count={data.tagReach?.reached.length ?? 0} testId="tag-reach">
            <p className="muted small">{t('reachNote')}</p>
            <NodeList nodes={data.tagReach?.reached.map((r) => r.node) ?? []} empty={t('noReach')} onOpen={onOpenLineage}
              extra={(n) => <span className="muted small"> {t('hops', { n: reached.get(n.id)!.distance, from: names.get(reached.get(n.id)!.from) ?? reached.get(n.id)!.from })}</span>} />
            {data.tagReach?.isPartial && <p className="muted small">{t('partial')}</p>}
          </Section>
        </>
      )}
    </>
  );
}
