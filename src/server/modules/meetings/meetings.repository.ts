// Queries of the meetings module. Lists are filtered by region scope in SQL: a
// meeting is visible when its own region or one of its linked regions lies in scope.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { ActionItemStatus, MeetingType } from '../../../common/meetings.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/like.ts';

/** A region code as a filter: the region and everything below it. */
function within(code: string): Scope {
  return { level: 'province', code } as Scope;
}

/**
 * "The meeting aliased `m` is visible in this scope" (null: everything): its own
 * region or a linked region lies within the scope.
 */
export function meetingVisible(scope: Scope | null): RawBuilder<SqlBool> {
  if (!scope || scope.level === 'national') return sql<SqlBool>`true`;
  return sql<SqlBool>`(${scopeFilter(scope, 'm.region_code')} or exists (select 1 from meeting_region mr where mr.meeting_id = m.id and ${scopeFilter(scope, 'mr.region_code')}))`;
}

/** "Action item aliased `a` is open and past its due date" on `today` (a WIB calendar date). */
function overdue(today: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(a.status in ('open', 'in_progress') and a.due_date < ${today}::date)`;
}

// ---------------------------------------------------------------- meetings

function meetings(db: Executor, today: string) {
  return db
    .selectFrom('meeting as m')
    .innerJoin('region as r', 'r.code', 'm.region_code')
    .selectAll('m')
    .select([
      'r.name as region_name',
      sql<string[]>`array(select mr.region_code from meeting_region mr where mr.meeting_id = m.id order by mr.region_code)`.as('linked_regions'),
      sql<number>`(select count(*) from action_item a where a.meeting_id = m.id and a.status in ('open', 'in_progress'))::int`.as('open_action_items'),
      sql<number>`(select count(*) from action_item a where a.meeting_id = m.id and ${overdue(today)})::int`.as('overdue_action_items'),
    ]);
}

export type MeetingRow = Awaited<ReturnType<typeof findMeeting>> & object;

export function findMeeting(db: Executor, id: number, today: string) {
  return meetings(db, today).where('m.id', '=', id).executeTakeFirst();
}

export interface MeetingFilter {
  type?: MeetingType | undefined;
  region?: string | undefined;
  programmeId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  sort: 'starts_at' | 'type' | 'title';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const MEETING_SORTS = { starts_at: 'm.starts_at', type: 'm.type', title: 'm.title' } as const;
const DAY_MS = 86_400_000;

/** The first instant of a WIB calendar date. */
function wibMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

export async function listMeetings(db: Executor, scope: Scope | null, f: MeetingFilter, today: string) {
  let q = meetings(db, today).where(meetingVisible(scope));
  if (f.type) q = q.where('m.type', '=', f.type);
  if (f.region) q = q.where(meetingVisible(within(f.region)));
  if (f.programmeId !== undefined) q = q.where('m.programme_id', '=', f.programmeId);
  if (f.from) q = q.where('m.starts_at', '>=', wibMidnight(f.from));
  if (f.to) q = q.where('m.starts_at', '<', new Date(wibMidnight(f.to).getTime() + DAY_MS));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('m.title', 'ilike', pattern), eb('m.place', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    q.orderBy(MEETING_SORTS[f.sort], f.order).orderBy('m.id', f.order).limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function lockMeeting(db: Executor, id: number) {
  return db.selectFrom('meeting').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export function participantsOf(db: Executor, meetingId: number) {
  return db.selectFrom('meeting_participant').select(['institution', 'represented_by']).where('meeting_id', '=', meetingId).orderBy('sort').orderBy('id').execute();
}

export function regionsOf(db: Executor, meetingId: number) {
  return db
    .selectFrom('meeting_region as mr')
    .innerJoin('region as r', 'r.code', 'mr.region_code')
    .select(['r.code', 'r.name'])
    .where('mr.meeting_id', '=', meetingId)
    .orderBy('r.code')
    .execute();
}

export function sitesOf(db: Executor, meetingId: number) {
  return db
    .selectFrom('meeting_site as ms')
    .innerJoin('site as s', 's.id', 'ms.site_id')
    .select(['s.id', 's.code', 's.name', 's.regency_code'])
    .where('ms.meeting_id', '=', meetingId)
    .orderBy('s.code')
    .execute();
}

export function decisionsOf(db: Executor, meetingId: number) {
  return db.selectFrom('meeting_decision').selectAll().where('meeting_id', '=', meetingId).orderBy('sort').orderBy('id').execute();
}

export function findDecision(db: Executor, meetingId: number, decisionId: number) {
  return db.selectFrom('meeting_decision').selectAll().where('meeting_id', '=', meetingId).where('id', '=', decisionId).executeTakeFirst();
}

export async function nextDecisionSort(db: Executor, meetingId: number): Promise<number> {
  const row = await db
    .selectFrom('meeting_decision')
    .select(sql<number>`coalesce(max(sort), 0)::int + 1`.as('next'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export function attachmentsOf(db: Executor, meetingId: number) {
  return db
    .selectFrom('meeting_attachment as ma')
    .innerJoin('stored_file as f', 'f.id', 'ma.file_id')
    .select(['ma.file_id', 'ma.created_at', 'f.original_name', 'f.content_type', 'f.size_bytes', 'f.sha256', 'f.meta_ct', 'f.dek_wrapped'])
    .where('ma.meeting_id', '=', meetingId)
    .orderBy('ma.id')
    .execute();
}

export function attachmentLink(db: Executor, meetingId: number, fileId: number) {
  return db.selectFrom('meeting_attachment').select('file_id').where('meeting_id', '=', meetingId).where('file_id', '=', fileId).executeTakeFirst();
}

export async function replaceParticipants(db: Executor, meetingId: number, participants: { institution: string; representedBy: string }[]) {
  await db.deleteFrom('meeting_participant').where('meeting_id', '=', meetingId).execute();
  if (participants.length === 0) return;
  await db
    .insertInto('meeting_participant')
    .values(participants.map((p, i) => ({ meeting_id: meetingId, institution: p.institution, represented_by: p.representedBy, sort: i + 1 })))
    .execute();
}

export async function replaceRegions(db: Executor, meetingId: number, codes: string[]) {
  await db.deleteFrom('meeting_region').where('meeting_id', '=', meetingId).execute();
  const unique = [...new Set(codes)];
  if (unique.length > 0) await db.insertInto('meeting_region').values(unique.map((region_code) => ({ meeting_id: meetingId, region_code }))).execute();
}

export async function replaceSites(db: Executor, meetingId: number, siteIds: number[]) {
  await db.deleteFrom('meeting_site').where('meeting_id', '=', meetingId).execute();
  const unique = [...new Set(siteIds)];
  if (unique.length > 0) await db.insertInto('meeting_site').values(unique.map((site_id) => ({ meeting_id: meetingId, site_id }))).execute();
}

/** Codes of `codes` that are not regions. */
export async function missingRegions(db: Executor, codes: string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const found = new Set((await db.selectFrom('region').select('code').where('code', 'in', unique).execute()).map((r) => r.code));
  return unique.filter((c) => !found.has(c));
}

/** The sites among `ids`, with their region (for the visibility check). */
export function sitesByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('site').select(['id', 'region_code']).where('id', 'in', [...new Set(ids)]).execute();
}

export function activeUser(db: Executor, id: number) {
  return db.selectFrom('app_user').select(['id', 'display_name']).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
}

// ---------------------------------------------------------------- action items

function actionItems(db: Executor, today: string) {
  return db
    .selectFrom('action_item as a')
    .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
    .leftJoin('app_user as u', 'u.id', 'a.owner_user_id')
    .selectAll('a')
    .select([
      'm.title as meeting_title',
      'm.starts_at as meeting_starts_at',
      'm.region_code as meeting_region_code',
      sql<string[]>`array(select mr.region_code from meeting_region mr where mr.meeting_id = m.id order by mr.region_code)`.as('linked_regions'),
      sql<string>`coalesce(a.owner_institution, u.display_name, '')`.as('owner_name'),
      sql<boolean>`${overdue(today)}`.as('overdue'),
    ]);
}

export type ActionItemRow = Awaited<ReturnType<typeof findActionItem>> & object;

export function findActionItem(db: Executor, id: number, today: string) {
  return actionItems(db, today).where('a.id', '=', id).executeTakeFirst();
}

export function actionItemsOf(db: Executor, meetingId: number, today: string) {
  return actionItems(db, today).where('a.meeting_id', '=', meetingId).orderBy('a.due_date').orderBy('a.id').execute();
}

export interface ActionItemFilter {
  status?: ActionItemStatus | undefined;
  overdue?: boolean | undefined;
  ownerKind?: 'institution' | 'user' | undefined;
  owner?: string | undefined;
  region?: string | undefined;
  meetingId?: number | undefined;
}

export interface ActionItemListFilter extends ActionItemFilter {
  sort: 'due_date' | 'status' | 'created_at';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const ITEM_SORTS = { due_date: 'a.due_date', status: 'a.status', created_at: 'a.created_at' } as const;

function filteredItems(db: Executor, scope: Scope | null, f: ActionItemFilter, today: string) {
  let q = actionItems(db, today).where(meetingVisible(scope));
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.overdue !== undefined) q = q.where(f.overdue ? overdue(today) : sql<SqlBool>`not ${overdue(today)}`);
  if (f.ownerKind) q = q.where('a.owner_kind', '=', f.ownerKind);
  if (f.owner) {
    const owner = f.owner;
    const asUser = f.ownerKind !== 'institution' && /^\d{1,15}$/.test(owner);
    q = asUser ? q.where('a.owner_user_id', '=', Number(owner)) : q.where(sql<string>`lower(a.owner_institution)`, '=', owner.toLowerCase());
  }
  if (f.region) q = q.where(meetingVisible(within(f.region)));
  if (f.meetingId !== undefined) q = q.where('a.meeting_id', '=', f.meetingId);
  return q;
}

export async function listActionItems(db: Executor, scope: Scope | null, f: ActionItemListFilter, today: string) {
  const q = filteredItems(db, scope, f, today);
  const [rows, count] = await Promise.all([
    q.orderBy(ITEM_SORTS[f.sort], f.order).orderBy('a.id', f.order).limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Open and overdue counts per owner (institution name or user), owners with open items only. */
export async function countsByOwner(db: Executor, scope: Scope | null, f: ActionItemFilter, today: string) {
  const rows = await filteredItems(db, scope, f, today)
    .clearSelect()
    .select([
      'a.owner_kind',
      'a.owner_institution',
      'a.owner_user_id',
      sql<string>`coalesce(a.owner_institution, u.display_name, '')`.as('owner_name'),
      sql<number>`sum(case when a.status in ('open', 'in_progress') then 1 else 0 end)::int`.as('open'),
      sql<number>`sum(case when ${overdue(today)} then 1 else 0 end)::int`.as('overdue'),
    ])
    .groupBy(['a.owner_kind', 'a.owner_institution', 'a.owner_user_id', 'u.display_name'])
    .having(sql<SqlBool>`sum(case when a.status in ('open', 'in_progress') then 1 else 0 end) > 0`)
    .execute();
  return rows
    .map((r) => ({ ...r, open: Number(r.open), overdue: Number(r.overdue) }))
    .sort((x, y) => y.overdue - x.overdue || y.open - x.open || x.owner_name.localeCompare(y.owner_name, 'id'));
}

/**
 * Overdue action items (open or in progress, due before `today`, a WIB date
 * 'YYYY-MM-DD') of the meetings visible in a region: its own or a linked region
 * lies within `scopeRegionCode` (null: the whole country). For the dashboard.
 */
export async function countOverdueActionItems(db: Executor, scopeRegionCode: string | null, today: string): Promise<number> {
  const scope: Scope | null = scopeRegionCode === null ? null : within(scopeRegionCode);
  const row = await db
    .selectFrom('action_item as a')
    .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(meetingVisible(scope))
    .where(overdue(today))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
