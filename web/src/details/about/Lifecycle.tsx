import { DeleteNodeDocument, RestoreNodeDocument } from '../../api/documents.js';
import { useMutation } from '../../api/useMutation.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { useCanWrite } from '../../ViewerBadge.js';

/** What can be deleted (softly, as Marquez does): the server's DELETABLE. */
export const DELETABLE = new Set(['Dataset', 'Job', 'Namespace']);

const M = defineMessages(
  {
    ended: 'Ended {when}: left out of lists, search and lineage; an event newer than that brings it back.',
    gone: 'Gone from {from} to {to}: dropped, then created again (left out of lineage as of a time in between).',
    delete: 'Delete', restore: 'Restore',
    confirm: 'Delete {name}? It is left out of lists, search and lineage until an event newer than now names it again, and stays visible as of earlier times.',
    confirmNamespace: 'Delete namespace {name} with every dataset and job in it? They stay visible as of earlier times.',
  },
  {
    ended: '已于 {when} 结束：不在列表、搜索和血缘中显示；晚于该时间的事件会使其恢复。',
    gone: '{from} 至 {to} 期间不存在：被删除后又重新创建（按其间的时间查看血缘时不显示）。',
    delete: '删除', restore: '恢复',
    confirm: '删除 {name}？在有晚于现在的事件再次提到它之前，它不会出现在列表、搜索和血缘中；按更早的时间查看仍可见。',
    confirmNamespace: '删除命名空间 {name} 及其中所有数据集和作业？按更早的时间查看仍可见。',
  },
);

/** A node's end of validity and the times it was gone, and for editors: delete (soft) or restore a dataset, job or namespace. */
export function Lifecycle({ node, onChanged }: { node: { id: string; kind: string; name: string; validTo?: string | null; gaps?: readonly { from: string; to: string }[] }; onChanged: () => void }) {
  const t = useT(M);
  const { dateTime } = useFormat();
  const canWrite = useCanWrite();
  const [remove, removing] = useMutation(DeleteNodeDocument);
  const [restore, restoring] = useMutation(RestoreNodeDocument);
  const deletable = DELETABLE.has(node.kind) && canWrite;
  const gaps = node.gaps ?? [];
  if (!node.validTo && !deletable && !gaps.length) return null;
  const del = async () => {
    if (!window.confirm(t(node.kind === 'Namespace' ? 'confirmNamespace' : 'confirm', { name: node.name }))) return;
    if (await remove({ id: node.id })) onChanged();
  };
  const back = async () => {
    if (await restore({ id: node.id })) onChanged();
  };
  return (
    <div className="lifecycle" data-testid="details-lifecycle">
      {gaps.map((g) => <p key={g.from} className="muted" data-testid="details-gone">{t('gone', { from: dateTime(g.from), to: dateTime(g.to) })}</p>)}
      {node.validTo && <p className="warning" data-testid="details-ended">{t('ended', { when: dateTime(node.validTo) })}</p>}
      {deletable && !node.validTo && <button type="button" className="danger" onClick={() => void del()} disabled={removing.running} data-testid="details-delete">{t('delete')}</button>}
      {deletable && node.validTo && <button type="button" onClick={() => void back()} disabled={restoring.running} data-testid="details-restore">{t('restore')}</button>}
      {(removing.error ?? restoring.error) && <p className="error" role="alert">{removing.error ?? restoring.error}</p>}
    </div>
  );
}
