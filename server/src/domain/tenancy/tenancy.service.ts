import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GraphStore } from '../ports/GraphStore.js';
import { badInput, LoomError } from '../errors.js';

/** Tenants and API keys live in the reserved `_system` scope; no API key can ever resolve to it. */
export const SYSTEM_TENANT = '_system';
export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal { tenant: string; role: Role }

const TENANT_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');
const tenantNodeId = (name: string) => `tenant::${name}`;
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

export class TenancyService {
  private readonly authCache = new Map<string, { principal: Principal | null; until: number }>();

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
   * `key` may be given (e.g. a configured demo key); otherwise 32 random bytes are used.
   */
  async createApiKey(tenant: string, role: Role, key = `loom_${randomBytes(24).toString('base64url')}`): Promise<string> {
    if (!ROLES.includes(role)) throw badInput('role', `must be one of ${ROLES.join(', ')}`);
    if (key.length < 16) throw badInput('key', 'must be at least 16 characters');
    if (!(await this.tenantExists(tenant))) throw new LoomError('NOT_FOUND', `tenant ${tenant} not found; create it first`);
    const hash = hashKey(key);
    await this.graph.write(SYSTEM_TENANT, {
      nodes: [{ id: keyNodeId(hash), kind: 'ApiKey', namespace: tenant, name: `${key.slice(0, 9)}…`, props: { tenant, role, hash } }],
      edges: [{ kind: 'HAS_KEY', from: tenantNodeId(tenant), to: keyNodeId(hash) }],
    });
    this.authCache.delete(hash); // a key tried before it existed works at once
    return key;
  }

  /** Resolve a bearer key to its tenant and role; null for an unknown key. */
  async authenticate(key: string): Promise<Principal | null> {
    if (!key) return null;
    const hash = hashKey(key);
    const cached = this.authCache.get(hash);
    if (cached && cached.until > this.now()) return cached.principal;
    const principal = await this.lookup(hash);
    if (this.authCache.size >= AUTH_CACHE_MAX) this.authCache.clear();
    this.authCache.set(hash, { principal, until: this.now() + (principal ? AUTH_CACHE_MS : UNKNOWN_KEY_CACHE_MS) });
    return principal;
  }

  private async lookup(hash: string): Promise<Principal | null> {
    const [node] = await this.graph.getNodes(SYSTEM_TENANT, [keyNodeId(hash)]);
    if (!node || node.props.revoked) return null;
    const stored = Buffer.from(String(node.props.hash), 'hex');
    if (stored.length !== 32 || !timingSafeEqual(stored, Buffer.from(hash, 'hex'))) return null;
    return { tenant: String(node.props.tenant), role: node.props.role as Role };
  }
}

/** Roles allowed to write (ingest, mutations). */
export const canWrite = (p: Principal) => p.role === 'admin' || p.role === 'editor';
