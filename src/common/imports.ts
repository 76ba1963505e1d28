// Person imports (server and web): the import record as the API shows it. No
// identity value ever appears here: rows are named by number, problems by column
// and code.
import { z } from 'zod';
import { LawfulBasisSchema } from './persons.ts';

export const IMPORT_STATUSES = [
  'receiving',
  'uploaded',
  'validating',
  'validated',
  'invalid',
  'staging',
  'committing',
  'committed',
  'failed',
  'cancelled',
] as const;
export const ImportStatusSchema = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

/** Statuses in which a job is (or will be) working on the import. */
export const IMPORT_BUSY: readonly ImportStatus[] = ['receiving', 'uploaded', 'validating', 'staging', 'committing'];
/** Statuses nothing follows. */
export const IMPORT_FINAL: readonly ImportStatus[] = ['committed', 'failed', 'cancelled'];

export const IMPORT_ACTIONS = ['commit', 'cancel', 'download_errors'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export const ImportKindSchema = z.enum(['csv', 'xlsx']);

/** One row's validity in the dry-run preview: which columns have problems, not what they hold. */
export const PreviewRowSchema = z.object({
  row: z.number().int(),
  status: z.enum(['ok', 'warning', 'error']),
  issues: z.array(z.object({ column: z.string(), code: z.string(), severity: z.enum(['error', 'warning']) })),
});
export type PreviewRow = z.infer<typeof PreviewRowSchema>;

export const ImportSchema = z
  .object({
    id: z.number().int(),
    siteId: z.number().int(),
    siteCode: z.string().nullable(),
    regencyCode: z.string(),
    kind: ImportKindSchema,
    source: z.enum(['upload', 'local']),
    originalName: z.string(),
    sizeBytes: z.number(),
    status: ImportStatusSchema,
    dryRun: z.boolean(),
    lawfulBasis: LawfulBasisSchema,
    totalRows: z.number().int().nullable(),
    validRows: z.number().int().nullable(),
    errorRows: z.number().int().nullable(),
    errorCount: z.number().int().nullable(),
    warningCount: z.number().int().nullable(),
    committedRows: z.number().int().nullable(),
    progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
    preview: z.array(PreviewRowSchema).nullable(),
    firstCaseCode: z.string().nullable(),
    lastCaseCode: z.string().nullable(),
    jobId: z.number().int().nullable(),
    failure: z.string().nullable(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    actions: z.array(z.enum(IMPORT_ACTIONS)),
  })
  .meta({ id: 'PersonImport' });
export type PersonImport = z.infer<typeof ImportSchema>;

export const ImportListQuerySchema = z.object({
  siteId: z.coerce.number().int().positive().optional(),
  status: ImportStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The multipart fields beside the file. */
export const ImportUploadFieldsSchema = z.object({
  siteId: z.coerce.number().int().positive(),
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  lawfulBasis: LawfulBasisSchema.default('public_task'),
});

export const ImportStartedSchema = z.object({ importId: z.number().int(), jobId: z.number().int() }).meta({ id: 'ImportStarted' });

export const LangQuerySchema = z.object({ lang: z.enum(['id', 'en']).optional() });
