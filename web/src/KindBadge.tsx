import { kindStyle } from './kinds.js';

export function KindBadge({ kind }: { kind: string }) {
  const style = kindStyle(kind);
  return (
    <span className="kind-badge" style={{ backgroundColor: style.color }} title={kind}>
      {style.label}
    </span>
  );
}
