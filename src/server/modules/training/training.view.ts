// Rows → answers of the training module, with the actions the actor may take.
import { completionOf, type Course, type Enrolment, type Meeting, type RunSummary } from '../../../common/training.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import type { CaseReaches } from '../cases/case-access.ts';
import type { Reach } from '../registry/persons.policy.ts';
import { courseActions, enrolmentActions, meetingActions, runActions } from './training.policy.ts';
import type { CourseRow, EnrolmentRow, MeetingRow, RunRow } from './training.repository.ts';

export function courseView(actor: AnyActor, c: CourseRow): Course {
  return {
    id: c.id,
    code: c.code,
    nameId: c.name_id,
    nameEn: c.name_en,
    description: c.description,
    provider: c.provider,
    minAttendancePct: c.min_attendance_pct,
    hoursPerDay: Number(c.hours_per_day),
    regionCode: c.region_code,
    regionName: c.region_name,
    active: c.active,
    version: c.version,
    actions: courseActions(actor, { regionCode: c.region_code, active: c.active }),
  };
}

export function runView(actor: AnyActor, reaches: CaseReaches, r: RunRow, today: string): RunSummary {
  return {
    id: r.id,
    courseId: r.course_id,
    courseNameId: r.course_name_id,
    courseNameEn: r.course_name_en,
    regionCode: r.region_code,
    regionName: r.region_name,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    location: r.location,
    trainer: r.trainer,
    capacity: r.capacity,
    meetings: r.meeting_count,
    enrolled: r.enrolled_count,
    version: r.version,
    actions: runActions(actor, reaches, { regionCode: r.region_code, ended: r.ends_on < today }),
  };
}

export function meetingView(actor: AnyActor, reaches: CaseReaches, runRegion: string, m: MeetingRow, today: string): Meeting {
  const base = { date: m.meeting_date, recorded: m.recorded };
  return { id: m.id, ...base, hours: Number(m.hours), topic: m.topic, actions: meetingActions(actor, reaches, runRegion, base, today) };
}

export function completionOfRow(e: EnrolmentRow, today: string) {
  return completionOf({ withdrawn: e.status === 'withdrawn', present: e.present, meetings: e.meeting_count, minPct: e.min_attendance_pct, ended: e.ends_on < today });
}

export function enrolmentView(actor: AnyActor, reaches: CaseReaches, reveal: Reach, e: EnrolmentRow, today: string): Enrolment {
  const completion = completionOfRow(e, today);
  return {
    id: e.id,
    runId: e.run_id,
    runTitle: e.run_title,
    courseNameId: e.course_name_id,
    courseNameEn: e.course_name_en,
    startsOn: e.starts_on,
    endsOn: e.ends_on,
    caseId: e.case_id,
    caseCode: e.case_code,
    regencyCode: e.regency_code,
    present: e.present,
    excused: e.excused,
    absent: e.absent,
    meetings: e.meeting_count,
    minAttendancePct: e.min_attendance_pct,
    attendedPct: e.meeting_count === 0 ? 0 : Math.floor((e.present * 100) / e.meeting_count),
    completion,
    withdrawReason: e.withdraw_reason,
    certificateNumber: e.certificate_number,
    version: e.version,
    actions: enrolmentActions(actor, reaches, reveal, {
      regencyCode: e.regency_code,
      assignedUserId: e.assigned_user_id,
      caseClosed: e.case_status === 'closed',
      withdrawn: e.status === 'withdrawn',
      completed: completion === 'completed',
      person: { regencyCode: e.person_regency_code, assignedUserId: e.person_assigned_user_id },
    }),
  };
}
