import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Services } from './services.js';
import { seedDemoStory } from './demo/index.js';
import { DEMO_EVENTS } from './demo/common.js';
import { apiKeyId } from '../domain/tenancy/tenancy.service.js';
import { LoomError } from '../domain/errors.js';

export const DEMO_TENANT = 'demo';

/**
 * On the first start of an empty store: create the `demo` tenant and an admin key, load the demo
 * story (the OpenLineage events, then experiments, registries, traces and GPU metrics: demo/). The
 * key is printed and kept in `<dataDir>/demo-key.txt` (mode 600) so later starts can print it.
 */
export async function seedIfEmpty(services: Services, opts: { dataDir: string; demoKey?: string }, log: Logger): Promise<string | null> {
  const keyFile = path.join(opts.dataDir, 'demo-key.txt');
  if ((await services.tenancy.listTenants()).length > 0) {
    const kept = existsSync(keyFile) ? (await readFile(keyFile, 'utf8')).trim() : null;
    // Printed only while it still works: a revoked or expired demo key is no "signed in" link.
    const id = kept && apiKeyId(kept);
    const live = kept ? (await services.tenancy.listApiKeys(DEMO_TENANT).catch(() => [])).find((k) => k.id === id) : undefined;
    if (kept && (!live || live.revokedAt || (live.expiresAt && Date.parse(live.expiresAt) <= Date.now()))) {
      log.info(`the demo API key kept in ${keyFile} was revoked or has expired: not printed (create one: npm run loom -- key create ${DEMO_TENANT} --role admin)`);
      return null;
    }
    return kept;
  }
  // The story first, the tenant last: a start interrupted while seeding seeds again next time (ingest is idempotent).
  const started = performance.now();
  const count = await loadEvents(services, DEMO_TENANT, await readFile(DEMO_EVENTS, 'utf8'), (done, total) => {
    if (done === total || done % 25 === 0) log.info({ done, total }, 'loading demo lineage');
  });
  await seedDemoStory(services, DEMO_TENANT, log);
  await services.tenancy.createTenant(DEMO_TENANT, 'Demo tenant');
  const key = await services.tenancy.createApiKey(DEMO_TENANT, 'admin', opts.demoKey, { name: 'demo', createdBy: 'seed' });
  await writeFile(keyFile, `${key}\n`, { mode: 0o600 });
  log.info({ tenant: DEMO_TENANT, events: count, ms: Math.round(performance.now() - started) }, 'demo tenant created and seeded');
  return key;
}

/** Ingest newline-delimited OpenLineage events in order; returns how many were loaded. */
export async function loadEvents(services: Services, tenant: string, ndjson: string, progress?: (done: number, total: number) => void): Promise<number> {
  const lines = ndjson.split('\n').map((text, i) => ({ text, line: i + 1 })).filter((l) => l.text.trim());
  let done = 0;
  for (const { text, line } of lines) {
    // A bad line names itself (its number in the file) and what was wrong; the lines before it are loaded.
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch (e) {
      throw new LoomError('BAD_USER_INPUT', `line ${line}: not JSON (${(e as Error).message}); ${done} event(s) before it were loaded`);
    }
    try {
      await services.lineageIngest.ingest(tenant, event);
    } catch (e) {
      if (e instanceof LoomError) throw new LoomError(e.code, `line ${line}: ${e.message}; ${done} event(s) before it were loaded`, e.field);
      throw e;
    }
    progress?.(++done, lines.length);
  }
  return done;
}
