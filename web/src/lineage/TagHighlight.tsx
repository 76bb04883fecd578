import { TagListDocument } from '../api/documents.js';
import { useQuery } from '../api/useQuery.js';
import { defineMessages, useT } from '../i18n/i18n.js';

const M = defineMessages(
  {
    label: 'Highlight tag', none: '—', carriers: 'carries it: {n}', reached: 'downstream, untagged: {n}', partial: '(partial)',
    hint: 'Nodes carrying the tag get a teal ring; what lies downstream of them without it (columns along field-level lineage, up to 10 hops), a red one',
  },
  {
    label: '高亮标签', none: '—', carriers: '带有此标签：{n}', reached: '下游未标记：{n}', partial: '（不完整）',
    hint: '带有该标签的节点显示青色边框；其下游（字段沿字段级血缘，最多 10 跳）中未带该标签的节点显示红色边框',
  },
);

interface Props {
  tag: string | null;
  onChange: (tag: string | null) => void;
  /** Of the nodes drawn: how many carry the tag, how many are reached without it. */
  counts: { carriers: number; reached: number; partial: boolean } | null;
}

/** Pick a tag to mark on the map, with a legend of what is marked. */
export function TagHighlight({ tag, onChange, counts }: Props) {
  const t = useT(M);
  const { data } = useQuery(TagListDocument, {});
  const names = data?.tags.items.map((x) => x.name) ?? [];
  if (names.length === 0 && !tag) return null;
  return (
    <label className="tag-highlight" title={t('hint')}>
      {t('label')}{' '}
      <select value={tag ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid="tag-highlight">
        <option value="">{t('none')}</option>
        {[...new Set([...(tag ? [tag] : []), ...names])].map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
      {tag && counts && (
        <span className="muted small legend" data-testid="tag-highlight-legend">
          <span className="swatch carrier" /> {t('carriers', { n: counts.carriers })} <span className="swatch reached" /> {t('reached', { n: counts.reached })}
          {counts.partial && ` ${t('partial')}`}
        </span>
      )}
    </label>
  );
}
