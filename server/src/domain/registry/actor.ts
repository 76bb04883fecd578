/**
 * Who is acting, and what each role may do in the registries:
 * - viewer: reads only;
 * - editor: logs runs and metrics, registers model and prompt versions, moves versions to None,
 *   Staging or Archived, moves aliases and prompt labels other than `production`;
 * - admin: everything, and alone may promote to Production, move the `production` prompt label,
 *   configure promotion gates and webhooks.
 */
import { LoomError } from '../errors.js';
import type { Principal, Role } from '../tenancy/tenancy.service.js';
import type { Stage } from './history.js';

export interface Actor {
  tenant: string;
  role: Role;
  /** Who the caller says it acts for (a user or a CI job), recorded with every change; null when not given. */
  name: string | null;
  /** The namespaces an API key limited to them may write in (Principal.namespaces); absent or null: the whole tenant. */
  namespaces?: readonly string[] | null;
}

/**
 * The actor an authenticated principal is, acting for `name`; without one, as its key (its name, else its
 * first characters): a change made from the web app, which names nobody, still says which key made it.
 */
export const actorFrom = (principal: Principal, name: string | null = null): Actor => ({
  tenant: principal.tenant, role: principal.role, name: name ?? principal.keyName ?? null, namespaces: principal.namespaces ?? null,
});

const forbidden = (actor: Actor, what: string) => new LoomError('FORBIDDEN', `role ${actor.role} may not ${what}`);
const scopeText = (namespaces: readonly string[]) => `namespace${namespaces.length === 1 ? '' : 's'} ${namespaces.join(', ')}`;

/**
 * A writer of the whole tenant (an editor or admin key not limited to namespaces). A key limited to
 * namespaces writes only what those hold (requireWriteIn): OpenLineage events, and the tags,
 * descriptions, owners and soft deletes of their nodes; everything tenant-wide is refused.
 */
export function requireWrite(actor: Actor, what = 'write'): void {
  requireWriterRole(actor, what);
  if (actor.namespaces) throw new LoomError('FORBIDDEN', `this API key may write only in ${scopeText(actor.namespaces)} (OpenLineage events, and tags, descriptions, owners and deletes of what they hold); it may not ${what}`);
}

/** A role that writes (editor, admin), whatever the namespaces it may write in: the check before the read that finds the namespace (requireWriteIn). */
export function requireWriterRole(actor: Actor, what: string): void {
  if (actor.role !== 'admin' && actor.role !== 'editor') throw forbidden(actor, what);
}

/** A writer of what `namespace` holds. */
export function requireWriteIn(actor: Actor, namespace: string, what: string, field?: string): void {
  requireWriterRole(actor, what);
  requireInScope(actor.namespaces, namespace, what, field);
}

/** `namespace` among those a key is limited to (none: the whole tenant); FORBIDDEN naming `field` otherwise. */
export function requireInScope(namespaces: readonly string[] | null | undefined, namespace: string, what: string, field?: string): void {
  if (namespaces && !namespaces.includes(namespace)) {
    throw new LoomError('FORBIDDEN', `${field ? `${field}: ` : ''}this API key may write only in ${scopeText(namespaces)}; it may not ${what} in namespace ${namespace}`, field);
  }
}

export function requireAdmin(actor: Actor, what: string): void {
  if (actor.role !== 'admin') throw forbidden(actor, what);
}

/** Promotion to Production is an admin's decision; other stages need a writer. */
export function requireStageChange(actor: Actor, to: Stage): void {
  if (to === 'Production') requireAdmin(actor, 'promote a model version to Production');
  else requireWrite(actor, `move a model version to ${to}`);
}

/** The `production` prompt label is treated like the Production stage. */
export function requireLabelChange(actor: Actor, label: string): void {
  if (label === 'production') requireAdmin(actor, 'move the production label');
  else requireWrite(actor, `move the ${label} label`);
}

/** How an actor is written into history. */
export const actorProps = (actor: Actor) => ({ actor: actor.name, role: actor.role });
