import { LineageChangesDocument } from '../../api/documents.js';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { ListSection } from './parts.js';

const M = defineMessages(
  {
    title: 'Lineage over time', none: 'Nothing started or stopped since it was first seen.',
    STARTED: 'started', STOPPED: 'stopped', AGAIN: 'again',
    READS: 'reads', WRITES: 'writes', READ_BY: 'read by', WRITTEN_BY: 'written by', COLUMN: 'column',
    dropped: 'dropped (or deleted)', createdAgain: 'created again',
    more: 'The newest {n} of {total} changes (GraphQL lineageChanges has them all); "As of" on the map shows the graph at any of them.',
    partial: 'Read from its first 5,000 reads, writes and columns.',
  },
  {
    title: '血缘随时间的变化', none: '自首次出现以来没有开始或停止的关系。',
    STARTED: '开始', STOPPED: '停止', AGAIN: '恢复',
    READS: '读取', WRITES: '写入', READ_BY: '被读取于', WRITTEN_BY: '被写入于', COLUMN: '字段',
    dropped: '被删除', createdAgain: '重新创建',
    more: '共 {total} 项变化中最新的 {n} 项（GraphQL lineageChanges 可查看全部）；在血缘图上用“时间点”可查看其中任一时刻的图。',
    partial: '仅根据其前 5,000 个读取、写入与字段得出。',
  },
);

const SHOWN = 20;

/**
 * When a job started and stopped reading or writing a dataset (and read it again), when a dataset's
 * columns were dropped and added back, when it was itself dropped and created again: its edges' and
 * its own validity and gaps, newest first.
 */
export function LineageHistory({ nodeId, onOpen }: { nodeId: string; onOpen: (id: string) => void }) {
  const t = useT(M);
  const { dateTime } = useFormat();
  const { data, loading, error } = useQuery(LineageChangesDocument, { id: nodeId, first: SHOWN });
  const page = data?.lineageChanges ?? null;
  const changes = page?.items ?? null;
  return (
    <ListSection title={t('title')} testId="details-lineage-history" count={page?.total ?? null} error={error} loading={loading} list={changes} empty={t('none')}>
      <ol className="received-events">
        {changes?.map((c) => (
          <li key={`${c.at}-${c.change}-${c.node.id}`} data-testid="details-lineage-change" data-change={c.change}>
            <time className="muted small" dateTime={c.at}>{dateTime(c.at)}</time>{' '}
            {c.relation === 'ITSELF'
              ? <span className={`small lineage-${c.change.toLowerCase()}`}>{t(c.change === 'AGAIN' ? 'createdAgain' : 'dropped')}</span>
              : (
                <>
                  <span className={`small lineage-${c.change.toLowerCase()}`}>{t(c.change)}</span>{' '}
                  <span className="small">{t(c.relation)}</span>{' '}
                  <button type="button" className="link small" title={c.node.id} onClick={() => onOpen(c.node.id)}>{c.relation === 'COLUMN' ? c.node.name.slice(c.node.name.lastIndexOf('#') + 1) : c.node.name}</button>
                </>
              )}
          </li>
        ))}
      </ol>
      {page && page.total > SHOWN && <p className="muted small">{t('more', { n: SHOWN, total: page.total })}</p>}
      {page?.isPartial && <p className="muted small">{t('partial')}</p>}
    </ListSection>
  );
}
