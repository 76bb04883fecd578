/**
 * Evaluations of a model's (or a prompt's) versions side by side: pick two or more (kept in the URL, `compare=`), read
 * their metrics in one table (the best of each row marked) and the examples whose predictions differ,
 * each prediction with its score (correct, the first LLM judgement, or ROUGE-L).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { useCanWrite } from '../../ViewerBadge.js';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { useQueryParams } from '../../shell/router.js';
import { CompareEvaluationsDocument, EvaluateTracesDocument, JudgeEvaluationDocument, ModelEvaluationsDocument, PromptEvaluationsDocument } from './documents.js';
import { bestIndex, headlineScore, parseSelection } from './compare-evaluations.js';
import { ErrorNote, Loading, When } from './ui.js';

const M = defineMessages(
  {
    title: 'Compare evaluations', intro: 'Pick evaluations of the versions (two on the same examples compare example by example).', none: 'No evaluation of any version yet.',
    version: 'Version', evaluation: 'Evaluation', when: 'When', examples: 'Examples', metric: 'Metric', pickTwo: 'Pick at least two evaluations.',
    onlyDiffering: 'Only examples whose predictions differ', differing: '{n} examples', example: 'Example', reference: 'Reference', recorded: 'recorded metrics',
    traffic: 'Evaluate production calls', trafficIntro: 'The newest LLM calls of a version over the last 7 days whose messages were recorded, judged by the LLM judge on reference-free criteria.', evaluate: 'Evaluate', evaluating: 'Evaluating…',
    judge: 'LLM judge', judgeIt: 'Judge', criteria: 'Criteria', judging: 'Judging…', QUEUED: 'queued', RUNNING: 'judging {judged}/{total}', DONE: 'judged {judged}/{total}', FAILED: 'failed: {error}', unreadable: ', {n} unreadable',
  },
  {
    title: '比较评估', intro: '选择各版本的评估（两个在相同样本上的评估可以逐样本比较）。', none: '还没有任何版本的评估。',
    version: '版本', evaluation: '评估', when: '时间', examples: '样本', metric: '指标', pickTwo: '请至少选择两个评估。',
    onlyDiffering: '只看预测不同的样本', differing: '{n} 个样本', example: '样本', reference: '参考答案', recorded: '记录的指标',
    traffic: '评估线上调用', trafficIntro: '某个版本最近 7 天内记录了消息内容的 LLM 调用，由 LLM 评审按无需参考答案的标准打分。', evaluate: '评估', evaluating: '评估中…',
    judge: 'LLM 评审', judgeIt: '评审', criteria: '评审标准', judging: '评审中…', QUEUED: '排队中', RUNNING: '评审中 {judged}/{total}', DONE: '已评审 {judged}/{total}', FAILED: '失败：{error}', unreadable: '，{n} 个无法读取',
  },
);

export function CompareEvaluations({ name, of = 'model' }: { name: string; of?: 'model' | 'prompt' }) {
  const t = useT(M);
  const f = useFormat();
  const [query, setQuery] = useQueryParams();
  const selected = parseSelection(query.get('compare'));
  const models = useQuery(ModelEvaluationsDocument, of === 'model' ? { name } : null);
  const prompts = useQuery(PromptEvaluationsDocument, of === 'prompt' ? { name } : null);
  const list = of === 'model' ? models : prompts;
  const versions = of === 'model' ? models.data?.registeredModel?.versions : prompts.data?.prompt?.versions;
  const rows = (versions ?? []).flatMap((v) => v.evaluations.map((e) => ({ ...e, version: v.version })));
  const busy = rows.some((r) => r.judging?.state === 'QUEUED' || r.judging?.state === 'RUNNING');
  const { reload } = list;
  useEffect(() => { // follow a judging until it ends
    if (!busy) return;
    const timer = setInterval(reload, 2000);
    return () => clearInterval(timer);
  }, [busy, reload]);
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
            <thead><tr><th /><th>{t('version')}</th><th>{t('evaluation')}</th><th>{t('when')}</th><th>{t('examples')}</th><th>{t('judge')}</th></tr></thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-testid="evaluation-choice">
                  <td><input type="checkbox" aria-label={`${e.version} ${e.name}`} checked={selected.includes(e.id)} onChange={() => toggle(e.id)} data-testid="evaluation-pick" /></td>
                  <td>v{e.version}</td>
                  <td>{e.name}{e.task && <span className="muted"> · {e.task.toLowerCase()}</span>}</td>
                  <td><When iso={e.evaluatedAt} /></td>
                  <td>{e.examples ? f.number(e.examples) : <span className="muted">{t('recorded')}</span>}</td>
                  <td>{e.examples > 0 && <JudgeCell evaluation={e} onQueued={reload} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {selected.length < 2 ? <p className="muted hint">{t('pickTwo')}</p> : <Comparison ids={selected} label={label} />}
        </>
      )}
      {versions && versions.length > 0 && <EvaluateTraffic of={of} name={name} versions={versions.map((v) => v.version)} onDone={list.reload} />}
    </section>
  );
}

function Comparison({ ids, label }: { ids: string[]; label: (id: string) => string }) {
  const t = useT(M);
  const f = useFormat();
  const [query, setQuery] = useQueryParams();
  const onlyDiffering = query.get('examples') !== 'all'; // in the URL: a reload shows the same examples
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
          <label className="row"><input type="checkbox" checked={onlyDiffering} onChange={(e) => setQuery({ examples: e.target.checked ? null : 'all' })} data-testid="only-differing" /> {t('onlyDiffering')} ({t('differing', { n: c.total })})</label>
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

type Judging = { state: string; judged: number; total: number; unreadable: number; error?: string | null } | null | undefined;

/** An evaluation's LLM judging: its state, and for editors a form to (re)judge it on criteria. */
function JudgeCell({ evaluation, onQueued }: { evaluation: { id: string; judging?: Judging }; onQueued: () => void }) {
  const t = useT(M);
  const canWrite = useCanWrite();
  const [criteria, setCriteria] = useState('correctness, relevance');
  const [open, setOpen] = useState(false);
  const [run, state] = useMutation(JudgeEvaluationDocument);
  const j = evaluation.judging;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run({ id: evaluation.id, criteria: criteria.split(/[\s,]+/).filter(Boolean) })) {
      setOpen(false);
      onQueued();
    }
  };
  return (
    <div className="small" data-testid="judge-cell">
      {j && <span data-testid="judging-state" data-state={j.state}>{t(j.state as 'QUEUED', { judged: j.judged, total: j.total, error: j.error ?? '' })}{j.unreadable ? t('unreadable', { n: j.unreadable }) : ''} </span>}
      {canWrite && j?.state !== 'RUNNING' && j?.state !== 'QUEUED' && (open ? (
        <form className="row" onSubmit={submit}>
          <input aria-label={t('criteria')} value={criteria} onChange={(e) => setCriteria(e.target.value)} data-testid="judge-criteria" />
          <button type="submit" className="small" disabled={state.running} data-testid="judge-submit">{state.running ? t('judging') : t('judgeIt')}</button>
        </form>
      ) : <button type="button" className="small link" onClick={() => setOpen(true)} data-testid="judge-open">{t('judgeIt')}</button>)}
      {state.error && <div className="error" role="alert" data-testid="judge-error">{state.error}</div>}
    </div>
  );
}

/** Editors: evaluate a version on its production LLM calls (evaluateTraces), judged at once on the criteria given. */
function EvaluateTraffic({ of, name, versions, onDone }: { of: 'model' | 'prompt'; name: string; versions: number[]; onDone: () => void }) {
  const t = useT(M);
  const canWrite = useCanWrite();
  const [version, setVersion] = useState(versions[0]);
  const [criteria, setCriteria] = useState('relevance, helpfulness');
  const [run, state] = useMutation(EvaluateTracesDocument);
  if (!canWrite) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const list = criteria.split(/[\s,]+/).filter(Boolean);
    if (await run({ input: { name: `production calls of v${version}`, [of]: { name, version } }, criteria: list.length ? list : null })) onDone();
  };
  return (
    <form className="stack-sm" onSubmit={submit} data-testid="evaluate-traffic">
      <h3>{t('traffic')}</h3>
      <p className="muted hint">{t('trafficIntro')}</p>
      <div className="row">
        <select aria-label={t('version')} value={version} onChange={(e) => setVersion(Number(e.target.value))} data-testid="traffic-version">{versions.map((v) => <option key={v} value={v}>v{v}</option>)}</select>
        <input aria-label={t('criteria')} value={criteria} onChange={(e) => setCriteria(e.target.value)} data-testid="traffic-criteria" />
        <button type="submit" disabled={state.running} data-testid="traffic-submit">{state.running ? t('evaluating') : t('evaluate')}</button>
      </div>
      {state.error && <p className="error" role="alert" data-testid="traffic-error">{state.error}</p>}
    </form>
  );
}
