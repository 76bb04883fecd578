import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { ModelVersionSummaryDocument } from './documents.js';
import { ErrorNote, Loading, When } from './ui.js';

const M = defineMessages(
  { title: 'Evaluations of v{version}', none: 'No evaluations recorded: gates reading EVALUATION metrics will refuse this version.', name: 'Evaluation', when: 'When', metrics: 'Metrics' },
  { title: 'v{version} 的评估', none: '没有评估记录：读取 EVALUATION 指标的门禁会拒绝此版本。', name: '评估', when: '时间', metrics: '指标' },
);

/** The metrics promotion gates read (newest first), next to the promotion form. */
export function VersionEvaluations({ name, version }: { name: string; version: number }) {
  const t = useT(M);
  const f = useFormat();
  const { data, loading, error } = useQuery(ModelVersionSummaryDocument, { name, version });
  const evaluations = data?.modelVersion?.evaluations ?? [];
  return (
    <div data-testid="version-evaluations">
      <h3>{t('title', { version })}</h3>
      {error && <ErrorNote message={error} />}
      {!data && loading && <Loading />}
      {data && evaluations.length === 0 && <p className="muted hint">{t('none')}</p>}
      {evaluations.length > 0 && (
        <table className="grid">
          <thead><tr><th>{t('name')}</th><th>{t('when')}</th><th>{t('metrics')}</th></tr></thead>
          <tbody>
            {evaluations.map((e) => (
              <tr key={e.id}>
                <td>{e.name}</td>
                <td><When iso={e.evaluatedAt} /></td>
                <td className="mono">{e.metrics.map((m) => `${m.key} = ${f.number(m.value, 4)}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
