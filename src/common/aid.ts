// Aid schemes, entitlements, bank accounts and budgets: shared constants and schemas
// of the server and the web app. Money is whole rupiah (integers; bigint in SQL).
import { z } from 'zod';

/** Where a component's money comes from. */
export const FUNDING_SOURCES = ['apbn_kemensos', 'apbd_province', 'apbd_regency'] as const;
export const FundingSourceSchema = z.enum(FUNDING_SOURCES);
export type FundingSource = z.infer<typeof FundingSourceSchema>;

/** An entitlement's life: payments (issue 7) move it due → in_batch → paid | failed | returned. */
export const ENTITLEMENT_STATUSES = ['due', 'in_batch', 'paid', 'failed', 'returned', 'cancelled'] as const;
export const EntitlementStatusSchema = z.enum(ENTITLEMENT_STATUSES);
export type EntitlementStatus = z.infer<typeof EntitlementStatusSchema>;

export const SCHEME_STATUSES = ['active', 'closed'] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];

/** Why an entitlement waits for a person to look at it before it can be paid. */
export type EntitlementReviewReason = 'no_nik';

export type NameCheck = 'match' | 'mismatch' | 'no_name';
export type BankAccountReviewStatus = 'none' | 'pending' | 'accepted';

const Id = z.number().int().positive();
/** Whole rupiah, positive, at most Rp 1 trillion per component. */
export const RupiahSchema = z.number().int().positive().max(1_000_000_000_000);
export const COMPONENT_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

// ---- schemes and components ----

export const ComponentInputSchema = z.object({
  code: z.string().trim().toUpperCase().regex(COMPONENT_CODE),
  name: z.string().trim().min(2).max(200),
  amount: RupiahSchema,
  fundingSource: FundingSourceSchema,
  sortOrder: z.number().int().min(0).max(1000).default(0),
  active: z.boolean().default(true),
});
export type ComponentInput = z.output<typeof ComponentInputSchema>;

export const CreateSchemeSchema = z.object({
  programmeId: Id,
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(3).max(200),
  note: z.string().trim().max(2000).default(''),
  components: z.array(ComponentInputSchema).max(50).default([]),
});

/** Components are matched by code: new codes are added, missing ones become inactive (never deleted). */
export const UpdateSchemeSchema = z.object({
  name: z.string().trim().min(3).max(200),
  note: z.string().trim().max(2000).default(''),
  status: z.enum(SCHEME_STATUSES),
  version: z.number().int().positive(),
  components: z.array(ComponentInputSchema).max(50),
});

export const ComponentSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  amount: z.number(),
  fundingSource: FundingSourceSchema,
  sortOrder: z.number(),
  active: z.boolean(),
});
export type Component = z.infer<typeof ComponentSchema>;

export const SCHEME_ACTIONS = ['update', 'generate'] as const;
export const SchemeSchema = z.object({
  id: z.number(),
  programmeId: z.number(),
  programmeName: z.string(),
  year: z.number(),
  name: z.string(),
  note: z.string(),
  status: z.enum(SCHEME_STATUSES),
  version: z.number(),
  components: z.array(ComponentSchema),
  /** The sum of the active components: what one person receives. */
  totalPerPerson: z.number(),
  entitlementCount: z.number(),
  createdAt: z.string(),
  actions: z.array(z.enum(SCHEME_ACTIONS)),
});
export type Scheme = z.infer<typeof SchemeSchema>;

export const SchemeListQuerySchema = z.object({
  programmeId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const SchemeListSchema = z.object({ items: z.array(SchemeSchema) });

// ---- entitlements ----

export const GenerateResultSchema = z.object({
  /** Eligible persons in the caller's reach (merged records excluded). */
  eligiblePersons: z.number(),
  created: z.number(),
  /** The person already holds this benefit of the programme. */
  skippedExisting: z.number(),
  /** Another record with the same NIK holds it (elsewhere in the registry). */
  skippedSameNik: z.number(),
  /** Created without a NIK: keyed by the person only, held for review. */
  flaggedNoNik: z.number(),
});
export type GenerateResult = z.infer<typeof GenerateResultSchema>;

export const ENTITLEMENT_ACTIONS = ['clear_review', 'cancel'] as const;
export const EntitlementSchema = z.object({
  id: z.number(),
  personId: z.number(),
  caseCode: z.string(),
  alias: z.string().nullable(),
  regencyCode: z.string(),
  regencyName: z.string().nullable(),
  programmeId: z.number(),
  schemeId: z.number(),
  schemeName: z.string(),
  year: z.number(),
  componentId: z.number(),
  componentCode: z.string(),
  componentName: z.string(),
  amount: z.number(),
  fundingSource: FundingSourceSchema,
  status: EntitlementStatusSchema,
  statusChangedAt: z.string(),
  paidAt: z.string().nullable(),
  reviewRequired: z.boolean(),
  reviewReason: z.enum(['no_nik']).nullable(),
  reviewNote: z.string(),
  cancelReason: z.string().nullable(),
  hasBankAccount: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  actions: z.array(z.enum(ENTITLEMENT_ACTIONS)),
});
export type Entitlement = z.infer<typeof EntitlementSchema>;

export const EntitlementListQuerySchema = z.object({
  schemeId: z.coerce.number().int().positive().optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  personId: z.coerce.number().int().positive().optional(),
  status: EntitlementStatusSchema.optional(),
  regency: z.string().regex(/^\d{2}\.\d{2}$/).optional(),
  componentCode: z.string().trim().toUpperCase().optional(),
  review: z.enum(['required', 'clear']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type EntitlementListQuery = z.output<typeof EntitlementListQuerySchema>;
export const EntitlementListSchema = z.object({ items: z.array(EntitlementSchema), total: z.number(), totalAmount: z.number() });

export const ClearReviewSchema = z.object({ note: z.string().trim().min(10).max(1000), version: z.number().int().positive() });
export const CancelEntitlementSchema = z.object({ reason: z.string().trim().min(10).max(1000), version: z.number().int().positive() });

// ---- bank accounts ----

/** Common banks of recipients' accounts (codes as bank files name them). */
export const BANKS = [
  { code: 'BRI', name: 'Bank Rakyat Indonesia (BRI)' },
  { code: 'BNI', name: 'Bank Negara Indonesia (BNI)' },
  { code: 'MANDIRI', name: 'Bank Mandiri' },
  { code: 'BSI', name: 'Bank Syariah Indonesia (BSI)' },
  { code: 'BTN', name: 'Bank Tabungan Negara (BTN)' },
  { code: 'BCA', name: 'Bank Central Asia (BCA)' },
  { code: 'BPD_KALTARA', name: 'Bank Kaltimtara (BPD Kalimantan Timur dan Kalimantan Utara)' },
  { code: 'BPD_KALTIM', name: 'BPD Kalimantan Timur' },
  { code: 'BPD_KALSEL', name: 'Bank Kalsel' },
  { code: 'BPD_JATIM', name: 'Bank Jatim' },
  { code: 'BPD_JATENG', name: 'Bank Jateng' },
  { code: 'BJB', name: 'Bank BJB (Jawa Barat dan Banten)' },
  { code: 'BPD_SULSELBAR', name: 'Bank Sulselbar' },
  { code: 'POS', name: 'PT Pos Indonesia (Giropos)' },
] as const;
export const BANK_CODES = BANKS.map((b) => b.code) as [string, ...string[]];

export const CreateBankAccountSchema = z.object({
  bankCode: z.enum(BANK_CODES),
  /** Digits only once spaces and dashes are removed; 6–20 digits. */
  accountNumber: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{6,20}$/)),
  holderName: z.string().trim().min(2).max(120),
});

export const BANK_ACCOUNT_ACTIONS = ['reveal', 'accept_name', 'deactivate'] as const;
export const BankAccountSchema = z.object({
  id: z.number(),
  personId: z.number(),
  bankCode: z.string(),
  /** ••••1234: the last four digits only; null once erased */
  accountMasked: z.string().nullable(),
  /** Number and holder name crypto-shredded with the person's identity (a data-subject deletion request). */
  erased: z.boolean(),
  nameCheck: z.enum(['match', 'mismatch', 'no_name']),
  nameScore: z.number().nullable(),
  reviewStatus: z.enum(['none', 'pending', 'accepted']),
  reviewNote: z.string(),
  /** Another person's active account has the same bank and number. */
  sharedWithOther: z.boolean(),
  status: z.enum(['active', 'inactive']),
  version: z.number(),
  createdAt: z.string(),
  actions: z.array(z.enum(BANK_ACCOUNT_ACTIONS)),
});
export type BankAccount = z.infer<typeof BankAccountSchema>;
export const BankAccountListSchema = z.object({ items: z.array(BankAccountSchema), canCreate: z.boolean() });

export const RevealBankAccountSchema = z.object({ reason: z.string().trim().min(10).max(500) });
export const RevealedBankAccountSchema = z.object({ id: z.number(), bankCode: z.string(), accountNumber: z.string(), holderName: z.string() });
export const AcceptNameSchema = z.object({ note: z.string().trim().min(10).max(1000), version: z.number().int().positive() });
export const DeactivateBankAccountSchema = z.object({ reason: z.string().trim().min(10).max(1000), version: z.number().int().positive() });

export const WithoutAccountQuerySchema = z.object({
  programmeId: z.coerce.number().int().positive().optional(),
  regency: z.string().regex(/^\d{2}\.\d{2}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const WithoutAccountSchema = z.object({
  items: z.array(
    z.object({
      personId: z.number(),
      caseCode: z.string(),
      alias: z.string().nullable(),
      regencyCode: z.string(),
      regencyName: z.string().nullable(),
      siteCode: z.string().nullable(),
      /** Entitlements still to be paid (due or failed). */
      unpaidAmount: z.number(),
    }),
  ),
  total: z.number(),
});

// ---- budgets ----

export const CreateAllocationSchema = z.object({
  componentId: Id,
  fundingSource: FundingSourceSchema,
  /** APBD: a province (apbd_province) or a regency/city (apbd_regency); APBN: none. */
  regionCode: z.string().regex(/^\d{2}(\.\d{2})?$/).nullable().default(null),
  amount: z.number().int().min(0).max(100_000_000_000_000),
  note: z.string().trim().max(2000).default(''),
});
export const UpdateAllocationSchema = z.object({
  amount: z.number().int().min(0).max(100_000_000_000_000),
  note: z.string().trim().max(2000).default(''),
  version: z.number().int().positive(),
});

export const AllocationSchema = z.object({
  id: z.number(),
  fundingSource: FundingSourceSchema,
  year: z.number(),
  programmeId: z.number(),
  programmeName: z.string(),
  componentId: z.number(),
  componentCode: z.string(),
  componentName: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  amount: z.number(),
  /** Entitlements in approved batches not yet paid (payments fill this in). */
  committed: z.number(),
  paid: z.number(),
  remaining: z.number(),
  note: z.string(),
  version: z.number(),
  actions: z.array(z.enum(['update'])),
});
export type Allocation = z.infer<typeof AllocationSchema>;

export const BudgetQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  programmeId: z.coerce.number().int().positive().optional(),
});
export const AllocationListSchema = z.object({ items: z.array(AllocationSchema), canCreate: z.boolean() });

export const RealisationRowSchema = z.object({
  regencyCode: z.string(),
  regencyName: z.string().nullable(),
  componentCode: z.string(),
  componentName: z.string(),
  fundingSource: FundingSourceSchema,
  persons: z.number(),
  entitled: z.number(),
  committed: z.number(),
  paid: z.number(),
});
export const RealisationSchema = z.object({
  rows: z.array(RealisationRowSchema),
  /** Paid per month (YYYY-MM), for the spending chart. */
  monthly: z.array(z.object({ month: z.string(), paid: z.number(), cumulative: z.number() })),
  totals: z.object({ allocated: z.number(), entitled: z.number(), committed: z.number(), paid: z.number() }),
});
export type Realisation = z.infer<typeof RealisationSchema>;
