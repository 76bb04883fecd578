/** Where the registry pages link to (the lineage explorer reads `?node=`; runs have their own page). */
import { withQuery } from '../../shell/router.js';

export const modelPath = (name: string) => `/models/${encodeURIComponent(name)}`;
export const runPath = (runId: string) => `/runs/${encodeURIComponent(runId)}`;
/** The lineage explorer opened on a node; `select`: with its details panel open too. */
export const lineagePath = (nodeId: string, { select = false } = {}) => withQuery('/lineage', { node: nodeId, sel: select ? nodeId : null });
export const promptPath = (name: string) => `/prompts/${encodeURIComponent(name)}`;
export const tracePath = (traceId: string) => `/traces/${encodeURIComponent(traceId)}`;

/** The rest of the path after a page's prefix, decoded (`/models/a%2Fb` → `a/b`); a malformed escape is kept as typed. */
export function pathRest(path: string, prefix: string): string {
  const rest = path.slice(prefix.length).replace(/^\/+|\/+$/g, '');
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}
