import { useFormat, useT } from '../../i18n/i18n.js';
import type { KindDetailsProps } from '../kinds/types.js';
import { DatasetColumnsDocument } from '../../api/documents.js';
import { useQuery } from '../../api/useQuery.js';
import { droppedFields, fieldType, returnedFields } from '../relations.js';
import { Loading, M, NodeList, Section } from './parts.js';
import { Facets, Quality, qualitySources } from './Quality.js';
import { ReceivedEvents } from './ReceivedEvents.js';
import { SchemaChanges } from './SchemaChanges.js';
import { LineageHistory } from './LineageHistory.js';
import { RelationsNote } from './RelationsNote.js';
import { RELATIONS_FIRST, useRelations } from './useRelations.js';

/** Dataset: schema fields, versions, schema changes, facets, quality results. */
export function DatasetDetails({ node, onOpenLineage }: KindDetailsProps) {
  const t = useT(M);
  const { dateTime } = useFormat();
  const { relations, loading, error } = useRelations(node.id);
  // Columns its writers' schema dropped: their HAS_FIELD edges have ended (the field nodes stay, for history and column lineage).
  const columns = useQuery(DatasetColumnsDocument, { id: node.id, first: RELATIONS_FIRST });
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!relations) return loading ? <Loading /> : null;
  const current = relations.fields;
  const holder = columns.data?.node && 'neighbours' in columns.data.node && columns.data.node.id === node.id ? columns.data.node : null;
  const dropped = holder ? droppedFields(holder.neighbours.items) : [];
  // Columns dropped and added back: one HAS_FIELD edge, current, with the times they were gone as gaps.
  const returned = holder ? returnedFields(holder.neighbours.items) : new Map<string, Array<{ from: string; to: string }>>();
  const backTitle = (gaps: Array<{ from: string; to: string }>) =>
    t('backField', { spans: gaps.map((g) => t('backSpan', { from: dateTime(g.from), to: dateTime(g.to) })).join('; ') });
  const row = (f: (typeof current)[number], type: string, dropAt: string | null) => (
    <tr key={f.id} data-testid={dropAt ? 'details-dropped-field' : 'details-field'} className={dropAt ? 'dropped' : undefined} title={dropAt ? t('droppedField', { when: dateTime(dropAt) }) : undefined}>
      <td>
        <button type="button" className="link" title={f.id} onClick={() => onOpenLineage(f.id)}>{f.name.slice(f.name.lastIndexOf('#') + 1)}</button>
        {f.tags?.map((x) => <span key={x.name} className="chip tag-chip small" data-testid="details-field-tag">{x.name}</span>)}
        {!dropAt && returned.has(f.id) && <span className="chip small muted" data-testid="details-field-back" title={backTitle(returned.get(f.id)!)}>{t('back')}</span>}
      </td>
      <td className="mono muted type">{type}</td>
    </tr>
  );
  return (
    <>
      <RelationsNote cut={relations.cut} />
      <Section title={t('fields')} count={relations.counts.fields} testId="details-fields">
        {current.length + dropped.length === 0 ? <p className="muted">{t('noFields')}</p> : (
          <table className="fields-table">
            <tbody>
              {current.map((f) => row(f, fieldType(f.props) ?? '', null))}
              {dropped.map((d) => row(d.node, t('dropped'), d.droppedAt))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={t('versions')} count={relations.counts.versions} testId="details-versions">
        <NodeList nodes={relations.versions} empty={t('noVersions')} onOpen={onOpenLineage} />
      </Section>
      <SchemaChanges nodeId={node.id} />
      <LineageHistory nodeId={node.id} onOpen={onOpenLineage} />
      <Facets props={node.props} />
      <Quality sources={qualitySources(node, relations.versions)} />
      <ReceivedEvents dataset={{ namespace: node.namespace, name: node.name }} />
    </>
  );
}
