import { useT } from '../../i18n/i18n.js';
import type { KindDetailsProps } from '../kinds/types.js';
import { fieldType, splitBySchema } from '../relations.js';
import { Loading, M, NodeList, Section } from './parts.js';
import { Facets, Quality, qualitySources } from './Quality.js';
import { ReceivedEvents } from './ReceivedEvents.js';
import { SchemaChanges } from './SchemaChanges.js';
import { RelationsNote } from './RelationsNote.js';
import { useRelations } from './useRelations.js';

/** Dataset: schema fields, versions, schema changes, facets, quality results. */
export function DatasetDetails({ node, onOpenLineage }: KindDetailsProps) {
  const t = useT(M);
  const { relations, total, loading, error } = useRelations(node.id);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!relations) return loading ? <Loading /> : null;
  // Fields its emitters no longer report (not in the latest schema) are listed after, marked: their nodes stay for history.
  const { current, dropped } = splitBySchema(node.props, relations.fields);
  return (
    <>
      <RelationsNote total={total} />
      <Section title={t('fields')} count={current.length} testId="details-fields">
        {relations.fields.length === 0 ? <p className="muted">{t('noFields')}</p> : (
          <table className="fields-table">
            <tbody>
              {[...current, ...dropped].map((f, i) => (
                <tr key={f.id} data-testid={i < current.length ? 'details-field' : 'details-dropped-field'} className={i < current.length ? undefined : 'dropped'} title={i < current.length ? undefined : t('droppedField')}>
                  <td>
                    <button type="button" className="link" title={f.id} onClick={() => onOpenLineage(f.id)}>{f.name.slice(f.name.lastIndexOf('#') + 1)}</button>
                    {f.tags?.map((x) => <span key={x.name} className="chip tag-chip small" data-testid="details-field-tag">{x.name}</span>)}
                  </td>
                  <td className="mono muted type">{i < current.length ? fieldType(f.props) ?? '' : t('dropped')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={t('versions')} count={relations.versions.length} testId="details-versions">
        <NodeList nodes={relations.versions} empty={t('noVersions')} onOpen={onOpenLineage} />
      </Section>
      <SchemaChanges nodeId={node.id} />
      <Facets props={node.props} />
      <Quality sources={qualitySources(node, relations.versions)} />
      <ReceivedEvents dataset={{ namespace: node.namespace, name: node.name }} />
    </>
  );
}
