// Budget queries: allocations with what is committed (payments approved or sent) and
// paid on each, the realisation per region and component, and the monthly spending.
// A regional allocation covers its province or regency/city (as payments' budget
// check reads it: apbd_province → the province, apbd_regency → the regency/city).
import { sql, type SqlBool } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { FundingSource } from '../../../common/aid.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor, Tx } from '../../platform/db/database.ts';

const inScopeSql = (scope: Scope | null, column: string) => (scope ? scopeFilter(scope, column) : sql<SqlBool>`true`);

/** Payment statuses that hold money: committed (approved, not yet paid) and paid. */
export const COMMITTED_STATUSES = ['approved', 'sent'] as const;

/** Regional allocations visible to a scope: within it, or above it (a province's budget to its regencies). */
function allocationVisible(scope: Scope | null) {
  if (!scope || scope.level === 'national') return sql<SqlBool>`true`;
  return sql<SqlBool>`(a.region_code is null or ${scopeFilter(scope, 'a.region_code')} or ${scope.code} like a.region_code || '.%')`;
}

/** Payments drawing on an allocation: same component and source, within its region. */
const drawsOn = sql<SqlBool>`y.component_id = a.component_id and y.funding_source = a.funding_source
  and (a.region_code is null or y.regency_code = a.region_code or y.regency_code like a.region_code || '.%')`;

function allocations(db: Executor) {
  return db
    .selectFrom('budget_allocation as a')
    .innerJoin('aid_component as c', 'c.id', 'a.component_id')
    .innerJoin('programme as p', 'p.id', 'a.programme_id')
    .leftJoin('region as r', 'r.code', 'a.region_code')
    .selectAll('a')
    .select([
      'c.code as component_code',
      'c.name as component_name',
      'p.name as programme_name',
      'r.name as region_name',
      sql<number>`(select coalesce(sum(y.amount), 0)::bigint from payment y where ${drawsOn} and y.status in ('approved', 'sent'))`.as('committed'),
      sql<number>`(select coalesce(sum(y.amount), 0)::bigint from payment y where ${drawsOn} and y.status = 'paid')`.as('paid'),
    ]);
}
export type AllocationRow = Awaited<ReturnType<ReturnType<typeof allocations>['executeTakeFirstOrThrow']>>;

export async function listAllocations(db: Executor, scope: Scope | null, f: { year?: number | undefined; programmeId?: number | undefined }) {
  let q = allocations(db).where(allocationVisible(scope));
  if (f.year) q = q.where('a.year', '=', f.year);
  if (f.programmeId) q = q.where('a.programme_id', '=', f.programmeId);
  return q.orderBy('a.year', 'desc').orderBy('c.sort_order').orderBy('a.funding_source').orderBy('a.region_code').execute();
}

export async function findAllocation(db: Executor, id: number, scope: Scope | null, forUpdate = false) {
  if (forUpdate) await db.selectFrom('budget_allocation').select('id').where('id', '=', id).forUpdate().execute();
  return allocations(db).where('a.id', '=', id).where(allocationVisible(scope)).executeTakeFirst();
}

/**
 * The headroom of the allocation an approval draws on, its row locked (select … for
 * update) until the caller's transaction ends: two approvals on the same money are
 * checked one after the other. null: no allocation (nothing may be spent).
 * Payments (modules/payments/budget-check.ts) check approvals the same way.
 */
export async function budgetHeadroom(tx: Tx, g: { componentId: number; fundingSource: FundingSource; regionCode: string | null }) {
  const locked = await tx
    .selectFrom('budget_allocation')
    .select('id')
    .where('component_id', '=', g.componentId)
    .where('funding_source', '=', g.fundingSource)
    .where(g.regionCode === null ? sql<SqlBool>`region_code is null` : sql<SqlBool>`region_code = ${g.regionCode}`)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) return null;
  const a = await allocations(tx).where('a.id', '=', locked.id).executeTakeFirstOrThrow();
  return { allocationId: a.id, amount: Number(a.amount), committed: Number(a.committed), paid: Number(a.paid), remaining: Number(a.amount) - Number(a.committed) - Number(a.paid) };
}

export async function realisationRows(db: Executor, scope: Scope | null, f: { year?: number | undefined; programmeId?: number | undefined }) {
  let q = db
    .selectFrom('aid_entitlement as e')
    .innerJoin('aid_scheme as s', 's.id', 'e.scheme_id')
    .innerJoin('aid_component as c', 'c.id', 'e.component_id')
    .leftJoin('region as r', 'r.code', 'e.regency_code')
    .where('e.status', '<>', 'cancelled')
    .where(inScopeSql(scope, 'e.regency_code'));
  if (f.year) q = q.where('s.year', '=', f.year);
  if (f.programmeId) q = q.where('e.programme_id', '=', f.programmeId);
  return q
    .select([
      'e.regency_code',
      'r.name as regency_name',
      'e.component_code',
      sql<string>`min(c.name)`.as('component_name'),
      'e.funding_source',
      sql<number>`count(distinct e.person_id)::int`.as('persons'),
      sql<number>`coalesce(sum(e.amount), 0)::bigint`.as('entitled'),
      sql<number>`coalesce(sum(e.amount) filter (where exists (select 1 from payment y where y.entitlement_id = e.id and y.status in ('approved', 'sent'))), 0)::bigint`.as('committed'),
      sql<number>`coalesce(sum(e.amount) filter (where e.status = 'paid'), 0)::bigint`.as('paid'),
    ])
    .groupBy(['e.regency_code', 'r.name', 'e.component_code', 'e.funding_source'])
    .orderBy('e.regency_code')
    .orderBy('e.component_code')
    .execute();
}

/** Paid per month in WIB (YYYY-MM), from the entitlements marked paid. */
export async function monthlyPaid(db: Executor, scope: Scope | null, f: { year?: number | undefined; programmeId?: number | undefined }) {
  let q = db
    .selectFrom('aid_entitlement as e')
    .innerJoin('aid_scheme as s', 's.id', 'e.scheme_id')
    .where('e.status', '=', 'paid')
    .where('e.paid_at', 'is not', null)
    .where(inScopeSql(scope, 'e.regency_code'));
  if (f.year) q = q.where('s.year', '=', f.year);
  if (f.programmeId) q = q.where('e.programme_id', '=', f.programmeId);
  const month = sql<string>`to_char(e.paid_at at time zone 'Asia/Jakarta', 'YYYY-MM')`;
  return q.select([month.as('month'), sql<number>`sum(e.amount)::bigint`.as('paid')]).groupBy(month).orderBy(month).execute();
}
