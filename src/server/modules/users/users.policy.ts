// Who may manage which user: permission user.manage, the target's scope inside
// the actor's, never oneself for destructive actions, and only holders of
// role.manage may hand out the admin role.
import type { UserAction } from '../../../common/users.ts';
import type { Scope } from '../../../common/auth.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { scopeContains } from '../../platform/auth/scope.ts';

export interface UserResource {
  id: number;
  scope: Scope;
  status: 'active' | 'disabled';
  mfaEnabled: boolean;
}

export function canSeeUser(actor: AnyActor, target: UserResource): boolean {
  if (actor.kind === 'system') return true;
  return can(actor, 'user.read') && scopeContains(actor.scope, target.scope);
}

export function allowedUserActions(actor: AnyActor, target: UserResource): UserAction[] {
  if (!canSeeUser(actor, target)) return [];
  const self = actor.kind === 'user' && actor.userId === target.id;
  const actions: UserAction[] = [];
  if (can(actor, 'user.manage')) {
    actions.push('update', 'reset_password');
    if (!self) actions.push(target.status === 'active' ? 'disable' : 'enable');
    if (target.mfaEnabled && !self) actions.push('reset_mfa');
  }
  if (can(actor, 'session.manage')) actions.push('end_sessions');
  return actions;
}

export function canGrantRole(actor: AnyActor, roleKey: string): boolean {
  if (actor.kind === 'system') return true;
  return roleKey !== 'admin' || can(actor, 'role.manage');
}
