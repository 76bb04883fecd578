/** Details-panel sections of the tracking kinds: Run, Experiment, TrainingRequest (registered in details/kinds/tracking.tsx). */
import { useQuery } from '../../api/useQuery.js';
import { Link } from '../../shell/router.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import type { KindDetailsProps } from '../../details/kinds/types.js';
import { TrainingSectionDocument } from '../training/documents.js';
import { ExperimentSectionDocument, RunSectionDocument } from './documents.js';
import { StatusBadge } from './StatusBadge.js';
import { ReceivedEvents } from '../../details/lineage/ReceivedEvents.js';
import './tracking.css';

const M = defineMessages(
  {
    run: 'Run', state: 'State', started: 'Started', ended: 'Ended', params: 'Params', metrics: 'Latest metrics', none: 'None.', openRun: 'Open run page',
    loading: 'Loading…', notTracked: 'Experiment tracking knows nothing more about this run.', experiment: 'Experiment', runs: '{n} runs', openRuns: 'Open its runs',
    training: 'Training', image: 'Image', resources: 'Resources', requested: 'Requested', openTraining: 'Open training run', description: 'Description',
  },
  {
    run: '运行', state: '状态', started: '开始时间', ended: '结束时间', params: '参数', metrics: '最新指标', none: '无。', openRun: '打开运行页面',
    loading: '加载中…', notTracked: '实验跟踪中没有此运行的更多信息。', experiment: '实验', runs: '{n} 个运行', openRuns: '查看其运行',
    training: '训练', image: '镜像', resources: '资源', requested: '提交时间', openTraining: '打开训练运行', description: '描述',
  },
);

const str = (props: unknown, key: string): string | null => {
  const v = (props as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' ? v : null;
};

function State({ loading, error }: { loading: boolean; error: string | null }) {
  const t = useT(M);
  if (error) return <p className="error" role="alert">{error}</p>;
  return loading ? <p className="muted">{t('loading')}</p> : null;
}

export function RunSection({ node }: KindDetailsProps) {
  const t = useT(M);
  const f = useFormat();
  const runId = str(node.props, 'runId') ?? node.id.replace(/^run:/, '');
  const { data, loading, error } = useQuery(RunSectionDocument, { runId });
  const run = data?.trackedRun;
  return (
    <section className="kind-section" data-testid="details-run">
      <h3>{t('run')}</h3>
      <State loading={loading && !data} error={error} />
      {data && !run && <p className="muted">{t('notTracked')}</p>}
      {run && (
        <>
          <dl className="facts">
            <dt>{t('state')}</dt><dd><StatusBadge status={run.status} /></dd>
            <dt>{t('started')}</dt><dd>{f.dateTime(run.startedAt)}</dd>
            <dt>{t('ended')}</dt><dd>{f.dateTime(run.endedAt)}</dd>
            {run.experiment && <><dt>{t('experiment')}</dt><dd>{run.experiment}</dd></>}
          </dl>
          <h4>{t('params')}</h4>
          {run.params.length ? <ul>{run.params.map((p) => <li key={p.key} className="mono">{p.key} = {p.value}</li>)}</ul> : <p className="muted">{t('none')}</p>}
          <h4>{t('metrics')}</h4>
          {run.latestMetrics.length ? <ul>{run.latestMetrics.map((m) => <li key={m.key} className="mono">{m.key} = {f.number(m.value, 6)} @ {m.step}</li>)}</ul> : <p className="muted">{t('none')}</p>}
        </>
      )}
      <Link to={`/runs/${encodeURIComponent(runId)}`} data-testid="details-open-run">{t('openRun')}</Link>
      <ReceivedEvents runId={runId} />
    </section>
  );
}

export function ExperimentSection({ node }: KindDetailsProps) {
  const t = useT(M);
  const { data, loading, error } = useQuery(ExperimentSectionDocument, { name: node.name });
  const e = data?.experiment;
  return (
    <section className="kind-section" data-testid="details-experiment">
      <h3>{t('experiment')}</h3>
      <State loading={loading && !data} error={error} />
      {e?.description && <p>{e.description}</p>}
      {e && (
        <>
          <p className="muted">{t('runs', { n: e.runs.total })}</p>
          <ul>{e.runs.items.map((r) => <li key={r.runId}><Link to={`/runs/${encodeURIComponent(r.runId)}`}>{r.name || r.runId.slice(0, 8)}</Link> <StatusBadge status={r.status} /></li>)}</ul>
        </>
      )}
      <Link to={`/runs?experiment=${encodeURIComponent(node.name)}`} data-testid="details-open-experiment">{t('openRuns')}</Link>
    </section>
  );
}

export function TrainingRequestSection({ node }: KindDetailsProps) {
  const t = useT(M);
  const f = useFormat();
  const runId = str(node.props, 'runId');
  const { data, loading, error } = useQuery(TrainingSectionDocument, runId ? { runId } : null);
  const r = data?.trainingRun;
  return (
    <section className="kind-section" data-testid="details-training">
      <h3>{t('training')}</h3>
      <State loading={loading && !data} error={error} />
      {r && (
        <dl className="facts">
          <dt>{t('state')}</dt><dd><span className={`status ${r.state}`}>{r.state}</span> {r.reason}</dd>
          <dt>{t('image')}</dt><dd className="mono">{r.image}</dd>
          <dt>{t('resources')}</dt><dd>{r.resources.cpu} CPU · {r.resources.memory} · {r.resources.gpu} GPU {r.resources.gpuType ?? ''}</dd>
          <dt>{t('requested')}</dt><dd>{f.dateTime(r.requestedAt)}</dd>
        </dl>
      )}
      {runId && <Link to={`/training/${encodeURIComponent(runId)}`} data-testid="details-open-training">{t('openTraining')}</Link>}
    </section>
  );
}
