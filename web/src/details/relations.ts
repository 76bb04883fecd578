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

/** The groups a details panel reads, each a page of its own with its total (NodeRelations). */
export const RELATION_GROUPS = ['fields', 'versions', 'owner', 'readBy', 'runs', 'inputs', 'outputs', 'derivedFrom', 'derives'] as const;
export type RelationGroup = (typeof RELATION_GROUPS)[number];
export type RelationPages = Record<RelationGroup, { total: number; items: readonly Relation[] }>;

/** How many each section holds in all (its list shows the first of them). */
export interface RelationCounts { fields: number; versions: number; runs: number; inputs: number; outputs: number; derivedFrom: number; derives: number }

/** The sections from pages read group by group (pure): each list from its page, each count from its total. */
export function relationsOf(id: string, pages: RelationPages): Relations & { counts: RelationCounts; cut: boolean } {
  const grouped = groupRelations(id, RELATION_GROUPS.flatMap((g) => pages[g].items));
  const counts: RelationCounts = {
    fields: pages.fields.total - (pages.fields.items.length - grouped.fields.length), // a feature group's features are not listed here
    versions: pages.versions.total, runs: pages.readBy.total + pages.runs.total, inputs: pages.inputs.total, outputs: pages.outputs.total,
    derivedFrom: pages.derivedFrom.total, derives: pages.derives.total,
  };
  const cut = RELATION_GROUPS.some((g) => g !== 'owner' && pages[g].total > pages[g].items.length);
  return { ...grouped, counts, cut };
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

/**
 * The columns a dataset no longer has: its fields whose HAS_FIELD edge has ended (the server ends it when
 * the dataset's writers give a schema without the column; the field node stays, for history and column
 * lineage), with when, latest drop first; a field current again is not among them. Pure.
 */
export function droppedFields<T extends { id: string; kind: string }>(items: readonly { edge: { validTo?: string | null }; node: T }[]): Array<{ node: T; droppedAt: string }> {
  const current = new Set(items.filter((i) => !i.edge.validTo).map((i) => i.node.id));
  return items
    .filter((i): i is { edge: { validTo: string }; node: T } => !!i.edge.validTo && i.node.kind === 'Field' && !current.has(i.node.id))
    .map((i) => ({ node: i.node, droppedAt: i.edge.validTo }))
    .sort((a, b) => b.droppedAt.localeCompare(a.droppedAt) || a.node.id.localeCompare(b.node.id));
}

/** The current columns that were dropped and added back: field id -> the times they were gone (their HAS_FIELD edge's gaps). Pure. */
export function returnedFields(items: readonly { edge: { validTo?: string | null; gaps?: readonly { from: string; to: string }[] | null }; node: { id: string; kind: string } }[]): Map<string, Array<{ from: string; to: string }>> {
  const out = new Map<string, Array<{ from: string; to: string }>>();
  for (const i of items) if (!i.edge.validTo && i.node.kind === 'Field' && i.edge.gaps?.length) out.set(i.node.id, i.edge.gaps.map(({ from, to }) => ({ from, to })));
  return out;
}

/** A Field's type from its props (the schema facet's `type`), or null. */
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
