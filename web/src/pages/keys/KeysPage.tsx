/**
 * /keys: the tenant's API keys, for its admins. Create one (it is shown once, with a copy button),
 * see who created each and when, revoke one (confirmed; revoking this browser's own key signs it out
 * at its next request). An editor key may be limited to namespaces. `?revoked=1` lists revoked keys too.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { useQuery, type QueryState } from '../../api/useQuery.js';
import type { ApiKeysQuery } from '../../gql/graphql.js';
import { useIsAdmin, useViewer } from '../../ViewerBadge.js';
import { useQueryParams } from '../../shell/router.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from './documents.js';
import { M } from './messages.js';
import { NAMESPACES_HINT_ID, NamespacesField } from './NamespacesField.js';
import { parseNamespaces } from './namespaces.js';
import '../runs/tracking.css';

const ROLES = ['viewer', 'editor', 'admin'] as const;
const EXPIRIES = [0, 30, 90, 365] as const;
const NO_VARIABLES = {};

export function KeysPage() {
  const t = useT(M);
  const viewer = useViewer();
  const isAdmin = useIsAdmin();
  return (
    <div className="tracking-page keys-page">
      <h1 data-testid="page-heading">{t('title')}</h1>
      {viewer && <p className="muted">{t('intro', { tenant: viewer.tenant })}</p>}
      {viewer && !isAdmin && <p className="card" data-testid="keys-admins-only">{t('adminsOnly')}</p>}
      {isAdmin && <KeyManager />}
    </div>
  );
}

function KeyManager() {
  const keys = useQuery(ApiKeysDocument, NO_VARIABLES);
  return (
    <>
      <CreateKey onCreated={keys.reload} />
      <KeyList keys={keys} />
    </>
  );
}

function CreateKey({ onCreated }: { onCreated: () => void }) {
  const t = useT(M);
  const [name, setName] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('viewer');
  const [days, setDays] = useState<number>(0);
  const [namespaces, setNamespaces] = useState('');
  const [create, state, reset] = useMutation(CreateApiKeyDocument);
  const [copied, setCopied] = useState(false);
  const keyField = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    const limited = role === 'editor' ? parseNamespaces(namespaces) : [];
    if (await create({ role, name: name.trim() || null, expiresInDays: days || null, ...(limited.length ? { namespaces: limited } : {}) })) {
      setName('');
      setNamespaces('');
      onCreated();
    }
  };
  const copy = async () => {
    keyField.current?.select();
    try {
      await navigator.clipboard.writeText(state.data!.createApiKey.key);
      setCopied(true);
    } catch {
      document.execCommand?.('copy'); // no clipboard permission: the key is selected for the user to copy
    }
  };
  const created = state.data?.createApiKey;
  return (
    <section className="card stack-sm">
      <h3>{t('create')}</h3>
      <form className="row" onSubmit={submit} data-testid="key-create-form">
        <div className="field">
          <label htmlFor="key-name">{t('name')}</label>
          <input id="key-name" data-testid="key-name" value={name} maxLength={200} placeholder={t('namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="key-role">{t('role')}</label>
          <select id="key-role" data-testid="key-role" value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`${r}Hint`)}</option>)}
          </select>
        </div>
        {role === 'editor' && <NamespacesField value={namespaces} onChange={setNamespaces} invalid={!!state.field?.startsWith('namespaces')} />}
        <div className="field">
          <label htmlFor="key-expiry">{t('expiry')}</label>
          <select id="key-expiry" data-testid="key-expiry" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {EXPIRIES.map((d) => <option key={d} value={d}>{d ? t('days', { n: d }) : t('noExpiry')}</option>)}
          </select>
        </div>
        <button type="submit" className="primary" data-testid="key-create" disabled={state.running}>{state.running ? t('creating') : t('create')}</button>
      </form>
      {role === 'editor' && <p className="hint" id={NAMESPACES_HINT_ID}>{t('namespacesHint')}</p>}
      {state.error && <p className="error" role="alert" data-testid="key-create-error">{state.error}</p>}
      {created && (
        <div className="new-key" data-testid="key-created" role="status">
          <strong>{t('created')}</strong>
          <div className="row">
            <input ref={keyField} className="mono" readOnly value={created.key} data-testid="key-secret" onFocus={(e) => e.target.select()} aria-label={t('key')} />
            <button type="button" onClick={copy} data-testid="key-copy">{copied ? t('copied') : t('copy')}</button>
            <button type="button" onClick={() => { reset(); setCopied(false); }} data-testid="key-done">{t('done')}</button>
          </div>
        </div>
      )}
    </section>
  );
}

function KeyList({ keys }: { keys: QueryState<ApiKeysQuery> & { reload: () => void } }) {
  const t = useT(M);
  const f = useFormat();
  const [query, setQuery] = useQueryParams();
  const showRevoked = query.get('revoked') === '1';
  const [revoke, revoking] = useMutation(RevokeApiKeyDocument);
  const [pending, setPending] = useState<string | null>(null);
  const all = keys.data?.apiKeys ?? [];
  const shown = all.filter((k) => showRevoked || !k.revokedAt);
  const remove = async (k: (typeof all)[number]) => {
    if (!window.confirm(t(k.current ? 'confirmRevokeCurrent' : 'confirmRevoke', { key: k.prefix }))) return;
    setPending(k.id);
    const done = await revoke({ id: k.id });
    setPending(null);
    if (done) keys.reload();
  };
  const who = (v: string | null) => v ?? '–';
  return (
    <section className="card" aria-busy={keys.loading}>
      <div className="row">
        <h3>{t('keys')}</h3>
        <label className="small"><input type="checkbox" data-testid="keys-show-revoked" checked={showRevoked} onChange={(e) => setQuery({ revoked: e.target.checked ? 1 : null })} /> {t('showRevoked')}</label>
      </div>
      {(keys.error || revoking.error) && <p className="error" role="alert" data-testid="keys-error">{keys.error ?? revoking.error}</p>}
      {!keys.data && keys.loading && <p className="muted">{t('loading')}</p>}
      {keys.data && shown.length === 0 && <p className="muted empty">{t('none')}</p>}
      {shown.length > 0 && (
        <table className="table" data-testid="keys-table">
          <thead><tr><th>{t('key')}</th><th>{t('name')}</th><th>{t('role')}</th><th>{t('namespacesCol')}</th><th>{t('createdCol')}</th><th>{t('lastUsed')}</th><th>{t('state')}</th><th /></tr></thead>
          <tbody>
            {shown.map((k) => (
              <tr key={k.id} data-testid="key-row" data-key-id={k.id} data-revoked={k.revokedAt ? 'true' : 'false'}>
                <td><span className="mono">{k.prefix}</span>{k.current && <> <span className="status RUNNING">{t('current')}</span></>}<div className="muted small mono" title={k.id}>{k.id.slice(0, 16)}</div></td>
                <td>{k.runId ? t('training', { run: k.runId }) : (k.name ?? '–')}</td>
                <td>{t(k.role as (typeof ROLES)[number])}</td>
                <td data-testid="key-namespaces-cell">{k.namespaces ? <span className="mono small">{k.namespaces.join(', ')}</span> : <span className="muted">{t('allNamespaces')}</span>}</td>
                <td>{f.dateTime(k.createdAt)}<div className="muted small">{t('by', { who: who(k.createdBy) })}</div></td>
                <td>{k.lastUsedAt ? f.dateTime(k.lastUsedAt) : <span className="muted">{t('never')}</span>}</td>
                <td>{k.revokedAt
                  ? <><span className="status FAILED">{t('revoked')}</span><div className="muted small">{t('revokedAt', { at: f.dateTime(k.revokedAt), who: who(k.revokedBy) })}</div></>
                  : k.expiresAt && Date.parse(k.expiresAt) <= Date.now()
                    ? <><span className="status ABORTED">{t('expired')}</span><div className="muted small">{f.dateTime(k.expiresAt)}</div></>
                    : <><span className="status COMPLETED">{t('active')}</span>{k.expiresAt && <div className="muted small">{t('expires', { at: f.dateTime(k.expiresAt) })}</div>}</>}</td>
                <td>{!k.revokedAt && <button type="button" className="danger" data-testid="key-revoke" disabled={pending !== null} onClick={() => remove(k)}>{pending === k.id ? t('revoking') : t('revoke')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
