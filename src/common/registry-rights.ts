// The data subject's side of the registry (server and web): changes to a person,
// consent records and data-subject requests under UU 27/2022 (access, correction,
// restriction, deletion, objection; answered within 3×24 hours).
import { z } from 'zod';
import { IdentityFieldSchema, LawfulBasisSchema, SexSchema } from './persons.ts';

/** UU 27/2022: a data-subject request is answered within 3×24 hours of receipt. */
export const SUBJECT_REQUEST_HOURS = 72;

export const SUBJECT_REQUEST_KINDS = ['access', 'correction', 'restriction', 'deletion', 'objection'] as const;
export const SubjectRequestKindSchema = z.enum(SUBJECT_REQUEST_KINDS);
export type SubjectRequestKind = z.infer<typeof SubjectRequestKindSchema>;

export const SUBJECT_REQUEST_CHANNELS = ['in_person', 'letter', 'phone', 'case_worker'] as const;
export const SubjectRequestChannelSchema = z.enum(SUBJECT_REQUEST_CHANNELS);
export type SubjectRequestChannel = z.infer<typeof SubjectRequestChannelSchema>;

export const SUBJECT_REQUEST_STATUSES = ['open', 'in_progress', 'answered', 'refused'] as const;
export const SubjectRequestStatusSchema = z.enum(SUBJECT_REQUEST_STATUSES);
export type SubjectRequestStatus = z.infer<typeof SubjectRequestStatusSchema>;

/** Which status may follow which (answered and refused are final). */
export const SUBJECT_REQUEST_TRANSITIONS: Record<SubjectRequestStatus, readonly SubjectRequestStatus[]> = {
  open: ['in_progress', 'answered', 'refused'],
  in_progress: ['answered', 'refused'],
  answered: [],
  refused: [],
};

/**
 * Free texts of the register (details, notes, reasons) must not carry identity values:
 * a run of 8 or more digits (NIK, KK, phone, account number) is refused.
 */
export const hasDigitRun = (s: string) => /\d(?:[\s.\-/]?\d){7,}/.test(s);
const noDigitRuns = { message: 'Jangan menulis NIK, nomor KK, telepon atau rekening di sini / Do not write NIK, KK, phone or account numbers here' };
const freeText = (min: number, max: number) => z.string().trim().min(min).max(max).refine((s) => !hasDigitRun(s), noDigitRuns);

const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v ? v : null));

// --- person update -----------------------------------------------------------

/**
 * PATCH /api/persons/:id. Absent fields stay as they are; null clears an optional
 * field. Identity fields (and sex, which the NIK encodes) need a reason and a
 * recent re-authentication; `version` is the version the edit was based on.
 */
export const UpdatePersonSchema = z.object({
  version: z.number().int().positive(),
  alias: nullableText(80),
  siteId: z.number().int().positive().nullable().optional(),
  assignedUserId: z.number().int().positive().nullable().optional(),
  lawfulBasis: LawfulBasisSchema.optional(),
  sex: SexSchema.optional(),
  fullName: z.string().trim().min(2).max(200).optional(),
  nik: nullableText(64),
  kk: nullableText(64),
  birthDate: z.iso.date().nullable().optional(),
  phone: nullableText(32),
  address: nullableText(500),
  reason: z.string().trim().max(1000).optional(),
  /** A correction request this change answers (its corrected fields are recorded). */
  subjectRequestId: z.number().int().positive().optional(),
});
export type UpdatePerson = z.output<typeof UpdatePersonSchema>;

/** The fields of an update that touch the identity (reason + re-authentication). */
export const IDENTITY_CHANGE_FIELDS = ['fullName', 'nik', 'kk', 'birthDate', 'phone', 'address', 'sex'] as const;

export const CaseWorkerListSchema = z.object({ items: z.array(z.object({ id: z.number(), displayName: z.string() })) });

// --- consent -----------------------------------------------------------------

export const CreateConsentSchema = z.object({
  purpose: freeText(3, 200),
  givenOn: z.iso.date(),
  documentRef: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const WithdrawConsentSchema = z.object({
  withdrawnOn: z.iso.date().optional().describe('Default: today (WIB)'),
});

export const ConsentSchema = z
  .object({
    id: z.number(),
    personId: z.number(),
    purpose: z.string(),
    givenOn: z.string(),
    withdrawnOn: z.string().nullable(),
    documentRef: z.string().nullable(),
    active: z.boolean(),
    recordedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Consent' });
export type Consent = z.infer<typeof ConsentSchema>;
export const ConsentListSchema = z.object({ items: z.array(ConsentSchema) });

export const LiftRestrictionSchema = z.object({ reason: freeText(10, 1000) });

// --- data-subject requests ---------------------------------------------------

export const CreateSubjectRequestSchema = z.object({
  personId: z.number().int().positive(),
  kind: SubjectRequestKindSchema,
  channel: SubjectRequestChannelSchema,
  /** When the request reached the office (default now); never in the future. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  details: freeText(0, 2000).optional(),
});

export const UpdateSubjectRequestSchema = z.object({
  status: z.enum(['in_progress', 'answered', 'refused']),
  responseNote: freeText(0, 2000).optional(),
  /** Required to refuse: the legal ground (e.g. an exception of UU 27/2022 art. 15). */
  refusalReason: freeText(10, 2000).optional(),
});

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const SubjectRequestListQuerySchema = z.object({
  status: SubjectRequestStatusSchema.optional(),
  kind: SubjectRequestKindSchema.optional(),
  overdue: boolParam.optional().describe('Still open or in progress after its due time (or not)'),
  personId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const SUBJECT_REQUEST_ACTIONS = ['update', 'export'] as const;

export const SubjectRequestSchema = z
  .object({
    id: z.number(),
    personId: z.number(),
    caseCode: z.string(),
    regencyCode: z.string(),
    kind: SubjectRequestKindSchema,
    channel: SubjectRequestChannelSchema,
    receivedAt: z.string(),
    dueAt: z.string(),
    status: SubjectRequestStatusSchema,
    overdue: z.boolean(),
    details: z.string().nullable(),
    responseNote: z.string().nullable(),
    refusalReason: z.string().nullable(),
    correctedFields: z.array(z.string()),
    exportedAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
    answeredBy: z.string().nullable(),
    registeredBy: z.string().nullable(),
    createdAt: z.string(),
    /**
     * A deletion request's erasure: rows shredded besides the person row, per kind
     * (caseNoteFiles, referralSnapshots, bankAccounts); null otherwise.
     */
    erasure: z.record(z.string(), z.number()).nullable(),
    actions: z.array(z.enum(SUBJECT_REQUEST_ACTIONS)),
  })
  .meta({ id: 'SubjectRequest' });
export type SubjectRequest = z.infer<typeof SubjectRequestSchema>;
export const SubjectRequestListSchema = z.object({ items: z.array(SubjectRequestSchema), total: z.number() });

export const ExportQuerySchema = z.object({ format: z.enum(['pdf', 'json']).default('json') });

/** The access export (JSON form; the PDF shows the same). Identity only for a user allowed to reveal it. */
export const AccessExportSchema = z.object({
  generatedAt: z.string(),
  request: z.object({ id: z.number(), kind: SubjectRequestKindSchema, receivedAt: z.string(), dueAt: z.string() }),
  person: z.object({
    caseCode: z.string(),
    alias: z.string().nullable(),
    regencyCode: z.string(),
    regencyName: z.string().nullable(),
    siteCode: z.string().nullable(),
    sex: SexSchema,
    lawfulBasis: LawfulBasisSchema,
    processingRestricted: z.boolean(),
    erased: z.boolean(),
    createdAt: z.string(),
  }),
  /** Null when withheld: erased, or the producing user may not reveal identities. */
  identity: z.partialRecord(IdentityFieldSchema, z.string()).nullable(),
  identityWithheld: z.enum(['erased', 'not_allowed']).nullable(),
  consents: z.array(ConsentSchema),
  requests: z.array(z.object({ id: z.number(), kind: SubjectRequestKindSchema, status: SubjectRequestStatusSchema, receivedAt: z.string(), answeredAt: z.string().nullable() })),
  /** Rows about the person in the registry's other registers (lists, decisions, …), by table. */
  records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  events: z.array(z.object({ at: z.string(), action: z.string() })),
});
export type AccessExport = z.infer<typeof AccessExportSchema>;
