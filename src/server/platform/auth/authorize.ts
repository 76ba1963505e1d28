// Permission checks. Unknown permissions and users without a scope are denied.
import { isPermission, type Permission } from '../../../common/permissions.ts';
import type { Actor, AnyActor } from './actor.ts';
import { authError } from './auth.errors.ts';
import { inScope } from './scope.ts';

export function can(actor: AnyActor, permission: string): boolean {
  if (!isPermission(permission)) return false;
  if (actor.kind === 'system') return true;
  return actor.permissions.has(permission);
}

export function authorize(actor: AnyActor, permission: Permission): void {
  if (!can(actor, permission)) throw authError('auth.forbidden');
}

/** The permission, and the record's region within the actor's scope. */
export function authorizeInScope(actor: AnyActor, permission: Permission, regionCode: string | null): void {
  authorize(actor, permission);
  if (actor.kind === 'user' && !inScope(actor.scope, regionCode)) throw authError('auth.out_of_scope');
}

const REAUTH_WINDOW_MS = 5 * 60_000;

/** Sensitive actions need the password (and MFA) confirmed in the last minutes. */
export function requireRecentReauth(actor: AnyActor, now = new Date(), windowMs = REAUTH_WINDOW_MS): void {
  if (actor.kind === 'system') return;
  const at = actor.reauthenticatedAt;
  if (!at || now.getTime() - at.getTime() > windowMs) throw authError('auth.reauth_required');
}

export type { Actor };
