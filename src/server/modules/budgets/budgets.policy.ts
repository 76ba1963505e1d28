// Who may do what with budgets.
// - Reading allocations and realisation: payment.read. Allocations visible: the national
//   budget (APBN) to all, a regional one to scopes within or above its region; the
//   realisation sums entitlements and payments of persons within the caller's scope.
// - Setting an allocation: budget.manage; APBN needs national scope, APBD a scope
//   containing the allocation's region.
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';

export function canManageAllocation(actor: AnyActor, regionCode: string | null): boolean {
  if (!can(actor, 'budget.manage')) return false;
  if (actor.kind === 'system') return true;
  return regionCode === null ? actor.scope.level === 'national' : inScope(actor.scope, regionCode);
}
