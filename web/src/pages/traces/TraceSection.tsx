/** Details-panel section of a Trace node: its summary, a mini waterfall and a link to the trace page. */
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import type { KindDetailsProps } from '../../details/kinds/types.js';
import { Link } from '../../shell/router.js';
import { tracePath } from '../models/links.js';
import { stringProp } from '../models/node-refs.js';
import { ErrorNote, Loading } from '../models/ui.js';
import { TraceDocument } from './documents.js';
import { Waterfall } from './Waterfall.js';
import { formatDuration } from './waterfall.js';

const MINI_ROWS = 12;

const M = defineMessages(
  { open: 'Open the trace', summary: '{spans} spans · {duration} · {calls} LLM calls · ${cost}', more: '{n} more spans on the trace page', gone: 'The spans of this trace are no longer stored.' },
  { open: '打开调用链', summary: '{spans} 个 span · {duration} · {calls} 次 LLM 调用 · ${cost}', more: '还有 {n} 个 span，请在调用链页面查看', gone: '此调用链的 span 已不再保存。' },
);

export function TraceSection({ node }: KindDetailsProps) {
  const t = useT(M);
  const f = useFormat();
  const traceId = stringProp(node.props, 'traceId') ?? node.id.replace(/^trace:/, '');
  const { data, loading, error } = useQuery(TraceDocument, { traceId });
  const trace = data?.trace;
  return (
    <div className="kind-section" data-testid="trace-section">
      {error && <ErrorNote message={error} />}
      {!data && loading && <Loading />}
      {data && !trace && <p className="muted hint">{t('gone')}</p>}
      {trace && (
        <>
          <p className="hint">{t('summary', { spans: trace.summary.spanCount, duration: formatDuration(trace.summary.durationMs), calls: trace.summary.llmCalls, cost: f.number(trace.summary.costUsd, 4) })}</p>
          <Waterfall spans={trace.spans} compact limit={MINI_ROWS} />
          {trace.spans.length > MINI_ROWS && <p className="hint">{t('more', { n: trace.spans.length - MINI_ROWS })}</p>}
        </>
      )}
      <Link to={tracePath(traceId)} className="btn small" data-testid="open-trace">{t('open')}</Link>
    </div>
  );
}
