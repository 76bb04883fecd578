/** A model's configured promotion gates in words (pure). */
import type { RegisteredModelQuery } from '../../gql/graphql.js';
import type { Translate } from '../../i18n/i18n.js';

export type GateConfig = NonNullable<RegisteredModelQuery['registeredModel']>['gates'][number];
export type GateTextKey = 'METRIC_THRESHOLD' | 'UPSTREAM_QUALITY' | 'PLUGIN' | 'PLUGIN_PARAMS' | 'RUN' | 'EVALUATION';

/** How each comparison reads (GTE as ≥). */
export const OP_SYMBOLS: Record<string, string> = { GT: '>', GTE: '≥', LT: '<', LTE: '≤' };
const MAX_PARAMS = 300;

/** What a gate checks, by kind (a new GateKind breaks the build here). */
export function gateText(g: GateConfig, t: Translate<GateTextKey>): string {
  switch (g.kind) {
    case 'METRIC_THRESHOLD':
      return t('METRIC_THRESHOLD', { metric: g.metric ?? '?', op: OP_SYMBOLS[g.op ?? ''] ?? g.op ?? '?', threshold: g.threshold ?? '?', source: g.source ? t(g.source) : '?' });
    case 'UPSTREAM_QUALITY':
      return t('UPSTREAM_QUALITY', { depth: g.depth ?? 1 });
    case 'PLUGIN':
      return g.params === null || g.params === undefined
        ? t('PLUGIN', { plugin: g.plugin ?? '?' })
        : t('PLUGIN_PARAMS', { plugin: g.plugin ?? '?', params: compactJson(g.params) });
    default: {
      const unknown: never = g.kind;
      return String(unknown);
    }
  }
}

/** A value as JSON on one line, cut with "…" after `max` characters. */
export function compactJson(value: unknown, max = MAX_PARAMS): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}
