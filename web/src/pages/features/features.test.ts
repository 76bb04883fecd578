import { describe, expect, it } from 'vitest';
import { parseEntityIds, ttlText, typeText, valueText } from './features.js';

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
  it('names types and TTLs', () => {
    expect(typeText('FLOAT_VECTOR', 384)).toBe('FLOAT_VECTOR(384)');
    expect(typeText('INT64', null)).toBe('INT64');
    expect(ttlText(7 * 86_400)).toBe('7 d');
    expect(ttlText(5400)).toBe('90 min');
    expect(ttlText(61)).toBe('61 s');
  });
});
