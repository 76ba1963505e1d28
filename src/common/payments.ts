// Payment batches, bank files, reconciliation and receipts: schemas shared by the
// server and the web app. Money is whole rupiah.
import { z } from 'zod';
import { RegionCodeSchema } from './regions.ts';

export const BATCH_STATUSES = ['prepared', 'approved', 'sent', 'closed', 'rejected'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const PAYMENT_STATUSES = ['prepared', 'approved', 'sent', 'paid', 'failed', 'returned', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/** What the bank's result file may say about a payment. */
export const RESULT_STATUSES = ['paid', 'failed', 'returned'] as const;

export const BATCH_ACTIONS = ['approve', 'reject', 'download_bank_file', 'send', 'reconcile'] as const;
export type BatchAction = (typeof BATCH_ACTIONS)[number];

const Id = z.number().int().positive();
const Amount = z.number().int();
const UserRef = z.object({ id: Id, name: z.string() }).nullable();
/** An instant as ISO 8601 text: what JSON carries, so the web app parses the answers with these same schemas. */
const Instant = z.string();

export const CandidateQuerySchema = z.object({
  programmeId: z.coerce.number().int().positive(),
  schemeId: z.coerce.number().int().positive().optional(),
  componentId: z.coerce.number().int().positive().optional(),
  region: RegionCodeSchema.optional().describe('A province or regency/city; default: the caller’s scope'),
});
export type CandidateQuery = z.infer<typeof CandidateQuerySchema>;

export const PrepareBatchSchema = z.object({
  programmeId: Id,
  schemeId: Id.optional(),
  componentId: Id.optional(),
  region: RegionCodeSchema.optional(),
});

export const WithoutAccountSchema = z.object({ entitlementId: Id, personId: Id, caseCode: z.string(), componentCode: z.string(), amount: Amount, regencyCode: z.string() });
export const CandidatesSchema = z.object({
  count: z.number().int(),
  totalAmount: Amount,
  years: z.array(z.number().int()),
  /** Due entitlements that cannot enter a batch until the person has a usable bank account. */
  withoutAccount: z.array(WithoutAccountSchema),
  /** Due entitlements held for review (e.g. no NIK) or whose account waits for its name review. */
  heldForReview: z.number().int(),
});

export const BatchSchema = z.object({
  id: Id,
  reference: z.string(),
  programmeId: Id,
  year: z.number().int(),
  regionCode: z.string().nullable(),
  filters: z.object({ schemeId: Id.optional(), componentId: Id.optional(), region: z.string().optional() }),
  status: z.enum(BATCH_STATUSES),
  paymentCount: z.number().int(),
  totalAmount: Amount,
  preparedBy: UserRef,
  preparedAt: Instant,
  approvedBy: UserRef,
  approvedAt: Instant.nullable(),
  rejectedReason: z.string().nullable(),
  sentAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  byStatus: z.record(z.string(), z.number().int()),
  openMismatches: z.number().int(),
  version: z.number().int(),
  actions: z.array(z.enum(BATCH_ACTIONS)),
});
export type Batch = z.infer<typeof BatchSchema>;

export const PaymentSchema = z.object({
  id: Id,
  reference: z.string(),
  batchId: Id,
  batchReference: z.string(),
  personId: Id,
  caseCode: z.string(),
  regencyCode: z.string(),
  componentCode: z.string(),
  amount: Amount,
  bankCode: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  statusChangedAt: Instant,
  paidAt: Instant.nullable(),
  failureNote: z.string().nullable(),
  actions: z.array(z.enum(['receipt', 'receipt_with_identity'])),
});

export const MismatchSchema = z.object({
  id: Id,
  batchId: Id,
  rowNumber: z.number().int(),
  kind: z.enum(['unknown_reference', 'amount_differs', 'duplicate_credit']),
  reference: z.string(),
  paymentId: Id.nullable(),
  expectedAmount: Amount.nullable(),
  reportedAmount: Amount,
  status: z.enum(['open', 'resolved']),
  resolution: z.string().nullable(),
  resolvedAt: Instant.nullable(),
  actions: z.array(z.enum(['resolve'])),
});

export const BatchDetailSchema = BatchSchema.extend({
  payments: z.array(PaymentSchema),
  mismatches: z.array(MismatchSchema),
  reconciliations: z.array(z.object({ id: Id, rowCount: z.number().int(), paid: z.number().int(), failed: z.number().int(), returned: z.number().int(), mismatches: z.number().int(), importedAt: Instant })),
});
export type BatchDetail = z.infer<typeof BatchDetailSchema>;

export const PreparedSchema = z.object({ batch: BatchDetailSchema, withoutAccount: z.array(WithoutAccountSchema) });

export const BatchListQuerySchema = z.object({
  status: z.enum(BATCH_STATUSES).optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const BatchListSchema = z.object({ items: z.array(BatchSchema), total: z.number().int() });

export const ApproveSchema = z.object({ version: z.number().int().positive() });
export const RejectSchema = z.object({ version: z.number().int().positive(), reason: z.string().trim().min(10).max(1000) });
export const SendSchema = z.object({ version: z.number().int().positive() });
export const ResolveMismatchSchema = z.object({ resolution: z.string().trim().min(10).max(1000) });
export const ReturnUnclaimedSchema = z.object({ year: z.number().int().min(2000).max(2100) });
export const ReturnUnclaimedResultSchema = z.object({ year: z.number().int(), returned: z.number().int(), amount: Amount, batches: z.number().int() });
export const ReconcileQuerySchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 (hex) of the uploaded file: part of the idempotency fingerprint, checked against the upload'),
});
export const ReconcileResultSchema = z.object({ reconciliationId: Id, rows: z.number().int(), paid: z.number().int(), failed: z.number().int(), returned: z.number().int(), mismatches: z.array(MismatchSchema), batch: BatchSchema });

export const RECEIPT_REASON_MIN = 10;
export const ReceiptWithIdentitySchema = z.object({ reason: z.string().trim().min(RECEIPT_REASON_MIN).max(1000) });

// ---- bank file formats ----
export const BANK_FILE_FIELDS = ['reference', 'bank_code', 'account_number', 'holder_name', 'amount', 'transfer_date', 'narrative', 'batch_reference'] as const;
export type BankFileField = (typeof BANK_FILE_FIELDS)[number];
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'DD-MM-YYYY', 'DDMMYYYY', 'YYYYMMDD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const SEPARATORS = [',', ';', '|', 'tab'] as const;

export const BankFormatInputSchema = z.object({
  name: z.string().trim().min(2).max(100),
  separator: z.enum(SEPARATORS),
  header: z.boolean(),
  dateFormat: z.enum(DATE_FORMATS),
  columns: z
    .array(z.object({ header: z.string().trim().min(1).max(40).regex(/^[^\r\n"]+$/), field: z.enum(BANK_FILE_FIELDS) }))
    .min(1)
    .max(20),
});
export type BankFormatInput = z.infer<typeof BankFormatInputSchema>;
export const BankFormatSchema = BankFormatInputSchema.extend({ bankCode: z.string(), version: z.number().int(), updatedAt: Instant });
export type BankFormat = z.infer<typeof BankFormatSchema>;
export const BankFormatListSchema = z.object({ items: z.array(BankFormatSchema) });
export const BankCodeParamSchema = z.object({ bankCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/) });

export const PersonPaymentsSchema = z.object({ items: z.array(PaymentSchema) });
