/** The graph the GraphStore contract writes: datasets and jobs in namespace `ns`, read and written. */
import type { EdgeInput, NodeInput } from '../domain/model.js';

export const ds = (name: string, props: Record<string, unknown> = {}): NodeInput => ({ id: `dataset:ns:${name}`, kind: 'Dataset', namespace: 'ns', name, props });
export const job = (name: string): NodeInput => ({ id: `job:ns:${name}`, kind: 'Job', namespace: 'ns', name });
export const reads = (d: string, j: string): EdgeInput => ({ kind: 'INPUT_TO', from: `dataset:ns:${d}`, to: `job:ns:${j}` });
export const writes = (j: string, d: string): EdgeInput => ({ kind: 'OUTPUT', from: `job:ns:${j}`, to: `dataset:ns:${d}` });
