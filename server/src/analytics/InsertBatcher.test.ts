import { describe, expect, it } from 'vitest';
import { InsertBatcher, ROWS, type BatchForm } from './InsertBatcher.js';
import { badInput, unavailable } from '../domain/errors.js';

type Row = Record<string, unknown>;

/** A writer that records every INSERT it is given and can be told to fail or to hold. */
function recorder(fail: (rows: Row[]) => Error | null = () => null) {
  const inserts: { table: string; rows: Row[] }[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  return {
    inserts,
    holdNext() { hold = true; },
    release() { release?.(); release = null; },
    write: async (table: string, rows: Row[]) => {
      if (hold) {
        hold = false;
        await new Promise<void>((r) => { release = r; });
      }
      const err = fail(rows);
      if (err) throw err;
      inserts.push({ table, rows });
    },
  };
}

const rows = (tag: string, n: number) => Array.from({ length: n }, (_, i) => ({ tenant_id: 't', tag, i }));

describe('InsertBatcher (group commit)', () => {
  it('sends concurrent inserts into one table as one INSERT and answers each caller after it', async () => {
    const w = recorder();
    const b = new InsertBatcher(w.write, ROWS, { lingerMs: 5, maxBatchRows: 10_000, maxPendingRows: 100_000 });
    let acked = 0;
    const calls = [b.insert('spans', rows('a', 2)), b.insert('spans', rows('b', 3)), b.insert('metrics', rows('c', 1))].map((p) => p.then(() => { acked++; }));
    expect(acked).toBe(0);
    await Promise.all(calls);
    expect(w.inserts.map((i) => [i.table, i.rows.map((r) => r.tag).join('')])).toEqual([['spans', 'aabbb'], ['metrics', 'c']]);
  });

  it('flushes at once at maxBatchRows and never puts more than that in one INSERT', async () => {
    const w = recorder();
    const b = new InsertBatcher(w.write, ROWS, { lingerMs: 60_000, maxBatchRows: 4, maxPendingRows: 100 });
    await Promise.all([b.insert('t', rows('a', 3)), b.insert('t', rows('b', 3)), b.insert('t', rows('c', 1))]);
    expect(w.inserts.map((i) => i.rows.length)).toEqual([3, 4]);
  });

  it('collects what arrives during an INSERT into the next one', async () => {
    const w = recorder();
    const b = new InsertBatcher(w.write, ROWS, { lingerMs: 0, maxBatchRows: 1000, maxPendingRows: 1000 });
    w.holdNext();
    const first = b.insert('t', rows('a', 1));
    await new Promise((r) => setTimeout(r, 10));
    const later = [b.insert('t', rows('b', 1)), b.insert('t', rows('c', 1))];
    w.release();
    await Promise.all([first, ...later]);
    expect(w.inserts.map((i) => i.rows.map((r) => r.tag).join(''))).toEqual(['a', 'bc']);
  });

  it('retries each caller alone when a grouped INSERT fails on its data: only the bad caller fails', async () => {
    const w = recorder((rs) => (rs.some((r) => r.tag === 'bad') ? badInput('rows', 'cannot parse') : null));
    const b = new InsertBatcher(w.write, ROWS, { lingerMs: 5, maxBatchRows: 1000, maxPendingRows: 1000 });
    const [good1, bad, good2] = await Promise.allSettled([b.insert('t', rows('g', 1)), b.insert('t', rows('bad', 1)), b.insert('t', rows('h', 1))]);
    expect([good1.status, bad.status, good2.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(w.inserts.map((i) => i.rows.map((r) => r.tag).join(''))).toEqual(['g', 'h']);
  });

  it('fails the whole group when the store is unavailable (no retries into a down store)', async () => {
    let attempts = 0;
    const b = new InsertBatcher(async () => { attempts++; throw unavailable('down'); }, ROWS, { lingerMs: 5, maxBatchRows: 1000, maxPendingRows: 1000 });
    const settled = await Promise.allSettled([b.insert('t', rows('a', 1)), b.insert('t', rows('b', 1))]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(attempts).toBe(1);
  });

  it('refuses inserts with UNAVAILABLE beyond maxPendingRows, and accepts again once written', async () => {
    const w = recorder();
    const b = new InsertBatcher(w.write, ROWS, { lingerMs: 0, maxBatchRows: 1000, maxPendingRows: 5 });
    w.holdNext();
    const first = b.insert('t', rows('a', 4));
    await expect(b.insert('t', rows('b', 2))).rejects.toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 1 });
    await new Promise((r) => setTimeout(r, 10)); // the INSERT has started and is held
    w.release();
    await first;
    await b.insert('t', rows('c', 2));
    // alone, an insert larger than the bound still goes through (it could never fit otherwise)
    await b.insert('t', rows('d', 9));
    expect(w.inserts.map((i) => i.rows.length)).toEqual([4, 2, 9]);
  });

  it('builds each caller\'s batch as it arrives, and joins only batches of one key into an INSERT, in order', async () => {
    // Batches as a writer takes them: the rows' tags as text under their column list (the key).
    type Text = { columns: string; text: string };
    const form: BatchForm<Text> = {
      prepare: (rs) => ({ columns: Object.keys(rs[0]).join(','), text: rs.map((r) => r.tag).join('') }),
      key: (b) => b.columns,
      join: (bs) => ({ columns: bs[0].columns, text: bs.map((b) => b.text).join('|') }),
    };
    const written: Text[] = [];
    const b = new InsertBatcher<Text>(async (_table, batch) => { written.push(batch); }, form, { lingerMs: 5, maxBatchRows: 5, maxPendingRows: 100 });
    const wide = (tag: string, n = 1) => b.insert('t', Array.from({ length: n }, () => ({ tenant_id: 't', tag })));
    const narrow = (tag: string) => b.insert('t', [{ tag }]);
    await Promise.all([wide('x'), wide('y'), narrow('z'), narrow('w'), wide('v'), wide('u', 4), wide('t')]);
    expect(written).toEqual([
      { columns: 'tenant_id,tag', text: 'x|y' },
      { columns: 'tag', text: 'z|w' },
      { columns: 'tenant_id,tag', text: 'v|uuuu' }, // at maxBatchRows
      { columns: 'tenant_id,tag', text: 't' },
    ]);
  });

  it('fails alone an insert whose rows cannot be put in the batch form, and refuses before building one past its bound', async () => {
    let built = 0;
    const form: BatchForm<string> = {
      prepare: (rs) => { built++; return rs.map((r) => JSON.stringify(r)).join('\n'); }, // throws on a BigInt
      key: () => '', join: (bs) => bs.join('\n'),
    };
    const written: string[] = [];
    const b = new InsertBatcher<string>(async (_table, batch) => { written.push(batch); }, form, { lingerMs: 5, maxBatchRows: 100, maxPendingRows: 2 });
    const [good, bad, over] = await Promise.allSettled([b.insert('t', [{ a: 1 }]), b.insert('t', [{ a: 2n }]), b.insert('t', [{ a: 3 }, { a: 4 }])]);
    expect(good.status).toBe('fulfilled');
    expect(bad).toMatchObject({ status: 'rejected', reason: expect.any(TypeError) });
    expect(over).toMatchObject({ status: 'rejected', reason: { code: 'UNAVAILABLE' } });
    expect(built).toBe(2); // the refused insert's batch was never built
    expect(written).toEqual(['{"a":1}']);
  });

  it('writes everything pending on close, then refuses new inserts', async () => {
    const w = recorder();
    const b = new InsertBatcher(w.write, ROWS, { lingerMs: 60_000, maxBatchRows: 1000, maxPendingRows: 1000 });
    const pending = b.insert('t', rows('a', 2));
    await b.close();
    await pending;
    expect(w.inserts).toHaveLength(1);
    await expect(b.insert('t', rows('b', 1))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
