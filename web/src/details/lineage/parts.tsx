/** Small building blocks of the lineage details sections. */
import type { ReactNode } from 'react';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { KindBadge } from '../../KindBadge.js';
import type { RelNode } from '../relations.js';

export const M = defineMessages(
  {
    loading: 'Loading…', fields: 'Schema fields', noFields: 'No schema: the producer sent no schema facet.', dropped: 'dropped', droppedField: "Dropped from its writers' schema on {when}", back: 'added back', backField: "Dropped from its writers' schema and added back: {spans}", backSpan: 'gone {from} – {to}', versions: 'Versions', noVersions: 'No versions recorded yet.',
    facets: 'Facets', noFacets: 'No facets.', quality: 'Quality results', noQuality: 'No data quality facets on this dataset or its versions.',
    runs: 'Runs', noRuns: 'No runs recorded.', inputs: 'Reads', outputs: 'Writes', none: 'None.', dataset: 'Dataset', job: 'Job',
    derivedFrom: 'Derived from', derives: 'Feeds', noDerivation: 'No field-level lineage for this field.', open: 'Open lineage',
    passed: 'passed', failed: 'failed', masked: 'masked', read: 'read', wrote: 'wrote', ran: 'ran this version', of: 'run',
    type: 'Type', more: 'Showing the first {n} of {total} related nodes.', listsCut: 'Each list shows its first {n}; the counts are of all of them.', columnView: 'Field-level lineage', state: 'State',
    START: 'START', RUNNING: 'RUNNING', COMPLETE: 'COMPLETE', FAIL: 'FAIL', ABORT: 'ABORT', OTHER: 'OTHER',
  },
  {
    loading: '加载中…', fields: 'Schema 字段', noFields: '没有 schema：生产者未发送 schema facet。', dropped: '已删除', droppedField: '已于 {when} 从写入方的 schema 中删除', back: '已恢复', backField: '曾从写入方的 schema 中删除后又加回：{spans}', backSpan: '{from} – {to} 期间缺失', versions: '版本', noVersions: '尚无版本记录。',
    facets: 'Facets', noFacets: '没有 facet。', quality: '质量结果', noQuality: '该数据集及其版本没有数据质量 facet。',
    runs: '运行', noRuns: '没有运行记录。', inputs: '读取', outputs: '写入', none: '无。', dataset: '数据集', job: '作业',
    derivedFrom: '来源字段', derives: '下游字段', noDerivation: '该字段没有字段级血缘。', open: '打开血缘',
    passed: '通过', failed: '失败', masked: '已脱敏', read: '读取', wrote: '写入', ran: '运行了此版本', of: '运行',
    type: '类型', more: '显示 {total} 个相关节点中的前 {n} 个。', listsCut: '每个列表显示前 {n} 个；计数为全部。', columnView: '字段级血缘', state: '状态',
    START: '已开始', RUNNING: '运行中', COMPLETE: '已完成', FAIL: '失败', ABORT: '已中止', OTHER: '其他',
  },
);

export function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId?: string }) {
  return (
    <section className="details-section" data-testid={testId}>
      <h3>{title}{count !== undefined && <span className="count"> {count}</span>}</h3>
      {children}
    </section>
  );
}

/**
 * A section that reads its own list: its count once read, the error, "loading" until the first answer,
 * `empty` when the list is empty, else its items.
 */
export function ListSection({ title, testId, count, error, loading, list, empty, children }: {
  title: string; testId: string; count: number | null; error: string | null; loading: boolean; list: readonly unknown[] | null; empty: string; children: ReactNode;
}) {
  const t = useT(M);
  return (
    <section className="details-section" data-testid={testId}>
      <h3>{title}{count !== null && <span className="count"> {count}</span>}</h3>
      {error && <p className="error" role="alert">{error}</p>}
      {!list && loading && <p className="muted">{t('loading')}</p>}
      {list && list.length === 0 && <p className="muted">{empty}</p>}
      {list && list.length > 0 && children}
    </section>
  );
}

/** A list of nodes; each opens its lineage. */
export function NodeList({ nodes, empty, onOpen, extra }: { nodes: RelNode[]; empty: string; onOpen: (id: string) => void; extra?: (n: RelNode) => ReactNode }) {
  const { dateTime } = useFormat();
  if (nodes.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="rel-list">
      {nodes.map((n) => (
        <li key={n.id}>
          <KindBadge kind={n.kind} />
          <button type="button" className="link" title={n.id} onClick={() => onOpen(n.id)}>{n.name}</button>
          {extra?.(n)}
          <time className="muted small" dateTime={n.createdAt}> {dateTime(n.createdAt)}</time>
        </li>
      ))}
    </ul>
  );
}

export function Loading() {
  const t = useT(M);
  return <p className="muted">{t('loading')}</p>;
}
