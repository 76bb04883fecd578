/**
 * A node's neighbours grouped by what they mean for the details panel (pure): schema fields, versions,
 * runs, inputs and outputs, column derivations; facets and quality results read from props.
 */
export interface RelNode { id: string; kind: string; namespace: string; name: string; props: unknown; createdAt: string; updatedAt: string; tags?: readonly { name: string }[] }
export interface RelEdge { kind: string; from: string; to: string; props: unknown; validFrom: string; validTo?: string | null }
export interface Relation { edge: RelEdge; node: RelNode }

export interface Relations {
  /** Schema fields (a feature group's Feature nodes are listed on the Features page, not here). */
  fields: RelNode[];
  versions: RelNode[];
  /** The dataset or job this version or field belongs to. */
  owner: RelNode | null;
  runs: Array<{ node: RelNode; role: 'read' | 'wrote' | 'ran' | 'of' }>;
  inputs: RelNode[];
  outputs: RelNode[];
  derivedFrom: Relation[];
  derives: Relation[];
}

const newestFirst = (a: RelNode, b: RelNode) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);

export function groupRelations(id: string, items: readonly Relation[]): Relations {
  const out = (kind: string) => items.filter((r) => r.edge.kind === kind && r.edge.from === id);
  const into = (kind: string) => items.filter((r) => r.edge.kind === kind && r.edge.to === id);
  const nodes = (rs: Relation[]) => rs.map((r) => r.node);
  const runs: Relations['runs'] = [
    ...out('READ_BY').map((r) => ({ node: r.node, role: 'read' as const })),
    ...into('WROTE').map((r) => ({ node: r.node, role: 'wrote' as const })),
    ...into('RAN').map((r) => ({ node: r.node, role: 'ran' as const })),
    ...into('RUN_OF').map((r) => ({ node: r.node, role: 'of' as const })),
  ].sort((a, b) => newestFirst(a.node, b.node));
  return {
    fields: nodes(out('HAS_FIELD')).filter((n) => n.kind !== 'Feature').sort((a, b) => a.name.localeCompare(b.name)),
    versions: nodes(out('HAS_VERSION')).sort(newestFirst),
    owner: into('HAS_VERSION')[0]?.node ?? into('HAS_FIELD')[0]?.node ?? null,
    runs,
    inputs: nodes(into('INPUT_TO')),
    outputs: nodes(out('OUTPUT')),
    derivedFrom: into('DERIVES'),
    derives: out('DERIVES'),
  };
}

/** `facets.<name>` and `quality.<name>` props, by name. */
export function propsWithPrefix(props: unknown, prefix: 'facets' | 'quality'): Array<{ name: string; value: unknown }> {
  if (!props || typeof props !== 'object') return [];
  return Object.entries(props as Record<string, unknown>)
    .filter(([key, value]) => key.startsWith(`${prefix}.`) && value !== null)
    .map(([key, value]) => ({ name: key.slice(prefix.length + 1), value }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface Assertion { assertion: string; column: string | null; success: boolean }

/** The assertions of a `dataQualityAssertions` facet (OpenLineage), malformed entries skipped. */
export function assertionsOf(props: unknown): Assertion[] {
  const facet = (props as Record<string, unknown> | null)?.['quality.dataQualityAssertions'] as { assertions?: unknown } | undefined;
  if (!Array.isArray(facet?.assertions)) return [];
  return facet.assertions
    .filter((a): a is Record<string, unknown> => Boolean(a) && typeof a === 'object' && typeof (a as Record<string, unknown>).assertion === 'string')
    .map((a) => ({ assertion: String(a.assertion), column: typeof a.column === 'string' ? a.column : null, success: a.success === true }));
}

/** A run's latest lifecycle event (`at.<eventType>` props): COMPLETE, FAIL, ABORT, RUNNING, START… or null. */
export function runState(props: unknown): string | null {
  if (!props || typeof props !== 'object') return null;
  const events = Object.entries(props as Record<string, unknown>)
    .filter(([key, value]) => key.startsWith('at.') && typeof value === 'string')
    .sort(([, a], [, b]) => String(a).localeCompare(String(b)));
  return events.length ? events[events.length - 1][0].slice(3) : null;
}

/** A Field's type from its props (the schema facet's `type`), or null. */
/**
 * A dataset's fields split by its latest schema (the `schema` facet, kept at its newest event time):
 * those in it, and those its emitters no longer report (their nodes stay in the graph, for history and
 * column lineage). Without a schema facet every field counts as current. Pure.
 */
export function splitBySchema<T extends { name: string }>(datasetProps: unknown, fields: readonly T[]): { current: T[]; dropped: T[] } {
  const list = ((datasetProps as Record<string, unknown> | null)?.['facets.schema'] as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(list)) return { current: [...fields], dropped: [] };
  const names = new Set(list.flatMap((f) => (f && typeof f === 'object' && typeof (f as { name?: unknown }).name === 'string' ? [(f as { name: string }).name] : [])));
  const column = (f: T) => f.name.slice(f.name.lastIndexOf('#') + 1);
  return { current: fields.filter((f) => names.has(column(f))), dropped: fields.filter((f) => !names.has(column(f))) };
}

export function fieldType(props: unknown): string | null {
  const type = (props as Record<string, unknown> | null)?.type;
  return typeof type === 'string' ? type : null;
}

/** The transformations of a DERIVES edge: `DIRECT/IDENTITY`, `INDIRECT/FILTER`…, and whether they mask the data. */
export function transformationsOf(edgeProps: unknown): Array<{ label: string; masked: boolean }> {
  const list = (edgeProps as { transformations?: unknown } | null)?.transformations;
  if (!Array.isArray(list)) return [];
  return list.map((t: { type?: unknown; subtype?: unknown; masking?: unknown }) => ({
    label: [t.type, t.subtype].filter((x) => typeof x === 'string' && x).join('/'),
    masked: t.masking === true,
  }));
}
