import { useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import type { RegisteredModelQuery } from '../../gql/graphql.js';
import { DeleteModelAliasDocument, SetModelAliasDocument } from './documents.js';
import { GateResults } from './Gates.js';
import { latestRejection, maxSeq } from './model-view.js';
import { ErrorNote } from './ui.js';

type Model = NonNullable<RegisteredModelQuery['registeredModel']>;

const M = defineMessages(
  {
    title: 'Aliases', alias: 'Alias (e.g. champion)', reason: 'Reason', submit: 'Point alias at v{version}', running: 'Saving…',
    moved: '@{alias} now points at v{version}.', removed: '@{alias} was removed.', remove: 'Remove @{alias}', here: 'Aliases on v{version}:', none: 'none',
    blocked: 'The alias move was blocked by the gates:', pick: 'Pick an existing alias to move it here, or type a new one.',
  },
  {
    title: '别名', alias: '别名（如 champion）', reason: '原因', submit: '将别名指向 v{version}', running: '保存中…',
    moved: '@{alias} 现在指向 v{version}。', removed: '@{alias} 已删除。', remove: '删除 @{alias}', here: 'v{version} 的别名：', none: '无',
    blocked: '别名移动被门禁阻止：', pick: '选择一个已有别名移到此版本，或输入新别名。',
  },
);

/** Set or move an alias to one version, or remove an alias it holds. */
export function AliasPanel({ model, version, onChanged }: { model: Model; version: number; onChanged: () => void }) {
  const t = useT(M);
  const [alias, setAlias] = useState('');
  const [reason, setReason] = useState('');
  const [seqBefore, setSeqBefore] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [setRun, setState, resetSet] = useMutation(SetModelAliasDocument);
  const [deleteRun, deleteState, resetDelete] = useMutation(DeleteModelAliasDocument);
  const failure = setState.error ? setState : deleteState.error ? deleteState : null;
  const rejection = setState.error && seqBefore !== null ? latestRejection(model.history, version, ['ALIAS_SET'], seqBefore) : null;
  const here = model.aliases.filter((a) => a.version === version);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = alias.trim();
    setSeqBefore(maxSeq(model.history));
    setMessage(null);
    resetDelete();
    const done = await setRun({ input: { name: model.name, alias: name, version, reason: reason.trim() || null } });
    if (done) {
      setMessage(t('moved', { alias: name, version }));
      setAlias('');
      setReason('');
    }
    onChanged();
  };
  const remove = async (name: string) => {
    setMessage(null);
    resetSet();
    if (await deleteRun({ input: { name: model.name, alias: name, reason: reason.trim() || null } })) setMessage(t('removed', { alias: name }));
    onChanged();
  };

  return (
    <form className="form" onSubmit={submit} data-testid="alias-form">
      <h3>{t('title')}</h3>
      <p className="hint">
        {t('here', { version })}{' '}
        {here.length === 0 ? t('none') : here.map((a) => (
          <button key={a.alias} type="button" className="btn secondary small" onClick={() => remove(a.alias)} data-testid={`alias-remove-${a.alias}`}>{t('remove', { alias: a.alias })}</button>
        ))}
      </p>
      <label>
        {t('alias')}
        <input type="text" list="model-aliases" value={alias} onChange={(e) => setAlias(e.target.value)} data-testid="alias-input" placeholder={t('pick')} />
        <datalist id="model-aliases">{model.aliases.map((a) => <option key={a.alias} value={a.alias}>v{a.version}</option>)}</datalist>
      </label>
      <label>
        {t('reason')}
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="alias-reason" />
      </label>
      <div>
        <button type="submit" className="btn" disabled={setState.running || !alias.trim()} data-testid="alias-submit">{setState.running ? t('running') : t('submit', { version })}</button>
      </div>
      {message && <p className="note ok-note" data-testid="alias-ok">{message}</p>}
      {failure?.error && <ErrorNote message={failure.error} code={failure.code} testId="alias-error" />}
      {rejection && rejection.gates.length > 0 && (
        <div data-testid="alias-gates"><p className="hint">{t('blocked')}</p><GateResults gates={rejection.gates} /></div>
      )}
    </form>
  );
}
