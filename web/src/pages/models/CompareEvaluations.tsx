/**
 * Evaluations of a model's versions side by side: pick two or more (kept in the URL, `compare=`), read
 * their metrics in one table (the best of each row marked) and the examples whose predictions differ,
 * each prediction with its score (correct, the first LLM judgement, or ROUGE-L).
 */
import { useState } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { useQueryParams } from '../../shell/router.js';
import { CompareEvaluationsDocument, ModelEvaluationsDocument } from './documents.js';
import { bestIndex, headlineScore, parseSelection } from './compare-evaluations.js';
import { ErrorNote, Loading, When } from './ui.js';

const M = defineMessages(
  {
    title: 'Compare evaluations', intro: 'Pick evaluations of the versions (two on the same examples compare example by example).', none: 'No evaluation of any version yet.',
    version: 'Version', evaluation: 'Evaluation', when: 'When', examples: 'Examples', metric: 'Metric', pickTwo: 'Pick at least two evaluations.',
    onlyDiffering: 'Only examples whose predictions differ', differing: '{n} examples', example: 'Example', reference: 'Reference', recorded: 'recorded metrics',
  },
  {
    title: '比较评估', intro: '选择各版本的评估（两个在相同样本上的评估可以逐样本比较）。', none: '还没有任何版本的评估。',
    version: '版本', evaluation: '评估', when: '时间', examples: '样本', metric: '指标', pickTwo: '请至少选择两个评估。',
    onlyDiffering: '只看预测不同的样本', differing: '{n} 个样本', example: '样本', reference: '参考答案', recorded: '记录的指标',
  },
);

export function CompareEvaluations({ name }: { name: string }) {
  const t = useT(M);
  const f = useFormat();
  const [query, setQuery] = useQueryParams();
  const selected = parseSelection(query.get('compare'));
  const list = useQuery(ModelEvaluationsDocument, { name });
  const rows = (list.data?.registeredModel?.versions ?? []).flatMap((v) => v.evaluations.map((e) => ({ ...e, version: v.version })));
  const toggle = (id: string) => setQuery({ compare: (selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id].slice(-5)).join(',') || null });
  const label = (id: string) => {
    const e = rows.find((r) => r.id === id);
    return e ? `v${e.version} · ${e.name}` : id;
  };
  return (
    <section className="card" data-testid="compare-evaluations">
      <h2>{t('title')}</h2>
      {list.error && <ErrorNote message={list.error} />}
      {!list.data && list.loading && <Loading />}
      {list.data && rows.length === 0 && <p className="muted hint">{t('none')}</p>}
      {rows.length > 0 && (
        <>
          <p className="muted hint">{t('intro')}</p>
          <table className="grid">
            <thead><tr><th /><th>{t('version')}</th><th>{t('evaluation')}</th><th>{t('when')}</th><th>{t('examples')}</th></tr></thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-testid="evaluation-choice">
                  <td><input type="checkbox" aria-label={`${e.version} ${e.name}`} checked={selected.includes(e.id)} onChange={() => toggle(e.id)} data-testid="evaluation-pick" /></td>
                  <td>v{e.version}</td>
                  <td>{e.name}{e.task && <span className="muted"> · {e.task.toLowerCase()}</span>}</td>
                  <td><When iso={e.evaluatedAt} /></td>
                  <td>{e.examples ? f.number(e.examples) : <span className="muted">{t('recorded')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {selected.length < 2 ? <p className="muted hint">{t('pickTwo')}</p> : <Comparison ids={selected} label={label} />}
        </>
      )}
    </section>
  );
}

function Comparison({ ids, label }: { ids: string[]; label: (id: string) => string }) {
  const t = useT(M);
  const f = useFormat();
  const [onlyDiffering, setOnlyDiffering] = useState(true);
  const { data, error, loading } = useQuery(CompareEvaluationsDocument, { ids, onlyDiffering });
  const c = data?.compareEvaluations;
  return (
    <div className="stack-sm" data-testid="evaluation-comparison">
      {error && <ErrorNote message={error} />}
      {!c && loading && <Loading />}
      {c && (
        <>
          <table className="grid" data-testid="compared-metrics">
            <thead><tr><th>{t('metric')}</th>{ids.map((id) => <th key={id}>{label(id)}</th>)}</tr></thead>
            <tbody>
              {c.metrics.map((m) => {
                const best = bestIndex(m.key, m.values);
                return (
                  <tr key={m.key} data-testid="compared-metric">
                    <td className="mono">{m.key}</td>
                    {m.values.map((v, i) => <td key={ids[i]} className={`mono${best === i ? ' best' : ''}`} data-best={best === i || undefined}>{v === null ? '–' : f.number(v, 4)}</td>)}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <label className="row"><input type="checkbox" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.target.checked)} data-testid="only-differing" /> {t('onlyDiffering')} ({t('differing', { n: c.total })})</label>
          {c.examples.length > 0 && (
            <table className="grid" data-testid="compared-examples">
              <thead><tr><th>{t('example')}</th><th>{t('reference')}</th>{ids.map((id) => <th key={id}>{label(id)}</th>)}</tr></thead>
              <tbody>
                {c.examples.map((x) => (
                  <tr key={x.exampleId} data-testid="compared-example">
                    <td><span className="mono">{x.exampleId}</span>{x.input && <div className="muted small">{x.input}</div>}</td>
                    <td>{x.reference}</td>
                    {x.predictions.map((p, i) => {
                      const s = headlineScore(x.scores[i] as Record<string, unknown> | null);
                      return <td key={ids[i]}>{p ?? '–'}{s && <div className="muted small mono">{s.key} {f.number(s.value, 2)}</div>}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
