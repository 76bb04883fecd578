import { useT } from '../../i18n/i18n.js';
import type { KindDetailsProps } from '../kinds/types.js';
import { runState, type Relations } from '../relations.js';
import { Loading, M, NodeList, Section } from './parts.js';
import { Facets } from './Quality.js';
import { ReceivedEvents } from './ReceivedEvents.js';
import { LineageHistory } from './LineageHistory.js';
import { RelationsNote } from './RelationsNote.js';
import { useRelations } from './useRelations.js';

const RUN_STATES = ['START', 'RUNNING', 'COMPLETE', 'FAIL', 'ABORT', 'OTHER'] as const;

/** Runs of a job or job version, newest first, with their state and what they did. */
export function RunList({ runs, onOpen }: { runs: Relations['runs']; onOpen: (id: string) => void }) {
  const t = useT(M);
  const roles = new Map(runs.map((r) => [r.node.id, r.role]));
  // OpenLineage's run states, in the page's language (another state an emitter made up, as it sent it)
  const stateText = (state: string) => ((RUN_STATES as readonly string[]).includes(state) ? t(state as (typeof RUN_STATES)[number]) : state);
  return (
    <NodeList nodes={runs.map((r) => r.node)} empty={t('noRuns')} onOpen={onOpen}
      extra={(n) => <span className={`run-state state-${(runState(n.props) ?? '').toLowerCase()}`}> {stateText(runState(n.props) ?? '')} · {t(roles.get(n.id) ?? 'of')}</span>} />
  );
}

/** Job: versions, runs, what it reads and writes, facets. */
export function JobDetails({ node, onOpenLineage }: KindDetailsProps) {
  const t = useT(M);
  const { relations, loading, error } = useRelations(node.id);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!relations) return loading ? <Loading /> : null;
  return (
    <>
      <RelationsNote cut={relations.cut} />
      <Section title={t('versions')} count={relations.counts.versions} testId="details-versions">
        <NodeList nodes={relations.versions} empty={t('noVersions')} onOpen={onOpenLineage} />
      </Section>
      <Section title={t('runs')} count={relations.counts.runs} testId="details-runs">
        <RunList runs={relations.runs} onOpen={onOpenLineage} />
      </Section>
      <Section title={t('inputs')} count={relations.counts.inputs}>
        <NodeList nodes={relations.inputs} empty={t('none')} onOpen={onOpenLineage} />
      </Section>
      <Section title={t('outputs')} count={relations.counts.outputs}>
        <NodeList nodes={relations.outputs} empty={t('none')} onOpen={onOpenLineage} />
      </Section>
      <LineageHistory nodeId={node.id} onOpen={onOpenLineage} />
      <Facets props={node.props} />
      <ReceivedEvents job={{ namespace: node.namespace, name: node.name }} />
    </>
  );
}
