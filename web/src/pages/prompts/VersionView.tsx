import { defineMessages, useT } from '../../i18n/i18n.js';
import type { PromptQuery } from '../../gql/graphql.js';
import { Link } from '../../shell/router.js';
import { lineagePath } from '../models/links.js';
import { Actor, Json, When } from '../models/ui.js';

type Version = NonNullable<PromptQuery['prompt']>['versions'][number];

const M = defineMessages(
  {
    title: 'Version {version}', template: 'Template', variables: 'Variables', config: 'Model config', message: 'Commit message', created: 'Created',
    name: 'Name', required: 'Required', def: 'Default', description: 'Description', yes: 'yes', no: 'no', none: 'No variables.', model: 'Model version',
  },
  {
    title: '版本 {version}', template: '模板', variables: '变量', config: '模型配置', message: '提交说明', created: '创建',
    name: '名称', required: '必填', def: '默认值', description: '说明', yes: '是', no: '否', none: '没有变量。', model: '模型版本',
  },
);

/** One immutable prompt version: template (text or chat messages), variables, model config. */
export function VersionView({ version: v }: { version: Version }) {
  const t = useT(M);
  return (
    <section className="card" data-testid="prompt-version-view">
      <h2>{t('title', { version: v.version })} <span className="badges">{v.labels.map((l) => <span key={l} className="badge label">{l}</span>)}</span></h2>
      <dl className="kv">
        <dt>{t('message')}</dt><dd>{v.commitMessage ?? '–'}</dd>
        <dt>{t('created')}</dt><dd><When iso={v.createdAt} /> · <Actor actor={v.createdBy} /></dd>
        {v.modelVersionId && <><dt>{t('model')}</dt><dd><Link to={lineagePath(v.modelVersionId)} className="mono">{v.modelVersionId}</Link></dd></>}
      </dl>
      <h3>{t('template')}</h3>
      <Template text={v.text} messages={v.messages} />
      <h3>{t('variables')}</h3>
      {v.variables.length === 0 ? <p className="muted hint">{t('none')}</p> : (
        <table className="grid" data-testid="prompt-variables">
          <thead><tr><th>{t('name')}</th><th>{t('required')}</th><th>{t('def')}</th><th>{t('description')}</th></tr></thead>
          <tbody>
            {v.variables.map((x) => (
              <tr key={x.name}><td className="mono">{x.name}</td><td>{x.required ? t('yes') : t('no')}</td><td>{x.default ?? '–'}</td><td>{x.description ?? '–'}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('config')}</h3>
      <Json value={v.config} />
    </section>
  );
}

export function Template({ text, messages }: { text?: string | null; messages?: ReadonlyArray<{ role: string; content: string }> | null }) {
  if (messages) {
    return (
      <div data-testid="template">
        {messages.map((m, i) => <div key={i} className="chat-msg"><div className="role">{m.role}</div><pre className="template">{m.content}</pre></div>)}
      </div>
    );
  }
  return <pre className="template" data-testid="template">{text ?? ''}</pre>;
}
