import { useMemo } from 'react';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import type { TraceQuery } from '../../gql/graphql.js';
import { activate } from '../models/ui.js';
import { formatDuration, layoutWaterfall } from './waterfall.js';

export type SpanData = NonNullable<TraceQuery['trace']>['spans'][number];

const M = defineMessages(
  { span: 'Span', expand: 'Expand', collapse: 'Collapse', hidden: '{n} spans hidden under collapsed spans', tokens: '{n} tok' },
  { span: 'Span', expand: '展开', collapse: '折叠', hidden: '{n} 个 span 折叠在父 span 下', tokens: '{n} token' },
);

interface Props {
  spans: ReadonlyArray<SpanData>;
  selected?: string | null;
  onSelect?: (spanId: string) => void;
  collapsed?: ReadonlySet<string>;
  onToggle?: (spanId: string) => void;
  /** A small version for the details panel: names and bars only, at most `limit` rows. */
  compact?: boolean;
  limit?: number;
}

/** Bars on a time axis, one row per span, nested by depth, coloured by status (error, LLM call, other). */
export function Waterfall({ spans, selected, onSelect, collapsed, onToggle, compact = false, limit }: Props) {
  const t = useT(M);
  const f = useFormat();
  const layout = useMemo(() => layoutWaterfall(spans, collapsed), [spans, collapsed]);
  const rows = limit ? layout.rows.slice(0, limit) : layout.rows;
  return (
    <div className={`waterfall${compact ? ' compact' : ''}`} data-testid="waterfall">
      <div className="wf-row wf-axis">
        <div className="wf-label">{t('span')}</div>
        <div className="wf-track">
          {layout.ticks.map((tick) => <span key={tick.ms} className="wf-tick" style={{ left: `${tick.pct}%` }}>{formatDuration(tick.ms)}</span>)}
        </div>
      </div>
      {rows.map(({ span, leftPct, widthPct, tone, collapsed: isCollapsed, labelAt }) => (
        <div
          key={span.spanId}
          className={`wf-row${span.spanId === selected ? ' selected' : ''}`}
          onClick={() => onSelect?.(span.spanId)}
          onKeyDown={onSelect ? (e) => activate(e, () => onSelect(span.spanId)) : undefined}
          tabIndex={onSelect ? 0 : undefined}
          data-testid="span-row"
          data-span={span.spanId}
          data-tone={tone}
          role={onSelect ? 'button' : undefined}
        >
          <div className="wf-label" style={{ paddingLeft: span.depth * 14 }}>
            {!compact && span.childCount === 0 && <span className="wf-toggle" />}
            {!compact && span.childCount > 0 && (
              <button type="button" className="wf-toggle" aria-label={isCollapsed ? t('expand') : t('collapse')} data-testid="span-toggle" onKeyDown={(e) => e.stopPropagation()} onClick={(e) => { e.stopPropagation(); onToggle?.(span.spanId); }}>
                {isCollapsed ? '▸' : '▾'}
              </button>
            )}
            <span className="wf-name" title={span.name}>{span.name}</span>
            {!compact && <span className="wf-kind">{span.kind}</span>}
            {!compact && span.llm && <span className="wf-llm" data-testid="span-llm">{t('tokens', { n: f.number(span.llm.totalTokens, 0) })} · ${f.number(span.llm.costUsd, 4)}</span>}
          </div>
          <div className="wf-track">
            {layout.ticks.map((tick) => <span key={tick.ms} className="wf-grid" style={{ left: `${tick.pct}%` }} />)}
            <span className={`wf-bar tone-${tone}`} style={{ left: `${leftPct}%`, width: `${widthPct}%` }} title={`${span.name}: ${formatDuration(span.durationMs)}`} />
            <span
              className={`wf-dur ${labelAt}`}
              style={labelAt === 'after' ? { left: `calc(${leftPct + widthPct}% + 4px)` } : { right: `calc(${100 - (labelAt === 'inside' ? leftPct + widthPct : leftPct)}% + 4px)` }}
            >
              {formatDuration(span.durationMs)}
            </span>
          </div>
        </div>
      ))}
      {layout.hidden > 0 && <p className="hint">{t('hidden', { n: layout.hidden })}</p>}
    </div>
  );
}
