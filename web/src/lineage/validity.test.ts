import { describe, expect, it } from 'vitest';
import { goneAt } from './validity.js';

describe('goneAt', () => {
  const node = { validTo: '2026-05-01T00:00:00.000Z', gaps: [{ from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }] };
  it('tells when a node was gone at a time: inside a gap (from, to), or ended (from only); null otherwise or now', () => {
    expect(goneAt(node, '2026-02-10T12:00:00Z')).toEqual({ from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
    expect(goneAt(node, '2026-02-01T00:00:00.000Z')).toEqual({ from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
    expect(goneAt(node, '2026-03-01T00:00:00.000Z')).toBeNull(); // back then
    expect(goneAt(node, '2026-06-01T00:00:00.000Z')).toEqual({ from: '2026-05-01T00:00:00.000Z', to: null });
    expect(goneAt(node, '2026-01-01T00:00:00.000Z')).toBeNull();
    expect(goneAt(node, null)).toBeNull();
    expect(goneAt({ validTo: null }, '2026-06-01T00:00:00.000Z')).toBeNull();
  });
});
