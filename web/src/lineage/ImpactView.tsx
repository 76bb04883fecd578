import { ImpactDocument, ImpactUsageDocument } from '../api/documents.js';
import { useQuery } from '../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../i18n/i18n.js';
import { KindBadge } from '../KindBadge.js';
import { summariseImpact } from './impact.js';
import { MAX_DEPTH } from './viewState.js';

const M = defineMessages(
  {
    title: 'Impact of {name}', total: '{n} nodes downstream', loading: 'Computing the impact…', none: 'Nothing is downstream of this node: changing it affects no other dataset, job or model.',
    kind: 'Kind', all: 'All', hops: 'Hop {n}', partial: 'Partial answer: complete up to {depth} hops only ({reason}).', examples: 'Examples', open: 'Open',
    pick: 'Search for a node above to see what depends on it.',
    served: 'Downstream, {models} model versions and {prompts} prompt versions served {calls} LLM calls in the last {days} days ({errors} failed, {tokens} tokens, ${cost}).',
    trained: '{runs} runs downstream used {hours} GPU-hours.', noTraffic: 'No LLM traffic names a model or prompt version downstream in the last {days} days.',
  },
  {
    title: '{name} 的影响', total: '下游共 {n} 个节点', loading: '正在计算影响…', none: '此节点没有下游：修改它不会影响其他数据集、作业或模型。',
    kind: '类型', all: '合计', hops: '第 {n} 跳', partial: '部分结果：仅完整到 {depth} 跳（{reason}）。', examples: '示例', open: '打开',
    pick: '在上方搜索一个节点，查看依赖它的一切。',
    served: '下游的 {models} 个模型版本和 {prompts} 个提示词版本在最近 {days} 天内处理了 {calls} 次 LLM 调用（{errors} 次失败，{tokens} 个 token，${cost}）。',
    trained: '下游的 {runs} 个运行使用了 {hours} GPU 小时。', noTraffic: '最近 {days} 天内没有 LLM 调用指向下游的模型或提示词版本。',
  },
);

/** Everything downstream of the node: counts per kind and distance, and the first nodes of each group. */
export function ImpactView({ nodeId, asOf, onOpen }: { nodeId: string | null; asOf: string | null; onOpen: (id: string) => void }) {
  const t = useT(M);
  const { number } = useFormat();
  const { data, loading, error } = useQuery(ImpactDocument, nodeId ? { nodeId, depth: MAX_DEPTH, asOf } : null);
  const impact = data?.impact ?? null;
  if (!nodeId) return <p className="graph-empty">{t('pick')}</p>;
  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!impact) return <p className="muted pad" data-testid="impact-loading">{loading ? t('loading') : ''}</p>;
  const summary = summariseImpact(impact.groups);
  return (
    <section className="impact" data-testid="impact-view" aria-busy={loading}>
      <h2>{t('title', { name: impact.root.name })}</h2>
      <p data-testid="impact-total">{t('total', { n: number(impact.total, 0) })}</p>
      <Usage nodeId={nodeId} asOf={asOf} />
      {impact.isPartial && impact.cut && <div className="banner warning">{t('partial', { depth: impact.cut.depth, reason: impact.cut.reason })}</div>}
      {impact.total === 0 ? <p className="muted">{t('none')}</p> : (
        <table className="impact-table" data-testid="impact-table">
          <thead>
            <tr><th>{t('kind')}</th><th>{t('all')}</th>{summary.distances.map((d) => <th key={d}>{t('hops', { n: d })}</th>)}</tr>
          </thead>
          <tbody>
            {summary.byKind.map(({ kind, count }) => (
              <tr key={kind} data-testid={`impact-row-${kind}`}>
                <td><KindBadge kind={kind} /></td>
                <td className="num" data-testid="impact-count">{number(count, 0)}</td>
                {summary.distances.map((d) => <td key={d} className="num">{summary.matrix.get(kind)?.get(d) ?? ''}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {impact.groups.length > 0 && <h3>{t('examples')}</h3>}
      <ul className="impact-examples">
        {impact.groups.flatMap((g) => g.nodes.slice(0, 5).map(({ node }) => (
          <li key={`${g.distance}|${node.id}`}>
            <KindBadge kind={node.kind} /> <span className="suggestion-name">{node.name}</span>
            <span className="muted"> · {t('hops', { n: g.distance })}</span>
            <button type="button" className="link" onClick={() => onOpen(node.id)}>{t('open')}</button>
          </li>
        )))}
      </ul>
    </section>
  );
}

/** The traffic and GPU-hours behind what is downstream (ClickHouse), read after the counts. */
function Usage({ nodeId, asOf }: { nodeId: string; asOf: string | null }) {
  const t = useT(M);
  const { number } = useFormat();
  const { data } = useQuery(ImpactUsageDocument, { nodeId, depth: MAX_DEPTH, asOf });
  const u = data?.impact?.usage;
  if (!u) return null;
  return (
    <div className="impact-usage" data-testid="impact-usage">
      {u.modelVersions + u.promptVersions > 0 && (
        <p>{u.llmCalls > 0
          ? t('served', { models: u.modelVersions, prompts: u.promptVersions, calls: number(u.llmCalls, 0), days: u.windowDays, errors: number(u.llmErrors, 0), tokens: number(u.llmTokens, 0), cost: number(u.llmCostUsd, 2) })
          : t('noTraffic', { days: u.windowDays })}</p>
      )}
      {u.trainingRuns > 0 && <p>{t('trained', { runs: u.trainingRuns, hours: number(u.gpuHours, 2) })}</p>}
    </div>
  );
}
