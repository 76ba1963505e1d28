// Queries of the letters module. Lists are filtered by the unit's region in SQL.
import { sql, type SqlBool, type Expression } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { LetterType } from '../../../common/letters.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';

export type UnitRow = Awaited<ReturnType<typeof findUnit>> & object;

export function findUnit(db: Executor, id: number) {
  return db.selectFrom('letter_unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUnits(db: Executor, scope: Scope | null) {
  return db.selectFrom('letter_unit').selectAll().where(scopeFilter(scope, 'region_code')).orderBy('code').execute();
}

export function regionExists(db: Executor, code: string) {
  return db.selectFrom('region').select('code').where('code', '=', code).executeTakeFirst();
}

export function missingRegions(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([] as string[]);
  return db
    .selectFrom('region')
    .select('code')
    .where('code', 'in', codes)
    .execute()
    .then((rows) => {
      const found = new Set(rows.map((r) => r.code));
      return [...new Set(codes)].filter((c) => !found.has(c));
    });
}

/**
 * Takes the next number of a unit and year. The counter row stays locked until
 * the surrounding transaction ends; a rollback gives the number back.
 */
export async function nextSeq(tx: Executor, unitId: number, year: number): Promise<number> {
  const row = await tx
    .insertInto('letter_counter')
    .values({ unit_id: unitId, year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet({ last_seq: sql<number>`letter_counter.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/** "Sent, unanswered, sent before `cutoff`" for recipient rows aliased `r`. */
function overdueRecipient(cutoff: string): Expression<SqlBool> {
  return sql<SqlBool>`(r.sent_on is not null and r.response_on is null and r.sent_on < ${cutoff}::date)`;
}

function letters(db: Executor, cutoff: string) {
  return db
    .selectFrom('letter as l')
    .innerJoin('letter_unit as u', 'u.id', 'l.unit_id')
    .selectAll('l')
    .select([
      'u.code as unit_code',
      'u.name as unit_name',
      'u.region_code as unit_region_code',
      sql<number>`(select count(*) from letter_recipient r where r.letter_id = l.id)`.as('recipient_count'),
      sql<boolean>`exists (select 1 from letter_recipient r where r.letter_id = l.id and ${overdueRecipient(cutoff)})`.as('overdue'),
    ]);
}

export type LetterRow = Awaited<ReturnType<typeof findLetter>> & object;

export function findLetter(db: Executor, id: number, cutoff: string) {
  return letters(db, cutoff).where('l.id', '=', id).executeTakeFirst();
}

export interface LetterFilter {
  type?: LetterType;
  status?: 'draft' | 'issued';
  year?: number;
  unitId?: number;
  overdue?: boolean;
  sort: string;
  limit: number;
  offset: number;
}

const SORTS: Record<string, 'l.letter_date' | 'l.subject' | 'number'> = { letter_date: 'l.letter_date', subject: 'l.subject', number: 'number' };

export async function listLetters(db: Executor, scope: Scope | null, f: LetterFilter, cutoff: string) {
  let q = letters(db, cutoff).where(scopeFilter(scope, 'u.region_code'));
  if (f.type) q = q.where('l.type', '=', f.type);
  if (f.status) q = q.where('l.status', '=', f.status);
  // A draft has no number year yet: its letter date tells the year.
  if (f.year !== undefined) q = q.where(sql<number>`coalesce(l.year, extract(year from l.letter_date)::int)`, '=', f.year);
  if (f.unitId !== undefined) q = q.where('l.unit_id', '=', f.unitId);
  if (f.overdue !== undefined) {
    const exists = sql<SqlBool>`exists (select 1 from letter_recipient r where r.letter_id = l.id and ${overdueRecipient(cutoff)})`;
    q = q.where(f.overdue ? exists : sql<SqlBool>`not ${exists}`);
  }
  const desc = f.sort.startsWith('-');
  const key = SORTS[f.sort.replace(/^-/, '')] ?? 'l.letter_date';
  const dir = desc ? 'desc' : 'asc';
  const ordered =
    key === 'number' ? q.orderBy('l.year', sql`${sql.raw(dir)} nulls last`).orderBy('l.seq', sql`${sql.raw(dir)} nulls last`) : q.orderBy(key, dir);
  const [rows, total] = await Promise.all([
    ordered.orderBy('l.id', dir).limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type RecipientRow = Awaited<ReturnType<typeof recipientsOf>>[number];

export function recipientsOf(db: Executor, letterId: number, cutoff: string) {
  return db
    .selectFrom('letter_recipient as r')
    .selectAll('r')
    .select(sql<boolean>`${overdueRecipient(cutoff)}`.as('overdue'))
    .where('r.letter_id', '=', letterId)
    .orderBy('r.id')
    .execute();
}

export function templatesOf(db: Executor, unitId: number) {
  return db.selectFrom('letter_template').selectAll().where('unit_id', '=', unitId).orderBy('type').execute();
}

export function findTemplate(db: Executor, unitId: number, type: LetterType) {
  return db.selectFrom('letter_template').selectAll().where('unit_id', '=', unitId).where('type', '=', type).executeTakeFirst();
}
