import { useT } from '../../i18n/i18n.js';
import { KindBadge } from '../../KindBadge.js';
import type { KindDetailsProps } from '../kinds/types.js';
import { fieldType, transformationsOf, type Relation } from '../relations.js';
import { Loading, M, NodeList, Section } from './parts.js';
import { useRelations } from './useRelations.js';

/** Field: its dataset and type, and the fields it is derived from and feeds, with the transformations. */
export function FieldDetails({ node, onOpenLineage }: KindDetailsProps) {
  const t = useT(M);
  const { relations, loading, error } = useRelations(node.id);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!relations) return loading ? <Loading /> : null;
  const none = relations.derivedFrom.length + relations.derives.length === 0;
  return (
    <>
      <Section title={t('dataset')}>
        <NodeList nodes={relations.owner ? [relations.owner] : []} empty={t('none')} onOpen={onOpenLineage} />
        <p><span className="muted">{t('type')}:</span> <span className="mono">{fieldType(node.props) ?? '–'}</span></p>
      </Section>
      {none && <p className="muted">{t('noDerivation')}</p>}
      {relations.derivedFrom.length > 0 && <Derivations title={t('derivedFrom')} items={relations.derivedFrom} count={relations.counts.derivedFrom} onOpen={onOpenLineage} />}
      {relations.derives.length > 0 && <Derivations title={t('derives')} items={relations.derives} count={relations.counts.derives} onOpen={onOpenLineage} />}
    </>
  );
}

function Derivations({ title, items, count, onOpen }: { title: string; items: Relation[]; count: number; onOpen: (id: string) => void }) {
  const t = useT(M);
  return (
    <Section title={title} count={count} testId="details-derivations">
      <ul className="rel-list">
        {items.map(({ node, edge }) => (
          <li key={node.id}>
            <KindBadge kind={node.kind} />
            <button type="button" className="link" title={node.id} onClick={() => onOpen(node.id)}>{node.name}</button>
            {transformationsOf(edge.props).map((x, i) => (
              <span key={i} className="tag">{x.label}{x.masked ? ` · ${t('masked')}` : ''}</span>
            ))}
          </li>
        ))}
      </ul>
    </Section>
  );
}
