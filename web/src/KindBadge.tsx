import { useLang } from './i18n/i18n.js';
import { kindLabel, kindStyle } from './kinds.js';

/** The kind's name in the current language. */
export function useKindLabel(): (kind: string) => string {
  const { lang } = useLang();
  return (kind) => kindLabel(kind, lang);
}

export function KindBadge({ kind }: { kind: string }) {
  const label = useKindLabel();
  return (
    <span className="kind-badge" style={{ backgroundColor: kindStyle(kind).color }} title={kind}>
      {label(kind)}
    </span>
  );
}
