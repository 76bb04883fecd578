import { useMemo } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { Link, useQueryParams, withQuery } from '../../shell/router.js';
import { lineagePath, modelPath, promptPath, runPath } from '../models/links.js';
import { ErrorNote, Loading, When } from '../models/ui.js';
import { TraceDocument } from './documents.js';
import { SpanDetails } from './SpanDetails.js';
import { Waterfall } from './Waterfall.js';
import { formatDuration } from './waterfall.js';

const M = defineMessages(
  {
    traces: 'Traces', lineage: 'Lineage', notFound: 'No trace {id}. It may not have arrived yet, or it belongs to another tenant.',
    service: 'Service', started: 'Started', duration: 'Duration', spans: 'Spans', llm: 'LLM calls', tokens: 'Tokens (in/out)', cost: 'Cost',
    errors: 'Errors', models: 'Models', prompts: 'Prompt versions', runs: 'Runs', modelVersions: 'Model versions',
    truncated: 'This trace has more spans than shown (the first 10,000).', ok: 'OK span', llmSpan: 'LLM call', errorSpan: 'Error', pick: 'Click a span to see its attributes.',
  },
  {
    traces: '调用链', lineage: '血缘', notFound: '没有调用链 {id}。它可能尚未到达，或属于其他租户。',
    service: '服务', started: '开始', duration: '耗时', spans: 'Span 数', llm: 'LLM 调用', tokens: 'Token（输入/输出）', cost: '成本',
    errors: '错误', models: '模型', prompts: '提示词版本', runs: '运行', modelVersions: '模型版本',
    truncated: '此调用链的 span 多于显示的数量（仅前 10,000 个）。', ok: '正常 span', llmSpan: 'LLM 调用', errorSpan: '错误', pick: '点击一个 span 查看其属性。',
  },
);

export function TraceDetail({ traceId }: { traceId: string }) {
  const t = useT(M);
  const f = useFormat();
  const [query, setQuery] = useQueryParams();
  const { data, loading, error } = useQuery(TraceDocument, { traceId });
  const trace = data?.trace ?? null;
  const collapsedParam = query.get('collapsed') ?? '';
  const collapsed = useMemo(() => new Set(collapsedParam.split(',').filter(Boolean)), [collapsedParam]);
  const selectedId = query.get('span');
  const selected = trace?.spans.find((s) => s.spanId === selectedId) ?? null;
  const toggle = (id: string) => {
    const next = new Set(collapsed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setQuery({ collapsed: [...next].join(',') });
  };
  const s = trace?.summary;
  return (
    <>
      <div className="crumbs"><Link to="/traces">{t('traces')}</Link> / <span className="mono">{traceId}</span></div>
      <div className="reg-head">
        <h1 data-testid="trace-title">{s?.rootSpanName ?? traceId}</h1>
        {s?.error && <span className="badge status-error">{t('errors')}: {s.errorCount}</span>}
        {s?.node && <Link to={lineagePath(s.node.id)} className="btn secondary small">{t('lineage')}</Link>}
      </div>
      {error && <ErrorNote message={error} />}
      {!trace && !error && (loading || !data ? <Loading /> : <div className="empty-state" data-testid="empty">{t('notFound', { id: traceId })}</div>)}
      {trace && s && (
        <>
          <section className="card" data-testid="trace-summary">
            <dl className="kv summary-grid">
              <dt>{t('service')}</dt><dd>{s.service}</dd>
              <dt>{t('started')}</dt><dd><When iso={s.start} /></dd>
              <dt>{t('duration')}</dt><dd>{formatDuration(s.durationMs)}</dd>
              <dt>{t('spans')}</dt><dd>{s.spanCount}</dd>
              <dt>{t('llm')}</dt><dd>{s.llmCalls}</dd>
              <dt>{t('tokens')}</dt><dd>{f.number(s.inputTokens, 0)} / {f.number(s.outputTokens, 0)}</dd>
              <dt>{t('cost')}</dt><dd data-testid="trace-cost">${f.number(s.costUsd, 4)}</dd>
              {s.models.length > 0 && <><dt>{t('models')}</dt><dd>{s.models.join(', ')}</dd></>}
              {s.prompts.length > 0 && <><dt>{t('prompts')}</dt><dd>{s.prompts.map((p) => <Link key={`${p.name}@${p.version}`} to={withQuery(promptPath(p.name), { version: p.version })} className="badge label">{p.name}@{p.version}</Link>)}</dd></>}
              {s.modelVersions.length > 0 && <><dt>{t('modelVersions')}</dt><dd>{s.modelVersions.map((m) => <Link key={`${m.name}@${m.version}`} to={withQuery(modelPath(m.name), { version: m.version })} className="badge">{m.name} v{m.version}</Link>)}</dd></>}
              {s.runIds.length > 0 && <><dt>{t('runs')}</dt><dd>{s.runIds.map((r) => <Link key={r} to={runPath(r)} className="mono">{r}</Link>)}</dd></>}
            </dl>
          </section>
          {trace.truncated && <p className="note info-note">{t('truncated')}</p>}
          <div className="legend"><span><i className="tone-ok" />{t('ok')}</span><span><i className="tone-llm" />{t('llmSpan')}</span><span><i className="tone-error" />{t('errorSpan')}</span></div>
          <div className="trace-layout">
            <Waterfall spans={trace.spans} selected={selectedId} onSelect={(id) => setQuery({ span: id === selectedId ? null : id })} collapsed={collapsed} onToggle={toggle} />
            {selected ? <SpanDetails traceId={traceId} span={selected} /> : <p className="card muted hint">{t('pick')}</p>}
          </div>
        </>
      )}
    </>
  );
}
