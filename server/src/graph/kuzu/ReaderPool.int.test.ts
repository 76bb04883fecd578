import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEngine } from './engine.js';
import { ReaderPool } from './ReaderPool.js';

const dir = mkdtempSync(path.join(tmpdir(), 'loom-readers-'));
const engine = openEngine(path.join(dir, 'g.kuzu'), 64 * 1024 * 1024);
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
};
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('ReaderPool on the embedded engine', () => {
  it('runs an exclusive section (a CHECKPOINT) only once no read is in flight, and holds new reads until it is done', async () => {
    const pool = new ReaderPool([engine.connect(), engine.connect()]);
    const log: string[] = [];
    const first = gate();
    const second = gate();
    const ran = gate();
    // Both connections busy, and a third read waiting for one.
    const r1 = pool.use(async (c) => { await c.run('RETURN 1 AS x'); ran.open(); await first.opened; log.push('read 1 done'); });
    const r2 = pool.use(async () => { await second.opened; log.push('read 2 done'); });
    const queued = pool.use(async (c) => { await c.run('RETURN 3 AS x'); log.push('queued read done'); });
    await ran.opened; // (under load the engine's first answer can take longer than a tick)
    await tick();
    const section = pool.excluding(async () => { log.push('checkpoint'); await tick(); log.push('checkpoint done'); });
    await tick();
    const later = pool.use(async () => { log.push('later read'); });
    first.open();
    await tick();
    expect(log).toEqual(['read 1 done']); // the queued read does not take the connection the section waits for
    second.open();
    await Promise.all([r1, r2, queued, section, later]);
    expect(log.slice(0, 4)).toEqual(['read 1 done', 'read 2 done', 'checkpoint', 'checkpoint done']);
    expect(log.slice(4).sort()).toEqual(['later read', 'queued read done']);
    await pool.close();
  });
});
