import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { useQueryParams } from '../../shell/router.js';
import { ErrorNote, Loading } from '../models/ui.js';
import { DiffPromptVersionsDocument } from './documents.js';
import { diffStats, sideBySide, type DiffLine } from './diff.js';

const M = defineMessages(
  {
    from: 'From', to: 'To', split: 'Side by side', unified: 'Unified', stats: '+{added} −{removed} lines', same: 'The templates are identical.',
    varsAdded: 'Variables added: {names}', varsRemoved: 'Variables removed: {names}', typeChanged: 'The template type changed (text ↔ chat).',
    config: 'Config changes', key: 'Key', before: 'Before', after: 'After', one: 'There is one version only: create another to compare.',
  },
  {
    from: '从', to: '到', split: '并排', unified: '合并', stats: '+{added} −{removed} 行', same: '两个模板完全相同。',
    varsAdded: '新增变量：{names}', varsRemoved: '删除变量：{names}', typeChanged: '模板类型已改变（文本 ↔ 对话）。',
    config: '配置变化', key: '键', before: '之前', after: '之后', one: '只有一个版本：再创建一个版本才能比较。',
  },
);

const show = (v: unknown) => (v === undefined || v === null ? '–' : JSON.stringify(v));

/** Two versions compared by the server (`diffPromptVersions`), shown side by side or unified. */
export function DiffView({ name, versions }: { name: string; versions: ReadonlyArray<number> }) {
  const t = useT(M);
  const [query, setQuery] = useQueryParams();
  const from = Number(query.get('from')) || versions[1] || null;
  const to = Number(query.get('to')) || versions[0] || null;
  const mode = query.get('diff') === 'unified' ? 'unified' : 'split';
  const { data, loading, error } = useQuery(DiffPromptVersionsDocument, from && to && versions.length > 1 ? { name, from, to } : null);
  if (versions.length < 2) return <p className="muted hint">{t('one')}</p>;
  const diff = data?.diffPromptVersions;
  const stats = diff ? diffStats(diff.lines) : null;
  const select = (key: 'from' | 'to', value: number | null) => (
    <label>{t(key)}
      <select value={value ?? ''} onChange={(e) => setQuery({ [key]: e.target.value })} data-testid={`diff-${key}`}>
        {versions.map((v) => <option key={v} value={v}>v{v}</option>)}
      </select>
    </label>
  );
  return (
    <div data-testid="diff-view">
      <div className="inline-form">
        {select('from', from)}
        {select('to', to)}
        <div className="seg">
          <button type="button" className={mode === 'split' ? 'active' : undefined} onClick={() => setQuery({ diff: null })} data-testid="diff-split">{t('split')}</button>
          <button type="button" className={mode === 'unified' ? 'active' : undefined} onClick={() => setQuery({ diff: 'unified' })} data-testid="diff-unified">{t('unified')}</button>
        </div>
      </div>
      {error && <ErrorNote message={error} testId="diff-error" />}
      {!diff && loading && <Loading />}
      {diff && (
        <>
          <p className="hint" data-testid="diff-stats">{stats && stats.added + stats.removed === 0 ? t('same') : t('stats', { ...stats })}</p>
          {diff.typeChanged && <p className="note info-note">{t('typeChanged')}</p>}
          {diff.variablesAdded.length > 0 && <p className="hint">{t('varsAdded', { names: diff.variablesAdded.join(', ') })}</p>}
          {diff.variablesRemoved.length > 0 && <p className="hint">{t('varsRemoved', { names: diff.variablesRemoved.join(', ') })}</p>}
          {mode === 'split' ? <SplitDiff lines={diff.lines} /> : <pre className="diff-unified" data-testid="diff-unified-text">{diff.lines.map((l, i) => <div key={i} className={`diff-${l.op.toLowerCase()}`}>{l.op === 'ADDED' ? '+' : l.op === 'REMOVED' ? '-' : ' '} {l.text}</div>)}</pre>}
          {diff.configChanges.length > 0 && (
            <>
              <h3>{t('config')}</h3>
              <table className="grid" data-testid="diff-config">
                <thead><tr><th>{t('key')}</th><th>{t('before')}</th><th>{t('after')}</th></tr></thead>
                <tbody>{diff.configChanges.map((c) => <tr key={c.key}><td className="mono">{c.key}</td><td className="mono diff-removed">{show(c.from)}</td><td className="mono diff-added">{show(c.to)}</td></tr>)}</tbody>
              </table>
            </>
          )}
        </>
      )}
    </div>
  );
}

function SplitDiff({ lines }: { lines: ReadonlyArray<DiffLine> }) {
  return (
    <table className="diff-split" data-testid="diff-split-table">
      <tbody>
        {sideBySide(lines).map((row, i) => (
          <tr key={i}>
            <td className="ln">{row.left?.line ?? ''}</td>
            <td className={row.left ? `diff-${row.left.op.toLowerCase()}` : 'diff-blank'}>{row.left?.text ?? ''}</td>
            <td className="ln">{row.right?.line ?? ''}</td>
            <td className={row.right ? `diff-${row.right.op.toLowerCase()}` : 'diff-blank'}>{row.right?.text ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
