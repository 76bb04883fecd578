import { useT } from '../../i18n/i18n.js';
import { PropsList } from '../PropsList.js';
import { assertionsOf, propsWithPrefix, type RelNode } from '../relations.js';
import { M, Section } from './parts.js';

/** Data quality facets (assertions with pass/fail, metrics) of a dataset or dataset version and of its versions. */
export function Quality({ sources }: { sources: Array<{ label: string; props: unknown }> }) {
  const t = useT(M);
  const withQuality = sources.filter((s) => propsWithPrefix(s.props, 'quality').length > 0);
  return (
    <Section title={t('quality')} testId="details-quality">
      {withQuality.length === 0 && <p className="muted">{t('noQuality')}</p>}
      {withQuality.map((s) => {
        const assertions = assertionsOf(s.props);
        const rest = Object.fromEntries(propsWithPrefix(s.props, 'quality').filter((q) => q.name !== 'dataQualityAssertions').map((q) => [q.name, q.value]));
        return (
          <div key={s.label} className="quality-source">
            <h4 className="mono small">{s.label}</h4>
            {assertions.length > 0 && (
              <ul className="assertions">
                {assertions.map((a, i) => (
                  <li key={i} className={a.success ? 'ok' : 'failed'} data-testid="quality-assertion">
                    <span className="status">{a.success ? `✓ ${t('passed')}` : `✗ ${t('failed')}`}</span> {a.assertion}{a.column ? ` · ${a.column}` : ''}
                  </li>
                ))}
              </ul>
            )}
            {Object.keys(rest).length > 0 && <PropsList props={rest} />}
          </div>
        );
      })}
    </Section>
  );
}

/** The facets of a node (`facets.*` props) as a key/value list. */
export function Facets({ props }: { props: unknown }) {
  const t = useT(M);
  const facets = propsWithPrefix(props, 'facets');
  return (
    <Section title={t('facets')} count={facets.length} testId="details-facets">
      {facets.length === 0 ? <p className="muted">{t('noFacets')}</p> : <PropsList props={Object.fromEntries(facets.map((f) => [f.name, f.value]))} />}
    </Section>
  );
}

export const qualitySources = (self: { name: string; props: unknown }, versions: RelNode[]) =>
  [{ label: self.name, props: self.props }, ...versions.map((v) => ({ label: `@${v.id.split('@').pop() ?? v.id}`, props: v.props }))];
