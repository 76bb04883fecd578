#!/usr/bin/env node
/**
 * `loom` command line. `npm run loom -- <command>`:
 *   start                              start the server (env: LOOM_*)
 *   tenant create <name>               create a tenant
 *   tenant list                        list tenants
 *   tenant quota <name> [--gpu N] [--cpu Q] [--events-per-s N] [--spans-per-s N] [--points-per-s N]
 *                                             show or set a tenant's training quota (GPUs, CPU cores) and ingest quota
 *                                             (OpenLineage events, spans, metric points a second); -1 = no limit, "default" = the configured one
 *   key create <tenant> [--role R] [--name N] [--expires-days D] [--namespaces a,b]   create an API key (admin | editor | viewer), printed once; an editor key may be limited to namespaces
 *   key list <tenant>                  the tenant's API keys (ids, roles, who created and revoked them)
 *   key revoke <tenant> <id> [--force] revoke a key by its id (8+ characters of it); --force lets the last admin key go
 *   seed <tenant> <events.ndjson>      load OpenLineage events from a file
 */
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { loadConfig, ConfigError } from './config/config.js';
import { startLoom } from './app/main.js';
import { openAnalyticsStore, openGraph } from './app/adapters.js';
import { createServices, type Services } from './app/services.js';
import { loadEvents } from './app/seed.js';
import { LoomError } from './domain/errors.js';
import type { ApiKeyInfo, Role } from './domain/tenancy/tenancy.service.js';
import { cpuMillis, formatCpu } from './domain/training/spec.js';

async function withServices<T>(work: (s: Services) => Promise<T>): Promise<T> {
  const cfg = loadConfig(process.env);
  const graph = await openGraph(cfg.graph).catch((err) => {
    if (err instanceof LoomError) throw err; // already says what to do
    throw new Error(`Cannot open the graph store (${String(err)}). If Loom is running on the embedded engine, stop it first: an embedded database opens in one process only. A running Loom's admins manage API keys on its API keys page or with GraphQL (apiKeys, createApiKey, revokeApiKey).`);
  });
  const analytics = await openAnalyticsStore(cfg.analytics);
  try {
    return await work(createServices(graph, analytics));
  } finally {
    await graph.close();
    await analytics.close();
  }
}

/** Longest a stop may take before the process exits anyway (under Kubernetes' default 30 s grace period). */
const STOP_TIMEOUT_MS = 25_000;

async function start(): Promise<void> {
  const loom = await startLoom(process.env);
  const keyHint = loom.demoKey ? `/#key=${encodeURIComponent(loom.demoKey)}` : '';
  const grpc = loom.grpcAddress ? `  OTLP/gRPC:       ${loom.grpcAddress}   (OTLP/HTTP: ${loom.url}/v1/traces, /v1/metrics)\n` : '';
  process.stdout.write(`\n  Loom is running: ${loom.url}${keyHint}\n  GraphQL:         ${loom.url}/graphql\n${grpc}${loom.demoKey ? `  Demo API key:    ${loom.demoKey}\n` : ''}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second signal: the operator means it (a stop waiting on a store that does not answer).
      process.stdout.write(`${signal} again: exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`${signal}: shutting down… (again to exit at once)\n`);
    // Bounded: a store that does not answer (Redis away) held the stop for ever, the port still open.
    setTimeout(() => {
      console.error(`loom did not stop within ${STOP_TIMEOUT_MS / 1000} s (a store not answering?): exiting; work in flight is taken up again at the next start`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    loom.close().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** What each command takes after `<cmd> <sub>`: its positional arguments, the flags that take a value, the switches. */
const SHAPES: Record<string, { args: number; flags?: string[]; switches?: string[] }> = {
  'tenant create': { args: 1 }, 'tenant list': { args: 0 },
  'tenant quota': { args: 1, flags: ['gpu', 'cpu', 'events-per-s', 'spans-per-s', 'points-per-s'] },
  'key create': { args: 1, flags: ['role', 'name', 'expires-days', 'namespaces'] }, 'key list': { args: 1 },
  'key revoke': { args: 2, switches: ['force'] },
};

/**
 * The arguments of a command, strictly: an unknown flag, a flag without its value, a missing or extra
 * argument is refused, naming it (a misspelled `--roles viewer` made an admin key).
 */
function parseArgs(command: string, rest: readonly string[]): { args: string[]; flags: Map<string, string>; switches: Set<string> } {
  const shape = SHAPES[command];
  const args: string[] = [];
  const flags = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) { args.push(a); continue; }
    const name = a.slice(2);
    if (shape.switches?.includes(name)) { switches.add(name); continue; }
    if (!shape.flags?.includes(name)) throw new LoomError('BAD_USER_INPUT', `${command}: unknown option ${a} (it takes ${[...(shape.flags ?? []), ...(shape.switches ?? [])].map((f) => `--${f}`).join(', ') || 'none'})`);
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new LoomError('BAD_USER_INPUT', `${command}: ${a} needs a value`);
    flags.set(name, value);
    i++;
  }
  if (args.length !== shape.args) throw new LoomError('BAD_USER_INPUT', `${command}: expected ${shape.args} argument(s), got ${args.length}${args.length ? ` (${args.join(' ')})` : ''}. ${USAGE}`);
  return { args, flags, switches };
}

const USAGE = 'Commands: start | tenant create <name> | tenant list | tenant quota <name> [--gpu N] [--cpu Q] [--events-per-s N] [--spans-per-s N] [--points-per-s N] | key create <tenant> [--role admin|editor|viewer] [--name N] [--expires-days D] [--namespaces a,b] | key list <tenant> | key revoke <tenant> <id> [--force] | seed <tenant> <file.ndjson>';

async function main(argv: string[]): Promise<void> {
  const [cmd, sub, ...given] = argv;
  if (!cmd || cmd === 'start') return start();
  if (cmd === 'help' || cmd === '--help' || cmd === '-h') return void console.log(`loom: the metadata and lineage server. ${USAGE}`);
  const command = `${cmd} ${sub ?? ''}`.trim();
  const parsed = SHAPES[command] ? parseArgs(command, given) : null;
  const rest = parsed?.args ?? given;
  const flag = (name: string) => parsed?.flags.get(name);
  if (cmd === 'tenant' && sub === 'create' && rest[0]) {
    await withServices((s) => s.tenancy.createTenant(rest[0]));
    return void console.log(`tenant ${rest[0]} created; now: npm run loom -- key create ${rest[0]} --role admin`);
  }
  if (cmd === 'tenant' && sub === 'list') return void console.log((await withServices((s) => s.tenancy.listTenants())).join('\n'));
  if (cmd === 'tenant' && sub === 'quota' && rest[0]) {
    const [q, r] = await withServices(async (s) => {
      if (!(await s.tenancy.tenantExists(rest[0]))) throw new LoomError('NOT_FOUND', `tenant ${rest[0]} not found`);
      const gpu = quotaFlag(flag('gpu'), 'gpu', Number);
      const cpu = quotaFlag(flag('cpu'), 'cpu', (v) => (v === '-1' ? -1 : cpuMillis(v) ?? NaN));
      const rates = { lineageEvents: quotaFlag(flag('events-per-s'), 'events-per-s', Number), spans: quotaFlag(flag('spans-per-s'), 'spans-per-s', Number), metricPoints: quotaFlag(flag('points-per-s'), 'points-per-s', Number) };
      const training = gpu !== undefined || cpu !== undefined ? await s.trainingQuotas.setLimits(rest[0], { gpu, cpuMillis: cpu }) : await s.trainingQuotas.limits(rest[0]);
      const ingest = Object.values(rates).some((v) => v !== undefined)
        ? await s.ingestLimits.setLimits(rest[0], rates).catch((e: unknown) => { throw asFlagError(e, { lineageEvents: 'events-per-s', spans: 'spans-per-s', metricPoints: 'points-per-s' }); })
        : await s.ingestLimits.limits(rest[0]);
      return [training, ingest] as const;
    });
    const rate = (v: number | null) => (v === null ? 'no limit' : `${v}/s`);
    console.log(`training quota of ${rest[0]}: GPUs ${q.gpu ?? 'no limit'}, CPU ${q.cpuMillis === null ? 'no limit' : formatCpu(q.cpuMillis)}`);
    return void console.log(`ingest quota of ${rest[0]}: OpenLineage events ${rate(r.lineageEvents)}, spans ${rate(r.spans)}, metric points ${rate(r.metricPoints)}`);
  }
  if (cmd === 'key' && sub === 'create' && rest[0]) {
    const key = await withServices((s) => s.tenancy.createApiKey(rest[0], (flag('role') ?? 'admin') as Role, undefined, {
      name: flag('name'), createdBy: 'cli', expiresInDays: expiryFlag(flag('expires-days')),
      namespaces: flag('namespaces')?.split(',').map((n) => n.trim()).filter(Boolean),
    }));
    return void console.log(`API key for ${rest[0]} (shown once, store it now):\n${key}`);
  }
  if (cmd === 'key' && sub === 'list' && rest[0]) {
    const keys = await withServices(async (s) => {
      if (!(await s.tenancy.tenantExists(rest[0]))) throw new LoomError('NOT_FOUND', `tenant ${rest[0]} not found`);
      return s.tenancy.listApiKeys(rest[0]);
    });
    return void console.log(keysTable(keys));
  }
  if (cmd === 'key' && sub === 'revoke' && rest[0] && rest[1]) {
    const k = await withServices((s) => s.tenancy.revokeApiKey(rest[0], rest[1], { by: 'cli', allowLastAdmin: parsed!.switches.has('force') }));
    return void console.log(`API key ${k.prefix} (${k.role}${k.name ? `, ${k.name}` : ''}) of ${rest[0]} revoked at ${k.revokedAt}`);
  }
  if (cmd === 'seed' && sub && rest[0] && rest.length === 1) {
    const text = await readFile(rest[0], 'utf8').catch((e: NodeJS.ErrnoException) => { throw new LoomError('BAD_USER_INPUT', `seed: cannot read ${rest[0]} (${e.code ?? e.message}): give the path of a file of OpenLineage events, one JSON object a line`); });
    const n = await withServices(async (s) => {
      if (!(await s.tenancy.tenantExists(sub))) throw new LoomError('NOT_FOUND', `tenant ${sub} not found: create it first (npm run loom -- tenant create ${sub})`);
      return loadEvents(s, sub, text, (d, t) => process.stderr.write(`\r${d}/${t} events`)).catch((e: unknown) => { process.stderr.write('\n'); throw e; });
    });
    return void console.log(`\nloaded ${n} events into ${sub}`);
  }
  throw new LoomError('BAD_USER_INPUT', `unknown command "${argv.join(' ')}". ${USAGE}`);
}

/** A refusal naming a setting (`lineageEvents: …`) as the flag that gave it (`--events-per-s: …`). */
function asFlagError(e: unknown, flags: Record<string, string>): unknown {
  if (!(e instanceof LoomError) || !e.field || !flags[e.field]) return e;
  return new LoomError(e.code, e.message.replace(`${e.field}:`, `--${flags[e.field]}:`), `--${flags[e.field]}`);
}

/** A quota flag: absent → unchanged, `default` → the configured default, -1 → no limit. */
function quotaFlag(v: string | undefined, name: string, parse: (v: string) => number): number | null | undefined {
  if (v === undefined) return undefined;
  if (v === 'default') return null;
  const n = parse(v);
  if (!Number.isInteger(n) || n < -1) throw new LoomError('BAD_USER_INPUT', `--${name} ${v}: expected ${name === 'cpu' ? 'a CPU quantity such as 64 or 500m' : 'a whole number'}, -1 (no limit) or "default"`);
  return n;
}

function expiryFlag(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new LoomError('BAD_USER_INPUT', `--expires-days ${v}: expected a whole number of days`);
  return n;
}

/** `key list`: one line a key, newest first; the id is what `key revoke` takes (its first 8+ characters do). */
function keysTable(keys: ApiKeyInfo[]): string {
  if (!keys.length) return 'no API keys';
  const rows = keys.map((k) => [k.id.slice(0, 16), k.prefix, k.role, k.createdAt.slice(0, 19), k.revokedAt ? `revoked ${k.revokedAt.slice(0, 19)} by ${k.revokedBy}` : k.expiresAt ? `${Date.parse(k.expiresAt) <= Date.now() ? 'expired' : 'expires'} ${k.expiresAt.slice(0, 19)}` : 'active', k.name ?? '', k.createdBy ?? '', k.lastUsedAt?.slice(0, 16) ?? 'never', k.namespaces?.join(',') ?? 'all']);
  const head = ['id', 'key', 'role', 'created', 'state', 'name', 'created by', 'last used', 'namespaces'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [head, ...rows].map((r) => r.map((c, i) => c.padEnd(width[i])).join('  ').trimEnd()).join('\n');
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof ConfigError || err instanceof LoomError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
