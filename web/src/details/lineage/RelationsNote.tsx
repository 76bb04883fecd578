import { useT } from '../../i18n/i18n.js';
import { RELATIONS_FIRST } from './useRelations.js';
import { M } from './parts.js';

/** Says when a node has more neighbours than the details panel reads. */
export function RelationsNote({ total }: { total: number }) {
  const t = useT(M);
  return total > RELATIONS_FIRST ? <p className="muted small">{t('more', { n: RELATIONS_FIRST, total })}</p> : null;
}
