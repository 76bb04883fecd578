import type { Props } from '../model.js';

export type RunStateName = 'NEW' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'ABORTED' | 'OTHER';

const TERMINAL: Record<string, RunStateName> = { COMPLETE: 'COMPLETED', FAIL: 'FAILED', ABORT: 'ABORTED' };

/**
 * The state of a run from the event times it has seen (`at.<eventType>` props): a terminal event
 * wins over any non-terminal one whatever the arrival order (the latest terminal one if several);
 * otherwise RUNNING once started. Duplicates and reordering give the same answer.
 */
export function runState(props: Props): { state: RunStateName; startedAt: string | null; endedAt: string | null } {
  const t = (k: string) => (typeof props[`at.${k}`] === 'string' ? (props[`at.${k}`] as string) : null);
  const terminal = Object.keys(TERMINAL).map((k) => [k, t(k)] as const).filter(([, v]) => v).sort((a, b) => (a[1]! < b[1]! ? 1 : -1));
  const startedAt = t('START') ?? t('RUNNING');
  if (terminal.length) return { state: TERMINAL[terminal[0][0]], startedAt, endedAt: terminal[0][1] };
  if (startedAt) return { state: 'RUNNING', startedAt, endedAt: null };
  return { state: t('OTHER') ? 'OTHER' : 'NEW', startedAt: null, endedAt: null };
}
