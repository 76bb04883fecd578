/**
 * Runs side by side (`/runs?compare=a,b,c`, over the listing's own query: its filters and ticked runs,
 * which "All runs" goes back to): a params table with differences highlighted (`diff=1`: only those),
 * metric curves overlaid per key.
 */
import { useQuery } from '../../api/useQuery.js';
import { Link, useQueryParams, withQuery } from '../../shell/router.js';
import { useT } from '../../i18n/i18n.js';
import { LineChart } from '../../charts/LineChart.js';
import { CompareRunsDocument } from './documents.js';
import { metricCharts, orderParams, runLabel, toggleRunId } from './compare.js';
import { StatusBadge } from './StatusBadge.js';
import { M } from './messages.js';

export function RunCompare({ runIds }: { runIds: string[] }) {
  const t = useT(M);
  const [query, setQuery] = useQueryParams();
  const onlyDiff = query.get('diff') === '1';
  const back = withQuery(`/runs?${query.toString()}`, { compare: null, diff: null });
  const { data, loading, error } = useQuery(CompareRunsDocument, { runIds, maxPoints: 1000 });
  const c = data?.compareRuns;
  const charts = c ? metricCharts(c.metrics, c.runs) : [];
  const rows = c ? orderParams(c.params, onlyDiff) : [];

  return (
    <>
      <Link to={back} data-testid="compare-back">{t('back')}</Link>
      <h1 data-testid="page-heading">{t('comparing', { n: runIds.length })}</h1>
      {runIds.length < 2 && <p className="muted">{t('needTwo')}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {!c && loading && <p className="muted">{t('loading')}</p>}
      {c && (
        <>
          <section className="card">
            <div className="row">
              {c.runs.map((r) => (
                <span key={r.runId} className="row" data-testid="compare-run">
                  <Link to={`/runs/${encodeURIComponent(r.runId)}`}>{runLabel(r)}</Link>
                  <StatusBadge status={r.status} />
                  <button type="button" className="small" aria-label={`${t('remove')} ${runLabel(r)}`} onClick={() => setQuery({ compare: toggleRunId(runIds, r.runId) }, { push: true })}>×</button>
                </span>
              ))}
            </div>
          </section>
          <section className="card">
            <div className="row"><h3>{t('params')}</h3>
              <label className="small"><input type="checkbox" data-testid="compare-only-diff" checked={onlyDiff} onChange={(e) => setQuery({ diff: e.target.checked ? '1' : null })} /> {t('onlyDiff')}</label>
            </div>
            {c.params.length === 0 ? <p className="muted">{t('noParams')}</p> : (
              <table className="table" data-testid="compare-params">
                <thead><tr><th>{t('param')}</th>{c.runs.map((r) => <th key={r.runId}>{runLabel(r)}</th>)}</tr></thead>
                <tbody>
                  {rows.map((p) => (
                    <tr key={p.key} className={p.differs ? 'differs' : undefined} data-testid="param-row" data-differs={p.differs}>
                      <td className="mono">{p.key}</td>
                      {p.values.map((v, i) => <td key={c.runs[i]?.runId ?? i} className={v === null ? 'missing' : 'mono'}>{v ?? '–'}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="stack">
            <h3>{t('metricsCharts')}</h3>
            {charts.length === 0 && <p className="muted card">{t('noMetrics')}</p>}
            <div className="grid2">
              {charts.map((chart) => <LineChart key={chart.key} title={chart.key} series={chart.series} xType="number" xName={t('step')} testId="compare-chart" />)}
            </div>
          </section>
        </>
      )}
    </>
  );
}
