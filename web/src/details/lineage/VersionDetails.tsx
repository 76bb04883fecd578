import { useT } from '../../i18n/i18n.js';
import type { KindDetailsProps } from '../kinds/types.js';
import { JobRunsAndOwner } from './JobRunsAndOwner.js';
import { Loading, M, NodeList, Section } from './parts.js';
import { Facets, Quality } from './Quality.js';
import { useRelations } from './useRelations.js';

/** DatasetVersion: its dataset, the runs that read or wrote it, its defining facets and quality results. */
export function DatasetVersionDetails({ node, onOpenLineage }: KindDetailsProps) {
  const t = useT(M);
  const { relations, loading, error } = useRelations(node.id);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!relations) return loading ? <Loading /> : null;
  return (
    <>
      <Section title={t('dataset')}>
        <NodeList nodes={relations.owner ? [relations.owner] : []} empty={t('none')} onOpen={onOpenLineage} />
      </Section>
      <JobRunsAndOwner relations={relations} onOpen={onOpenLineage} ownerless />
      <Facets props={node.props} />
      <Quality sources={[{ label: node.id.split('@').pop() ?? node.name, props: node.props }]} />
    </>
  );
}

/** JobVersion: its job, the runs that executed it, its defining facets. */
export function JobVersionDetails({ node, onOpenLineage }: KindDetailsProps) {
  const { relations, loading, error } = useRelations(node.id);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!relations) return loading ? <Loading /> : null;
  return (
    <>
      <JobRunsAndOwner relations={relations} onOpen={onOpenLineage} />
      <Facets props={node.props} />
    </>
  );
}
