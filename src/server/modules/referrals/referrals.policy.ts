// Who may do what with referrals.
// - Reading (records without the shared values): case.read with the case within
//   reach (regency in scope; case workers their assigned cases only).
// - Making, recording the response, revoking, and the PDF with the shared values:
//   case.manage within reach.
// - A referral without the person's consent waits for a head of office holding
//   referral.override (with a reason) before anything can be read from it.
import type { ReferralActionSchema, ReferralStatus } from '../../../common/referrals.ts';
import type { z } from 'zod';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { coversCase, type CaseReaches, type CaseResource } from '../return-home/case-access.ts';

type Action = z.infer<typeof ReferralActionSchema>;

export function referralActions(actor: AnyActor, reaches: CaseReaches, c: CaseResource, r: { status: ReferralStatus; shredded: boolean }): Action[] {
  const actions: Action[] = [];
  const manage = coversCase(actor, reaches.manage, c);
  if (manage && r.status === 'active' && !r.shredded) actions.push('pdf');
  if (manage && (r.status === 'active' || r.status === 'expired')) actions.push('respond');
  if (manage && (r.status === 'active' || r.status === 'pending_override')) actions.push('revoke');
  if (r.status === 'pending_override' && coversCase(actor, reaches.override, c)) actions.push('override');
  return actions;
}
