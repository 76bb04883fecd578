import { describe, expect, it } from 'vitest';
import { KIND_LABELS_ZH, KIND_STYLES, kindLabel, kindStyle } from './kinds.js';

describe('kinds', () => {
  it('names every kind in both languages and keeps unknown kinds readable', () => {
    expect(Object.keys(KIND_LABELS_ZH).sort()).toEqual(Object.keys(KIND_STYLES).sort());
    expect(kindLabel('Dataset', 'zh')).toBe('数据集');
    expect(kindLabel('Dataset', 'en')).toBe('Dataset');
    expect(kindLabel('Hologram', 'zh')).toBe('Hologram');
    expect(kindStyle('Hologram')).toMatchObject({ label: 'Hologram', shape: 'ellipse' });
  });
});
