import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPlugins, PluginError, PluginSet } from './plugins.js';
import type { FacetSubject, PluginGateCheck } from '../domain/ports/Extensions.js';
import { mapEvent } from '../domain/openlineage/mapper.js';
import { validateEvent } from '../domain/openlineage/validate.js';
import { eventRefs, namedNodeIds } from '../domain/openlineage/event-archive.js';

const subject = (over: Partial<FacetSubject> = {}): FacetSubject => ({ tenant: 'a', owner: 'dataset', namespace: 'ns', name: 'orders', eventType: 'COMPLETE', eventTime: '2026-12-06T00:00:00.000Z', ...over });
const check = (over: Partial<PluginGateCheck> = {}): PluginGateCheck => ({
  tenant: 'a', model: 'churn', version: 2, stage: 'Production', alias: null, params: null, runId: null, props: {},
  runMetric: async () => null, evaluationMetric: async () => null, ...over,
});
const plugin = (name: string, setup: (loom: any) => void, extra: object = {}) => ({ name, apiVersion: 1, setup, ...extra });
const refusal = async (work: () => Promise<unknown>) => work().then(() => null, (e: Error) => (e instanceof PluginError ? e.message : `not a PluginError: ${e.message}`));

describe('plugin modules', () => {
  let dir = '';
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'loom-plugins-'));
    write('ok.mjs', "export default { name: 'ok', version: '1.2.3', apiVersion: 1, setup(loom) { loom.readFacet('acme', ['dataset', 'job'], (f) => ({ props: { team: f.team } })); } };");
    write('no-default.mjs', 'export const plugin = {};');
    write('v2.mjs', "export default { name: 'future', apiVersion: 2, setup() {} };");
    write('throws.mjs', "export default { name: 'throws', apiVersion: 1, setup() { throw new Error('no licence key'); } };");
    write('syntax.mjs', 'export default {');
    // A plugin installed as a package (npm install loom-plugin-acme) beside where Loom starts.
    mkdirSync(path.join(dir, 'node_modules/loom-plugin-acme'), { recursive: true });
    write('node_modules/loom-plugin-acme/package.json', JSON.stringify({ name: 'loom-plugin-acme', version: '2.0.0', type: 'module', exports: './main.js' }));
    write('node_modules/loom-plugin-acme/main.js', "export default { name: 'acme', version: '2.0.0', apiVersion: 1, setup(loom) { loom.webhookFormat('ACME', () => ({ body: 'hi' })); } };");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads modules by path, in order, and says what each adds', async () => {
    const set = await loadPlugins(['./ok.mjs'], { cwd: dir });
    expect(set.describe('a')).toEqual([{
      name: 'ok', version: '1.2.3', module: './ok.mjs', renamesDatasets: false, facets: [{ facet: 'acme', owners: ['dataset', 'job'] }], promotionGates: [], webhookFormats: [],
      errors: { count: 0, lastAt: null, lastMessage: null }, usage: { calls: 0, totalMs: 0, slowestMs: 0 },
    }]);
    expect(set.readsFacets).toBe(true);
    expect(set.facets(subject(), { acme: { team: 'crm' }, other: {} })).toEqual([{ plugin: 'ok', props: { team: 'crm' }, tags: [] }]);
    expect(set.facets(subject({ owner: 'run' }), { acme: { team: 'crm' } })).toEqual([]);
    // Its handler ran once (not for a run): counted and timed for the tenant it served.
    const { usage } = set.describe('a')[0];
    expect(usage.calls).toBe(1);
    expect(usage.totalMs).toBeGreaterThan(0);
    expect(usage.slowestMs).toBe(usage.totalMs);
    expect(set.describe('b')[0].usage).toEqual({ calls: 0, totalMs: 0, slowestMs: 0 });
  });

  it('loads a module by a path without ./ (as the README writes it) when the file exists', async () => {
    mkdirSync(path.join(dir, 'plugins'), { recursive: true });
    write('plugins/nested.mjs', "export default { name: 'nested', apiVersion: 1, setup() {} };");
    expect((await loadPlugins(['plugins/nested.mjs'], { cwd: dir })).describe('a').map((p) => p.name)).toEqual(['nested']);
  });

  it('loads a plugin installed as a package, by its name', async () => {
    const set = await loadPlugins(['loom-plugin-acme'], { cwd: dir });
    expect(set.describe('a')).toMatchObject([{ name: 'acme', version: '2.0.0', module: 'loom-plugin-acme', webhookFormats: [{ name: 'ACME', description: null }] }]);
    expect(set.webhookFormatNames()).toEqual(['ACME']);
  });

  it('refuses at load what it cannot use, saying which module and what to fix', async () => {
    const at = (specs: string[]) => refusal(() => loadPlugins(specs, { cwd: dir }));
    expect(await at(['./missing.mjs'])).toMatch(/^\.\/missing\.mjs: not found \(looked for .*missing\.mjs\)\. Fix the path in LOOM_PLUGINS/);
    expect(await at(['loom-plugin-that-is-not-installed'])).toMatch(/not a package installed in .* or beside Loom/);
    expect(await at(['./no-default.mjs'])).toMatch(/exports no plugin; a plugin module has export default \{ name, version, apiVersion: 1, setup\(loom\)/);
    expect(await at(['./v2.mjs'])).toMatch(/apiVersion 2 is not one this Loom supports \(1\)/);
    expect(await at(['./throws.mjs'])).toBe('./throws.mjs (plugin throws): setup failed: no licence key');
    expect(await at(['./syntax.mjs'])).toMatch(/^\.\/syntax\.mjs: could not be loaded: /);
    expect(await at(['./ok.mjs', path.join(dir, 'ok.mjs')])).toMatch(/a plugin named "ok" is already loaded \(\.\/ok\.mjs\)/);
  });

  it('refuses registrations it could not honour, and any after setup', async () => {
    const set = new PluginSet();
    const add = (p: object) => refusal(() => set.add(p, 'm.mjs'));
    expect(await add(plugin('Bad Name', () => {}))).toMatch(/name must be 1-40 lower-case letters/);
    expect(await add(plugin('f', (l) => l.readFacet('a b', 'dataset', () => null)))).toMatch(/readFacet\(facet\): must be a facet name/);
    expect(await add(plugin('f', (l) => l.readFacet('a', 'model', () => null)))).toMatch(/readFacet\(a\) owners: must be dataset, job, run/);
    expect(await add(plugin('g', (l) => l.promotionGate('Approval', async () => ({ passed: true }))))).toMatch(/promotionGate\(name\): must be 1-60 lower-case/);
    expect(await add(plugin('g', (l) => l.promotionGate('approval', async () => ({ passed: true }), { timeoutMs: 0 })))).toMatch(/timeoutMs must be an integer 1\.\.60000/);
    expect(await add(plugin('w', (l) => l.webhookFormat('SLACK', () => ({ body: '' }))))).toMatch(/webhookFormat\(SLACK\): Loom has a format of that name already/);
    let later: any;
    await set.add(plugin('late', (l) => { later = l; l.promotionGate('approval', async () => ({ passed: true, detail: 'ok' })); }), 'late.mjs');
    expect(() => later.readFacet('x', 'job', () => null)).toThrow(/readFacet after setup; register everything in setup\(\)/);
    expect(await add(plugin('other', (l) => l.promotionGate('approval', async () => ({ passed: true }))))).toMatch(/plugin late already offers a gate of that name/);
    // A setup that failed half-way registered nothing.
    await refusal(() => set.add(plugin('half', (l) => { l.webhookFormat('HALF', () => ({ body: '' })); throw new Error('boom'); }), 'half.mjs'));
    expect(set.webhookFormatNames()).toEqual([]);
    expect(set.describe('a').map((p) => p.name)).toEqual(['late']);
  });
});

describe('what plugins answer', () => {
  it('takes a facet answer whole or not at all, counting failures per tenant', async () => {
    const set = new PluginSet();
    const answers: Record<string, unknown> = {};
    await set.add(plugin('p', (l) => l.readFacet('f', 'dataset', (facet: { case: string }) => {
      if (facet.case === 'throw') throw new Error('cannot read it');
      return answers[facet.case];
    })), 'p.mjs');
    const made = (c: string, tenant = 'a') => set.facets(subject({ tenant }), { f: { case: c } });
    Object.assign(answers, {
      good: { props: { level: 'high', rows: 3, ok: true, none: null }, tags: ['pii', { name: 'owner:crm', field: 'email' }] },
      nothing: undefined, empty: {},
      promise: Promise.resolve({ props: {} }), extra: { props: {}, labels: [] }, object: { props: { nested: { a: 1 } } },
      key: { props: { 'a b': 1 } }, nan: { props: { n: Number.NaN } }, many: { props: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) },
      tag: { tags: ['-bad'] }, field: { tags: [{ name: 'pii', field: '' }] },
    });
    expect(made('good')).toEqual([{ plugin: 'p', props: { level: 'high', rows: 3, ok: true, none: null }, tags: [{ name: 'pii', field: null }, { name: 'owner:crm', field: 'email' }] }]);
    expect([made('nothing'), made('empty')]).toEqual([[], []]);
    const failing = ['throw', 'promise', 'extra', 'object', 'key', 'nan', 'many', 'tag', 'field'];
    const messages = failing.map((c) => (made(c), set.describe('a')[0].errors.lastMessage));
    for (const c of failing) expect(made(c)).toEqual([]);
    expect(messages).toEqual([
      'readFacet(f) on a dataset (ns orders): cannot read it',
      'readFacet(f) on a dataset (ns orders): answered a Promise: facet handlers must answer synchronously',
      'readFacet(f) on a dataset (ns orders): answered labels: only props and tags are taken',
      expect.stringContaining('props.nested: must be a string'),
      expect.stringContaining('props.a b: a key is 1-100 letters'),
      expect.stringContaining('props.n: must be a string'),
      expect.stringContaining('props: at most 50'),
      expect.stringContaining('tags[0]: tags[0]: must be 1-100 characters'),
      expect.stringContaining('tags[0].field: must be a column name'),
    ]);
    expect(set.describe('a')[0].errors.count).toBe(failing.length * 2);
    // Another tenant sees none of them (a message may quote the tenant's data).
    expect(set.describe('b')[0].errors).toEqual({ count: 0, lastAt: null, lastMessage: null });
    made('throw', 'b');
    expect(set.describe('b')[0].errors.count).toBe(1);
  });

  it('renames datasets through each renaming plugin in turn, keeping the name a failing one was given', async () => {
    const set = new PluginSet();
    await set.add(plugin('upper', (l) => l.renameDataset(({ namespace, name }: { namespace: string; name: string }) => {
      if (name === 'boom') throw new Error('no rule for boom');
      if (name === 'nul') return { namespace, name: 'a\u0000b' };
      return name === 'same' ? null : { namespace, name: name.toUpperCase() };
    })), 'upper.mjs');
    await set.add(plugin('prefix', (l) => l.renameDataset(({ namespace, name }: { namespace: string; name: string }) => ({ namespace: `x-${namespace}`, name }))), 'prefix.mjs');
    expect(set.renamesDatasets).toBe(true);
    expect(set.datasetName('a', { namespace: 'ns', name: 'orders' })).toEqual({ namespace: 'x-ns', name: 'ORDERS' });
    expect(set.datasetName('a', { namespace: 'ns', name: 'same' })).toEqual({ namespace: 'x-ns', name: 'same' });
    expect(set.datasetName('a', { namespace: 'ns', name: 'boom' })).toEqual({ namespace: 'x-ns', name: 'boom' });
    expect(set.datasetName('a', { namespace: 'ns', name: 'nul' })).toEqual({ namespace: 'x-ns', name: 'nul' });
    expect(set.describe('a').map((p) => [p.name, p.renamesDatasets, p.errors.count])).toEqual([['upper', true, 2], ['prefix', true, 0]]);
    expect(set.describe('a')[0].errors.lastMessage).toBe('renameDataset (ns nul): answered name: must be a non-empty string of at most 4096 characters without NUL');
  });

  it('gives a handler a copy of the facet: what it changes is not stored', async () => {
    const set = new PluginSet();
    await set.add(plugin('m', (l) => l.readFacet('f', 'job', (facet: { v: number }) => { facet.v = 99; return { props: { v: facet.v } }; })), 'm.mjs');
    const facets = { f: { v: 1 } };
    expect(set.facets(subject({ owner: 'job' }), facets)[0].props).toEqual({ v: 99 });
    expect(facets.f.v).toBe(1);
  });

  it('fails a gate closed when its plugin throws, hangs, answers nonsense or is not loaded', async () => {
    const set = new PluginSet();
    await set.add(plugin('gates', (l) => {
      l.promotionGate('ticket', async (c: PluginGateCheck) => ({ passed: (c.params as { ok: boolean }).ok, detail: `asked about ${c.model} v${c.version} → ${c.stage}` }));
      l.promotionGate('throws', async () => { throw new Error('service down'); });
      l.promotionGate('hangs', () => new Promise(() => {}), { timeoutMs: 50 });
      l.promotionGate('nonsense', async () => 'yes');
    }), 'gates.mjs');
    expect(set.gateNames()).toEqual(['hangs', 'nonsense', 'throws', 'ticket']);
    expect(await set.checkGate('ticket', check({ params: { ok: true } }))).toEqual({ passed: true, detail: 'asked about churn v2 → Production' });
    expect(await set.checkGate('ticket', check({ params: { ok: false } }))).toEqual({ passed: false, detail: 'asked about churn v2 → Production' });
    expect(await set.checkGate('throws', check())).toEqual({ passed: false, detail: 'plugin gate throws (gates) could not decide, so it blocks: service down' });
    expect(await set.checkGate('hangs', check())).toEqual({ passed: false, detail: 'plugin gate hangs (gates) could not decide, so it blocks: did not answer within 50 ms' });
    expect((await set.checkGate('nonsense', check())).detail).toMatch(/answered no \{ passed: boolean, detail: string \}/);
    expect(await set.checkGate('gone', check())).toEqual({ passed: false, detail: expect.stringContaining('no plugin offers the gate gone in this Loom') });
    expect(set.describe('a')[0].errors.count).toBe(3);
    // Every call is counted, failed or not; the one that hung took its timeout.
    expect(set.describe('a')[0].usage).toMatchObject({ calls: 5, slowestMs: expect.any(Number) });
    expect(set.describe('a')[0].usage.slowestMs).toBeGreaterThanOrEqual(45);
  });

  it('makes webhook bodies, keeping Loom\'s headers Loom\'s', async () => {
    const set = new PluginSet();
    const envelope = { id: 'd1', event: 'MODEL_VERSION_REGISTERED', tenant: 'a', occurredAt: '2026-12-06T00:00:00.000Z', webhook: 'w', data: { model: 'churn' } };
    let answer: unknown;
    await set.add(plugin('fmt', (l) => l.webhookFormat('CHAT', () => answer)), 'fmt.mjs');
    answer = { body: { text: 'hi' }, headers: { authorization: 'Token t' } };
    expect(await set.formatWebhook('CHAT', envelope)).toEqual({ body: '{"text":"hi"}', contentType: 'application/json', headers: { authorization: 'Token t' } });
    answer = { body: 'plain', contentType: 'text/plain' };
    expect(await set.formatWebhook('CHAT', envelope)).toEqual({ body: 'plain', contentType: 'text/plain', headers: {} });
    for (const [bad, why] of [
      [{ body: 'x', headers: { 'X-Loom-Signature': 'forged' } }, /headers\.X-Loom-Signature: not a header a format may set/],
      [{ body: 'x', headers: { a: 'b\r\nc: d' } }, /headers\.a: must be a one-line string/],
      [{}, /answered no \{ body \}/],
    ] as const) {
      answer = bad;
      await expect(set.formatWebhook('CHAT', envelope)).rejects.toThrow(why);
    }
    await expect(set.formatWebhook('NONE', envelope)).rejects.toThrow(/no plugin offers the webhook format NONE/);
  });
});

describe('the dataset-names example plugin in the mapper', () => {
  it('maps an s3a:// output, its column lineage and its symlink onto the s3:// dataset other emitters name', async () => {
    const set = await loadPlugins([path.resolve('server/plugins/examples/dataset-names.mjs')], { cwd: process.cwd() });
    const raw = {
      eventType: 'COMPLETE', eventTime: '2026-12-06T10:00:00Z', producer: 'spark', run: { runId: 'r1' }, job: { namespace: 'spark', name: 'etl' },
      inputs: [{ namespace: 's3a://lake', name: 'raw/orders/' }, { namespace: 'snowflake://ACME', name: 'DB.PUBLIC.CUSTOMERS' }],
      outputs: [{
        namespace: 's3a://lake', name: 'clean/orders/', facets: {
          schema: { fields: [{ name: 'id' }] },
          columnLineage: { fields: { id: { inputFields: [{ namespace: 's3a://lake', name: 'raw/orders/', field: 'order_id' }] } } },
          symlinks: { identifiers: [{ namespace: 's3://lake', name: 'clean/orders', type: 'TABLE' }, { namespace: 'hive://metastore', name: 'lake.orders', type: 'TABLE' }] },
        },
      }],
    };
    const { event, kind } = validateEvent(raw);
    const batch = mapEvent(event, kind, { extensions: set, tenant: 't' });
    const datasets = batch.nodes.filter((n) => n.kind === 'Dataset').map((n) => n.id);
    expect([...new Set(datasets)].sort()).toEqual(['dataset:hive://metastore:lake.orders', 'dataset:s3://lake:clean/orders', 'dataset:s3://lake:raw/orders', 'dataset:snowflake://acme:db.public.customers']);
    expect(batch.edges.filter((e) => e.kind === 'DERIVES').map((e) => [e.from, e.to])).toEqual([['field:s3://lake:raw/orders#order_id', 'field:s3://lake:clean/orders#id']]);
    // The symlink naming the same dataset once renamed is no alias of itself; the Hive table is.
    expect(batch.edges.filter((e) => e.kind === 'ALIAS').map((e) => e.from).sort()).toEqual(['dataset:hive://metastore:lake.orders', 'dataset:s3://lake:clean/orders']);
    // The facets stay as sent; the archive files the event under both names.
    const output = batch.nodes.find((n) => n.id === 'dataset:s3://lake:clean/orders');
    expect(output?.props?.['facets.symlinks']).toEqual(raw.outputs[0]!.facets.symlinks);
    // recentlyActive names the nodes as the graph knows them.
    expect(namedNodeIds([raw], (r) => set.datasetName('t', r))).toEqual(['job:spark:etl', 'dataset:s3://lake:clean/orders', 'dataset:s3://lake:raw/orders', 'dataset:snowflake://acme:db.public.customers']);
    expect(eventRefs(raw, (r) => set.datasetName('t', r)).datasets).toEqual(expect.arrayContaining(['s3a://lake:raw/orders/', 's3://lake:raw/orders', 's3a://lake:clean/orders/', 's3://lake:clean/orders']));
  });
});
