/** One training run, live: state (polled until final), spec, placement, logs (of one worker of a distributed run), cancel. */
import { useState } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { Link } from '../../shell/router.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { CancelTrainingDocument, TrainingRunDocument } from './documents.js';
import { joinArgs } from './form.js';
import { isFinal, TrainingStateBadge } from './TrainingState.js';
import { usePoll } from './usePoll.js';
import { M } from './messages.js';

const POLL_MS = 1500;

export function TrainingDetail({ runId }: { runId: string }) {
  const t = useT(M);
  const f = useFormat();
  const [worker, setWorker] = useState(0);
  const { data, error, refresh } = usePoll(TrainingRunDocument, { runId, tailLines: 500, worker }, POLL_MS, (d) => Boolean(d.trainingRun && !isFinal(d.trainingRun.state)));
  const [cancel, cancelling] = useMutation(CancelTrainingDocument);
  const run = data?.trainingRun;

  if (!data) return error ? <p className="error" role="alert">{error}</p> : <p className="muted">{t('loading')}</p>;
  if (!run) return <><Link to="/training">{t('back')}</Link><p className="muted empty">{t('notFound', { run: runId })}</p></>;
  const onCancel = async () => {
    if (!window.confirm(t('confirmCancel'))) return;
    if (await cancel({ runId })) refresh();
  };

  return (
    <>
      <Link to="/training">{t('back')}</Link>
      <h1 data-testid="page-heading">{run.name || run.runId} <TrainingStateBadge state={run.state} /></h1>
      <section className="card row">
        <span className="muted" data-testid="training-live">{isFinal(run.state) ? t('final') : t('live', { s: POLL_MS / 1000 })}</span>
        <Link to={`/runs/${encodeURIComponent(run.runId)}`} data-testid="training-run-link">{t('openRun')}</Link>
        {run.resources.gpu > 0 && <Link to={`/gpu?run=${encodeURIComponent(run.runId)}`}>{t('openGpu')}</Link>}
        {!isFinal(run.state) && (
          <button type="button" className="danger" data-testid="training-cancel" disabled={cancelling.running || Boolean(run.cancelRequestedAt)} onClick={onCancel}>
            {cancelling.running ? t('cancelling') : t('cancel')}
          </button>
        )}
      </section>
      {error && <p className="error" role="alert">{error}</p>}
      {cancelling.error && <p className="error" role="alert">{cancelling.code ? `${cancelling.code}: ` : ''}{cancelling.error}</p>}
      <section className="card">
        <dl className="facts" data-testid="training-facts">
          <dt>{t('state')}</dt><dd><TrainingStateBadge state={run.state} /> {run.reason && <span className="muted">{run.reason}</span>}</dd>
          {run.message && <><dt>{t('message')}</dt><dd>{run.message}</dd></>}
          <dt>{t('requested')}</dt><dd>{f.dateTime(run.requestedAt)}</dd>
          <dt>{t('changed')}</dt><dd>{f.dateTime(run.stateChangedAt)}</dd>
          {run.cancelRequestedAt && <><dt>{t('cancelRequested')}</dt><dd>{f.dateTime(run.cancelRequestedAt)}</dd></>}
          <dt>{t('experiment')}</dt><dd>{run.experiment ? <Link to={`/runs?experiment=${encodeURIComponent(run.experiment)}`}>{run.experiment}</Link> : '–'}</dd>
          <dt>{t('image')}</dt><dd className="mono">{run.image}</dd>
          <dt>{t('command')}</dt><dd className="mono">{joinArgs([...run.command, ...run.args]) || '–'}</dd>
          <dt>{t('env')}</dt><dd className="mono">{run.env.map((e) => `${e.name}=${e.value}`).join('  ') || '–'}</dd>
          <dt>{t('resources')}</dt>
          <dd data-testid="training-resources">
            {run.resources.cpu} CPU · {run.resources.memory} · {run.resources.gpu} GPU {run.resources.gpuType ?? ''}{run.workers > 1 && <span className="muted"> · {t('perWorker', { n: run.workers })}</span>}
          </dd>
          <dt>{t('retries')}</dt><dd>{run.retries}</dd>
          <dt>{t('timeoutSeconds')}</dt><dd>{run.timeoutSeconds}</dd>
          <dt>{t('priority')}</dt><dd data-testid="training-detail-priority">{t(`priority${run.priority}` as 'priorityLOW')}</dd>
          <dt>{t('datasets')}</dt><dd className="mono">{run.datasets.join(', ') || '–'}</dd>
          <dt>{t('featureGroups')}</dt><dd className="mono">{run.featureGroups.join(', ') || '–'}</dd>
          {run.placement && <><dt>{t('placement')}</dt><dd className="mono">{[run.placement.launcher, run.placement.namespace, run.placement.job, ...run.placement.pods].filter(Boolean).join(' · ')}</dd></>}
        </dl>
      </section>
      <section className="card">
        <div className="row">
          <h3>{t('logs')}</h3>
          {run.workers > 1 && (
            <label>{t('worker')}{' '}
              <select value={worker} data-testid="training-log-worker" onChange={(e) => setWorker(Number(e.target.value))}>
                {Array.from({ length: run.workers }, (_, i) => <option key={i} value={i}>{i}</option>)}
              </select>
            </label>
          )}
        </div>
        {run.logs ? <pre className="logs" data-testid="training-logs">{run.logs}</pre> : <p className="muted" data-testid="training-no-logs">{t('noLogs')}</p>}
      </section>
    </>
  );
}

