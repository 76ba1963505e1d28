// Who may do what in verification (verval).
// - Lists and verifications hold persons: reading needs person.read, with the
//   registry's reaches (persons.policy.ts): region scope, or a case worker's caseload.
// - verval.manage (Dinsos officers) prepares lists and records/evaluates; verval.decide
//   (provincial officers, heads of office) confirms or overrides — each for persons
//   they reach. Sites: their regency within the actor's scope (else 404).
// - A programme's rules are set with verval.decide by holders whose scope contains
//   the programme's region (national programmes: national scope).
import type { VERIFICATION_ACTIONS } from '../../../common/verval.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { covers, type Reach, type PersonResource } from '../registry/persons.policy.ts';

export function canSeeSite(actor: AnyActor, regionCode: string): boolean {
  return actor.kind === 'system' || inScope(actor.scope, regionCode);
}

export function listActions(actor: AnyActor, site: { region_code: string }): 'create_version'[] {
  return can(actor, 'verval.manage') && canSeeSite(actor, site.region_code) ? ['create_version'] : [];
}

export function canSetRules(actor: AnyActor, programmeRegion: string | null): boolean {
  if (!can(actor, 'verval.decide')) return false;
  if (actor.kind === 'system') return true;
  return programmeRegion === null ? actor.scope.level === 'national' : inScope(actor.scope, programmeRegion);
}

export type VerificationAction = (typeof VERIFICATION_ACTIONS)[number];

/** The actions on one person's verification; `reach` is the actor's person.read reach. */
export function verificationActions(actor: AnyActor, reach: Reach, p: PersonResource): VerificationAction[] {
  if (!covers(actor, reach, p)) return [];
  const actions: VerificationAction[] = [];
  if (can(actor, 'verval.manage')) actions.push('record_ektp', 'evaluate');
  if (can(actor, 'verval.decide')) actions.push('decide');
  return actions;
}
