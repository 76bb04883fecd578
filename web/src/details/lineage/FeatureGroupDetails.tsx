import { defineMessages, useT } from '../../i18n/i18n.js';
import { Link, withQuery } from '../../shell/router.js';
import type { KindDetailsProps } from '../kinds/types.js';
import { DatasetDetails } from './DatasetDetails.js';

const M = defineMessages(
  { open: 'Schema, values and lookups on the Features page', feature: 'A feature of {group}' },
  { open: '在特征页面查看模式、特征值和查询', feature: '{group} 的特征' },
);

/**
 * FeatureGroup: a dataset (its fields are the group's features, and OpenLineage's columns when an
 * emitter reports the table) with a link to the group on the Features page when the feature store defines it.
 */
export function FeatureGroupDetails(props: KindDetailsProps) {
  const t = useT(M);
  const { definedAt, droppedAt } = (props.node.props ?? {}) as { definedAt?: unknown; droppedAt?: unknown };
  // Defined in the feature store and not dropped since (as the server's isDefinedGroup).
  const defined = typeof definedAt === 'string' && !(typeof droppedAt === 'string' && droppedAt >= definedAt);
  return (
    <>
      {defined && (
        <p><Link to={withQuery('/features', { ns: props.node.namespace, name: props.node.name })} data-testid="details-feature-group">{t('open')}</Link></p>
      )}
      <DatasetDetails {...props} />
    </>
  );
}

/** Feature: a link to its group on the Features page (its lineage: the fields it is computed from). */
export function FeatureDetails({ node }: KindDetailsProps) {
  const t = useT(M);
  const group = node.name.slice(0, node.name.lastIndexOf('#'));
  return <p><Link to={withQuery('/features', { ns: node.namespace, name: group })} data-testid="details-feature">{t('feature', { group })}</Link></p>;
}
