// Who decides a candidate pair: `person.manage` with BOTH persons in the user's
// region scope (a pair across two regencies goes to the province office). Reading
// follows the registry: a pair is listed when either person is visible.
import type { CandidateAction } from '../../../common/duplicates.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';

export interface PairResource {
  status: 'open' | 'undecided' | 'merged' | 'not_duplicate';
  aRegency: string;
  bRegency: string;
}

export function mayDecide(actor: AnyActor, pair: Pick<PairResource, 'aRegency' | 'bRegency'>): boolean {
  if (actor.kind === 'system') return true;
  return can(actor, 'person.manage') && inScope(actor.scope, pair.aRegency) && inScope(actor.scope, pair.bRegency);
}

export function allowedCandidateActions(actor: AnyActor, pair: PairResource): CandidateAction[] {
  if (!mayDecide(actor, pair)) return [];
  return pair.status === 'open' || pair.status === 'undecided' ? ['decide'] : ['reopen'];
}
