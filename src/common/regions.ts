// Region schemas shared by the API and the web app.
import { z } from 'zod';

export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export const RegionLevelSchema = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;

export const RegionCodeSchema = z
  .string()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'kode wilayah berbentuk 65, 65.03, 65.03.02 atau 65.03.02.2001');

/** Level of a dotted code: 65 → province, 65.03 → regency, … */
export function levelOfCode(code: string): RegionLevel {
  return REGION_LEVELS[code.split('.').length - 1]!;
}

export const RegionSchema = z
  .object({
    code: RegionCodeSchema,
    name: z.string(),
    level: RegionLevelSchema,
    parentCode: RegionCodeSchema.nullable(),
    validFrom: z.iso.date().nullable(),
    validTo: z.iso.date().nullable(),
    successorCode: RegionCodeSchema.nullable(),
    childCount: z.number().int().optional(),
  })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof RegionSchema>;

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const RegionListQuerySchema = z.object({
  parent: RegionCodeSchema.optional().describe('The children of this region; with q, anywhere below it'),
  q: z.string().trim().min(2).max(100).optional().describe('Search by name (case-insensitive)'),
  level: RegionLevelSchema.optional(),
  includeFormer: flag.describe('Include former (historical) codes'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type RegionListQuery = z.input<typeof RegionListQuerySchema>;

export const RegionListSchema = z.object({
  items: z.array(RegionSchema),
  total: z.number().int(),
});
export type RegionList = z.infer<typeof RegionListSchema>;

export const RegionDetailSchema = RegionSchema.extend({
  ancestors: z.array(RegionSchema.pick({ code: true, name: true, level: true })),
  formerCodes: z.array(RegionSchema.pick({ code: true, name: true, validTo: true })),
});
export type RegionDetail = z.infer<typeof RegionDetailSchema>;

export const RegionCountsSchema = z.object({
  province: z.number().int(),
  regency: z.number().int(),
  district: z.number().int(),
  village: z.number().int(),
  former: z.number().int(),
});
export type RegionCounts = z.infer<typeof RegionCountsSchema>;
