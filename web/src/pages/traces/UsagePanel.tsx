import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { useQueryParams } from '../../shell/router.js';
import { QueryView } from '../models/ui.js';
import { LlmUsageDocument } from './documents.js';
import { formatDuration } from './waterfall.js';

const EPOCH = '1970-01-01T00:00:00.000Z';

const M = defineMessages(
  {
    title: 'LLM usage', byModel: 'By model', byPrompt: 'By prompt version', model: 'Model', prompt: 'Prompt version', calls: 'Calls',
    input: 'Input tokens', output: 'Output tokens', cost: 'Cost (USD)', p50: 'Latency p50', p99: 'Latency p99', none: '(none)',
    empty: 'No LLM calls in this time range.', hint: 'Calls, tokens, cost and latency of the LLM spans that started in the selected time range.',
  },
  {
    title: 'LLM 用量', byModel: '按模型', byPrompt: '按提示词版本', model: '模型', prompt: '提示词版本', calls: '调用次数',
    input: '输入 token', output: '输出 token', cost: '成本（美元）', p50: '延迟 p50', p99: '延迟 p99', none: '（无）',
    empty: '所选时间范围内没有 LLM 调用。', hint: '所选时间范围内开始的 LLM span 的调用次数、token、成本和延迟。',
  },
);

/** Token, cost and latency rollups (`llmUsage`) by model or prompt version, for the list's range and service. */
export function UsagePanel({ service, from }: { service: string; from: string | null }) {
  const t = useT(M);
  const f = useFormat();
  const [query, setQuery] = useQueryParams();
  const byPrompt = query.get('usage') === 'prompt';
  const { data, loading, error, stale } = useQuery(LlmUsageDocument, { groupBy: byPrompt ? 'PROMPT_VERSION' : 'MODEL', from: from ?? EPOCH, service: service || null });
  // Rows of the other grouping (kept while this one loads) would be labelled as this one's: none then.
  const rows = stale ? [] : data?.llmUsage ?? [];
  return (
    <section className="card" data-testid="usage-panel">
      <div className="reg-head" style={{ marginBottom: 8 }}>
        <h2 style={{ margin: 0 }}>{t('title')}</h2>
        <div className="seg">
          <button type="button" className={byPrompt ? undefined : 'active'} onClick={() => setQuery({ usage: null })} data-testid="usage-model">{t('byModel')}</button>
          <button type="button" className={byPrompt ? 'active' : undefined} onClick={() => setQuery({ usage: 'prompt' })} data-testid="usage-prompt">{t('byPrompt')}</button>
        </div>
      </div>
      <p className="hint">{t('hint')}</p>
      <QueryView loading={loading} error={error} empty={rows.length === 0} emptyText={t('empty')}>
        <table className="grid" data-testid="usage-table">
          <thead><tr><th>{byPrompt ? t('prompt') : t('model')}</th><th className="num">{t('calls')}</th><th className="num">{t('input')}</th><th className="num">{t('output')}</th><th className="num">{t('cost')}</th><th className="num">{t('p50')}</th><th className="num">{t('p99')}</th></tr></thead>
          <tbody>
            {rows.map((r) => {
              const key = byPrompt ? (r.promptName ? `${r.promptName}@${r.promptVersion ?? ''}` : '') : r.model ?? '';
              return (
                <tr key={key} data-testid="usage-row">
                  <td className="mono">{key || <span className="muted">{t('none')}</span>}</td>
                  <td className="num">{f.number(r.calls, 0)}</td>
                  <td className="num">{f.number(r.inputTokens, 0)}</td>
                  <td className="num">{f.number(r.outputTokens, 0)}</td>
                  <td className="num">{f.number(r.costUsd, 4)}</td>
                  <td className="num">{formatDuration(r.latencyP50Ms)}</td>
                  <td className="num">{formatDuration(r.latencyP99Ms)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </QueryView>
    </section>
  );
}
