import { defineMessages, useFormat, useT } from '../i18n/i18n.js';
import type { Grouping } from './autoGroup.js';
import { TimeTravel } from './TimeTravel.js';
import { MAX_DEPTH, MIN_DEPTH, type Direction, type ViewMode, type ViewState } from './viewState.js';

const M = defineMessages(
  {
    direction: 'Direction', both: 'Both ways', upstream: 'Upstream', downstream: 'Downstream', depth: 'Depth', view: 'View',
    graph: 'Graph', columns: 'Columns', impact: 'Impact', showAll: 'All of hubs',
    grouped: 'Group by namespace', groupedHint: 'Draw the nodes of one kind in one namespace (3 or more) as one cluster; tap a cluster to open it', regroup: 'Regroup ({n} open)', autoGrouped: 'Grouped by namespace: {n} nodes', autoGroupedHint: 'Large lineage is grouped automatically; untick to draw every node', showAllHint: 'Draw every neighbour of nodes with many, instead of a page and “N more”', viewHint: 'Graph: table-level lineage · Columns: field-level lineage · Impact: everything downstream',
  },
  {
    direction: '方向', both: '上下游', upstream: '上游', downstream: '下游', depth: '深度', view: '视图',
    graph: '图', columns: '字段', impact: '影响', showAll: '展开枢纽',
    grouped: '按命名空间分组', groupedHint: '把同一命名空间中同一类型的节点（3 个及以上）画成一个簇；点击簇将其展开', regroup: '重新分组（已展开 {n} 个）', autoGrouped: '已按命名空间分组：{n} 个节点', autoGroupedHint: '大型血缘会自动分组；取消勾选即可绘制全部节点', showAllHint: '绘制多邻居节点的全部邻居，而不是分页与“还有 N 个”', viewHint: '图：表级血缘 · 字段：字段级血缘 · 影响：所有下游',
  },
);

const DIRECTIONS: ReadonlyArray<{ value: Direction; key: 'both' | 'upstream' | 'downstream' }> = [
  { value: 'BOTH', key: 'both' }, { value: 'UPSTREAM', key: 'upstream' }, { value: 'DOWNSTREAM', key: 'downstream' },
];
const VIEWS: readonly ViewMode[] = ['graph', 'columns', 'impact'];
const DEPTHS = Array.from({ length: MAX_DEPTH - MIN_DEPTH + 1 }, (_, i) => MIN_DEPTH + i);

interface Props { state: ViewState; grouping: Grouping; onChange: (changes: Partial<ViewState>) => void }

/** Direction, depth, view mode and date of the lineage shown; every change lands in the URL. */
export function LineageControls({ state, grouping, onChange }: Props) {
  const t = useT(M);
  const { number } = useFormat();
  const graph = state.view === 'graph';
  return (
    <div className="lineage-controls">
      <div className="segmented" role="group" aria-label={t('view')} title={t('viewHint')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" className={state.view === v ? 'active' : undefined} aria-pressed={state.view === v}
            onClick={() => onChange({ view: v })} data-testid={`view-${v}`}>
            {t(v)}
          </button>
        ))}
      </div>
      <label>
        {t('direction')}
        <select value={state.direction} disabled={state.view === 'impact'} onChange={(e) => onChange({ direction: e.target.value as Direction })} data-testid="direction-select">
          {DIRECTIONS.map((d) => <option key={d.value} value={d.value}>{t(d.key)}</option>)}
        </select>
      </label>
      <label>
        {t('depth')}
        <select value={state.depth} disabled={state.view === 'impact'} onChange={(e) => onChange({ depth: Number(e.target.value) })} data-testid="depth-select">
          {DEPTHS.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
      </label>
      <label title={t('showAllHint')}>
        <input type="checkbox" checked={state.showAll} disabled={state.view !== 'graph'} onChange={(e) => onChange({ showAll: e.target.checked })} data-testid="show-all" />
        {t('showAll')}
      </label>
      <label title={t('groupedHint')}>
        <input type="checkbox" checked={grouping.grouped} disabled={!graph} onChange={(e) => onChange({ grouped: e.target.checked })} data-testid="group-by-namespace" />
        {t('grouped')}
      </label>
      {graph && grouping.auto !== null && (
        <span className="auto-grouped" title={t('autoGroupedHint')} data-testid="auto-grouped">{t('autoGrouped', { n: number(grouping.auto, 0) })}</span>
      )}
      {grouping.grouped && state.opened.length > 0 && graph && (
        <button type="button" className="small" onClick={() => onChange({ opened: [] })} data-testid="regroup">{t('regroup', { n: state.opened.length })}</button>
      )}
      <TimeTravel asOf={state.asOf} onChange={(asOf) => onChange({ asOf })} />
    </div>
  );
}
