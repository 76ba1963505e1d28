// The programme dashboard, the national roll-up and the closure timeline:
// read-only figures shared by the API and the web app.
import { z } from 'zod';
import { RegionStatusSchema, type RegionStatus } from './programmes.ts';
import { SiteStageSchema, SiteStatusSchema } from './sites.ts';

const DateSchema = z.iso.date();

/** A regency/city counts as closed once it is closed or under post-closure monitoring. */
export const CLOSED_STATUSES: readonly RegionStatus[] = ['closed', 'monitoring'];
export function isClosedStatus(status: RegionStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** Days from `from` to `to` ('YYYY-MM-DD'); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const DashboardProgrammeSchema = z.object({
  id: z.number().int(),
  level: z.enum(['national', 'province']),
  name: z.string(),
  owner: z.string(),
  regionCode: z.string().nullable(),
  targetDate: DateSchema.nullable(),
});

export const DashboardRegionSchema = z.object({
  /** The programme_region id (for links to its history and readiness). */
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  status: RegionStatusSchema,
  statusChangedAt: z.string(),
  targetDate: DateSchema.nullable(),
  /** Days past the target date while not closed; null when on time, closed or without a target. */
  daysLate: z.number().int().nullable(),
  readinessPending: z.number().int(),
});

export const WorkersByRegionSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  sites: z.number().int(),
  sitesClosed: z.number().int(),
  /** Sum of each site's latest head count. */
  workers: z.number().int(),
  othersAffected: z.number().int(),
  /** Latest workers of the sites not (yet) closed. */
  workersAtOpenSites: z.number().int(),
  /** Date of the most recent count among the region's sites. */
  latestCountedOn: DateSchema.nullable(),
});

export const OverdueActionItemSchema = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  title: z.string(),
  dueDate: DateSchema,
  daysOverdue: z.number().int(),
  status: z.enum(['open', 'in_progress']),
  /** The institution, or the owning user's display name. */
  owner: z.string().nullable(),
  /** The meeting's region (the organising office). */
  regionCode: z.string(),
});

export const ProgrammeDashboardSchema = z
  .object({
    programme: DashboardProgrammeSchema,
    /** Today in WIB (Asia/Jakarta). */
    today: DateSchema,
    regions: z.object({
      total: z.number().int(),
      closed: z.number().int(),
      late: z.number().int(),
      byStatus: z.array(z.object({ status: RegionStatusSchema, count: z.number().int() })),
      items: z.array(DashboardRegionSchema),
    }),
    readinessPending: z.number().int(),
    /** Null when the caller may not read sites (site.read). */
    sites: z
      .object({
        total: z.number().int(),
        closed: z.number().int(),
        workers: z.number().int(),
        othersAffected: z.number().int(),
        workersAtOpenSites: z.number().int(),
        byRegion: z.array(WorkersByRegionSchema),
      })
      .nullable(),
    /** Null when the caller may not read meetings (meeting.read). */
    actionItems: z.object({ overdue: z.number().int(), top: z.array(OverdueActionItemSchema) }).nullable(),
    /** Recipients of the programme's letters; null when the caller may not read letters (letter.read). */
    letters: z
      .object({
        lettersAwaiting: z.number().int(),
        awaitingResponse: z.number().int(),
        overdue: z.number().int(),
        responseDays: z.number().int(),
      })
      .nullable(),
    alerts: z.object({
      reopenedRegions: z.array(z.object({ id: z.number().int(), regionCode: z.string(), regionName: z.string(), since: z.string() })),
      reopenedSites: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), regencyCode: z.string() })),
    }),
  })
  .meta({ id: 'ProgrammeDashboard' });
export type ProgrammeDashboard = z.infer<typeof ProgrammeDashboardSchema>;

export const PROVINCE_PROGRESS = ['on_track', 'late', 'done'] as const;

export const NationalRollupQuerySchema = z.object({
  programmeId: z.coerce.number().int().positive().optional(),
});

export const ProvinceRollupSchema = z.object({
  programmeId: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  provinceName: z.string(),
  targetDate: DateSchema.nullable(),
  regionsTotal: z.number().int(),
  regionsClosed: z.number().int(),
  regionsLate: z.number().int(),
  sitesTotal: z.number().int(),
  sitesClosed: z.number().int(),
  workers: z.number().int(),
  othersAffected: z.number().int(),
  workersAtOpenSites: z.number().int(),
  /** done: every regency/city closed; late: one is past its target, or the programme is past its own; else on_track. */
  progress: z.enum(PROVINCE_PROGRESS),
});

export const NationalRollupSchema = z
  .object({
    /** The national programme shown; null when there is none. */
    programme: DashboardProgrammeSchema.nullable(),
    /** National programmes to choose from, newest first. */
    nationalProgrammes: z.array(z.object({ id: z.number().int(), name: z.string(), targetDate: DateSchema.nullable() })),
    today: DateSchema,
    provinces: z.array(ProvinceRollupSchema),
    totals: z.object({
      provinces: z.number().int(),
      regionsTotal: z.number().int(),
      regionsClosed: z.number().int(),
      sitesTotal: z.number().int(),
      sitesClosed: z.number().int(),
      workers: z.number().int(),
      othersAffected: z.number().int(),
      workersAtOpenSites: z.number().int(),
    }),
    /** Site figures are left out (zero) for callers without site.read. */
    includesSites: z.boolean(),
  })
  .meta({ id: 'NationalRollup' });
export type NationalRollup = z.infer<typeof NationalRollupSchema>;

export const TimelineSegmentSchema = z.object({
  status: RegionStatusSchema,
  start: DateSchema,
  /** Null: the region is still in this status. */
  end: DateSchema.nullable(),
});

export const TimelineSiteSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  status: SiteStatusSchema,
  closureDate: DateSchema.nullable(),
  milestones: z.array(z.object({ stage: SiteStageSchema, plannedDate: DateSchema.nullable(), doneDate: DateSchema.nullable() })),
});

export const TimelineSchema = z
  .object({
    programme: DashboardProgrammeSchema,
    today: DateSchema,
    /** The date axis: the earliest and latest date in the data (with today and the targets). */
    range: z.object({ start: DateSchema, end: DateSchema }),
    regions: z.array(
      z.object({
        id: z.number().int(),
        regionCode: z.string(),
        regionName: z.string(),
        status: RegionStatusSchema,
        targetDate: DateSchema.nullable(),
        /** The date of the latest move to "closed", while the region is closed or monitored. */
        closedOn: DateSchema.nullable(),
        segments: z.array(TimelineSegmentSchema),
        /** Null when the caller may not read sites (site.read). */
        sites: z.array(TimelineSiteSchema).nullable(),
      }),
    ),
  })
  .meta({ id: 'ProgrammeTimeline' });
export type Timeline = z.infer<typeof TimelineSchema>;
