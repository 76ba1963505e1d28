// Who may do what with a rehabilitation case.
// - Reaches per permission, as the registry's (persons.policy.ts): 'scope' = every case
//   whose regency lies in the user's region scope; 'caseload' = only cases assigned to
//   the user — when the only role granting the permission is a caseload role (case
//   workers). Reading needs case.read; a case outside the read reach is "not found".
// - case.manage (Dinsos officers, case workers on their caseload): status changes,
//   assessments, plans, notes, tasks, closure requests. Assigning the worker and the
//   supervisor is for region-wide holders of case.manage (not case workers).
// - case.supervise (heads of office): approves plans, approves or rejects closures
//   requested by someone else, reopens closed cases (reads notes; writing is case.manage).
import { CASE_TRANSITIONS, type CaseAction, type CaseStatusValue } from '../../../common/cases.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { CASELOAD_ROLES } from '../registry/persons.policy.ts';

export type CaseReach = 'scope' | 'caseload' | 'none';
export type CasePermission = 'case.read' | 'case.manage' | 'case.supervise';

export interface CaseReaches {
  read: CaseReach;
  manage: CaseReach;
  supervise: CaseReach;
}

export function caseReachOf(actor: AnyActor, roles: { key: string; permissions: string[] }[], permission: CasePermission): CaseReach {
  if (actor.kind === 'system') return 'scope';
  if (!can(actor, permission)) return 'none';
  const granting = roles.filter((r) => r.permissions.includes(permission) && actor.roles.includes(r.key));
  if (granting.some((r) => !CASELOAD_ROLES.has(r.key))) return 'scope';
  return granting.length > 0 ? 'caseload' : 'none';
}

export interface CaseResource {
  regencyCode: string;
  status: CaseStatusValue;
  assignedUserId: number | null;
  supervisorUserId: number | null;
  /** A closure request is pending (its requester: null when made at the command line). */
  closurePending: boolean;
  closureRequestedBy: number | null;
}

/** Whether a reach covers one case. */
export function coversCase(actor: AnyActor, reach: CaseReach, c: Pick<CaseResource, 'regencyCode' | 'assignedUserId'>): boolean {
  if (reach === 'none') return false;
  if (actor.kind === 'system') return true;
  if (!inScope(actor.scope, c.regencyCode)) return false;
  return reach === 'scope' || c.assignedUserId === actor.userId;
}

/** The actions on one case the actor may take now (empty when it cannot even read it). */
export function caseActions(actor: AnyActor, r: CaseReaches, c: CaseResource): CaseAction[] {
  if (!coversCase(actor, r.read, c)) return [];
  const manage = coversCase(actor, r.manage, c);
  const supervise = coversCase(actor, r.supervise, c);
  const open = c.status !== 'closed';
  const pending = c.closurePending;
  const actions: CaseAction[] = [];
  if (open && manage && r.manage === 'scope') actions.push('assign');
  if (open && manage) {
    if (!pending) actions.push('change_status', 'request_closure');
    actions.push('edit_assessment', 'edit_plan', 'manage_tasks');
  }
  const ownRequest = actor.kind === 'user' && c.closureRequestedBy === actor.userId;
  if (open && supervise && pending && !ownRequest) actions.push('approve_closure', 'reject_closure');
  if (!open && supervise) actions.push('reopen');
  if (open && supervise) actions.push('approve_plan');
  if (manage) actions.push('add_note');
  return actions;
}

/** The statuses a change_status may move to from here. */
export function nextStatuses(status: CaseStatusValue): CaseStatusValue[] {
  return status === 'closed' ? [] : [...CASE_TRANSITIONS[status]];
}

/** A confidential note's text: for the case's worker, its supervisor and the note's author. */
export function canReadConfidential(actor: AnyActor, c: Pick<CaseResource, 'assignedUserId' | 'supervisorUserId'>, authorId: number | null): boolean {
  if (actor.kind === 'system') return true;
  return actor.userId === c.assignedUserId || actor.userId === c.supervisorUserId || actor.userId === authorId;
}
