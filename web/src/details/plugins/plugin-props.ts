/** A node's props from plugins (pure): the server keeps what a plugin read from a facet as `plugin.<plugin>.<key>`. */

export interface PluginPropGroup { plugin: string; props: Array<{ key: string; value: unknown }> }

const PREFIX = 'plugin.';

/** The `plugin.<plugin>.<key>` props (null ones left out), grouped by plugin; plugins and keys sorted by name. */
export function pluginProps(props: unknown): PluginPropGroup[] {
  if (!props || typeof props !== 'object' || Array.isArray(props)) return [];
  const byPlugin = new Map<string, PluginPropGroup['props']>();
  for (const [name, value] of Object.entries(props as Record<string, unknown>)) {
    if (!name.startsWith(PREFIX) || value === null || value === undefined) continue;
    const rest = name.slice(PREFIX.length);
    // Plugin names have no dot (server/src/plugins/plugins.ts); keys may.
    const dot = rest.indexOf('.');
    if (dot <= 0 || dot === rest.length - 1) continue;
    const plugin = rest.slice(0, dot);
    const list = byPlugin.get(plugin) ?? [];
    list.push({ key: rest.slice(dot + 1), value });
    byPlugin.set(plugin, list);
  }
  return [...byPlugin]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([plugin, list]) => ({ plugin, props: list.sort((a, b) => a.key.localeCompare(b.key)) }));
}

/** A prop's value as text: scalars as they are, anything else as JSON. */
export const propText = (value: unknown): string => (typeof value === 'object' ? JSON.stringify(value) : String(value));
