// Registry queries. Visibility is always part of the SQL: a region scope
// (scopeFilter) and, for caseload-limited users, the assignment.
import { sql, type SqlBool, type Expression } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { BlindIndexField } from '../../platform/crypto/blind-index.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';

/** Who may see which persons: nothing (null), a scope, or a scope limited to one user's caseload. */
export type Visibility = { scope: Scope | 'all'; caseloadUserId: number | null } | null;

export interface PersonFilter {
  regency?: string;
  siteId?: number;
  q?: string;
  merged?: 'exclude' | 'include' | 'only';
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function persons(db: Executor) {
  return db
    .selectFrom('person as p')
    .leftJoin('region as r', 'r.code', 'p.regency_code')
    .leftJoin('site as s', 's.id', 'p.site_id')
    .select([
      'p.id',
      'p.case_code',
      'p.alias',
      'p.regency_code',
      'r.name as regency_name',
      'p.site_id',
      's.code as site_code',
      'p.sex',
      'p.lawful_basis',
      'p.assigned_user_id',
      'p.identity_ct',
      'p.dek_wrapped',
      'p.key_id',
      'p.created_at',
      'p.updated_at',
      'p.merged_into_id',
      'p.version',
      'p.processing_restricted',
      'p.erased_at',
      // consent as lawful basis needs a consent that is not withdrawn (migration 0014)
      sql<boolean>`exists (select 1 from person_consent c where c.person_id = p.id and c.withdrawn_at is null)`.as('has_consent'),
    ]);
}

export type PersonRow = Awaited<ReturnType<ReturnType<typeof persons>['executeTakeFirstOrThrow']>>;

function visibleTo(v: Visibility): Expression<SqlBool> {
  if (!v) return sql<SqlBool>`false`;
  const scope = v.scope === 'all' ? sql<SqlBool>`true` : scopeFilter(v.scope, 'p.regency_code');
  return v.caseloadUserId === null ? scope : sql<SqlBool>`(${scope} and p.assigned_user_id = ${v.caseloadUserId})`;
}

export async function listPersons(db: Executor, v: Visibility, f: PersonFilter & { limit: number; offset: number }): Promise<{ rows: PersonRow[]; total: number }> {
  let q = persons(db).where(visibleTo(v));
  if (f.regency) q = q.where(scopeFilter({ level: 'regency', code: f.regency } as Scope, 'p.regency_code'));
  if (f.siteId) q = q.where('p.site_id', '=', f.siteId);
  if ((f.merged ?? 'exclude') === 'exclude') q = q.where('p.merged_into_id', 'is', null);
  else if (f.merged === 'only') q = q.where('p.merged_into_id', 'is not', null);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('p.case_code', 'ilike', pattern), eb('p.alias', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    q.orderBy('p.case_code').limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findPerson(db: Executor, v: Visibility, id: number): Promise<PersonRow | undefined> {
  return persons(db).where('p.id', '=', id).where(visibleTo(v)).executeTakeFirst();
}

/** Candidates sharing a blind-index value (truncated: expect false positives). */
export async function personsByBlindIndex(db: Executor, v: Visibility, field: BlindIndexField, value: number, limit = 1000): Promise<PersonRow[]> {
  const column = ({ nik: 'p.nik_bidx', kk: 'p.kk_bidx', phone: 'p.phone_bidx' } as const)[field];
  return persons(db).where(column, '=', value).where(visibleTo(v)).orderBy('p.id').limit(limit).execute();
}

/** The next case code of a regency, TNT-6503-000001, …; the counter row stays locked until commit. */
export async function nextCaseCode(db: Executor, regencyCode: string): Promise<string> {
  const row = await db
    .insertInto('person_code_counter')
    .values({ regency_code: regencyCode, last_number: 1 })
    .onConflict((oc) => oc.column('regency_code').doUpdateSet({ last_number: sql`person_code_counter.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `TNT-${regencyCode.replace('.', '')}-${String(row.last_number).padStart(6, '0')}`;
}

export async function regencyExists(db: Executor, code: string): Promise<boolean> {
  return Boolean(await db.selectFrom('region').select('code').where('code', '=', code).where('level', '=', 'regency').executeTakeFirst());
}

export async function siteRegency(db: Executor, siteId: number): Promise<string | undefined> {
  return (await db.selectFrom('site').select('regency_code').where('id', '=', siteId).executeTakeFirst())?.regency_code;
}

export async function activeUser(db: Executor, id: number): Promise<boolean> {
  return Boolean(await db.selectFrom('app_user').select('id').where('id', '=', id).where('status', '=', 'active').executeTakeFirst());
}

/** Permissions of each of the given roles (the policy needs to know which role grants what). */
export async function rolePermissions(db: Executor, roleKeys: string[]): Promise<{ key: string; permissions: string[] }[]> {
  if (roleKeys.length === 0) return [];
  return db.selectFrom('role').select(['key', 'permissions']).where('key', 'in', roleKeys).execute();
}
