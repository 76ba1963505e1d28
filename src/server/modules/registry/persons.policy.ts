// Who sees and reveals which persons. Two reaches per permission:
// - 'scope': every person whose regency lies in the user's region scope;
// - 'caseload': only persons assigned to the user (and in scope) — case workers.
// A permission counts as region-wide only when a role other than a caseload role
// grants it; a user whose only source of a permission is the case-worker role is
// limited to their caseload. No permission, or no scope: nothing (fail closed).
import type { PersonAction } from '../../../common/persons.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';
import type { Visibility } from './persons.repository.ts';

/** Roles whose registry permissions cover their own caseload only. */
export const CASELOAD_ROLES: ReadonlySet<string> = new Set(['case_worker']);

export type Reach = 'scope' | 'caseload' | 'none';

export interface Reaches {
  read: Reach;
  reveal: Reach;
}

export function reachOf(actor: AnyActor, roles: { key: string; permissions: string[] }[], permission: 'person.read' | 'person.reveal_identity'): Reach {
  if (actor.kind === 'system') return 'scope';
  if (!can(actor, permission)) return 'none';
  const granting = roles.filter((r) => r.permissions.includes(permission) && actor.roles.includes(r.key));
  if (granting.some((r) => !CASELOAD_ROLES.has(r.key))) return 'scope';
  return granting.length > 0 ? 'caseload' : 'none';
}

export function visibility(actor: AnyActor, reach: Reach): Visibility {
  if (reach === 'none') return null;
  if (actor.kind === 'system') return { scope: 'all', caseloadUserId: null };
  if (!actor.scope) return null;
  return { scope: actor.scope, caseloadUserId: reach === 'caseload' ? actor.userId : null };
}

export interface PersonResource {
  regencyCode: string;
  assignedUserId: number | null;
}

/** Whether a reach covers one person. */
export function covers(actor: AnyActor, reach: Reach, p: PersonResource): boolean {
  if (reach === 'none') return false;
  if (actor.kind === 'system') return true;
  if (!inScope(actor.scope, p.regencyCode)) return false;
  return reach === 'scope' || p.assignedUserId === actor.userId;
}

export function allowedPersonActions(actor: AnyActor, reaches: Reaches, p: PersonResource): PersonAction[] {
  return covers(actor, reaches.reveal, p) ? ['reveal_identity'] : [];
}
