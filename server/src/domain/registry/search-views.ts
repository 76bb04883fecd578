/**
 * Which registered models or prompts a list shows: names containing `search` (case-insensitive; all
 * without it), registered by `asOf`, in name order, one page of them. ModelsService.list and
 * PromptsService.list build each one's view.
 */
import type { GraphStore } from '../ports/GraphStore.js';
import { REGISTRY_NAMESPACE } from '../ids.js';
import { badInput } from '../errors.js';
import { checkPaging } from './validate.js';

/**
 * The most nodes a name-ordered list reads: graph search answers in its own order (exact name, kind,
 * length, id), so a page in name order is cut from all of them, never from the first offset + first.
 * Graph search matches ids too (`model:registry:…` would match "registry"): names are checked again here.
 */
export const NAME_ORDER_LIMIT = 10_000;

export async function registryNames(
  graph: GraphStore, tenant: string, kind: 'Model' | 'Prompt', page: { first: number; offset: number; asOf?: string; search?: string | null },
): Promise<string[]> {
  const { first, offset, asOf } = page;
  checkPaging(first, offset, 100);
  const needle = (page.search ?? '').trim().toLowerCase();
  if (needle.length > 200) throw badInput('search', 'must be at most 200 characters');
  const nodes = await graph.search(tenant, { text: needle, kinds: [kind], limit: NAME_ORDER_LIMIT });
  return nodes
    .filter((n) => n.namespace === REGISTRY_NAMESPACE && typeof n.props.registeredAt === 'string' && (!asOf || String(n.props.registeredAt) <= asOf))
    .map((n) => n.name)
    .filter((name) => name.toLowerCase().includes(needle))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(offset, offset + first);
}
