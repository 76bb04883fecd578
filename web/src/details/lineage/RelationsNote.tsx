import { useT } from '../../i18n/i18n.js';
import { RELATIONS_FIRST } from './useRelations.js';
import { M } from './parts.js';

/** Says when a section lists only the first of what it counts. */
export function RelationsNote({ cut }: { cut: boolean }) {
  const t = useT(M);
  return cut ? <p className="muted small">{t('listsCut', { n: RELATIONS_FIRST })}</p> : null;
}
