import { useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { ErrorNote } from '../models/ui.js';
import { RemovePromptLabelDocument, SetPromptLabelDocument } from './documents.js';

const M = defineMessages(
  {
    title: 'Labels', label: 'Label (e.g. production)', reason: 'Reason', submit: 'Point label at v{version}', saving: 'Saving…',
    moved: '“{label}” now serves v{version}.', removed: '“{label}” was removed.', remove: 'Remove “{label}”', here: 'Labels on v{version}:', none: 'none',
    hint: '`latest` always follows the newest version. Moving `production` needs the admin role.',
  },
  {
    title: '标签', label: '标签（如 production）', reason: '原因', submit: '将标签指向 v{version}', saving: '保存中…',
    moved: '“{label}” 现在对应 v{version}。', removed: '“{label}” 已删除。', remove: '删除“{label}”', here: 'v{version} 的标签：', none: '无',
    hint: '`latest` 总是指向最新版本。移动 `production` 需要管理员角色。',
  },
);

/** Move a label to one version, or remove a label it holds (recorded in the label history). */
export function LabelForm({ name, version, labels, known, onChanged }: { name: string; version: number; labels: ReadonlyArray<string>; known: ReadonlyArray<string>; onChanged: () => void }) {
  const t = useT(M);
  const [label, setLabel] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [setRun, setState, resetSet] = useMutation(SetPromptLabelDocument);
  const [removeRun, removeState, resetRemove] = useMutation(RemovePromptLabelDocument);
  const failure = setState.error ? setState : removeState.error ? removeState : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = label.trim();
    setMessage(null);
    resetRemove();
    if (await setRun({ input: { name, label: wanted, version, reason: reason.trim() || null } })) {
      setMessage(t('moved', { label: wanted, version }));
      setLabel('');
      setReason('');
      onChanged();
    }
  };
  const remove = async (wanted: string) => {
    setMessage(null);
    resetSet();
    if (await removeRun({ input: { name, label: wanted, reason: reason.trim() || null } })) {
      setMessage(t('removed', { label: wanted }));
      onChanged();
    }
  };

  return (
    <form className="form" onSubmit={submit} data-testid="label-form">
      <h3>{t('title')}</h3>
      <p className="hint">
        {t('here', { version })}{' '}
        {labels.filter((l) => l !== 'latest').length === 0 ? t('none') : labels.filter((l) => l !== 'latest').map((l) => (
          <button key={l} type="button" className="btn secondary small" onClick={() => remove(l)} data-testid={`label-remove-${l}`}>{t('remove', { label: l })}</button>
        ))}
      </p>
      <div className="inline-form">
        <label>{t('label')}
          <input list="prompt-known-labels" value={label} onChange={(e) => setLabel(e.target.value)} data-testid="label-set-input" />
          <datalist id="prompt-known-labels">{known.filter((l) => l !== 'latest').map((l) => <option key={l} value={l} />)}</datalist>
        </label>
        <label>{t('reason')}<input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="label-set-reason" /></label>
        <button type="submit" className="btn" disabled={setState.running || !label.trim()} data-testid="label-set-submit">{setState.running ? t('saving') : t('submit', { version })}</button>
      </div>
      <p className="hint">{t('hint')}</p>
      {message && <p className="note ok-note" data-testid="label-set-ok">{message}</p>}
      {failure?.error && <ErrorNote message={failure.error} code={failure.code} testId="label-set-error" />}
    </form>
  );
}
