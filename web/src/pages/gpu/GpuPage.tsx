/**
 * GPU monitoring: the GPUs seen recently (pick one: its series), or a run's GPUs (`?run=<runId>`:
 * summary and series of its pods). URL: /gpu?gpu=<uuid>|run=<runId>&metric=POWER&range=7d.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { Link, useQueryParams, withQuery } from '../../shell/router.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { GpuDevicesDocument } from './documents.js';
import { GpuChartPanel } from './GpuChartPanel.js';
import { RunGpuSummaryCard } from './RunGpuSummaryCard.js';
import { M } from './messages.js';
import '../runs/tracking.css';

const DAY_MS = 86_400_000;
const RANGES = { '1h': 3_600_000, '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS } as const;
type Range = keyof typeof RANGES;
const RANGE_LABEL = { '1h': 'h1', '24h': 'h24', '7d': 'd7', '30d': 'd30' } as const;

export function GpuPage() {
  const t = useT(M);
  const [query, setQuery] = useQueryParams();
  const runId = query.get('run');
  const gpuUuid = query.get('gpu');
  const range: Range = (query.get('range') as Range) in RANGES ? (query.get('range') as Range) : '7d';
  // One "from" per range choice, so re-renders do not refetch.
  const from = useMemo(() => new Date(Date.now() - RANGES[range]).toISOString(), [range]);
  return (
    <div className="tracking-page gpu-page">
      <h1 data-testid="page-heading">{t('title')}</h1>
      <div className="split">
        <aside className="card">
          <RunPicker key={runId ?? ''} initial={runId ?? ''} onPick={(run) => setQuery({ run, gpu: null }, { push: true })} />
          <h3>{t('devices')}</h3>
          <label className="muted">
            {t('range')}{' '}
            <select data-testid="gpu-range" value={range} onChange={(e) => setQuery({ range: e.target.value })}>
              {(Object.keys(RANGES) as Range[]).map((r) => <option key={r} value={r}>{t(RANGE_LABEL[r])}</option>)}
            </select>
          </label>
          <DeviceList from={from} selected={gpuUuid} selectedRun={runId} />
        </aside>
        <main className="stack">
          {runId && (
            <>
              <h2>{t('runHeading', { run: runId })} <Link to={`/runs/${encodeURIComponent(runId)}`} className="small">{t('openRun')}</Link></h2>
              <RunGpuSummaryCard runId={runId}><GpuChartPanel key={runId} scope={{ runId }} /></RunGpuSummaryCard>
            </>
          )}
          {!runId && gpuUuid && (
            <>
              <h2 className="mono">{t('gpuHeading', { gpu: gpuUuid })}</h2>
              <GpuChartPanel key={gpuUuid} scope={{ gpuUuid, from }} />
            </>
          )}
          {!runId && !gpuUuid && <p className="muted empty" data-testid="gpu-pick">{t('pick')}</p>}
        </main>
      </div>
    </div>
  );
}

/** Keyed by the run shown: a run picked elsewhere (a device's runs, back and forward) fills the box again. */
function RunPicker({ initial, onPick }: { initial: string; onPick: (runId: string) => void }) {
  const t = useT(M);
  const [value, setValue] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onPick(value.trim());
  };
  return (
    <form onSubmit={submit} className="stack-sm">
      <h3>{t('byRun')}</h3>
      <div className="row">
        <input data-testid="gpu-run-input" placeholder={t('runId')} aria-label={t('runId')} value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" className="primary" data-testid="gpu-run-show">{t('show')}</button>
      </div>
    </form>
  );
}

function DeviceList({ from, selected, selectedRun }: { from: string; selected: string | null; selectedRun: string | null }) {
  const t = useT(M);
  const f = useFormat();
  const { data, loading, error } = useQuery(GpuDevicesDocument, { from, limit: 500 });
  const [query] = useQueryParams();
  const base = withQuery(`/gpu?${query.toString()}`, { run: null });
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!data) return loading ? <p className="muted">{t('loading')}</p> : null;
  if (data.gpus.length === 0) return <p className="muted empty" data-testid="gpu-devices-empty">{t('noDevices')}</p>;
  // The runs on these GPUs, newest first, each once: a way in to a run's GPUs without knowing its id.
  const runs = [...new Map(data.gpus.flatMap((g) => g.runs).sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '')).map((r) => [r.runId, r])).values()];
  const runLink = (r: (typeof runs)[number]) => (
    <Link key={r.runId} to={withQuery(base, { gpu: null, run: r.runId })} data-testid="gpu-run-link" className={r.runId === selectedRun ? 'run-link selected' : 'run-link'} title={r.runId}>
      {r.name === r.runId ? r.runId.slice(0, 8) : r.name}
    </Link>
  );
  return (
    <>
      {runs.length > 0 && (
        <div className="stack-sm" data-testid="gpu-runs">
          <h4>{t('runsOnGpus')}</h4>
          <ul className="device-list">
            {runs.slice(0, 20).map((r) => (
              <li key={r.runId} className="device-runs">
                {runLink(r)} <span className="small muted">{r.pod}</span>
                <div className="small muted">{r.startedAt ? f.dateTime(r.startedAt) : ''}{r.endedAt ? ` – ${f.dateTime(r.endedAt)}` : r.startedAt ? ` – ${t('running')}` : ''}</div>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="device-list" data-testid="gpu-devices">
        {data.gpus.map((g) => (
          <li key={g.gpuUuid} className={g.gpuUuid === selected ? 'selected' : undefined}>
            <Link to={withQuery(base, { gpu: g.gpuUuid })} data-testid="gpu-device">
              <b>{g.host} #{g.gpuIndex}</b> <span className="muted">{g.model}</span>
              <div className="mono small">{g.gpuUuid}</div>
              <div className="small muted">{t('lastSeen')}: {f.dateTime(g.lastSeen)} · {t('pods')}: {g.pods.join(', ')}</div>
            </Link>
            {g.runs.length > 0 && <div className="small device-runs" data-testid="gpu-device-runs">{t('runs')}: {g.runs.map((r, i) => <span key={r.runId}>{i > 0 && ', '}{runLink(r)}</span>)}</div>}
          </li>
        ))}
      </ul>
    </>
  );
}
