import type { MouseEvent } from 'react';
import { defineMessages, useT } from '../../i18n/i18n.js';
import type { RegisteredModelQuery } from '../../gql/graphql.js';
import { Link } from '../../shell/router.js';
import { lineagePath, runPath } from './links.js';
import { StageBadge } from './StageBadge.js';
import { Actor, activate, Tags, When } from './ui.js';

type Version = NonNullable<RegisteredModelQuery['registeredModel']>['versions'][number];

const M = defineMessages(
  {
    version: 'Version', stage: 'Stage', aliases: 'Aliases', run: 'Source run', uri: 'URI', flavor: 'Flavour', tags: 'Tags', registered: 'Registered',
    lineage: 'lineage', noRun: 'no run', empty: 'No versions (at this time).', select: 'Click a row to select a version.',
  },
  {
    version: '版本', stage: '阶段', aliases: '别名', run: '来源运行', uri: 'URI', flavor: '格式', tags: '标签', registered: '注册',
    lineage: '血缘', noRun: '无运行', empty: '（在该时间）没有版本。', select: '点击一行以选择版本。',
  },
);

const stop = (e: MouseEvent) => e.stopPropagation();

export function VersionsTable({ versions, selected, onSelect }: { versions: ReadonlyArray<Version>; selected: number | null; onSelect: (version: number) => void }) {
  const t = useT(M);
  if (!versions.length) return <p className="muted">{t('empty')}</p>;
  return (
    <>
      <p className="hint">{t('select')}</p>
      <table className="grid" data-testid="versions-table">
        <thead>
          <tr><th>{t('version')}</th><th>{t('stage')}</th><th>{t('aliases')}</th><th>{t('run')}</th><th>{t('uri')}</th><th>{t('flavor')}</th><th>{t('tags')}</th><th>{t('registered')}</th></tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} className={`clickable${v.version === selected ? ' selected' : ''}`} data-testid={`version-row-${v.version}`} onClick={() => onSelect(v.version)} onKeyDown={(e) => activate(e, () => onSelect(v.version))} tabIndex={0} aria-selected={v.version === selected}>
              <td><strong>v{v.version}</strong>{v.description && <div className="muted hint">{v.description}</div>}</td>
              <td><StageBadge stage={v.stage} /><div className="muted hint"><When iso={v.stageSince} /></div></td>
              <td><span className="badges">{v.aliases.map((a) => <span key={a} className="badge alias">@{a}</span>)}</span></td>
              <td>
                {v.runId ? (
                  <>
                    <Link to={runPath(v.runId)} onClick={stop} className="mono" data-testid="run-link" title={v.runId}>{v.runId.slice(0, 13)}…</Link>{' '}
                    <Link to={lineagePath(`run:${v.runId}`)} onClick={stop} className="hint">{t('lineage')}</Link>
                  </>
                ) : <span className="muted">{t('noRun')}</span>}
              </td>
              <td className="mono">{v.modelUri}</td>
              <td>{v.flavor ?? <span className="muted">–</span>}</td>
              <td><Tags tags={v.tags} /></td>
              <td><When iso={v.registeredAt} /><div className="hint"><Actor actor={v.registeredBy} /></div></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
