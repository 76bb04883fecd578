/**
 * A small dependency-free SVG line chart: several series, x and y axes with round ticks, a hover
 * tooltip (nearest point of every series), a legend that hides/shows series, and points thinned
 * (LTTB) to about one per pixel. The x axis is either numbers (steps) or times (ms since 1970).
 */
import { useMemo, useRef, useState, type MouseEvent } from 'react';
import { downsample, linePath, nearestIndex, type Point } from './downsample.js';
import { extent, formatNumber, formatTime, linearScale, niceDomain, niceTicks, timeTicks } from './scale.js';
import { seriesColor } from './palette.js';
import { useWidth } from './useWidth.js';
import { useFormat } from '../i18n/i18n.js';
import './charts.css';

export interface ChartSeries { id: string; label: string; points: readonly Point[] }
export interface LineChartProps {
  series: readonly ChartSeries[];
  xType: 'number' | 'time';
  height?: number;
  /** Formats y values in ticks and the tooltip (default: compact numbers). */
  formatY?: (v: number) => string;
  title?: string;
  testId?: string;
  /** Names the x value in the tooltip (e.g. "Step"). */
  xName?: string;
  /** Keep 0 on the y axis (utilisation, power...): small wiggles are not drawn as huge swings. */
  zeroBased?: boolean;
}

const M = { top: 10, right: 16, bottom: 26, left: 56 };

export function LineChart({ series, xType, height = 220, formatY = formatNumber, title, testId, zeroBased = false, xName }: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const { locale } = useFormat();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [hoverX, setHoverX] = useState<number | null>(null);
  const plotW = Math.max(width - M.left - M.right, 10);
  const plotH = height - M.top - M.bottom;

  const shown = useMemo(
    () => series.map((s, i) => ({ ...s, color: seriesColor(i), drawn: downsample(s.points, Math.max(plotW, 3)) })).filter((s) => !hidden.has(s.id)),
    [series, hidden, plotW],
  );
  const xExt = extent(shown.flatMap((s) => s.points.map((p) => p.x))) ?? [0, 1];
  const yExt = extent([...shown.flatMap((s) => s.points.map((p) => p.y)), ...(zeroBased ? [0] : [])]) ?? [0, 1];
  const yDom = niceDomain(yExt[0], yExt[1], 5);
  const x = linearScale(xExt, [0, plotW]);
  const y = linearScale(yDom, [plotH, 0]);
  const xTicks = xType === 'time' ? timeTicks(xExt[0], xExt[1], Math.max(2, Math.floor(plotW / 110))) : niceTicks(xExt[0], xExt[1], Math.max(2, Math.floor(plotW / 80)));
  const xLabel = (v: number) => (xType === 'time' ? formatTime(v, xExt[1] - xExt[0], locale) : formatNumber(v));
  const hover = hoverX === null ? [] : shown.map((s) => ({ s, p: s.points[nearestIndex(s.points, hoverX)] })).filter((h) => h.p);
  const hoverAt = hover.length ? hover.reduce((best, h) => (Math.abs(h.p.x - hoverX!) < Math.abs(best - hoverX!) ? h.p.x : best), hover[0].p.x) : null;

  const onMove = (e: MouseEvent<SVGRectElement>) => setHoverX(x.invert(e.clientX - e.currentTarget.getBoundingClientRect().left));

  return (
    <figure className="chart" data-testid={testId}>
      {title && <figcaption className="chart-title">{title}</figcaption>}
      <div ref={box} className="chart-box">
        {width > 0 && (
          <svg width={width} height={height} role="img" aria-label={title}>
            <g transform={`translate(${M.left},${M.top})`}>
              {niceTicks(yDom[0], yDom[1], 5).map((t) => (
                <g key={`y${t}`} className="tick">
                  <line x1={0} x2={plotW} y1={y(t)} y2={y(t)} className="grid" />
                  <text x={-6} y={y(t)} dy="0.32em" textAnchor="end">{formatY(t)}</text>
                </g>
              ))}
              {xTicks.map((t) => (
                <text key={`x${t}`} className="tick" x={x(t)} y={plotH + 16} textAnchor="middle">{xLabel(t)}</text>
              ))}
              <line className="axis" x1={0} x2={plotW} y1={plotH} y2={plotH} />
              <line className="axis" x1={0} x2={0} y1={0} y2={plotH} />
              {shown.map((s) => <path key={s.id} d={linePath(s.drawn, x, y)} stroke={s.color} className="series" data-series={s.id} data-points={s.drawn.length} />)}
              {shown.filter((s) => s.drawn.length === 1).map((s) => <circle key={`dot-${s.id}`} cx={x(s.drawn[0].x)} cy={y(s.drawn[0].y)} r={3} fill={s.color} />)}
              {hoverAt !== null && <line className="cursor" x1={x(hoverAt)} x2={x(hoverAt)} y1={0} y2={plotH} />}
              {hover.map(({ s, p }) => <circle key={s.id} cx={x(p.x)} cy={y(p.y)} r={3.5} fill={s.color} />)}
              <rect width={plotW} height={plotH} fill="transparent" onMouseMove={onMove} onMouseLeave={() => setHoverX(null)} data-testid={testId && `${testId}-hover`} />
            </g>
          </svg>
        )}
        {hoverAt !== null && hover.length > 0 && (
          <div className="chart-tooltip" role="tooltip" style={{ left: Math.min(M.left + x(hoverAt) + 12, Math.max(width - 220, 0)), top: M.top }}>
            <div className="muted">{xName ? `${xName} ` : ''}{xLabel(hoverAt)}</div>
            {hover.map(({ s, p }) => (
              <div key={s.id}><span className="swatch" style={{ background: s.color }} /> {s.label}: <b>{formatY(p.y)}</b></div>
            ))}
          </div>
        )}
      </div>
      <ul className="chart-legend">
        {series.map((s, i) => (
          <li key={s.id}>
            <button type="button" className={hidden.has(s.id) ? 'off' : undefined} aria-pressed={!hidden.has(s.id)} onClick={() => setHidden(toggle(hidden, s.id))}>
              <span className="swatch" style={{ background: seriesColor(i) }} /> {s.label}
            </button>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function toggle(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}
