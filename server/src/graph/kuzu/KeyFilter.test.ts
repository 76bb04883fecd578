import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFilter, keyHashes, readCsvColumn } from './KeyFilter.js';

describe('KeyFilter (Bloom filter of stored node keys)', () => {
  it('never says absent for a key it was told of', () => {
    const f = new KeyFilter(100_000);
    const keys = Array.from({ length: 100_000 }, (_, i) => `tenant/dataset:ns:table_${i}`);
    for (const k of keys) f.add(k);
    expect(keys.every((k) => f.mayContain(k))).toBe(true);
  });

  it('says absent for almost every other key (about 1% false positives at its sizing)', () => {
    const f = new KeyFilter(250_000);
    for (let i = 0; i < 1_000_000; i++) f.add(`t/run:${i}`);
    let falsePositives = 0;
    for (let i = 0; i < 100_000; i++) if (f.mayContain(`t/run:other-${i}`)) falsePositives++;
    expect(falsePositives / 100_000).toBeLessThan(0.02);
    expect(new KeyFilter(0).mayContain('t/anything')).toBe(false);
  });
});

describe('readCsvColumn (the key export, hashed as it streams)', () => {
  /** A one-column CSV as Kuzu's COPY TO writes it. */
  const csv = (keys: string[]) => keys.map((k) => (/[",\n\r]/.test(k) ? `"${k.replace(/"/g, '""')}"` : k)).join('\n') + '\n';
  const read = async (text: string) => {
    const d = mkdtempSync(path.join(tmpdir(), 'loom-keycsv-'));
    try {
      writeFileSync(path.join(d, 'k.csv'), text);
      const got: [number, number][] = [];
      const n = await readCsvColumn(path.join(d, 'k.csv'), (a, b) => got.push([a, b]));
      expect(n).toBe(got.length);
      return got;
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  };

  it('hashes each field as the filter hashes the same key: quotes, commas, line breaks, any UTF-8', async () => {
    const keys = ['a', 'b,c', 'say "hi"', 'x\ny', '"', '""', 'ünï cødé', 'rocket 🚀', 'lone \ud800 surrogate', 'cr\rlf', 'last'];
    expect(await read(csv(keys))).toEqual(keys.map(keyHashes));
    expect(await read('')).toEqual([]);
    expect(await read('no-final-newline')).toEqual([keyHashes('no-final-newline')]);
  });

  it('reads fields across its 1 MB chunks', async () => {
    const keys = Array.from({ length: 120_000 }, (_, i) => (i % 3 === 0 ? `t/dataset:ns:"quoted, ${i}"` : i % 3 === 1 ? `t/fïeld:ns:${i}` : `t/run:${i}\n${i}`));
    expect(Buffer.byteLength(csv(keys))).toBeGreaterThan(2 << 20);
    expect(await read(csv(keys))).toEqual(keys.map(keyHashes));
  });
});
