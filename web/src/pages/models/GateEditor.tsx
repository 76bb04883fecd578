import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation.js';
import { useQuery } from '../../api/useQuery.js';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { PluginGatesDocument, SetPromotionGatesDocument } from './documents.js';
import { gateOfField, gatesToRows, newRow, rowsToInput, type GateRow, type RowProblem } from './gate-form.js';
import type { GateConfig } from './gates.js';
import { GateRowEditor, type GateOffer } from './GateRowEditor.js';
import { ErrorNote } from './ui.js';

const NO_VARIABLES = {};

const M = defineMessages(
  {
    intro: 'Saving replaces all of this model\'s gates; a gate guards entering the stages it names and moving its aliases.', none: 'No gates: saving removes every gate.',
    add: 'Add a gate', reason: 'Reason (recorded in the history)', save: 'Save gates', saving: 'Saving…', cancel: 'Cancel',
    noPlugins: 'No plugin offers promotion gates in this Loom. Plugins can offer them: start Loom with LOOM_PLUGINS (e.g. server/plugins/examples/change-approval.mjs).',
    pluginsFailed: 'The plugin gates could not be listed: {error}', fix: 'Fix the marked fields; nothing was saved.',
  },
  {
    intro: '保存会替换此模型的全部门禁；门禁守护进入其所列的阶段以及其别名的移动。', none: '没有门禁：保存将删除所有门禁。',
    add: '添加门禁', reason: '原因（记入历史）', save: '保存门禁', saving: '保存中…', cancel: '取消',
    noPlugins: '本 Loom 中没有插件提供晋级门禁。插件可以提供门禁：以 LOOM_PLUGINS 启动 Loom（如 server/plugins/examples/change-approval.mjs）。',
    pluginsFailed: '无法列出插件门禁：{error}', fix: '请修正标出的字段；没有保存任何内容。',
  },
);

/** The gates the loaded plugins offer, in load order (their names are unique: Loom refuses a second at start). */
function useGateOffers(): { offers: GateOffer[]; loaded: boolean; error: string | null } {
  const { data, error } = useQuery(PluginGatesDocument, NO_VARIABLES);
  const offers = useMemo(() => (data?.plugins ?? []).flatMap((p) => p.promotionGates), [data]);
  return { offers, loaded: data !== null, error };
}

/**
 * Edit a model's promotion gates (admins): the configured gates as rows, add and remove, and save the
 * whole list with setPromotionGates. A server refusal is shown with the row its `extensions.field` names.
 */
export function GateEditor({ name, gates, onSaved, onCancel }: { name: string; gates: ReadonlyArray<GateConfig>; onSaved: () => void; onCancel: () => void }) {
  const t = useT(M);
  const { offers, loaded, error: offersError } = useGateOffers();
  const [rows, setRows] = useState<GateRow[]>(() => gatesToRows(gates));
  const [nextId, setNextId] = useState(gates.length);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [save, state, resetSave] = useMutation(SetPromotionGatesDocument);
  const named = state.code === 'BAD_USER_INPUT' ? gateOfField(state.field) : null;

  const change = (id: number, patch: Partial<GateRow>) => {
    setRows((all) => all.map((r) => (r.id === id ? { ...r, ...patch } : r)));
    setProblems((all) => all.filter((p) => rows[p.row]?.id !== id || !Object.keys(patch).includes(p.field)));
  };
  const restructure = (next: GateRow[]) => { // positions move: what named a position is stale
    setRows(next);
    setProblems([]);
    resetSave();
  };
  const add = () => {
    restructure([...rows, newRow(nextId, offers[0]?.name)]);
    setNextId((n) => n + 1);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = rowsToInput(rows);
    resetSave();
    if ('problems' in built) return setProblems(built.problems);
    setProblems([]);
    if (await save({ input: { name, gates: built.gates, reason: reason.trim() || null } })) onSaved();
  };

  return (
    <form className="form gate-editor" onSubmit={submit} data-testid="gate-editor" noValidate>
      <p className="hint">{t('intro')}</p>
      {loaded && !offers.length && <p className="hint" data-testid="gates-no-plugins">{t('noPlugins')}</p>}
      {offersError && <p className="hint error">{t('pluginsFailed', { error: offersError })}</p>}
      <div className="gate-rows">
        {rows.map((row, index) => (
          <GateRowEditor
            key={row.id} row={row} index={index} offers={offers}
            problems={problems.filter((p) => p.row === index)} named={named?.row === index ? named : null}
            onChange={(patch) => change(row.id, patch)} onRemove={() => restructure(rows.filter((r) => r.id !== row.id))}
          />
        ))}
        {!rows.length && <p className="muted hint" data-testid="gates-none">{t('none')}</p>}
      </div>
      <div>
        <button type="button" className="btn secondary" onClick={add} data-testid="gate-add">{t('add')}</button>
      </div>
      <label>
        {t('reason')}
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="gates-reason" />
      </label>
      {problems.length > 0 && <p className="field-error" role="alert" data-testid="gates-fix">{t('fix')}</p>}
      {state.error && <ErrorNote message={state.error} code={state.code} testId="gates-error" />}
      <div className="gate-actions">
        <button type="submit" className="btn" disabled={state.running} data-testid="gates-save">{state.running ? t('saving') : t('save')}</button>
        <button type="button" className="btn secondary" onClick={onCancel} data-testid="gates-cancel">{t('cancel')}</button>
      </div>
    </form>
  );
}
