import { useMemo } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { Link, useQueryParams } from '../../shell/router.js';
import { tracePath } from '../models/links.js';
import { QueryView, When } from '../models/ui.js';
import { TracesDocument } from './documents.js';
import { cursorStack, filterParams, toTraceFilter, type TraceFilterParams } from './filters.js';
import { TraceFilters } from './TraceFilters.js';
import { UsagePanel } from './UsagePanel.js';
import { formatDuration } from './waterfall.js';

const PAGE = 25;

const M = defineMessages(
  {
    title: 'Traces', subtitle: 'Requests traced over OTLP, newest first: spans, LLM calls, tokens and cost.',
    trace: 'Trace', service: 'Service', started: 'Started', duration: 'Duration', spans: 'Spans', llm: 'LLM calls', tokens: 'Tokens (in/out)', cost: 'Cost',
    models: 'Models', status: 'Status', error: '{n} errors', ok: 'OK', next: 'Older', prev: 'Newer', loading: 'Loading…', byModel: 'Show only traces calling this model', byPrompt: 'Show only traces using this prompt version', page: 'Page {n}',
    empty: 'No traces yet. Point an OpenTelemetry SDK at {endpoint} (OTLP/HTTP) and they appear here.', noMatch: 'No trace matches these filters. Widen the time range or clear a filter.',
  },
  {
    title: '调用链', subtitle: '通过 OTLP 接收的请求调用链，最新在前：span、LLM 调用、token 与成本。',
    trace: '调用链', service: '服务', started: '开始', duration: '耗时', spans: 'Span 数', llm: 'LLM 调用', tokens: 'Token（输入/输出）', cost: '成本',
    models: '模型', status: '状态', error: '{n} 个错误', ok: '正常', next: '更早', prev: '更新', loading: '加载中…', byModel: '只显示调用此模型的调用链', byPrompt: '只显示使用此提示词版本的调用链', page: '第 {n} 页',
    empty: '还没有调用链。把 OpenTelemetry SDK 指向 {endpoint}（OTLP/HTTP）后会显示在这里。', noMatch: '没有符合筛选条件的调用链。请扩大时间范围或清除筛选。',
  },
);

export function TraceList() {
  const t = useT(M);
  const f = useFormat();
  const [query, setQuery] = useQueryParams();
  const params = filterParams(query);
  const stack = cursorStack(query);
  // The time range is relative to when it was chosen, not to each render.
  const now = useMemo(() => Date.now(), [params.range]);
  const filter = toTraceFilter(params, now);
  const filtered = Object.keys(filter).length > 0;
  const { data, loading, error } = useQuery(TracesDocument, { filter, first: PAGE, after: stack.at(-1) ?? null });
  const edges = data?.traces.edges ?? [];
  const setFilters = (next: Partial<TraceFilterParams>) => {
    const changes: Record<string, string | null> = { pages: null }; // a new filter starts from the newest page
    for (const [key, value] of Object.entries(next)) changes[key] = value === 'all' ? null : value || null;
    setQuery(changes);
  };

  return (
    <>
      <div className="reg-head">
        <div><h1>{t('title')}</h1><p className="muted hint">{t('subtitle')}</p></div>
        {loading && edges.length > 0 && <span className="muted" data-testid="loading">{t('loading')}</span>}
      </div>
      <TraceFilters value={params} onChange={setFilters} />
      <QueryView loading={loading} error={error} empty={edges.length === 0} emptyText={filtered || stack.length ? t('noMatch') : t('empty', { endpoint: `${window.location.origin}/v1/traces` })}>
        <div className="card">
          <table className="grid" data-testid="traces-table">
            <thead><tr><th>{t('trace')}</th><th>{t('service')}</th><th>{t('started')}</th><th className="num">{t('duration')}</th><th className="num">{t('spans')}</th><th className="num">{t('llm')}</th><th className="num">{t('tokens')}</th><th className="num">{t('cost')}</th><th>{t('models')}</th><th>{t('status')}</th></tr></thead>
            <tbody>
              {edges.map(({ node: tr }) => (
                <tr key={tr.traceId} data-testid="trace-row">
                  <td><Link to={tracePath(tr.traceId)} data-testid="trace-link">{tr.rootSpanName || tr.traceId.slice(0, 12)}</Link><div className="muted hint mono nowrap" title={tr.traceId}>{tr.traceId.slice(0, 12)}…</div></td>
                  <td>{tr.service}</td>
                  <td><When iso={tr.start} /></td>
                  <td className="num">{formatDuration(tr.durationMs)}</td>
                  <td className="num">{tr.spanCount}</td>
                  <td className="num">{tr.llmCalls}</td>
                  <td className="num">{f.number(tr.inputTokens, 0)} / {f.number(tr.outputTokens, 0)}</td>
                  <td className="num">${f.number(tr.costUsd, 4)}</td>
                  <td>
                    <span className="badges">
                      {tr.models.map((m) => <button type="button" key={m} className="tag chip" title={t('byModel')} onClick={() => setFilters({ model: m })}>{m}</button>)}
                      {tr.prompts.map((p) => <button type="button" key={`${p.name}@${p.version}`} className="badge label chip" title={t('byPrompt')} onClick={() => setFilters({ prompt: `${p.name}@${p.version}` })}>{p.name}@{p.version}</button>)}
                    </span>
                  </td>
                  <td>{tr.error ? <span className="badge status-error">{t('error', { n: tr.errorCount })}</span> : <span className="badge status-ok">{t('ok')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" className="btn secondary small" disabled={!stack.length} onClick={() => setQuery({ pages: stack.slice(0, -1).join(',') }, { push: true })} data-testid="traces-prev">{t('prev')}</button>
            <span className="muted">{t('page', { n: stack.length + 1 })}</span>
            <button type="button" className="btn secondary small" disabled={!data?.traces.pageInfo.hasNextPage} onClick={() => setQuery({ pages: [...stack, data?.traces.pageInfo.endCursor].join(',') }, { push: true })} data-testid="traces-next">{t('next')}</button>
          </div>
        </div>
      </QueryView>
      <UsagePanel service={params.service} from={filter.from ?? null} />
    </>
  );
}
