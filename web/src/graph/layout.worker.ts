import ELK from 'elkjs/lib/elk.bundled.js';
import { ELK_MAX_NODES, computeLayout, type LayoutRequest, type LayoutResponse } from './layout.js';
import { layeredLayout } from './layered.js';

// elk.bundled runs ELK in this thread, which is already off the page's main thread. It is imported
// statically: loaded lazily, its worker bootstrap replaces this module's `onmessage`. The page starts
// this worker when the graph view mounts, so ELK loads while the first lineage is being fetched.
const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, elements } = event.data;
  let response: LayoutResponse;
  try {
    // Above ELK_MAX_NODES ELK takes seconds (~9 s for 2,000 nodes): the layered grid layout takes milliseconds.
    const positions = elements.nodes.length > ELK_MAX_NODES ? layeredLayout(elements) : await computeLayout(elk, elements);
    response = { id, positions };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
