/**
 * Tags: a tenant's labels on what its graph holds (`PII`, `gold`, `owner:@data-team`), as Marquez and
 * DataHub users classify datasets and columns. A tag is a `Tag` node (its description); a tagged node has a
 * TAGGED edge to it, ended (never deleted) when the tag is taken off, so an as-of view still shows it.
 * Tags come from people (GraphQL, Marquez's tag API) and from emitters (OpenLineage's `tags` facets).
 */
import type { EdgeInput, GraphEdge, NodeInput, NodeKind, Props } from '../model.js';
import { nodeId, REGISTRY_NAMESPACE } from '../ids.js';
import { badInput } from '../errors.js';

/** What may carry a tag: the catalog's things, not its bookkeeping (keys, webhooks, alerts, history). */
export const TAGGABLE_KINDS: readonly NodeKind[] = [
  'Namespace', 'Dataset', 'DatasetVersion', 'Field', 'Job', 'JobVersion', 'Run', 'Experiment', 'Model', 'ModelVersion',
  'FeatureGroup', 'Feature', 'Prompt', 'PromptVersion', 'Evaluation', 'Trace',
];

/** Letters of any script, digits, `_ . - / : @` and inner spaces; 1-100 characters. */
const NAME = /^[\p{L}\p{N}](?:[\p{L}\p{N}_.\-/:@ ]{0,98}[\p{L}\p{N}_.\-/:@])?$/u;

export function checkTagName(field: string, name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw badInput(field, 'must be 1-100 characters of letters, digits, "_", ".", "-", "/", ":", "@" or inner spaces, starting with a letter or digit');
  }
  return name;
}

/**
 * Set (never unset) on a dataset once it or one of its fields was tagged: readers that show tags beside many
 * datasets (Marquez's lineage graph and lists) read the tags of those only, as most datasets have none.
 */
export const TAGGED_PROP = 'tagged';

/** Tags live in the reserved registry namespace: `tag:registry:<name>`. */
export const tagId = (name: string) => nodeId('Tag', REGISTRY_NAMESPACE, name);

export const tagNode = (name: string, at: string, props: Props = {}): NodeInput => ({ id: tagId(name), kind: 'Tag', namespace: REGISTRY_NAMESPACE, name, props, at });

/** Who put a tag on: `USER` (a person or a client, with the actor), or what an emitter named (`INTEGRATION`, `DBT CORE`...). */
export interface TagOrigin { source: string; actor?: string | null; role?: string | null }

export function taggedEdge(from: string, name: string, at: string, origin: TagOrigin, current: boolean | undefined): EdgeInput {
  // A person's tag records when; an emitter's only its source (its first sight is the edge's validFrom), so
  // events replayed in any order leave the same edge.
  const props: Props = { source: origin.source };
  if (origin.source === 'USER') props.at = at;
  if (origin.actor) props.actor = origin.actor;
  if (origin.role) props.role = origin.role;
  // undefined: an emitter's tag (a new edge is current; one a person took off stays off).
  return { kind: 'TAGGED', from, to: tagId(name), props, validFrom: at, ...(current === undefined ? {} : { validTo: current ? null : at }) };
}

/** One tag on one node, as the API shows it. */
export interface NodeTag { name: string; source: string; at: string; actor: string | null; role: string | null; validTo: string | null }

export function nodeTagOf(edge: GraphEdge): NodeTag {
  const p = edge.props;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    name: edge.to.slice(tagId('').length), source: str(p.source) ?? 'USER', at: str(p.at) ?? edge.validFrom,
    actor: str(p.actor), role: str(p.role), validTo: edge.validTo,
  };
}

/** OpenLineage's tags facet (datasets, jobs, runs): `{ key, value, source, field }` each. */
export interface FacetTag { name: string; source: string; field: string | null }

/**
 * The tags an OpenLineage `tags` facet names. A tag is its key, or `key:value` when the value says more
 * than "yes" (`{key: "pii", value: "true"}` is `pii`; `{key: "owner", value: "@ana"}` is `owner:@ana`), so
 * two emitters' values are two tags rather than one overwriting the other in arrival order. Entries that
 * do not make a tag name are skipped (an emitter's odd facet never refuses its event).
 */
export function facetTags(facets: Record<string, unknown> | null | undefined): FacetTag[] {
  const tags = (facets?.tags as { tags?: unknown } | undefined)?.tags;
  if (!Array.isArray(tags)) return [];
  const out = new Map<string, FacetTag>();
  for (const t of tags.slice(0, 100)) {
    const { key, value, source, field } = (t ?? {}) as Record<string, unknown>;
    if (typeof key !== 'string') continue;
    const v = typeof value === 'string' ? value.trim() : typeof value === 'boolean' || typeof value === 'number' ? String(value) : '';
    const name = (v === '' || v.toLowerCase() === 'true' ? key : `${key}:${v}`).trim();
    if (!NAME.test(name)) continue;
    const f = typeof field === 'string' && field ? field : null;
    out.set(`${f ?? ''}\u0000${name}`, { name, source: typeof source === 'string' && source ? source.slice(0, 100) : 'INTEGRATION', field: f });
  }
  return [...out.values()];
}
