import { describe, expect, it } from 'vitest';
import { checkEvolution, checkFeatureGroup, toFeatureGroup, type FeatureGroup } from './groups.js';
import { decodeValue, valueRows, type StoredValue } from './values.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const def = checkFeatureGroup({
  namespace: 'fs', name: 'users', entity: 'user_id',
  features: [
    { name: 'age', type: 'INT64' }, { name: 'score', type: 'FLOAT64' }, { name: 'tier', type: 'STRING' },
    { name: 'active', type: 'BOOL' }, { name: 'emb', type: 'FLOAT_VECTOR', dimension: 2 },
  ],
});
const group: FeatureGroup = { ...def, id: 'dataset:fs:users', source: null, version: 1, definedAt: '', definedBy: null, createdAt: '', expectations: [], validation: null };
const stored = (over: Partial<StoredValue>): StoredValue => ({ feature: 'x', event_ms: 0, is_null: 0, int: '0', num: 0, str: '', vec: [], ...over });

describe('feature values', () => {
  it('turns a row into one store row per value, typed into its column', () => {
    const rows = valueRows('t', group, [{ entityId: 'u1', eventTime: '2026-11-30T00:00:00Z', values: { age: 41, score: 0.5, tier: 'gold', active: true, emb: [1, -2] } }], NOW, 'w');
    expect(rows.map((r) => [r.feature, r.int, r.num, r.str, r.vec, r.is_null])).toEqual([
      ['age', '41', 0, '', [], false], ['score', '0', 0.5, '', [], false], ['tier', '0', 0, 'gold', [], false],
      ['active', '1', 0, '', [], false], ['emb', '0', 0, '', [1, -2], false],
    ]);
    expect(rows[0]).toMatchObject({ tenant_id: 't', group_id: 'dataset:fs:users', entity_id: 'u1', event_time: '2026-11-30T00:00:00.000Z', written_at: 'w' });
  });

  it('defaults the event time to now, keeps the last of duplicates, stores nulls as nulls', () => {
    const rows = valueRows('t', group, [{ entityId: 'u1', values: { age: 1 } }, { entityId: 'u1', values: { age: 2, tier: null } }], NOW, 'w');
    expect(rows.map((r) => [r.feature, r.int, r.is_null, r.event_time])).toEqual([['age', '2', false, '2026-12-01T12:00:00.000Z'], ['tier', '0', true, '2026-12-01T12:00:00.000Z']]);
  });

  it('keeps INT64 exact up to 2^63 - 1 and refuses what does not fit', () => {
    expect(valueRows('t', group, [{ entityId: 'u', values: { age: '9223372036854775807' } }], NOW, 'w')[0].int).toBe('9223372036854775807');
    for (const bad of ['9223372036854775808', 1.5, 2 ** 60, 'x', true]) {
      expect(() => valueRows('t', group, [{ entityId: 'u', values: { age: bad } }], NOW, 'w')).toThrow(/^rows\[0\]\.values\.age:/);
    }
  });

  it('names the first bad value', () => {
    const bad: [unknown, RegExp][] = [
      [{ entityId: '', values: { age: 1 } }, /^rows\[0\]\.entityId:/],
      [{ entityId: 'u', values: { score: 'high' } }, /^rows\[0\]\.values\.score:/],
      [{ entityId: 'u', values: { emb: [1, 'x'] } }, /^rows\[0\]\.values\.emb\[1\]:/],
      [{ entityId: 'u', values: { emb: [3.5e38, 1] } }, /^rows\[0\]\.values\.emb\[0\]: must be a finite number within float32's range/], // stored as 0 otherwise
      [{ entityId: 'u', values: { emb: [0.1, -1e39] } }, /^rows\[0\]\.values\.emb\[1\]:/],
      [{ entityId: 'u', values: { emb: [1, 2, 3] } }, /^rows\[0\]\.values\.emb: must be an array of 2 numbers/],
      [{ entityId: 'u', values: [] }, /^rows\[0\]\.values:/],
      [{ entityId: 'u', eventTime: 'yesterday', values: { age: 1 } }, /^rows\[0\]\.eventTime:/],
      [{ entityId: 'u', eventTime: '1969-12-31T00:00:00Z', values: { age: 1 } }, /^rows\[0\]\.eventTime:/],
    ];
    for (const [row, message] of bad) expect(() => valueRows('t', group, [row as never], NOW, 'w')).toThrow(message);
    expect(() => valueRows('t', group, [], NOW, 'w')).toThrow(/^rows:/);
  });

  it('reads stored values back as their types', () => {
    const spec = (name: string) => group.features.find((f) => f.name === name)!;
    expect(decodeValue(spec('age'), stored({ int: '42' }))).toBe(42);
    expect(decodeValue(spec('age'), stored({ int: '9007199254740993' }))).toBe('9007199254740993');
    expect(decodeValue(spec('active'), stored({ int: '0' }))).toBe(false);
    expect(decodeValue(spec('score'), stored({ num: 0.25 }))).toBe(0.25);
    expect(decodeValue(spec('emb'), stored({ vec: ['1', 2] }))).toEqual([1, 2]);
    expect(decodeValue(spec('tier'), stored({ is_null: 1, str: 'gold' }))).toBeNull();
  });
});

describe('feature group definitions', () => {
  it('lets features be added and dropped, not a type, a dimension or the entity key changed', () => {
    const node = { id: group.id, kind: 'FeatureGroup' as const, namespace: 'fs', name: 'users', props: { ...def, version: 1, definedAt: 'x' }, createdAt: '', updatedAt: '', validTo: null };
    const stored = toFeatureGroup(node);
    const next = (features: unknown[], entity = 'user_id') => checkFeatureGroup({ namespace: 'fs', name: 'users', entity, features: features as never });
    expect(() => checkEvolution(stored, next([{ name: 'age', type: 'INT64' }, { name: 'new', type: 'STRING' }]))).not.toThrow();
    expect(() => checkEvolution(stored, next([{ name: 'age', type: 'FLOAT64' }]))).toThrow(/^input\.features\[0\]\.type: age holds INT64 values/);
    expect(() => checkEvolution(stored, next([{ name: 'emb', type: 'FLOAT_VECTOR', dimension: 3 }]))).toThrow(/FLOAT_VECTOR\(2\)/);
    expect(() => checkEvolution(stored, next([{ name: 'age', type: 'INT64' }], 'account_id'))).toThrow(/^input\.entity:/);
  });
});
