// Who may do what with a case's return home.
// - Reading: case.read with the case within reach (regency in scope; case workers
//   their assigned cases only).
// - Planning, confirming departure and arrival, cancelling: case.manage within reach.
// - Informing the receiving regency's Dinsos makes a letter in the letter register,
//   so it also needs letter.manage (Dinsos officers, heads of office; not case workers).
import type { ReturnHomeActionSchema } from '../../../common/return-home.ts';
import type { z } from 'zod';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { coversCase, type CaseReaches, type CaseResource } from './case-access.ts';

type Action = z.infer<typeof ReturnHomeActionSchema>;

export function returnHomeActions(
  actor: AnyActor,
  reaches: CaseReaches,
  c: CaseResource & { caseStatus: string },
  rh: { status: string; letterId: number | null },
): Action[] {
  if (!coversCase(actor, reaches.manage, c) || c.caseStatus === 'closed') return [];
  const actions: Action[] = [];
  if (rh.status === 'planned') actions.push('update', 'depart', 'cancel');
  if (rh.status === 'departed') actions.push('arrive');
  if (rh.status !== 'cancelled' && rh.letterId === null && can(actor, 'letter.manage')) actions.push('notify');
  return actions;
}

export function canPlanReturnHome(actor: AnyActor, reaches: CaseReaches, c: CaseResource & { caseStatus: string }, hasActive: boolean): boolean {
  return coversCase(actor, reaches.manage, c) && c.caseStatus !== 'closed' && !hasActive;
}
