// Return-home queries only.
import type { Executor } from '../../platform/db/database.ts';

export function returnHomes(db: Executor) {
  return db
    .selectFrom('return_home as rh')
    .innerJoin('rehab_case as c', 'c.id', 'rh.case_id')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .leftJoin('region as hr', 'hr.code', 'rh.home_region_code')
    .leftJoin('region as hg', 'hg.code', 'hr.parent_code')
    .leftJoin('app_user as du', 'du.id', 'rh.departure_confirmed_by')
    .leftJoin('app_user as au', 'au.id', 'rh.arrival_confirmed_by')
    .leftJoin('letter as l', 'l.id', 'rh.letter_id')
    .selectAll('rh')
    .select([
      'p.case_code',
      'c.assigned_user_id',
      'c.status as case_status',
      'hr.name as home_region_name',
      'hr.parent_code as home_regency_code',
      'hg.name as home_regency_name',
      'du.username as departure_confirmed_by_name',
      'au.username as arrival_confirmed_by_name',
      'l.number as letter_number',
      'l.status as letter_status',
    ]);
}
export type ReturnHomeRow = Awaited<ReturnType<ReturnType<typeof returnHomes>['executeTakeFirstOrThrow']>>;

export function returnHomesOfCase(db: Executor, caseId: number): Promise<ReturnHomeRow[]> {
  return returnHomes(db).where('rh.case_id', '=', caseId).orderBy('rh.id', 'desc').execute();
}

export function findReturnHome(db: Executor, id: number): Promise<ReturnHomeRow | undefined> {
  return returnHomes(db).where('rh.id', '=', id).executeTakeFirst();
}

/** A current district (level district, not retired), with its regency. */
export function findDistrict(db: Executor, code: string) {
  return db
    .selectFrom('region as d')
    .leftJoin('region as r', 'r.code', 'd.parent_code')
    .select(['d.code', 'd.name', 'd.parent_code', 'r.name as regency_name'])
    .where('d.code', '=', code)
    .where('d.level', '=', 'district')
    .where('d.valid_to', 'is', null)
    .executeTakeFirst();
}

/** A region by code, following a former code to its successor. */
export async function currentRegion(db: Executor, code: string): Promise<{ code: string; name: string; level: string } | undefined> {
  const r = await db.selectFrom('region').select(['code', 'name', 'level', 'valid_to', 'successor_code']).where('code', '=', code).executeTakeFirst();
  if (!r) return undefined;
  if (r.valid_to !== null && r.successor_code) return currentRegion(db, r.successor_code);
  return r.valid_to === null ? { code: r.code, name: r.name, level: r.level } : undefined;
}
