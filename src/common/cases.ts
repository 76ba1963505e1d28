// Rehabilitation cases: shared schemas of the server and the web app. A case shows
// its person pseudonymously (case code, alias); never a name or NIK.
import { z } from 'zod';

const Id = z.number().int().positive();

export const CASE_STATUSES = ['intake', 'assessment', 'plan', 'services', 'follow_up', 'closed'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatusValue = z.infer<typeof CaseStatusSchema>;

/**
 * Status changes a case worker may make (closure goes through a request and a
 * supervisor's approval; reopening through `reopen`). One step forward, or one back.
 */
export const CASE_TRANSITIONS: Record<Exclude<CaseStatusValue, 'closed'>, readonly CaseStatusValue[]> = {
  intake: ['assessment'],
  assessment: ['intake', 'plan'],
  plan: ['assessment', 'services'],
  services: ['plan', 'follow_up'],
  follow_up: ['services'],
};

export const CASE_ACTIONS = [
  'assign',
  'change_status',
  'request_closure',
  'approve_closure',
  'reject_closure',
  'reopen',
  'edit_assessment',
  'edit_plan',
  'approve_plan',
  'add_note',
  'manage_tasks',
] as const;
export const CaseActionSchema = z.enum(CASE_ACTIONS);
export type CaseAction = z.infer<typeof CaseActionSchema>;

export const REASON_MIN = 5;
const Reason = z.string().trim().min(REASON_MIN).max(2000);

const UserRef = z.object({ id: z.number(), name: z.string() }).nullable();

export const CaseSummarySchema = z
  .object({
    id: z.number(),
    personId: z.number(),
    caseCode: z.string(),
    alias: z.string().nullable(),
    programmeId: z.number(),
    programmeName: z.string(),
    regencyCode: z.string(),
    status: CaseStatusSchema,
    caseWorker: UserRef,
    supervisor: UserRef,
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    closureRequested: z.boolean(),
    openTasks: z.number(),
    overdueTasks: z.number(),
    actions: z.array(CaseActionSchema),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  closureReason: z.string().nullable(),
  closureRequestedBy: UserRef,
  closureRequestedAt: z.string().nullable(),
  /** The statuses a change_status may move to now. */
  nextStatuses: z.array(CaseStatusSchema),
  version: z.number(),
  assignments: z.array(z.object({ role: z.enum(['case_worker', 'supervisor']), user: UserRef, reason: z.string(), assignedBy: z.string().nullable(), assignedAt: z.string() })),
  events: z.array(z.object({ kind: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), reason: z.string(), actor: z.string().nullable(), at: z.string() })),
}).meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

const QueryBool = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const CaseListQuerySchema = z.object({
  status: z.union([CaseStatusSchema, z.literal('open')]).optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  workerId: z.coerce.number().int().positive().optional(),
  regency: z.string().regex(/^\d{2}\.\d{2}$/).optional(),
  /** My caseload: cases I work or supervise. */
  mine: QueryBool,
  overdue: QueryBool,
  q: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CaseListQuery = z.output<typeof CaseListQuerySchema>;

export const CaseListSchema = z.object({ items: z.array(CaseSummarySchema), total: z.number() });

export const OpenCaseSchema = z.object({
  personId: Id,
  programmeId: Id,
  caseWorkerId: Id.optional(),
  supervisorId: Id.optional(),
});
export type OpenCase = z.output<typeof OpenCaseSchema>;

/** People decided eligible in a programme who have no case in it yet: whom a case may be opened for. */
export const CandidateQuerySchema = z.object({
  programmeId: z.coerce.number().int().positive().optional(),
  regency: z.string().regex(/^\d{2}\.\d{2}$/).optional(),
  q: z.string().trim().max(40).optional().describe('Part of a case code or alias'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CandidateQuery = z.output<typeof CandidateQuerySchema>;

export const CaseCandidateSchema = z
  .object({
    personId: z.number(),
    caseCode: z.string(),
    alias: z.string().nullable(),
    regencyCode: z.string(),
    programmeId: z.number(),
    programmeName: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'CaseCandidate' });
export type CaseCandidate = z.infer<typeof CaseCandidateSchema>;
export const CandidateListSchema = z.object({ items: z.array(CaseCandidateSchema), total: z.number() });

export const OpenEligibleSchema = z.object({ regencyCode: z.string().regex(/^\d{2}\.\d{2}$/) });
export const OpenEligibleResultSchema = z.object({ opened: z.number(), alreadyOpen: z.number(), caseIds: z.array(z.number()) });

export const AssignSchema = z
  .object({
    caseWorkerId: Id.nullable().optional(),
    supervisorId: Id.nullable().optional(),
    /** Needed when someone already holds the role (a reassignment). */
    reason: z.string().trim().max(2000).default(''),
  })
  .refine((v) => v.caseWorkerId !== undefined || v.supervisorId !== undefined, { message: 'pilih pendamping atau penyelia' });
export type AssignCase = z.output<typeof AssignSchema>;

export const ChangeStatusSchema = z.object({ status: CaseStatusSchema, reason: z.string().trim().max(2000).default(''), version: z.number().int().optional() });
export const ReasonSchema = z.object({ reason: Reason });

export const AssigneesSchema = z.object({
  caseWorkers: z.array(z.object({ id: z.number(), name: z.string() })),
  supervisors: z.array(z.object({ id: z.number(), name: z.string() })),
});
