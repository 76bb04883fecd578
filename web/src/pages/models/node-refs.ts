/** What the details panel reads from a registry node (graph ids and props) to link to the pages. */

/** `churn@3` → { name: 'churn', version: 3 } (the last `@` splits: names may contain one). */
export function versionRef(nodeName: string): { name: string; version: number } | null {
  const at = nodeName.lastIndexOf('@');
  if (at <= 0) return null;
  const version = Number(nodeName.slice(at + 1));
  return Number.isInteger(version) && version > 0 ? { name: nodeName.slice(0, at), version } : null;
}

/** An Evaluation node's metrics (stored as `metric.<key>` props), sorted by key. */
export function evaluationMetrics(props: unknown): { key: string; value: number }[] {
  if (!props || typeof props !== 'object') return [];
  return Object.entries(props as Record<string, unknown>)
    .filter(([k, v]) => k.startsWith('metric.') && typeof v === 'number')
    .map(([k, v]) => ({ key: k.slice('metric.'.length), value: v as number }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** A string prop, or null. */
export function stringProp(props: unknown, key: string): string | null {
  const v = props && typeof props === 'object' ? (props as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' && v ? v : null;
}

/** Which page a version node id belongs to: `model:registry:churn@2` / `prompt:registry:x@1`. */
export function versionPage(nodeId: string): { kind: 'model' | 'prompt'; name: string; version: number } | null {
  const m = /^(model|prompt):registry:(.+)$/.exec(nodeId);
  const ref = m ? versionRef(m[2]) : null;
  return m && ref ? { kind: m[1] as 'model' | 'prompt', ...ref } : null;
}
