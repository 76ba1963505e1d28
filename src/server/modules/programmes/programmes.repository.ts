// Queries of the closure programme; region scope is part of the SQL.
import { sql, type SqlBool } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { RegionStatus } from '../../../common/programmes.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/like.ts';

export interface ProgrammeRow {
  id: number;
  level: 'national' | 'province';
  parent_id: number | null;
  name: string;
  owner: string;
  region_code: string | null;
  target_date: string | null;
  description: string;
  created_at: Date;
  updated_at: Date;
}

export interface ProgrammeRegionRow {
  id: number;
  programme_id: number;
  programme_region_code: string | null;
  region_code: string;
  region_name: string;
  target_date: string | null;
  status: RegionStatus;
  status_changed_at: Date;
}

/**
 * Programmes a scope may see: national programmes always; a provincial one when
 * the scope lies within its province or contains it (a regency officer of 65.03
 * sees the Kaltara programme, though only the 65.03 row of it).
 */
export function programmeVisible(scope: Scope | null, column = 'p.region_code') {
  if (!scope || scope.level === 'national') return sql<SqlBool>`true`;
  const col = sql.ref(column);
  return sql<SqlBool>`(${col} is null or ${scopeFilter(scope, column)} or ${scope.code} like ${col} || '.%')`;
}

function programmes(db: Executor) {
  return db
    .selectFrom('programme as p')
    .select(['p.id', 'p.level', 'p.parent_id', 'p.name', 'p.owner', 'p.region_code', 'p.target_date', 'p.description', 'p.created_at', 'p.updated_at']);
}

export async function listProgrammes(
  db: Executor,
  scope: Scope | null,
  f: { level?: 'national' | 'province' | undefined; parentId?: number | undefined; q?: string | undefined; sort?: string; limit: number; offset: number },
) {
  let q = programmes(db).where(programmeVisible(scope));
  if (f.level) q = q.where('p.level', '=', f.level);
  if (f.parentId) q = q.where('p.parent_id', '=', f.parentId);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('p.owner', 'ilike', pattern)]));
  }
  const sort = f.sort ?? 'level';
  const dir = sort.startsWith('-') ? sql`desc` : sql`asc`;
  const ordered =
    sort === 'level'
      ? q.orderBy('p.level').orderBy('p.region_code')
      : q.orderBy(sql`${sql.ref(sort.replace(/^-/, '') === 'name' ? 'p.name' : 'p.target_date')} ${dir} nulls last`);
  const [rows, count] = await Promise.all([
    ordered.orderBy('p.id').limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ProgrammeRow[], total: Number(count.n) };
}

export async function findProgramme(db: Executor, id: number, scope: Scope | null): Promise<ProgrammeRow | undefined> {
  return (await programmes(db).where('p.id', '=', id).where(programmeVisible(scope)).executeTakeFirst()) as ProgrammeRow | undefined;
}

function regions(db: Executor) {
  return db
    .selectFrom('programme_region as pr')
    .innerJoin('programme as p', 'p.id', 'pr.programme_id')
    .innerJoin('region as r', 'r.code', 'pr.region_code')
    .select([
      'pr.id',
      'pr.programme_id',
      'p.region_code as programme_region_code',
      'pr.region_code',
      'r.name as region_name',
      'pr.target_date',
      'pr.status',
      'pr.status_changed_at',
    ]);
}

const SORT_COLUMNS = { region_code: 'pr.region_code', target_date: 'pr.target_date', status: 'pr.status' } as const;
/** Statuses sort in their lifecycle order, not alphabetically. */
const STATUS_ORDER = sql`array_position(array['not_started','preparing','awaiting_readiness','scheduled','closing','closed','monitoring','reopened']::text[], pr.status)`;

export async function listProgrammeRegions(
  db: Executor,
  programmeId: number,
  scope: Scope | null,
  f: {
    status?: RegionStatus | undefined;
    q?: string | undefined;
    targetFrom?: string | undefined;
    targetTo?: string | undefined;
    sort: keyof typeof SORT_COLUMNS;
    order: 'asc' | 'desc';
    limit: number;
    offset: number;
  },
) {
  let q = regions(db).where('pr.programme_id', '=', programmeId).where(scope ? scopeFilter(scope, 'pr.region_code') : sql<SqlBool>`true`);
  if (f.status) q = q.where('pr.status', '=', f.status);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('r.name', 'ilike', pattern), eb('pr.region_code', 'like', `${escapeLike(f.q!)}%`)]));
  }
  if (f.targetFrom) q = q.where('pr.target_date', '>=', f.targetFrom);
  if (f.targetTo) q = q.where('pr.target_date', '<=', f.targetTo);
  const dir = f.order === 'desc' ? sql`desc` : sql`asc`;
  const orderExpr = f.sort === 'status' ? STATUS_ORDER : sql.ref(SORT_COLUMNS[f.sort]);
  const [rows, count] = await Promise.all([
    q
      .orderBy(sql`${orderExpr} ${dir} nulls last`)
      .orderBy('pr.region_code')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ProgrammeRegionRow[], total: Number(count.n) };
}

export async function findProgrammeRegion(db: Executor, id: number, scope: Scope | null, forUpdate = false): Promise<ProgrammeRegionRow | undefined> {
  let q = regions(db).where('pr.id', '=', id).where(scope ? scopeFilter(scope, 'pr.region_code') : sql<SqlBool>`true`);
  if (forUpdate) q = q.forUpdate('pr');
  return (await q.executeTakeFirst()) as ProgrammeRegionRow | undefined;
}

export async function statusHistory(db: Executor, programmeRegionId: number, f: { order?: 'asc' | 'desc'; limit?: number; offset?: number } = {}) {
  const q = db.selectFrom('programme_region_status_change as c').where('c.programme_region_id', '=', programmeRegionId);
  const dir = f.order ?? 'asc';
  const [rows, count] = await Promise.all([
    q
      .leftJoin('app_user as u', 'u.id', 'c.changed_by')
      .select(['c.id', 'c.from_status', 'c.to_status', 'c.changed_at', 'c.changed_by', 'u.username', 'c.reason', 'c.evidence', 'c.evidence_ref'])
      .orderBy('c.changed_at', dir)
      .orderBy('c.id', dir)
      .limit(f.limit ?? 500)
      .offset(f.offset ?? 0)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function readinessRequests(db: Executor, programmeRegionId: number, f: { answered?: boolean | undefined; limit?: number; offset?: number } = {}) {
  let q = db.selectFrom('readiness_request').where('programme_region_id', '=', programmeRegionId);
  if (f.answered !== undefined) q = q.where('answered_at', f.answered ? 'is not' : 'is', null);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('asked_at')
      .orderBy('id')
      .limit(f.limit ?? 500)
      .offset(f.offset ?? 0)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findReadinessRequest(db: Executor, id: number) {
  return db.selectFrom('readiness_request').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Active heads of office whose scope contains the region (province heads and the regency's own). */
export async function headsOfOfficeOver(db: Executor, regionCode: string): Promise<number[]> {
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('user_role as ur', 'ur.user_id', 'u.id')
    .select('u.id')
    .where('ur.role_key', '=', 'head_of_office')
    .where('u.status', '=', 'active')
    .where('u.scope_level', '!=', 'national')
    .where(sql<SqlBool>`(u.scope_code = ${regionCode} or ${regionCode} like u.scope_code || '.%')`)
    .execute();
  return rows.map((r) => r.id);
}
