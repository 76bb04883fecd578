import { useT } from '../../i18n/i18n.js';
import type { RunStatus } from '../../gql/graphql.js';
import { M } from './messages.js';

export function StatusBadge({ status }: { status: RunStatus }) {
  const t = useT(M);
  return <span className={`status ${status}`} data-testid="run-status">{t(status)}</span>;
}
