import { SchemaChangesDocument } from '../../api/documents.js';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { ListSection } from './parts.js';

const M = defineMessages(
  {
    title: 'Schema changes', none: 'The schema has not changed (or no emitter reported it).',
    added: 'added', removed: 'removed', retyped: 'retyped', hint: 'Between versions {from} and {to}',
    more: 'The newest {n}; the rest through GraphQL schemaChanges.',
  },
  {
    title: 'Schema 变更', none: 'Schema 没有变化（或没有发送方报告）。',
    added: '新增', removed: '删除', retyped: '类型变更', hint: '版本 {from} 与 {to} 之间',
    more: '最新的 {n} 个；其余请通过 GraphQL schemaChanges 查看。',
  },
);

const SHOWN = 10;

/** A dataset's schema as it changed between its versions, newest first: columns added, removed, retyped. */
export function SchemaChanges({ nodeId }: { nodeId: string }) {
  const t = useT(M);
  const { dateTime } = useFormat();
  const { data, loading, error } = useQuery(SchemaChangesDocument, { nodeId, first: SHOWN });
  const changes = data?.schemaChanges ?? null;
  return (
    <ListSection title={t('title')} testId="details-schema-changes" count={changes?.length ?? null} error={error} loading={loading} list={changes} empty={t('none')}>
      <ol className="received-events">
        {changes?.map((c) => (
          <li key={`${c.fromVersion}-${c.toVersion}`} data-testid="details-schema-change" title={t('hint', { from: c.fromVersion, to: c.toVersion })}>
            <time className="muted small" dateTime={c.at}>{dateTime(c.at)}</time>
            {c.added.length > 0 && <div className="small"><span className="schema-added">+ {t('added')}</span> <span className="mono">{c.added.map((f) => (f.type ? `${f.name} ${f.type}` : f.name)).join(', ')}</span></div>}
            {c.removed.length > 0 && <div className="small"><span className="schema-removed">− {t('removed')}</span> <span className="mono">{c.removed.map((f) => f.name).join(', ')}</span></div>}
            {c.changed.length > 0 && <div className="small"><span className="schema-retyped">~ {t('retyped')}</span> <span className="mono">{c.changed.map((f) => `${f.name} ${f.from ?? '?'} → ${f.to ?? '?'}`).join(', ')}</span></div>}
          </li>
        ))}
      </ol>
      {changes?.length === SHOWN && <p className="muted small">{t('more', { n: SHOWN })}</p>}
    </ListSection>
  );
}
