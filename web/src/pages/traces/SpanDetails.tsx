import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { Link, withQuery } from '../../shell/router.js';
import { tracePath } from '../models/links.js';
import { ErrorNote, Json, Loading, When } from '../models/ui.js';
import { SpanDetailsDocument } from './documents.js';
import type { SpanData } from './Waterfall.js';
import { formatDuration } from './waterfall.js';

const M = defineMessages(
  {
    span: 'Span', id: 'Span id', parent: 'Parent', kind: 'Kind', service: 'Service', scope: 'Scope', started: 'Started', duration: 'Duration', status: 'Status',
    llm: 'LLM call', provider: 'Provider', operation: 'Operation', requested: 'Requested model', answered: 'Answered by', tokens: 'Tokens (in/out/total)', cost: 'Cost (USD)',
    prompt: 'Prompt version', attributes: 'Attributes', events: 'Events', root: 'root', run: 'Run', gone: 'This span is no longer stored.',
    resource: 'Resource', links: 'Links', linkTo: 'span {span} of trace {trace}',
  },
  {
    span: 'Span', id: 'Span id', parent: '父 span', kind: '类型', service: '服务', scope: '插桩范围', started: '开始', duration: '耗时', status: '状态',
    llm: 'LLM 调用', provider: '提供方', operation: '操作', requested: '请求的模型', answered: '应答模型', tokens: 'Token（输入/输出/合计）', cost: '成本（美元）',
    prompt: '提示词版本', attributes: '属性', events: '事件', root: '根', run: '运行', gone: '此 span 已不再保存。',
    resource: '资源', links: '链接', linkTo: '调用链 {trace} 的 span {span}',
  },
);

/**
 * Everything about the clicked span: ids, status, the LLM call it made (from the waterfall's read),
 * then its attributes, events, links and resource attributes, read for this span alone.
 */
export function SpanDetails({ traceId, span: s }: { traceId: string; span: SpanData }) {
  const t = useT(M);
  const f = useFormat();
  const wide = useQuery(SpanDetailsDocument, { traceId, spanIds: [s.spanId] });
  const details = wide.data?.spanDetails.find((d) => d.spanId === s.spanId) ?? null;
  return (
    <aside className="card span-details" data-testid="span-details">
      <h2>{s.name}</h2>
      <dl className="kv">
        <dt>{t('id')}</dt><dd className="mono">{s.spanId}</dd>
        <dt>{t('parent')}</dt><dd className="mono">{s.parentSpanId ?? t('root')}</dd>
        <dt>{t('kind')}</dt><dd>{s.kind}</dd>
        <dt>{t('service')}</dt><dd>{s.service}</dd>
        <dt>{t('scope')}</dt><dd>{s.scope || '–'}</dd>
        <dt>{t('started')}</dt><dd><When iso={s.start} /> (+{formatDuration(s.startOffsetMs)})</dd>
        <dt>{t('duration')}</dt><dd>{formatDuration(s.durationMs)}</dd>
        <dt>{t('status')}</dt><dd><span className={`badge status-${s.statusCode === 'ERROR' ? 'error' : 'ok'}`}>{s.statusCode}</span> {s.statusMessage}</dd>
        {s.runId && <><dt>{t('run')}</dt><dd className="mono">{s.runId}</dd></>}
      </dl>
      {s.llm && (
        <>
          <h3>{t('llm')}</h3>
          <dl className="kv" data-testid="span-llm-details">
            <dt>{t('provider')}</dt><dd>{s.llm.provider || '–'}</dd>
            <dt>{t('operation')}</dt><dd>{s.llm.operation || '–'}</dd>
            <dt>{t('requested')}</dt><dd>{s.llm.requestModel || '–'}</dd>
            <dt>{t('answered')}</dt><dd>{s.llm.responseModel || '–'}</dd>
            <dt>{t('tokens')}</dt><dd>{f.number(s.llm.inputTokens, 0)} / {f.number(s.llm.outputTokens, 0)} / {f.number(s.llm.totalTokens, 0)}</dd>
            <dt>{t('cost')}</dt><dd>{f.number(s.llm.costUsd, 6)}</dd>
            {s.llm.promptName && <><dt>{t('prompt')}</dt><dd>{s.llm.promptName}@{s.llm.promptVersion}</dd></>}
          </dl>
        </>
      )}
      <h3>{t('attributes')}</h3>
      {wide.error && <ErrorNote message={wide.error} />}
      {!details && !wide.error && (wide.loading || !wide.data ? <Loading /> : <p className="muted hint">{t('gone')}</p>)}
      {details && (
        <div data-testid="span-attributes">
          <Json value={details.attributes} />
          {details.events.length > 0 && (
            <>
              <h3>{t('events')}</h3>
              {details.events.map((e, i) => <div key={i} className="hint"><strong>{e.name}</strong> <When iso={e.time} /><Json value={e.attributes} /></div>)}
            </>
          )}
          {details.links.length > 0 && (
            <>
              <h3>{t('links')}</h3>
              {details.links.map((l, i) => (
                <div key={i} className="hint" data-testid="span-link">
                  <Link to={withQuery(tracePath(l.traceId), { span: l.spanId })} className="mono">{t('linkTo', { span: l.spanId, trace: l.traceId })}</Link>
                  {Object.keys(l.attributes as object).length > 0 && <Json value={l.attributes} />}
                </div>
              ))}
            </>
          )}
          <h3>{t('resource')}</h3>
          <Json value={details.resourceAttributes} />
        </div>
      )}
    </aside>
  );
}
