import { defineMessages, useT } from '../i18n/i18n.js';
import { fromLocalInput, toLocalInput } from './timeTravel.js';

const M = defineMessages(
  { asOf: 'As of', now: 'Now', hint: 'Time travel: show the graph as it was at this date and time', pastBadge: 'Past view' },
  { asOf: '时间点', now: '现在', hint: '时间旅行：显示该时间点的图', pastBadge: '历史视图' },
);

/** A date-time control: empty means "now"; any other value sends `asOf` with every query. */
export function TimeTravel({ asOf, onChange }: { asOf: string | null; onChange: (asOf: string | null) => void }) {
  const t = useT(M);
  return (
    <label className={asOf ? 'time-travel past' : 'time-travel'} title={t('hint')}>
      {t('asOf')}
      <input
        type="datetime-local"
        value={toLocalInput(asOf)}
        onChange={(e) => onChange(fromLocalInput(e.target.value))}
        data-testid="as-of-input"
      />
      {asOf && <span className="past-badge" data-testid="as-of-badge">{t('pastBadge')}</span>}
      <button type="button" className="link" disabled={!asOf} onClick={() => onChange(null)} data-testid="as-of-now">{t('now')}</button>
    </label>
  );
}
