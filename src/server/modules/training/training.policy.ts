// Who may do what with training.
// - Catalogue and runs are read with case.read: national courses everywhere, an
//   office's courses and runs wherever its region and the user's scope overlap
//   (a regency's staff see their province's runs; a province sees its regencies').
// - training.manage (provincial and regency/city Dinsos officers): courses of their
//   own region (the national catalogue: national users), runs held by an office in
//   their scope, and the runs' meeting days.
// - Enrolment, withdrawal, attendance and certificates: case.manage on the case
//   (regency within scope; case workers only their assigned cases). An enrolment is
//   seen with case.read on its case. The full name on a certificate additionally
//   needs person.reveal_identity covering the person, a reason and re-authentication.
import type { Course, Enrolment, Meeting, RunSummary } from '../../../common/training.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';
import type { CaseReaches } from '../cases/case-access.ts';
import { coversCase } from '../cases/cases.policy.ts';
import { covers, type Reach } from '../registry/persons.policy.ts';

/** Whether `inner` is `outer` or lies below it (dotted region codes). */
export const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`);

/** Whether the actor may manage training records of a region (null: the national catalogue). */
export function managesRegion(actor: AnyActor, regionCode: string | null): boolean {
  if (actor.kind === 'system') return true;
  if (!can(actor, 'training.manage') || !actor.scope) return false;
  if (regionCode === null) return actor.scope.level === 'national';
  return inScope(actor.scope, regionCode);
}

/** Whether a region and the actor's scope overlap (the read rule of courses and runs). */
export function overlaps(actor: AnyActor, regionCode: string | null): boolean {
  if (actor.kind === 'system' || regionCode === null) return true;
  if (!actor.scope) return false;
  return actor.scope.level === 'national' || within(regionCode, actor.scope.code) || within(actor.scope.code, regionCode);
}

export function courseActions(actor: AnyActor, c: { regionCode: string | null; active: boolean }): Course['actions'] {
  const actions: Course['actions'] = [];
  if (managesRegion(actor, c.regionCode)) actions.push('edit');
  if (c.active && actor.kind === 'user' && can(actor, 'training.manage') && actor.scope && overlaps(actor, c.regionCode)) actions.push('plan_run');
  else if (c.active && actor.kind === 'system') actions.push('plan_run');
  return actions;
}

export function runActions(actor: AnyActor, reaches: CaseReaches, r: { regionCode: string; ended: boolean }): RunSummary['actions'] {
  const actions: RunSummary['actions'] = [];
  if (managesRegion(actor, r.regionCode)) actions.push('edit', 'add_meeting');
  if (reaches.manage !== 'none' && !r.ended) actions.push('enrol');
  if (reaches.manage !== 'none') actions.push('record_attendance');
  return actions;
}

export function meetingActions(actor: AnyActor, reaches: CaseReaches, runRegion: string, m: { date: string; recorded: number }, today: string): Meeting['actions'] {
  const actions: Meeting['actions'] = [];
  if (managesRegion(actor, runRegion) && m.recorded === 0) actions.push('delete');
  if (reaches.manage !== 'none' && m.date <= today) actions.push('record_attendance');
  return actions;
}

export interface EnrolmentResource {
  regencyCode: string;
  assignedUserId: number | null;
  caseClosed: boolean;
  withdrawn: boolean;
  completed: boolean;
  person: { regencyCode: string; assignedUserId: number | null };
}

export function enrolmentActions(actor: AnyActor, reaches: CaseReaches, reveal: Reach, e: EnrolmentResource): Enrolment['actions'] {
  const manage = coversCase(actor, reaches.manage, e);
  const actions: Enrolment['actions'] = [];
  if (!manage) return actions;
  if (!e.withdrawn && !e.caseClosed) actions.push('withdraw', 'record_attendance');
  if (e.completed) {
    actions.push('certificate');
    if (covers(actor, reveal, e.person)) actions.push('certificate_with_name');
  }
  return actions;
}
