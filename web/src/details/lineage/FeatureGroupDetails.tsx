import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import { Link, withQuery } from '../../shell/router.js';
import { useQuery } from '../../api/useQuery.js';
import { FeatureGroupDefinedDocument } from '../../pages/features/documents.js';
import type { KindDetailsProps } from '../kinds/types.js';
import { DatasetDetails } from './DatasetDetails.js';

const M = defineMessages(
  { open: 'Schema, values, definitions and lookups on the Features page', version: 'Feature group version {version}, defined {at} by {who}', feature: 'A feature of {group}' },
  { open: '在特征页面查看模式、特征值、定义历史和查询', version: '特征组版本 {version}，{at} 由 {who} 定义', feature: '{group} 的特征' },
);

/**
 * FeatureGroup: a dataset (its schema fields when an emitter reports the table) with its definition's
 * version and a link to the group on the Features page when the feature store defines it now (asked of the server).
 */
export function FeatureGroupDetails(props: KindDetailsProps) {
  const t = useT(M);
  const f = useFormat();
  const { data } = useQuery(FeatureGroupDefinedDocument, { namespace: props.node.namespace, name: props.node.name });
  const group = data?.featureGroup;
  return (
    <>
      {group && (
        <>
          <p className="muted small" data-testid="details-feature-group-version">{t('version', { version: group.version, at: f.dateTime(group.definedAt), who: group.definedBy?.name ?? group.definedBy?.role ?? '–' })}</p>
          <p><Link to={withQuery('/features', { ns: props.node.namespace, name: props.node.name })} data-testid="details-feature-group">{t('open')}</Link></p>
        </>
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
