// Who may do what with a batch, a payment, a mismatch: the actions returned with each record.
import type { BatchAction, BatchStatus } from '../../../common/payments.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';

export interface BatchResource {
  status: BatchStatus;
  regionCode: string | null;
  preparedBy: number;
}

/** A batch is reachable when its region lies in the scope; a national batch only from a national scope. */
export function batchInScope(actor: AnyActor, regionCode: string | null): boolean {
  if (actor.kind === 'system') return true;
  if (!actor.scope) return false;
  if (actor.scope.level === 'national') return true;
  return regionCode !== null && inScope(actor.scope, regionCode);
}

export function batchActions(actor: AnyActor, b: BatchResource): BatchAction[] {
  if (!batchInScope(actor, b.regionCode)) return [];
  const me = actor.kind === 'user' ? actor.userId : null;
  const actions: BatchAction[] = [];
  if (b.status === 'prepared' && can(actor, 'payment.approve') && me !== b.preparedBy) actions.push('approve', 'reject');
  if ((b.status === 'approved' || b.status === 'sent') && can(actor, 'payment.prepare')) actions.push('download_bank_file');
  if (b.status === 'approved' && can(actor, 'payment.prepare')) actions.push('send');
  if (b.status === 'sent' && can(actor, 'payment.prepare')) actions.push('reconcile');
  return actions;
}
