// Meetings, decisions and action items: schemas shared by the API and the web app.
import { z } from 'zod';
import { RegionCodeSchema } from './regions.ts';

const DateSchema = z.iso.date();
/** An instant with its offset, e.g. 2018-05-18T09:00:00+08:00 (WITA) or 2018-05-18T01:00:00Z. */
const InstantSchema = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);
const Id = z.number().int().positive();

export const MEETING_TYPES = ['rakor', 'technical', 'socialisation', 'monitoring', 'other'] as const;
export const MeetingTypeSchema = z.enum(MEETING_TYPES);
export type MeetingType = z.infer<typeof MeetingTypeSchema>;

export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const ActionItemStatusSchema = z.enum(ACTION_ITEM_STATUSES);
export type ActionItemStatus = z.infer<typeof ActionItemStatusSchema>;

export const OWNER_KINDS = ['institution', 'user'] as const;
export const OwnerKindSchema = z.enum(OWNER_KINDS);

export const MeetingActionSchema = z.enum(['update', 'add_decision', 'update_decision', 'add_action_item', 'upload_attachment']);
export type MeetingAction = z.infer<typeof MeetingActionSchema>;
/** update: every field; update_status: the status only (the owner, or an office whose region the meeting concerns). */
export const ActionItemActionSchema = z.enum(['update', 'update_status']);
export type ActionItemAction = z.infer<typeof ActionItemActionSchema>;

// ---------------------------------------------------------------- input

export const ParticipantInputSchema = z.object({
  institution: text(300).min(1),
  representedBy: text(300).default(''),
});

const endsAfterStart = (v: { startsAt?: string | undefined; endsAt?: string | null | undefined }) =>
  !v.startsAt || !v.endsAt || Date.parse(v.endsAt) >= Date.parse(v.startsAt);
const endsIssue = { message: 'harus sama dengan atau setelah waktu mulai', path: ['endsAt'] };

const MeetingFields = {
  type: MeetingTypeSchema,
  title: text(300).min(3),
  startsAt: InstantSchema,
  endsAt: InstantSchema.nullable(),
  place: text(300),
  organiser: text(300),
  programmeId: Id.nullable(),
  agenda: text(20_000),
  participants: z.array(ParticipantInputSchema).max(100),
  /** Regions the meeting concerns (their offices see the meeting). */
  regionCodes: z.array(RegionCodeSchema).max(100),
  siteIds: z.array(Id).max(100),
};

export const CreateMeetingSchema = z
  .object({
    ...MeetingFields,
    endsAt: MeetingFields.endsAt.default(null),
    place: MeetingFields.place.default(''),
    organiser: MeetingFields.organiser.default(''),
    /** The organising office's region. */
    regionCode: RegionCodeSchema,
    programmeId: MeetingFields.programmeId.default(null),
    agenda: MeetingFields.agenda.default(''),
    participants: MeetingFields.participants.default([]),
    regionCodes: MeetingFields.regionCodes.default([]),
    siteIds: MeetingFields.siteIds.default([]),
  })
  .refine(endsAfterStart, endsIssue);

/** Any subset; participants, regionCodes and siteIds replace the whole list. */
export const UpdateMeetingSchema = z
  .object({ ...MeetingFields, minutes: text(100_000) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'tidak ada perubahan')
  .refine(endsAfterStart, endsIssue);

export const DecisionInputSchema = z.object({ text: text(2000).min(3) });

const ownerIssues = (
  v: { ownerKind?: 'institution' | 'user' | undefined; ownerInstitution?: string | null | undefined; ownerUserId?: number | null | undefined },
  ctx: z.RefinementCtx,
) => {
  if (v.ownerKind === 'institution') {
    if (!v.ownerInstitution) ctx.addIssue({ code: 'custom', path: ['ownerInstitution'], message: 'isi nama instansi penanggung jawab' });
    if (v.ownerUserId) ctx.addIssue({ code: 'custom', path: ['ownerUserId'], message: 'penanggung jawab instansi tidak memakai pengguna' });
  } else if (v.ownerKind === 'user') {
    if (!v.ownerUserId) ctx.addIssue({ code: 'custom', path: ['ownerUserId'], message: 'pilih pengguna penanggung jawab' });
    if (v.ownerInstitution) ctx.addIssue({ code: 'custom', path: ['ownerInstitution'], message: 'penanggung jawab pengguna tidak memakai instansi' });
  } else if (v.ownerInstitution || v.ownerUserId) {
    ctx.addIssue({ code: 'custom', path: ['ownerKind'], message: 'pilih jenis penanggung jawab' });
  }
};

export const CreateActionItemSchema = z
  .object({
    title: text(500).min(3),
    decisionId: Id.nullable().default(null),
    ownerKind: OwnerKindSchema,
    ownerInstitution: text(300).nullable().optional(),
    ownerUserId: Id.nullable().optional(),
    dueDate: DateSchema,
    status: ActionItemStatusSchema.default('open'),
  })
  .superRefine(ownerIssues);

export const UpdateActionItemSchema = z
  .object({
    title: text(500).min(3),
    decisionId: Id.nullable(),
    ownerKind: OwnerKindSchema,
    ownerInstitution: text(300).nullable(),
    ownerUserId: Id.nullable(),
    dueDate: DateSchema,
    status: ActionItemStatusSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'tidak ada perubahan')
  .superRefine(ownerIssues);

// ---------------------------------------------------------------- output

export const ParticipantSchema = z.object({ institution: z.string(), representedBy: z.string() });
export const LinkedRegionSchema = z.object({ code: z.string(), name: z.string() });
export const LinkedSiteSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string(), regencyCode: z.string() });

export const DecisionSchema = z
  .object({ id: z.number().int(), text: z.string(), sort: z.number().int(), createdAt: z.string() })
  .meta({ id: 'MeetingDecision' });
export type Decision = z.infer<typeof DecisionSchema>;

export const AttachmentSchema = z
  .object({
    fileId: z.number().int(),
    originalName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'MeetingAttachment' });

export const ActionItemSchema = z
  .object({
    id: z.number().int(),
    meetingId: z.number().int(),
    meetingTitle: z.string(),
    meetingStartsAt: z.string(),
    decisionId: z.number().int().nullable(),
    title: z.string(),
    ownerKind: OwnerKindSchema,
    ownerInstitution: z.string().nullable(),
    ownerUserId: z.number().int().nullable(),
    /** The institution's name or the user's display name. */
    ownerName: z.string(),
    dueDate: DateSchema,
    status: ActionItemStatusSchema,
    doneAt: z.string().nullable(),
    regionCode: z.string(),
    /** Still open (or in progress) and the due date is before today (WIB). */
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    actions: z.array(ActionItemActionSchema),
  })
  .meta({ id: 'ActionItem' });
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const MeetingSummarySchema = z
  .object({
    id: z.number().int(),
    type: MeetingTypeSchema,
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    place: z.string(),
    organiser: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    programmeId: z.number().int().nullable(),
    openActionItems: z.number().int(),
    overdueActionItems: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** What the caller may do with this meeting; the UI shows only these. */
    actions: z.array(MeetingActionSchema),
  })
  .meta({ id: 'MeetingSummary' });
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

export const MeetingSchema = MeetingSummarySchema.extend({
  agenda: z.string(),
  minutes: z.string(),
  participants: z.array(ParticipantSchema),
  regions: z.array(LinkedRegionSchema),
  sites: z.array(LinkedSiteSchema),
  decisions: z.array(DecisionSchema),
  actionItems: z.array(ActionItemSchema),
  attachments: z.array(AttachmentSchema),
}).meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof MeetingSchema>;

// ---------------------------------------------------------------- lists

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
const Order = z.enum(['asc', 'desc']);
const Page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const MeetingFilterSchema = z.object({
  type: MeetingTypeSchema.optional(),
  /** Meetings of this region or concerning it (a linked region within it). */
  region: RegionCodeSchema.optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  /** Calendar dates in WIB, inclusive. */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the title or the place'),
  sort: z.enum(['starts_at', 'type', 'title']).default('starts_at'),
  order: Order.default('desc'),
});
export const MeetingListQuerySchema = MeetingFilterSchema.extend(Page);
export const MeetingListSchema = z.object({ items: z.array(MeetingSummarySchema), total: z.number().int() });

export const ActionItemFilterSchema = z.object({
  status: ActionItemStatusSchema.optional(),
  overdue: boolParam.optional(),
  ownerKind: OwnerKindSchema.optional(),
  /** An institution's name (exact, any case) or a user id. */
  owner: z.string().trim().min(1).max(300).optional(),
  region: RegionCodeSchema.optional(),
  meetingId: z.coerce.number().int().positive().optional(),
  sort: z.enum(['due_date', 'status', 'created_at']).default('due_date'),
  order: Order.default('asc'),
});
export const ActionItemListQuerySchema = ActionItemFilterSchema.extend(Page);
export const ActionItemListSchema = z.object({ items: z.array(ActionItemSchema), total: z.number().int() });

export const OwnerSummarySchema = z
  .object({
    ownerKind: OwnerKindSchema,
    ownerInstitution: z.string().nullable(),
    ownerUserId: z.number().int().nullable(),
    ownerName: z.string(),
    /** Open or in progress. */
    open: z.number().int(),
    overdue: z.number().int(),
  })
  .meta({ id: 'ActionItemOwnerSummary' });
export type OwnerSummary = z.infer<typeof OwnerSummarySchema>;
export const OwnerSummaryQuerySchema = ActionItemFilterSchema.pick({ region: true, meetingId: true, ownerKind: true });
export const OwnerSummaryListSchema = z.object({ items: z.array(OwnerSummarySchema) });

// ---------------------------------------------------------------- local time

const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

/** The time zone of a region (by its province): meetings are shown in local time (Nunukan: WITA). */
export function regionTimeZone(regionCode: string): { zone: string; label: 'WIB' | 'WITA' | 'WIT'; offset: '+07:00' | '+08:00' | '+09:00' } {
  const province = regionCode.slice(0, 2);
  if (WITA_PROVINCES.has(province)) return { zone: 'Asia/Makassar', label: 'WITA', offset: '+08:00' };
  if (WIT_PROVINCES.has(province)) return { zone: 'Asia/Jayapura', label: 'WIT', offset: '+09:00' };
  return { zone: 'Asia/Jakarta', label: 'WIB', offset: '+07:00' };
}

/** A local date and time typed for a region ('2018-05-18T09:00') as an instant ('2018-05-18T09:00:00+08:00'). */
export function localToInstant(local: string, regionCode: string): string {
  return `${local.length === 16 ? `${local}:00` : local}${regionTimeZone(regionCode).offset}`;
}

/** An instant as the local date and time of a region: { date: '2018-05-18', time: '09:00', label: 'WITA' }. */
export function localDateTime(instant: string | Date, regionCode: string): { date: string; time: string; label: string } {
  const { zone, label } = regionTimeZone(regionCode);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}`, label };
}
