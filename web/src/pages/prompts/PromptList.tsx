import { useMemo } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { Link } from '../../shell/router.js';
import { promptPath } from '../models/links.js';
import { Pager, QueryView, When } from '../models/ui.js';
import { PromptsDocument } from './documents.js';
import { ListHeader, useListParams } from '../models/ListHeader.js';

const PAGE = 50;

const M = defineMessages(
  {
    title: 'Prompts', subtitle: 'Versioned prompt templates and the labels that pick a version (production, staging…).',
    filter: 'Filter by name', name: 'Prompt', versions: 'Versions', labels: 'Labels', created: 'Created',
    empty: 'No prompts yet. Create a version with the createPromptVersion mutation (or the Python client) and it appears here.',
    noMatch: 'No prompt name contains “{text}”.',
  },
  {
    title: '提示词', subtitle: '带版本的提示词模板，以及选择版本的标签（production、staging…）。',
    filter: '按名称筛选', name: '提示词', versions: '版本数', labels: '标签', created: '创建时间',
    empty: '还没有提示词。用 createPromptVersion 变更（或 Python 客户端）创建一个版本后会显示在这里。',
    noMatch: '没有名称包含“{text}”的提示词。',
  },
);

export function PromptList() {
  const t = useT(M);
  const { page, text, search, setText, setPage } = useListParams();
  const { data, loading, error } = useQuery(PromptsDocument, { first: PAGE + 1, offset: page * PAGE, search: search || null });
  const prompts = useMemo(() => data?.prompts.slice(0, PAGE) ?? [], [data]);
  return (
    <>
      <ListHeader title={t('title')} subtitle={t('subtitle')} placeholder={t('filter')} testId="prompts-filter" text={text} onText={setText} />
      <QueryView loading={loading} error={error} empty={prompts.length === 0} emptyText={search ? t('noMatch', { text: search }) : t('empty')}>
        <div className="card">
          <table className="grid" data-testid="prompts-table">
            <thead><tr><th>{t('name')}</th><th className="num">{t('versions')}</th><th>{t('labels')}</th><th>{t('created')}</th></tr></thead>
            <tbody>
              {prompts.map((p) => (
                <tr key={p.id} data-testid="prompt-row">
                  <td><Link to={promptPath(p.name)} data-testid="prompt-link">{p.name}</Link>{p.description && <div className="muted hint">{p.description}</div>}</td>
                  <td className="num">{p.versionCount}</td>
                  <td><span className="badges">{p.labels.map((l) => <span key={l.label} className="badge label">{l.label} → v{l.version}</span>)}</span></td>
                  <td><When iso={p.createdAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} hasNext={(data?.prompts.length ?? 0) > PAGE} onPage={setPage} />
        </div>
      </QueryView>
    </>
  );
}
