// Queries only: no access rules, no formatting beyond row → Region.
import { sql, type Selectable } from 'kysely';
import type { Region, RegionCounts, RegionLevel } from '../../../common/regions.ts';
import type { Executor } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/like.ts';
import type { RegionTable } from './regions.tables.ts';

export interface RegionFilter {
  parent?: string | undefined;
  q?: string | undefined;
  level?: RegionLevel | undefined;
  includeFormer?: boolean | undefined;
  limit: number;
  offset: number;
}

export type RegionRow = Selectable<RegionTable>;

export function toRegion(row: RegionRow & { child_count?: number | null }): Region {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorCode: row.successor_code,
    ...(row.child_count === undefined ? {} : { childCount: Number(row.child_count ?? 0) }),
  };
}

export async function listRegions(db: Executor, f: RegionFilter): Promise<{ rows: RegionRow[]; total: number }> {
  let query = db.selectFrom('region as r');
  // With a search, `parent` means "anywhere below it"; without, its direct children.
  if (f.parent !== undefined && f.q !== undefined) query = query.where('r.code', 'like', `${f.parent}.%`);
  else if (f.parent !== undefined) query = query.where('r.parent_code', '=', f.parent);
  if (f.level !== undefined) query = query.where('r.level', '=', f.level);
  if (!f.includeFormer) query = query.where('r.valid_to', 'is', null);
  if (f.q !== undefined) {
    const q = f.q;
    query = /^[\d.]+$/.test(q)
      ? query.where('r.code', 'like', `${escapeLike(q)}%`)
      : query.where('r.name', 'ilike', `%${escapeLike(q)}%`);
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('r')
      .select((eb) =>
        eb
          .selectFrom('region as c')
          .whereRef('c.parent_code', '=', 'r.code')
          .where('c.valid_to', 'is', null)
          .select(eb.fn.countAll<number>().as('n'))
          .as('child_count'),
      )
      .orderBy('r.code')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findRegion(db: Executor, code: string): Promise<RegionRow | undefined> {
  return db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The chain of parents, province first. */
export async function findAncestors(db: Executor, code: string): Promise<RegionRow[]> {
  const result = await sql<RegionRow & { depth: number }>`
    with recursive up as (
      select r.*, 0 as depth from region r where r.code = (select parent_code from region where code = ${code})
      union all
      select p.*, up.depth + 1 from region p join up on p.code = up.parent_code
    )
    select * from up order by depth desc`.execute(db);
  return result.rows;
}

export function findFormerCodes(db: Executor, code: string): Promise<RegionRow[]> {
  return db.selectFrom('region').selectAll().where('successor_code', '=', code).orderBy('code').execute();
}

export async function countRegions(db: Executor): Promise<RegionCounts> {
  const rows = await db
    .selectFrom('region')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .select(sql<boolean>`valid_to is not null`.as('former'))
    .groupBy(['level', sql`valid_to is not null`])
    .execute();
  const counts: RegionCounts = { province: 0, regency: 0, district: 0, village: 0, former: 0 };
  for (const r of rows) {
    if (r.former) counts.former += Number(r.n);
    else counts[r.level] += Number(r.n);
  }
  return counts;
}

/** Inserts or refreshes regions (parents must come before children). */
export async function upsertRegions(db: Executor, rows: RegionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('region')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        parent_code: eb.ref('excluded.parent_code'),
        level: eb.ref('excluded.level'),
        name: eb.ref('excluded.name'),
        valid_from: eb.ref('excluded.valid_from'),
        valid_to: eb.ref('excluded.valid_to'),
        successor_code: eb.ref('excluded.successor_code'),
        source: eb.ref('excluded.source'),
      })),
    )
    .execute();
}
