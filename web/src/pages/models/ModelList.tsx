import { useMemo } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { Link } from '../../shell/router.js';
import { RegisteredModelsDocument } from './documents.js';
import { stageSummary } from './model-view.js';
import { modelPath } from './links.js';
import { ListHeader, useListParams } from './ListHeader.js';
import { StageBadge } from './StageBadge.js';
import { Pager, QueryView } from './ui.js';

const PAGE = 50;

const M = defineMessages(
  {
    title: 'Model registry', subtitle: 'Registered models, the versions in each stage and their aliases.',
    filter: 'Filter by name', name: 'Model', versions: 'Versions', stages: 'Stages', aliases: 'Aliases',
    empty: 'No registered models yet. Register a version with the registerModelVersion mutation (or the Python client) and it appears here.',
    noMatch: 'No registered model name contains “{text}”.', since: 'since',
  },
  {
    title: '模型注册表', subtitle: '已注册的模型、各阶段中的版本及其别名。',
    filter: '按名称筛选', name: '模型', versions: '版本数', stages: '阶段', aliases: '别名',
    empty: '还没有注册模型。用 registerModelVersion 变更（或 Python 客户端）注册一个版本后会显示在这里。',
    noMatch: '没有名称包含“{text}”的已注册模型。', since: '自',
  },
);

export function ModelList() {
  const t = useT(M);
  const { page, text, search, setText, setPage } = useListParams();
  const { data, loading, error } = useQuery(RegisteredModelsDocument, { first: PAGE + 1, offset: page * PAGE, search: search || null });
  const models = useMemo(() => data?.registeredModels.slice(0, PAGE) ?? [], [data]);
  return (
    <>
      <ListHeader title={t('title')} subtitle={t('subtitle')} placeholder={t('filter')} testId="models-filter" text={text} onText={setText} />
      <QueryView loading={loading} error={error} empty={models.length === 0} emptyText={search ? t('noMatch', { text: search }) : t('empty')}>
        <div className="card">
          <table className="grid" data-testid="models-table">
            <thead><tr><th>{t('name')}</th><th className="num">{t('versions')}</th><th>{t('stages')}</th><th>{t('aliases')}</th></tr></thead>
            <tbody>
              {models.map((m) => (
                <tr key={m.id} data-testid="model-row">
                  <td><Link to={modelPath(m.name)} data-testid="model-link">{m.name}</Link>{m.description && <div className="muted hint">{m.description}</div>}</td>
                  <td className="num">{m.versionCount}</td>
                  <td><span className="badges">{stageSummary(m.latestVersions).map((s) => <StageBadge key={s.stage} stage={s.stage} version={s.version} />)}</span></td>
                  <td><span className="badges">{m.aliases.map((a) => <span key={a.alias} className="badge alias" title={`${t('since')} ${a.since}`}>@{a.alias} → v{a.version}</span>)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} hasNext={(data?.registeredModels.length ?? 0) > PAGE} onPage={setPage} />
        </div>
      </QueryView>
    </>
  );
}
