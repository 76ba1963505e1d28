// Deduplication queries. A pair is visible when either of its persons is (the
// other side is then shown as a case code and region only); visibility is part of
// the SQL like the registry's own lists.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { scopeFilter } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Visibility } from '../registry/persons.repository.ts';

function visiblePerson(v: Visibility, alias: 'pa' | 'pb'): RawBuilder<SqlBool> {
  if (!v) return sql<SqlBool>`false`;
  const scope = v.scope === 'all' ? sql<SqlBool>`true` : scopeFilter(v.scope, `${alias}.regency_code`);
  return v.caseloadUserId === null ? scope : sql<SqlBool>`(${scope} and ${sql.ref(`${alias}.assigned_user_id`)} = ${v.caseloadUserId})`;
}

function candidates(db: Executor, v: Visibility) {
  return db
    .selectFrom('dedup_candidate as c')
    .innerJoin('person as pa', 'pa.id', 'c.person_a')
    .innerJoin('person as pb', 'pb.id', 'c.person_b')
    .leftJoin('region as ra', 'ra.code', 'pa.regency_code')
    .leftJoin('region as rb', 'rb.code', 'pb.regency_code')
    .leftJoin('site as sa', 'sa.id', 'pa.site_id')
    .leftJoin('site as sb', 'sb.id', 'pb.site_id')
    .leftJoin('app_user as u', 'u.id', 'c.decided_by')
    .select([
      'c.id',
      'c.score',
      'c.reasons',
      'c.status',
      'c.decided_at',
      'c.decision_reason',
      'u.display_name as decided_by_name',
      'pa.id as a_id',
      'pa.case_code as a_case_code',
      'pa.alias as a_alias',
      'pa.regency_code as a_regency_code',
      'ra.name as a_regency_name',
      'sa.code as a_site_code',
      'pa.merged_into_id as a_merged_into_id',
      'pa.assigned_user_id as a_assigned_user_id',
      'pb.id as b_id',
      'pb.case_code as b_case_code',
      'pb.alias as b_alias',
      'pb.regency_code as b_regency_code',
      'rb.name as b_regency_name',
      'sb.code as b_site_code',
      'pb.merged_into_id as b_merged_into_id',
      'pb.assigned_user_id as b_assigned_user_id',
    ])
    .select([visiblePerson(v, 'pa').as('a_visible'), visiblePerson(v, 'pb').as('b_visible')])
    .where((eb) => eb.or([visiblePerson(v, 'pa'), visiblePerson(v, 'pb')]));
}

export type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidates>['executeTakeFirstOrThrow']>>;

export async function listCandidates(
  db: Executor,
  v: Visibility,
  f: { status?: string; regency?: string; limit: number; offset: number },
): Promise<{ rows: CandidateRow[]; total: number }> {
  let q = candidates(db, v);
  if (f.status) q = q.where('c.status', '=', f.status as never);
  if (f.regency) {
    const regency = f.regency;
    q = q.where((eb) => eb.or([eb('pa.regency_code', '=', regency), eb('pb.regency_code', '=', regency)]));
  }
  const [rows, count] = await Promise.all([
    q.orderBy('c.score', 'desc').orderBy('c.id').limit(f.limit).offset(f.offset).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findCandidate(db: Executor, v: Visibility, id: number, forUpdate = false): Promise<CandidateRow | undefined> {
  const q = candidates(db, v).where('c.id', '=', id);
  return (forUpdate ? q.forUpdate('c') : q).executeTakeFirst();
}

export function decisionHistory(db: Executor, candidateId: number) {
  return db
    .selectFrom('dedup_decision as d')
    .leftJoin('app_user as u', 'u.id', 'd.decided_by')
    .select(['d.decision', 'd.reason', 'u.display_name as decided_by_name', 'd.decided_at'])
    .where('d.candidate_id', '=', candidateId)
    .orderBy('d.id')
    .execute();
}

export async function recordDecision(
  db: Executor,
  c: { id: number; status: 'open' | 'undecided' | 'merged' | 'not_duplicate'; decision: 'merged' | 'not_duplicate' | 'undecided' | 'reopened'; reason: string | null; userId: number | null },
): Promise<void> {
  const decided = c.status !== 'open';
  await db
    .updateTable('dedup_candidate')
    .set({
      status: c.status,
      decided_by: decided ? c.userId : null,
      decided_at: decided ? sql<Date>`now()` : null,
      decision_reason: decided ? c.reason : null,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', c.id)
    .execute();
  await db.insertInto('dedup_decision').values({ candidate_id: c.id, decision: c.decision, reason: c.reason, decided_by: c.userId }).execute();
}

/** Merges `mergedId` into `keptId`, unless either is already merged (returns false then). */
export async function mergePerson(db: Executor, mergedId: number, keptId: number): Promise<boolean> {
  const kept = await db.selectFrom('person').select('merged_into_id').where('id', '=', keptId).forUpdate().executeTakeFirst();
  if (!kept || kept.merged_into_id !== null) return false;
  const r = await db
    .updateTable('person')
    .set({ merged_into_id: keptId, merged_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', mergedId)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Undoes a merge: only while the person still points at the record it was merged into. */
export async function unmergePerson(db: Executor, mergedId: number, keptId: number): Promise<boolean> {
  const r = await db
    .updateTable('person')
    .set({ merged_into_id: null, merged_at: null, updated_at: sql<Date>`now()` })
    .where('id', '=', mergedId)
    .where('merged_into_id', '=', keptId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ----------------------------------------------------------------- runs

export function createRun(db: Executor, mode: 'full' | 'new', userId: number | null) {
  return db.insertInto('dedup_run').values({ mode, requested_by: userId }).returning('id').executeTakeFirstOrThrow();
}

export function setRunJob(db: Executor, runId: number, jobId: number) {
  return db.updateTable('dedup_run').set({ job_id: jobId }).where('id', '=', runId).execute();
}

export function findRun(db: Executor, id: number) {
  return db.selectFrom('dedup_run').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listRuns(db: Executor, limit = 20) {
  return db.selectFrom('dedup_run').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export function finishRun(db: Executor, id: number, r: { status: 'done' | 'failed'; persons: number; pairsScored: number; candidatesFound: number }) {
  return db
    .updateTable('dedup_run')
    .set({ status: r.status, persons: r.persons, pairs_scored: r.pairsScored, candidates_found: r.candidatesFound, finished_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

// ----------------------------------------------------------------- the run's data

/**
 * Persons whose blocking keys are missing (mode 'new') or all persons (mode 'full'), a page
 * by id. Erased persons have nothing to key; restricted ones are left out of processing.
 */
export function personsToKey(db: Executor, mode: 'full' | 'new', afterId: number, limit: number) {
  let q = db
    .selectFrom('person')
    .select(['id', 'case_code', 'regency_code', 'sex', 'identity_ct', 'dek_wrapped'])
    .where('id', '>', afterId)
    .where('identity_ct', 'is not', null)
    .where('processing_restricted', '=', false)
    .orderBy('id')
    .limit(limit);
  if (mode === 'new') q = q.where('block_keys', 'is', null);
  return q.execute();
}

export function setBlockKeys(db: Executor, id: number, keys: number[]) {
  return db.updateTable('person').set({ block_keys: keys }).where('id', '=', id).execute();
}

/** Every unmerged person's blocking keys and NIK match token, a page by id. */
export function blockingPage(db: Executor, afterId: number, limit: number) {
  return db
    .selectFrom('person')
    .select(['id', 'block_keys', 'nik_match'])
    .where('id', '>', afterId)
    .where('merged_into_id', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function personsForScoring(db: Executor, ids: number[]) {
  return db
    .selectFrom('person')
    .select(['id', 'case_code', 'regency_code', 'sex', 'identity_ct', 'dek_wrapped'])
    .where('id', 'in', ids)
    .where('processing_restricted', '=', false)
    .execute();
}

/** Pairs already decided (merged or not duplicates): a run leaves them as they are. */
export async function decidedPairs(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('dedup_candidate').select(['person_a', 'person_b']).where('status', 'in', ['merged', 'not_duplicate']).execute();
  return new Set(rows.map((r) => `${r.person_a}:${r.person_b}`));
}

/** Adds or refreshes candidates; a pair's status and decision stay as reviewers left them. */
export async function upsertCandidates(db: Executor, runId: number, pairs: { a: number; b: number; score: number; reasons: string[] }[]): Promise<number> {
  if (pairs.length === 0) return 0;
  const rows = await db
    .insertInto('dedup_candidate')
    .values(pairs.map((p) => ({ person_a: p.a, person_b: p.b, score: p.score, reasons: p.reasons, first_run_id: runId, last_run_id: runId })))
    .onConflict((oc) =>
      oc.columns(['person_a', 'person_b']).doUpdateSet({
        score: (eb) => eb.ref('excluded.score'),
        reasons: (eb) => eb.ref('excluded.reasons'),
        last_run_id: runId,
        updated_at: sql<Date>`now()`,
      }),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute();
  return rows.filter((r) => r.inserted).length;
}
