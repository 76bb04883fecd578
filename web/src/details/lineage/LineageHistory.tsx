import { LineageHistoryDocument } from '../../api/documents.js';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { lineageChanges } from '../lineage-history.js';

const M = defineMessages(
  {
    title: 'Lineage over time', none: 'Nothing started or stopped since it was first seen.', loading: 'Loading…',
    started: 'started', stopped: 'stopped', again: 'again',
    reads: 'reads', writes: 'writes', readBy: 'read by', writtenBy: 'written by', column: 'column',
    more: 'The newest {n} of {total} changes; `asOf` on the map shows the graph at any of them.',
    partial: 'Read from its first {n} reads, writes and columns.',
  },
  {
    title: '血缘随时间的变化', none: '自首次出现以来没有开始或停止的关系。', loading: '加载中…',
    started: '开始', stopped: '停止', again: '恢复',
    reads: '读取', writes: '写入', readBy: '被读取于', writtenBy: '被写入于', column: '字段',
    more: '共 {total} 项变化中最新的 {n} 项；在血缘图上用 asOf 可查看其中任一时刻的图。',
    partial: '仅根据其前 {n} 个读取、写入与字段得出。',
  },
);

const FIRST = 500;
const SHOWN = 20;

/**
 * When a job started and stopped reading or writing a dataset (and read it again), when a dataset's
 * columns were dropped and added back: its edges' validity and gaps, newest first.
 */
export function LineageHistory({ nodeId, onOpen }: { nodeId: string; onOpen: (id: string) => void }) {
  const t = useT(M);
  const { dateTime } = useFormat();
  const { data, loading, error } = useQuery(LineageHistoryDocument, { id: nodeId, first: FIRST });
  const holder = data?.node && 'neighbours' in data.node && data.node.id === nodeId ? data.node.neighbours : null;
  const changes = holder ? lineageChanges(nodeId, holder.items) : null;
  return (
    <section className="details-section" data-testid="details-lineage-history">
      <h3>{t('title')}{changes && <span className="count"> {changes.length}</span>}</h3>
      {error && <p className="error" role="alert">{error}</p>}
      {!changes && loading && <p className="muted">{t('loading')}</p>}
      {changes && changes.length === 0 && <p className="muted">{t('none')}</p>}
      {changes && changes.length > 0 && (
        <ol className="received-events">
          {changes.slice(0, SHOWN).map((c) => (
            <li key={`${c.at}-${c.change}-${c.other.id}`} data-testid="details-lineage-change" data-change={c.change}>
              <time className="muted small" dateTime={c.at}>{dateTime(c.at)}</time>{' '}
              <span className={`small lineage-${c.change}`}>{t(c.change)}</span>{' '}
              <span className="small">{t(c.relation)}</span>{' '}
              <button type="button" className="link small" title={c.other.id} onClick={() => onOpen(c.other.id)}>{c.relation === 'column' ? c.other.name.slice(c.other.name.lastIndexOf('#') + 1) : c.other.name}</button>
            </li>
          ))}
        </ol>
      )}
      {changes && changes.length > SHOWN && <p className="muted small">{t('more', { n: SHOWN, total: changes.length })}</p>}
      {holder && holder.total > FIRST && <p className="muted small">{t('partial', { n: FIRST })}</p>}
    </section>
  );
}
