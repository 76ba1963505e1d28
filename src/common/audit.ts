// Audit log schemas shared by the API and the web app (the auditors' browser).
import { z } from 'zod';
import { RegionCodeSchema } from './regions.ts';

export const AuditEventViewSchema = z
  .object({
    seq: z.number().int(),
    at: z.iso.datetime(),
    actor: z.object({
      userId: z.number().int().nullable(),
      username: z.string(),
      roles: z.array(z.string()),
      /** 'national', a region code, or null for the command line */
      scope: z.string().nullable(),
    }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    regionCode: z.string().nullable(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    reason: z.string().nullable(),
    /** Field names and non-identifying values only. */
    summary: z.record(z.string(), z.unknown()),
    breakGlass: z.boolean(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof AuditEventViewSchema>;

export const AUDIT_PAGE_MAX = 500;
const day = z.iso.date();

const AuditFilterSchema = z.object({
  actor: z.string().trim().min(1).max(100).optional().describe('Username of the actor'),
  entityType: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  regionCode: RegionCodeSchema.optional().describe('This region and everything below it'),
  action: z.string().trim().min(1).max(100).optional().describe('Exact action, or a prefix ending in a dot (e.g. "user.")'),
  from: day.optional().describe('First day, inclusive (UTC), YYYY-MM-DD'),
  to: day.optional().describe('Last day, inclusive (UTC), YYYY-MM-DD'),
  breakGlass: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
const fromBeforeTo: [(q: { from?: string | undefined; to?: string | undefined }) => boolean, { message: string; path: string[] }] = [
  (q) => !q.from || !q.to || q.from <= q.to,
  { message: '"from" must not be after "to"', path: ['to'] },
];

export const AuditQuerySchema = AuditFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}).refine(...fromBeforeTo);
export type AuditQuery = z.output<typeof AuditQuerySchema>;

export const AuditListSchema = z.object({ items: z.array(AuditEventViewSchema), total: z.number().int() }).meta({ id: 'AuditList' });
export type AuditList = z.infer<typeof AuditListSchema>;

export const AuditExportQuerySchema = AuditFilterSchema.extend({ format: z.enum(['csv', 'json']).default('csv') }).refine(...fromBeforeTo);
export type AuditExportQuery = z.output<typeof AuditExportQuerySchema>;
export type AuditFilter = z.output<typeof AuditFilterSchema>;

export const AuditCheckpointSchema = z
  .object({ seq: z.number().int(), hash: z.string(), count: z.number().int(), at: z.iso.datetime() })
  .meta({ id: 'AuditCheckpoint' });
export type AuditCheckpoint = z.infer<typeof AuditCheckpointSchema>;

export const AuditBrokenReasonSchema = z.enum(['hash_mismatch', 'prev_hash_mismatch', 'gap', 'head_mismatch', 'checkpoint_mismatch']);

export const AuditVerifySchema = z
  .object({
    ok: z.boolean(),
    count: z.number().int(),
    lastSeq: z.number().int().nullable(),
    lastHash: z.string().nullable(),
    firstBroken: z.object({ seq: z.number().int(), reason: AuditBrokenReasonSchema }).nullable(),
  })
  .meta({ id: 'AuditVerify' });
export type AuditVerify = z.infer<typeof AuditVerifySchema>;
