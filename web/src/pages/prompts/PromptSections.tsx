/** Details-panel sections of Prompt and PromptVersion nodes (see details/kinds/registry.tsx). */
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import type { KindDetailsProps } from '../../details/kinds/types.js';
import { Link, withQuery } from '../../shell/router.js';
import { promptPath } from '../models/links.js';
import { versionRef } from '../models/node-refs.js';
import { ErrorNote, Loading } from '../models/ui.js';
import { PromptSummaryDocument, PromptVersionSummaryDocument } from './documents.js';

const M = defineMessages(
  { open: 'Open the prompt', versions: '{n} versions', labels: 'Labels', message: 'Commit message', variables: 'Variables', type: 'Type' },
  { open: '打开提示词', versions: '{n} 个版本', labels: '标签', message: '提交说明', variables: '变量', type: '类型' },
);

export function PromptSection({ node }: KindDetailsProps) {
  const t = useT(M);
  const { data, loading, error } = useQuery(PromptSummaryDocument, { name: node.name });
  const p = data?.prompt;
  return (
    <div className="kind-section" data-testid="prompt-section">
      {error && <ErrorNote message={error} />}
      {!p && loading && <Loading />}
      {p && <p>{t('versions', { n: p.versionCount })} <span className="badges">{p.labels.map((l) => <span key={l.label} className="badge label">{l.label} → v{l.version}</span>)}</span></p>}
      <Link to={promptPath(node.name)} className="btn small" data-testid="open-prompt">{t('open')}</Link>
    </div>
  );
}

export function PromptVersionSection({ node }: KindDetailsProps) {
  const t = useT(M);
  const ref = versionRef(node.name);
  const { data, loading, error } = useQuery(PromptVersionSummaryDocument, ref);
  const v = data?.promptVersion;
  if (!ref) return null;
  return (
    <div className="kind-section" data-testid="prompt-version-section">
      {error && <ErrorNote message={error} />}
      {!v && loading && <Loading />}
      {v && (
        <dl className="kv">
          <dt>{t('type')}</dt><dd>{v.type}</dd>
          <dt>{t('labels')}</dt><dd>{v.labels.join(', ') || '–'}</dd>
          <dt>{t('message')}</dt><dd>{v.commitMessage ?? '–'}</dd>
          <dt>{t('variables')}</dt><dd className="mono">{v.variables.map((x) => x.name).join(', ') || '–'}</dd>
        </dl>
      )}
      <Link to={withQuery(promptPath(ref.name), { version: ref.version })} className="btn small" data-testid="open-prompt-version">{t('open')}</Link>
    </div>
  );
}
