import { describe, expect, it } from 'vitest';
import { takeKeyFromHash } from './apiKey.js';

describe('takeKeyFromHash', () => {
  it('takes the key and keeps the rest of the hash', () => {
    expect(takeKeyFromHash('#key=abc123')).toEqual({ key: 'abc123', rest: '' });
    expect(takeKeyFromHash('#node=x&key=k%2Fy')).toEqual({ key: 'k/y', rest: 'node=x' });
  });

  it('finds no key in an empty or unrelated hash', () => {
    expect(takeKeyFromHash('')).toEqual({ key: null, rest: '' });
    expect(takeKeyFromHash('#key=')).toEqual({ key: null, rest: '' });
    expect(takeKeyFromHash('#other=1')).toEqual({ key: null, rest: 'other=1' });
  });
});
