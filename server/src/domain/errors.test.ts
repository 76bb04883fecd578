import { describe, expect, it } from 'vitest';
import { badInput, refusedAlone, unavailable } from './errors.js';

describe('refusedAlone', () => {
  const ok = (): PromiseSettledResult<unknown> => ({ status: 'fulfilled', value: undefined });
  const no = (reason: unknown): PromiseSettledResult<unknown> => ({ status: 'rejected', reason });

  it('names the writes refused while others went in', () => {
    const bad = badInput('x', 'refused');
    expect(refusedAlone([ok(), no(bad), ok()])).toEqual([[1, bad]]);
    expect(refusedAlone([ok(), ok()])).toEqual([]);
  });

  it('throws when every write was refused, or the store was unavailable for one: all are tried again', () => {
    const down = unavailable('busy');
    expect(() => refusedAlone([no(new Error('a')), no(new Error('b'))])).toThrow('a');
    expect(() => refusedAlone([no(new Error('one item'))])).toThrow('one item');
    expect(() => refusedAlone([ok(), no(new Error('data')), no(down)])).toThrow(down);
  });
});
