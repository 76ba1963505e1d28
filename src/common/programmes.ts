// The closure programme: programmes, their regions' status and readiness requests.
// Schemas shared by the API and the web app, and the status transition table.
import { z } from 'zod';

export const PROGRAMME_LEVELS = ['national', 'province'] as const;
export const REGION_STATUSES = ['not_started', 'preparing', 'awaiting_readiness', 'scheduled', 'closing', 'closed', 'monitoring', 'reopened'] as const;
export type RegionStatus = (typeof REGION_STATUSES)[number];
export const RegionStatusSchema = z.enum(REGION_STATUSES);

/**
 * Allowed status changes of a regency/city in a provincial programme.
 * - preparing → scheduled: the regency needs no separate readiness answer (its own Pemkab runs the closure).
 * - awaiting_readiness → preparing: the local government answered "not ready".
 * - scheduled → preparing: the closure date was postponed (e.g. Nunukan, funds diverted).
 * - closed | monitoring → reopened: the site is active again (raises an alert).
 * - reopened → closing | closed: closed again.
 */
export const STATUS_TRANSITIONS: Readonly<Record<RegionStatus, readonly RegionStatus[]>> = {
  not_started: ['preparing'],
  preparing: ['awaiting_readiness', 'scheduled'],
  awaiting_readiness: ['scheduled', 'preparing'],
  scheduled: ['closing', 'preparing'],
  closing: ['closed'],
  closed: ['monitoring', 'reopened'],
  monitoring: ['reopened'],
  reopened: ['closing', 'closed'],
};

export function canTransition(from: RegionStatus, to: RegionStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

const DateSchema = z.iso.date();
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const ProgrammeActionSchema = z.enum(['update', 'add_region']);
export const ProgrammeViewSchema = z
  .object({
    id: z.number().int(),
    level: z.enum(PROGRAMME_LEVELS),
    parentId: z.number().int().nullable(),
    name: z.string(),
    owner: z.string(),
    regionCode: z.string().nullable(),
    targetDate: z.string().nullable(),
    description: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    actions: z.array(ProgrammeActionSchema),
  })
  .meta({ id: 'Programme' });
export type ProgrammeView = z.infer<typeof ProgrammeViewSchema>;

export const ProgrammeListQuerySchema = z.object({
  level: z.enum(PROGRAMME_LEVELS).optional(),
  parentId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the name or the owner'),
  /** Default: national first, then by province. */
  sort: z.enum(['level', 'name', '-name', 'target_date', '-target_date']).default('level'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ProgrammeListSchema = z.object({ items: z.array(ProgrammeViewSchema), total: z.number().int() });
/** GET /api/programmes.xlsx: the list's filters and sort, every matching row. */
export const ProgrammeExportQuerySchema = ProgrammeListQuerySchema.omit({ limit: true, offset: true });

export const CreateProgrammeSchema = z.discriminatedUnion('level', [
  z.object({
    level: z.literal('national'),
    name: text(3, 200),
    owner: text(2, 200),
    targetDate: DateSchema.nullable().default(null),
    description: z.string().trim().max(4000).default(''),
  }),
  z.object({
    level: z.literal('province'),
    parentId: z.number().int().positive(),
    regionCode: z.string().regex(/^\d{2}$/, 'kode provinsi dua angka, mis. 65'),
    name: text(3, 200),
    owner: text(2, 200),
    targetDate: DateSchema.nullable().default(null),
    description: z.string().trim().max(4000).default(''),
  }),
]);

export const UpdateProgrammeSchema = z.object({
  name: text(3, 200).optional(),
  owner: text(2, 200).optional(),
  targetDate: DateSchema.nullable().optional(),
  description: z.string().trim().max(4000).optional(),
});

export const ProgrammeRegionActionSchema = z.enum(['update', 'change_status', 'request_readiness', 'answer_readiness']);
export const ProgrammeRegionViewSchema = z
  .object({
    id: z.number().int(),
    programmeId: z.number().int(),
    regionCode: z.string(),
    regionName: z.string(),
    targetDate: z.string().nullable(),
    status: RegionStatusSchema,
    statusChangedAt: z.string(),
    actions: z.array(ProgrammeRegionActionSchema),
    /** The statuses the caller may move this region to (empty without change_status). */
    nextStatuses: z.array(RegionStatusSchema),
  })
  .meta({ id: 'ProgrammeRegion' });
export type ProgrammeRegionView = z.infer<typeof ProgrammeRegionViewSchema>;

export const AddProgrammeRegionSchema = z.object({
  regionCode: z.string().regex(/^\d{2}\.\d{2}$/, 'kode kabupaten/kota berbentuk 65.03'),
  targetDate: DateSchema.nullable().default(null),
});

/** A regency/city's own target date moves (e.g. Nunukan, postponed to January 2019); the reason is audited. */
export const UpdateProgrammeRegionSchema = z.object({
  targetDate: DateSchema.nullable(),
  reason: text(10, 2000),
});

export const ProgrammeRegionListQuerySchema = z.object({
  status: RegionStatusSchema.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the regency/city name or its code'),
  targetFrom: DateSchema.optional().describe('Target date on or after'),
  targetTo: DateSchema.optional().describe('Target date on or before'),
  sort: z.enum(['region_code', 'target_date', 'status']).default('region_code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ProgrammeRegionListSchema = z.object({ items: z.array(ProgrammeRegionViewSchema), total: z.number().int() });
/** GET /api/programmes/:id/regions.xlsx: the list's filters and sort, every matching row. */
export const ProgrammeRegionExportQuerySchema = ProgrammeRegionListQuerySchema.omit({ limit: true, offset: true });

export const ChangeStatusSchema = z.object({
  to: RegionStatusSchema,
  reason: text(10, 2000),
  evidence: z.string().trim().max(2000).nullable().default(null),
  evidenceRef: z.string().trim().max(500).nullable().default(null),
});

export const StatusChangeViewSchema = z
  .object({
    id: z.number().int(),
    from: RegionStatusSchema,
    to: RegionStatusSchema,
    changedAt: z.string(),
    changedBy: z.object({ id: z.number().int(), username: z.string() }).nullable(),
    reason: z.string(),
    evidence: z.string().nullable(),
    evidenceRef: z.string().nullable(),
  })
  .meta({ id: 'ProgrammeRegionStatusChange' });
/** `total`: the matching changes (all pages). */
export const StatusHistorySchema = z.object({ items: z.array(StatusChangeViewSchema), total: z.number().int().optional() });
export const StatusHistoryQuerySchema = z.object({
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
/** GET /api/programme-regions/:id/history.xlsx: the list's order, every change. */
export const StatusHistoryExportQuerySchema = StatusHistoryQuerySchema.omit({ limit: true, offset: true });

export const READINESS_ANSWERS = ['ready', 'not_ready', 'conditional'] as const;
export const ReadinessRequestViewSchema = z
  .object({
    id: z.number().int(),
    programmeRegionId: z.number().int(),
    askedAt: z.string(),
    askedOf: z.string(),
    question: z.string(),
    answeredAt: z.string().nullable(),
    answer: z.enum(READINESS_ANSWERS).nullable(),
    answeredBy: z.string().nullable(),
    answerNote: z.string().nullable(),
    documentRef: z.string().nullable(),
  })
  .meta({ id: 'ReadinessRequest' });
export type ReadinessRequestView = z.infer<typeof ReadinessRequestViewSchema>;
export const ReadinessListSchema = z.object({ items: z.array(ReadinessRequestViewSchema), total: z.number().int().optional() });
export const ReadinessListQuerySchema = z.object({
  answered: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only answered (true) or still open (false) requests'),
  limit: z.coerce.number().int().min(1).max(500).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
/** GET /api/programme-regions/:id/readiness.xlsx: the list's filter, every request. */
export const ReadinessExportQuerySchema = ReadinessListQuerySchema.omit({ limit: true, offset: true });

export const CreateReadinessRequestSchema = z.object({
  askedAt: DateSchema,
  askedOf: text(2, 200),
  question: text(5, 2000),
});

export const AnswerReadinessSchema = z.object({
  answeredAt: DateSchema,
  answer: z.enum(READINESS_ANSWERS),
  answeredBy: text(2, 200),
  answerNote: z.string().trim().max(2000).nullable().default(null),
  documentRef: z.string().trim().max(500).nullable().default(null),
});
