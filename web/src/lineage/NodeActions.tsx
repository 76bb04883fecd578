import { defineMessages, useT } from '../i18n/i18n.js';
import type { HopDirection } from './explore.js';

const M = defineMessages(
  {
    actions: 'Actions on the selected node', expandUp: '← Expand upstream', expandDown: 'Expand downstream →', pagedHint: 'Its "N more" node on the map shows the rest, a page at a time', collapse: 'Collapse',
    collapseHint: 'Remove what expanding this node added', columns: 'Columns', columnsHint: 'Field-level lineage of this dataset',
    columnsHintJob: 'Field-level lineage of the datasets this job writes',
    impact: 'Impact', focus: 'Open lineage from here', pick: 'Select a node to expand it one hop upstream or downstream.',
  },
  {
    actions: '对所选节点的操作', expandUp: '← 展开上游', expandDown: '展开下游 →', pagedHint: '地图上它的“还有 N 个”节点逐页显示其余的', collapse: '收起',
    collapseHint: '移除展开此节点时添加的节点', columns: '字段', columnsHint: '该数据集的字段级血缘',
    columnsHintJob: '该作业写入的数据集的字段级血缘',
    impact: '影响', focus: '从此节点打开血缘', pick: '选择一个节点，可向上游或下游逐跳展开。',
  },
);

/** Kinds with field-level lineage: a field, a dataset's fields (feature groups and models are datasets too), the fields of what a job writes. */
const COLUMN_KINDS = new Set(['Dataset', 'FeatureGroup', 'Model', 'Field', 'Job']);

interface Props {
  node: { id: string; kind: string } | null;
  isRoot: boolean;
  canExpand: boolean;
  expanded: { UPSTREAM: boolean; DOWNSTREAM: boolean };
  /** Sides whose neighbours a hub's "N more" node already pages: expanding them too drew a second one. */
  paged?: { UPSTREAM: boolean; DOWNSTREAM: boolean };
  onExpand: (direction: HopDirection) => void;
  onCollapse: () => void;
  onColumns: () => void;
  onImpact: () => void;
  onFocus: () => void;
}

/** Expand / collapse one hop at a time from any node, and jump to its column or impact view. */
export function NodeActions({ node, isRoot, canExpand, expanded, paged = { UPSTREAM: false, DOWNSTREAM: false }, onExpand, onCollapse, onColumns, onImpact, onFocus }: Props) {
  const t = useT(M);
  if (!node) return <span className="muted small">{t('pick')}</span>;
  return (
    <div className="node-actions" role="group" aria-label={t('actions')} data-testid="node-actions">
      {canExpand && (
        <>
          <button type="button" disabled={expanded.UPSTREAM || paged.UPSTREAM} title={paged.UPSTREAM ? t('pagedHint') : undefined} onClick={() => onExpand('UPSTREAM')} data-testid="expand-upstream">{t('expandUp')}</button>
          <button type="button" disabled={expanded.DOWNSTREAM || paged.DOWNSTREAM} title={paged.DOWNSTREAM ? t('pagedHint') : undefined} onClick={() => onExpand('DOWNSTREAM')} data-testid="expand-downstream">{t('expandDown')}</button>
          <button type="button" disabled={!expanded.UPSTREAM && !expanded.DOWNSTREAM} title={t('collapseHint')} onClick={onCollapse} data-testid="collapse">{t('collapse')}</button>
        </>
      )}
      {COLUMN_KINDS.has(node.kind) && (
        <button type="button" title={t(node.kind === 'Job' ? 'columnsHintJob' : 'columnsHint')} onClick={onColumns} data-testid="open-columns">{t('columns')}</button>
      )}
      <button type="button" onClick={onImpact} data-testid="open-impact">{t('impact')}</button>
      {!isRoot && <button type="button" onClick={onFocus} data-testid="focus-node">{t('focus')}</button>}
    </div>
  );
}
