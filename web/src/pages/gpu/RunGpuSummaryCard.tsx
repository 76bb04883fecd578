/** GPU-hours, mean utilisation, peak memory and power of a run, and its GPUs; `children` (e.g. its series) only when the run says where it ran. */
import type { ReactNode } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { Link } from '../../shell/router.js';
import { RunGpuSummaryDocument } from './documents.js';
import { gib } from './gpu.js';
import { M } from './messages.js';

export function RunGpuSummaryCard({ runId, children }: { runId: string; children?: ReactNode }) {
  const t = useT(M);
  const f = useFormat();
  const { data, loading, error } = useQuery(RunGpuSummaryDocument, { runId });
  const s = data?.runGpuSummary;
  const opt = (v: number | null | undefined, suffix: string, digits = 1) => (v == null ? '–' : `${f.number(v, digits)}${suffix}`);
  return (
    <>
      <section className="card" data-testid="gpu-summary" aria-busy={loading}>
        <h3>{t('summary')}</h3>
        {error && <p className="error" role="alert">{error}</p>}
        {!s && loading && <p className="muted">{t('loading')}</p>}
        {s && !s.placement && <p className="muted">{t('noPlacement')}</p>}
        {s?.placement && (
          <>
            <dl className="figures">
              <div><dt>{t('gpuCount')}</dt><dd data-testid="gpu-count">{s.gpuCount}</dd></div>
              <div><dt>{t('gpuHours')}</dt><dd data-testid="gpu-hours">{f.number(s.gpuHours, 3)}</dd></div>
              <div><dt>{t('meanUtil')}</dt><dd data-testid="gpu-mean-util">{opt(s.meanUtilization, ' %')}</dd></div>
              <div><dt>{t('peakMemory')}</dt><dd>{opt(gib(s.maxMemoryUsedBytes), ' GiB')}</dd></div>
              <div><dt>{t('meanPower')}</dt><dd>{opt(s.meanPowerWatts, ' W')}</dd></div>
              <div><dt>{t('energy')}</dt><dd>{opt(s.energyKwh, ' kWh', 3)}</dd></div>
            </dl>
            {s.gpuCount === 0 && <p className="muted" data-testid="gpu-no-samples">{t('noSamples', { pods: `${s.placement.namespace}/${s.placement.pods.join(', ')}` })}</p>}
            {s.gpus.length > 0 && (
              <table className="table">
                <thead><tr><th>{t('gpu')}</th><th>{t('host')}</th><th>{t('model')}</th><th>{t('pod')}</th><th>{t('hours')}</th><th>{t('meanUtil')}</th></tr></thead>
                <tbody>
                  {s.gpus.map((g) => (
                    <tr key={`${g.gpuUuid}/${g.pod}`}>
                      <td><Link to={`/gpu?gpu=${encodeURIComponent(g.gpuUuid)}`} className="mono">{g.gpuUuid}</Link></td>
                      <td>{g.host}</td><td>{g.model}</td><td>{g.pod}</td><td>{f.number(g.hours, 3)}</td><td>{opt(g.meanUtilization, ' %')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>
      {s?.placement && children}
    </>
  );
}
