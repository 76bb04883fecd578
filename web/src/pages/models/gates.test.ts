import { describe, expect, it } from 'vitest';
import { format } from '../../i18n/i18n.js';
import { compactJson, gateText, type GateConfig, type GateTextKey } from './gates.js';

const EN: Record<GateTextKey, string> = {
  METRIC_THRESHOLD: 'Metric {metric} {op} {threshold} ({source})', UPSTREAM_QUALITY: 'No failing check upstream ({depth} hops)',
  PLUGIN: 'Plugin gate {plugin}', PLUGIN_PARAMS: 'Plugin gate {plugin} with params {params}', RUN: 'source run', EVALUATION: 'latest evaluation',
};
const t = (key: GateTextKey, vars?: Record<string, string | number>) => format(EN[key], vars);
const gate = (over: Partial<GateConfig>): GateConfig => ({
  index: 0, kind: 'METRIC_THRESHOLD', stages: ['Production'], aliases: [], metric: null, source: null, op: null, threshold: null, depth: null, plugin: null, params: null, ...over,
});

describe('gateText', () => {
  it('says what each kind of gate checks', () => {
    expect(gateText(gate({ metric: 'f1', op: 'GTE', threshold: 0.8, source: 'EVALUATION' }), t)).toBe('Metric f1 ≥ 0.8 (latest evaluation)');
    expect(gateText(gate({ kind: 'UPSTREAM_QUALITY', depth: null }), t)).toBe('No failing check upstream (1 hops)');
    expect(gateText(gate({ kind: 'PLUGIN', plugin: 'change-approval' }), t)).toBe('Plugin gate change-approval');
    expect(gateText(gate({ kind: 'PLUGIN', plugin: 'change-approval', params: { url: 'http://127.0.0.1:9/approval' } }), t))
      .toBe('Plugin gate change-approval with params {"url":"http://127.0.0.1:9/approval"}');
  });

  it('shows params as one line of JSON, cut when long', () => {
    expect(compactJson({ a: [1, 2], b: { c: null } })).toBe('{"a":[1,2],"b":{"c":null}}');
    expect(compactJson('x')).toBe('"x"');
    const cut = compactJson({ text: 'y'.repeat(500) }, 20);
    expect(cut).toHaveLength(20);
    expect(cut.endsWith('…')).toBe(true);
  });
});
