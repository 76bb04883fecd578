import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { Link, useQueryParams } from '../../shell/router.js';
import { RegisteredModelDocument } from './documents.js';
import { AsOfControl } from './AsOfControl.js';
import { VersionsTable } from './VersionsTable.js';
import { StagesCard } from './StagesCard.js';
import { PromotePanel } from './PromotePanel.js';
import { AliasPanel } from './AliasPanel.js';
import { VersionEvaluations } from './VersionEvaluations.js';
import { CompareEvaluations } from './CompareEvaluations.js';
import { HistoryTable } from './HistoryTable.js';
import { GatesCard } from './GatesCard.js';
import { lineagePath } from './links.js';
import { ErrorNote, Loading, Tags } from './ui.js';

const M = defineMessages(
  {
    models: 'Models', lineage: 'Lineage', notFound: 'No model named “{name}”{when}. Check the name, or clear the as-of date.', atTime: ' at that time',
    versions: 'Versions', past: 'You are viewing the registry as it was on the as-of date; clear it to make changes.', selectVersion: 'Select a version in the table to promote it or move an alias to it.',
    change: 'Change version {version}', history: 'History', count: '{n} versions',
  },
  {
    models: '模型', lineage: '血缘', notFound: '没有名为“{name}”的模型{when}。请检查名称，或清除时间点。', atTime: '（在该时间点）',
    versions: '版本', past: '你正在查看注册表在所选时间点的状态；清除时间点后才能修改。', selectVersion: '在表格中选择一个版本，以晋级它或把别名指向它。',
    change: '修改版本 {version}', history: '历史', count: '{n} 个版本',
  },
);

export function ModelDetail({ name }: { name: string }) {
  const t = useT(M);
  const [query, setQuery] = useQueryParams();
  const asOf = query.get('asOf');
  const selected = Number(query.get('version')) || null;
  const { data, loading, error, reload } = useQuery(RegisteredModelDocument, { name, asOf });
  const model = data?.registeredModel ?? null;
  const version = model?.versions.find((v) => v.version === selected) ?? null;

  return (
    <>
      <div className="crumbs"><Link to="/models">{t('models')}</Link> / {name}</div>
      <div className="reg-head">
        <h1 data-testid="model-name">{name}</h1>
        {model && <span className="muted">{t('count', { n: model.versionCount })}</span>}
        {model && <Link to={lineagePath(model.id)} className="btn secondary small">{t('lineage')}</Link>}
        <span className="spacer" />
        <AsOfControl asOf={asOf} onChange={(next) => setQuery({ asOf: next }, { push: true })} />
      </div>
      {error && <ErrorNote message={error} />}
      {!model && !error && (loading || !data ? <Loading /> : <div className="empty-state" data-testid="empty">{t('notFound', { name, when: asOf ? t('atTime') : '' })}</div>)}
      {model && (
        <>
          {model.description && <p>{model.description}</p>}
          {model.tags.length > 0 && <p><Tags tags={model.tags} /></p>}
          <div className="cards">
            <StagesCard model={model} />
            <GatesCard key={`${model.id}@${asOf ?? ''}`} name={model.name} gates={model.gates} editable={!asOf} onChanged={reload} />
          </div>
          <section className="card" style={{ marginTop: 16 }}>
            <h2>{t('versions')}</h2>
            <VersionsTable versions={model.versions} selected={selected} onSelect={(v) => setQuery({ version: v === selected ? null : v })} />
          </section>
          {asOf ? <p className="note info-note">{t('past')}</p> : !version ? <p className="note info-note">{t('selectVersion')}</p> : (
            <section className="card" data-testid="change-card">
              <h2>{t('change', { version: version.version })}</h2>
              <div className="cards">
                <PromotePanel model={model} version={version} onChanged={reload} />
                <AliasPanel model={model} version={version.version} onChanged={reload} />
              </div>
              <VersionEvaluations name={model.name} version={version.version} />
            </section>
          )}
          {!asOf && <CompareEvaluations name={model.name} />}
          <section className="card">
            <h2>{t('history')}</h2>
            <HistoryTable history={model.history} />
          </section>
        </>
      )}
    </>
  );
}
