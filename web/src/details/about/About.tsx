import { useState } from 'react';
import { DescribeNodeDocument, NodeAboutDocument, SetOwnersDocument } from '../../api/documents.js';
import { useMutation } from '../../api/useMutation.js';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { useCanWrite } from '../../ViewerBadge.js';

const M = defineMessages(
  {
    about: 'About', noDescription: 'No description.', owners: 'Owners', noOwners: 'No owners named.', edit: 'Edit', save: 'Save', cancel: 'Cancel',
    fromEmitter: 'as its emitter reports it', byWho: 'by {who}, {when}', ownersHint: 'Comma-separated: people, teams or URNs such as team:data. Empty: the emitter\'s again.',
    descriptionHint: 'Empty: the emitter\'s description again.',
  },
  {
    about: '简介', noDescription: '没有描述。', owners: '负责人', noOwners: '未指定负责人。', edit: '编辑', save: '保存', cancel: '取消',
    fromEmitter: '来自发送方', byWho: '{who}，{when}', ownersHint: '以逗号分隔：人员、团队或 URN（如 team:data）。留空则恢复发送方的。',
    descriptionHint: '留空则恢复发送方的描述。',
  },
);

/** A node's description and owners: a person's, else its emitter's; editors and admins change them. */
export function About({ nodeId }: { nodeId: string }) {
  const t = useT(M);
  const { dateTime } = useFormat();
  const canWrite = useCanWrite();
  const { data, error, reload } = useQuery(NodeAboutDocument, { id: nodeId });
  const [describe, describing] = useMutation(DescribeNodeDocument);
  const [setOwners, owning] = useMutation(SetOwnersDocument);
  const [editing, setEditing] = useState<null | 'description' | 'owners'>(null);
  const [draft, setDraft] = useState('');
  const node = data?.node && 'description' in data.node && data.node.id === nodeId ? data.node : null;
  if (!node) return error ? <p className="error" role="alert">{error}</p> : null;
  const origin = (x: { source: string; setBy?: { name?: string | null; role: string } | null; setAt?: string | null }) =>
    x.source === 'USER' && x.setAt ? t('byWho', { who: x.setBy?.name ?? x.setBy?.role ?? '', when: dateTime(x.setAt) }) : t('fromEmitter');

  const start = (what: 'description' | 'owners') => {
    setDraft(what === 'description' ? node.description?.text ?? '' : node.owners.items.map((o) => o.name).join(', '));
    setEditing(what);
  };
  const save = async () => {
    const done = editing === 'description'
      ? await describe({ id: nodeId, description: draft.trim() || null })
      : await setOwners({ id: nodeId, owners: draft.split(',').map((x) => x.trim()).filter(Boolean).map((name) => ({ name })) });
    if (done) {
      setEditing(null);
      reload();
    }
  };
  const failure = describing.error ?? owning.error;

  return (
    <section className="details-section about" data-testid="details-about">
      <h3>{t('about')}</h3>
      {editing === 'description' ? (
        <div className="about-edit">
          <textarea value={draft} onChange={(e) => setDraft(e.target.value)} rows={4} maxLength={10_000} data-testid="about-description-input" />
          <p className="muted small">{t('descriptionHint')}</p>
        </div>
      ) : (
        <p data-testid="about-description" className={node.description ? undefined : 'muted'} title={node.description ? origin(node.description) : undefined}>
          {node.description?.text ?? t('noDescription')}
          {canWrite && !editing && <button type="button" className="link small" onClick={() => start('description')} data-testid="about-edit-description"> {t('edit')}</button>}
        </p>
      )}
      <h4>{t('owners')}</h4>
      {editing === 'owners' ? (
        <div className="about-edit">
          <input value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="about-owners-input" />
          <p className="muted small">{t('ownersHint')}</p>
        </div>
      ) : (
        <p data-testid="about-owners" title={node.owners.items.length ? origin(node.owners) : undefined}>
          {node.owners.items.length === 0 ? <span className="muted">{t('noOwners')}</span>
            : node.owners.items.map((o) => <span key={o.name} className="chip owner-chip" title={o.type ?? undefined}>{o.name}</span>)}
          {canWrite && !editing && <button type="button" className="link small" onClick={() => start('owners')} data-testid="about-edit-owners"> {t('edit')}</button>}
        </p>
      )}
      {editing && (
        <div className="about-actions">
          <button type="button" onClick={() => void save()} disabled={describing.running || owning.running} data-testid="about-save">{t('save')}</button>
          <button type="button" onClick={() => setEditing(null)}>{t('cancel')}</button>
        </div>
      )}
      {failure && <p className="error" role="alert">{failure}</p>}
    </section>
  );
}
