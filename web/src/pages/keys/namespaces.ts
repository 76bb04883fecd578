/**
 * The create form's "Limit to namespaces" field, pure: the namespaces it names, and the suggestions
 * offered while typing (a datalist completes the whole value, so each one repeats what is typed
 * before the last comma).
 */

/** The namespaces typed, comma-separated: trimmed, each once, in order; [] for none (the whole tenant). */
export function parseNamespaces(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

/** Datalist values: the text up to its last comma (and the spaces after it), then each known namespace not listed yet. */
export function namespaceSuggestions(text: string, known: readonly string[]): string[] {
  const head = /^.*,\s*/s.exec(text)?.[0] ?? '';
  const listed = new Set(parseNamespaces(head));
  return [...new Set(known)].filter((ns) => !listed.has(ns)).map((ns) => head + ns);
}
