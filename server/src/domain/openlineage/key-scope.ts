/**
 * What an OpenLineage event of an API key limited to namespaces may write (Principal.namespaces): the
 * checks its content alone decides (`checkScope`, as it is placed), and those the graph decides
 * (`graphChecks`: what the runs and datasets it names already are).
 */
import type { GraphNode } from '../model.js';
import { LoomError } from '../errors.js';
import { nodeId, runNodeId } from '../ids.js';
import { requireInScope } from '../registry/actor.js';
import { parentOf } from './mapper.js';
import { previousIdentifier, symlinks } from './batch-builder.js';
import type { DatasetRef, OpenLineageEvent } from './event.schema.js';

/** A dataset as the graph names it (plugins may rename them). */
type Named = (d: DatasetRef) => { namespace: string; name: string };

/**
 * The dataset facets that change what a dataset is rather than describe the version read: its existence
 * (a drop, a rename), its tags, description and owners. On an input they are written as on an output,
 * so an input carrying one is written: it must lie in the namespaces too.
 */
const CHANGING_FACETS = ['lifecycleStateChange', 'tags', 'documentation', 'ownership'] as const;
const changingFacet = (d: DatasetRef) => CHANGING_FACETS.find((f) => d.facets?.[f] !== undefined && d.facets?.[f] !== null);

/**
 * What an event writes must lie in the sender's namespaces: its job (and so its runs) and its outputs
 * (or a DatasetEvent's dataset), as the graph names them. Its inputs may lie anywhere: reading another
 * team's data is what lineage is about; but not an input that drops, renames, tags, describes or owns
 * its dataset (CHANGING_FACETS), which is a write.
 */
export function checkScope(event: OpenLineageEvent, namespaces: readonly string[], named: Named): void {
  if (event.job) requireInScope(namespaces, event.job.namespace, 'write a job', 'job.namespace');
  // The parent run an event names is written too (a run of the parent job): a run added to another team's job.
  const parent = parentOf(event.run?.facets);
  if (parent) requireInScope(namespaces, parent.namespace, 'add a run to a job', 'run.facets.parent.job.namespace');
  // What a written dataset says of others is written too: its symlinks' datasets, the dataset a rename ends.
  const written = (d: DatasetRef, at: string, namespaceField = `${at}.namespace`) => {
    requireInScope(namespaces, named(d).namespace, 'write a dataset', namespaceField);
    for (const s of symlinks(d)) requireInScope(namespaces, s.namespace, 'write a dataset', `${at}.facets.symlinks.identifiers`);
    const before = previousIdentifier(d);
    if (before) requireInScope(namespaces, before.namespace, 'rename a dataset', `${at}.facets.lifecycleStateChange.previousIdentifier.namespace`);
  };
  (event.outputs ?? []).forEach((d, i) => written(d, `outputs[${i}]`));
  (event.inputs ?? []).forEach((d, i) => {
    const facet = changingFacet(d);
    if (facet) written(d, `inputs[${i}]`, `inputs[${i}].facets.${facet}`);
  });
  if (event.dataset) written(event.dataset, 'dataset');
}

/**
 * The checks of a (validated, in-scope) event that need the graph: `ids` to read, then `check` with the
 * nodes found. The runs it names (its own, its parent) must not be runs of a job outside the namespaces
 * (a team's emitter naming another team's run id would add its job, state and outputs to that run);
 * it must not end a feature group's dataset (drop, rename): a feature group is the tenant's, and such a
 * key defines and drops none.
 */
export function graphChecks(event: OpenLineageEvent, named: Named): { ids: string[]; check(found: ReadonlyMap<string, GraphNode>, namespaces: readonly string[]): void } {
  const runs: { runId: string; field: string }[] = [];
  if (typeof event.run?.runId === 'string') runs.push({ runId: event.run.runId, field: 'run.runId' });
  const parent = parentOf(event.run?.facets);
  if (parent) runs.push({ runId: parent.runId, field: 'run.facets.parent.run.runId' });
  const ended: { id: string; field: string }[] = [];
  const ends = (d: DatasetRef, at: string) => {
    const change = (d.facets?.lifecycleStateChange as { lifecycleStateChange?: unknown } | undefined)?.lifecycleStateChange;
    if (change === 'DROP') ended.push({ id: nodeId('Dataset', named(d).namespace, named(d).name), field: `${at}.facets.lifecycleStateChange` });
    const before = previousIdentifier(d);
    if (before) ended.push({ id: nodeId('Dataset', named(before).namespace, named(before).name), field: `${at}.facets.lifecycleStateChange.previousIdentifier` });
  };
  (event.outputs ?? []).forEach((d, i) => ends(d, `outputs[${i}]`));
  (event.inputs ?? []).forEach((d, i) => ends(d, `inputs[${i}]`));
  if (event.dataset) ends(event.dataset, 'dataset');
  return {
    ids: [...runs.map((r) => runNodeId(r.runId)), ...ended.map((d) => d.id)],
    check(found, namespaces) {
      for (const { runId, field } of runs) {
        const run = found.get(runNodeId(runId));
        if (run) requireInScope(namespaces, run.namespace, `write run ${runId}, a run of a job`, field);
      }
      for (const { id, field } of ended) {
        const node = found.get(id);
        if (node?.kind === 'FeatureGroup') throw new LoomError('FORBIDDEN', `${field}: ${node.namespace}/${node.name} is a feature group, which only a key not limited to namespaces may drop or rename`, field);
      }
    },
  };
}
