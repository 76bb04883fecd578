import { describe, expect, it } from 'vitest';
import { changeMessage, feastRequestText, featureRefs, featuresByGroup, parseEntityIds, togglePick, ttlText, typeText, valueText } from './features.js';

describe('feature store page helpers', () => {
  it('reads entity ids as a person types them', () => {
    expect(parseEntityIds(' c1, c2\nc3  c1,,')).toEqual(['c1', 'c2', 'c3']);
    expect(parseEntityIds('a b c', 2)).toEqual(['a', 'b']);
    expect(parseEntityIds('  ')).toEqual([]);
  });
  it('shows values by type', () => {
    expect(valueText(null)).toBe('–');
    expect(valueText(true)).toBe('true');
    expect(valueText('9007199254740993')).toBe('9007199254740993');
    expect(valueText([0.123456, 1, 2, 3, 4, 5, 6, 7])).toBe('[0.1235, 1, 2, 3, 4, 5, … (8)]');
  });
  it("words a definition's changes: TTLs in their unit, none as no limit, anything else missing as a dash", () => {
    expect(changeMessage({ kind: 'TTL', feature: null, before: '86400', after: null }, 'no limit')).toEqual({ key: 'change_TTL', vars: { feature: '', before: '1 d', after: 'no limit' } });
    expect(changeMessage({ kind: 'FEATURE_SOURCE', feature: 'emb', before: null, after: 'wh/events' }, 'no limit')).toEqual({ key: 'change_FEATURE_SOURCE', vars: { feature: 'emb', before: '–', after: 'wh/events' } });
  });
  it('names types and TTLs', () => {
    expect(typeText('FLOAT_VECTOR', 384)).toBe('FLOAT_VECTOR(384)');
    expect(typeText('INT64', null)).toBe('INT64');
    expect(ttlText(7 * 86_400)).toBe('7 d');
    expect(ttlText(5400)).toBe('90 min');
    expect(ttlText(61)).toBe('61 s');
  });

  it('keeps ticked features in the order ticked', () => {
    const a = { group: 'g1', feature: 'mrr' };
    const b = { group: 'g1', feature: 'tenure_days' };
    expect(togglePick(togglePick([], a, true), b, true)).toEqual([a, b]);
    expect(togglePick([a, b], a, true)).toEqual([b, a]);
    expect(togglePick([a, b], { ...a }, false)).toEqual([b]);
  });
  it('names ticked features as Feast references, by namespace only where two groups share a name', () => {
    const groups = [
      { id: 'g1', namespace: 'hive://warehouse', name: 'features.customer_churn_features' },
      { id: 'g2', namespace: 'hive://warehouse', name: 'features.activity' },
      { id: 'g3', namespace: 'hive://staging', name: 'features.activity' },
    ];
    const picked = [{ group: 'g1', feature: 'mrr' }, { group: 'g3', feature: 'sessions' }, { group: 'gone', feature: 'x' }, { group: 'g1', feature: 'tenure_days' }];
    expect(featureRefs(groups, picked)).toEqual([
      'features.customer_churn_features:mrr', 'hive://staging/features.activity:sessions', 'features.customer_churn_features:tenure_days',
    ]);
    expect(featureRefs(groups, [])).toEqual([]);
  });
  it("lists a service's features by group, in the order defined", () => {
    const f = (namespace: string, group: string, feature: string) => ({ namespace, group, feature });
    expect(featuresByGroup([f('ns', 'churn', 'mrr'), f('ns', 'activity', 'sessions_7d'), f('ns', 'churn', 'tenure_days')])).toEqual([
      { group: 'churn', features: ['mrr', 'tenure_days'] }, { group: 'activity', features: ['sessions_7d'] },
    ]);
    expect(featuresByGroup([f('a', 'churn', 'mrr'), f('b', 'churn', 'mrr')])).toEqual([
      { group: 'a/churn', features: ['mrr'] }, { group: 'b/churn', features: ['mrr'] },
    ]);
    expect(featuresByGroup([])).toEqual([]);
  });
  it('writes the Feast request that reads a service', () => {
    expect(feastRequestText('churn_model_v2', 'customer_id')).toBe('POST /get-online-features {"feature_service": "churn_model_v2", "entities": {"customer_id": [...]}}');
  });
});
