// The registry's shared schemas (server and web). Lists and details are
// pseudonymous: case code, alias, region, site, sex. Identity fields travel only
// in the create body and in a reveal answer.
import { z } from 'zod';
import { RegionCodeSchema } from './regions.ts';

export const LAWFUL_BASES = ['legal_obligation', 'public_task', 'consent'] as const;
export const LawfulBasisSchema = z.enum(LAWFUL_BASES);
export type LawfulBasis = z.infer<typeof LawfulBasisSchema>;

export const SexSchema = z.enum(['male', 'female']);

/** The encrypted identity fields, by name (never stored or logged in clear). */
export const IDENTITY_FIELDS = ['fullName', 'nik', 'kk', 'birthDate', 'phone', 'address'] as const;
export const IdentityFieldSchema = z.enum(IDENTITY_FIELDS);
export type IdentityField = z.infer<typeof IdentityFieldSchema>;

export const RegencyCodeSchema = z.string().regex(/^\d{2}\.\d{2}$/, 'kode kabupaten/kota berbentuk 65.03');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const IdentitySchema = z.object({
  fullName: z.string().trim().min(2).max(200),
  nik: optionalText(64),
  kk: optionalText(64),
  birthDate: z.iso.date().optional(),
  phone: optionalText(32),
  address: optionalText(500),
});
export type Identity = z.output<typeof IdentitySchema>;

export const CreatePersonSchema = IdentitySchema.extend({
  sex: SexSchema,
  alias: optionalText(80),
  regencyCode: RegencyCodeSchema,
  siteId: z.number().int().positive().optional(),
  lawfulBasis: LawfulBasisSchema,
  assignedUserId: z.number().int().positive().optional(),
});

export const PERSON_ACTIONS = ['reveal_identity'] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];

export const PersonSummarySchema = z
  .object({
    id: z.number(),
    caseCode: z.string(),
    alias: z.string().nullable(),
    regencyCode: z.string(),
    regencyName: z.string().nullable(),
    siteId: z.number().nullable(),
    siteCode: z.string().nullable(),
    sex: SexSchema,
    /** Merged into another record by the duplicate review (lists hide merged records by default). */
    mergedIntoId: z.number().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

export const PersonSchema = PersonSummarySchema.extend({
  lawfulBasis: LawfulBasisSchema,
  assignedUserId: z.number().nullable(),
  /** Which identity fields hold a value (never the values). */
  identityFields: z.array(IdentityFieldSchema),
  updatedAt: z.string(),
  /** Send it back with a change (PATCH); a stale one answers 409. */
  version: z.number(),
  /** Processing restricted at the data subject's request: no reveal except to answer a request. */
  processingRestricted: z.boolean(),
  /** The identity was crypto-shredded (a deletion request); the pseudonymous record stays. */
  erased: z.boolean(),
  /** Consent is the lawful basis but no unwithdrawn consent is recorded. */
  consentMissing: z.boolean(),
  actions: z.array(z.enum(PERSON_ACTIONS)),
}).meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

export const PersonListQuerySchema = z.object({
  regency: RegionCodeSchema.optional(),
  siteId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(80).optional().describe('Part of a case code or alias'),
  merged: z.enum(['exclude', 'include', 'only']).default('exclude').describe('Records merged into another by the duplicate review'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const PersonListSchema = z.object({ items: z.array(PersonSummarySchema), total: z.number() });

export const RevealSchema = z.object({
  fields: z.array(IdentityFieldSchema).min(1).max(IDENTITY_FIELDS.length),
  reason: z.string().trim().min(10).max(1000),
  /** A pending data-subject request this reveal answers (needed while processing is restricted). */
  subjectRequestId: z.number().int().positive().optional(),
});

export const RevealedSchema = z.object({
  caseCode: z.string(),
  fields: z.object({
    fullName: z.string().nullable().optional(),
    nik: z.string().nullable().optional(),
    kk: z.string().nullable().optional(),
    birthDate: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    address: z.string().nullable().optional(),
  }),
});

/** Exact lookup by one identifier; sent in a body so it never appears in a URL or a log line. */
export const PersonLookupSchema = z
  .object({ nik: z.string().max(64).optional(), kk: z.string().max(64).optional(), phone: z.string().max(32).optional() })
  .refine((v) => [v.nik, v.kk, v.phone].filter((x) => x && x.trim()).length === 1, { message: 'give exactly one of nik, kk, phone' });

export const PersonLookupResultSchema = z.object({ items: z.array(PersonSummarySchema) });
