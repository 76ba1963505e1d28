// Queries of a site's person lists. Persons are read pseudonymously (id, case
// code, alias, sex); which ones a caller sees is part of the SQL (personVisible).
import { sql, type Expression, type SqlBool } from 'kysely';
import type { ListSource } from '../../../common/verval.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Visibility } from '../registry/persons.repository.ts';

/** The registry's visibility as a condition on a person alias (scope, and a caseload when limited). */
export function personVisible(v: Visibility, alias = 'p'): Expression<SqlBool> {
  if (!v) return sql<SqlBool>`false`;
  const scope = v.scope === 'all' ? sql<SqlBool>`true` : scopeFilter(v.scope, `${alias}.regency_code`);
  return v.caseloadUserId === null ? scope : sql<SqlBool>`(${scope} and ${sql.ref(`${alias}.assigned_user_id`)} = ${v.caseloadUserId})`;
}

export interface SiteRef {
  id: number;
  code: string;
  name: string;
  region_code: string;
  regency_code: string;
}

export async function findSiteRef(db: Executor, id: number, lock = false): Promise<SiteRef | undefined> {
  const q = db.selectFrom('site').select(['id', 'code', 'name', 'region_code', 'regency_code']).where('id', '=', id);
  return lock ? q.forUpdate().executeTakeFirst() : q.executeTakeFirst();
}

function lists(db: Executor) {
  return db
    .selectFrom('person_list as l')
    .leftJoin('app_user as u', 'u.id', 'l.created_by')
    .select([
      'l.id',
      'l.site_id',
      'l.version',
      'l.source',
      'l.list_date',
      'l.note',
      'l.previous_id',
      'l.created_at',
      'u.display_name as created_by_name',
      sql<number>`(select count(*) from person_list_entry e where e.list_id = l.id)::int`.as('entry_count'),
      sql<number>`(select count(*) from person_list_change c where c.list_id = l.id and c.change = 'added')::int`.as('added_count'),
      sql<number>`(select count(*) from person_list_change c where c.list_id = l.id and c.change = 'dropped')::int`.as('dropped_count'),
    ]);
}

export type ListRow = Awaited<ReturnType<ReturnType<typeof lists>['executeTakeFirstOrThrow']>>;

export async function listsOfSite(db: Executor, siteId: number): Promise<ListRow[]> {
  return lists(db).where('l.site_id', '=', siteId).orderBy('l.version', 'desc').execute();
}

export async function findList(db: Executor, id: number): Promise<ListRow | undefined> {
  return lists(db).where('l.id', '=', id).executeTakeFirst();
}

export async function latestListOf(db: Executor, siteId: number): Promise<{ id: number; version: number; list_date: string } | undefined> {
  return db
    .selectFrom('person_list')
    .select(['id', 'version', 'list_date'])
    .where('site_id', '=', siteId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface ListPersonRow {
  id: number;
  case_code: string;
  alias: string | null;
  sex: 'male' | 'female';
}

/** The visible persons on a list, in case-code order, and how many are not visible. */
export async function entriesOf(db: Executor, listId: number, v: Visibility): Promise<{ rows: ListPersonRow[]; hidden: number }> {
  const rows = await db
    .selectFrom('person_list_entry as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .select(['p.id', 'p.case_code', 'p.alias', 'p.sex', sql<boolean>`${personVisible(v)}`.as('visible')])
    .where('e.list_id', '=', listId)
    .orderBy('p.case_code')
    .execute();
  return { rows: rows.filter((r) => r.visible), hidden: rows.filter((r) => !r.visible).length };
}

export async function entryIdsOf(db: Executor, listId: number): Promise<number[]> {
  return (await db.selectFrom('person_list_entry').select('person_id').where('list_id', '=', listId).execute()).map((r) => r.person_id);
}

export interface ChangeRow extends ListPersonRow {
  change: 'added' | 'dropped';
  reason: string;
  version: number;
}

/** Recorded changes of some versions of one site (visible persons only), newest version first. */
export async function changesOf(db: Executor, listIds: number[], v: Visibility): Promise<ChangeRow[]> {
  if (listIds.length === 0) return [];
  return db
    .selectFrom('person_list_change as c')
    .innerJoin('person_list as l', 'l.id', 'c.list_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select(['p.id', 'p.case_code', 'p.alias', 'p.sex', 'c.change', 'c.reason', 'l.version'])
    .where('c.list_id', 'in', listIds)
    .where(personVisible(v))
    .orderBy('l.version', 'desc')
    .orderBy('p.case_code')
    .execute();
}

/** Ids of a site's versions in (fromVersion, toVersion]. */
export async function versionIdsBetween(db: Executor, siteId: number, fromVersion: number, toVersion: number): Promise<number[]> {
  return (
    await db.selectFrom('person_list').select('id').where('site_id', '=', siteId).where('version', '>', fromVersion).where('version', '<=', toVersion).execute()
  ).map((r) => r.id);
}

/** The given persons with their regency, whether merged into another record, and whether the caller may see them. */
export async function personsByIds(
  db: Executor,
  ids: number[],
  v: Visibility,
): Promise<{ id: number; case_code: string; regency_code: string; merged_into_id: number | null; visible: boolean }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('person as p')
    .select(['p.id', 'p.case_code', 'p.regency_code', 'p.merged_into_id', sql<boolean>`${personVisible(v)}`.as('visible')])
    .where('p.id', 'in', ids)
    .execute();
}

export async function insertList(
  db: Executor,
  row: { site_id: number; version: number; source: ListSource; list_date: string; note: string; previous_id: number | null; created_by: number | null },
): Promise<number> {
  return (await db.insertInto('person_list').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

const CHUNK = 1000;

export async function insertEntries(db: Executor, listId: number, personIds: number[]): Promise<void> {
  for (let i = 0; i < personIds.length; i += CHUNK)
    await db
      .insertInto('person_list_entry')
      .values(personIds.slice(i, i + CHUNK).map((person_id) => ({ list_id: listId, person_id })))
      .execute();
}

export async function insertChanges(db: Executor, listId: number, changes: { person_id: number; change: 'added' | 'dropped'; reason: string }[]): Promise<void> {
  for (let i = 0; i < changes.length; i += CHUNK)
    await db
      .insertInto('person_list_change')
      .values(changes.slice(i, i + CHUNK).map((c) => ({ list_id: listId, ...c })))
      .execute();
}
