import { useState, type FormEvent } from 'react';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import type { PromptQuery } from '../../gql/graphql.js';
import { ErrorNote, Json } from '../models/ui.js';
import { RenderPromptDocument } from './documents.js';
import { initialValues, renderArguments } from './variables.js';
import { Template } from './VersionView.js';

type Version = NonNullable<PromptQuery['prompt']>['versions'][number];

const M = defineMessages(
  {
    render: 'Render', rendering: 'Rendering…', missing: 'Fill in the required variables: {names}.', required: 'required', result: 'Rendered prompt',
    config: 'Model config to send with it', noVars: 'This version has no variables: render it as it is.',
  },
  {
    render: '渲染', rendering: '渲染中…', missing: '请填写必填变量：{names}。', required: '必填', result: '渲染结果',
    config: '随之发送的模型配置', noVars: '此版本没有变量，可直接渲染。',
  },
);

/** Fill a version's variables and let the server render it (the same call an application makes). */
export function RenderForm({ name, version }: { name: string; version: Version }) {
  const t = useT(M);
  const [values, setValues] = useState(() => initialValues(version.variables));
  const [missing, setMissing] = useState<string[]>([]);
  const [request, setRequest] = useState<{ name: string; version: number; variables: Record<string, string> } | null>(null);
  const { data, loading, error } = useQuery(RenderPromptDocument, request);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const args = renderArguments(version.variables, values);
    setMissing(args.missing);
    if (!args.missing.length) setRequest({ name, version: version.version, variables: args.variables });
  };
  return (
    <form className="form" onSubmit={submit} data-testid="render-form">
      {version.variables.length === 0 && <p className="hint">{t('noVars')}</p>}
      {version.variables.map((v) => (
        <label key={v.name}>
          <span><span className="mono">{v.name}</span>{v.required && <span className="muted"> ({t('required')})</span>}{v.description && <span className="muted"> — {v.description}</span>}</span>
          <textarea rows={2} value={values[v.name] ?? ''} onChange={(e) => setValues({ ...values, [v.name]: e.target.value })} data-testid={`render-var-${v.name}`} />
        </label>
      ))}
      <div><button type="submit" className="btn" disabled={loading} data-testid="render-submit">{loading ? t('rendering') : t('render')}</button></div>
      {missing.length > 0 && <ErrorNote message={t('missing', { names: missing.join(', ') })} code="BAD_USER_INPUT" testId="render-missing" />}
      {error && <ErrorNote message={error} testId="render-error" />}
      {data && !error && (
        <div data-testid="render-result">
          <h3>{t('result')}</h3>
          <Template text={data.renderPrompt.text} messages={data.renderPrompt.messages} />
          {data.renderPrompt.config != null && <><h3>{t('config')}</h3><Json value={data.renderPrompt.config} /></>}
        </div>
      )}
    </form>
  );
}
