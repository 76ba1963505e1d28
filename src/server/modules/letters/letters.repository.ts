// Queries of the letters module. Lists are filtered by the unit's region in SQL.
import { sql, type SqlBool, type Expression } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { LetterType } from '../../../common/letters.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/like.ts';

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

const DAY_MS = 86_400_000;
const WIB_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in WIB (Asia/Jakarta), YYYY-MM-DD. */
export function wibToday(now: Date): string {
  return WIB_DATE.format(now);
}

/** Recipients sent before this date (YYYY-MM-DD) and still unanswered are overdue. */
export function overdueCutoff(today: string, responseDays: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - responseDays * DAY_MS).toISOString().slice(0, 10);
}

/** "Sent, unanswered, sent before `cutoff`" for recipient rows aliased `r` (the dashboard counts with it too). */
export function overdueRecipient(cutoff: string): Expression<SqlBool> {
  return sql<SqlBool>`(r.sent_on is not null and r.response_on is null and r.sent_on < ${cutoff}::date)`;
}

/** The column (a region code) lies within the region `code` (the code itself or below it). */
function within(column: string, code: string): Expression<SqlBool> {
  const col = sql.ref(column);
  return sql<SqlBool>`(${col} = ${code} or ${col} like ${`${code}.%`})`;
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
      sql<number>`(select count(*) from letter_recipient r where r.letter_id = l.id and r.response_on is not null)`.as('answered_count'),
      sql<boolean>`exists (select 1 from letter_recipient r where r.letter_id = l.id and ${overdueRecipient(cutoff)})`.as('overdue'),
      sql<(number | string)[]>`array(select ls.site_id from letter_site ls where ls.letter_id = l.id order by ls.position)`.as('site_ids'),
    ]);
}

export type LetterRow = Awaited<ReturnType<typeof findLetter>> & object;

export function findLetter(db: Executor, id: number, cutoff: string) {
  return letters(db, cutoff).where('l.id', '=', id).executeTakeFirst();
}

export interface LetterFilter {
  type?: LetterType | undefined;
  status?: 'draft' | 'issued' | undefined;
  year?: number | undefined;
  unitId?: number | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  programmeId?: number | undefined;
  siteId?: number | undefined;
  region?: string | undefined;
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
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('l.subject', 'ilike', pattern), eb('l.number', 'ilike', pattern)]));
  }
  if (f.programmeId !== undefined) q = q.where('l.programme_id', '=', f.programmeId);
  if (f.siteId !== undefined) q = q.where(sql<SqlBool>`exists (select 1 from letter_site ls where ls.letter_id = l.id and ls.site_id = ${f.siteId})`);
  if (f.region !== undefined) {
    const region = f.region;
    q = q.where(
      sql<SqlBool>`(exists (select 1 from unnest(l.region_codes) as lr (code) where ${within('lr.code', region)})
        or exists (select 1 from letter_recipient r where r.letter_id = l.id and ${within('r.region_code', region)}))`,
    );
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

/** Replaces the sites a letter concerns (kept in the given order). */
export async function setLetterSites(tx: Executor, letterId: number, siteIds: readonly number[]): Promise<void> {
  await tx.deleteFrom('letter_site').where('letter_id', '=', letterId).execute();
  const unique = [...new Set(siteIds)];
  if (unique.length > 0) await tx.insertInto('letter_site').values(unique.map((site_id, position) => ({ letter_id: letterId, site_id, position }))).execute();
}

// ------------------------------------------------------------ recipients across letters

export interface RecipientFilter {
  overdue?: boolean | undefined;
  awaitingResponse?: boolean | undefined;
  region?: string | undefined;
  unitId?: number | undefined;
  letterType?: LetterType | undefined;
  q?: string | undefined;
  sort: string;
  limit: number;
  offset: number;
}

const RECIPIENT_SORTS: Record<string, string> = { sent_on: 'r.sent_on', recipient: 'r.recipient', region: 'r.region_code' };

/**
 * Recipients of every letter within the scope (by the issuing unit's region), with
 * their letter: e.g. those awaiting a response, within a region.
 */
export async function listRecipients(db: Executor, scope: Scope, f: RecipientFilter, cutoff: string) {
  let q = db
    .selectFrom('letter_recipient as r')
    .innerJoin('letter as l', 'l.id', 'r.letter_id')
    .innerJoin('letter_unit as u', 'u.id', 'l.unit_id')
    .selectAll('r')
    .select([
      sql<boolean>`${overdueRecipient(cutoff)}`.as('overdue'),
      'l.number as letter_number',
      'l.type as letter_type',
      'l.letter_date',
      'l.subject as letter_subject',
      'l.unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.region_code as unit_region_code',
    ])
    .where(scopeFilter(scope, 'u.region_code'));
  if (f.overdue !== undefined) q = q.where(f.overdue ? overdueRecipient(cutoff) : sql<SqlBool>`not ${overdueRecipient(cutoff)}`);
  if (f.awaitingResponse !== undefined)
    q = q.where(f.awaitingResponse ? sql<SqlBool>`(r.sent_on is not null and r.response_on is null)` : sql<SqlBool>`r.response_on is not null`);
  if (f.region !== undefined) q = q.where(within('r.region_code', f.region));
  if (f.unitId !== undefined) q = q.where('l.unit_id', '=', f.unitId);
  if (f.letterType !== undefined) q = q.where('l.type', '=', f.letterType);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('r.recipient', 'ilike', pattern), eb('l.subject', 'ilike', pattern), eb('l.number', 'ilike', pattern)]));
  }
  const dir = f.sort.startsWith('-') ? sql`desc` : sql`asc`;
  const column = sql.ref(RECIPIENT_SORTS[f.sort.replace(/^-/, '')] ?? 'r.sent_on');
  const [rows, total] = await Promise.all([
    q.orderBy(sql`${column} ${dir} nulls last`).orderBy('r.id').limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type RecipientAcrossRow = Awaited<ReturnType<typeof listRecipients>>['rows'][number];

/**
 * For the dashboard: recipients sent a letter more than `responseDays` days before
 * `today` (a WIB date, YYYY-MM-DD; see wibToday) and still without a response, among
 * letters whose issuing unit lies within `scope`; optionally only recipients within
 * `region`. `letters` counts the distinct letters they belong to.
 */
export async function countOverdueRecipients(
  db: Executor,
  scope: Scope,
  today: string,
  responseDays: number,
  filter: { region?: string | undefined } = {},
): Promise<{ recipients: number; letters: number }> {
  let q = db
    .selectFrom('letter_recipient as r')
    .innerJoin('letter as l', 'l.id', 'r.letter_id')
    .innerJoin('letter_unit as u', 'u.id', 'l.unit_id')
    .where(scopeFilter(scope, 'u.region_code'))
    .where(overdueRecipient(overdueCutoff(today, responseDays)));
  if (filter.region !== undefined) q = q.where(within('r.region_code', filter.region));
  const row = await q.select([sql<number>`count(*)`.as('recipients'), sql<number>`count(distinct r.letter_id)`.as('letters')]).executeTakeFirstOrThrow();
  return { recipients: Number(row.recipients), letters: Number(row.letters) };
}

/** The same count per regency/city of the recipient (null: recipients without a region), for charts. */
export async function overdueRecipientsByRegency(db: Executor, scope: Scope, today: string, responseDays: number) {
  const regency = sql<string | null>`substr(r.region_code, 1, 5)`;
  const rows = await db
    .selectFrom('letter_recipient as r')
    .innerJoin('letter as l', 'l.id', 'r.letter_id')
    .innerJoin('letter_unit as u', 'u.id', 'l.unit_id')
    .where(scopeFilter(scope, 'u.region_code'))
    .where(overdueRecipient(overdueCutoff(today, responseDays)))
    .select([regency.as('regency_code'), sql<number>`count(*)`.as('recipients')])
    .groupBy(regency)
    .orderBy(regency)
    .execute();
  return rows.map((r) => ({ regencyCode: r.regency_code, recipients: Number(r.recipients) }));
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
