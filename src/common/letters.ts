// Letters and correspondence: schemas shared by the API and the web app.
import { z } from 'zod';
import { RegionCodeSchema } from './regions.ts';

export const LETTER_TYPES = ['instruksi_gubernur', 'surat_edaran', 'undangan', 'laporan', 'lainnya'] as const;
export const LetterTypeSchema = z.enum(LETTER_TYPES);
export type LetterType = z.infer<typeof LetterTypeSchema>;

export const LETTER_NATURES = ['biasa', 'segera', 'sangat_segera', 'rahasia'] as const;
export const LetterNatureSchema = z.enum(LETTER_NATURES);

export const DEFAULT_NUMBER_FORMAT = '{seq}/{unit}/{classification}/{month_roman}/{year}';
/** Placeholders a number format may use. */
export const NUMBER_PLACEHOLDERS = ['seq', 'unit', 'classification', 'month_roman', 'month', 'year'] as const;

const DateSchema = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const NumberFormatSchema = z
  .string()
  .trim()
  .min(5)
  .max(200)
  .refine((f) => f.includes('{seq}'), 'format nomor harus memuat {seq}')
  .refine(
    (f) => [...f.matchAll(/\{([a-z_]+)\}/g)].every((m) => (NUMBER_PLACEHOLDERS as readonly string[]).includes(m[1]!)),
    `placeholder yang dikenal: ${NUMBER_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
  );

// ---------------------------------------------------------------- units

export const LetterUnitActionSchema = z.enum(['update']);
export const LetterUnitSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    regionCode: z.string(),
    institutionLines: z.array(z.string()),
    address: z.string(),
    phone: z.string(),
    logoFile: z.string().nullable(),
    /** The uploaded letterhead logo (GET /api/letter-units/:id/logo), or null. */
    logoFileId: z.number().int().nullable(),
    place: z.string(),
    numberFormat: z.string(),
    actions: z.array(LetterUnitActionSchema),
  })
  .meta({ id: 'LetterUnit' });
export type LetterUnit = z.infer<typeof LetterUnitSchema>;

export const CreateLetterUnitSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9.-]{1,39}$/, 'huruf besar, angka, titik dan tanda hubung, 2–40 karakter'),
  name: text(200).min(1),
  regionCode: RegionCodeSchema,
  institutionLines: z.array(text(200).min(1)).max(5).default([]),
  address: text(300).default(''),
  phone: text(100).default(''),
  logoFile: text(300).min(1).nullable().default(null),
  place: text(100).default(''),
  numberFormat: NumberFormatSchema.default(DEFAULT_NUMBER_FORMAT),
});
export const UpdateLetterUnitSchema = CreateLetterUnitSchema.omit({ code: true, regionCode: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'tidak ada perubahan');
export const LetterUnitListSchema = z.object({ items: z.array(LetterUnitSchema) });

// ---------------------------------------------------------------- templates

export const LetterTemplateSchema = z
  .object({ unitId: z.number().int(), type: LetterTypeSchema, body: z.string(), updatedAt: z.string() })
  .meta({ id: 'LetterTemplate' });
export const PutLetterTemplateSchema = z.object({ body: text(20_000).min(1) });

// ---------------------------------------------------------------- letters

export const LetterActionSchema = z.enum(['update', 'issue', 'add_recipients', 'update_recipient', 'pdf']);
export const LetterStatusSchema = z.enum(['draft', 'issued']);

export const LetterRecipientSchema = z
  .object({
    id: z.number().int(),
    recipient: z.string(),
    regionCode: z.string().nullable(),
    sentOn: DateSchema.nullable(),
    deliveredOn: DateSchema.nullable(),
    acknowledgedOn: DateSchema.nullable(),
    responseOn: DateSchema.nullable(),
    responseSummary: z.string().nullable(),
    responseDocumentRef: z.string().nullable(),
    /** Sent, unanswered, and older than LETTER_RESPONSE_DAYS. */
    overdue: z.boolean(),
  })
  .meta({ id: 'LetterRecipient' });

const LetterFields = {
  type: LetterTypeSchema,
  letterDate: DateSchema,
  subject: text(500).min(1),
  classification: text(50).default(''),
  nature: LetterNatureSchema.default('biasa'),
  attachmentsCount: z.number().int().min(0).max(999).default(0),
  body: text(50_000).optional(),
  signatoryName: text(200).default(''),
  signatoryTitle: text(200).default(''),
  copiesTo: z.array(text(300).min(1)).max(50).default([]),
  programmeId: z.number().int().positive().nullable().default(null),
  regionCodes: z.array(RegionCodeSchema).max(100).default([]),
  siteIds: z.array(z.number().int().positive()).max(100).default([]),
};

export const CreateLetterSchema = z.object({ unitId: z.number().int().positive(), ...LetterFields });
export const UpdateLetterSchema = z
  .object({
    type: LetterFields.type,
    letterDate: LetterFields.letterDate,
    subject: LetterFields.subject,
    classification: text(50),
    nature: LetterNatureSchema,
    attachmentsCount: LetterFields.attachmentsCount,
    body: text(50_000),
    signatoryName: text(200),
    signatoryTitle: text(200),
    copiesTo: z.array(text(300).min(1)).max(50),
    programmeId: z.number().int().positive().nullable(),
    regionCodes: z.array(RegionCodeSchema).max(100),
    siteIds: z.array(z.number().int().positive()).max(100),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'tidak ada perubahan');

export const LetterSchema = z
  .object({
    id: z.number().int(),
    unit: z.object({ id: z.number().int(), code: z.string(), name: z.string(), regionCode: z.string() }),
    status: LetterStatusSchema,
    number: z.string().nullable(),
    year: z.number().int().nullable(),
    seq: z.number().int().nullable(),
    type: LetterTypeSchema,
    letterDate: DateSchema,
    subject: z.string(),
    classification: z.string(),
    nature: LetterNatureSchema,
    attachmentsCount: z.number().int(),
    body: z.string(),
    signatoryName: z.string(),
    signatoryTitle: z.string(),
    copiesTo: z.array(z.string()),
    programmeId: z.number().int().nullable(),
    regionCodes: z.array(z.string()),
    siteIds: z.array(z.number().int()),
    issuedAt: z.string().nullable(),
    recipientCount: z.number().int(),
    /** Recipients whose response is recorded. */
    answeredCount: z.number().int(),
    /** At least one recipient is overdue. */
    overdue: z.boolean(),
    recipients: z.array(LetterRecipientSchema).optional(),
    actions: z.array(LetterActionSchema),
  })
  .meta({ id: 'Letter' });
export type Letter = z.infer<typeof LetterSchema>;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const LetterListQuerySchema = z.object({
  type: LetterTypeSchema.optional(),
  status: LetterStatusSchema.optional(),
  year: z.coerce.number().int().min(1900).max(9999).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  overdue: boolParam.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the subject or the number'),
  programmeId: z.coerce.number().int().positive().optional().describe('Letters linked to this programme'),
  siteId: z.coerce.number().int().positive().optional().describe('Letters linked to this site'),
  region: RegionCodeSchema.optional().describe('Letters linked to a region, or with a recipient, within this region'),
  sort: z.enum(['letter_date', '-letter_date', 'number', '-number', 'subject', '-subject']).default('-letter_date'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const LetterListSchema = z.object({ items: z.array(LetterSchema), total: z.number().int() });
/** GET /api/letters.xlsx: the list's filters and sort, every matching row. */
export const LetterExportQuerySchema = LetterListQuerySchema.omit({ limit: true, offset: true });

// ---------------------------------------------------------------- recipients

export const AddRecipientsSchema = z.object({
  recipients: z
    .array(
      z.object({
        recipient: text(300).min(1),
        regionCode: RegionCodeSchema.nullable().default(null),
        sentOn: DateSchema.nullable().default(null),
      }),
    )
    .min(1)
    .max(200),
});

export const UpdateRecipientSchema = z
  .object({
    sentOn: DateSchema.nullable(),
    deliveredOn: DateSchema.nullable(),
    acknowledgedOn: DateSchema.nullable(),
    responseOn: DateSchema.nullable(),
    responseSummary: text(5_000).nullable(),
    responseDocumentRef: text(500).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'tidak ada perubahan');

// ---------------------------------------------------------------- recipients across letters

/** Recipients of every letter I may see: e.g. those awaiting a response, by region (the dashboard's list). */
export const RecipientListQuerySchema = z.object({
  overdue: boolParam.optional().describe('Sent, unanswered and older than LETTER_RESPONSE_DAYS (or not)'),
  awaitingResponse: boolParam.optional().describe('Sent and not yet answered (or answered)'),
  region: RegionCodeSchema.optional().describe('Recipients whose region lies within this region'),
  unitId: z.coerce.number().int().positive().optional(),
  letterType: LetterTypeSchema.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the recipient, the letter subject or number'),
  sort: z.enum(['sent_on', '-sent_on', 'recipient', '-recipient', 'region', '-region']).default('sent_on'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const RecipientExportQuerySchema = RecipientListQuerySchema.omit({ limit: true, offset: true });

export const RecipientListItemSchema = LetterRecipientSchema.extend({
  /** Whole days since it was sent (WIB), null when not sent. */
  daysSinceSent: z.number().int().nullable(),
  letter: z.object({
    id: z.number().int(),
    number: z.string().nullable(),
    type: LetterTypeSchema,
    letterDate: DateSchema,
    subject: z.string(),
    unit: z.object({ id: z.number().int(), code: z.string(), name: z.string(), regionCode: z.string() }),
  }),
}).meta({ id: 'LetterRecipientListItem' });
export const RecipientListSchema = z.object({ items: z.array(RecipientListItemSchema), total: z.number().int() });
