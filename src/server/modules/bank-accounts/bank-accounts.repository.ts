// Queries of persons' bank accounts and of eligible persons without one.
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Visibility } from '../registry/persons.repository.ts';

function visibleTo(v: Visibility): ReturnType<typeof sql<SqlBool>> {
  if (!v) return sql<SqlBool>`false`;
  const scope = v.scope === 'all' ? sql<SqlBool>`true` : scopeFilter(v.scope, 'p.regency_code');
  return v.caseloadUserId === null ? scope : sql<SqlBool>`(${scope} and p.assigned_user_id = ${v.caseloadUserId})`;
}

function accounts(db: Executor) {
  return db
    .selectFrom('person_bank_account as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .selectAll('a')
    .select([
      'p.case_code',
      'p.regency_code',
      'p.assigned_user_id',
      sql<boolean>`exists (select 1 from person_bank_account o where o.account_match = a.account_match and o.person_id <> a.person_id and o.status = 'active')`.as(
        'shared_with_other',
      ),
    ]);
}
export type AccountRow = Awaited<ReturnType<ReturnType<typeof accounts>['executeTakeFirstOrThrow']>>;

export async function accountsOf(db: Executor, personId: number): Promise<AccountRow[]> {
  return accounts(db).where('a.person_id', '=', personId).orderBy('a.status').orderBy('a.id', 'desc').execute();
}

export async function findAccount(db: Executor, v: Visibility, id: number, forUpdate = false): Promise<AccountRow | undefined> {
  if (forUpdate) await db.selectFrom('person_bank_account').select('id').where('id', '=', id).forUpdate().execute();
  return accounts(db).where('a.id', '=', id).where(visibleTo(v)).executeTakeFirst();
}

export async function deactivateActive(db: Executor, personId: number): Promise<number> {
  const r = await db
    .updateTable('person_bank_account')
    .set({ status: 'inactive', deactivated_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()` })
    .where('person_id', '=', personId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function sharedAccountExists(db: Executor, match: Buffer, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom('person_bank_account')
    .select('id')
    .where('account_match', '=', match)
    .where('person_id', '<>', personId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Persons to help open an account: eligible in a programme (or with entitlements still
 * to pay), not merged or erased, with no active account; visible to the caller.
 */
export async function withoutAccount(db: Executor, v: Visibility, f: { programmeId?: number | undefined; regency?: string | undefined; limit: number; offset: number }) {
  const programme = f.programmeId ?? null;
  let q = db
    .selectFrom('person as p')
    .leftJoin('region as r', 'r.code', 'p.regency_code')
    .leftJoin('site as s', 's.id', 'p.site_id')
    .where(visibleTo(v))
    .where('p.merged_into_id', 'is', null)
    .where('p.erased_at', 'is', null)
    .where(sql<SqlBool>`not exists (select 1 from person_bank_account b where b.person_id = p.id and b.status = 'active')`)
    .where(
      sql<SqlBool>`(exists (select 1 from person_verification pv where pv.person_id = p.id and pv.decision = 'eligible' and (${programme}::bigint is null or pv.programme_id = ${programme}))
        or exists (select 1 from aid_entitlement e where e.person_id = p.id and e.status in ('due', 'failed') and (${programme}::bigint is null or e.programme_id = ${programme})))`,
    );
  if (f.regency) q = q.where('p.regency_code', '=', f.regency);
  const [rows, count] = await Promise.all([
    q
      .select([
        'p.id',
        'p.case_code',
        'p.alias',
        'p.regency_code',
        'r.name as regency_name',
        's.code as site_code',
        sql<number>`coalesce((select sum(e.amount) from aid_entitlement e where e.person_id = p.id and e.status in ('due', 'failed')), 0)::bigint`.as('unpaid'),
      ])
      .orderBy('p.case_code')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}
