import { describe, expect, it } from 'vitest';
import { diffLines, diffObjects, unified } from './diff.js';

describe('diffs', () => {
  it('keeps common lines and marks the changed ones', () => {
    expect(unified(diffLines('a\nb\nc\nd', 'a\nc\nx\nd'))).toBe(' a\n-b\n c\n+x\n d');
    expect(diffLines('same', 'same')).toEqual([{ op: 'EQUAL', text: 'same' }]);
    expect(unified(diffLines('', 'new'))).toBe('-\n+new');
  });

  it('finds a longest common subsequence in the middle', () => {
    const d = diffLines('h\n1\n2\n3\n4\nt', 'h\n2\n9\n4\n5\nt');
    expect(d.filter((l) => l.op === 'EQUAL').map((l) => l.text)).toEqual(['h', '2', '4', 't']);
    expect(d.filter((l) => l.op === 'REMOVED').map((l) => l.text)).toEqual(['1', '3']);
    expect(d.filter((l) => l.op === 'ADDED').map((l) => l.text)).toEqual(['9', '5']);
  });

  it('lists top-level key changes', () => {
    expect(diffObjects({ model: 'a', t: 0.2, keep: [1] }, { model: 'b', keep: [1], max: 10 })).toEqual([
      { key: 'max', from: null, to: 10 }, { key: 'model', from: 'a', to: 'b' }, { key: 't', from: 0.2, to: null },
    ]);
    expect(diffObjects(null, null)).toEqual([]);
    // the same object with its keys in another order: no change (it reported one, from and to identical)
    expect(diffObjects({ params: { temperature: 0.2, top_p: 1 } }, { params: { top_p: 1, temperature: 0.2 } })).toEqual([]);
  });
});
