import { defineMessages, useFormat, useT } from '../../i18n/i18n.js';
import type { RegisteredModelQuery } from '../../gql/graphql.js';
import { stageSummary } from './model-view.js';
import { StageBadge } from './StageBadge.js';
import { When } from './ui.js';

type Model = NonNullable<RegisteredModelQuery['registeredModel']>;

const M = defineMessages(
  { title: 'Stages and aliases', aliases: 'Aliases', asOf: 'as of {when}', noStage: 'No version is in a stage yet.', noAlias: 'No aliases.', since: 'since' },
  { title: '阶段与别名', aliases: '别名', asOf: '截至 {when}', noStage: '还没有版本处于任何阶段。', noAlias: '没有别名。', since: '自' },
);

/** Which version is in each stage and where each alias points (at the as-of date when one is set). */
export function StagesCard({ model }: { model: Model }) {
  const t = useT(M);
  const f = useFormat();
  const sinceOf = new Map(model.latestVersions.map((v) => [`${v.stage}:${v.version}`, v.stageSince]));
  const stages = stageSummary(model.latestVersions).filter((s) => s.stage !== 'None');
  return (
    <section className="card" data-testid="stages-card">
      <h2>{t('title')} {model.asOf && <span className="muted hint" data-testid="as-of-label">({t('asOf', { when: f.dateTime(model.asOf) })})</span>}</h2>
      {stages.length === 0 ? <p className="muted hint">{t('noStage')}</p> : (
        <dl className="kv">
          {stages.map((s) => (
            <div key={s.stage} style={{ display: 'contents' }} data-testid={`stage-${s.stage}`}>
              <dt><StageBadge stage={s.stage} /></dt>
              <dd>v{s.version} <span className="muted">{t('since')} <When iso={sinceOf.get(`${s.stage}:${s.version}`)} /></span></dd>
            </div>
          ))}
        </dl>
      )}
      <h3>{t('aliases')}</h3>
      {model.aliases.length === 0 ? <p className="muted hint">{t('noAlias')}</p> : (
        <dl className="kv">
          {model.aliases.map((a) => (
            <div key={a.alias} style={{ display: 'contents' }} data-testid={`alias-${a.alias}`}>
              <dt><span className="badge alias">@{a.alias}</span></dt>
              <dd>v{a.version} <span className="muted">{t('since')} <When iso={a.since} /></span></dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
