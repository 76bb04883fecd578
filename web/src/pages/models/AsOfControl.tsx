import { useEffect, useState } from 'react';
import { defineMessages, useT } from '../../i18n/i18n.js';
import { asOfToInput, inputToAsOf } from './model-view.js';

const M = defineMessages(
  { asOf: 'As of', now: 'Now', hint: 'Show the registry as it was at this time (stages, aliases, labels, versions).' },
  { asOf: '时间点', now: '现在', hint: '显示注册表在该时间的状态（阶段、别名、标签、版本）。' },
);

/** A time-travel date: empty = now. */
export function AsOfControl({ asOf, onChange }: { asOf: string | null; onChange: (iso: string | null) => void }) {
  const t = useT(M);
  const [value, setValue] = useState(asOfToInput(asOf));
  useEffect(() => setValue(asOfToInput(asOf)), [asOf]);
  return (
    <div className="inline-form as-of" title={t('hint')}>
      <label>
        {t('asOf')}
        <input
          type="datetime-local"
          data-testid="as-of-input"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            const iso = inputToAsOf(e.target.value);
            if (iso || !e.target.value) onChange(iso);
          }}
        />
      </label>
      <button type="button" className="btn secondary small" data-testid="as-of-now" disabled={!asOf} onClick={() => onChange(null)}>{t('now')}</button>
    </div>
  );
}
