/**
 * A feature group's definitions over time (GraphQL `FeatureGroup.definitions`): each version with who
 * defined it and when, what it changed of the one before, its drop, and its features on demand; as of a
 * time, the definition in force then first.
 */
import { useState } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { FeatureGroupDefinitionsDocument } from './documents.js';
import { changeMessage, typeText } from './features.js';
import { M } from './messages.js';

export function Definitions({ namespace, name }: { namespace: string; name: string }) {
  const t = useT(M);
  const f = useFormat();
  const [asOf, setAsOf] = useState('');
  const at = asOf ? new Date(asOf).toISOString() : null;
  const q = useQuery(FeatureGroupDefinitionsDocument, { namespace, name, asOf: at });
  const list = q.data?.featureGroup?.definitions ?? null;
  const who = (a: { name?: string | null; role: string } | null | undefined) => a?.name ?? a?.role ?? '–';
  return (
    <section className="card stack-sm" data-testid="feature-definitions">
      <div className="row">
        <h3>{t('definitions')}</h3>
        <label className="small muted" htmlFor="feature-definitions-asof">{t('defAsOf')}</label>
        <input id="feature-definitions-asof" data-testid="feature-definitions-asof" type="datetime-local" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
      </div>
      <p className="muted small">{t('definitionsIntro')}</p>
      {q.error && <p className="error" role="alert">{q.error}</p>}
      {list?.length === 0 && <p className="muted" data-testid="feature-definitions-none">{t('defNone')}</p>}
      <ol className="definition-list" data-testid="feature-definition-list">
        {(list ?? []).map((d, i) => (
          <li key={d.version} data-testid="feature-definition">
            <div>
              <strong>{t('defVersion', { version: d.version, at: f.dateTime(d.definedAt), who: who(d.definedBy) })}</strong>
              {at && i === 0 && !d.droppedAt && <span className="status COMPLETED" data-testid="feature-definition-in-force"> {t('defInForce')}</span>}
            </div>
            <ul className="small" data-testid="feature-definition-changes">
              {d.changes === null && <li className="muted">{t('defUnknown')}</li>}
              {d.changes?.length === 0 && <li>{d.version === 1 ? t('defFirst', { n: d.features.length }) : t('defSame')}</li>}
              {d.changes?.map((c, j) => {
                const m = changeMessage(c, t('defNoLimit'));
                return <li key={j} data-kind={c.kind}>{t(m.key as Parameters<typeof t>[0], m.vars)}</li>;
              })}
            </ul>
            {d.droppedAt && <p className="small" data-testid="feature-definition-dropped"><span className="status FAILED">{t('defDropped', { at: f.dateTime(d.droppedAt), who: who(d.droppedBy) })}</span></p>}
            <details className="small">
              <summary>{t('defFeatures', { n: d.features.length })}</summary>
              <span className="mono">{d.features.map((ft) => `${ft.name} ${typeText(ft.type, ft.dimension)}${ft.sourceFields.length ? ` ← ${ft.sourceFields.join(', ')}` : ''}`).join(' · ')}</span>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
