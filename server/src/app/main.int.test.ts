import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startLoom } from './main.js';
import { spawnLoom } from '../testing/harness.js';
import { apiKeyId } from '../domain/tenancy/tenancy.service.js';

describe('Loom across restarts', () => {
  it('seeds once, keeps acknowledged writes and the demo key after a graceful restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loom-restart-'));
    const env = { LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'warn' };
    try {
      const first = await startLoom(env);
      expect(first.demoKey).toMatch(/^loom_/);
      const countAfterSeed = await first.services.graph.countNodes('demo');
      const post = (url: string, key: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
      const ack = await post(`${first.url}/api/v1/lineage`, first.demoKey!, {
        eventType: 'COMPLETE', eventTime: '2026-05-01T00:00:00Z', run: { runId: 'restart-run' }, job: { namespace: 'ns', name: 'survives_restart' },
      });
      expect(ack.status).toBe(201);
      await first.close();

      const second = await startLoom(env);
      try {
        expect(second.demoKey).toBe(first.demoKey);
        expect(await second.services.tenancy.listTenants()).toEqual(['demo']);
        const res = await post(`${second.url}/graphql`, second.demoKey!, { query: `{ node(id: "job:ns:survives_restart") { id } search(text: "analytics.customers_clean") { id }
          registeredModel(name: "churn-classifier") { versionCount } prompt(name: "churn-explainer") { versionCount } experiment(name: "churn-training") { runs { total } } }` });
        const body = await res.json();
        expect(body.data.node).toEqual({ id: 'job:ns:survives_restart' });
        expect(body.data.search[0].id).toBe('dataset:hive://metastore.data.internal:9083:analytics.customers_clean');
        // the demo story (demo/) is part of the one seed: present after the restart, not doubled by it
        expect(body.data.registeredModel.versionCount).toBe(3);
        expect(body.data.prompt.versionCount).toBe(3);
        expect(body.data.experiment.runs.total).toBe(4);
        expect(await second.services.graph.countNodes('demo')).toBe(countAfterSeed + 4); // seeded once: + namespace, job, job version, run
        // revoked, the demo key is no longer offered at start (the banner printed it as "signed in")
        await second.services.tenancy.createApiKey('demo', 'admin');
        await second.services.tenancy.revokeApiKey('demo', apiKeyId(second.demoKey!), { by: 'test' });
      } finally {
        await second.close();
      }
      const third = await startLoom(env);
      await third.close();
      expect(third.demoKey).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a port already in use, saying which setting to change, and leaves the data directory free', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loom-port-'));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const env = { LOOM_DATA_DIR: dir, LOOM_LOG_LEVEL: 'warn', LOOM_SEED_DEMO: 'false' };
    try {
      await expect(startLoom({ ...env, LOOM_PORT: String(port), LOOM_OTLP_GRPC_PORT: '0' })).rejects.toThrow(
        `LOOM_PORT=${port}: 127.0.0.1:${port} is already in use (another Loom?). Stop what listens there, or choose another LOOM_PORT`,
      );
      await expect(startLoom({ ...env, LOOM_PORT: '0', LOOM_OTLP_GRPC_PORT: String(port) })).rejects.toThrow(
        `LOOM_OTLP_GRPC_PORT=${port}: 127.0.0.1:${port} is already in use (another Loom, or an OTel Collector?). Stop what listens there, choose another LOOM_OTLP_GRPC_PORT, or set it to off`,
      );
      // an address not of this machine, a data directory a file is in the way of: named, with what to do (a system error's stack)
      await expect(startLoom({ ...env, LOOM_PORT: '0', LOOM_OTLP_GRPC_PORT: 'off', LOOM_HOST: '10.255.255.254' })).rejects.toThrow(/^LOOM_HOST=10\.255\.255\.254: not an address of this machine \(EADDRNOTAVAIL\)/);
      const file = path.join(dir, 'a-file');
      writeFileSync(file, '');
      await expect(startLoom({ ...env, LOOM_DATA_DIR: file, LOOM_PORT: '0' })).rejects.toThrow(/^LOOM_DATA_DIR=.*a-file: cannot be made a directory \(EEXIST: a file is in the way\)/);
      const next = await spawnLoom(env); // the stores were closed: another process opens the directory
      await next.kill();
    } finally {
      taken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses to start on a data directory another Loom is using, and says what to do', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loom-twice-'));
    const env = { LOOM_DATA_DIR: dir, LOOM_LOG_LEVEL: 'warn', LOOM_SEED_DEMO: 'false' };
    const running = await spawnLoom(env);
    try {
      await expect(startLoom({ ...env, LOOM_PORT: '0' })).rejects.toThrow(
        `the embedded graph ${path.join(dir, 'graph.kuzu')} is open in another process: another Loom (or a \`loom\` command) is using this data directory. Stop it, or give this one another LOOM_DATA_DIR`,
      );
      expect((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status).toBe(200);
    } finally {
      await running.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
