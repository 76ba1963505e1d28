// Sites (lokalisasi): schemas shared by the API and the web app.
import { z } from 'zod';
import { RegionCodeSchema } from './regions.ts';

const DateSchema = z.iso.date();

export const SITE_STATUSES = ['open', 'closing', 'closed', 'reopened'] as const;
export const SiteStatusSchema = z.enum(SITE_STATUSES);

/** The closure stages, in order (domain.md). */
export const SITE_STAGES = [
  'identification',
  'integrated_team_decree',
  'socialisation',
  'verification',
  'closure_ceremony',
  'return_home',
  'monitoring',
] as const;
export const SiteStageSchema = z.enum(SITE_STAGES);
export type SiteStage = z.infer<typeof SiteStageSchema>;

export const HEAD_COUNT_SOURCES = ['site_manager', 'dinsos', 'joint_verification', 'other'] as const;
export const MONITORING_FINDINGS = ['no_activity', 'activity_resumed', 'converted_venue', 'other'] as const;

export const SiteActionSchema = z.enum(['update', 'set_milestone', 'upload_evidence', 'add_head_count', 'record_closure', 'add_monitoring_visit']);
export type SiteAction = z.infer<typeof SiteActionSchema>;

const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);
const Text = (max: number) => z.string().trim().max(max);

const SiteFields = {
  name: z.string().trim().min(2).max(200),
  localNames: z.array(z.string().trim().min(1).max(200)).max(20),
  /** A district or village code (a regency code is accepted while the exact place is unknown). */
  regionCode: z.string().regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/, 'kode kabupaten/kota, kecamatan atau desa: 65.03, 65.03.02 atau 65.03.02.2001'),
  latitude: Latitude.nullable(),
  longitude: Longitude.nullable(),
  description: Text(5000),
  managingParties: Text(2000),
};

const coordinatesTogether = (v: { latitude?: number | null; longitude?: number | null }) =>
  (v.latitude === undefined || v.latitude === null) === (v.longitude === undefined || v.longitude === null);
const coordinatesIssue = { message: 'isi lintang dan bujur bersama-sama', path: ['longitude'] };

export const CreateSiteSchema = z
  .object({
    ...SiteFields,
    localNames: SiteFields.localNames.default([]),
    latitude: Latitude.nullable().default(null),
    longitude: Longitude.nullable().default(null),
    description: SiteFields.description.default(''),
    managingParties: SiteFields.managingParties.default(''),
  })
  .refine(coordinatesTogether, coordinatesIssue);

export const UpdateSiteSchema = z
  .object({
    name: SiteFields.name.optional(),
    localNames: SiteFields.localNames.optional(),
    latitude: SiteFields.latitude.optional(),
    longitude: SiteFields.longitude.optional(),
    description: SiteFields.description.optional(),
    managingParties: SiteFields.managingParties.optional(),
  })
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined) && coordinatesTogether(v), coordinatesIssue);

export const MilestoneSchema = z.object({
  stage: SiteStageSchema,
  plannedDate: DateSchema.nullable(),
  doneDate: DateSchema.nullable(),
  note: z.string(),
  evidenceCount: z.number().int(),
});

export const SetMilestoneSchema = z.object({
  plannedDate: DateSchema.nullable().optional(),
  doneDate: DateSchema.nullable().optional(),
  note: Text(2000).optional(),
});

export const HeadCountSchema = z
  .object({
    id: z.number().int(),
    countedOn: DateSchema,
    source: z.enum(HEAD_COUNT_SOURCES),
    workers: z.number().int(),
    othersAffected: z.number().int(),
    reasonForChange: z.string(),
    /** The person registry's list this count comes from (the registry issue links it). */
    personListId: z.number().int().nullable(),
    /** Change from the previous count (null for the first). */
    workersChange: z.number().int().nullable(),
    othersAffectedChange: z.number().int().nullable(),
  })
  .meta({ id: 'SiteHeadCount' });

export const AddHeadCountSchema = z.object({
  countedOn: DateSchema,
  source: z.enum(HEAD_COUNT_SOURCES),
  workers: z.number().int().min(0).max(100_000),
  othersAffected: z.number().int().min(0).max(100_000).default(0),
  reasonForChange: Text(2000).default(''),
  personListId: z.number().int().positive().nullable().default(null),
});

export const MonitoringVisitSchema = z
  .object({
    id: z.number().int(),
    visitedOn: DateSchema,
    finding: z.enum(MONITORING_FINDINGS),
    notes: z.string(),
    visitedBy: z.string(),
  })
  .meta({ id: 'SiteMonitoringVisit' });

export const AddMonitoringVisitSchema = z.object({
  visitedOn: DateSchema,
  finding: z.enum(MONITORING_FINDINGS),
  notes: Text(5000).default(''),
  visitedBy: z.string().trim().min(2).max(200),
});

export const RecordClosureSchema = z.object({
  decreeNumber: z.string().trim().min(1).max(200),
  decreeDate: DateSchema,
  closureDate: DateSchema,
});

export const EvidenceSchema = z
  .object({
    fileId: z.number().int(),
    stage: SiteStageSchema,
    originalName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'SiteEvidence' });

export const SiteSummarySchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    localNames: z.array(z.string()),
    regionCode: z.string(),
    regencyCode: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    description: z.string(),
    managingParties: z.string(),
    status: SiteStatusSchema,
    closureDecreeNumber: z.string().nullable(),
    closureDecreeDate: DateSchema.nullable(),
    closureDate: DateSchema.nullable(),
    latestHeadCount: z.object({ countedOn: DateSchema, workers: z.number().int(), othersAffected: z.number().int() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** What the caller may do with this site; the UI shows only these. */
    actions: z.array(SiteActionSchema),
  })
  .meta({ id: 'SiteSummary' });
export type SiteSummary = z.infer<typeof SiteSummarySchema>;

export const SiteSchema = SiteSummarySchema.extend({ milestones: z.array(MilestoneSchema) }).meta({ id: 'Site' });
export type Site = z.infer<typeof SiteSchema>;

export const SITE_SORTS = [
  'code',
  '-code',
  'name',
  '-name',
  'status',
  '-status',
  'updatedAt',
  '-updatedAt',
  'closureDate',
  '-closureDate',
  'latestWorkers',
  '-latestWorkers',
] as const;

export const SiteListQuerySchema = z.object({
  q: z.string().trim().min(1).max(100).optional().describe('Part of the code, the name or a local name'),
  regency: RegionCodeSchema.optional().describe('Sites within this region (a regency/city, or a district or village below it)'),
  status: SiteStatusSchema.optional(),
  closedFrom: DateSchema.optional().describe('Closure date on or after'),
  closedTo: DateSchema.optional().describe('Closure date on or before'),
  sort: z.enum(SITE_SORTS).default('code'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
/** GET /api/sites.xlsx: the list's filters and sort, every matching row. */
export const SiteExportQuerySchema = SiteListQuerySchema.omit({ limit: true, offset: true });
export const SiteListSchema = z.object({ items: z.array(SiteSummarySchema), total: z.number().int() });

/** Head counts of a site, oldest first (changes are computed over the full history, before filtering). */
export const HeadCountListQuerySchema = z.object({
  source: z.enum(HEAD_COUNT_SOURCES).optional(),
  from: DateSchema.optional().describe('Counted on or after'),
  to: DateSchema.optional().describe('Counted on or before'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
export const HeadCountExportQuerySchema = HeadCountListQuerySchema.omit({ limit: true, offset: true });
/** `total`: the matching counts (all pages). */
export const HeadCountListSchema = z.object({ items: z.array(HeadCountSchema), total: z.number().int().optional() });

export const MonitoringVisitListQuerySchema = z.object({
  finding: z.enum(MONITORING_FINDINGS).optional(),
  from: DateSchema.optional().describe('Visited on or after'),
  to: DateSchema.optional().describe('Visited on or before'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
/** GET /api/sites/:id/monitoring-visits.xlsx: the list's filters and order, every visit. */
export const MonitoringVisitExportQuerySchema = MonitoringVisitListQuerySchema.omit({ limit: true, offset: true });
export const MonitoringVisitListSchema = z.object({ items: z.array(MonitoringVisitSchema), total: z.number().int().optional() });
export const EvidenceListSchema = z.object({ items: z.array(EvidenceSchema) });
