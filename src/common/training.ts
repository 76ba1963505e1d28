// Training of rehabilitation cases: the course catalogue, course runs (cohorts) with
// meeting days, enrolment, attendance and completion. Schemas shared by the server
// and the web app. Pseudonymous: enrolments carry the case code, never a name.
import { z } from 'zod';
import { plainText } from './return-home.ts';
import { RegionCodeSchema } from './regions.ts';

export const DEFAULT_MIN_ATTENDANCE_PCT = 80;

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

/** in_progress: the rule not met yet and the run not over; not_completed: the run ended without meeting it. */
export const COMPLETION_STATUSES = ['in_progress', 'completed', 'not_completed', 'withdrawn'] as const;
export const CompletionStatusSchema = z.enum(COMPLETION_STATUSES);
export type CompletionStatus = z.infer<typeof CompletionStatusSchema>;

/**
 * The completion rule: present on at least `minPct` % of the run's meeting days
 * (excused days are not attended). Integer arithmetic, so exactly 80 % counts.
 */
export function completionOf(o: { withdrawn: boolean; present: number; meetings: number; minPct: number; ended: boolean }): CompletionStatus {
  if (o.withdrawn) return 'withdrawn';
  if (o.meetings > 0 && o.present * 100 >= o.minPct * o.meetings) return 'completed';
  return o.ended ? 'not_completed' : 'in_progress';
}

const Hours = z.number().positive().max(24).multipleOf(0.5);

// ---- courses ----
export const COURSE_ACTIONS = ['edit', 'plan_run'] as const;
export const CourseSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    nameId: z.string(),
    nameEn: z.string(),
    description: z.string(),
    provider: z.string(),
    minAttendancePct: z.number().int(),
    hoursPerDay: z.number(),
    /** null: the national catalogue. */
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    actions: z.array(z.enum(COURSE_ACTIONS)),
  })
  .meta({ id: 'TrainingCourse' });
export type Course = z.infer<typeof CourseSchema>;
export const CourseListSchema = z.object({ items: z.array(CourseSchema), actions: z.array(z.enum(['create'])) });

const CourseFields = {
  nameId: plainText(2, 200),
  nameEn: plainText(2, 200),
  description: plainText(0, 2000).default(''),
  provider: plainText(0, 200).default(''),
  minAttendancePct: z.number().int().min(1).max(100).default(DEFAULT_MIN_ATTENDANCE_PCT),
  hoursPerDay: Hours.default(4),
};
export const CreateCourseSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]{2,40}$/, 'huruf kecil, angka dan _ / lower-case letters, digits and _'),
  ...CourseFields,
  /** Omit for the national catalogue (national scope only). */
  regionCode: RegionCodeSchema.nullable().default(null),
});
export type CreateCourse = z.output<typeof CreateCourseSchema>;
export const UpdateCourseSchema = z.object({ ...CourseFields, active: z.boolean(), version: z.number().int().positive() });
export type UpdateCourse = z.output<typeof UpdateCourseSchema>;

// ---- runs and meeting days ----
export const MeetingSchema = z
  .object({ id: z.number().int(), date: z.string(), hours: z.number(), topic: z.string(), recorded: z.number().int(), actions: z.array(z.enum(['delete', 'record_attendance'])) })
  .meta({ id: 'TrainingMeeting' });
export type Meeting = z.infer<typeof MeetingSchema>;

export const RUN_ACTIONS = ['edit', 'add_meeting', 'enrol', 'record_attendance'] as const;
export const RunSummarySchema = z
  .object({
    id: z.number().int(),
    courseId: z.number().int(),
    courseNameId: z.string(),
    courseNameEn: z.string(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    title: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    location: z.string(),
    trainer: z.string(),
    capacity: z.number().int().nullable(),
    meetings: z.number().int(),
    enrolled: z.number().int(),
    version: z.number().int(),
    actions: z.array(z.enum(RUN_ACTIONS)),
  })
  .meta({ id: 'TrainingRunSummary' });
export type RunSummary = z.infer<typeof RunSummarySchema>;
export const RunListSchema = z.object({ items: z.array(RunSummarySchema), total: z.number().int() });
export const RunListQuerySchema = z.object({
  courseId: z.coerce.number().int().positive().optional(),
  /** current: not ended yet; past: ended. */
  when: z.enum(['current', 'past']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type RunListQuery = z.output<typeof RunListQuerySchema>;

const RunFields = {
  title: plainText(2, 200),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  location: plainText(2, 300),
  trainer: plainText(0, 200).default(''),
  capacity: z.number().int().min(1).max(1000).nullable().default(null),
};
export const CreateRunSchema = z.object({ courseId: z.number().int().positive(), regionCode: RegionCodeSchema, ...RunFields });
export type CreateRun = z.output<typeof CreateRunSchema>;
export const UpdateRunSchema = z.object({ ...RunFields, version: z.number().int().positive() });
export type UpdateRun = z.output<typeof UpdateRunSchema>;
export const AddMeetingSchema = z.object({ date: z.iso.date(), hours: Hours.optional(), topic: plainText(0, 300).default('') });
export type AddMeeting = z.output<typeof AddMeetingSchema>;

// ---- enrolments ----
export const ENROLMENT_ACTIONS = ['withdraw', 'record_attendance', 'certificate', 'certificate_with_name'] as const;
export const EnrolmentSchema = z
  .object({
    id: z.number().int(),
    runId: z.number().int(),
    runTitle: z.string(),
    courseNameId: z.string(),
    courseNameEn: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    caseId: z.number().int(),
    caseCode: z.string(),
    regencyCode: z.string(),
    present: z.number().int(),
    excused: z.number().int(),
    absent: z.number().int(),
    meetings: z.number().int(),
    minAttendancePct: z.number().int(),
    /** Share of the run's meeting days attended, 0–100 (rounded down). */
    attendedPct: z.number().int(),
    completion: CompletionStatusSchema,
    withdrawReason: z.string().nullable(),
    certificateNumber: z.string().nullable(),
    version: z.number().int(),
    actions: z.array(z.enum(ENROLMENT_ACTIONS)),
  })
  .meta({ id: 'TrainingEnrolment' });
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const RunDetailSchema = RunSummarySchema.extend({
  course: CourseSchema,
  meetingDays: z.array(MeetingSchema),
  enrolments: z.array(EnrolmentSchema),
}).meta({ id: 'TrainingRun' });
export type RunDetail = z.infer<typeof RunDetailSchema>;

export const EnrolSchema = z.object({ caseId: z.number().int().positive() });
export const WithdrawSchema = z.object({ reason: plainText(10, 1000) });

export const CaseTrainingSchema = z
  /** actions: 'enrol' when the caller works this open case (the run must still be current). */
  .object({ caseId: z.number().int(), caseCode: z.string(), items: z.array(EnrolmentSchema), actions: z.array(z.enum(['enrol'])) })
  .meta({ id: 'CaseTraining' });
export type CaseTraining = z.infer<typeof CaseTrainingSchema>;

// ---- attendance ----
export const AttendanceGridSchema = z
  .object({
    meeting: MeetingSchema,
    runId: z.number().int(),
    runTitle: z.string(),
    rows: z.array(
      z.object({
        enrolmentId: z.number().int(),
        caseId: z.number().int(),
        caseCode: z.string(),
        status: AttendanceStatusSchema.nullable(),
        editable: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'TrainingAttendanceGrid' });
export type AttendanceGrid = z.infer<typeof AttendanceGridSchema>;
export const RecordAttendanceSchema = z.object({
  entries: z
    .array(z.object({ enrolmentId: z.number().int().positive(), status: AttendanceStatusSchema }))
    .min(1)
    .max(500),
});
export type RecordAttendance = z.output<typeof RecordAttendanceSchema>;

// ---- certificates ----
/** withName: print the full name (needs person.reveal_identity in reach, a reason and a recent re-authentication). */
export const CertificateRequestSchema = z.object({
  withName: z.boolean().default(false),
  reason: z.string().trim().max(1000).optional(),
});
export type CertificateRequest = z.output<typeof CertificateRequestSchema>;
