/**
 * The Features page's feature services (Feast's FeatureService: the named set of features one model
 * reads), each with the Feast request that reads it, and a form to define one from the tenant's
 * groups. Viewers read; editors and admins define and drop.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { useQuery } from '../../api/useQuery.js';
import type { FeatureGroupsQuery, FeatureServicesQuery } from '../../gql/graphql.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { useCanWrite, useViewer } from '../../ViewerBadge.js';
import { DefineFeatureServiceDocument, DropFeatureServiceDocument, FeatureServicesDocument } from './documents.js';
import { feastRequestText, featureRefs, featuresByGroup, togglePick, type FeaturePick } from './features.js';
import { M } from './messages.js';

type Service = FeatureServicesQuery['featureServices'][number];
type Group = FeatureGroupsQuery['featureGroups'][number];
const NO_VARIABLES = {};

/** `groups`: all the tenant's groups (null while they load), to pick features from. */
export function FeatureServices({ groups }: { groups: Group[] | null }) {
  const t = useT(M);
  const viewer = useViewer();
  const canWrite = useCanWrite();
  const services = useQuery(FeatureServicesDocument, NO_VARIABLES);
  const list = services.data?.featureServices ?? null;
  return (
    <>
      <ServiceList services={list} error={services.error} canWrite={canWrite} onChange={services.reload} />
      {canWrite
        ? <ServiceForm groups={groups} existing={list?.map((s) => s.name) ?? []} onDefined={services.reload} />
        : viewer && <p className="card muted" data-testid="feature-services-editors-only">{t('servicesEditorsOnly')}</p>}
    </>
  );
}

function ServiceList({ services, error, canWrite, onChange }: { services: Service[] | null; error: string | null; canWrite: boolean; onChange: () => void }) {
  const t = useT(M);
  const f = useFormat();
  const [drop, dropping] = useMutation(DropFeatureServiceDocument);
  const del = async (s: Service) => {
    if (!window.confirm(t('confirmDrop', { name: s.name }))) return;
    if (await drop({ name: s.name })) onChange();
  };
  return (
    <section className="card stack-sm feature-services" data-testid="feature-services">
      <h3>{t('services')}</h3>
      <p className="muted small">{t('servicesIntro')}</p>
      {(error ?? dropping.error) && <p className="error" role="alert">{error ?? dropping.error}</p>}
      {!services && !error && <p className="muted">{t('loading')}</p>}
      {services?.length === 0 && <p className="muted empty" data-testid="no-feature-services">{t('noServices')}</p>}
      {!!services?.length && (
        <table className="table">
          <thead><tr><th>{t('service')}</th><th>{t('entity')}</th><th>{t('servedFeatures')}</th><th>{t('readWith')}</th><th>{t('defined')}</th>{canWrite && <th />}</tr></thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id} data-testid="feature-service">
                <td><strong className="mono">{s.name}</strong>{s.description && <div className="muted small">{s.description}</div>}</td>
                <td className="mono nowrap">{s.entity}</td>
                <td className="small" data-testid="feature-service-features">
                  {featuresByGroup(s.features).map((line) => <div key={line.group}><span className="muted">{line.group}:</span> <span className="mono">{line.features.join(', ')}</span></div>)}
                </td>
                <td><code className="mono small feast-request" data-testid="feature-service-feast">{feastRequestText(s.name, s.entity)}</code></td>
                <td className="small">{t('definedBy', { at: f.dateTime(s.definedAt), who: s.definedBy ?? '–' })}</td>
                {canWrite && (
                  <td><button type="button" className="small danger" data-testid="feature-service-drop" disabled={dropping.running} onClick={() => del(s)}>{t('drop')}</button></td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Name, description and the features ticked from each group; a name in `existing` replaces that service's features. */
function ServiceForm({ groups, existing, onDefined }: { groups: Group[] | null; existing: string[]; onDefined: () => void }) {
  const t = useT(M);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [picked, setPicked] = useState<FeaturePick[]>([]);
  const [define, defining, reset] = useMutation(DefineFeatureServiceDocument);
  const replacing = existing.includes(name.trim());
  const isPicked = (p: FeaturePick) => picked.some((x) => x.group === p.group && x.feature === p.feature);
  const pick = (p: FeaturePick, on: boolean) => { setPicked(togglePick(picked, p, on)); reset(); };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { name: name.trim(), description: description.trim() || null, features: featureRefs(groups ?? [], picked) };
    if (await define({ input })) {
      setName('');
      setDescription('');
      setPicked([]);
      onDefined();
    }
  };
  return (
    <section className="card stack-sm feature-service-form" data-testid="feature-service-form">
      <h3>{t('defineService')}</h3>
      <form className="stack-sm" onSubmit={submit}>
        <div className="row">
          <div className="field"><label htmlFor="feature-service-name">{t('name')}</label>
            <input id="feature-service-name" data-testid="feature-service-name" required maxLength={200} value={name} placeholder={t('namePlaceholder')} onChange={(e) => setName(e.target.value)} /></div>
          <div className="field grow"><label htmlFor="feature-service-description">{t('description')}</label>
            <input id="feature-service-description" data-testid="feature-service-description" maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} /></div>
        </div>
        <fieldset className="field">
          <legend>{t('pickFeatures')} <span className="muted">({t('picked', { n: picked.length })})</span></legend>
          <p className="muted small">{t('pickHint')}</p>
          {!groups && <p className="muted small">{t('loading')}</p>}
          {groups?.length === 0 && <p className="muted small">{t('noGroups')}</p>}
          <div className="feature-picker">
            {groups?.map((g) => (
              <div key={g.id} className="stack-sm" data-testid="feature-service-group" data-group={g.name}>
                <div><strong>{g.name}</strong> <span className="muted small">{g.namespace} · {t('entity').toLowerCase()} <span className="mono">{g.entity}</span></span></div>
                <div className="row">
                  {g.features.map((ft) => (
                    <label key={ft.name} className="small">
                      <input type="checkbox" checked={isPicked({ group: g.id, feature: ft.name })} onChange={(e) => pick({ group: g.id, feature: ft.name }, e.target.checked)} /> <span className="mono">{ft.name}</span>
                    </label>
                  ))}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
        <p className="muted small" data-testid="feature-service-replace-hint">{replacing ? t('replaces', { name: name.trim() }) : t('replaceHint')}</p>
        <div className="row">
          <button type="submit" className="primary" data-testid="feature-service-define" disabled={defining.running || picked.length === 0}>{t(defining.running ? 'defining' : replacing ? 'replace' : 'define')}</button>
        </div>
      </form>
      {defining.error && <p className="error" role="alert" data-testid="feature-service-form-error">{defining.error}</p>}
    </section>
  );
}
