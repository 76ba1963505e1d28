// Queries of payment batches, payments and mismatches. Region filters are SQL.
import { sql } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { BatchStatus } from '../../../common/payments.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor, Tx } from '../../platform/db/database.ts';

/** Entitlement statuses a batch takes from: due, and failed (to be paid again once the account is fixed). */
export const PAYABLE = ['due', 'failed'] as const;

export interface EntitlementFilter {
  programmeId: number;
  schemeId?: number | undefined;
  componentId?: number | undefined;
  /** Entitlements whose regency lies within this region (null: everywhere). */
  region: string | null;
}

const within = (column: string, region: string | null) => (region ? sql<boolean>`(${sql.ref(column)} = ${region} or ${sql.ref(column)} like ${`${region}.%`})` : sql<boolean>`true`);

/** Payable entitlements matching the filter, with the person's case code and usable account (if any). */
export function payableEntitlements(db: Executor, f: EntitlementFilter) {
  let q = db
    .selectFrom('aid_entitlement as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .innerJoin('aid_scheme as s', 's.id', 'e.scheme_id')
    .leftJoin('person_bank_account as a', (j) => j.onRef('a.person_id', '=', 'e.person_id').on('a.status', '=', 'active'))
    .select([
      'e.id',
      'e.person_id',
      'e.regency_code',
      'e.component_id',
      'e.component_code',
      'e.funding_source',
      'e.amount',
      'e.review_required',
      'e.reviewed_at',
      'p.case_code',
      's.year',
      'a.id as account_id',
      'a.bank_code',
      'a.review_status',
    ])
    .where('e.programme_id', '=', f.programmeId)
    .where('e.status', 'in', PAYABLE)
    .where(within('e.regency_code', f.region))
    .orderBy('e.regency_code')
    .orderBy('p.case_code')
    .orderBy('e.id');
  if (f.schemeId) q = q.where('e.scheme_id', '=', f.schemeId);
  if (f.componentId) q = q.where('e.component_id', '=', f.componentId);
  return q;
}

/** PB-2026-000001: the next number of the year; the counter row stays locked until commit (no gaps, no twins). */
export async function nextBatchReference(tx: Tx, year: number): Promise<string> {
  const row = await tx
    .insertInto('payment_batch_counter')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`payment_batch_counter.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `PB-${year}-${String(row.last).padStart(6, '0')}`;
}

export function batchQuery(db: Executor) {
  return db
    .selectFrom('payment_batch as b')
    .leftJoin('app_user as pu', 'pu.id', 'b.prepared_by')
    .leftJoin('app_user as au', 'au.id', 'b.approved_by')
    .selectAll('b')
    .select(['pu.display_name as prepared_by_name', 'au.display_name as approved_by_name'])
    .select((eb) => [
      eb
        .selectFrom('payment_mismatch as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.batch_id', '=', 'b.id')
        .where('m.status', '=', 'open')
        .as('open_mismatches'),
    ]);
}
export type BatchRow = Awaited<ReturnType<ReturnType<typeof batchQuery>['executeTakeFirstOrThrow']>>;

/** Batches whose region lies within the scope (a national batch only for national scopes). */
export function batchScope(scope: Scope | null | undefined) {
  return sql<boolean>`(${scope?.level === 'national' ? sql`true` : sql`false`} or (b.region_code is not null and ${scopeFilter(scope, 'b.region_code')}))`;
}

export async function listBatches(db: Executor, scope: Scope | null | undefined, q: { status?: BatchStatus | undefined; programmeId?: number | undefined; limit: number; offset: number }) {
  let base = db.selectFrom('payment_batch as b').where(batchScope(scope));
  if (q.status) base = base.where('b.status', '=', q.status);
  if (q.programmeId) base = base.where('b.programme_id', '=', q.programmeId);
  const total = Number((await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);
  let rows = batchQuery(db).where(batchScope(scope));
  if (q.status) rows = rows.where('b.status', '=', q.status);
  if (q.programmeId) rows = rows.where('b.programme_id', '=', q.programmeId);
  return { rows: await rows.orderBy('b.id', 'desc').limit(q.limit).offset(q.offset).execute(), total };
}

export async function statusCounts(db: Executor, batchIds: number[]): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  if (batchIds.length === 0) return out;
  const rows = await db
    .selectFrom('payment')
    .select(['batch_id', 'status', sql<number>`count(*)::int`.as('n')])
    .where('batch_id', 'in', batchIds)
    .groupBy(['batch_id', 'status'])
    .execute();
  for (const r of rows) {
    const counts = out.get(r.batch_id) ?? {};
    counts[r.status] = Number(r.n);
    out.set(r.batch_id, counts);
  }
  return out;
}

export function paymentQuery(db: Executor) {
  return db
    .selectFrom('payment as y')
    .innerJoin('payment_batch as b', 'b.id', 'y.batch_id')
    .innerJoin('person as p', 'p.id', 'y.person_id')
    .innerJoin('aid_component as c', 'c.id', 'y.component_id')
    .selectAll('y')
    .select(['b.reference as batch_reference', 'b.region_code as batch_region', 'p.case_code', 'p.assigned_user_id', 'c.code as component_code', 'c.name as component_name']);
}
export type PaymentRow = Awaited<ReturnType<ReturnType<typeof paymentQuery>['executeTakeFirstOrThrow']>>;
