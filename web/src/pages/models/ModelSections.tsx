/** Details-panel sections of Model, ModelVersion and Evaluation nodes (see details/kinds/registry.tsx). */
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import type { KindDetailsProps } from '../../details/kinds/types.js';
import { Link, withQuery } from '../../shell/router.js';
import { ModelSummaryDocument, ModelVersionSummaryDocument } from './documents.js';
import { modelPath, promptPath, runPath } from './links.js';
import { stageSummary } from './model-view.js';
import { evaluationMetrics, stringProp, versionPage, versionRef } from './node-refs.js';
import { StageBadge } from './StageBadge.js';
import { ErrorNote, Loading, When } from './ui.js';

const M = defineMessages(
  {
    open: 'Open in the model registry', versions: '{n} versions', notRegistered: 'Not in the model registry (reported by lineage only).',
    aliases: 'Aliases', run: 'Source run', uri: 'URI', evaluations: 'Evaluations', metrics: 'Metrics', target: 'Evaluated', dataset: 'Dataset', openTarget: 'Open v{version}',
    none: 'No metrics.', at: 'Evaluated',
  },
  {
    open: '在模型注册表中打开', versions: '{n} 个版本', notRegistered: '不在模型注册表中（仅由血缘上报）。',
    aliases: '别名', run: '来源运行', uri: 'URI', evaluations: '评估', metrics: '指标', target: '评估对象', dataset: '数据集', openTarget: '打开 v{version}',
    none: '没有指标。', at: '评估时间',
  },
);

export function ModelSection({ node }: KindDetailsProps) {
  const t = useT(M);
  const registry = node.namespace === 'registry';
  const { data, loading, error } = useQuery(ModelSummaryDocument, registry ? { name: node.name } : null);
  if (!registry) return <p className="muted hint">{t('notRegistered')}</p>;
  const model = data?.registeredModel;
  return (
    <div className="kind-section" data-testid="model-section">
      {error && <ErrorNote message={error} />}
      {!model && loading && <Loading />}
      {model && (
        <p>
          {t('versions', { n: model.versionCount })}{' '}
          <span className="badges">
            {stageSummary(model.latestVersions).map((s) => <StageBadge key={s.stage} stage={s.stage} version={s.version} />)}
            {model.aliases.map((a) => <span key={a.alias} className="badge alias">@{a.alias} → v{a.version}</span>)}
          </span>
        </p>
      )}
      <Link to={modelPath(node.name)} className="btn small" data-testid="open-model">{t('open')}</Link>
    </div>
  );
}

export function ModelVersionSection({ node }: KindDetailsProps) {
  const t = useT(M);
  const ref = node.namespace === 'registry' ? versionRef(node.name) : null;
  const { data, loading, error } = useQuery(ModelVersionSummaryDocument, ref);
  if (!ref) return <p className="muted hint">{t('notRegistered')}</p>;
  const v = data?.modelVersion;
  return (
    <div className="kind-section" data-testid="model-version-section">
      {error && <ErrorNote message={error} />}
      {!v && loading && <Loading />}
      {v && (
        <dl className="kv">
          <dt><StageBadge stage={v.stage} /></dt><dd><When iso={v.stageSince} /></dd>
          {v.aliases.length > 0 && <><dt>{t('aliases')}</dt><dd>{v.aliases.map((a) => `@${a}`).join(', ')}</dd></>}
          <dt>{t('uri')}</dt><dd className="mono">{v.modelUri}</dd>
          {v.runId && <><dt>{t('run')}</dt><dd><Link to={runPath(v.runId)} className="mono">{v.runId}</Link></dd></>}
          {v.evaluations[0] && <><dt>{t('evaluations')}</dt><dd>{v.evaluations[0].metrics.map((m) => `${m.key}=${m.value}`).join(', ')}</dd></>}
        </dl>
      )}
      <Link to={withQuery(modelPath(ref.name), { version: ref.version })} className="btn small" data-testid="open-model-version">{t('open')}</Link>
    </div>
  );
}

export function EvaluationSection({ node }: KindDetailsProps) {
  const t = useT(M);
  const f = useFormat();
  const metrics = evaluationMetrics(node.props);
  const target = stringProp(node.props, 'target');
  const page = target ? versionPage(target) : null;
  const dataset = stringProp(node.props, 'dataset');
  return (
    <div className="kind-section" data-testid="evaluation-section">
      <dl className="kv">
        <dt>{t('at')}</dt><dd><When iso={stringProp(node.props, 'evaluatedAt')} /></dd>
        {target && <><dt>{t('target')}</dt><dd className="mono">{target}</dd></>}
        {dataset && <><dt>{t('dataset')}</dt><dd className="mono">{dataset}</dd></>}
      </dl>
      <h3>{t('metrics')}</h3>
      {metrics.length === 0 ? <p className="muted hint">{t('none')}</p> : (
        <table className="grid"><tbody>{metrics.map((m) => <tr key={m.key}><td className="mono">{m.key}</td><td className="num">{f.number(m.value, 4)}</td></tr>)}</tbody></table>
      )}
      {page && (
        <Link to={withQuery(page.kind === 'model' ? modelPath(page.name) : promptPath(page.name), { version: page.version })} className="btn small">
          {t('openTarget', { version: page.version })}
        </Link>
      )}
    </div>
  );
}
