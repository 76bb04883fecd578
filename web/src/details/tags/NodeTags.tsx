import { useState, type FormEvent } from 'react';
import { NodeTagsDocument, TagNodeDocument, UntagNodeDocument } from '../../api/documents.js';
import { useMutation } from '../../api/useMutation.js';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { useCanWrite } from '../../ViewerBadge.js';

/** Kinds that carry tags (the server's TAGGABLE_KINDS). */
export const TAGGABLE = new Set([
  'Namespace', 'Dataset', 'DatasetVersion', 'Field', 'Job', 'JobVersion', 'Run', 'Experiment', 'Model', 'ModelVersion',
  'FeatureGroup', 'Feature', 'Prompt', 'PromptVersion', 'Evaluation', 'Trace',
]);

const M = defineMessages(
  {
    tags: 'Tags', none: 'No tags.', add: 'Add tag', placeholder: 'e.g. PII', remove: 'Take {tag} off',
    by: '{source}, {when}', byWho: '{who} ({role}), {when}',
  },
  {
    tags: '标签', none: '没有标签。', add: '添加标签', placeholder: '例如 PII', remove: '移除 {tag}',
    by: '{source}，{when}', byWho: '{who}（{role}），{when}',
  },
);

/** The tags a node carries; editors and admins put tags on (a new name creates the tag) and take them off. */
export function NodeTags({ nodeId, onOpen }: { nodeId: string; onOpen: (id: string) => void }) {
  const t = useT(M);
  const { dateTime } = useFormat();
  const canWrite = useCanWrite();
  const { data, error, reload } = useQuery(NodeTagsDocument, { id: nodeId });
  const [tag, tagState] = useMutation(TagNodeDocument);
  const [untag, untagState] = useMutation(UntagNodeDocument);
  const [name, setName] = useState('');
  const tags = data?.node && 'tags' in data.node && data.node.id === nodeId ? data.node.tags : null;
  const known = data?.tags.items.map((x) => x.name) ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    if (await tag({ id: nodeId, tag: trimmed })) {
      setName('');
      reload();
    }
  };
  const remove = async (tagName: string) => {
    if (await untag({ id: nodeId, tag: tagName })) reload();
  };
  const failure = tagState.error ?? untagState.error ?? error;

  return (
    <section className="details-section" data-testid="details-tags">
      <h3>{t('tags')}{tags && <span className="count"> {tags.length}</span>}</h3>
      {tags && tags.length === 0 && <p className="muted">{t('none')}</p>}
      {tags && tags.length > 0 && (
        <ul className="chips tag-chips">
          {tags.map((x) => (
            <li key={x.name} className="chip tag-chip" data-testid="details-tag"
              title={x.actor ? t('byWho', { who: x.actor.name ?? x.source, role: x.actor.role, when: dateTime(x.at) }) : t('by', { source: x.source, when: dateTime(x.at) })}>
              <button type="button" className="link" onClick={() => onOpen(`tag:registry:${x.name}`)}>{x.name}</button>
              {canWrite && (
                <button type="button" className="link remove" aria-label={t('remove', { tag: x.name })} data-testid="details-tag-remove"
                  disabled={untagState.running} onClick={() => void remove(x.name)}>×</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form className="tag-form" onSubmit={(e) => void submit(e)}>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('placeholder')} list={`tags-${nodeId}`}
            aria-label={t('add')} data-testid="details-tag-input" maxLength={100} />
          <datalist id={`tags-${nodeId}`}>{known.map((k) => <option key={k} value={k} />)}</datalist>
          <button type="submit" disabled={tagState.running || !name.trim()} data-testid="details-tag-add">{t('add')}</button>
        </form>
      )}
      {failure && <p className="error" role="alert">{failure}</p>}
    </section>
  );
}
