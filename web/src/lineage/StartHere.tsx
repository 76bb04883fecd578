/** Under the empty explorer: the jobs and datasets of the newest lineage events, to open with one click. */
import { RecentlyActiveDocument } from '../api/documents.js';
import { useQuery } from '../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../i18n/i18n.js';
import { KindBadge } from '../KindBadge.js';

const M = defineMessages(
  { title: 'Recently active', hint: 'The jobs and datasets of the newest OpenLineage events' },
  { title: '最近活跃', hint: '最新 OpenLineage 事件中的作业和数据集' },
);
const VARIABLES = { first: 8 };

export function StartHere({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT(M);
  const f = useFormat();
  const nodes = useQuery(RecentlyActiveDocument, VARIABLES).data?.recentlyActive ?? [];
  if (!nodes.length) return null;
  return (
    <section className="start-here" data-testid="start-here" aria-label={t('title')}>
      <h3 title={t('hint')}>{t('title')}</h3>
      <ul>
        {nodes.map((n) => (
          <li key={n.id}>
            <button type="button" className="suggestion" data-testid="start-here-node" data-node-id={n.id} onClick={() => onOpen(n.id)} title={n.id}>
              <KindBadge kind={n.kind} />
              <span className="suggestion-name">{n.name}</span>
              <span className="suggestion-namespace">{n.namespace}</span>
              <span className="muted small when">{f.dateTime(n.updatedAt)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
