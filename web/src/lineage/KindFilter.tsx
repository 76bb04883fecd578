import { defineMessages, useT } from '../i18n/i18n.js';
import { useKindLabel } from '../KindBadge.js';
import { kindStyle } from '../kinds.js';
import { toggleKind } from './kindCounts.js';

const M = defineMessages(
  { show: 'Show', all: 'All kinds', hint: 'Only the chosen kinds are drawn (the root always is)' },
  { show: '显示', all: '全部类型', hint: '只绘制所选类型（根节点总会显示）' },
);

interface Props { counts: Array<{ kind: string; count: number }>; selected: readonly string[]; onChange: (kinds: string[]) => void }

/** Chips of the kinds in the view, with counts: click to filter the graph. */
export function KindFilter({ counts, selected, onChange }: Props) {
  const t = useT(M);
  const label = useKindLabel();
  if (counts.length < 2 && selected.length === 0) return null;
  return (
    <div className="chips" role="group" aria-label={t('show')} title={t('hint')} data-testid="kind-filter">
      <button type="button" className={selected.length === 0 ? 'chip active' : 'chip'} onClick={() => onChange([])} aria-pressed={selected.length === 0}>
        {t('all')}
      </button>
      {counts.map(({ kind, count }) => (
        <button key={kind} type="button" className={selected.includes(kind) ? 'chip active' : 'chip'} aria-pressed={selected.includes(kind)}
          onClick={() => onChange(toggleKind(selected, kind))} data-testid={`kind-chip-${kind}`}>
          <span className="dot" style={{ backgroundColor: kindStyle(kind).color }} />
          {label(kind)} <span className="count">{count}</span>
        </button>
      ))}
    </div>
  );
}
