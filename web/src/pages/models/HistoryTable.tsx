import { defineMessages, useT } from '../../i18n/i18n.js';
import { useQueryParams } from '../../shell/router.js';
import { GateResults } from './Gates.js';
import { describeEntry, type EntryLike } from './history.js';
import { filterHistory, HISTORY_KINDS, type HistoryKind } from './model-view.js';
import { useStageLabel } from './StageBadge.js';
import { Actor, When } from './ui.js';

export interface HistoryRow extends EntryLike {
  seq?: number | null;
  at: string;
  actor: { name?: string | null; role: string };
  reason?: string | null;
  outcome: string;
  rejectionCode?: string | null;
  rejectionMessage?: string | null;
  gates?: ReadonlyArray<{ gate: number; kind: string; passed: boolean; detail: string }>;
}

const M = defineMessages(
  {
    when: 'When', who: 'Who', what: 'What', why: 'Why', outcome: 'Outcome', APPLIED: 'applied', REJECTED: 'refused',
    all: 'All', stages: 'Stages', aliases: 'Aliases', labels: 'Labels', gates: 'Gates', rejected: 'Refused', empty: 'Nothing recorded.',
    registered: 'Registered v{version}', created: 'Created v{version}', transition: 'v{version}: {from} → {to}',
    pointerSet: '{pointer} → v{version}', pointerMoved: '{pointer}: v{previous} → v{version}', pointerRemoved: '{pointer} removed (was on v{previous})',
    gatesSet: 'Promotion gates changed', unknown: '{type}',
  },
  {
    when: '时间', who: '操作人', what: '内容', why: '原因', outcome: '结果', APPLIED: '已生效', REJECTED: '已拒绝',
    all: '全部', stages: '阶段', aliases: '别名', labels: '标签', gates: '门禁', rejected: '被拒绝', empty: '没有记录。',
    registered: '注册了 v{version}', created: '创建了 v{version}', transition: 'v{version}：{from} → {to}',
    pointerSet: '{pointer} → v{version}', pointerMoved: '{pointer}：v{previous} → v{version}', pointerRemoved: '删除了 {pointer}（原指向 v{previous}）',
    gatesSet: '晋级门禁已修改', unknown: '{type}',
  },
);

/** Who changed what, when and why, applied or refused (newest first), filterable by kind in the URL. */
export function HistoryTable({ history, subject = 'model' }: { history: ReadonlyArray<HistoryRow>; subject?: 'model' | 'prompt' }) {
  const t = useT(M);
  const stage = useStageLabel();
  const [query, setQuery] = useQueryParams();
  const kinds: ReadonlyArray<HistoryKind> = subject === 'model' ? HISTORY_KINDS : ['all', 'aliases', 'rejected'];
  const asked = query.get('history') as HistoryKind | null;
  const kind = asked && kinds.includes(asked) ? asked : 'all';
  const rows = filterHistory(history, kind);
  const kindLabel = (k: HistoryKind) => (subject === 'prompt' && k === 'aliases' ? t('labels') : t(k));
  const describe = (e: HistoryRow) => {
    const { key, vars } = describeEntry(e, subject);
    const pointer = subject === 'model' ? `@${vars.pointer}` : String(vars.pointer);
    return t(key, { ...vars, pointer, from: stage(String(vars.from)), to: stage(String(vars.to)) });
  };
  return (
    <>
      <div className="seg" role="tablist" data-testid="history-filter">
        {kinds.map((k) => (
          <button key={k} type="button" className={k === kind ? 'active' : undefined} onClick={() => setQuery({ history: k === 'all' ? null : k })} data-testid={`history-${k}`}>{kindLabel(k)}</button>
        ))}
      </div>
      {rows.length === 0 ? <p className="muted">{t('empty')}</p> : (
        <table className="grid" data-testid="history-table" style={{ marginTop: 8 }}>
          <thead><tr><th>{t('when')}</th><th>{t('who')}</th><th>{t('what')}</th><th>{t('why')}</th><th>{t('outcome')}</th></tr></thead>
          <tbody>
            {rows.map((e, i) => (
              <tr key={e.seq ?? `r${i}`} data-testid="history-row" data-outcome={e.outcome}>
                <td><When iso={e.at} /></td>
                <td><Actor actor={e.actor} /></td>
                <td>{describe(e)}</td>
                <td>{e.reason ?? <span className="muted">–</span>}</td>
                <td>
                  <span className={`badge ${e.outcome.toLowerCase()}`}>{e.outcome === 'APPLIED' || e.outcome === 'REJECTED' ? t(e.outcome) : e.outcome}</span>
                  {e.rejectionMessage && <div className="hint error">{e.rejectionCode && <code>{e.rejectionCode}</code>} {e.rejectionMessage}</div>}
                  {e.gates && e.outcome === 'REJECTED' && <GateResults gates={e.gates} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
