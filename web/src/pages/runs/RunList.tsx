/** The runs listing: experiment, status and text filters, the page and the runs ticked to compare in the URL. */
import { useEffect, useState } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { Link, useQueryParams } from '../../shell/router.js';
import { useFormat, useLang, useT } from '../../i18n/i18n.js';
import { useDebounced } from '../../search/useDebounced.js';
import type { RunStatus } from '../../gql/graphql.js';
import { ExperimentNamesDocument, RunListDocument } from './documents.js';
import { DURATION_UNITS, durationMs, formatDuration, parseRunIds, toggleRunId } from './compare.js';
import { StatusBadge } from './StatusBadge.js';
import { M } from './messages.js';

const PAGE = 25;
const STATUSES: readonly RunStatus[] = ['RUNNING', 'COMPLETED', 'FAILED', 'ABORTED', 'NEW', 'OTHER'];

export function RunList() {
  const t = useT(M);
  const { lang } = useLang();
  const f = useFormat();
  const [query, setQuery] = useQueryParams();
  const experiment = query.get('experiment') || null;
  const status = STATUSES.find((s) => s === query.get('status')) ?? null;
  const page = Math.max(1, Number(query.get('page')) || 1);
  const [text, setText] = useState(query.get('q') ?? '');
  const debounced = useDebounced(text.trim(), 300);
  useEffect(() => {
    if (debounced !== (query.get('q') ?? '')) setQuery({ q: debounced, page: null });
  }, [debounced]); // only when the typed text settles, not when the URL changes
  // The runs ticked for comparison, in the URL (`sel`): back from the comparison, they are still ticked.
  const selected = parseRunIds(query.get('sel'));
  const experiments = useQuery(ExperimentNamesDocument, {});
  const { data, loading, error } = useQuery(RunListDocument, {
    experiment, statuses: status ? [status] : null, text: query.get('q') || null, first: PAGE, offset: (page - 1) * PAGE,
  });
  const runs = data?.runs;
  const pages = runs ? Math.max(1, Math.ceil(runs.total / PAGE)) : 1;
  const filtered = Boolean(experiment || status || query.get('q'));

  return (
    <>
      <h1 data-testid="page-heading">{t('title')}</h1>
      <div className="card row">
        <select aria-label={t('experiment')} data-testid="runs-experiment" value={experiment ?? ''} onChange={(e) => setQuery({ experiment: e.target.value, page: null })}>
          <option value="">{t('allExperiments')}</option>
          {experiments.data?.experiments.map((x) => <option key={x.id} value={x.name}>{x.name}</option>)}
        </select>
        <select aria-label={t('status')} data-testid="runs-status" value={status ?? ''} onChange={(e) => setQuery({ status: e.target.value, page: null })}>
          <option value="">{t('anyStatus')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(s)}</option>)}
        </select>
        <input type="search" aria-label={t('search')} placeholder={t('search')} data-testid="runs-search" value={text} onChange={(e) => setText(e.target.value)} style={{ flex: '1 1 240px' }} />
        <button type="button" className="primary" data-testid="runs-compare" disabled={selected.length < 2} title={t('compareHint')}
          onClick={() => setQuery({ compare: selected.join(',') }, { push: true })}>
          {t('compare', { n: selected.length })}
        </button>
        {selected.length > 0 && <button type="button" onClick={() => setQuery({ sel: null })}>{t('clear')}</button>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {experiments.error && <p className="error" role="alert">{experiments.error}</p>}
      {runs?.truncated && <p className="muted">{t('truncated')}</p>}
      <section className="card" aria-busy={loading}>
        {!runs && loading && <p className="muted" data-testid="runs-loading">{t('loading')}</p>}
        {runs && runs.total === 0 && <p className="muted empty" data-testid="runs-empty">{filtered ? t('noRuns') : t('noRunsAtAll')}</p>}
        {runs && runs.total > 0 && (
          <table className="table" data-testid="runs-table">
            <thead>
              <tr><th>{t('select')}</th><th>{t('name')}</th><th>{t('experiment')}</th><th>{t('status')}</th><th>{t('started')}</th><th>{t('duration')}</th><th>{t('metrics')}</th></tr>
            </thead>
            <tbody>
              {runs.items.map((r) => (
                <tr key={r.id} data-testid="run-row" data-run-id={r.runId}>
                  <td><input type="checkbox" aria-label={t('select')} data-testid="run-select" checked={selected.includes(r.runId)} onChange={() => setQuery({ sel: toggleRunId(selected, r.runId) })} /></td>
                  <td><Link to={`/runs/${encodeURIComponent(r.runId)}`} data-testid="run-link">{r.name || r.runId}</Link>{r.name && <div className="mono small muted">{r.runId}</div>}</td>
                  <td>{r.experiment ? <Link to={`/runs?experiment=${encodeURIComponent(r.experiment)}`}>{r.experiment}</Link> : '–'}</td>
                  <td><StatusBadge status={r.status} /></td>
                  <td>{f.dateTime(r.startedAt)}</td>
                  <td>{formatDuration(durationMs(r.startedAt, r.endedAt, Date.now()), DURATION_UNITS[lang])}</td>
                  <td className="small">{r.latestMetrics.slice(0, 4).map((m) => `${m.key} ${f.number(m.value, 4)}`).join(' · ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {runs && runs.total > 0 && (
          <div className="pager">
            <span className="muted">{t('total', { n: runs.total })} · {t('page', { page, pages })}</span>
            <button type="button" data-testid="runs-prev" disabled={page <= 1} onClick={() => setQuery({ page: page - 1 > 1 ? page - 1 : null })}>{t('prev')}</button>
            <button type="button" data-testid="runs-next" disabled={page >= pages} onClick={() => setQuery({ page: page + 1 })}>{t('next')}</button>
          </div>
        )}
      </section>
    </>
  );
}
