/**
 * Who is acting, and what each role may do in the registries:
 * - viewer: reads only;
 * - editor: logs runs and metrics, registers model and prompt versions, moves versions to None,
 *   Staging or Archived, moves aliases and prompt labels other than `production`;
 * - admin: everything, and alone may promote to Production, move the `production` prompt label,
 *   configure promotion gates and webhooks.
 */
import { LoomError } from '../errors.js';
import type { Role } from '../tenancy/tenancy.service.js';
import type { Stage } from './history.js';

export interface Actor {
  tenant: string;
  role: Role;
  /** Who the caller says it acts for (a user or a CI job), recorded with every change; null when not given. */
  name: string | null;
}

const forbidden = (actor: Actor, what: string) => new LoomError('FORBIDDEN', `role ${actor.role} may not ${what}`);

export function requireWrite(actor: Actor, what = 'write'): void {
  if (actor.role !== 'admin' && actor.role !== 'editor') throw forbidden(actor, what);
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
