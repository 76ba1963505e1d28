// Follow-up queries. Visibility (region scope, a case worker's caseload) is part of the SQL.
import { sql, type Expression, type SqlBool } from 'kysely';
import { DEFAULT_FOLLOW_UP_OFFSETS } from '../../../common/follow-ups.ts';
import type { Executor } from '../../platform/db/database.ts';

function visits(db: Executor) {
  return db
    .selectFrom('follow_up as f')
    .innerJoin('rehab_case as c', 'c.id', 'f.case_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .selectAll('f')
    .select(['p.case_code', 'c.assigned_user_id', 'c.programme_id', 'c.status as case_status']);
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof visits>['executeTakeFirstOrThrow']>>;

export function visitsOfCase(db: Executor, caseId: number): Promise<VisitRow[]> {
  return visits(db).where('f.case_id', '=', caseId).orderBy('f.due_date').orderBy('f.id').execute();
}

export function findVisit(db: Executor, id: number): Promise<VisitRow | undefined> {
  return visits(db).where('f.id', '=', id).executeTakeFirst();
}

export async function lockVisit(db: Executor, id: number): Promise<void> {
  await db.selectFrom('follow_up').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Scheduled visits due on or before `until` of the cases assigned to `userId` (within `visible`). */
export function dueVisitsOf(db: Executor, visible: Expression<SqlBool>, userId: number, until: string): Promise<VisitRow[]> {
  return visits(db)
    .where(visible)
    .where('c.assigned_user_id', '=', userId)
    .where('f.status', '=', 'scheduled')
    .where('f.due_date', '<=', until)
    .orderBy('f.due_date')
    .orderBy('f.id')
    .execute();
}

/** Every scheduled visit due on or before `until` of an assigned case: the daily digest's input. */
export function dueVisitsByWorker(db: Executor, until: string) {
  return db
    .selectFrom('follow_up as f')
    .innerJoin('rehab_case as c', 'c.id', 'f.case_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .innerJoin('app_user as u', 'u.id', 'c.assigned_user_id')
    .select(['c.assigned_user_id as user_id', 'p.case_code', 'f.due_date'])
    .where('f.status', '=', 'scheduled')
    .where('f.due_date', '<=', until)
    .where('u.status', '=', 'active')
    .orderBy('c.assigned_user_id')
    .orderBy('f.due_date')
    .execute();
}

/** The visit offsets of a programme (its own schedule, or the default). */
export async function offsetsOf(db: Executor, programmeId: number): Promise<{ offsets: number[]; isDefault: boolean }> {
  const row = await db.selectFrom('follow_up_schedule').select('offsets_months').where('programme_id', '=', programmeId).executeTakeFirst();
  return row ? { offsets: [...row.offsets_months].sort((a, b) => a - b), isDefault: false } : { offsets: [...DEFAULT_FOLLOW_UP_OFFSETS], isDefault: true };
}

/** The cohort (see follow-ups-report.service.ts): one row per case with its anchor and its done visits. */
export function cohortVisits(db: Executor, visible: Expression<SqlBool>, f: { programmeId?: number | undefined; regionCode?: string | undefined; from: string; to: string }) {
  // A case's anchor: the earliest anchor among its live visits (closure or arrival, whichever came first).
  let anchors = db
    .selectFrom('follow_up as f')
    .innerJoin('rehab_case as c', 'c.id', 'f.case_id')
    .select(['f.case_id', sql<string>`min(f.anchor_date)::text`.as('anchor_date')])
    .where('f.status', '<>', 'cancelled')
    .where(visible)
    .groupBy('f.case_id');
  if (f.programmeId !== undefined) anchors = anchors.where('c.programme_id', '=', f.programmeId);
  if (f.regionCode !== undefined) anchors = anchors.where((eb) => eb.or([eb('c.regency_code', '=', f.regionCode!), eb('c.regency_code', 'like', `${f.regionCode!}.%`)]));
  return db
    .with('a', () => anchors)
    .selectFrom('a')
    .leftJoin('follow_up as v', (j) => j.onRef('v.case_id', '=', 'a.case_id').on('v.status', '=', 'done'))
    .select(['a.case_id', 'a.anchor_date', 'v.visited_on', 'v.outcome', 'v.id as visit_id'])
    .where('a.anchor_date', '>=', f.from)
    .where('a.anchor_date', '<=', f.to)
    .orderBy('a.case_id')
    .execute();
}
