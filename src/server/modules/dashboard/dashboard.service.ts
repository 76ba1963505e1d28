// The programme dashboard, the national roll-up and the closure timeline.
// Read-only: figures come from programmes, sites, meetings (action items) and
// letters, always filtered to the caller's region scope in SQL. A section whose
// module the caller may not read (site.read, meeting.read, letter.read) is null.
import type { z } from 'zod';
import type { Scope } from '../../../common/auth.ts';
import {
  daysBetween,
  isClosedStatus,
  type NationalRollup,
  type NationalRollupQuerySchema,
  type ProgrammeDashboard,
  type Timeline,
} from '../../../common/dashboard.ts';
import { REGION_STATUSES, type RegionStatus } from '../../../common/programmes.ts';
import { SITE_STAGES } from '../../../common/sites.ts';
import type { Config } from '../../config.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize, can } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { overdueCutoff } from '../letters/letters.repository.ts';
import { findProgramme, type ProgrammeRow } from '../programmes/programmes.repository.ts';
import { dashboardError } from './dashboard.errors.ts';
import * as repo from './dashboard.repository.ts';

const WIB_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });
/** How many overdue action items the dashboard lists. */
export const TOP_ACTION_ITEMS = 5;

const wibDate = (d: Date | string) => WIB_DATE.format(new Date(d));
const iso = (d: Date | string) => new Date(d).toISOString();

function programmeView(p: Pick<ProgrammeRow, 'id' | 'level' | 'name' | 'owner' | 'region_code' | 'target_date'>) {
  return { id: p.id, level: p.level, name: p.name, owner: p.owner, regionCode: p.region_code, targetDate: p.target_date };
}

function daysLate(status: RegionStatus, target: string | null, today: string): number | null {
  if (!target || isClosedStatus(status) || target >= today) return null;
  return daysBetween(target, today);
}

export class DashboardService {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly clock: Clock,
  ) {}

  private scope(ctx: Context): Scope | null {
    return ctx.actor.kind === 'system' ? null : ctx.actor.scope;
  }

  /** Today in WIB, from the injected clock. */
  private today(): string {
    return wibDate(this.clock());
  }

  /** A provincial programme the caller may see; otherwise "not found" (or "not provincial"). */
  private async provincial(ctx: Context, id: number): Promise<ProgrammeRow & { region_code: string }> {
    const p = await findProgramme(this.db, id, this.scope(ctx));
    if (!p) throw dashboardError('dashboard.programme_not_found');
    if (p.level !== 'province' || !p.region_code) throw dashboardError('dashboard.not_provincial');
    return p as ProgrammeRow & { region_code: string };
  }

  async programme(ctx: Context, id: number): Promise<ProgrammeDashboard> {
    authorize(ctx.actor, 'program.read');
    const p = await this.provincial(ctx, id);
    const scope = this.scope(ctx);
    const today = this.today();
    const regions = await repo.regionsOf(this.db, id, scope);
    const names = new Map(regions.map((r) => [r.region_code, r.region_name]));

    const byStatus = new Map<RegionStatus, number>(REGION_STATUSES.map((s) => [s, 0]));
    for (const r of regions) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    const items = regions.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      regionName: r.region_name,
      status: r.status,
      statusChangedAt: iso(r.status_changed_at),
      targetDate: r.target_date,
      daysLate: daysLate(r.status, r.target_date, today),
      readinessPending: r.readiness_pending,
    }));

    let sites: ProgrammeDashboard['sites'] = null;
    let reopenedSites: ProgrammeDashboard['alerts']['reopenedSites'] = [];
    if (can(ctx.actor, 'site.read')) {
      const figures = await repo.siteFigures(this.db, [id], scope);
      const sum = (k: 'sites' | 'sites_closed' | 'workers' | 'others_affected' | 'workers_open') => figures.reduce((n, f) => n + f[k], 0);
      sites = {
        total: sum('sites'),
        closed: sum('sites_closed'),
        workers: sum('workers'),
        othersAffected: sum('others_affected'),
        workersAtOpenSites: sum('workers_open'),
        byRegion: figures.map((f) => ({
          regionCode: f.regency_code,
          regionName: names.get(f.regency_code) ?? f.regency_code,
          sites: f.sites,
          sitesClosed: f.sites_closed,
          workers: f.workers,
          othersAffected: f.others_affected,
          workersAtOpenSites: f.workers_open,
          latestCountedOn: f.latest_counted_on,
        })),
      };
      reopenedSites = (await repo.reopenedSites(this.db, id, scope)).map((s) => ({ id: s.id, code: s.code, name: s.name, regencyCode: s.regency_code }));
    }

    let actionItems: ProgrammeDashboard['actionItems'] = null;
    if (can(ctx.actor, 'meeting.read')) {
      const { total, rows } = await repo.overdueActionItems(this.db, id, p.region_code, scope, today, TOP_ACTION_ITEMS);
      actionItems = {
        overdue: total,
        top: rows.map((a) => ({
          id: a.id,
          meetingId: a.meeting_id,
          title: a.title,
          dueDate: a.due_date,
          daysOverdue: daysBetween(a.due_date, today),
          status: a.status,
          owner: a.owner_name,
          regionCode: a.region_code,
        })),
      };
    }

    let letters: ProgrammeDashboard['letters'] = null;
    if (can(ctx.actor, 'letter.read')) {
      const f = await repo.letterFigures(this.db, id, scope, overdueCutoff(today, this.config.letterResponseDays));
      letters = { lettersAwaiting: f.letters, awaitingResponse: f.awaiting, overdue: f.overdue, responseDays: this.config.letterResponseDays };
    }

    return {
      programme: programmeView(p),
      today,
      regions: {
        total: regions.length,
        closed: regions.filter((r) => isClosedStatus(r.status)).length,
        late: items.filter((r) => r.daysLate !== null).length,
        byStatus: REGION_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
        items,
      },
      readinessPending: regions.reduce((n, r) => n + r.readiness_pending, 0),
      sites,
      actionItems,
      letters,
      alerts: {
        reopenedRegions: regions
          .filter((r) => r.status === 'reopened')
          .map((r) => ({ id: r.id, regionCode: r.region_code, regionName: r.region_name, since: iso(r.status_changed_at) })),
        reopenedSites,
      },
    };
  }

  async national(ctx: Context, query: z.output<typeof NationalRollupQuerySchema>): Promise<NationalRollup> {
    authorize(ctx.actor, 'program.read');
    const scope = this.scope(ctx);
    const today = this.today();
    const nationals = await repo.nationalProgrammes(this.db);
    const chosen = query.programmeId === undefined ? nationals[0] : nationals.find((n) => n.id === query.programmeId);
    if (query.programmeId !== undefined && !chosen) throw dashboardError('dashboard.national_not_found');
    const includesSites = can(ctx.actor, 'site.read');
    const provinces = chosen ? await repo.provincialProgrammes(this.db, chosen.id, scope) : [];
    const programmeIds = provinces.map((p) => p.id);
    const [regionTotals, siteRows] = await Promise.all([
      repo.regionTotals(this.db, programmeIds, scope, today),
      includesSites ? repo.siteFigures(this.db, programmeIds, scope) : Promise.resolve([]),
    ]);
    const rows = provinces.map((p) => {
      const r = regionTotals.find((x) => x.programme_id === p.id) ?? { total: 0, closed: 0, late: 0 };
      const s = siteRows.filter((x) => x.programme_id === p.id);
      const sum = (k: 'sites' | 'sites_closed' | 'workers' | 'others_affected' | 'workers_open') => s.reduce((n, f) => n + f[k], 0);
      const done = r.total > 0 && r.closed === r.total;
      const pastTarget = p.target_date !== null && p.target_date < today;
      return {
        programmeId: p.id,
        name: p.name,
        regionCode: p.region_code,
        provinceName: p.province_name,
        targetDate: p.target_date,
        regionsTotal: r.total,
        regionsClosed: r.closed,
        regionsLate: r.late,
        sitesTotal: sum('sites'),
        sitesClosed: sum('sites_closed'),
        workers: sum('workers'),
        othersAffected: sum('others_affected'),
        workersAtOpenSites: sum('workers_open'),
        progress: done ? ('done' as const) : r.late > 0 || pastTarget ? ('late' as const) : ('on_track' as const),
      };
    });
    const total = (k: 'regionsTotal' | 'regionsClosed' | 'sitesTotal' | 'sitesClosed' | 'workers' | 'othersAffected' | 'workersAtOpenSites') =>
      rows.reduce((n, r) => n + r[k], 0);
    return {
      programme: chosen ? programmeView({ ...chosen, level: 'national', region_code: null }) : null,
      nationalProgrammes: nationals.map((n) => ({ id: n.id, name: n.name, targetDate: n.target_date })),
      today,
      provinces: rows,
      totals: {
        provinces: rows.length,
        regionsTotal: total('regionsTotal'),
        regionsClosed: total('regionsClosed'),
        sitesTotal: total('sitesTotal'),
        sitesClosed: total('sitesClosed'),
        workers: total('workers'),
        othersAffected: total('othersAffected'),
        workersAtOpenSites: total('workersAtOpenSites'),
      },
      includesSites,
    };
  }

  async timeline(ctx: Context, id: number): Promise<Timeline> {
    authorize(ctx.actor, 'program.read');
    const p = await this.provincial(ctx, id);
    const scope = this.scope(ctx);
    const today = this.today();
    const includesSites = can(ctx.actor, 'site.read');
    const [regions, changes, sites] = await Promise.all([
      repo.regionsOf(this.db, id, scope),
      repo.statusChanges(this.db, id, scope),
      includesSites ? repo.sitesOf(this.db, id, scope) : Promise.resolve([]),
    ]);
    const milestones = await repo.milestonesOf(
      this.db,
      sites.map((s) => s.id),
    );
    const stageOrder = (stage: string) => SITE_STAGES.indexOf(stage as (typeof SITE_STAGES)[number]);

    const dates: string[] = [today];
    if (p.target_date) dates.push(p.target_date);
    const rows = regions.map((r) => {
      // The row starts "not started" when it joined the programme; each change opens the next segment.
      const own = changes.filter((c) => c.programme_region_id === r.id);
      const segments: Timeline['regions'][number]['segments'] = [];
      let status: RegionStatus = own[0]?.from_status ?? 'not_started';
      // It joined at created_at (the database's time) or at status_changed_at (the clock's, set when
      // added and moved by each change); the earliest of these and the first change is the start.
      let start = [r.created_at, r.status_changed_at, ...(own[0] ? [own[0].changed_at] : [])].map(wibDate).sort()[0]!;
      for (const c of own) {
        const at = wibDate(c.changed_at);
        segments.push({ status, start, end: at });
        status = c.to_status;
        start = at;
      }
      segments.push({ status, start, end: null });
      const lastClosed = [...own].reverse().find((c) => c.to_status === 'closed');
      const regionSites = sites
        .filter((s) => s.regency_code === r.region_code)
        .map((s) => ({
          id: s.id,
          code: s.code,
          name: s.name,
          status: s.status,
          closureDate: s.closure_date,
          milestones: milestones
            .filter((m) => m.site_id === s.id)
            .sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage))
            .map((m) => ({ stage: m.stage, plannedDate: m.planned_date, doneDate: m.done_date })),
        }));
      dates.push(...segments.map((s) => s.start));
      if (r.target_date) dates.push(r.target_date);
      for (const s of regionSites) {
        if (s.closureDate) dates.push(s.closureDate);
        for (const m of s.milestones) dates.push(...[m.plannedDate, m.doneDate].filter((d): d is string => d !== null));
      }
      return {
        id: r.id,
        regionCode: r.region_code,
        regionName: r.region_name,
        status: r.status,
        targetDate: r.target_date,
        closedOn: isClosedStatus(r.status) && lastClosed ? wibDate(lastClosed.changed_at) : null,
        segments,
        sites: includesSites ? regionSites : null,
      };
    });
    dates.sort();
    return { programme: programmeView(p), today, range: { start: dates[0]!, end: dates[dates.length - 1]! }, regions: rows };
  }
}
