// Follow-up visits after a case's closure or return home, and the outcome report:
// schemas shared by the server and the web app. Case codes only, never identity.
import { z } from 'zod';
import { RegionCodeSchema } from './regions.ts';
import { plainText } from './return-home.ts';

/** Months after the anchor (closure or arrival) when a programme has no schedule of its own. */
export const DEFAULT_FOLLOW_UP_OFFSETS = [1, 3, 6, 12] as const;
/** The report's milestones: months after the anchor. */
export const OUTCOME_MILESTONES = [3, 6, 12] as const;
/** "Due soon": scheduled visits due within this many days appear in my follow-ups and the digest. */
export const DUE_SOON_DAYS = 14;
/** Counts below this are shown as "<5" in reports. */
export const SUPPRESS_BELOW = 5;

export const FOLLOW_UP_STATUSES = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export const FollowUpStatusSchema = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof FollowUpStatusSchema>;

export const FOLLOW_UP_OUTCOMES = ['business_running', 'employed', 'returned_home', 'in_training', 'moved', 'returned_to_sex_work', 'lost_contact'] as const;
export const FollowUpOutcomeSchema = z.enum(FOLLOW_UP_OUTCOMES);
export type FollowUpOutcome = z.infer<typeof FollowUpOutcomeSchema>;

export const FOLLOW_UP_ACTIONS = ['record', 'mark_missed'] as const;
export const FollowUpActionSchema = z.enum(FOLLOW_UP_ACTIONS);

export const FollowUpSchema = z.object({
  id: z.number(),
  caseId: z.number(),
  caseCode: z.string(),
  regencyCode: z.string(),
  source: z.enum(['closure', 'return_home']),
  anchorDate: z.string(),
  offsetMonths: z.number(),
  dueDate: z.string(),
  status: FollowUpStatusSchema,
  overdue: z.boolean().describe('Past its due date and not done (scheduled only)'),
  visitedOn: z.string().nullable(),
  outcome: FollowUpOutcomeSchema.nullable(),
  movedRegionCode: z.string().nullable(),
  /** The note's text for whoever works or supervises the case; null otherwise or when there is none. */
  note: z.string().nullable(),
  hasNote: z.boolean(),
  statusReason: z.string(),
  recordedAt: z.string().nullable(),
  version: z.number(),
  actions: z.array(FollowUpActionSchema),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const CaseFollowUpsSchema = z.object({ items: z.array(FollowUpSchema), offsetsMonths: z.array(z.number()) });

export const RecordFollowUpSchema = z
  .object({
    visitedOn: z.iso.date(),
    outcome: FollowUpOutcomeSchema,
    movedRegionCode: RegionCodeSchema.optional().describe('Where she moved to, when known (outcome moved only)'),
    note: plainText(0, 2000).default(''),
    version: z.number().int().optional(),
  })
  .refine((v) => v.movedRegionCode === undefined || v.outcome === 'moved', { path: ['movedRegionCode'], message: 'Hanya untuk hasil "pindah" / Only for the outcome "moved"' });
export type RecordFollowUp = z.infer<typeof RecordFollowUpSchema>;

export const MissFollowUpSchema = z.object({ reason: plainText(5, 500), version: z.number().int().optional() });

export const MyFollowUpsSchema = z.object({ items: z.array(FollowUpSchema), overdue: z.number(), dueSoon: z.number() });

export const FollowUpScheduleSchema = z.object({
  programmeId: z.number(),
  offsetsMonths: z.array(z.number()),
  isDefault: z.boolean(),
});
export const PutFollowUpScheduleSchema = z.object({
  offsetsMonths: z
    .array(z.number().int().min(1).max(60))
    .min(1)
    .max(12)
    .refine((a) => new Set(a).size === a.length, 'Tanpa duplikat / No duplicates'),
});

export const OutcomeReportQuerySchema = z.object({
  programmeId: z.coerce.number().int().positive().optional(),
  regionCode: RegionCodeSchema.optional().describe('A province or regency/city (within the caller’s scope)'),
  cohortFrom: z.iso.date().describe('Cohort: cases closed or returned home on or after this date'),
  cohortTo: z.iso.date().describe('… and on or before this date'),
});
export type OutcomeReportQuery = z.infer<typeof OutcomeReportQuerySchema>;

/** A count as shown outside the case workers' screens: exact from 5, else "<5" (0 stays "0"). */
export const ShownCountSchema = z.object({ count: z.number().nullable(), shown: z.string(), share: z.number().nullable() });
export type ShownCount = z.infer<typeof ShownCountSchema>;

export const OutcomeMilestoneSchema = z.object({
  months: z.number(),
  /** Cohort cases whose milestone date has passed. */
  reached: ShownCountSchema,
  outcomes: z.array(z.object({ outcome: z.union([FollowUpOutcomeSchema, z.literal('unknown')]) }).extend(ShownCountSchema.shape)),
});
export const OutcomeReportSchema = z.object({
  query: z.object({ programmeId: z.number().nullable(), regionCode: z.string().nullable(), cohortFrom: z.string(), cohortTo: z.string() }),
  asOf: z.string(),
  cohort: ShownCountSchema,
  milestones: z.array(OutcomeMilestoneSchema),
});
export type OutcomeReport = z.infer<typeof OutcomeReportSchema>;
