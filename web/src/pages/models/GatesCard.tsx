import { useState } from 'react';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { useIsAdmin } from '../../ViewerBadge.js';
import { GateConfigList } from './Gates.js';
import { GateEditor } from './GateEditor.js';
import type { GateConfig } from './gates.js';

const M = defineMessages(
  {
    gates: 'Promotion gates', noGates: 'No gates: every transition and alias move is allowed (Production still needs the admin role).',
    edit: 'Edit gates', saved: 'Gates saved; the change is in the history.',
  },
  {
    gates: '晋级门禁', noGates: '没有门禁：所有阶段变更和别名移动都允许（生产阶段仍需管理员角色）。',
    edit: '编辑门禁', saved: '门禁已保存；修改已记入历史。',
  },
);

/**
 * A model's promotion gates in words; admins edit them here (`editable`: false for a past as-of view).
 * Saving closes the editor and reloads the model, so the list and the history show the change.
 */
export function GatesCard({ name, gates, editable, onChanged }: { name: string; gates: ReadonlyArray<GateConfig>; editable: boolean; onChanged: () => void }) {
  const t = useT(M);
  const canEdit = useIsAdmin() && editable;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const open = canEdit && editing;

  return (
    <section className={`card gates-card${open ? ' editing' : ''}`} data-testid="gates-card">
      <div className="card-head">
        <h2>{t('gates')}</h2>
        {canEdit && !open && (
          <button type="button" className="btn secondary small" onClick={() => { setEditing(true); setSaved(false); }} data-testid="gates-edit">{t('edit')}</button>
        )}
      </div>
      {open ? (
        <GateEditor name={name} gates={gates} onCancel={() => setEditing(false)} onSaved={() => { setEditing(false); setSaved(true); onChanged(); }} />
      ) : gates.length ? <GateConfigList gates={gates} /> : <p className="muted hint">{t('noGates')}</p>}
      {saved && !open && <p className="note ok-note" data-testid="gates-saved">{t('saved')}</p>}
    </section>
  );
}
