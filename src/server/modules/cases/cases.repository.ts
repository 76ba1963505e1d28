// Case queries. Visibility (region scope, and a case worker's caseload) is part of the SQL.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { CandidateQuery, CaseListQuery } from '../../../common/cases.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/like.ts';
import type { CaseReach } from './cases.policy.ts';

/** SQL: the case (alias `c`) lies within a reach of the actor. */
export function caseVisible(actor: AnyActor, reach: CaseReach, alias = 'c'): Expression<SqlBool> {
  if (reach === 'none') return sql<SqlBool>`false`;
  if (actor.kind === 'system') return sql<SqlBool>`true`;
  const scope = scopeFilter(actor.scope, `${alias}.regency_code`);
  return reach === 'scope' ? scope : sql<SqlBool>`(${scope} and ${sql.ref(`${alias}.assigned_user_id`)} = ${actor.userId})`;
}

/** WIB calendar date of now, for overdue tasks (a task due today is not overdue). */
export const todayWib = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

function cases(db: Executor, today: string) {
  return db
    .selectFrom('rehab_case as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .innerJoin('programme as g', 'g.id', 'c.programme_id')
    .leftJoin('app_user as w', 'w.id', 'c.assigned_user_id')
    .leftJoin('app_user as s', 's.id', 'c.supervisor_user_id')
    .leftJoin('app_user as rq', 'rq.id', 'c.closure_requested_by')
    .select([
      'c.id',
      'c.person_id',
      'c.programme_id',
      'c.regency_code',
      'c.status',
      'c.assigned_user_id',
      'c.supervisor_user_id',
      'c.opened_at',
      'c.closed_at',
      'c.closure_reason',
      'c.closure_requested_by',
      'c.closure_requested_at',
      'c.version',
      'p.case_code',
      'p.alias',
      'g.name as programme_name',
      'w.display_name as worker_name',
      's.display_name as supervisor_name',
      'rq.display_name as requested_by_name',
    ])
    .select([
      sql<number>`(select count(*) from case_task t where t.case_id = c.id and t.done_at is null)::int`.as('open_tasks'),
      sql<number>`(select count(*) from case_task t where t.case_id = c.id and t.done_at is null and t.due_date < ${today}::date)::int`.as('overdue_tasks'),
    ]);
}
export type CaseRow = Awaited<ReturnType<ReturnType<typeof cases>['executeTakeFirstOrThrow']>>;

export async function findCase(db: Executor, id: number, today: string): Promise<CaseRow | undefined> {
  return cases(db, today).where('c.id', '=', id).executeTakeFirst();
}

export async function lockCase(db: Executor, id: number): Promise<void> {
  await db.selectFrom('rehab_case').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listCases(
  db: Executor,
  visible: Expression<SqlBool>,
  f: CaseListQuery,
  me: number | null,
  today: string,
): Promise<{ rows: CaseRow[]; total: number }> {
  let q = cases(db, today).where(visible);
  if (f.status === 'open') q = q.where('c.status', '<>', 'closed');
  else if (f.status) q = q.where('c.status', '=', f.status);
  if (f.programmeId) q = q.where('c.programme_id', '=', f.programmeId);
  if (f.workerId) q = q.where('c.assigned_user_id', '=', f.workerId);
  if (f.regency) q = q.where('c.regency_code', '=', f.regency);
  if (f.mine) q = me === null ? q.where(sql<SqlBool>`false`) : q.where((eb) => eb.or([eb('c.assigned_user_id', '=', me), eb('c.supervisor_user_id', '=', me)]));
  if (f.overdue) q = q.where(sql<SqlBool>`exists (select 1 from case_task t where t.case_id = c.id and t.done_at is null and t.due_date < ${today}::date)`);
  if (f.q) q = q.where((eb) => eb.or([eb('p.case_code', 'ilike', `%${escapeLike(f.q!)}%`), eb('p.alias', 'ilike', `%${escapeLike(f.q!)}%`)]));
  const [rows, count] = await Promise.all([
    q.orderBy('c.opened_at', 'desc').orderBy('c.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Persons (alias `p`, visible by `visible`) decided eligible in a programme with no case in it yet. */
export async function eligibleWithoutCase(db: Executor, visible: Expression<SqlBool>, f: CandidateQuery) {
  let q = db
    .selectFrom('person_verification as v')
    .innerJoin('person as p', 'p.id', 'v.person_id')
    .innerJoin('programme as g', 'g.id', 'v.programme_id')
    .select(['p.id as person_id', 'p.case_code', 'p.alias', 'p.regency_code', 'g.id as programme_id', 'g.name as programme_name', 'v.decided_at'])
    .where('v.decision', '=', 'eligible')
    .where('p.merged_into_id', 'is', null)
    .where('p.erased_at', 'is', null)
    .where(visible)
    .where(sql<SqlBool>`not exists (select 1 from rehab_case c where c.person_id = p.id and c.programme_id = v.programme_id)`);
  if (f.programmeId) q = q.where('v.programme_id', '=', f.programmeId);
  if (f.regency) q = q.where('p.regency_code', '=', f.regency);
  if (f.q) q = q.where((eb) => eb.or([eb('p.case_code', 'ilike', `%${escapeLike(f.q!)}%`), eb('p.alias', 'ilike', `%${escapeLike(f.q!)}%`)]));
  const [rows, count] = await Promise.all([
    q.orderBy('p.case_code').orderBy('g.id').limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function assignmentsOf(db: Executor, caseId: number) {
  return db
    .selectFrom('rehab_case_assignment as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('app_user as b', 'b.id', 'a.assigned_by')
    .select(['a.role', 'a.user_id', 'u.display_name as user_name', 'a.reason', 'b.username as assigned_by', 'a.assigned_at'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.id', 'desc')
    .execute();
}

export async function eventsOf(db: Executor, caseId: number) {
  return db
    .selectFrom('rehab_case_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.kind', 'e.from_status', 'e.to_status', 'e.reason', 'u.username as actor', 'e.at'])
    .where('e.case_id', '=', caseId)
    .orderBy('e.id', 'desc')
    .execute();
}

export async function insertEvent(
  db: Executor,
  e: { case_id: number; kind: string; from_status?: string | null; to_status?: string | null; reason?: string; actor_id: number | null; at: Date },
): Promise<void> {
  await db.insertInto('rehab_case_event').values(e).execute();
}

/** Does the user hold a role granting this permission (active, scope covering the regency)? */
export async function userMayHold(db: Executor, userId: number, permission: string, regencyCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user as u')
    .innerJoin('user_role as ur', 'ur.user_id', 'u.id')
    .innerJoin('role as r', 'r.key', 'ur.role_key')
    .select('u.id')
    .where('u.id', '=', userId)
    .where('u.status', '=', 'active')
    .where(sql<SqlBool>`${permission} = any (r.permissions)`)
    .where((eb) => eb.or([eb('u.scope_level', '=', 'national'), eb('u.scope_code', 'in', [regencyCode, regencyCode.slice(0, 2)])]))
    .executeTakeFirst();
  return Boolean(row);
}

/** Active users holding a permission whose scope covers a regency, by name. */
export async function usersHolding(db: Executor, permission: string, regencyCode: string): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as ur', 'ur.user_id', 'u.id')
    .innerJoin('role as r', 'r.key', 'ur.role_key')
    .select(['u.id', 'u.display_name as name'])
    .distinct()
    .where('u.status', '=', 'active')
    .where(sql<SqlBool>`${permission} = any (r.permissions)`)
    .where((eb) => eb.or([eb('u.scope_level', '=', 'national'), eb('u.scope_code', 'in', [regencyCode, regencyCode.slice(0, 2)])]))
    .orderBy('u.display_name')
    .execute();
}

/**
 * person.assigned_user_id follows the case worker of the person's most recently
 * assigned open case; with no open case assigned, it is left as it was (the last
 * worker keeps the reach needed for follow-up after closure).
 */
export async function syncPersonAssignment(db: Executor, personId: number): Promise<void> {
  const latest = await db
    .selectFrom('rehab_case as c')
    .select(['c.assigned_user_id'])
    .where('c.person_id', '=', personId)
    .where('c.status', '<>', 'closed')
    .where('c.assigned_user_id', 'is not', null)
    .orderBy(sql`(select max(a.id) from rehab_case_assignment a where a.case_id = c.id and a.role = 'case_worker') desc nulls last`)
    .orderBy('c.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return;
  await db
    .updateTable('person')
    .set({ assigned_user_id: latest.assigned_user_id, updated_at: sql<Date>`now()` })
    .where('id', '=', personId)
    .where((eb) => eb.or([eb('assigned_user_id', 'is', null), eb('assigned_user_id', '<>', latest.assigned_user_id)]))
    .execute();
}
