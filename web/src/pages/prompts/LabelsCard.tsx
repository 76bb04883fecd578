import { useState, type FormEvent } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { ErrorNote, When } from '../models/ui.js';
import { PromptByLabelDocument } from './documents.js';

const M = defineMessages(
  {
    title: 'Labels', since: 'since', fetch: 'Fetch by label', label: 'Label', go: 'Fetch', result: '“{label}” serves v{version}', open: 'Open v{version}',
    none: 'No labels.', loading: 'Fetching…',
  },
  {
    title: '标签', since: '自', fetch: '按标签获取', label: '标签', go: '获取', result: '“{label}” 对应 v{version}', open: '打开 v{version}',
    none: '没有标签。', loading: '获取中…',
  },
);

/** Where each label points, and "which version does label X serve?" answered by the API (as a client would ask). */
export function LabelsCard({ name, labels, onOpen }: { name: string; labels: ReadonlyArray<{ label: string; version: number; since: string }>; onOpen: (version: number) => void }) {
  const t = useT(M);
  const [draft, setDraft] = useState(labels.find((l) => l.label === 'production')?.label ?? labels[0]?.label ?? '');
  const [asked, setAsked] = useState<string | null>(null);
  const { data, loading, error } = useQuery(PromptByLabelDocument, asked ? { name, label: asked } : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(draft.trim() || null);
  };
  return (
    <section className="card" data-testid="labels-card">
      <h2>{t('title')}</h2>
      {labels.length === 0 ? <p className="muted hint">{t('none')}</p> : (
        <dl className="kv">
          {labels.map((l) => (
            <div key={l.label} style={{ display: 'contents' }}>
              <dt><span className="badge label">{l.label}</span></dt>
              <dd>v{l.version} <span className="muted">{t('since')} <When iso={l.since} /></span></dd>
            </div>
          ))}
        </dl>
      )}
      <h3>{t('fetch')}</h3>
      <form className="inline-form" onSubmit={submit}>
        <label>{t('label')}
          <input list="prompt-labels" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="label-input" />
          <datalist id="prompt-labels">{labels.map((l) => <option key={l.label} value={l.label} />)}</datalist>
        </label>
        <button type="submit" className="btn secondary" data-testid="label-fetch">{t('go')}</button>
      </form>
      {loading && <p className="muted hint">{t('loading')}</p>}
      {error && <ErrorNote message={error} testId="label-error" />}
      {asked && data && !loading && (
        <p className="note info-note" data-testid="label-result">
          {t('result', { label: asked, version: data.promptVersion.version })}
          {data.promptVersion.commitMessage && <span className="muted"> — {data.promptVersion.commitMessage}</span>}
          <button type="button" className="btn small" onClick={() => onOpen(data.promptVersion.version)}>{t('open', { version: data.promptVersion.version })}</button>
        </p>
      )}
    </section>
  );
}
