/** A GPU metric over time (run's GPUs or one GPU), with the metric picker; asks for about one point per pixel. */
import { useRef } from 'react';
import { useQueryParams } from '../../shell/router.js';
import { useT } from '../../i18n/i18n.js';
import { LineChart } from '../../charts/LineChart.js';
import { pointsForWidth, useWidth } from '../../charts/useWidth.js';
import { formatWithUnit, GPU_PICKER, gpuChartSeries, parseGpuMetric, unitOf, type GpuSeriesLike } from './gpu.js';
import { M } from './messages.js';
import { LIVE_MS, useGpuSeries, type GpuScope } from './useGpuSeries.js';

export function GpuChartPanel({ scope }: { scope: GpuScope }) {
  const t = useT(M);
  const [query, setQuery] = useQueryParams();
  const metric = parseGpuMetric(query.get('metric'));
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const maxPoints = width > 0 ? pointsForWidth(width) : null;
  const { result, loading, error, running, placementMissing } = useGpuSeries(scope, metric, maxPoints);
  const series: readonly GpuSeriesLike[] = result?.series ?? [];
  const lines = gpuChartSeries(series, metric);

  return (
    <section className="gpu-chart" data-testid="gpu-chart-panel" aria-busy={loading}>
      <div className="row">
        <label>
          {t('metric')}{' '}
          <select data-testid="gpu-metric" value={metric} onChange={(e) => setQuery({ metric: e.target.value })}>
            {GPU_PICKER.map((m) => <option key={m} value={m}>{t(m)}</option>)}
          </select>
        </label>
        {result && <span className="muted">{t('step', { step: result.stepSeconds })}</span>}
        {running && <span className="muted" data-testid="gpu-live">{t('live', { s: LIVE_MS / 1000 })}</span>}
        {loading && <span className="muted" data-testid="gpu-loading">{t('loading')}</span>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {result?.truncated && <p className="muted">{t('truncated')}</p>}
      <div ref={box}>
        {placementMissing && <p className="muted empty" data-testid="gpu-no-placement">{t('noPlacement')}</p>}
        {!placementMissing && result && lines.length === 0 && !loading && <p className="muted empty" data-testid="gpu-empty">{t('noSeries', { metric: t(metric) })}</p>}
        {lines.length > 0 && <LineChart series={lines} xType="time" title={t(metric)} formatY={formatWithUnit(unitOf(series, metric))} testId="gpu-chart" zeroBased />}
      </div>
    </section>
  );
}
