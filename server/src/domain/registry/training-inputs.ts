/**
 * The data a training run read, as lineage: for every dataset (version) read by the run (READ_BY,
 * from OpenLineage events or a training request), a TRAINS edge dataset → run. Job-level lineage
 * does not list runs; this edge brings the runs that produced model versions into it, so one
 * traversal goes dataset → run → model version → prompt version → trace.
 */
import type { GraphStore } from '../ports/GraphStore.js';
import type { EdgeInput } from '../model.js';

const MAX_INPUTS = 1000;

export async function trainingInputs(graph: GraphStore, tenant: string, runNodeId: string): Promise<EdgeInput[]> {
  const read = await graph.neighbours(tenant, runNodeId, { direction: 'UPSTREAM', edgeKinds: ['READ_BY'], limit: MAX_INPUTS, offset: 0 });
  const edges = new Map<string, EdgeInput>();
  for (const { node, edge } of read.items) {
    const dataset = node.kind === 'DatasetVersion' ? node.props.datasetId : node.id;
    if (typeof dataset !== 'string' || !dataset) continue;
    const prev = edges.get(dataset);
    if (!prev || edge.validFrom < prev.validFrom!) edges.set(dataset, { kind: 'TRAINS', from: dataset, to: runNodeId, validFrom: edge.validFrom });
  }
  return [...edges.values()];
}
