/**
 * /features: the tenant's feature groups (search) and feature services (FeatureServices.tsx), and one
 * group (`?ns=&name=`): its schema with each feature's source fields and the spread of its latest
 * values, what the group holds, its data quality, its definitions over time (Definitions.tsx), and a
 * lookup of entities' vectors, online or as of a time (a point-in-time read, as a training set gets them).
 */
import { useState, type FormEvent } from 'react';
import { Link, useQueryParams, withQuery } from '../../shell/router.js';
import { useQuery } from '../../api/useQuery.js';
import type { FeatureGroupQuery } from '../../gql/graphql.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { formatNumber } from '../../charts/scale.js';
import { FeatureGroupDocument, FeatureGroupsDocument, OnlineFeaturesDocument, PointInTimeFeaturesDocument, ValidateFeatureGroupDocument } from './documents.js';
import { useMutation } from '../../api/useMutation.js';
import { lineagePath } from '../models/links.js';
import { useCanWrite } from '../../ViewerBadge.js';
import { parseEntityIds, ttlText, typeText, valueText } from './features.js';
import { M } from './messages.js';
import { FeatureServices } from './FeatureServices.js';
import { Definitions } from './Definitions.js';
import '../runs/tracking.css';

type Group = NonNullable<FeatureGroupQuery['featureGroup']>;
const ALL_GROUPS = { search: null };
const STATUS_CLASS: Record<string, string> = { PRESENT: 'COMPLETED', NULL: 'QUEUED', NOT_FOUND: 'ABORTED', EXPIRED: 'FAILED' };

export function FeaturesPage() {
  const t = useT(M);
  const [query] = useQueryParams();
  const ns = query.get('ns');
  const name = query.get('name');
  return (
    <div className="tracking-page features-page">
      <h1 data-testid="page-heading">{t('title')}</h1>
      {ns && name ? <GroupDetail namespace={ns} name={name} /> : <GroupList />}
    </div>
  );
}

function GroupList() {
  const t = useT(M);
  const f = useFormat();
  const [query, setQuery] = useQueryParams();
  const search = query.get('q') ?? '';
  const groups = useQuery(FeatureGroupsDocument, { search: search || null });
  const list = groups.data?.featureGroups ?? null;
  // Feature services pick from all groups: the list above when it is not searched.
  const all = useQuery(FeatureGroupsDocument, search ? ALL_GROUPS : null);
  const allGroups = search ? all.data?.featureGroups ?? null : list;
  return (
    <>
      <p className="muted">{t('intro')}</p>
      <div className="row">
        <input type="search" data-testid="feature-search" placeholder={t('search')} aria-label={t('search')} value={search} onChange={(e) => setQuery({ q: e.target.value || null })} />
      </div>
      {groups.error && <p className="error" role="alert">{groups.error}</p>}
      <section className="card">
        {!list && <p className="muted">{t('loading')}</p>}
        {list?.length === 0 && <p className="muted empty" data-testid="no-feature-groups">{t(search ? 'noMatch' : 'none')}</p>}
        {!!list?.length && (
          <table className="table">
            <thead><tr><th>{t('group')}</th><th>{t('entity')}</th><th>{t('features')}</th><th>{t('source')}</th><th>{t('entities')}</th><th>{t('lastEvent')}</th><th>{t('version')}</th></tr></thead>
            <tbody>
              {list.map((g) => (
                <tr key={g.id} data-testid="feature-group-row">
                  <td>
                    <Link to={withQuery('/features', { ns: g.namespace, name: g.name })} data-testid="feature-group-link"><strong>{g.name}</strong></Link>
                    <div className="muted small">{g.namespace}{g.description ? ` · ${g.description}` : ''}</div>
                  </td>
                  <td className="mono">{g.entity}</td>
                  <td>{g.features.length}</td>
                  <td data-testid="feature-group-list-sources">{g.sources.length ? g.sources.map((d, i) => (
                    <span key={d.id}>{i > 0 && ', '}<Link to={lineagePath(d.id, { select: true })} className="small">{d.name}</Link></span>
                  )) : '–'}</td>
                  <td>{f.number(g.stats.entities)}</td>
                  <td>{g.stats.lastEventTime ? f.dateTime(g.stats.lastEventTime) : '–'}</td>
                  <td>v{g.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <FeatureServices groups={allGroups} />
    </>
  );
}

function GroupDetail({ namespace, name }: { namespace: string; name: string }) {
  const t = useT(M);
  const f = useFormat();
  const group = useQuery(FeatureGroupDocument, { namespace, name });
  const g = group.data?.featureGroup;
  return (
    <>
      <p><Link to="/features" data-testid="features-back">← {t('back')}</Link></p>
      {group.error && <p className="error" role="alert">{group.error}</p>}
      {!group.data && !group.error && <p className="muted">{t('loading')}</p>}
      {group.data && !g && <p className="card muted" data-testid="feature-group-missing">{t('notFound', { name: `${namespace}/${name}` })}</p>}
      {g && (
        <>
          <section className="card stack-sm" data-testid="feature-group">
            <div className="row">
              <h2>{g.name}</h2>
              <span className="muted">{g.namespace}</span>
              <Link to={lineagePath(g.id, { select: true })} className="small" data-testid="feature-group-lineage">{t('lineage')}</Link>
            </div>
            {g.description && <p>{g.description}</p>}
            <dl className="facts">
              <dt>{t('entity')}</dt><dd className="mono">{g.entity}</dd>
              <dt>{t('source')}</dt>
              <dd data-testid="feature-group-sources">
                {g.sources.length ? g.sources.map((d, i) => (
                  <span key={d.id}>{i > 0 && ', '}<Link to={lineagePath(d.id, { select: true })}>{d.namespace}/{d.name}</Link></span>
                )) : '–'}
              </dd>
              <dt>{t('ttl')}</dt><dd>{g.ttlSeconds ? ttlText(g.ttlSeconds) : t('noTtl')}</dd>
              {g.owner && <><dt>{t('owner')}</dt><dd>{g.owner}</dd></>}
              <dt>{t('version')}</dt><dd>v{g.version} · {t('definedBy', { at: f.dateTime(g.definedAt), who: g.definedBy?.name ?? g.definedBy?.role ?? '–' })}</dd>
              <dt>{t('entities')}</dt><dd data-testid="feature-group-entities">{f.number(g.stats.entities)}</dd>
              <dt>{t('values')}</dt><dd>{f.number(g.stats.values)}</dd>
              <dt>{t('firstEvent')}</dt><dd>{g.stats.firstEventTime ? f.dateTime(g.stats.firstEventTime) : '–'}</dd>
              <dt>{t('lastEvent')}</dt><dd>{g.stats.lastEventTime ? f.dateTime(g.stats.lastEventTime) : '–'}</dd>
              <dt>{t('lastWritten')}</dt><dd>{g.stats.lastWrittenAt ? f.dateTime(g.stats.lastWrittenAt) : '–'}</dd>
            </dl>
          </section>
          <Schema group={g} />
          <Quality group={g} onChecked={group.reload} />
          <Definitions namespace={g.namespace} name={g.name} />
          <Lookup group={g} />
        </>
      )}
    </>
  );
}

function Schema({ group }: { group: Group }) {
  const t = useT(M);
  const stats = new Map(group.featureStats.map((s) => [s.feature, s]));
  const spread = (feature: string) => {
    const s = stats.get(feature);
    if (!s || s.entities === 0) return '–';
    const parts = [`${formatNumber(s.entities)} ${t('entities').toLowerCase()}`];
    if (s.nulls) parts.push(t('nulls', { n: s.nulls }));
    if (s.min !== null && s.max !== null && s.mean !== null) parts.push(t('range', { min: formatNumber(s.min), max: formatNumber(s.max), mean: formatNumber(s.mean) }));
    if (s.distinctStrings !== null) parts.push(t('distinct', { n: s.distinctStrings }));
    return parts.join(' · ');
  };
  return (
    <section className="card">
      <h3>{t('schema')}</h3>
      <table className="table" data-testid="feature-schema">
        <thead><tr><th>{t('feature')}</th><th>{t('type')}</th><th>{t('from')}</th><th>{t('stats')}</th></tr></thead>
        <tbody>
          {group.features.map((ft) => (
            <tr key={ft.name} data-testid="feature-row">
              <td><span className="mono">{ft.name}</span>{ft.description && <div className="muted small">{ft.description}</div>}</td>
              <td className="mono small">{typeText(ft.type, ft.dimension)}</td>
              <td className="small">
                {ft.source && <Link to={lineagePath(ft.source.id, { select: true })} className="muted">{ft.source.name} · </Link>}
                {ft.sourceFields.length ? <span className="mono">{ft.sourceFields.join(', ')}</span> : '–'}
                {ft.transformation && <div className="muted">{ft.transformation}</div>}
              </td>
              <td className="small" data-testid={`feature-stats-${ft.name}`}>{spread(ft.name)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Lookup({ group }: { group: Group }) {
  const t = useT(M);
  const f = useFormat();
  const [text, setText] = useState('');
  const [asOf, setAsOf] = useState('');
  const [asked, setAsked] = useState<{ ids: string[]; at: string | null } | null>(null);
  const features = [{ namespace: group.namespace, name: group.name }];
  const at = asked?.at ?? null;
  const online = useQuery(OnlineFeaturesDocument, asked && !at ? { entityIds: asked.ids, features } : null);
  const pit = useQuery(PointInTimeFeaturesDocument, asked && at ? { rows: asked.ids.map((entityId) => ({ entityId, at })), features } : null);
  const state = at ? pit : online;
  const vectors = at ? pit.data?.pointInTimeFeatures : online.data?.onlineFeatures;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ids = parseEntityIds(text);
    if (ids.length) setAsked({ ids, at: asOf ? new Date(asOf).toISOString() : null });
  };
  return (
    <section className="card stack-sm">
      <h3>{t('lookup')}</h3>
      <p className="muted small">{t('lookupIntro')}</p>
      <form className="row" onSubmit={submit} data-testid="feature-lookup">
        <div className="field">
          <label htmlFor="feature-entities">{t('entityIds')} ({group.entity})</label>
          <input id="feature-entities" data-testid="feature-entities" value={text} onChange={(e) => setText(e.target.value)} placeholder="c-1001, c-1002" />
        </div>
        <div className="field">
          <label htmlFor="feature-asof">{t('asOf')}</label>
          <input id="feature-asof" data-testid="feature-asof" type="datetime-local" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </div>
        <button type="submit" className="primary" data-testid="feature-read" disabled={state.loading}>{state.loading ? t('reading') : t('read')}</button>
      </form>
      {state.error && <p className="error" role="alert">{state.error}</p>}
      {vectors && (
        <div className="scroll-x">
          {at && <p className="muted small">{t('vectorsAt', { at: f.dateTime(at) })}</p>}
          <table className="table" data-testid="feature-vectors">
            <thead><tr><th>{group.entity}</th>{group.features.map((ft) => <th key={ft.name} className="mono">{ft.name}</th>)}</tr></thead>
            <tbody>
              {vectors.map((v) => (
                <tr key={v.entityId} data-testid="feature-vector">
                  <td className="mono">{v.entityId}</td>
                  {v.values.map((x) => (
                    <td key={x.feature} data-testid={`feature-value-${x.feature}`} title={x.eventTime ? t('at', { at: f.dateTime(x.eventTime) }) : undefined}>
                      {x.status === 'PRESENT' ? <span className="mono">{valueText(x.value)}</span> : <span className={`status ${STATUS_CLASS[x.status]}`}>{t(x.status)}</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The group's data quality rules and their last check; editors check them again. */
function Quality({ group, onChecked }: { group: Group; onChecked: () => void }) {
  const t = useT(M);
  const f = useFormat();
  const canWrite = useCanWrite();
  const [validate, state] = useMutation(ValidateFeatureGroupDocument);
  const v = group.validation;
  const rule = (e: NonNullable<typeof v>['results'][number]['expectation']) => {
    const text = t(e.kind, { min: e.min ?? '–', max: e.max ?? '–', values: (e.values ?? []).join(', ') });
    return e.mostly < 1 ? `${text} ${t('mostly', { share: Math.round(e.mostly * 100) })}` : text;
  };
  return (
    <section className="card stack-sm" data-testid="feature-quality">
      <div className="row">
        <h3>{t('quality')}</h3>
        {v && <span className={`status ${v.success ? 'COMPLETED' : 'FAILED'}`} data-testid="feature-quality-status">{t(v.success ? 'passed' : 'failed')}</span>}
        {v && <span className="muted small">{t('validated', { at: f.dateTime(v.at) })}</span>}
        {v && canWrite && (
          <button type="button" className="small" disabled={state.running} data-testid="feature-validate"
            onClick={async () => { if (await validate({ namespace: group.namespace, name: group.name })) onChecked(); }}>{state.running ? t('validating') : t('validate')}</button>
        )}
      </div>
      {state.error && <p className="error" role="alert">{state.error}</p>}
      {!v ? <p className="muted small">{t('noRules')}</p> : (
        <table className="table">
          <thead><tr><th>{t('feature')}</th><th>{t('rule')}</th><th>{t('observedCol')}</th><th /></tr></thead>
          <tbody>
            {v.results.map((r, i) => (
              <tr key={i} data-testid="feature-rule">
                <td className="mono">{r.expectation.feature}</td>
                <td>{rule(r.expectation)}</td>
                <td className="mono">{r.observed === null ? '–' : r.expectation.kind === 'MEAN_BETWEEN' ? formatNumber(r.observed) : `${f.number(r.observed * 100, 1)}%`} <span className="muted small">({f.number(r.evaluated)})</span></td>
                <td><span className={`status ${r.success ? 'COMPLETED' : 'FAILED'}`}>{t(r.success ? 'passed' : 'failed')}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {group.validations.length > 1 && (
        <>
          <h4>{t('history')}</h4>
          <ul className="rel-list small" data-testid="feature-quality-history">
            {group.validations.slice(1).map((h) => (
              <li key={h.at}>
                <span className={`status ${h.success ? 'COMPLETED' : 'FAILED'}`}>{t(h.success ? 'passed' : 'failed')}</span>{' '}
                {f.dateTime(h.at)} · {t('rulesPassed', { passed: h.results.filter((r) => r.success).length, total: h.results.length })}
                {h.validatedBy && <span className="muted"> · {t('by', { name: h.validatedBy.name ?? h.validatedBy.role })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
