/** Quota, and the tenant's training runs newest first (refreshed while any is queued or running). */
import { useQueryParams, Link } from '../../shell/router.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { TrainingRunsDocument } from './documents.js';
import { QuotaCard } from './QuotaCard.js';
import { isFinal, TrainingStateBadge } from './TrainingState.js';
import { usePoll } from './usePoll.js';
import { M } from './messages.js';

const PAGE = 25;

export function TrainingList() {
  const t = useT(M);
  const f = useFormat();
  const [query, setQuery] = useQueryParams();
  const activeOnly = query.get('active') === '1';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const { data, loading, error } = usePoll(TrainingRunsDocument, { activeOnly, first: PAGE, offset: (page - 1) * PAGE }, 3000,
    (d) => d.trainingRuns.items.some((r) => !isFinal(r.state)));
  const runs = data?.trainingRuns;
  const pages = runs ? Math.max(1, Math.ceil(runs.total / PAGE)) : 1;
  return (
    <>
      <div className="row">
        <h1 data-testid="page-heading">{t('title')}</h1>
        <Link to="/training/new" className="button-link" data-testid="training-new">{t('newRun')}</Link>
      </div>
      <QuotaCard />
      <section className="card" aria-busy={loading}>
        <div className="row">
          <h3>{t('list')}</h3>
          <label className="small"><input type="checkbox" data-testid="training-active-only" checked={activeOnly} onChange={(e) => setQuery({ active: e.target.checked ? 1 : null, page: null })} /> {t('activeOnly')}</label>
        </div>
        {error && <p className="error" role="alert">{error}</p>}
        {!runs && loading && <p className="muted">{t('loading')}</p>}
        {runs && runs.total === 0 && <p className="muted empty" data-testid="training-empty">{activeOnly ? t('noActive') : t('noRuns')}</p>}
        {runs && runs.total > 0 && (
          <table className="table" data-testid="training-table">
            <thead><tr><th>{t('name')}</th><th>{t('state')}</th><th>{t('reason')}</th><th>{t('experiment')}</th><th>{t('image')}</th><th>{t('resources')}</th><th>{t('requested')}</th></tr></thead>
            <tbody>
              {runs.items.map((r) => (
                <tr key={r.id} data-testid="training-row" data-run-id={r.runId}>
                  <td><Link to={`/training/${encodeURIComponent(r.runId)}`} data-testid="training-link">{r.name || r.runId}</Link></td>
                  <td><TrainingStateBadge state={r.state} /></td>
                  <td>{r.reason ?? '–'}</td>
                  <td>{r.experiment ?? '–'}</td>
                  <td className="mono small">{r.image}</td>
                  <td className="small">
                    {r.resources.cpu} CPU · {r.resources.memory}{r.resources.gpu > 0 ? ` · ${r.resources.gpu}× ${r.resources.gpuType ?? 'GPU'}` : ''}
                    {r.workers > 1 && <span className="muted"> · {t('perWorker', { n: r.workers })}</span>}
                  </td>
                  <td>{f.dateTime(r.requestedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {runs && runs.total > PAGE && (
          <div className="pager">
            <span className="muted">{t('total', { n: runs.total })}</span>
            <button type="button" disabled={page <= 1} onClick={() => setQuery({ page: page - 1 > 1 ? page - 1 : null })}>{t('prev')}</button>
            <button type="button" disabled={page >= pages} onClick={() => setQuery({ page: page + 1 })}>{t('next')}</button>
          </div>
        )}
      </section>
    </>
  );
}
