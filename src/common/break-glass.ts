// Break-glass access and notifications: schemas shared by the API and the web app.
import { z } from 'zod';
import { RegionCodeSchema } from './regions.ts';

/** Records that can be opened outside one's normal access; their modules check existence and region. */
export const BREAK_GLASS_ENTITY_TYPES = ['person', 'case'] as const;

export const BreakGlassRequestSchema = z.object({
  entityType: z.enum(BREAK_GLASS_ENTITY_TYPES),
  entityId: z.string().trim().min(1).max(100),
  regionCode: RegionCodeSchema,
  reason: z.string().trim().min(20, 'tuliskan alasan minimal 20 karakter').max(2000),
});

export const BreakGlassReviewSchema = z.object({
  decision: z.enum(['justified', 'unjustified']),
  note: z.string().trim().max(2000).default(''),
});

export const BreakGlassGrantSchema = z
  .object({
    id: z.number().int(),
    user: z.object({ id: z.number().int(), username: z.string(), displayName: z.string() }),
    entityType: z.string(),
    entityId: z.string(),
    regionCode: z.string().nullable(),
    reason: z.string(),
    grantedAt: z.string(),
    expiresAt: z.string(),
    active: z.boolean(),
    review: z
      .object({ decision: z.enum(['justified', 'unjustified']), note: z.string(), reviewedBy: z.string(), reviewedAt: z.string() })
      .nullable(),
    actions: z.array(z.enum(['review'])),
  })
  .meta({ id: 'BreakGlassGrant' });
export type BreakGlassGrant = z.infer<typeof BreakGlassGrantSchema>;

export const BreakGlassListQuerySchema = z.object({
  status: z.enum(['pending', 'reviewed']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const BreakGlassListSchema = z.object({ items: z.array(BreakGlassGrantSchema), total: z.number().int() });

export const NotificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export const NotificationListSchema = z.object({ items: z.array(NotificationSchema), unread: z.number().int() });
