// Who may do what with follow-up visits.
// - Reading a case's visits: case.read with the case within reach (regency in scope;
//   case workers their assigned cases only). The visit note's text: only for those
//   who work (case.manage) or supervise (case.supervise) the case.
// - Recording a visit's outcome or marking it missed: case.manage within reach, while
//   the visit is scheduled (also after the case is closed: that is when visits happen).
// - The outcome report: report.read within the caller's region scope; always with small
//   counts suppressed (it leaves the case workers' screens).
// - A programme's visit schedule: case.configure within the programme's reach.
import type { z } from 'zod';
import type { FollowUpActionSchema, FollowUpStatus } from '../../../common/follow-ups.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import type { CaseReaches } from '../cases/case-access.ts';
import { coversCase } from '../cases/cases.policy.ts';

type Action = z.infer<typeof FollowUpActionSchema>;
type CaseAt = { regencyCode: string; assignedUserId: number | null };

export function followUpActions(actor: AnyActor, reaches: CaseReaches, c: CaseAt, status: FollowUpStatus): Action[] {
  if (status !== 'scheduled' || !coversCase(actor, reaches.manage, c)) return [];
  return ['record', 'mark_missed'];
}

export function mayReadNotes(actor: AnyActor, reaches: CaseReaches, c: CaseAt): boolean {
  return coversCase(actor, reaches.manage, c) || coversCase(actor, reaches.supervise, c);
}
