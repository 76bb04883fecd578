import { useT } from '../../i18n/i18n.js';
import type { DetailRelations } from './useRelations.js';
import { RunList } from './JobDetails.js';
import { M, NodeList, Section } from './parts.js';

/** The owning job (unless `ownerless`) and the runs linked to a version. */
export function JobRunsAndOwner({ relations, onOpen, ownerless = false }: { relations: DetailRelations; onOpen: (id: string) => void; ownerless?: boolean }) {
  const t = useT(M);
  return (
    <>
      {!ownerless && (
        <Section title={t('job')}>
          <NodeList nodes={relations.owner ? [relations.owner] : []} empty={t('none')} onOpen={onOpen} />
        </Section>
      )}
      <Section title={t('runs')} count={relations.counts.runs} testId="details-runs">
        <RunList runs={relations.runs} onOpen={onOpen} />
      </Section>
    </>
  );
}
