/** Pure helpers of the feature store page. */

/** Entity ids typed by a person: separated by commas, spaces or lines; each once, in order; at most `max`. */
export function parseEntityIds(text: string, max = 100): string[] {
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))].slice(0, max);
}

/** A feature value as text: numbers as they are, vectors shortened past `maxItems` components. */
export function valueText(value: unknown, maxItems = 6): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) {
    const shown = value.slice(0, maxItems).map((v) => (typeof v === 'number' ? Number(v.toPrecision(4)) : v)).join(', ');
    return `[${shown}${value.length > maxItems ? `, … (${value.length})` : ''}]`;
  }
  return typeof value === 'string' ? value : String(value);
}

/** A feature's type as declared: FLOAT_VECTOR with its dimension. */
export const typeText = (type: string, dimension: number | null | undefined) => (type === 'FLOAT_VECTOR' && dimension ? `FLOAT_VECTOR(${dimension})` : type);

/** A duration in seconds, in the largest whole unit (days, hours, minutes, seconds). */
export function ttlText(seconds: number): string {
  for (const [unit, s] of [['d', 86_400], ['h', 3600], ['min', 60]] as const) if (seconds % s === 0) return `${seconds / s} ${unit}`;
  return `${seconds} s`;
}

/** What a definition's version changed (GraphQL FeatureDefinitionChange). */
export interface DefinitionChange { kind: string; feature: string | null; before: string | null; after: string | null }

/**
 * A change as its message (`change_<kind>` in messages.ts) and the values to put in it: a TTL in its
 * unit (`noLimit` when there was none), anything else missing as '–'.
 */
export function changeMessage(c: DefinitionChange, noLimit: string): { key: `change_${string}`; vars: Record<string, string> } {
  const text = (v: string | null) => (c.kind === 'TTL' ? (v === null ? noLimit : ttlText(Number(v))) : v ?? '–');
  return { key: `change_${c.kind}`, vars: { feature: c.feature ?? '', before: text(c.before), after: text(c.after) } };
}

/** A box ticked in the feature service form: one feature of one group (by the group's id). */
export interface FeaturePick { group: string; feature: string }

/** `picked` with `pick` ticked (appended: a service serves its features in the order given) or not. */
export function togglePick(picked: readonly FeaturePick[], pick: FeaturePick, on: boolean): FeaturePick[] {
  const rest = picked.filter((p) => p.group !== pick.group || p.feature !== pick.feature);
  return on ? [...rest, pick] : rest;
}

/**
 * The ticked features as Feast references `view:feature`, in the order ticked: the view is the group's
 * name, or `<namespace>/<name>` when another group of the tenant has that name. Picks of groups not in
 * `groups` (dropped since) are left out.
 */
export function featureRefs(groups: readonly { id: string; namespace: string; name: string }[], picked: readonly FeaturePick[]): string[] {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const shared = sharedNames(groups.map((g) => g.name));
  return picked.flatMap((p) => {
    const g = byId.get(p.group);
    return g ? [`${viewName(g.namespace, g.name, shared)}:${p.feature}`] : [];
  });
}

/** A service's features by group, as `group: f1, f2` lines in the order defined; a group by its name, or `<namespace>/<name>` when the service reads two of that name. */
export function featuresByGroup(features: readonly { namespace: string; group: string; feature: string }[]): { group: string; features: string[] }[] {
  const lines = new Map<string, { namespace: string; group: string; features: string[] }>();
  for (const f of features) {
    const key = `${f.namespace}/${f.group}`;
    const line = lines.get(key) ?? { namespace: f.namespace, group: f.group, features: [] };
    line.features.push(f.feature);
    lines.set(key, line);
  }
  const shared = sharedNames([...lines.values()].map((l) => l.group));
  return [...lines.values()].map((l) => ({ group: viewName(l.namespace, l.group, shared), features: l.features }));
}

/** The Feast feature server request that reads a service, the ids left out. */
export const feastRequestText = (service: string, entity: string) =>
  `POST /get-online-features {"feature_service": ${JSON.stringify(service)}, "entities": {${JSON.stringify(entity)}: [...]}}`;

/** Names given more than once. */
function sharedNames(names: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const n of names) (seen.has(n) ? shared : seen).add(n);
  return shared;
}

/** A group as Feast names a view: by its name, unless `shared` by groups of other namespaces. */
const viewName = (namespace: string, name: string, shared: ReadonlySet<string>) => (shared.has(name) ? `${namespace}/${name}` : name);
