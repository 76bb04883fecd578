import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GraphStore } from '../ports/GraphStore.js';
import { badInput, LoomError, notFound } from '../errors.js';
import type { GraphNode } from '../model.js';
import { checkText } from '../registry/validate.js';

/** Tenants and API keys live in the reserved `_system` scope; no API key can ever resolve to it. */
export const SYSTEM_TENANT = '_system';
export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * `keyId`: which of the tenant's API keys was sent (ApiKeyInfo.id), when the principal came from one;
 * `namespaces`: the namespaces an editor key limited to them may write in (absent: the whole tenant).
 */
export interface Principal {
  tenant: string; role: Role; keyId?: string; namespaces?: readonly string[];
  /** The key's name, else `key <its first characters>`: who a change is recorded as made by when the caller names nobody. */
  keyName?: string;
}

/** What a tenant's admins see of an API key: never the key itself, which is shown once, when it is created. */
export interface ApiKeyInfo {
  /** The SHA-256 of the key, in hex: what revocation names. */
  id: string;
  /** The key's first characters, to recognise it by. */
  prefix: string;
  role: Role;
  /** What the key is for, as its creator put it (a training run's key names its run). */
  name: string | null;
  createdAt: string;
  /** Who created it: `key <first 12 characters of the creating key's id>`, `cli`, `training` or `seed`. */
  createdBy: string | null;
  /** The training run it was minted for (revoked when that run ends). */
  runId: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  /** When it was last sent, within an hour (written at most hourly a process). */
  lastUsedAt: string | null;
  /** When it stops working; null: until revoked. */
  expiresAt: string | null;
  /** The namespaces it may write in; null: the whole tenant. */
  namespaces: string[] | null;
}

/**
 * `expiresInDays`: the key is refused from then on (1 to 3,650 days; none: until revoked).
 * `namespaces`: an editor key that writes only in these (e.g. one pipeline's key); none: the whole tenant.
 */
export interface CreateKeyOptions { name?: string | null; createdBy?: string; runId?: string; expiresInDays?: number | null; namespaces?: readonly string[] | null }
const MAX_EXPIRY_DAYS = 3650;
const MAX_KEY_NAMESPACES = 50;

/** A key's namespaces: 1-50 of them, as emitters name them (1-1,000 characters, no NUL), each once; null for none given. */
function checkKeyNamespaces(role: Role, list: readonly string[] | null | undefined): string[] | null {
  if (list === null || list === undefined) return null;
  if (role !== 'editor') throw badInput('namespaces', `only an editor key can be limited to namespaces (a ${role} key ${role === 'admin' ? 'manages the whole tenant' : 'writes nothing'})`);
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_KEY_NAMESPACES) throw badInput('namespaces', `name 1 to ${MAX_KEY_NAMESPACES} namespaces`);
  const out = new Set<string>();
  list.forEach((ns, i) => {
    if (typeof ns !== 'string' || !ns.trim() || ns.length > 1000 || ns.includes('\u0000')) throw badInput(`namespaces[${i}]`, 'must be a namespace name: 1-1,000 characters, no NUL');
    out.add(ns.trim());
  });
  return [...out];
}

const TENANT_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');
/** The id of an API key (ApiKeyInfo.id): its SHA-256, in hex. */
export const apiKeyId = hashKey;
/** A new API key: 24 random bytes. */
export const newApiKey = () => `loom_${randomBytes(24).toString('base64url')}`;
/** Text with every API key in it hidden (a training command's log that printed its environment): `loom_…` and nothing of the key. */
export const hideApiKeys = (text: string) => text.replace(/\bloom_[A-Za-z0-9_-]{16,}/g, 'loom_…(hidden)');
const KEY_ID = /^[0-9a-f]{64}$/;
const KEY_ID_PREFIX = /^[0-9a-f]{8,64}$/;

/** A tenant's node (in the system scope). */
export const tenantNodeId = (name: string) => `tenant::${name}`;
const keyNodeId = (hash: string) => `apikey::${hash}`;

/** Resolved keys are remembered this long (a revoked key keeps working at most this long). */
const AUTH_CACHE_MS = 30_000;
/**
 * An unknown key is remembered only briefly: a read that failed to find a stored key (seen once,
 * while the embedded graph's buffer pool was exhausted mid-checkpoint) must not lock its holder out
 * for AUTH_CACHE_MS.
 */
const UNKNOWN_KEY_CACHE_MS = 2_000;
const AUTH_CACHE_MAX = 10_000;
/** How often a key's last use is written (per key and process). */
const USE_RECORD_MS = 3_600_000;
const USE_RETRY_MS = 60_000;

export class TenancyService {
  private readonly authCache = new Map<string, { principal: Principal | null; prefix: string; until: number }>();
  private readonly revoking = new Map<string, Promise<void>>();
  private readonly usedAt = new Map<string, number>();

  constructor(private readonly graph: GraphStore, private readonly now: () => number = Date.now) {}

  async createTenant(name: string, displayName = name): Promise<void> {
    if (!TENANT_NAME.test(name)) throw badInput('name', 'a tenant name is 1-63 characters of a-z, 0-9, "-" or "_", starting with a letter or digit');
    const [existing] = await this.graph.getNodes(SYSTEM_TENANT, [tenantNodeId(name)]);
    if (existing) throw new LoomError('CONFLICT', `tenant ${name} already exists`);
    await this.graph.write(SYSTEM_TENANT, {
      nodes: [{ id: tenantNodeId(name), kind: 'Tenant', namespace: '', name, props: { displayName } }],
      edges: [],
    });
  }

  async tenantExists(name: string): Promise<boolean> {
    const [n] = await this.graph.getNodes(SYSTEM_TENANT, [tenantNodeId(name)]);
    return n !== null;
  }

  async listTenants(): Promise<string[]> {
    const nodes = await this.graph.search(SYSTEM_TENANT, { text: '', kinds: ['Tenant'], limit: 10_000 });
    return nodes.map((n) => n.name).sort();
  }

  /**
   * Create an API key for a tenant. Only its SHA-256 is stored; the key itself is returned once.
   * `key` may be given (e.g. a configured demo key); otherwise 24 random bytes are used.
   */
  async createApiKey(tenant: string, role: Role, key = newApiKey(), opts: CreateKeyOptions = {}): Promise<string> {
    if (!ROLES.includes(role)) throw badInput('role', `must be one of ${ROLES.join(', ')}`);
    if (key.length < 16) throw badInput('key', 'must be at least 16 characters');
    const name = checkText('name', opts.name, 200) ?? null;
    const days = opts.expiresInDays ?? null;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS)) throw badInput('expiresInDays', `must be a whole number of days, 1 to ${MAX_EXPIRY_DAYS}`);
    const expiresAt = days === null ? null : new Date(this.now() + days * 86_400_000).toISOString();
    const namespaces = checkKeyNamespaces(role, opts.namespaces);
    if (!(await this.tenantExists(tenant))) throw new LoomError('NOT_FOUND', `tenant ${tenant} not found; create it first`);
    const hash = hashKey(key);
    await this.graph.write(SYSTEM_TENANT, {
      nodes: [{
        id: keyNodeId(hash), kind: 'ApiKey', namespace: tenant, name: `${key.slice(0, 9)}…`,
        props: { tenant, role, hash, name, createdBy: opts.createdBy ?? null, runId: opts.runId ?? null, expiresAt, namespaces },
      }],
      edges: [{ kind: 'HAS_KEY', from: tenantNodeId(tenant), to: keyNodeId(hash) }],
    });
    this.authCache.delete(hash); // a key tried before it existed works at once
    return key;
  }

  /** One of the tenant's API keys by its full id; null when the tenant holds no such key. */
  async apiKey(tenant: string, id: string): Promise<ApiKeyInfo | null> {
    if (!KEY_ID.test(id)) return null;
    const [node] = await this.graph.getNodes(SYSTEM_TENANT, [keyNodeId(id)]);
    return node && node.kind === 'ApiKey' && node.props.tenant === tenant ? keyInfo(node) : null;
  }

  /**
   * The tenant's API keys, newest first, revoked ones included (with when and by whom): the newest
   * `limit` of them (every training run adds one, so a tenant may hold many), all by default.
   */
  async listApiKeys(tenant: string, limit = Infinity): Promise<ApiKeyInfo[]> {
    const out: ApiKeyInfo[] = [];
    for (let offset = 0; out.length < limit; offset += 1000) {
      const page = await this.keyNodes(tenant, offset, Math.min(1000, limit - out.length));
      out.push(...page.items.map(keyInfo));
      if (page.items.length < 1000 || offset + 1000 >= page.total) break;
    }
    return out;
  }

  /**
   * Revoke one of the tenant's API keys, by its id (or the first 8 or more characters of it, when
   * they name one key). It is refused at once by this process; another process may accept it until
   * its cache of resolved keys expires (30 s). Revoking a revoked key changes nothing. A tenant's
   * last admin key is kept unless `allowLastAdmin` (the CLI's `--force`): without one, no API key
   * could manage the tenant's keys, and only the command line could create another.
   */
  async revokeApiKey(tenant: string, id: string, opts: { by: string; allowLastAdmin?: boolean }): Promise<ApiKeyInfo> {
    const want = id.trim().toLowerCase();
    if (!KEY_ID_PREFIX.test(want)) throw badInput('id', 'must be an API key id: 64 hex digits, or at least the first 8 of them');
    return this.serially(tenant, async () => {
      const key = await this.apiKey(tenant, KEY_ID.test(want) ? want : await this.idByPrefix(tenant, want));
      if (!key) throw notFound(`API key ${id} of tenant ${tenant}`);
      if (key.revokedAt) return key;
      if (key.role === 'admin' && !opts.allowLastAdmin) {
        const now = this.now();
        const admins = (await this.listApiKeys(tenant)).filter((k) => k.role === 'admin' && !k.revokedAt && !(k.expiresAt && Date.parse(k.expiresAt) <= now));
        if (admins.length <= 1) throw new LoomError('CONFLICT', `API key ${key.prefix} is the last admin key of tenant ${tenant}: create another admin key first`);
      }
      const revokedAt = new Date().toISOString();
      await this.graph.write(SYSTEM_TENANT, { nodes: [{ id: keyNodeId(key.id), kind: 'ApiKey', namespace: tenant, name: key.prefix, props: { revoked: true, revokedAt, revokedBy: opts.by } }], edges: [] });
      this.authCache.delete(key.id);
      return { ...key, revokedAt, revokedBy: opts.by };
    });
  }

  /** Revokes the keys minted for a training run, by id, when it ends (the command they were given to is done); ids of no key are left alone. */
  async revokeRunKeys(tenant: string, ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      // Revoking a revoked key changes nothing; an id recorded before a stop kept its key from being stored names none.
      await this.revokeApiKey(tenant, id, { by: 'training', allowLastAdmin: true }).catch((err) => { if (!(err instanceof LoomError && err.code === 'NOT_FOUND')) throw err; });
    }
  }

  private keyNodes(tenant: string, offset: number, limit: number) {
    return this.graph.neighbours(SYSTEM_TENANT, tenantNodeId(tenant), { direction: 'DOWNSTREAM', edgeKinds: ['HAS_KEY'], limit, offset, order: 'createdAt' })
      .then((page) => ({ total: page.total, items: page.items.map((n) => n.node) }));
  }

  private async idByPrefix(tenant: string, prefix: string): Promise<string> {
    const found = (await this.listApiKeys(tenant)).filter((k) => k.id.startsWith(prefix));
    if (found.length > 1) throw badInput('id', `${prefix} is the start of ${found.length} API key ids: give more of it`);
    return found[0]?.id ?? '';
  }

  /** One revocation at a time per tenant in this process, so two cannot each leave the other's admin key as the last. */
  private serially<T>(tenant: string, work: () => Promise<T>): Promise<T> {
    const before = this.revoking.get(tenant) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.then(() => undefined, () => undefined);
    this.revoking.set(tenant, tail);
    void tail.then(() => { if (this.revoking.get(tenant) === tail) this.revoking.delete(tenant); });
    return run;
  }

  /** Resolve a bearer key to its tenant and role; null for an unknown key. */
  async authenticate(key: string): Promise<Principal | null> {
    if (!key) return null;
    const hash = hashKey(key);
    const cached = this.authCache.get(hash);
    if (cached && cached.until > this.now()) return this.used(cached);
    const found = await this.lookup(hash);
    if (this.authCache.size >= AUTH_CACHE_MAX) this.authCache.clear();
    const until = this.now() + (found.principal ? AUTH_CACHE_MS : UNKNOWN_KEY_CACHE_MS);
    const entry = { ...found, until: Math.min(until, found.expires) }; // an expiring key is not remembered past its end
    this.authCache.set(hash, entry);
    return this.used(entry);
  }

  /**
   * Records when a key was last used (ApiKeyInfo.lastUsedAt), at most once an hour a key and process,
   * in the background: an admin looking for stale keys needs the day, not the request, and a write on
   * every request would cost the graph more than the request. A failed write is tried again a minute later.
   */
  private used({ principal, prefix }: { principal: Principal | null; prefix: string }): Principal | null {
    const id = principal?.keyId;
    const now = this.now();
    if (!principal || !id || now - (this.usedAt.get(id) ?? -Infinity) < USE_RECORD_MS) return principal;
    if (this.usedAt.size >= AUTH_CACHE_MAX) this.usedAt.clear();
    this.usedAt.set(id, now);
    const lastUsedAt = new Date(now).toISOString();
    this.graph.write(SYSTEM_TENANT, { nodes: [{ id: keyNodeId(id), kind: 'ApiKey', namespace: principal.tenant, name: prefix, props: { lastUsedAt } }], edges: [] })
      .catch(() => this.usedAt.set(id, now - USE_RECORD_MS + USE_RETRY_MS)); // say the store refuses writes (a full disk): not on every request
    return principal;
  }

  private async lookup(hash: string): Promise<{ principal: Principal | null; prefix: string; expires: number }> {
    const [node] = await this.graph.getNodes(SYSTEM_TENANT, [keyNodeId(hash)]);
    const none = { principal: null, prefix: '', expires: Infinity };
    if (!node || node.props.revoked) return none;
    const stored = Buffer.from(String(node.props.hash), 'hex');
    if (stored.length !== 32 || !timingSafeEqual(stored, Buffer.from(hash, 'hex'))) return none;
    const expires = typeof node.props.expiresAt === 'string' ? Date.parse(node.props.expiresAt) : Infinity;
    if (expires <= this.now()) return none;
    const namespaces = Array.isArray(node.props.namespaces) ? (node.props.namespaces as string[]) : null;
    const keyName = text(node.props.name) ?? `key ${node.name}`;
    return { principal: { tenant: String(node.props.tenant), role: node.props.role as Role, keyId: hash, keyName, ...(namespaces ? { namespaces } : {}) }, prefix: node.name, expires };
  }
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

function keyInfo(n: GraphNode): ApiKeyInfo {
  return {
    id: String(n.props.hash), prefix: n.name, role: n.props.role as Role, name: text(n.props.name), createdAt: n.createdAt,
    createdBy: text(n.props.createdBy), runId: text(n.props.runId), revokedAt: text(n.props.revokedAt), revokedBy: text(n.props.revokedBy),
    lastUsedAt: text(n.props.lastUsedAt), expiresAt: text(n.props.expiresAt), namespaces: Array.isArray(n.props.namespaces) ? (n.props.namespaces as string[]) : null,
  };
}

/** Roles allowed to write (ingest, mutations). */
export const canWrite = (p: Principal) => p.role === 'admin' || p.role === 'editor';
