import { sql, type Selectable } from 'kysely';
import type { Scope } from '../../../common/auth.ts';
import type { SiteStage } from '../../../common/sites.ts';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/like.ts';
import type { SiteHeadCountTable, SiteMilestoneTable, SiteMonitoringVisitTable, SiteTable } from './sites.tables.ts';

export type SiteRow = Selectable<SiteTable> & {
  latest_counted_on: string | null;
  latest_workers: number | null;
  latest_others: number | null;
};

export interface SiteFilter {
  q?: string | undefined;
  regency?: string | undefined;
  status?: string | undefined;
  closedFrom?: string | undefined;
  closedTo?: string | undefined;
  sort: string;
  limit: number;
  offset: number;
}

const SORT_COLUMNS = {
  code: 's.code',
  name: 's.name',
  status: 's.status',
  updatedAt: 's.updated_at',
  closureDate: 's.closure_date',
  latestWorkers: 'latest.workers',
} as const;

function sites(db: Executor) {
  return db
    .selectFrom('site as s')
    .selectAll('s')
    .select([
      sql<string | null>`latest.counted_on`.as('latest_counted_on'),
      sql<number | null>`latest.workers`.as('latest_workers'),
      sql<number | null>`latest.others_affected`.as('latest_others'),
    ])
    .leftJoin(
      sql<{ counted_on: string; workers: number; others_affected: number }>`lateral (select h.counted_on, h.workers, h.others_affected from site_head_count h where h.site_id = s.id order by h.counted_on desc, h.id desc limit 1)`.as(
        'latest',
      ),
      (join) => join.onTrue(),
    );
}

export async function listSites(db: Executor, scope: Scope | null, f: SiteFilter): Promise<{ rows: SiteRow[]; total: number }> {
  let q = sites(db);
  if (scope) q = q.where(scopeFilter(scope, 's.regency_code'));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    q = q.where((eb) =>
      eb.or([eb('s.code', 'ilike', pattern), eb('s.name', 'ilike', pattern), eb(sql<string>`array_to_string(s.local_names, ' ')`, 'ilike', pattern)]),
    );
  }
  if (f.regency) q = q.where(scopeFilter({ level: 'regency', code: f.regency } as Scope, 's.region_code'));
  if (f.status) q = q.where('s.status', '=', f.status as SiteRow['status']);
  if (f.closedFrom) q = q.where('s.closure_date', '>=', f.closedFrom);
  if (f.closedTo) q = q.where('s.closure_date', '<=', f.closedTo);
  const dir = f.sort.startsWith('-') ? sql`desc` : sql`asc`;
  const column = sql.ref(SORT_COLUMNS[f.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS] ?? 's.code');
  const [rows, count] = await Promise.all([
    q.orderBy(sql`${column} ${dir} nulls last`).orderBy('s.id').limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as SiteRow[], total: Number(count.n) };
}

export async function findSite(db: Executor, id: number): Promise<SiteRow | undefined> {
  return (await sites(db).where('s.id', '=', id).executeTakeFirst()) as SiteRow | undefined;
}

/** Locks the site row for a change (status transitions happen under it). */
export async function lockSite(db: Executor, id: number) {
  return db.selectFrom('site').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The next code of a regency: LOK-6503-001, LOK-6503-002, … (safe under concurrency). */
export async function nextSiteCode(db: Executor, regencyCode: string): Promise<string> {
  const row = await db
    .insertInto('site_code_counter')
    .values({ regency_code: regencyCode, last_number: 1 })
    .onConflict((oc) => oc.column('regency_code').doUpdateSet({ last_number: sql`site_code_counter.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `LOK-${regencyCode.replace('.', '')}-${String(row.last_number).padStart(3, '0')}`;
}

export async function regionExists(db: Executor, code: string): Promise<boolean> {
  return Boolean(await db.selectFrom('region').select('code').where('code', '=', code).executeTakeFirst());
}

export type MilestoneRow = Selectable<SiteMilestoneTable> & { evidence_count: number };

export async function milestonesOf(db: Executor, siteId: number): Promise<MilestoneRow[]> {
  return (await db
    .selectFrom('site_milestone as m')
    .selectAll('m')
    .select(sql<number>`(select count(*) from site_milestone_evidence e where e.site_id = m.site_id and e.stage = m.stage)::int`.as('evidence_count'))
    .where('m.site_id', '=', siteId)
    .execute()) as MilestoneRow[];
}

/** Creates the milestone row when missing, so evidence and dates can hang on it. */
export async function ensureMilestone(db: Executor, siteId: number, stage: SiteStage): Promise<Selectable<SiteMilestoneTable>> {
  await db.insertInto('site_milestone').values({ site_id: siteId, stage }).onConflict((oc) => oc.columns(['site_id', 'stage']).doNothing()).execute();
  return db.selectFrom('site_milestone').selectAll().where('site_id', '=', siteId).where('stage', '=', stage).executeTakeFirstOrThrow();
}

export async function headCountsOf(db: Executor, siteId: number): Promise<Selectable<SiteHeadCountTable>[]> {
  return db.selectFrom('site_head_count').selectAll().where('site_id', '=', siteId).orderBy('counted_on').orderBy('id').execute();
}

export interface VisitFilter {
  finding?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export async function visitsOf(db: Executor, siteId: number, f: VisitFilter = {}): Promise<{ rows: Selectable<SiteMonitoringVisitTable>[]; total: number }> {
  let q = db.selectFrom('site_monitoring_visit').where('site_id', '=', siteId);
  if (f.finding) q = q.where('finding', '=', f.finding as Selectable<SiteMonitoringVisitTable>['finding']);
  if (f.from) q = q.where('visited_on', '>=', f.from);
  if (f.to) q = q.where('visited_on', '<=', f.to);
  const dir = f.order ?? 'asc';
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('visited_on', dir)
      .orderBy('id', dir)
      .limit(f.limit ?? 500)
      .offset(f.offset ?? 0)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function evidenceOf(db: Executor, siteId: number, stage?: SiteStage) {
  let q = db
    .selectFrom('site_milestone_evidence as e')
    .innerJoin('stored_file as f', 'f.id', 'e.file_id')
    .select(['e.file_id', 'e.stage', 'e.created_at', 'f.original_name', 'f.content_type', 'f.size_bytes', 'f.sha256', 'f.meta_ct', 'f.dek_wrapped'])
    .where('e.site_id', '=', siteId);
  if (stage) q = q.where('e.stage', '=', stage);
  return q.orderBy('e.id').execute();
}

export async function evidenceLink(db: Executor, siteId: number, fileId: number) {
  return db.selectFrom('site_milestone_evidence').select(['stage', 'file_id']).where('site_id', '=', siteId).where('file_id', '=', fileId).executeTakeFirst();
}
