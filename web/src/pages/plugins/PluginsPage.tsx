/**
 * /plugins, for every role: the plugins this Loom loaded (LOOM_PLUGINS), what each adds (OpenLineage
 * facets read at ingest, promotion gates, webhook formats) and its failures on this tenant's data;
 * how to load one when none is.
 */
import { useQuery } from '../../api/useQuery.js';
import type { PluginsQuery } from '../../gql/graphql.js';
import { useFormat, useT } from '../../i18n/i18n.js';
import { PluginsDocument } from './documents.js';
import { M } from './messages.js';
import '../runs/tracking.css';

type Plugin = PluginsQuery['plugins'][number];
const NO_VARIABLES = {};
const OWNERS = ['dataset', 'job', 'run'] as const;
const isOwner = (o: string): o is (typeof OWNERS)[number] => (OWNERS as readonly string[]).includes(o);

export function PluginsPage() {
  const t = useT(M);
  const plugins = useQuery(PluginsDocument, NO_VARIABLES);
  const list = plugins.data?.plugins ?? null;
  return (
    <div className="tracking-page plugins-page">
      <div className="row">
        <h1 data-testid="page-heading">{t('title')}</h1>
        {!!list?.length && <button type="button" data-testid="plugins-refresh" onClick={plugins.reload} disabled={plugins.loading}>{t('refresh')}</button>}
      </div>
      <p className="muted">{t('intro')}</p>
      {plugins.error && <p className="error" role="alert">{plugins.error}</p>}
      {!list && !plugins.error && <p className="muted">{t('loading')}</p>}
      {list?.length === 0 && (
        <section className="card stack-sm" data-testid="plugins-empty">
          <h3>{t('none')}</h3>
          <p>{t('howToLoad')}</p>
          <p className="muted small">{t('examples')}</p>
        </section>
      )}
      {list?.map((p) => <PluginCard key={p.name} plugin={p} />)}
    </div>
  );
}

function PluginCard({ plugin: p }: { plugin: Plugin }) {
  const t = useT(M);
  const addsNothing = !p.renamesDatasets && !p.facets.length && !p.promotionGates.length && !p.webhookFormats.length;
  return (
    <section className="card stack-sm" data-testid="plugin" data-plugin={p.name}>
      <h2><span className="mono" data-testid="plugin-name">{p.name}</span>{p.version && <span className="muted small">{t('version', { version: p.version })}</span>}</h2>
      <dl className="facts">
        <dt>{t('module')}</dt><dd className="mono small" data-testid="plugin-module">{p.module}</dd>
        {p.renamesDatasets && (
          <>
            <dt>{t('renames')}</dt>
            <dd data-testid="plugin-renames">{t('renamesHint')}</dd>
          </>
        )}
        {p.facets.length > 0 && (
          <>
            <dt>{t('facets')}</dt>
            <dd data-testid="plugin-facets">
              <ul className="plugin-offers">
                {p.facets.map((f, i) => (
                  <li key={`${f.facet}-${i}`} data-testid="plugin-facet">
                    <code className="mono">{f.facet}</code> → {t('onOwners', { owners: f.owners.map((o) => (isOwner(o) ? t(o) : o)).join(t('listSep')) })}
                  </li>
                ))}
              </ul>
              <p className="muted small">{t('facetsHint', { name: p.name })}</p>
            </dd>
          </>
        )}
        {p.promotionGates.length > 0 && (
          <>
            <dt>{t('gates')}</dt>
            <dd data-testid="plugin-gates"><Offers offers={p.promotionGates} hint={t('gatesHint')} testId="plugin-gate" /></dd>
          </>
        )}
        {p.webhookFormats.length > 0 && (
          <>
            <dt>{t('formats')}</dt>
            <dd data-testid="plugin-formats"><Offers offers={p.webhookFormats} hint={t('formatsHint')} testId="plugin-format" /></dd>
          </>
        )}
        <dt>{t('usage')}</dt>
        <dd data-testid="plugin-usage">{p.usage.calls ? t('usageText', { calls: p.usage.calls, total: p.usage.totalMs.toFixed(1), slowest: p.usage.slowestMs.toFixed(1) }) : t('noCalls')}</dd>
        <dt>{t('failures')}</dt><dd><Failures errors={p.errors} /></dd>
      </dl>
      {addsNothing && <p className="muted small">{t('addsNothing')}</p>}
    </section>
  );
}

function Offers({ offers, hint, testId }: { offers: Plugin['promotionGates']; hint: string; testId: string }) {
  return (
    <>
      <ul className="plugin-offers">
        {offers.map((o) => (
          <li key={o.name} data-testid={testId}><strong className="mono">{o.name}</strong>{o.description && <span className="muted"> — {o.description}</span>}</li>
        ))}
      </ul>
      <p className="muted small">{hint}</p>
    </>
  );
}

/** This tenant's failures of the plugin: a warning when there are any. */
function Failures({ errors }: { errors: Plugin['errors'] }) {
  const t = useT(M);
  const f = useFormat();
  if (errors.count === 0) return <span className="status COMPLETED" data-testid="plugin-no-failures">{t('noFailures')}</span>;
  return (
    <div className="plugin-failures" role="status" data-testid="plugin-failures">
      <span className="status ABORTED" data-testid="plugin-failure-count">{t('failureCount', { n: errors.count })}</span>
      {errors.lastMessage && <span className="mono small" data-testid="plugin-last-failure">{t('lastFailure', { at: f.dateTime(errors.lastAt), message: errors.lastMessage })}</span>}
      <span className="muted small">{t('failuresHint')}</span>
    </div>
  );
}
