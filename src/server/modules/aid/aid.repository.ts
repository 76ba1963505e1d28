// Queries of aid schemes, components and entitlements. Region scope is part of the SQL.
import { sql, type SqlBool } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { ComponentInput, EntitlementListQuery, EntitlementStatus, FundingSource } from '../../../common/aid.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { programmeVisible } from '../programmes/programmes.repository.ts';

/** null: the command line (everything). */
const inScopeSql = (scope: Scope | null, column: string) => (scope ? scopeFilter(scope, column) : sql<SqlBool>`true`);
const money = (expr: ReturnType<typeof sql>) => sql<number>`coalesce(${expr}, 0)::bigint`;

// ---- schemes ----

function schemes(db: Executor) {
  return db
    .selectFrom('aid_scheme as s')
    .innerJoin('programme as p', 'p.id', 's.programme_id')
    .select([
      's.id',
      's.programme_id',
      'p.name as programme_name',
      'p.region_code as programme_region',
      's.year',
      's.name',
      's.note',
      's.status',
      's.version',
      's.created_at',
      sql<number>`(select count(*) from aid_entitlement e where e.scheme_id = s.id)::int`.as('entitlement_count'),
    ]);
}
export type SchemeRow = Awaited<ReturnType<ReturnType<typeof schemes>['executeTakeFirstOrThrow']>>;

export async function listSchemes(db: Executor, scope: Scope | null, f: { programmeId?: number | undefined; year?: number | undefined }): Promise<SchemeRow[]> {
  let q = schemes(db).where(programmeVisible(scope));
  if (f.programmeId) q = q.where('s.programme_id', '=', f.programmeId);
  if (f.year) q = q.where('s.year', '=', f.year);
  return q.orderBy('s.year', 'desc').orderBy('s.id').execute();
}

export async function findScheme(db: Executor, id: number, scope: Scope | null, forUpdate = false): Promise<SchemeRow | undefined> {
  // The row lock is taken on its own (the view's count cannot be selected FOR UPDATE).
  if (forUpdate) await db.selectFrom('aid_scheme').select('id').where('id', '=', id).forUpdate().execute();
  return schemes(db).where('s.id', '=', id).where(programmeVisible(scope)).executeTakeFirst();
}

export async function componentsOf(db: Executor, schemeIds: number[]) {
  if (schemeIds.length === 0) return [];
  return db.selectFrom('aid_component').selectAll().where('scheme_id', 'in', schemeIds).orderBy('sort_order').orderBy('id').execute();
}

export async function schemeNameTaken(db: Executor, programmeId: number, year: number, name: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('aid_scheme').select('id').where('programme_id', '=', programmeId).where('year', '=', year).where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertScheme(db: Executor, s: { programmeId: number; year: number; name: string; note: string; createdBy: number | null }): Promise<number> {
  const row = await db
    .insertInto('aid_scheme')
    .values({ programme_id: s.programmeId, year: s.year, name: s.name, note: s.note, created_by: s.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Components matched by code: new ones inserted, listed ones updated, missing ones made inactive. */
export async function saveComponents(db: Executor, schemeId: number, components: ComponentInput[]): Promise<void> {
  const existing = await db.selectFrom('aid_component').select(['id', 'code']).where('scheme_id', '=', schemeId).execute();
  const byCode = new Map(existing.map((c) => [c.code, c.id]));
  for (const c of components) {
    const values = { name: c.name, amount: c.amount, funding_source: c.fundingSource, sort_order: c.sortOrder, active: c.active };
    const id = byCode.get(c.code);
    if (id) await db.updateTable('aid_component').set({ ...values, updated_at: sql`now()` }).where('id', '=', id).execute();
    else await db.insertInto('aid_component').values({ scheme_id: schemeId, code: c.code, ...values }).execute();
  }
  const listed = new Set(components.map((c) => c.code));
  const dropped = existing.filter((c) => !listed.has(c.code)).map((c) => c.id);
  if (dropped.length > 0) await db.updateTable('aid_component').set({ active: false, updated_at: sql`now()` }).where('id', 'in', dropped).execute();
}

export async function updateScheme(db: Executor, id: number, version: number, s: { name: string; note: string; status: 'active' | 'closed' }): Promise<boolean> {
  const r = await db
    .updateTable('aid_scheme')
    .set({ name: s.name, note: s.note, status: s.status, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- generation ----

export interface Candidate {
  person_id: number;
  regency_code: string;
  nik_match: Buffer | null;
  component_id: number;
  code: string;
  amount: number;
  funding_source: FundingSource;
}

/**
 * Eligible persons of the programme within the scope × the scheme's active components,
 * oldest record first (so of two unmerged records of one NIK, the older is entitled).
 * Merged, erased and restricted persons are left out.
 */
export async function generationCandidates(db: Executor, schemeId: number, programmeId: number, scope: Scope | null): Promise<Candidate[]> {
  return db
    .selectFrom('person_verification as v')
    .innerJoin('person as p', 'p.id', 'v.person_id')
    .innerJoin('aid_component as c', (j) => j.on('c.scheme_id', '=', schemeId).on('c.active', '=', true))
    .select(['p.id as person_id', 'p.regency_code', 'p.nik_match', 'c.id as component_id', 'c.code', 'c.amount', 'c.funding_source'])
    .where('v.programme_id', '=', programmeId)
    .where('v.decision', '=', 'eligible')
    .where('p.merged_into_id', 'is', null)
    .where('p.erased_at', 'is', null)
    .where('p.processing_restricted', '=', false)
    .where(inScopeSql(scope, 'p.regency_code'))
    .orderBy('p.id')
    .orderBy('c.sort_order')
    .orderBy('c.id')
    .execute();
}

/** Benefits of the programme already held: by person and by NIK match token (registry-wide). */
export async function heldBenefits(db: Executor, programmeId: number, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('aid_entitlement')
    .select(['person_id', 'nik_match', 'component_code'])
    .where('programme_id', '=', programmeId)
    .where('component_code', 'in', codes)
    .execute();
}

export interface NewEntitlement {
  person_id: number;
  programme_id: number;
  scheme_id: number;
  component_id: number;
  component_code: string;
  amount: number;
  funding_source: FundingSource;
  regency_code: string;
  nik_match: Buffer | null;
  review_required: boolean;
  review_reason: 'no_nik' | null;
  created_by: number | null;
}

/** Inserts what no unique index refuses (a concurrent run may have taken some); returns the ids made. */
export async function insertEntitlements(db: Executor, rows: NewEntitlement[]): Promise<{ id: number; review_required: boolean }[]> {
  const made: { id: number; review_required: boolean }[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    made.push(...(await db.insertInto('aid_entitlement').values(chunk).onConflict((oc) => oc.doNothing()).returning(['id', 'review_required']).execute()));
  }
  return made;
}

// ---- entitlements ----

function entitlements(db: Executor) {
  return db
    .selectFrom('aid_entitlement as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .innerJoin('aid_scheme as s', 's.id', 'e.scheme_id')
    .innerJoin('aid_component as c', 'c.id', 'e.component_id')
    .leftJoin('region as r', 'r.code', 'e.regency_code')
    .select([
      'e.id',
      'e.person_id',
      'p.case_code',
      'p.alias',
      'e.regency_code',
      'r.name as regency_name',
      'e.programme_id',
      'e.scheme_id',
      's.name as scheme_name',
      's.year',
      'e.component_id',
      'e.component_code',
      'c.name as component_name',
      'e.amount',
      'e.funding_source',
      'e.status',
      'e.status_changed_at',
      'e.paid_at',
      'e.review_required',
      'e.review_reason',
      'e.review_note',
      'e.cancel_reason',
      'e.version',
      'e.created_at',
      sql<boolean>`exists (select 1 from person_bank_account b where b.person_id = e.person_id and b.status = 'active')`.as('has_bank_account'),
    ]);
}
export type EntitlementRow = Awaited<ReturnType<ReturnType<typeof entitlements>['executeTakeFirstOrThrow']>>;

export async function listEntitlements(db: Executor, scope: Scope | null, f: EntitlementListQuery) {
  let q = entitlements(db).where(inScopeSql(scope, 'e.regency_code'));
  if (f.schemeId) q = q.where('e.scheme_id', '=', f.schemeId);
  if (f.programmeId) q = q.where('e.programme_id', '=', f.programmeId);
  if (f.personId) q = q.where('e.person_id', '=', f.personId);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.regency) q = q.where('e.regency_code', '=', f.regency);
  if (f.componentCode) q = q.where('e.component_code', '=', f.componentCode);
  if (f.review) q = q.where('e.review_required', '=', f.review === 'required');
  const [rows, agg] = await Promise.all([
    q.orderBy('p.case_code').orderBy('c.sort_order').orderBy('e.id').limit(f.limit).offset(f.offset).execute(),
    q
      .clearSelect()
      .select([sql<number>`count(*)::int`.as('n'), money(sql`sum(e.amount)`).as('amount')])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: agg.n, totalAmount: Number(agg.amount) };
}

export async function findEntitlement(db: Executor, id: number, scope: Scope | null): Promise<EntitlementRow | undefined> {
  return entitlements(db).where('e.id', '=', id).where(inScopeSql(scope, 'e.regency_code')).executeTakeFirst();
}

export async function clearReview(db: Executor, id: number, version: number, note: string, userId: number | null): Promise<boolean> {
  const r = await db
    .updateTable('aid_entitlement')
    .set({ review_required: false, review_note: note, reviewed_by: userId, reviewed_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('review_required', '=', true)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function cancelEntitlement(db: Executor, id: number, version: number, reason: string, from: readonly EntitlementStatus[]): Promise<boolean> {
  const r = await db
    .updateTable('aid_entitlement')
    .set({ status: 'cancelled', cancel_reason: reason, status_changed_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
