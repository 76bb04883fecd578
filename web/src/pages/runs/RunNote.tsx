/** A run's note, editable in place (setRunNote); server errors (e.g. FORBIDDEN for viewers) shown as they come. */
import { useState } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { useT } from '../../i18n/i18n.js';
import { SetRunNoteDocument } from './documents.js';
import { M } from './messages.js';

export function RunNote({ runId, note }: { runId: string; note: string | null }) {
  const t = useT(M);
  const [current, setCurrent] = useState(note);
  const [draft, setDraft] = useState<string | null>(null);
  const [save, state] = useMutation(SetRunNoteDocument);
  const submit = async () => {
    const res = await save({ runId, note: draft ?? '' });
    if (res) {
      setCurrent(res.setRunNote.note ?? null);
      setDraft(null);
    }
  };
  return (
    <section className="card" data-testid="run-note">
      <div className="row"><h3>{t('note')}</h3>{draft === null && <button type="button" className="small" data-testid="run-note-edit" onClick={() => setDraft(current ?? '')}>{t('editNote')}</button>}</div>
      {draft === null ? (
        current ? <p className="note">{current}</p> : <p className="muted">{t('noNote')}</p>
      ) : (
        <div className="stack-sm">
          <textarea rows={4} value={draft} data-testid="run-note-input" onChange={(e) => setDraft(e.target.value)} aria-label={t('note')} />
          <div className="row">
            <button type="button" className="primary" data-testid="run-note-save" disabled={state.running} onClick={submit}>{t('saveNote')}</button>
            <button type="button" onClick={() => setDraft(null)}>{t('cancel')}</button>
          </div>
        </div>
      )}
      {state.error && <p className="error" role="alert">{state.code ? `${state.code}: ` : ''}{state.error}</p>}
    </section>
  );
}
