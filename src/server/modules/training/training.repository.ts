// Training queries. Enrolment visibility (the case's scope and caseload) is SQL via
// the cases module's caseVisible; course and run visibility via regionsOverlap.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { AnyActor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';

/** SQL: a region column and the actor's scope overlap (one lies within the other); null column = national. */
export function regionsOverlap(actor: AnyActor, column: string, nullMatches: boolean): Expression<SqlBool> {
  const col = sql.ref(column);
  if (actor.kind === 'system' || actor.scope?.level === 'national') return sql<SqlBool>`true`;
  if (!actor.scope) return sql<SqlBool>`false`;
  const code = actor.scope.code;
  const overlap = sql<SqlBool>`(${col} = ${code} or ${col} like ${`${code}.%`} or ${code} like ${col} || '.%')`;
  return nullMatches ? sql<SqlBool>`(${col} is null or ${overlap})` : overlap;
}

export function courses(db: Executor) {
  return db
    .selectFrom('training_course as co')
    .leftJoin('region as rg', 'rg.code', 'co.region_code')
    .selectAll('co')
    .select('rg.name as region_name');
}
export type CourseRow = Awaited<ReturnType<ReturnType<typeof courses>['executeTakeFirstOrThrow']>>;

export function runs(db: Executor) {
  return db
    .selectFrom('training_run as r')
    .innerJoin('training_course as co', 'co.id', 'r.course_id')
    .leftJoin('region as rg', 'rg.code', 'r.region_code')
    .selectAll('r')
    .select(['co.name_id as course_name_id', 'co.name_en as course_name_en', 'co.min_attendance_pct', 'co.active as course_active', 'rg.name as region_name'])
    .select([
      sql<number>`(select count(*) from training_meeting m where m.run_id = r.id)::int`.as('meeting_count'),
      sql<number>`(select count(*) from training_enrolment e where e.run_id = r.id and e.status = 'enrolled')::int`.as('enrolled_count'),
    ]);
}
export type RunRow = Awaited<ReturnType<ReturnType<typeof runs>['executeTakeFirstOrThrow']>>;

export function meetings(db: Executor, runId: number) {
  return db
    .selectFrom('training_meeting as m')
    .selectAll('m')
    .select(sql<number>`(select count(*) from training_attendance a where a.meeting_id = m.id)::int`.as('recorded'))
    .where('m.run_id', '=', runId)
    .orderBy('m.meeting_date');
}
export type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetings>['executeTakeFirstOrThrow']>>;

const count = (status: string) =>
  sql<number>`(select count(*) from training_attendance a where a.enrolment_id = e.id and a.status = ${status})::int`;

/** Enrolments with their run, course, case (alias c) and person (for the reveal reach), and attendance counts. */
export function enrolments(db: Executor) {
  return db
    .selectFrom('training_enrolment as e')
    .innerJoin('training_run as r', 'r.id', 'e.run_id')
    .innerJoin('training_course as co', 'co.id', 'r.course_id')
    .innerJoin('rehab_case as c', 'c.id', 'e.case_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .selectAll('e')
    .select([
      'r.title as run_title',
      'r.starts_on',
      'r.ends_on',
      'r.region_code as run_region_code',
      'co.name_id as course_name_id',
      'co.name_en as course_name_en',
      'co.min_attendance_pct',
      'c.assigned_user_id',
      'c.status as case_status',
      'p.case_code',
      'p.regency_code as person_regency_code',
      'p.assigned_user_id as person_assigned_user_id',
    ])
    .select([
      count('present').as('present'),
      count('excused').as('excused'),
      count('absent').as('absent'),
      sql<number>`(select count(*) from training_meeting m where m.run_id = e.run_id)::int`.as('meeting_count'),
    ]);
}
export type EnrolmentRow = Awaited<ReturnType<ReturnType<typeof enrolments>['executeTakeFirstOrThrow']>>;

export async function lockRow(db: Executor, table: 'training_course' | 'training_run' | 'training_enrolment', id: number): Promise<void> {
  await db.selectFrom(table).select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function regionLevel(db: Executor, code: string): Promise<string | undefined> {
  return (await db.selectFrom('region').select('level').where('code', '=', code).executeTakeFirst())?.level;
}
