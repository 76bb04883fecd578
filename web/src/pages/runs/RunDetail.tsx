/** One run (`/runs/<runId>`): state, params, tags, note, metric charts, GPU use, artifacts, links to lineage and training. */
import { useQuery } from '../../api/useQuery.js';
import { Link } from '../../shell/router.js';
import { lineagePath } from '../models/links.js';
import { useFormat, useLang, useT } from '../../i18n/i18n.js';
import { LineChart } from '../../charts/LineChart.js';
import { GpuChartPanel } from '../gpu/GpuChartPanel.js';
import { RunGpuSummaryCard } from '../gpu/RunGpuSummaryCard.js';
import { RunDetailDocument, RunTrainingDocument } from './documents.js';
import { DURATION_UNITS, durationMs, formatDuration, metricCharts } from './compare.js';
import { ArtifactsTable, KeyValueTable, LatestMetricsTable } from './RunTables.js';
import { RunNote } from './RunNote.js';
import { StatusBadge } from './StatusBadge.js';
import { NodeAlerts } from '../alerts/NodeAlerts.js';
import { M } from './messages.js';

export function RunDetail({ runId }: { runId: string }) {
  const t = useT(M);
  const { lang } = useLang();
  const f = useFormat();
  const { data, loading, error } = useQuery(RunDetailDocument, { runId, maxPoints: 1000 });
  const training = useQuery(RunTrainingDocument, { runId });
  const run = data?.trackedRun;

  if (error) return <><Link to="/runs">{t('back')}</Link><p className="error" role="alert">{error}</p></>;
  if (!data) return <p className="muted" data-testid="run-loading">{loading ? t('loading') : ''}</p>;
  if (!run) return <><Link to="/runs">{t('back')}</Link><p className="muted empty" data-testid="run-not-found">{t('notFoundRun', { run: runId })}</p></>;
  const charts = metricCharts(run.metricHistory, [run]);

  return (
    <>
      <Link to={run.experiment ? `/runs?experiment=${encodeURIComponent(run.experiment)}` : '/runs'}>{t('back')}</Link>
      <h1 data-testid="page-heading">{run.name || run.runId} <StatusBadge status={run.status} /></h1>
      <nav className="row">
        <Link to={lineagePath(run.id, { select: true })} data-testid="run-lineage-link">{t('openLineage')}</Link>
        <Link to={`/gpu?run=${encodeURIComponent(run.runId)}`} data-testid="run-gpu-link">{t('gpuPage')}</Link>
        {training.data?.trainingRun && <Link to={`/training/${encodeURIComponent(run.runId)}`} data-testid="run-training-link">{t('trainingLogs')}</Link>}
      </nav>
      <section className="card">
        <dl className="facts" data-testid="run-facts">
          <dt>{t('runId')}</dt><dd className="mono">{run.runId}</dd>
          <dt>{t('experiment')}</dt><dd>{run.experiment ? <Link to={`/runs?experiment=${encodeURIComponent(run.experiment)}`}>{run.experiment}</Link> : '–'}</dd>
          <dt>{t('state')}</dt><dd><StatusBadge status={run.status} /></dd>
          <dt>{t('started')}</dt><dd>{f.dateTime(run.startedAt)}</dd>
          <dt>{t('ended')}</dt><dd>{f.dateTime(run.endedAt)}</dd>
          <dt>{t('duration')}</dt><dd>{formatDuration(durationMs(run.startedAt, run.endedAt, Date.now()), DURATION_UNITS[lang])}</dd>
        </dl>
      </section>
      <NodeAlerts nodeId={run.id} />
      <div className="grid2">
        <section className="card"><h3>{t('params')}</h3><KeyValueTable rows={run.params} testId="run-params" /></section>
        <section className="card"><h3>{t('tags')}</h3><KeyValueTable rows={run.tags} testId="run-tags" /></section>
      </div>
      <RunNote runId={run.runId} note={run.note} />
      <section className="stack">
        <h3>{t('metricsCharts')}</h3>
        {run.latestMetrics.length === 0 ? <p className="muted card" data-testid="run-no-metrics">{t('noMetricsRun')}</p> : <LatestMetricsTable rows={run.latestMetrics} />}
        <div className="grid2">
          {charts.map((c) => <LineChart key={c.key} title={c.key} series={c.series} xType="number" xName={t('step')} testId="run-metric-chart" />)}
        </div>
      </section>
      <section className="stack">
        <h3>{t('gpu')}</h3>
        <RunGpuSummaryCard runId={run.runId}><GpuChartPanel scope={{ runId: run.runId }} /></RunGpuSummaryCard>
      </section>
      <section className="card"><h3>{t('artifacts')}</h3><ArtifactsTable rows={run.artifacts} /></section>
    </>
  );
}
