import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileIngestLog } from './FileIngestLog.js';

const dirs: string[] = [];
const newDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'loom-ilog-'));
  dirs.push(d);
  return d;
};
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

const ev = (i: number) => ({ eventType: 'COMPLETE', run: { runId: `run-${i}` }, job: { namespace: 'ns', name: `job-${i}` }, note: 'é\n"' });
const segments = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.log')).sort();

describe('FileIngestLog', () => {
  it('gives back, after a restart, every appended event not marked applied, in order and as appended', async () => {
    const dir = newDir();
    const log = await FileIngestLog.open(dir);
    expect(log.unapplied()).toEqual([]);
    const [a, b] = await Promise.all([log.append([{ tenant: 't1', event: ev(1) }, { tenant: 't1', event: ev(2) }]), log.append([{ tenant: 't2', event: ev(3) }])]);
    expect([...a, ...b]).toEqual([1, 2, 3]);
    log.applied(1);
    await log.close();

    const again = await FileIngestLog.open(dir);
    expect(again.unapplied()).toEqual([{ seq: 2, tenant: 't1', event: ev(2) }, { seq: 3, tenant: 't2', event: ev(3) }]);
    expect(again.unapplied()).toEqual([]); // read once
    expect(await again.append([{ tenant: 't1', event: ev(4) }])).toEqual([4]); // numbering goes on
    again.applied(4);
    await again.close();
    const third = await FileIngestLog.open(dir);
    expect(third.unapplied()).toEqual([]);
    expect(await third.append([{ tenant: 't1', event: ev(5) }])).toEqual([5]);
    await third.close();
  });

  it('cuts off a record torn by a crash (it was never answered) and appends after the last whole one', async () => {
    const dir = newDir();
    const log = await FileIngestLog.open(dir);
    await log.append([{ tenant: 't', event: ev(1) }, { tenant: 't', event: ev(2) }]);
    await log.close();
    const [file] = segments(dir);
    appendFileSync(path.join(dir, file), '{"s":3,"t":"t","e":{"eventTy'); // the process died mid-write

    const again = await FileIngestLog.open(dir);
    expect(again.unapplied().map((r) => r.seq)).toEqual([1, 2]);
    expect(await again.append([{ tenant: 't', event: ev(3) }])).toEqual([3]);
    await again.close();
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l).s)).toEqual([1, 2, 3]);
    const third = await FileIngestLog.open(dir);
    expect(third.unapplied().map((r) => r.event)).toEqual([ev(1), ev(2), ev(3)]);
    await third.close();
  });

  it('starts a new segment past its size and deletes the segments the applied mark covers', async () => {
    const dir = newDir();
    const log = await FileIngestLog.open(dir, { segmentBytes: 300 });
    for (let i = 1; i <= 6; i++) await log.append([{ tenant: 't', event: ev(i) }]);
    expect(segments(dir).length).toBeGreaterThan(2);
    log.applied(4);
    await log.close();
    const again = await FileIngestLog.open(dir, { segmentBytes: 300 });
    expect(again.unapplied().map((r) => r.seq)).toEqual([5, 6]);
    const kept = segments(dir).map((f) => Number(f.slice(0, 20)));
    expect(kept.every((_first, i) => i === kept.length - 1 || kept[i + 1] - 1 > 4)).toBe(true); // none wholly applied
    expect(kept[0]).toBeLessThanOrEqual(5);
    await again.close();
  });

  it('refuses appends once closed, with UNAVAILABLE', async () => {
    const log = await FileIngestLog.open(newDir());
    await log.close();
    await expect(log.append([{ tenant: 't', event: ev(1) }])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
