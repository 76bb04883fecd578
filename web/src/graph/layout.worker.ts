import ELK from 'elkjs/lib/elk.bundled.js';
import { computeLayout, type LayoutRequest, type LayoutResponse } from './layout.js';

// elk.bundled runs ELK in this thread, which is already off the page's main thread.
const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, elements } = event.data;
  let response: LayoutResponse;
  try {
    response = { id, positions: await computeLayout(elk, elements) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
