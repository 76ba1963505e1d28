// Who may do what with persons' bank accounts.
// - The masked accounts of a person: whoever reads the person (person.read, with the
//   registry's reach: region scope, or a case worker's caseload).
// - Recording, accepting a holder-name mismatch, deactivating and revealing the number:
//   bank_account.manage, with the same two reaches — a role other than the case
//   worker's grants the whole scope, the case worker's only their caseload. Revealing
//   also needs re-authentication and a reason, and is audited.
import type { BANK_ACCOUNT_ACTIONS } from '../../../common/aid.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { CASELOAD_ROLES, covers, type PersonResource, type Reach } from '../registry/persons.policy.ts';

export function bankReach(actor: AnyActor, roles: { key: string; permissions: string[] }[]): Reach {
  if (actor.kind === 'system') return 'scope';
  if (!can(actor, 'bank_account.manage')) return 'none';
  const granting = roles.filter((r) => r.permissions.includes('bank_account.manage') && actor.roles.includes(r.key));
  if (granting.some((r) => !CASELOAD_ROLES.has(r.key))) return 'scope';
  return granting.length > 0 ? 'caseload' : 'none';
}

export function bankAccountActions(
  actor: AnyActor,
  reach: Reach,
  p: PersonResource,
  a: { status: string; review_status: string },
): (typeof BANK_ACCOUNT_ACTIONS)[number][] {
  if (a.status !== 'active' || !covers(actor, reach, p)) return [];
  const actions: (typeof BANK_ACCOUNT_ACTIONS)[number][] = ['reveal'];
  if (a.review_status === 'pending') actions.push('accept_name');
  actions.push('deactivate');
  return actions;
}
