import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteTempDir } from '../../testing/temp-dir.js';
import { loadPriceTable, PriceTable } from './prices.js';

describe('LLM price table', () => {
  const tempDir = suiteTempDir('loom-prices-');
  const table = loadPriceTable();

  it('maps dated and tagged variants to their family by longest prefix', () => {
    expect(table.match('gpt-4o-2024-08-06')).toBe('gpt-4o');
    expect(table.match('gpt-4o-mini-2024-07-18')).toBe('gpt-4o-mini');
    expect(table.match('GPT-4o')).toBe('gpt-4o');
    expect(table.match('gpt-4-0613')).toBe('gpt-4');
    expect(table.match('gpt-4.1-mini-2025-04-14')).toBe('gpt-4.1-mini');
    expect(table.match('claude-3-5-sonnet-20241022')).toBe('claude-3-5-sonnet');
    expect(table.match('claude-3-5-sonnet@20241022')).toBe('claude-3-5-sonnet');
    expect(table.match('openai/gpt-4o-mini')).toBe('gpt-4o-mini');
    expect(table.match('models/gemini-1.5-pro-002')).toBe('gemini-1.5-pro');
  });

  it('never matches across a name boundary', () => {
    const t = new PriceTable({ 'gpt-4': { input: 30, output: 60 } });
    expect(t.match('gpt-4o')).toBeNull();
    expect(t.match('gpt-4.1')).toBeNull();
    expect(t.match('gpt-40')).toBeNull();
    expect(t.cost('gpt-4o', 10, 10)).toBeNull();
    expect(t.cost('', 10, 10)).toBeNull();
  });

  it('prices calls in USD per million tokens', () => {
    expect(table.cost('gpt-4o-2024-08-06', 1_000_000, 1_000_000)).toBe(12.5);
    expect(table.cost('text-embedding-3-small', 500_000, 0)).toBeCloseTo(0.01, 12);
  });

  it('takes overrides and extra models from LOOM_LLM_PRICES, in either file shape', () => {
    const dir = tempDir();
    const wrapped = path.join(dir, 'wrapped.json');
    writeFileSync(wrapped, JSON.stringify({ models: { 'GPT-4o': { input: 1, output: 2 }, 'llama-3.1-70b': { input: 0.5, output: 0.5 } } }));
    const t = loadPriceTable(wrapped);
    expect(t.cost('gpt-4o-2024-08-06', 1_000_000, 1_000_000)).toBe(3);
    expect(t.match('llama-3.1-70b-instruct')).toBe('llama-3.1-70b');
    expect(t.match('gpt-4o-mini')).toBe('gpt-4o-mini'); // defaults kept
    const plain = path.join(dir, 'plain.json');
    writeFileSync(plain, JSON.stringify({ 'my-model': { input: 4, output: 8 } }));
    expect(loadPriceTable(plain).cost('my-model:latest', 1_000_000, 0)).toBe(4);
  });

  it('names LOOM_LLM_PRICES and the problem in a bad file', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ models: { 'gpt-4o': { input: -1, output: 2 } } }));
    expect(() => loadPriceTable(bad)).toThrow(/LOOM_LLM_PRICES=.*bad\.json: expected \{"models"/);
    expect(() => loadPriceTable(path.join(dir, 'missing.json'))).toThrow(/LOOM_LLM_PRICES=.*missing\.json: cannot read a JSON price table/);
  });
});
