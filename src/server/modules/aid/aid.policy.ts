// Who may do what with aid schemes and entitlements.
// - Reading schemes and entitlements: payment.read; entitlements by region scope
//   (the person's regency, copied onto the entitlement).
// - Setting a scheme (and its components): aid.manage by holders whose scope contains
//   the programme's region (national programmes: national scope), as for the
//   programme's eligibility rules.
// - Generating entitlements: aid.manage; only persons within the actor's scope are
//   entitled by that run (another office generates its own).
// - Clearing a review or cancelling an entitlement: aid.manage within scope.
import type { EntitlementStatus } from '../../../common/aid.ts';
import type { ENTITLEMENT_ACTIONS, SCHEME_ACTIONS } from '../../../common/aid.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';

export function canManageScheme(actor: AnyActor, programmeRegion: string | null): boolean {
  if (!can(actor, 'aid.manage')) return false;
  if (actor.kind === 'system') return true;
  return programmeRegion === null ? actor.scope.level === 'national' : inScope(actor.scope, programmeRegion);
}

export function schemeActions(actor: AnyActor, s: { programme_region: string | null; status: string }): (typeof SCHEME_ACTIONS)[number][] {
  const actions: (typeof SCHEME_ACTIONS)[number][] = [];
  if (canManageScheme(actor, s.programme_region)) actions.push('update');
  if (can(actor, 'aid.manage') && s.status === 'active') actions.push('generate');
  return actions;
}

/** Entitlements that may still be cancelled: not yet in a batch, or failed. */
export const CANCELLABLE: readonly EntitlementStatus[] = ['due', 'failed'];

export function entitlementActions(
  actor: AnyActor,
  e: { regency_code: string; status: EntitlementStatus; review_required: boolean },
): (typeof ENTITLEMENT_ACTIONS)[number][] {
  if (!can(actor, 'aid.manage')) return [];
  if (actor.kind === 'user' && !inScope(actor.scope, e.regency_code)) return [];
  const actions: (typeof ENTITLEMENT_ACTIONS)[number][] = [];
  if (e.review_required && e.status !== 'cancelled') actions.push('clear_review');
  if (CANCELLABLE.includes(e.status)) actions.push('cancel');
  return actions;
}
