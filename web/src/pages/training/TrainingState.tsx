import { useT } from '../../i18n/i18n.js';
import type { TrainingState as State } from '../../gql/graphql.js';
import { M } from './messages.js';

export const isFinal = (s: State): boolean => s === 'SUCCEEDED' || s === 'FAILED' || s === 'CANCELLED';

export function TrainingStateBadge({ state }: { state: State }) {
  const t = useT(M);
  return <span className={`status ${state}`} data-testid="training-state" data-state={state}>{t(state)}</span>;
}
