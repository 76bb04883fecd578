/**
 * Plugins: ES modules LOOM_PLUGINS names (paths, or packages installed beside Loom), loaded once at
 * start, in every role. Each default-exports `{ name, version?, apiVersion: 1, setup(loom) }`;
 * `setup` registers what the plugin adds, through the `loom` object (PluginSetup, below):
 * - `readFacet(facet, owners, handler)`: read an OpenLineage facet of datasets, jobs or runs at ingest
 *   and answer props (kept on the node as `plugin.<plugin>.<key>`) and tags (source `plugin:<plugin>`).
 *   Synchronous and pure: the same event gives the same answer on every replay, in every process;
 * - `renameDataset(handler)`: the name the graph knows a dataset an event names by (synchronous, pure);
 * - `promotionGate(name, handler)`: a promotion gate models can configure (kind PLUGIN); it fails
 *   closed (an error, a timeout or no answer blocks the promotion, saying why);
 * - `webhookFormat(NAME, handler)`: a webhook body format (beside LOOM and SLACK), e.g. for a chat
 *   or paging service.
 * A plugin's failure costs its own contribution only and is counted per tenant (`plugins` in
 * GraphQL shows a tenant its own); what a module or its setup gets wrong stops Loom at start, saying
 * which plugin and what to fix. This module is the adapter behind the domain's Extensions port; what
 * the plugins answer is checked in plugin-answers.ts.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { withTimeout } from '../domain/with-timeout.js';
import { checkDatasetName, checkFacetAnswer, checkFormatAnswer, message, PluginError, type FacetAnswer, type FormatAnswer } from './plugin-answers.js';
import {
  FACET_OWNERS, type Extensions, type FacetContribution, type FacetOwner, type FacetSubject, type FormattedBody,
  type DatasetName, type PluginGateCheck, type PluginGateOutcome, type PluginInfo, type WebhookEnvelope,
} from '../domain/ports/Extensions.js';

export { PluginError, type FacetAnswer };

export const PLUGIN_API_VERSION = 1;

type FacetHandler = (facet: unknown, subject: FacetSubject) => FacetAnswer | null | undefined;
type RenameHandler = (dataset: DatasetName, context: { tenant: string }) => DatasetName | null | undefined;
type GateHandler = (check: PluginGateCheck) => PluginGateOutcome | Promise<PluginGateOutcome>;
type FormatHandler = (envelope: WebhookEnvelope) => FormatAnswer | Promise<FormatAnswer>;

/** The `loom` object a plugin's setup receives. Registering is allowed during setup only. */
export interface PluginSetup {
  readonly apiVersion: number;
  /** Loom's log, the plugin's records marked with its name. */
  readonly log: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  readFacet(facet: string, owners: FacetOwner | readonly FacetOwner[], handler: FacetHandler): void;
  /** Rename datasets at ingest (synchronous, pure): answer another `{ namespace, name }`, or null to keep it. */
  renameDataset(handler: RenameHandler): void;
  promotionGate(name: string, handler: GateHandler, opts?: { description?: string; timeoutMs?: number }): void;
  webhookFormat(name: string, handler: FormatHandler, opts?: { description?: string; timeoutMs?: number }): void;
}

export interface LoomPlugin { name: string; version?: string; apiVersion: number; setup(loom: PluginSetup): void | Promise<void> }

const PLUGIN_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const FACET_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const GATE_NAME = /^[a-z][a-z0-9_-]{0,59}$/;
const FORMAT_NAME = /^[A-Z][A-Z0-9_]{0,39}$/;
const BUILT_IN_FORMATS = ['LOOM', 'SLACK'];
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 60_000;
/** A plugin's failures are logged at most this often (each counted). */
const LOG_EVERY_MS = 30_000;

interface Registered<H> { plugin: string; handler: H; description: string | null; timeoutMs: number }
interface TenantErrors { count: number; lastAt: string; lastMessage: string }
interface TenantUsage { calls: number; totalMs: number; slowestMs: number }

/** The loaded plugins, answering the domain's Extensions port. */
export class PluginSet implements Extensions {
  private readonly facetHandlers = new Map<string, { plugin: string; owners: Set<FacetOwner>; handler: FacetHandler }[]>();
  private readonly renamers: { plugin: string; handler: RenameHandler }[] = [];
  private readonly gates = new Map<string, Registered<GateHandler>>();
  private readonly formats = new Map<string, Registered<FormatHandler>>();
  private readonly loaded: { plugin: LoomPlugin; module: string }[] = [];
  private readonly errors = new Map<string, Map<string, TenantErrors>>();
  private readonly usage = new Map<string, Map<string, TenantUsage>>();
  private readonly loggedAt = new Map<string, number>();

  constructor(private readonly log: Pick<Logger, 'warn' | 'child'> | null = null) {}

  get readsFacets(): boolean {
    return this.facetHandlers.size > 0;
  }

  get renamesDatasets(): boolean {
    return this.renamers.length > 0;
  }

  /** Registers one plugin through its setup (what `loadPlugins` does for each module). */
  async add(plugin: unknown, module: string): Promise<void> {
    const p = checkPlugin(plugin, module);
    if (this.loaded.some((l) => l.plugin.name === p.name)) throw new PluginError(`${module}: a plugin named "${p.name}" is already loaded (${this.loaded.find((l) => l.plugin.name === p.name)!.module}); plugin names must be unique`);
    let open = true;
    const where = `${module} (plugin ${p.name})`;
    const guard = (what: string) => {
      if (!open) throw new PluginError(`${where}: ${what} after setup; register everything in setup()`);
    };
    const timeout = (opts: { timeoutMs?: number } | undefined, what: string) => {
      const ms = opts?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      if (!Number.isInteger(ms) || ms < 1 || ms > MAX_TIMEOUT_MS) throw new PluginError(`${where}: ${what} timeoutMs must be an integer 1..${MAX_TIMEOUT_MS}`);
      return ms;
    };
    const description = (opts: { description?: string } | undefined) => (typeof opts?.description === 'string' ? opts.description.slice(0, 500) : null);
    const pending = { facets: [] as [string, FacetOwner[], FacetHandler][], renamers: [] as RenameHandler[], gates: new Map<string, Registered<GateHandler>>(), formats: new Map<string, Registered<FormatHandler>>() };
    const setup: PluginSetup = {
      apiVersion: PLUGIN_API_VERSION,
      log: (this.log?.child({ plugin: p.name }) ?? SILENT) as PluginSetup['log'],
      readFacet: (facet, owners, handler) => {
        guard('readFacet');
        if (typeof facet !== 'string' || !FACET_NAME.test(facet)) throw new PluginError(`${where}: readFacet(facet): must be a facet name (1-100 letters, digits, "_", "." or "-"), got ${JSON.stringify(facet)}`);
        const list = (Array.isArray(owners) ? owners : [owners]) as unknown[];
        if (!list.length || list.some((o) => !FACET_OWNERS.includes(o as FacetOwner))) throw new PluginError(`${where}: readFacet(${facet}) owners: must be ${FACET_OWNERS.join(', ')} or a list of them`);
        if (typeof handler !== 'function') throw new PluginError(`${where}: readFacet(${facet}) handler: must be a function`);
        pending.facets.push([facet, list as FacetOwner[], handler]);
      },
      renameDataset: (handler) => {
        guard('renameDataset');
        if (typeof handler !== 'function') throw new PluginError(`${where}: renameDataset handler: must be a function`);
        pending.renamers.push(handler);
      },
      promotionGate: (name, handler, opts) => {
        guard('promotionGate');
        if (typeof name !== 'string' || !GATE_NAME.test(name)) throw new PluginError(`${where}: promotionGate(name): must be 1-60 lower-case letters, digits, "_" or "-", starting with a letter, got ${JSON.stringify(name)}`);
        if (typeof handler !== 'function') throw new PluginError(`${where}: promotionGate(${name}) handler: must be a function`);
        const taken = this.gates.get(name)?.plugin ?? (pending.gates.has(name) ? p.name : null);
        if (taken) throw new PluginError(`${where}: promotionGate(${name}): plugin ${taken} already offers a gate of that name`);
        pending.gates.set(name, { plugin: p.name, handler, description: description(opts), timeoutMs: timeout(opts, `promotionGate(${name})`) });
      },
      webhookFormat: (name, handler, opts) => {
        guard('webhookFormat');
        if (typeof name !== 'string' || !FORMAT_NAME.test(name)) throw new PluginError(`${where}: webhookFormat(name): must be 1-40 upper-case letters, digits or "_", starting with a letter, got ${JSON.stringify(name)}`);
        if (typeof handler !== 'function') throw new PluginError(`${where}: webhookFormat(${name}) handler: must be a function`);
        const taken = BUILT_IN_FORMATS.includes(name) ? 'Loom' : this.formats.get(name)?.plugin ?? (pending.formats.has(name) ? p.name : null);
        if (taken) throw new PluginError(`${where}: webhookFormat(${name}): ${taken === 'Loom' ? 'Loom has' : `plugin ${taken} offers`} a format of that name already`);
        pending.formats.set(name, { plugin: p.name, handler, description: description(opts), timeoutMs: timeout(opts, `webhookFormat(${name})`) });
      },
    };
    try {
      await p.setup(setup);
    } catch (err) {
      throw err instanceof PluginError ? err : new PluginError(`${where}: setup failed: ${message(err)}`);
    } finally {
      open = false;
    }
    // Nothing of a plugin whose setup failed is registered.
    for (const [facet, owners, handler] of pending.facets) {
      const list = this.facetHandlers.get(facet) ?? [];
      list.push({ plugin: p.name, owners: new Set(owners), handler });
      this.facetHandlers.set(facet, list);
    }
    for (const handler of pending.renamers) this.renamers.push({ plugin: p.name, handler });
    for (const [name, g] of pending.gates) this.gates.set(name, g);
    for (const [name, f] of pending.formats) this.formats.set(name, f);
    this.loaded.push({ plugin: p, module });
  }

  facets(subject: FacetSubject, facets: Readonly<Record<string, unknown>>): FacetContribution[] {
    const out: FacetContribution[] = [];
    for (const facet of Object.keys(facets)) {
      const handlers = this.facetHandlers.get(facet);
      if (!handlers) continue;
      for (const h of handlers) {
        if (!h.owners.has(subject.owner)) continue;
        try {
          const answer = this.timed(h.plugin, subject.tenant, () => h.handler(structuredClone(facets[facet]), Object.freeze({ ...subject })));
          const made = checkFacetAnswer(answer, h.plugin);
          if (made) out.push(made);
        } catch (err) {
          this.failed(h.plugin, subject.tenant, `readFacet(${facet}) on a ${subject.owner} (${subject.namespace} ${subject.name})`, err);
        }
      }
    }
    return out;
  }

  datasetName(tenant: string, ref: DatasetName): DatasetName {
    let current = ref;
    for (const r of this.renamers) {
      try {
        const answer = this.timed(r.plugin, tenant, () => r.handler({ namespace: current.namespace, name: current.name }, { tenant }));
        if (answer !== null && answer !== undefined) current = checkDatasetName(answer);
      } catch (err) {
        this.failed(r.plugin, tenant, `renameDataset (${current.namespace} ${current.name})`, err);
      }
    }
    return current;
  }

  gateNames(): string[] {
    return [...this.gates.keys()].sort();
  }

  async checkGate(name: string, check: PluginGateCheck): Promise<PluginGateOutcome> {
    const gate = this.gates.get(name);
    if (!gate) return { passed: false, detail: `no plugin offers the gate ${name} in this Loom (LOOM_PLUGINS): blocked until one does or the gate is removed` };
    try {
      const answer = await this.timedAsync(gate.plugin, check.tenant, () => within(gate.timeoutMs, () => gate.handler(Object.freeze({ ...check }))));
      if (!answer || typeof answer !== 'object' || typeof answer.passed !== 'boolean') throw new PluginError('answered no { passed: boolean, detail: string }');
      return { passed: answer.passed, detail: typeof answer.detail === 'string' && answer.detail ? answer.detail.slice(0, 1000) : (answer.passed ? 'passed' : 'failed') };
    } catch (err) {
      this.failed(gate.plugin, check.tenant, `promotion gate ${name}`, err);
      return { passed: false, detail: `plugin gate ${name} (${gate.plugin}) could not decide, so it blocks: ${message(err)}` };
    }
  }

  webhookFormatNames(): string[] {
    return [...this.formats.keys()].sort();
  }

  async formatWebhook(name: string, envelope: WebhookEnvelope): Promise<FormattedBody> {
    const format = this.formats.get(name);
    if (!format) throw new Error(`no plugin offers the webhook format ${name} in this Loom (LOOM_PLUGINS)`);
    try {
      return checkFormatAnswer(await this.timedAsync(format.plugin, envelope.tenant, () => within(format.timeoutMs, () => format.handler(structuredClone(envelope)))));
    } catch (err) {
      this.failed(format.plugin, envelope.tenant, `webhook format ${name} (${envelope.event})`, err);
      throw new Error(`webhook format ${name} (plugin ${format.plugin}) failed: ${message(err)}`);
    }
  }

  /** Every loaded plugin, with `tenant`'s errors. */
  describe(tenant: string): PluginInfo[] {
    return this.loaded.map(({ plugin, module }) => {
      const e = this.errors.get(plugin.name)?.get(tenant);
      const mine = <H>(m: Map<string, Registered<H>>) => [...m].filter(([, r]) => r.plugin === plugin.name).map(([name, r]) => ({ name, description: r.description }));
      return {
        name: plugin.name,
        version: plugin.version ?? null,
        module,
        renamesDatasets: this.renamers.some((r) => r.plugin === plugin.name),
        facets: [...this.facetHandlers].flatMap(([facet, hs]) => hs.filter((h) => h.plugin === plugin.name).map((h) => ({ facet, owners: FACET_OWNERS.filter((o) => h.owners.has(o)) }))),
        promotionGates: mine(this.gates),
        webhookFormats: mine(this.formats),
        errors: { count: e?.count ?? 0, lastAt: e?.lastAt ?? null, lastMessage: e?.lastMessage ?? null },
        usage: { ...(this.usage.get(plugin.name)?.get(tenant) ?? { calls: 0, totalMs: 0, slowestMs: 0 }) },
      };
    });
  }

  /** A handler's call, counted and timed for the tenant it served (failed or not): what `plugins { usage }` shows. */
  private timed<T>(plugin: string, tenant: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.used(plugin, tenant, performance.now() - start);
    }
  }

  private async timedAsync<T>(plugin: string, tenant: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.used(plugin, tenant, performance.now() - start);
    }
  }

  private used(plugin: string, tenant: string, ms: number): void {
    const byTenant = this.usage.get(plugin) ?? new Map<string, TenantUsage>();
    this.usage.set(plugin, byTenant);
    const u = byTenant.get(tenant) ?? { calls: 0, totalMs: 0, slowestMs: 0 };
    u.calls++;
    u.totalMs += ms;
    u.slowestMs = Math.max(u.slowestMs, ms);
    byTenant.set(tenant, u);
  }

  private failed(plugin: string, tenant: string, where: string, err: unknown): void {
    const byTenant = this.errors.get(plugin) ?? new Map<string, TenantErrors>();
    this.errors.set(plugin, byTenant);
    const e = byTenant.get(tenant) ?? { count: 0, lastAt: '', lastMessage: '' };
    e.count++;
    e.lastAt = new Date().toISOString();
    e.lastMessage = `${where}: ${message(err)}`.slice(0, 1000);
    byTenant.set(tenant, e);
    const key = `${plugin}\u0000${where}`;
    if ((this.loggedAt.get(key) ?? -Infinity) + LOG_EVERY_MS > performance.now()) return;
    this.loggedAt.set(key, performance.now());
    this.log?.warn({ plugin, tenant, err: message(err) }, `plugin ${plugin} failed in ${where}; what it would have added is left out (counted in GraphQL plugins.errors; logged at most every 30 s)`);
  }
}

/**
 * Loads the plugin modules named (in order), relative paths from `cwd`, packages as Node resolves
 * them from `cwd` (then from Loom's own node_modules). Throws PluginError saying which and why.
 */
export async function loadPlugins(specs: readonly string[], opts: { cwd: string; log?: Pick<Logger, 'warn' | 'child'> | null }): Promise<PluginSet> {
  const set = new PluginSet(opts.log ?? null);
  for (const spec of specs) {
    const mod = await importPlugin(spec, opts.cwd);
    await set.add((mod as { default?: unknown }).default, spec);
  }
  return set;
}

async function importPlugin(spec: string, cwd: string): Promise<unknown> {
  // A path: `./x.mjs`, `/abs/x.mjs`, or any file that exists from `cwd` (`server/plugins/examples/x.mjs`); else a package name (`@acme/loom-plugin`).
  const isPath = spec.startsWith('.') || isAbsolute(spec) || existsSync(resolve(cwd, spec));
  let url: string;
  try {
    url = isPath ? pathToFileURL(resolve(cwd, spec)).href : pathToFileURL(createRequire(join(cwd, 'package.json')).resolve(spec)).href;
  } catch {
    url = spec; // a package Loom's own node_modules may hold
  }
  try {
    return await import(url);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' || (err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
    throw new PluginError(missing
      ? `${spec}: not found${isPath ? ` (looked for ${resolve(cwd, spec)})` : ` (not a package installed in ${cwd} or beside Loom)`}. Fix the path in LOOM_PLUGINS (relative to the directory Loom starts in) or install the package`
      : `${spec}: could not be loaded: ${message(err)}`);
  }
}

function checkPlugin(plugin: unknown, module: string): LoomPlugin {
  const p = plugin as Partial<LoomPlugin> | null | undefined;
  const shape = 'export default { name, version, apiVersion: 1, setup(loom) { ... } }';
  if (!p || typeof p !== 'object') throw new PluginError(`${module}: exports no plugin; a plugin module has ${shape}`);
  if (typeof p.name !== 'string' || !PLUGIN_NAME.test(p.name)) throw new PluginError(`${module}: name must be 1-40 lower-case letters, digits or "-", starting with a letter, got ${JSON.stringify(p.name)}`);
  if (p.apiVersion !== PLUGIN_API_VERSION) throw new PluginError(`${module} (plugin ${p.name}): apiVersion ${JSON.stringify(p.apiVersion)} is not one this Loom supports (${PLUGIN_API_VERSION}); update the plugin or Loom`);
  if (typeof p.setup !== 'function') throw new PluginError(`${module} (plugin ${p.name}): setup must be a function; a plugin module has ${shape}`);
  if (p.version !== undefined && typeof p.version !== 'string') throw new PluginError(`${module} (plugin ${p.name}): version must be a string`);
  return p as LoomPlugin;
}

const noop = () => undefined;
const SILENT = { info: noop, warn: noop, error: noop, debug: noop };

/** A plugin's asynchronous handler, called (a synchronous throw becomes a rejection) and given `ms` to answer. */
const within = <T>(ms: number, work: () => T | Promise<T>): Promise<T> =>
  withTimeout(Promise.resolve().then(work), ms, () => new PluginError(`did not answer within ${ms} ms`));
