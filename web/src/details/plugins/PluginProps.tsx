import { Fragment } from 'react';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { Section } from '../lineage/parts.js';
import { pluginProps, propText } from './plugin-props.js';

const M = defineMessages(
  { title: 'From plugins', origin: 'Read by the plugin {plugin} from this node\'s OpenLineage facets (props plugin.{plugin}.<key>)' },
  { title: '来自插件', origin: '由插件 {plugin} 从此节点的 OpenLineage facet 中读取（属性 plugin.{plugin}.<键>）' },
);

/** What plugins read from the node's facets at ingest, by plugin; nothing when no plugin added any. */
export function PluginProps({ props }: { props: unknown }) {
  const t = useT(M);
  const groups = pluginProps(props);
  if (!groups.length) return null;
  return (
    <Section title={t('title')} testId="details-plugins">
      {groups.map((g) => (
        <div key={g.plugin} data-testid="details-plugin" data-plugin={g.plugin}>
          <h4 className="mono small" title={t('origin', { plugin: g.plugin })}>{g.plugin}</h4>
          <dl className="facts plugin-props">
            {g.props.map((p) => (
              <Fragment key={p.key}>
                <dt>{p.key}</dt>
                <dd data-testid="details-plugin-prop" data-key={p.key}>{propText(p.value)}</dd>
              </Fragment>
            ))}
          </dl>
        </div>
      ))}
    </Section>
  );
}
