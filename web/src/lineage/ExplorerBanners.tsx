import { defineMessages, useFormat, useT } from '../i18n/i18n.js';
import type { ExplorerGraph } from './useExplorerGraph.js';
import { COLUMN_LIMIT, LINEAGE_LIMIT } from './useExplorerGraph.js';
import type { ViewState } from './viewState.js';
import { goneAt } from './validity.js';

const M = defineMessages(
  {
    loading: 'Loading lineage…', deadline: 'The lineage took too long: complete up to {depth} hops only. Lower the depth or pick a direction.',
    limit: 'Showing the first {limit} nodes only (complete up to {depth} hops): the lineage is larger. Lower the depth or pick a direction.',
    notFound: 'No node with id {id}{when}. Search for another one.', when: ' on {date}',
    empty: 'Search for a dataset, job, model, feature or prompt to see its lineage.',
    noColumns: 'No field-level lineage here: the dataset has no schema fields, or none is derived from another field. Switch back to Graph.',
    lone: 'This node has no lineage in this direction{when}. Try "Both ways", a larger depth or another date.',
    gone: '{name} did not exist{when}: dropped on {from}, created again on {to}. Pick a date outside that time to see its lineage.',
    ended: '{name} did not exist{when}: dropped on {from}. Pick an earlier date to see its lineage.',
  },
  {
    loading: '正在加载血缘…', deadline: '血缘查询超时：仅完整到 {depth} 跳。请降低深度或选择一个方向。',
    limit: '仅显示前 {limit} 个节点（完整到 {depth} 跳）：血缘更大。请降低深度或选择一个方向。',
    notFound: '没有 id 为 {id} 的节点{when}。请搜索其他节点。', when: '（{date}）',
    empty: '搜索数据集、作业、模型、特征或提示词以查看其血缘。',
    noColumns: '这里没有字段级血缘：该数据集没有 schema 字段，或没有字段来自其他字段。请切回“图”。',
    lone: '此节点在该方向上没有血缘{when}。试试“上下游”、更大的深度或其他日期。',
    gone: '{name}{when}不存在：于 {from} 被删除，{to} 重新创建。请选择该时段之外的日期查看其血缘。',
    ended: '{name}{when}不存在：于 {from} 被删除。请选择更早的日期查看其血缘。',
  },
);

/** Loading, partial-answer, not-found, gone and empty-state messages over the graph. */
export function ExplorerBanners({ state, graph }: { state: ViewState; graph: ExplorerGraph }) {
  const t = useT(M);
  const { dateTime } = useFormat();
  const when = state.asOf ? t('when', { date: dateTime(state.asOf) }) : '';
  const result = graph.result;
  const gone = result && !graph.loading ? goneAt(result.root, state.asOf) : null;
  const lone = result && !graph.loading && !gone && (graph.merged?.nodes.length ?? 0) === 0;
  return (
    <>
      <div className="banners">
        {graph.loading && <div className="banner info" data-testid="loading">{t('loading')}</div>}
        {graph.error && <div className="banner error" role="alert" data-testid="graph-error">{graph.error}</div>}
        {result?.isPartial && (
          <div className="banner warning" data-testid="truncated-banner">
            {result.cut?.reason === 'DEADLINE'
              ? t('deadline', { depth: result.cut.depth })
              : t('limit', { limit: state.view === 'columns' ? COLUMN_LIMIT : LINEAGE_LIMIT, depth: result.cut?.depth ?? 0 })}
          </div>
        )}
        {graph.notFound && <div className="banner error" role="alert" data-testid="not-found">{t('notFound', { id: state.node ?? '', when })}</div>}
        {gone && (
          <div className="banner info" data-testid="gone-banner">
            {gone.to
              ? t('gone', { name: result!.root.name, when, from: dateTime(gone.from), to: dateTime(gone.to) })
              : t('ended', { name: result!.root.name, when, from: dateTime(gone.from) })}
          </div>
        )}
        {lone && <div className="banner info" data-testid="lone-node">{state.view === 'columns' ? t('noColumns') : t('lone', { when })}</div>}
      </div>
      {!state.node && <p className="graph-empty" data-testid="graph-empty">{t('empty')}</p>}
    </>
  );
}
