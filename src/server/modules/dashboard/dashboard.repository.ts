// Read-only queries of the dashboard, the national roll-up and the timeline.
// Every query filters by region scope in SQL (scope null: an operator, sees all).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { RegionStatus } from '../../../common/programmes.ts';
import type { SiteStage } from '../../../common/sites.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { overdueRecipient } from '../letters/letters.repository.ts';
import { meetingVisible } from '../meetings/meetings.repository.ts';
import { programmeVisible } from '../programmes/programmes.repository.ts';

function within(scope: Scope | null, column: string): RawBuilder<SqlBool> {
  return scope ? scopeFilter(scope, column) : sql<SqlBool>`true`;
}

const ids = (values: readonly number[]) => sql.join(values.map((v) => sql`${v}`));

// ------------------------------------------------------------ regions

export interface RegionRow {
  id: number;
  programme_id: number;
  region_code: string;
  region_name: string;
  target_date: string | null;
  status: RegionStatus;
  status_changed_at: Date;
  created_at: Date;
  readiness_pending: number;
}

/** The regencies/cities of a programme within the scope, with their unanswered readiness requests. */
export async function regionsOf(db: Executor, programmeId: number, scope: Scope | null): Promise<RegionRow[]> {
  return (await db
    .selectFrom('programme_region as pr')
    .innerJoin('region as r', 'r.code', 'pr.region_code')
    .select([
      'pr.id',
      'pr.programme_id',
      'pr.region_code',
      'r.name as region_name',
      'pr.target_date',
      'pr.status',
      'pr.status_changed_at',
      'pr.created_at',
      sql<number>`(select count(*) from readiness_request rr where rr.programme_region_id = pr.id and rr.answered_at is null)::int`.as('readiness_pending'),
    ])
    .where('pr.programme_id', '=', programmeId)
    .where(within(scope, 'pr.region_code'))
    .orderBy('pr.region_code')
    .execute()) as RegionRow[];
}

export interface RegionTotalsRow {
  programme_id: number;
  total: number;
  closed: number;
  late: number;
}

/** Per provincial programme: regencies/cities in scope, closed ones, and those past their target while not closed. */
export async function regionTotals(db: Executor, programmeIds: readonly number[], scope: Scope | null, today: string): Promise<RegionTotalsRow[]> {
  if (programmeIds.length === 0) return [];
  const { rows } = await sql<RegionTotalsRow>`
    select pr.programme_id,
           count(*)::int as total,
           (count(*) filter (where pr.status in ('closed', 'monitoring')))::int as closed,
           (count(*) filter (where pr.status not in ('closed', 'monitoring') and pr.target_date < ${today}::date))::int as late
      from programme_region pr
     where pr.programme_id in (${ids(programmeIds)}) and ${within(scope, 'pr.region_code')}
     group by pr.programme_id`.execute(db);
  return rows;
}

// ------------------------------------------------------------ sites

export interface SiteFiguresRow {
  programme_id: number;
  regency_code: string;
  sites: number;
  sites_closed: number;
  workers: number;
  others_affected: number;
  workers_open: number;
  latest_counted_on: string | null;
}

/**
 * Per programme and regency/city: sites, closed sites, and the sums of each
 * site's latest head count (all sites, and the sites not closed).
 */
export async function siteFigures(db: Executor, programmeIds: readonly number[], scope: Scope | null): Promise<SiteFiguresRow[]> {
  if (programmeIds.length === 0) return [];
  const { rows } = await sql<SiteFiguresRow>`
    select pr.programme_id, s.regency_code,
           count(*)::int as sites,
           (count(*) filter (where s.status = 'closed'))::int as sites_closed,
           coalesce(sum(h.workers), 0)::int as workers,
           coalesce(sum(h.others_affected), 0)::int as others_affected,
           coalesce(sum(h.workers) filter (where s.status <> 'closed'), 0)::int as workers_open,
           max(h.counted_on) as latest_counted_on
      from site s
      join programme_region pr on pr.region_code = s.regency_code
      left join lateral (
        select hc.counted_on, hc.workers, hc.others_affected from site_head_count hc
         where hc.site_id = s.id order by hc.counted_on desc, hc.id desc limit 1
      ) h on true
     where pr.programme_id in (${ids(programmeIds)}) and ${within(scope, 's.regency_code')}
     group by pr.programme_id, s.regency_code
     order by s.regency_code`.execute(db);
  return rows;
}

export function reopenedSites(db: Executor, programmeId: number, scope: Scope | null) {
  return db
    .selectFrom('site as s')
    .innerJoin('programme_region as pr', 'pr.region_code', 's.regency_code')
    .select(['s.id', 's.code', 's.name', 's.regency_code'])
    .where('pr.programme_id', '=', programmeId)
    .where('s.status', '=', 'reopened')
    .where(within(scope, 's.regency_code'))
    .orderBy('s.code')
    .execute();
}

export function sitesOf(db: Executor, programmeId: number, scope: Scope | null) {
  return db
    .selectFrom('site as s')
    .innerJoin('programme_region as pr', 'pr.region_code', 's.regency_code')
    .select(['s.id', 's.code', 's.name', 's.regency_code', 's.status', 's.closure_date'])
    .where('pr.programme_id', '=', programmeId)
    .where(within(scope, 's.regency_code'))
    .orderBy('s.code')
    .execute();
}

export async function milestonesOf(db: Executor, siteIds: readonly number[]) {
  if (siteIds.length === 0) return [];
  return db
    .selectFrom('site_milestone')
    .select(['site_id', 'stage', 'planned_date', 'done_date'])
    .where('site_id', 'in', siteIds)
    .where((eb) => eb.or([eb('planned_date', 'is not', null), eb('done_date', 'is not', null)]))
    .execute() as Promise<{ site_id: number; stage: SiteStage; planned_date: string | null; done_date: string | null }[]>;
}

// ------------------------------------------------------------ status history

export function statusChanges(db: Executor, programmeId: number, scope: Scope | null) {
  return db
    .selectFrom('programme_region_status_change as c')
    .innerJoin('programme_region as pr', 'pr.id', 'c.programme_region_id')
    .select(['c.programme_region_id', 'c.from_status', 'c.to_status', 'c.changed_at'])
    .where('pr.programme_id', '=', programmeId)
    .where(within(scope, 'pr.region_code'))
    .orderBy('c.changed_at')
    .orderBy('c.id')
    .execute();
}

// ------------------------------------------------------------ action items (modules/meetings)

/**
 * Open or in-progress items due before today (WIB) of meetings that concern the
 * programme (linked to it, or held in or about its province) and that the caller
 * may see by the meetings module's rule (meetingVisible: the meeting's own or a
 * linked region lies in scope).
 */
function overdueItems(programmeId: number, province: string, scope: Scope | null, today: string) {
  return sql<SqlBool>`a.status in ('open', 'in_progress') and a.due_date < ${today}::date
    and (m.programme_id = ${programmeId} or ${meetingVisible({ level: 'province', code: province })})
    and ${meetingVisible(scope)}`;
}

export interface OverdueItemRow {
  id: number;
  meeting_id: number;
  title: string;
  due_date: string;
  status: 'open' | 'in_progress';
  region_code: string;
  owner_name: string | null;
}

export async function overdueActionItems(db: Executor, programmeId: number, province: string, scope: Scope | null, today: string, limit: number) {
  const where = overdueItems(programmeId, province, scope, today);
  const [count, top] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from action_item a join meeting m on m.id = a.meeting_id where ${where}`.execute(db),
    sql<OverdueItemRow>`
      select a.id, a.meeting_id, a.title, a.due_date, a.status, a.region_code, coalesce(a.owner_institution, u.display_name) as owner_name
        from action_item a
        join meeting m on m.id = a.meeting_id
        left join app_user u on u.id = a.owner_user_id
       where ${where}
       order by a.due_date, a.id
       limit ${limit}`.execute(db),
  ]);
  return { total: count.rows[0]?.n ?? 0, rows: top.rows };
}

// ------------------------------------------------------------ letters

/**
 * Recipients of the programme's issued letters who were sent the letter and have
 * not answered: all of them, and those overdue (the letters module's rule). A
 * recipient counts when the letter's unit or the recipient's region is in scope.
 */
export async function letterFigures(db: Executor, programmeId: number, scope: Scope | null, cutoff: string) {
  const { rows } = await sql<{ letters: number; awaiting: number; overdue: number }>`
    select count(distinct l.id)::int as letters,
           count(r.id)::int as awaiting,
           (count(r.id) filter (where ${overdueRecipient(cutoff)}))::int as overdue
      from letter_recipient r
      join letter l on l.id = r.letter_id
      join letter_unit u on u.id = l.unit_id
     where l.programme_id = ${programmeId} and l.status = 'issued'
       and r.sent_on is not null and r.response_on is null
       and (${within(scope, 'u.region_code')} or ${within(scope, 'r.region_code')})`.execute(db);
  return rows[0] ?? { letters: 0, awaiting: 0, overdue: 0 };
}

// ------------------------------------------------------------ national roll-up

export function nationalProgrammes(db: Executor) {
  return db
    .selectFrom('programme')
    .select(['id', 'name', 'owner', 'target_date', 'created_at'])
    .where('level', '=', 'national')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The provincial programmes under a national one that the scope may see. */
export function provincialProgrammes(db: Executor, parentId: number, scope: Scope | null) {
  return db
    .selectFrom('programme as p')
    .innerJoin('region as r', 'r.code', 'p.region_code')
    .select(['p.id', 'p.name', 'p.region_code', 'r.name as province_name', 'p.target_date'])
    .where('p.parent_id', '=', parentId)
    .where('p.level', '=', 'province')
    .where(programmeVisible(scope))
    .orderBy('p.region_code')
    .orderBy('p.id')
    .execute() as Promise<{ id: number; name: string; region_code: string; province_name: string; target_date: string | null }[]>;
}
