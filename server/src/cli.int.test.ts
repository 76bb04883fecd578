import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteTempDir } from './testing/harness.js';

const dataDir = suiteTempDir('loom-cli-');

/** One `loom` command against the embedded engines in the suite's data directory: exit code and output. */
function loom(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], { env: { ...process.env, LOOM_DATA_DIR: dataDir(), LOOM_LOG_LEVEL: 'silent' }, timeout: 60_000 },
      (error, out, err) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }));
  });
}

// Each command opens the embedded engines (~5 s on 2 cores): few commands, each checked in full.
describe('the command line manages tenants and API keys', () => {
  beforeAll(async () => {
    expect((await loom('tenant', 'create', 'acme')).code).toBe(0);
    expect((await loom('key', 'create', 'acme', '--role', 'admin', '--name', 'ops team')).out).toMatch(/\nloom_\S+\n$/);
  });

  it('lists keys without the keys themselves, revokes by the start of an id, and keeps the last admin key unless forced', async () => {
    const viewer = (await loom('key', 'create', 'acme', '--role', 'viewer', '--name', 'grafana')).out.trim().split('\n').at(-1)!;
    const listed = await loom('key', 'list', 'acme');
    expect(listed.code).toBe(0);
    const lines = listed.out.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+key\s+role\s+created\s+state\s+name\s+created by\s+last used\s+namespaces$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^[0-9a-f]{16}\\s+${viewer.slice(0, 9)}…\\s+viewer\\s+\\S+\\s+active\\s+grafana\\s+cli\\s+never\\s+all$`));
    expect(lines[2]).toMatch(/\sadmin\s.*\sactive\s+ops team\s+cli\s+never\s+all$/);
    expect(listed.out).not.toContain(viewer);

    const revoked = await loom('key', 'revoke', 'acme', lines[1].slice(0, 10));
    expect(revoked).toMatchObject({ code: 0 });
    expect(revoked.out).toMatch(/^API key loom_\S+… \(viewer, grafana\) of acme revoked at \d{4}-/);

    const adminId = lines[2].slice(0, 16);
    const kept = await loom('key', 'revoke', 'acme', adminId);
    expect(kept.code).toBe(1);
    expect(kept.err).toContain('is the last admin key of tenant acme: create another admin key first');
    expect((await loom('key', 'revoke', 'acme', adminId, '--force')).out).toMatch(/\(admin, ops team\) of acme revoked at/);
  });

  it('creates an editor key limited to namespaces, and lists them', async () => {
    expect((await loom('key', 'create', 'acme', '--role', 'editor', '--name', 'airflow', '--namespaces', 'etl, etl-staging')).code).toBe(0);
    expect((await loom('key', 'list', 'acme')).out).toMatch(/\seditor\s.*\sairflow\s+cli\s+never\s+etl,etl-staging\n/);
  });

  it('refuses what it does not understand rather than guessing (a misspelled --roles viewer made an admin key), and says how', async () => {
    const cases: [string[], RegExp][] = [
      [['key', 'create', 'acme', '--roles', 'viewer'], /^key create: unknown option --roles \(it takes --role, --name, --expires-days, --namespaces\)/],
      [['key', 'create', 'acme', 'viewer'], /^key create: expected 1 argument\(s\), got 2 \(acme viewer\)/],
      [['key', 'create', 'acme', '--role'], /^key create: --role needs a value/],
      [['key', 'create', 'acme', '--role', 'editor', '--namespaces', '--name', 'x'], /^key create: --namespaces needs a value/],
      [['tenant', 'quota', 'acme', '--gpus', '8'], /^tenant quota: unknown option --gpus/],
    ];
    // refused before any engine opens: run side by side
    for (const [res, [, message]] of (await Promise.all(cases.map(([args]) => loom(...args)))).map((r, i) => [r, cases[i]] as const)) {
      expect([res.code, res.err]).toEqual([1, expect.stringMatching(message)]);
    }
    expect((await loom('key', 'list', 'acme')).out.trim().split('\n')).toHaveLength(4); // no key made by any of them
    const seeded = await loom('seed', 'ghost', 'package.json');
    expect([seeded.code, seeded.err]).toEqual([1, expect.stringContaining('tenant ghost not found: create it first')]);
    // a bad line of a seed file names its number (a SyntaxError's stack said nothing of where); a quota names its flag
    const file = path.join(dataDir(), 'events.ndjson');
    const event = { eventType: 'COMPLETE', eventTime: '2026-03-01T00:00:00Z', producer: 'p', run: { runId: '3f5e1c1a-0000-4000-8000-000000000001' }, job: { namespace: 'cli', name: 'ok' } };
    writeFileSync(file, `${JSON.stringify(event)}\n\n{"eventType": "COMPLETE",\n`);
    const bad = await loom('seed', 'acme', file);
    expect([bad.code, bad.err]).toEqual([1, expect.stringMatching(/^line 3: not JSON \(.*\); 1 event\(s\) before it were loaded/m)]);
    const quota = await loom('tenant', 'quota', 'acme', '--events-per-s', '0');
    expect([quota.code, quota.err]).toEqual([1, expect.stringMatching(/^--events-per-s: must be a whole number/)]);
    const help = await loom('--help');
    expect([help.code, help.out]).toEqual([0, expect.stringContaining('key create <tenant> [--role admin|editor|viewer]')]);
  }, 240_000); // eleven commands, five of them opening the engines (60 s was too short for CI's loaded machine)
});
