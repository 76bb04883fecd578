import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { Link, useQueryParams } from '../../shell/router.js';
import { lineagePath } from '../models/links.js';
import { CompareEvaluations } from '../models/CompareEvaluations.js';
import { HistoryTable } from '../models/HistoryTable.js';
import { activate, ErrorNote, Loading, Tags } from '../models/ui.js';
import { PromptDocument } from './documents.js';
import { LabelsCard } from './LabelsCard.js';
import { VersionView } from './VersionView.js';
import { RenderForm } from './RenderForm.js';
import { DiffView } from './DiffView.js';
import { LabelForm } from './LabelForm.js';

const M = defineMessages(
  {
    prompts: 'Prompts', lineage: 'Lineage', notFound: 'No prompt named “{name}”. Check the name in the prompt list.', count: '{n} versions',
    versions: 'Versions', version: 'Version', labels: 'Labels', message: 'Commit message', type: 'Type', history: 'Label history',
    render: 'Render v{version}', diff: 'Compare versions',
  },
  {
    prompts: '提示词', lineage: '血缘', notFound: '没有名为“{name}”的提示词。请在提示词列表中检查名称。', count: '{n} 个版本',
    versions: '版本', version: '版本', labels: '标签', message: '提交说明', type: '类型', history: '标签历史',
    render: '渲染 v{version}', diff: '比较版本',
  },
);

export function PromptDetail({ name }: { name: string }) {
  const t = useT(M);
  const [query, setQuery] = useQueryParams();
  const { data, loading, error, reload } = useQuery(PromptDocument, { name });
  const prompt = data?.prompt ?? null;
  const latest = prompt?.versions[0]?.version ?? null;
  const selectedVersion = Number(query.get('version')) || latest;
  const version = prompt?.versions.find((v) => v.version === selectedVersion) ?? null;

  return (
    <>
      <div className="crumbs"><Link to="/prompts">{t('prompts')}</Link> / {name}</div>
      <div className="reg-head">
        <h1 data-testid="prompt-name">{name}</h1>
        {prompt && <span className="muted">{t('count', { n: prompt.versionCount })}</span>}
        {prompt && <Link to={lineagePath(prompt.id)} className="btn secondary small">{t('lineage')}</Link>}
      </div>
      {error && <ErrorNote message={error} />}
      {!prompt && !error && (loading || !data ? <Loading /> : <div className="empty-state" data-testid="empty">{t('notFound', { name })}</div>)}
      {prompt && (
        <>
          {prompt.description && <p>{prompt.description}</p>}
          {prompt.tags.length > 0 && <p><Tags tags={prompt.tags} /></p>}
          <div className="cards">
            <LabelsCard name={name} labels={prompt.labels} onOpen={(v) => setQuery({ version: v })} />
            <section className="card">
              <h2>{t('versions')}</h2>
              <table className="grid" data-testid="prompt-versions">
                <thead><tr><th>{t('version')}</th><th>{t('type')}</th><th>{t('labels')}</th><th>{t('message')}</th></tr></thead>
                <tbody>
                  {prompt.versions.map((v) => (
                    <tr key={v.id} className={`clickable${v.version === selectedVersion ? ' selected' : ''}`} onClick={() => setQuery({ version: v.version })} onKeyDown={(e) => activate(e, () => setQuery({ version: v.version }))} tabIndex={0} data-testid={`prompt-version-${v.version}`}>
                      <td><strong>v{v.version}</strong></td>
                      <td>{v.type}</td>
                      <td><span className="badges">{v.labels.map((l) => <span key={l} className="badge label">{l}</span>)}</span></td>
                      <td>{v.commitMessage ?? <span className="muted">–</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
          {version && (
            <div className="cards" style={{ marginTop: 16 }}>
              <div className="stack">
                <VersionView version={version} />
                <section className="card">
                  <LabelForm key={version.version} name={name} version={version.version} labels={version.labels} known={prompt.labels.map((l) => l.label)} onChanged={reload} />
                </section>
              </div>
              <section className="card">
                <h2>{t('render', { version: version.version })}</h2>
                <RenderForm key={version.version} name={name} version={version} />
              </section>
            </div>
          )}
          <section className="card" style={{ marginTop: 16 }}>
            <h2>{t('diff')}</h2>
            <DiffView name={name} versions={prompt.versions.map((v) => v.version)} />
          </section>
          <CompareEvaluations name={name} of="prompt" />
          <section className="card">
            <h2>{t('history')}</h2>
            <HistoryTable history={prompt.history} subject="prompt" />
          </section>
        </>
      )}
    </>
  );
}
